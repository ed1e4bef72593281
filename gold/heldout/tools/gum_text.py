"""Rebuild the published text of a GUM Wikinews document for the held-out gold set.

Reads ``dep/GUM_news_<name>.conllu`` (the sentences) and ``xml/GUM_news_<name>.xml`` (which
``<head>``, ``<p>`` or ``<figure>`` holds each sentence) from the GUM git mirror; only the texts are
used, not GUM's annotations. Writes the article in the gold layout: the title on the first line, a
blank line, then one paragraph per ``<p>`` or ``<head>``, separated by one blank line, with no
trailing newline.

Words are detokenised from the CoNLL-U tokens with their ``SpaceAfter=No`` marks (multi-word tokens
give their surface form). GUM leaves a few word-internal hyphens spaced, as in ``six - member`` or
``Scientology - owned``; those (tagged ``HYPH``, or a ``-`` tagged ``SYM`` between two words) are
joined (``six-member``) because the hyphen is part of one word. Spaced dashes (``1 – 0``) stay.

Wikinews page furniture is dropped: the weekday date line under the title and every figure caption
except the one photo caption named in ``KEEP_CAPTION`` (moved to the paragraph after the title, as the
gold guide asks). ``DROP_BLOCKS`` lists other furniture blocks by their first words (pull-quote boxes).

Usage::

    python gum_text.py NAME OUT.txt [--mirror /work/.mirror/amir-zeldes+gum/repo] [--commit HEAD]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field

MIRROR = "/work/.mirror/amir-zeldes+gum/repo"
DATE_LINE = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}$"
)

# The photo caption to keep, by its first words; documents not listed keep none.
KEEP_CAPTION = {
    "afghan": "The first FIRST Global robotics competition",
    "election": "Eddie Chu received the largest vote",
    "imprisoned": "The Church of Scientology's cruise ship Freewinds",
    "nasa": "NASA Administrator Charles Bolden announces",
    "stampede": "The Plains of Arafat",
    "taxes": "Instituto Gonzaga",
}
# Non-caption blocks that are page furniture, by their first words.
DROP_BLOCKS = {
    # the bold pull-quote box with its attribution line; the same words stand in the body
    "imprisoned": ["I was basically hauled in and told that my mum had attacked the church and that "
                   "I needed to disconnect from her because she was suppressive. Valeska Paris"],
}


@dataclass
class Block:
    kind: str  # "head", "p", "figure", ...
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def is_hyphen(tokens: list[tuple[str, str, str]], i: int) -> bool:
    """A word-internal hyphen: tagged HYPH, or a plain ``-`` (tagged SYM) between two words."""
    form, xpos, _ = tokens[i]
    if xpos == "HYPH":
        return True
    inside = 0 < i < len(tokens) - 1
    return (form == "-" and xpos == "SYM" and inside
            and tokens[i - 1][0][-1:].isalpha() and tokens[i + 1][0][:1].isalpha())


def detokenise(rows: list[list[str]]) -> str:
    """Join the tokens of one sentence as written, from their SpaceAfter marks."""
    out: list[str] = []
    skip_to = 0
    tokens: list[tuple[str, str, str]] = []  # (form, xpos, misc)
    for row in rows:
        tid = row[0]
        if "." in tid:
            continue  # empty nodes
        if "-" in tid:
            start, end = (int(x) for x in tid.split("-"))
            skip_to = end
            tokens.append((row[1], "", row[9]))
            continue
        if int(tid) <= skip_to:
            continue
        tokens.append((row[1], row[4], row[9]))
    for i, (form, xpos, misc) in enumerate(tokens):
        out.append(form)
        last = i == len(tokens) - 1
        no_space = "SpaceAfter=No" in misc.split("|")
        if is_hyphen(tokens, i) or (not last and is_hyphen(tokens, i + 1)):
            no_space = True
        if not last and not no_space:
            out.append(" ")
    return "".join(out)


def block_ids(xml: str) -> list[tuple[str, int]]:
    """For each sentence (``<s>``) of the GUM XML, the block that holds it: (kind, block number).

    Blocks are ``<head>``, ``<p>`` and ``<figure>`` elements; a figure inside a paragraph (a photo
    placed in it) holds its caption, and the paragraph's sentences after it stay in that paragraph.
    """
    stack: list[tuple[str, int]] = []
    counter = 0
    out: list[tuple[str, int]] = []
    for line in xml.splitlines():
        tag = re.match(r"^<(/?)(head|p|figure|s)[ >]", line)
        if not tag:
            continue
        closing, name = tag.groups()
        if name == "s":
            if not closing:
                out.append(stack[-1])
        elif closing:
            stack.pop()
        else:
            counter += 1
            stack.append((name, counter))
    return out


def read_blocks(conllu: str, xml: str) -> list[Block]:
    sentences: list[str] = []
    rows: list[list[str]] = []
    text_line = ""
    for line in conllu.splitlines() + [""]:
        if line.startswith("# text = "):
            text_line = line.split("= ", 1)[1]
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
        elif not line and rows:
            sentence = detokenise(rows)
            if sentence.replace("-", " - ").split() != text_line.replace("-", " - ").split():
                sys.exit(f"detokenised sentence differs from # text:\n{sentence}\n{text_line}")
            sentences.append(sentence)
            rows = []
    ids = block_ids(xml)
    if len(ids) != len(sentences):
        sys.exit(f"{len(ids)} sentences in the XML, {len(sentences)} in the CoNLL-U")
    blocks: dict[tuple[str, int], Block] = {}
    for ident, sentence in zip(ids, sentences):
        blocks.setdefault(ident, Block(ident[0])).sentences.append(sentence)
    return list(blocks.values())


def build(name: str, conllu: str, xml: str) -> str:
    blocks = read_blocks(conllu, xml)
    title, body = blocks[0], blocks[1:]
    assert title.kind == "head", title
    keep = KEEP_CAPTION.get(name)
    drop = DROP_BLOCKS.get(name, [])
    caption = None
    paragraphs: list[str] = []
    for block in body:
        text = block.text
        if DATE_LINE.match(text):
            continue
        if block.kind == "figure":
            if keep and text.startswith(keep) and caption is None:
                caption = text
            continue
        if any(text.startswith(d) for d in drop):
            continue
        paragraphs.append(text)
    if keep and caption is None:
        sys.exit(f"caption {keep!r} not found")
    lead = [title.text] + ([caption] if caption else [])
    return "\n\n".join(lead + paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the GUM document's short name, e.g. nasa")
    parser.add_argument("out")
    parser.add_argument("--mirror", default=MIRROR)
    parser.add_argument("--commit", default="HEAD")
    args = parser.parse_args()
    def show(path: str) -> str:
        return subprocess.run(
            ["git", "-C", args.mirror, "show", f"{args.commit}:{path}"],
            check=True, capture_output=True, text=True,
        ).stdout

    conllu = show(f"dep/GUM_news_{args.name}.conllu")
    xml = show(f"xml/GUM_news_{args.name}.xml")
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        handle.write(build(args.name, conllu, xml))


if __name__ == "__main__":
    main()
