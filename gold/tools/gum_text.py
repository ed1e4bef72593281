"""Rebuild the published text of a GUM Wikinews document for the gold set.

Usage: python gold/tools/gum_text.py GUM_news_X [GUM_REPO]  > gold/wikinews-NAME.txt

GUM_REPO is a bare git directory of https://github.com/amir-zeldes/gum (default
/work/.mirror/amir-zeldes+gum/repo); files are read from its HEAD with ``git show``.

Structure (title, paragraphs, figure captions, block quotes, section headings) comes from
``_build/src/xml/GUM_news_X.xml``; the words of each sentence come from the ``# text`` line of
``dep/GUM_news_X.conllu`` (GUM's own detokenised sentence text), and sentences are joined with a
space unless the last token of the earlier one carries ``SpaceAfter=No``.

Wikinews page furniture is dropped: the date line after the title, every figure caption but the
first (kept, without its "Image: ..." credit, as its own paragraph after the title), section
headings that only introduce picture galleries, and everything from a "Sources", "Related news",
"External links" or "Categories:" block on.  The result is printed with no trailing newline.

GUM's older documents do not record the original spacing, and their ``# text`` lines space a few
things as no publication does: ``US$ 20,000`` is joined back to ``US$20,000``.  ``FIXES`` holds the
few other per-document corrections, each backed by evidence noted in ``gold/SOURCES.md``: paragraph
breaks GUM lost (from a stored mirror of the Wikinews page), an opening quotation mark that GUM's
spacing attached to the wrong word, and a Wikinews sentence that only points to the page's media.
"""

from __future__ import annotations

import re
import subprocess
import sys

REPO = "/work/.mirror/amir-zeldes+gum/repo"
BLOCKS = {"head", "p", "caption", "item", "quote"}
DATE = re.compile(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}$")
CREDIT = re.compile(r"^(Image|Video|Audio|Images|Photo)s?: ")
CURRENCY = re.compile(r"(?:\b(US|NZ|C|A) ?)?\$ (?=\d)")
# per document: exact (old, new) replacements on the rebuilt text
FIXES: dict[str, list[tuple[str, str]]] = {
    "GUM_news_flag": [
        ('communities," For example', 'communities, "For example'),
        (" Professor Burrows also said", "\n\nProfessor Burrows also said"),
    ],
    "GUM_news_warhol": [
        ('Wilkins said," [Warhol]', 'Wilkins said, "[Warhol]'),
        ("Wikinews provides additional video, audio and photographs so our readers may learn more.\n\n", ""),
    ],
}
STOP = {"Sources", "Related news", "External links", "Categories:", "Related articles"}


def _show(repo: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", repo, "show", f"HEAD:{path}"], check=True, capture_output=True, text=True
    ).stdout


def _sentences(conllu: str) -> list[tuple[str, bool]]:
    """(text, space after the last token) for each sentence, in order."""
    out: list[tuple[str, bool]] = []
    text, last_misc = None, ""
    for line in conllu.splitlines() + [""]:
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                last_misc = cols[9]
        elif not line and text is not None:
            out.append((text, "SpaceAfter=No" not in last_misc.split("|")))
            text, last_misc = None, ""
    return out


def _structure(xml: str) -> list[tuple[str, str, bool]]:
    """(block id, block kind, inside a figure) for each sentence, in order."""
    stack: list[tuple[str, str]] = []
    counter = 0
    loose = 0
    out: list[tuple[str, str, bool]] = []
    for line in xml.splitlines():
        if "\t" in line or not line.startswith("<"):
            continue
        m = re.match(r"<(/?)([a-zA-Z]+)", line)
        if not m:
            continue
        closing, name = m.group(1) == "/", m.group(2)
        if closing:
            while stack and stack.pop()[0] != name:
                pass
            continue
        if line.endswith("/>"):
            continue
        if name == "s":
            blocks = [(n, i) for n, i in stack if n in BLOCKS]
            figure = any(n == "figure" for n, _ in stack)
            if blocks:
                kind, bid = blocks[-1]
                loose += 1
            else:
                kind, bid = "p", f"loose-{loose}"
            out.append((bid, kind, figure))
        counter += 1
        stack.append((name, f"{name}-{counter}"))
        if name == "figure":
            loose += 1
    return out


def rebuild(doc: str, repo: str = REPO) -> str:
    sents = _sentences(_show(repo, f"dep/{doc}.conllu"))
    struct = _structure(_show(repo, f"_build/src/xml/{doc}.xml"))
    if len(sents) != len(struct):
        raise SystemExit(f"{doc}: {len(sents)} sentences in conllu, {len(struct)} in xml")
    groups: list[dict] = []
    for (text, space), (bid, kind, figure) in zip(sents, struct):
        if groups and groups[-1]["id"] == bid:
            groups[-1]["sents"].append((text, space))
        else:
            groups.append({"id": bid, "kind": kind, "figure": figure, "sents": [(text, space)]})
    title = groups[0]["sents"][0][0]
    body: list[dict] = []
    caption = None
    for group in groups[1:]:
        first = group["sents"][0][0]
        if first in STOP:
            break
        group["sents"] = [s for s in group["sents"] if not DATE.match(s[0])]
        if group["figure"]:
            kept = [s for s in group["sents"] if not CREDIT.match(s[0])]
            if caption is None and kept:
                caption = kept
            continue
        if group["sents"]:
            body.append(group)
    # a heading followed only by figures (now dropped) or by another heading is a gallery heading
    body = [
        g for i, g in enumerate(body)
        if not (g["kind"] == "head" and (i + 1 == len(body) or body[i + 1]["kind"] == "head"))
    ]

    def join(sents: list[tuple[str, bool]]) -> str:
        out = ""
        for i, (text, space) in enumerate(sents):
            out += text
            if i + 1 < len(sents):
                out += " " if space else ""
        return out

    paras = [title] + ([join(caption)] if caption else []) + [join(g["sents"]) for g in body]
    text = CURRENCY.sub(lambda m: (m.group(1) or "") + "$", "\n\n".join(paras))
    for old, new in FIXES.get(doc, []):
        if text.count(old) != 1:
            raise SystemExit(f"{doc}: fix {old!r} does not match exactly once")
        text = text.replace(old, new)
    return text


if __name__ == "__main__":
    sys.stdout.write(rebuild(sys.argv[1], *(sys.argv[2:3] or [REPO])))
