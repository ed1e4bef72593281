"""The offline engine's actors, seen through ``analyse`` as a user sees them: invented sentences."""

from __future__ import annotations

from summarizer.offline import analyse


def _actors(text: str) -> dict[str, object]:
    return {actor.name: actor for actor in analyse(text).actors}


def test_a_portfolio_title_before_a_surname_joins_the_full_name() -> None:
    actors = _actors(
        "Secretary of State Maria Hollis arrived in Lima on Monday. "
        "Secretary of State Hollis said the talks would go on. Hollis left on Tuesday."
    )
    assert "State Hollis" not in actors
    assert "Hollis" in actors["Maria Hollis"].mentions


def test_a_capitalised_organisation_after_a_title_is_not_a_person() -> None:
    names = set(_actors("Jane Porter, president and CEO of Human Rights First, said it was wrong."))
    assert "Jane Porter" in names
    assert "Rights" not in names


def test_a_shared_surname_is_listed_under_one_person_only() -> None:
    actors = analyse(
        "Yusuf Hamdan, 14, built a clock at home. Hamdan said he was proud of it. His father, "
        "Karim Hamdan, said the school overreacted. Hamdan said the police should apologise."
    ).actors
    names = [actor.name for actor in actors]
    assert "Yusuf Hamdan" in names and "Karim Hamdan" in names
    seen: list[str] = [mention for actor in actors for mention in actor.mentions]
    assert len(seen) == len(set(seen))
