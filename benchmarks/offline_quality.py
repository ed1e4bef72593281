"""Quality of the offline engine against the hand-annotated gold set in ``gold/``.

For every ``NAME.txt`` with a ``NAME.json`` annotation (an ``ExtractedSummary``) it runs
``summarizer.offline.analyse`` and prints, per article and micro-averaged over all of them:

* person actors: recall and precision. A predicted person matches a gold person when their names
  or any of their mentions are equal after case, white space and apostrophe folding (a leading
  "the" dropped), or when their surnames are equal; matching is one to one.
* concern holders: recall and precision. A predicted concern matches a gold concern when its
  holder matches the gold holder actor (as above, for any kind of actor) and its quote span
  covers at least half of the gold quote's span; one to one.

Targets: person recall >= 0.8, holder recall >= 0.5.

    python benchmarks/offline_quality.py [--gold gold] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from summarizer.models import ActorKind, ExtractedActor, ExtractedSummary
from summarizer.offline import analyse

ROOT = Path(__file__).resolve().parent.parent
PERSON_TARGET = 0.8
HOLDER_TARGET = 0.5
MIN_QUOTE_COVER = 0.5


def fold(text: str) -> str:
    text = " ".join(text.replace("’", "'").replace("‘", "'").casefold().split())
    return text[4:] if text.startswith("the ") else text


def forms(actor: ExtractedActor) -> set[str]:
    return {fold(actor.name), *(fold(m) for m in actor.mentions)}


def surname(actor: ExtractedActor) -> str | None:
    words = fold(actor.name).split()
    return words[-1] if actor.kind is ActorKind.person and len(words) > 1 else None


def strength(gold: ExtractedActor, predicted: ExtractedActor) -> int:
    """3: same name; 2: a shared name or mention; 1: same surname (people); 0: no match."""
    if fold(gold.name) == fold(predicted.name):
        return 3
    if forms(gold) & forms(predicted):
        return 2
    gold_surname, predicted_surname = surname(gold), surname(predicted)
    names = forms(predicted) | ({predicted_surname} if predicted_surname else set())
    if gold_surname and gold_surname in names:
        return 1
    if predicted_surname and predicted_surname in forms(gold):
        return 1
    return 0


def assign(pairs: Iterable[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, strongest pairs first."""
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matched = []
    for gold, predicted, _ in sorted(pairs, key=lambda p: -p[2]):
        if gold in used_gold or predicted in used_predicted:
            continue
        used_gold.add(gold)
        used_predicted.add(predicted)
        matched.append((gold, predicted))
    return matched


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0


def score_people(
    gold: ExtractedSummary, predicted: list[ExtractedActor], report: Callable[[str], None]
) -> Score:
    gold_people = [a for a in gold.actors if a.kind is ActorKind.person]
    people = [a for a in predicted if a.kind is ActorKind.person]
    pairs = [
        (g, p, float(s))
        for g, gold_actor in enumerate(gold_people)
        for p, actor in enumerate(people)
        if (s := strength(gold_actor, actor))
    ]
    matched = assign(pairs)
    hit_gold = {g for g, _ in matched}
    hit_predicted = {p for _, p in matched}
    for g, actor in enumerate(gold_people):
        if g not in hit_gold:
            report(f"    missed person: {actor.name}")
    for p, actor in enumerate(people):
        if p not in hit_predicted:
            report(f"    extra person: {actor.name} {actor.mentions}")
    return Score(len(gold_people), len(people), len(matched))


def score_holders(
    text: str,
    gold: ExtractedSummary,
    analysis_actors: list[ExtractedActor],
    concerns: list,
    report: Callable[[str], None],
) -> Score:
    gold_actors = {a.name: a for a in gold.actors}
    predicted_actors = {a.name: a for a in analysis_actors}
    pairs = []
    for g, concern in enumerate(gold.stated_concerns):
        start = text.find(concern.quote)
        if start < 0:
            report(f"    gold quote not in text: {concern.quote[:60]!r}")
            continue
        end = start + len(concern.quote)
        holder = gold_actors.get(concern.holder)
        if holder is None:
            continue
        for p, found in enumerate(concerns):
            actor = predicted_actors.get(found.holder)
            if actor is None or not strength(holder, actor):
                continue
            s, e = found.quote_span
            cover = max(0, min(e, end) - max(s, start)) / max(1, end - start)
            if cover >= MIN_QUOTE_COVER:
                pairs.append((g, p, cover))
    matched = assign(pairs)
    hit_gold = {g for g, _ in matched}
    hit_predicted = {p for _, p in matched}
    for g, concern in enumerate(gold.stated_concerns):
        if g not in hit_gold:
            report(
                f"    missed concern: {concern.holder} ({concern.kind.value}): {concern.quote[:70]!r}"
            )
    for p, found in enumerate(concerns):
        if p not in hit_predicted:
            report(f"    extra concern: {found.holder} ({found.kind.value}): {found.quote[:70]!r}")
    return Score(len(gold.stated_concerns), len(concerns), len(matched))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "gold")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)

    details: list[str] = []

    def report(line: str) -> None:
        if args.verbose:
            details.append(line)

    people_total, holders_total = Score(), Score()
    print(f"{'article':42} {'person R':>9} {'person P':>9} {'holder R':>9} {'holder P':>9}")
    for annotation in sorted(args.gold.glob("*.json")):
        article = annotation.with_suffix(".txt")
        if not article.exists():
            continue
        text = article.read_text(encoding="utf-8")
        gold = ExtractedSummary.model_validate_json(annotation.read_text(encoding="utf-8"))
        analysis = analyse(text)
        people = score_people(gold, list(analysis.actors), report)
        holders = score_holders(text, gold, list(analysis.actors), analysis.stated_concerns, report)
        people_total.add(people)
        holders_total.add(holders)
        print(
            f"{annotation.stem:42} {people.recall:9.2f} {people.precision:9.2f} "
            f"{holders.recall:9.2f} {holders.precision:9.2f}"
            f"   ({people.matched}/{people.gold} of {people.predicted}; "
            f"{holders.matched}/{holders.gold} of {holders.predicted})"
        )
        print(*details, sep="\n", end="\n" if details else "")
        details.clear()
    print(
        f"{'micro-average':42} {people_total.recall:9.2f} {people_total.precision:9.2f} "
        f"{holders_total.recall:9.2f} {holders_total.precision:9.2f}"
        f"   ({people_total.matched}/{people_total.gold} of {people_total.predicted}; "
        f"{holders_total.matched}/{holders_total.gold} of {holders_total.predicted})"
    )
    ok = people_total.recall >= PERSON_TARGET and holders_total.recall >= HOLDER_TARGET
    print(
        f"targets: person recall >= {PERSON_TARGET}, holder recall >= {HOLDER_TARGET}: "
        + ("met" if ok else "NOT met")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
