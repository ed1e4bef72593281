"""Check the held-out gold files: layout, schema and grounding.

For every ``NAME.txt`` in the folder (default: the folder above this script) with its ``NAME.json``:

- the text is UTF-8, has a title line, then paragraphs separated by exactly one blank line, no trailing
  newline, no trailing spaces and no runs of blank lines;
- the JSON loads with ``summarizer.models.ExtractedSummary.model_validate_json``;
- every mention and every quote is an exact substring of the text, and is also found by
  ``summarizer.grounding.locate_mention`` / ``locate_quote`` on ``NormalisedText(text)``;
- every concern's ``holder`` is the ``name`` of an actor; names and mentions are not duplicated;
- ``summarizer.grounding.check_answer`` reports no problem.

Run with the project's interpreter: ``.venv/bin/python gold/heldout/tools/check_gold.py [FOLDER]``
(put the checkout on ``PYTHONPATH`` to check against its own ``summarizer``). Exits non-zero if any
file fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer.article import Article
from summarizer.grounding import NormalisedText, check_answer, locate_mention, locate_quote
from summarizer.models import ExtractedSummary


def check(txt: Path) -> list[str]:
    problems: list[str] = []
    raw = txt.read_bytes()
    text = raw.decode("utf-8")
    if text.endswith("\n") or text.endswith(" "):
        problems.append("trailing newline or space")
    lines = text.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1] != "":
        problems.append("no title line followed by one blank line")
    for i, line in enumerate(lines):
        if line != line.strip():
            problems.append(f"line {i + 1}: leading or trailing white space")
    if "\n\n\n" in text:
        problems.append("more than one blank line between paragraphs")
    for i in range(0, len(lines), 2):
        if not lines[i]:
            problems.append(f"line {i + 1}: expected a paragraph, found a blank line")
            break
        if i + 1 < len(lines) and lines[i + 1]:
            problems.append(f"line {i + 2}: expected a blank line between paragraphs")
            break

    js = txt.with_suffix(".json")
    if not js.exists():
        return problems + ["no JSON"]
    answer = ExtractedSummary.model_validate_json(js.read_text(encoding="utf-8"))
    article = NormalisedText(text)
    names = [a.name for a in answer.actors]
    if len(set(names)) != len(names):
        problems.append("duplicate actor names")
    for actor in answer.actors:
        if len(set(actor.mentions)) != len(actor.mentions):
            problems.append(f"{actor.name}: duplicate mentions")
        for mention in actor.mentions:
            if mention not in text:
                problems.append(f"{actor.name}: mention {mention!r} not a substring")
            elif locate_mention(article, mention) is None:
                problems.append(f"{actor.name}: locate_mention failed for {mention!r}")
    for concern in answer.stated_concerns:
        if concern.holder not in names:
            problems.append(f"holder {concern.holder!r} is not an actor name")
        if concern.quote not in text:
            problems.append(f"quote not a substring: {concern.quote!r}")
        elif locate_quote(article, concern.quote) is None:
            problems.append(f"locate_quote failed for {concern.quote!r}")
    report = check_answer(Article(text), answer)
    problems.extend(report.problems)
    return problems


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    failed = 0
    for txt in sorted(folder.glob("*.txt")):
        problems = check(txt)
        answer_file = txt.with_suffix(".json")
        counts = ""
        if answer_file.exists() and not problems:
            answer = ExtractedSummary.model_validate_json(answer_file.read_text(encoding="utf-8"))
            counts = f"{len(answer.actors)} actors, {len(answer.stated_concerns)} concerns"
        words = len(txt.read_text(encoding="utf-8").split())
        status = "ok" if not problems else "FAIL"
        print(f"{status:4} {txt.name}: {words} words {counts}")
        for problem in problems:
            print(f"     - {problem}")
        failed += bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
