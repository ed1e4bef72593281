"""Whether a text is written in English: the engine's rules read English only.

English prose is about two-fifths function words ("the", "of", "and", "said"); a text in another
language has few of them, and one in another script has none.

Example::

    >>> english_share("The minister said the talks would resume on Monday.") > 0.3
    True
    >>> english_share("Le ministre a déclaré que les pourparlers reprendraient lundi.") < 0.15
    True
"""

from __future__ import annotations

import re

from .lexicon import words

# Function words of English that are rare as words of other languages written in Latin script.
_ENGLISH = words(
    """the of and to that is was for with as on by at from it its this be are were been has
    have had will would said says not but or which who they their he his she her we our an
    there than also after about more when into what can could should only other over such
    these those them then just new some may being against between because while where"""
)
_WORD = re.compile(r"[^\W\d_]+")
# Words sampled from the start of the text: enough to judge, little to count.
SAMPLE_WORDS = 2000
# Below this share of English function words, a text of some length is not English.
MIN_ENGLISH_SHARE = 0.12
# Texts shorter than this are not judged (a headline, a name).
MIN_WORDS = 20


def english_share(text: str) -> float:
    """The share of English function words among the first words of ``text``."""
    sample = [w.lower() for w in _WORD.findall(text[: SAMPLE_WORDS * 12])][:SAMPLE_WORDS]
    if not sample:
        return 0.0
    return sum(word in _ENGLISH for word in sample) / len(sample)


def language_warning(text: str) -> str | None:
    """A warning for a text that does not look like English, else None."""
    sample = _WORD.findall(text[: SAMPLE_WORDS * 12])
    if len(sample) < MIN_WORDS:
        return None
    share = english_share(text)
    if share >= MIN_ENGLISH_SHARE:
        return None
    return (
        "the article does not look like English (only "
        f"{share:.0%} of its words are common English words); the offline engine reads English "
        "only, so its actors and concerns are likely missing or wrong"
    )
