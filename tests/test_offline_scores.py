"""The offline engine's scores on annotated article sets, pinned so that a change lowering them fails.

The expected figures live in ``tests/data/offline_scores.json``, one entry per directory (relative
to the repository root), with the number of articles they were measured on. After a change that
moves them, or when articles are added to a directory, re-measure and update that file:

    summarizer eval gold --model offline --format json   # aggregate.micro

The figures are in-sample for ``gold/``, ``gold/validation/`` and ``gold/extra/``: the engine's
rules were developed with those articles in view. ``gold/heldout/`` is never read for rules: its
figures are the honest ones, and pinning them here is measurement, not tuning (a fall there fails
like any other).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evaluation import evaluate

from conftest import ROOT

EXPECTED = json.loads((ROOT / "tests" / "data" / "offline_scores.json").read_text("utf-8"))
# How far a figure may move before the expectations must be re-measured.
TOLERANCE = 0.02
FIGURES = ("actor_precision", "actor_recall", "actor_f1", "concern_precision", "concern_recall")


@pytest.mark.parametrize("directory", sorted(EXPECTED), ids=str)
def test_offline_scores_hold(directory: str) -> None:
    expected = EXPECTED[directory]
    path = ROOT / directory
    if not path.is_dir():
        pytest.skip(f"{directory} is not in this checkout")
    articles = sorted(Path(path).glob("*.txt"))
    assert len(articles) == expected["articles"], (
        f"{directory} now has {len(articles)} articles, the expectations {expected['articles']}: "
        "re-measure and update tests/data/offline_scores.json"
    )
    report = evaluate(path, model="offline", cache=False)
    micro = report.aggregate.micro
    measured = {name: round(getattr(micro, name), 3) for name in FIGURES}
    for name in FIGURES:
        assert abs(measured[name] - expected[name]) <= TOLERANCE, (
            f"{directory}: {name} is {measured[name]}, expected {expected[name]} "
            f"(all: {measured}); if the change is meant, update tests/data/offline_scores.json"
        )
