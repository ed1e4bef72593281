"""The offline engine, rule by rule, on real sentences of the reference article and the gold set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.models import Actor, ActorKind, ConcernKind, ExtractedSummary
from summarizer.offline import ENGINE_VERSION, OfflineAnalysis, analyse

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = (ROOT / "examples" / "ap-kim-russia-jets.txt").read_text(encoding="utf-8")
GOLD = sorted((ROOT / "gold").glob("*.txt"))
DATELINE = "SEOUL, South Korea (AP) — "


@pytest.fixture(scope="module")
def reference() -> OfflineAnalysis:
    return analyse(REFERENCE)


def gold_text(name: str) -> str:
    return (ROOT / "gold" / f"{name}.txt").read_text(encoding="utf-8")


def actor(result: OfflineAnalysis, name: str) -> Actor:
    matches = [a for a in result.actors if a.name == name]
    assert matches, f"{name!r} not in {[a.name for a in result.actors]}"
    return matches[0]


def concerns_of(result: OfflineAnalysis, holder: str) -> list[tuple[ConcernKind, str]]:
    return [(c.kind, c.quote) for c in result.stated_concerns if c.holder == holder]


def assert_grounded(article: str, result: OfflineAnalysis) -> None:
    names = {a.name for a in result.actors}
    for found in result.actors:
        assert len(found.mentions) == len(found.mention_spans)
        assert len(set(found.mentions)) == len(found.mentions)
        for mention, (start, end) in zip(found.mentions, found.mention_spans, strict=True):
            assert article[start:end] == mention
    for concern in result.stated_concerns:
        start, end = concern.quote_span
        assert article[start:end] == concern.quote
        assert concern.holder in names


# Structure ---------------------------------------------------------------------------------------


def test_engine_version_is_recorded_for_offline_runs() -> None:
    from summarizer import summarize

    result = summarize("Officials warned that the bridge could fail.", model="offline")

    assert result.meta.prompt_version == ENGINE_VERSION == "offline-13"


@pytest.mark.parametrize("path", [ROOT / "examples" / "ap-kim-russia-jets.txt", *GOLD], ids=str)
def test_every_span_is_exact_and_the_record_validates(path: Path) -> None:
    article = path.read_text(encoding="utf-8")
    result = analyse(article)
    assert_grounded(article, result)
    ExtractedSummary(
        headline=result.headline,
        summary=result.summary,
        key_points=result.key_points,
        actors=list(result.actors),
        stated_concerns=list(result.stated_concerns),
    )


def test_headline_is_the_title_line(reference: OfflineAnalysis) -> None:
    assert reference.headline == REFERENCE.splitlines()[0]


def test_headline_without_a_title_is_the_compressed_lead() -> None:
    lead = REFERENCE[REFERENCE.index(DATELINE) :].split("\n\n")[0]
    result = analyse(lead)
    assert result.headline.startswith("North Korean leader Kim Jong Un peered into the cockpit")
    assert "SEOUL" not in result.headline and len(result.headline.split()) <= 25
    assert "\n" not in result.headline and not result.headline.endswith(".")


def test_a_title_passed_in_wins() -> None:
    assert analyse(REFERENCE, title="Kim tours a jet plant").headline == "Kim tours a jet plant"


def test_dateline_is_not_part_of_the_lead_sentence(reference: OfflineAnalysis) -> None:
    assert reference.summary.startswith("North Korean leader Kim Jong Un peered")
    assert "(AP)" not in reference.summary and "(AP)" not in " ".join(reference.key_points)


def test_photo_credit_and_caption_are_not_summarised(reference: OfflineAnalysis) -> None:
    text = reference.summary + " ".join(reference.key_points)
    assert "telegram channel" not in text and "In this photo" not in text


def test_abbreviations_and_initialisms_do_not_end_sentences() -> None:
    sentences = [
        "Since last year, the U.S. accused North Korea of providing ammunition, artillery shells "
        "and rockets to Russia, likely much of them copies of Soviet-era munitions.",
        "Trump offered virtually all the government’s 2.3 million civilian workers a chance to "
        "resign and continue to get paid through Sept. 30 without working, but a federal judge "
        "paused the offer until he holds a new hearing Monday afternoon on its legality.",
        "North Korea has struggled to put into space an operational spy satellite to monitor "
        "U.S. and South Korean military movements.",
    ]
    result = analyse(" ".join(sentences))
    assert sorted(result.key_points) == sorted(sentences)


def test_a_quotation_paragraph_goes_to_the_speaker_of_the_paragraph_before() -> None:
    article = gold_text("voa-north-korea-expels-bbc")
    result = analyse(article)
    # The quotation paragraph after Bennett's own paragraph names no speaker: it is his, and
    # its warning is a point of its own.
    assert any(
        kind is ConcernKind.warning and "bad news for North Korea" in quote
        for kind, quote in concerns_of(result, "Bruce Bennett")
    )


def test_two_points_in_one_statement_are_two_concerns() -> None:
    result = analyse(
        "Caitlin Boswell said the new form was clumsy and unthinking, and could put people’s "
        "safety at risk."
    )
    kinds = [kind for kind, _ in concerns_of(result, "Caitlin Boswell")]
    assert kinds == [ConcernKind.criticism, ConcernKind.warning]


def test_summary_has_two_to_five_distinct_sentences(reference: OfflineAnalysis) -> None:
    sentences = [s for s in reference.summary.split(". ") if s]
    assert 2 <= len(sentences) <= 5
    assert len(set(sentences)) == len(sentences)
    assert 1 <= len(reference.key_points) <= 8
    assert len(set(reference.key_points)) == len(reference.key_points)


def test_summary_sentences_are_words_of_the_article(reference: OfflineAnalysis) -> None:
    flat = " ".join(REFERENCE.split())
    for sentence in reference.summary.split(". "):
        assert sentence.rstrip(".") in flat


# Actors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Denis Manturov", "Deputy Prime Minister"),
        ("Dmitry Peskov", "Kremlin spokesman"),
        ("Kim Yung-ho", "South Korean Unification Minister"),
        ("Sergey Lavrov", "Russian Foreign Minister"),
        ("Kim Jong Un", "North Korean leader"),
        ("Vladimir Putin", "President"),
        ("Kim Jong Il", "Kim’s late father"),
    ],
)
def test_people_with_titles_and_roles(reference: OfflineAnalysis, name: str, role: str) -> None:
    found = actor(reference, name)
    assert found.kind is ActorKind.person and found.role == role


def test_role_set_off_by_commas_names_the_person(reference: OfflineAnalysis) -> None:
    # "The governor, Mikhail Degtyarev, said ..." and, earlier, "the region’s governor posted ...".
    degtyarev = actor(reference, "Mikhail Degtyarev")
    assert degtyarev.role == "governor"
    assert {"Degtyarev", "the region’s governor", "The governor"} <= set(degtyarev.mentions)


@pytest.mark.parametrize(
    ("name", "mentions"),
    [
        ("Vladimir Putin", ["Vladimir Putin", "Putin"]),
        ("Denis Manturov", ["Denis Manturov", "Manturov"]),
        ("Kim Jong Un", ["Kim Jong Un", "Kim"]),
    ],
)
def test_surnames_are_linked_to_the_full_name(
    reference: OfflineAnalysis, name: str, mentions: list[str]
) -> None:
    assert set(mentions) <= set(actor(reference, name).mentions)


def test_mention_spans_are_first_occurrences(reference: OfflineAnalysis) -> None:
    putin = actor(reference, "Vladimir Putin")
    assert putin.mention_spans[0][0] == REFERENCE.index("President Vladimir Putin") + 10
    assert putin.mention_spans[1][0] == REFERENCE.index("Putin told Russian media")


def test_same_surname_people_stay_distinct(reference: OfflineAnalysis) -> None:
    kims = [a for a in reference.actors if a.name.startswith("Kim ")]
    assert sorted(a.name for a in kims) == ["Kim Jong Il", "Kim Jong Un", "Kim Yung-ho"]
    # The bare "Kim" goes to the most salient Kim, even right after "Kim’s late father, Kim Jong Il".
    assert [a.name for a in kims if "Kim" in a.mentions] == ["Kim Jong Un"]


def test_spelling_variants_are_one_person() -> None:
    result = analyse(gold_text("voa-north-korea-expels-bbc"))
    assert {"Kim Jong Un", "Kim Jong-Un", "Kim"} <= set(actor(result, "Kim Jong Un").mentions)


@pytest.mark.parametrize(
    ("name", "mentions"),
    [
        (
            "national security advisers of the U.S., South Korea and Japan",
            ["the national security advisers of the U.S., South Korea and Japan"],
        ),
        ("analysts", ["Some analysts"]),
        ("experts", ["experts", "Experts"]),
        ("South Korean officials", ["South Korean officials"]),
        ("foreign governments", ["Foreign governments"]),
    ],
)
def test_groups(reference: OfflineAnalysis, name: str, mentions: list[str]) -> None:
    group = actor(reference, name)
    assert group.kind is ActorKind.group
    assert set(mentions) <= set(group.mentions)


def test_a_group_phrase_with_a_number_is_the_same_group(reference: OfflineAnalysis) -> None:
    advisers = actor(reference, "national security advisers of the U.S., South Korea and Japan")
    assert "three national security advisers" in advisers.mentions


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("White House", ActorKind.government_body),
        ("U.N. Security Council", ActorKind.government_body),
        ("Russian Cabinet", ActorKind.government_body),
        ("South Korea’s presidential office", ActorKind.government_body),
        ("RIA Novosti", ActorKind.organization),
    ],
)
def test_organisations_and_government_bodies(
    reference: OfflineAnalysis, name: str, kind: ActorKind
) -> None:
    assert actor(reference, name).kind is kind


def test_state_media_under_two_names_is_one_actor(reference: OfflineAnalysis) -> None:
    media = actor(reference, "North Korea’s state media")
    assert {"North Korea’s state media", "North Korean media"} <= set(media.mentions)


@pytest.mark.parametrize(
    ("name", "mentions"),
    [
        ("Russia", ["Russia", "Moscow"]),
        ("North Korea", ["North Korea", "the North"]),
        ("United States", ["U.S."]),
        ("Japan", ["Japan"]),
    ],
)
def test_countries_with_capitals_and_aliases(
    reference: OfflineAnalysis, name: str, mentions: list[str]
) -> None:
    country = actor(reference, name)
    assert country.kind is ActorKind.country and set(mentions) <= set(country.mentions)


def test_places_and_addressees_are_not_actors(reference: OfflineAnalysis) -> None:
    names = {a.name for a in reference.actors}
    # "in Ukraine" only ever locates; "told Russian media" addresses; "(AP)" credits.
    assert not names & {"Ukraine", "Russian media", "AP", "Kremlin"}


def test_role_titles_do_not_become_actors_of_their_own(reference: OfflineAnalysis) -> None:
    # "Kremlin spokesman Dmitry Peskov": the Kremlin is part of a title here, not an actor.
    assert "Kremlin" not in {a.name for a in reference.actors}


def test_acronyms_and_descriptions_link_to_the_organisation() -> None:
    result = analyse(gold_text("voa-imf-cuts-growth-forecast"))
    imf = actor(result, "International Monetary Fund")
    assert {"IMF", "the Washington-based agency"} <= set(imf.mentions)


def test_outlet_staff_in_credit_lines_are_not_actors() -> None:
    result = analyse(gold_text("voa-north-korea-expels-bbc"))
    names = {a.name for a in result.actors}
    assert not names & {"Mario Ritter", "Brian Padden", "Victor Beattie", "Youmi Kim", "Bryan Lynn"}


def test_unnamed_people_described_by_role() -> None:
    result = analyse(gold_text("voa-north-korea-expels-bbc"))
    spokesman = actor(result, "defense ministry spokesman")
    assert spokesman.kind is ActorKind.person
    assert spokesman.mentions == ["a defense ministry spokesman"]


# Stated concerns ---------------------------------------------------------------------------------

ADVISERS = "national security advisers of the U.S., South Korea and Japan"


@pytest.mark.parametrize(
    ("holder", "kind", "quote_start"),
    [
        (ADVISERS, ConcernKind.concern, "expressed “serious concerns” about prospective weapons"),
        (ADVISERS, ConcernKind.warning, "They warned Russia and North Korea would “pay a clear"),
        ("Kim Yung-ho", ConcernKind.warning, "Kim Yung-ho warned Thursday that potential arms"),
        ("United States", ConcernKind.accusation, "the U.S. accused North Korea of providing"),
        ("analysts", ConcernKind.doubt, "Some analysts question how much Russia would be willing"),
        ("foreign governments", ConcernKind.other, "Foreign governments and experts speculate"),
    ],
)
def test_each_cue_gives_its_kind(
    reference: OfflineAnalysis, holder: str, kind: ConcernKind, quote_start: str
) -> None:
    assert any(q.startswith(quote_start) for k, q in concerns_of(reference, holder) if k is kind)


@pytest.mark.parametrize(
    ("name", "holder", "kind", "words"),
    [
        (
            "voa-white-house-usaid-shutdown",
            "Democrats in Congress",
            ConcernKind.criticism,
            "have been critical of the changes regarding USAID",
        ),
        (
            "voa-north-korea-expels-bbc",
            "South Korea’s Defense Ministry",
            ConcernKind.criticism,
            "rejected Kim’s assertion that North Korea is a nuclear power",
        ),
        (
            "voa-north-korea-expels-bbc",
            "Bong Young-shik",
            ConcernKind.doubt,
            "doubts the commitment made by Kim Jong-Un at the congress",
        ),
        (
            "voa-iran-zarif-sanctions-childish",
            "Hassan Rouhani",
            ConcernKind.criticism,
            'the move "childish."',
        ),
        (
            "voa-montana-refugee-mayor",
            "Wilmot Collins",
            ConcernKind.concern,
            "this causes him worry",
        ),
    ],
)
def test_cues_in_other_gold_articles(name: str, holder: str, kind: ConcernKind, words: str) -> None:
    result = analyse(gold_text(name))
    assert any(k is kind and words in q for k, q in concerns_of(result, holder))


def test_a_role_with_a_lower_case_complement_names_the_person() -> None:
    result = analyse(gold_text("wikinews-berlin-court-wikimedia-injunction"))
    assert actor(result, "Friedrich Kurz").role == "lawyer of the parents"


def test_quoted_judgements_listed_after_called_stay_one_concern() -> None:
    result = analyse(gold_text("wikinews-berlin-court-wikimedia-injunction"))
    quotes = [quote for _, quote in concerns_of(result, "Friedrich Kurz")]
    assert any('"arbitrary", "tangibly illegal" and a "misjudgment"' in quote for quote in quotes)


def test_quoted_judgements_with_the_comma_inside_the_marks_stay_one_concern() -> None:
    result = analyse(
        "Friedrich Kurz called the plan “reckless,” “costly” and a “mistake” in court."
    )
    quotes = [quote for _, quote in concerns_of(result, "Friedrich Kurz")]
    assert any("“reckless,” “costly” and a “mistake”" in quote for quote in quotes)


def test_the_innermost_speaker_holds_a_nested_report(reference: OfflineAnalysis) -> None:
    # "The White House said the three national security advisers noted that ... would violate".
    quotes = [q for _, q in concerns_of(reference, ADVISERS)]
    assert any(
        "would directly violate multiple U.N. Security Council resolutions" in q for q in quotes
    )
    assert not concerns_of(reference, "White House")


def test_a_pronoun_holder_is_the_group_just_named(reference: OfflineAnalysis) -> None:
    # "They warned ..., according to South Korea’s presidential office": the subject wins.
    assert not concerns_of(reference, "South Korea’s presidential office")


def test_plain_reports_are_not_concerns(reference: OfflineAnalysis) -> None:
    # "Kremlin spokesman Dmitry Peskov later said that Putin had accepted the invitation".
    assert not concerns_of(reference, "Dmitry Peskov")
    assert not concerns_of(reference, "Denis Manturov")


def test_a_concern_without_a_holder_is_not_reported(reference: OfflineAnalysis) -> None:
    # The lead's "a rare foreign trip that has raised concerns about banned weapons transfer".
    lead = REFERENCE.index("has raised concerns")
    assert all(not (s <= lead < e) for c in reference.stated_concerns for s, e in [c.quote_span])


def test_reported_speech_with_a_negative_forecast_is_a_warning() -> None:
    result = analyse(gold_text("voa-imf-cuts-growth-forecast"))
    assert (
        ConcernKind.warning,
        "The IMF said the growth in emerging market economies will slow from 4.6 percent last year "
        "to 4.2 percent in 2015, partly because of lower commodity prices",
    ) in concerns_of(result, "International Monetary Fund")


def test_a_quotation_goes_to_the_speaker_after_it() -> None:
    result = analyse(gold_text("voa-veteran-sleep-app"))
    # '"I didn't like it," Tyler says.'
    assert "I didn't like it" in [q for _, q in concerns_of(result, "Tyler Skluzacek")]


def test_a_reassurance_is_not_a_concern() -> None:
    result = analyse(gold_text("voa-imf-cuts-growth-forecast"))
    assert not concerns_of(result, "Olivier Blanchard")


def test_concern_text_is_a_short_sentence(reference: OfflineAnalysis) -> None:
    for concern in reference.stated_concerns:
        assert concern.concern[:1].isupper() and len(concern.concern.split()) <= 32


# Robustness --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "article",
    [
        "Officials said the bridge would reopen.",
        "Putin",
        "“Our fathers and grandfathers jointly fought against the Japanese militarism,” he said.",
        REFERENCE.replace("\n", "\r\n"),
        "SEOUL, South Korea (AP) — ",
        "\n\n".join(REFERENCE.split("\n\n")[5:9]),
    ],
    ids=["one-sentence", "one-word", "bare-quote", "crlf", "dateline-only", "middle-paragraphs"],
)
def test_any_text_gives_a_valid_grounded_record(article: str) -> None:
    result = analyse(article)
    assert_grounded(article, result)
    assert result.headline and result.summary and result.key_points


def test_a_long_article_is_handled_in_linear_time() -> None:
    article = "\n\n".join([REFERENCE] * 10)
    result = analyse(article)
    assert_grounded(article, result)
    assert len([a for a in result.actors if a.name.startswith("Kim ")]) == 3


def test_records_that_fail_the_second_grounding_check_are_dropped_not_a_crash() -> None:
    # "Doe™" folds to "doetm" when matched: the engine's own mention is then not found again, and
    # the concerns it kept (which already carry spans) go through grounded_records.
    from summarizer import summarize

    article = "Mayor Jane Doe™ spoke. Critics warned that the bridge was unsafe."

    summary = summarize(article, model="offline")

    for concern in summary.stated_concerns:
        start, end = concern.quote_span
        assert article[start:end] == concern.quote
    for found in summary.actors:
        for mention, (start, end) in zip(found.mentions, found.mention_spans, strict=True):
            assert article[start:end] == mention


# Datelines and stopping ---------------------------------------------------------------------------

APOLLO = (
    "Men walk on the moon\n\n"
    "HOUSTON, July 20, 1969 — Astronaut Neil Armstrong stepped onto the moon on Sunday, and "
    "Edwin E. Aldrin Jr. followed him down the ladder. Armstrong said the surface was fine and "
    "powdery.\n\n"
    "Officials at the space agency said the crew would return on Thursday."
)


def test_a_dateline_with_a_date_is_neither_an_actor_nor_summary_text() -> None:
    result = analyse(APOLLO)
    assert "HOUSTON" not in result.summary and "1969" not in " ".join(result.key_points)
    assert not [a for a in result.actors if "HOUSTON" in a.name or "July" in a.name]


@pytest.mark.parametrize(
    "dateline", ["New Delhi — ", "PENTAGON — ", "Evansville, Indiana, United States - "]
)
def test_datelines_of_other_styles_are_left_out_of_the_summary(dateline: str) -> None:
    article = f"Title\n\n{dateline}The mayor said the bridge would reopen. It did."
    assert analyse(article).summary.startswith("The mayor said")


def test_a_name_before_a_dash_is_not_a_dateline() -> None:
    article = "Title\n\nKim Jong Un — the country’s leader — said the tests would go on. He left."
    assert analyse(article).summary.startswith("Kim Jong Un")


class Stop(Exception):
    pass


def test_the_checkpoint_is_called_at_least_once_per_sentence() -> None:
    calls = 0

    def checkpoint() -> None:
        nonlocal calls
        calls += 1

    analyse(REFERENCE, checkpoint=checkpoint)
    sentences = len([s for s in REFERENCE.replace("\n", " ").split(". ") if s])
    assert calls >= sentences


def test_an_exception_from_the_checkpoint_stops_the_run() -> None:
    calls = 0

    def checkpoint() -> None:
        nonlocal calls
        calls += 1
        if calls == 50:
            raise Stop

    with pytest.raises(Stop):
        analyse("\n\n".join([REFERENCE] * 20), checkpoint=checkpoint)
    assert calls == 50


def test_a_text_without_full_stops_is_still_stoppable() -> None:
    calls = 0

    def checkpoint() -> None:
        nonlocal calls
        calls += 1

    article = "word " * 200_000  # one million characters, no sentence end
    analyse(article, checkpoint=checkpoint)
    assert calls >= 100


# Language ----------------------------------------------------------------------------------------

GERMAN = (
    "Neues Gesetz beschlossen\n\n"
    "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen. Die Opposition kritisierte den "
    "Entwurf als unausgegoren und warnte vor hohen Kosten für die Kommunen. Der Minister sagte, "
    "das Gesetz werde im Frühjahr in Kraft treten."
)


def test_an_article_not_in_english_gets_a_warning_instead_of_a_silent_empty_record() -> None:
    result = summarize(GERMAN, model="offline")
    assert result.meta.warnings, "expected a warning"
    assert "not look like English" in result.meta.warnings[0]


def test_an_english_article_gets_no_language_warning(reference: OfflineAnalysis) -> None:
    assert reference.warnings == []
    assert not any("English" in w for w in summarize(REFERENCE, model="offline").meta.warnings)


# The examples of issue 10 ------------------------------------------------------------------------


def test_a_cue_verb_of_any_tense_makes_an_actor_and_a_concern() -> None:
    result = analyse("Jane Smith cautioned that the dam could fail.")
    assert [(a.name, a.kind) for a in result.actors] == [("Jane Smith", ActorKind.person)]
    assert concerns_of(result, "Jane Smith") == [
        (ConcernKind.warning, "Jane Smith cautioned that the dam could fail")
    ]


def test_middle_initials_and_suffixes_stay_in_one_name() -> None:
    result = analyse(APOLLO)
    aldrin = actor(result, "Edwin E. Aldrin Jr.")
    assert aldrin.kind is ActorKind.person
    assert not [a for a in result.actors if a.name in ("Aldrin", "Edwin E.", "Jr.")]


def test_the_soviet_union_is_a_country() -> None:
    result = analyse("The Soviet Union launched the first satellite. The Soviet Union said so.")
    assert actor(result, "Soviet Union").kind is ActorKind.country


def test_a_council_member_gets_the_role() -> None:
    result = analyse("Council member Raymond Diaz said the plan would hurt small businesses.")
    assert actor(result, "Raymond Diaz").role == "Council member"


def test_an_acronym_in_parentheses_links_to_its_long_form() -> None:
    result = analyse(
        "The National Aeronautics and Space Administration (NASA) delayed the launch. "
        "NASA said the rocket was safe."
    )
    nasa = actor(result, "National Aeronautics and Space Administration")
    assert nasa.kind is ActorKind.government_body
    assert "NASA" in nasa.mentions
    assert len(result.actors) == 1


@pytest.mark.parametrize(
    ("article", "holder", "description"),
    [
        (
            "North Korea expelled three reporters because the country was unhappy with their "
            "reports.",
            "North Korea",
            "the country",
        ),
        (
            "Acme Corporation closed two plants on Monday. The company said demand would fall.",
            "Acme Corporation",
            "The company",
        ),
        (
            "Foreign Minister Sergey Lavrov arrived on Monday. The minister said the talks could "
            "fail.",
            "Sergey Lavrov",
            "The minister",
        ),
    ],
)
def test_a_description_links_to_the_actor_it_refers_to(
    article: str, holder: str, description: str
) -> None:
    result = analyse(article)
    assert description in actor(result, holder).mentions
    assert concerns_of(result, holder)


def test_a_pronoun_holder_is_the_person_named_before() -> None:
    result = analyse("Jane Smith met the board on Monday. She warned that the dam could fail.")
    assert concerns_of(result, "Jane Smith") == [
        (ConcernKind.warning, "She warned that the dam could fail")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The mayor spoke on Monday.\n\n“The dam could fail at any time,” said Jane Smith, the "
        "city’s engineer.",
        "Jane Smith spoke on Monday. She said: “The dam could fail at any time.”",
        "Jane Smith, an engineer, spoke on Monday.\n\n“The dam is old,” Smith said, “and it "
        "could fail at any time.”",
        "Jane Smith, an engineer, spoke on Monday.\n\n“The dam could fail at any time. Nobody "
        "listens.”",
        "Jane Smith, an engineer, says the dam could fail.",
        "Jane Smith, an engineer, has said that the dam could fail.",
        "Jane Smith, an engineer, told reporters the dam could fail.",
        "The dam could fail, said Jane Smith, the mayor.",
        "The dam could fail, according to Jane Smith, the mayor.",
        "According to Jane Smith, the mayor, the dam could fail.",
        "Mayor Jane Smith’s warning that the dam could fail went unheeded.",
        "In a statement, Mayor Jane Smith said the dam could fail.",
        "Mayor Jane Smith visited the site on Monday. “It could fail any day,” she said.",
        "Engineer Jane Smith criticized the plan, saying it was reckless.",
    ],
    ids=[
        "quote-said-X",
        "X-said-colon-quote",
        "split-quote",
        "quote-paragraph-after-speaker",
        "says",
        "has-said-that",
        "told-reporters",
        "inverted-said-X-the-mayor",
        "according-to-after",
        "according-to-before",
        "possessive-warning",
        "in-a-statement",
        "pronoun-after-quote",
        "participle",
    ],
)
def test_attribution_forms_give_the_speaker_the_concern(body: str) -> None:
    result = analyse("Dam fears\n\n" + body)
    assert [kind for kind, _ in concerns_of(result, "Jane Smith")], result.stated_concerns


def test_the_garbage_collector_is_left_as_it_was_even_when_stopped() -> None:
    import gc

    assert gc.isenabled()
    analyse(REFERENCE)
    assert gc.isenabled()

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):
        analyse(REFERENCE, checkpoint=stop)
    assert gc.isenabled()
    gc.disable()
    try:
        analyse(REFERENCE)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_pronoun_after_a_quotation_is_not_a_name_inside_it() -> None:
    article = (
        "Envoy talks\n\n"
        "Envoy Steve Witkoff said talks had begun.\n\n"
        "“Part of the problem is that it was a bad deal. The Trump team had nothing to do with "
        "it,” he said."
    )
    assert concerns_of(analyse(article), "Steve Witkoff")


def test_a_role_after_a_name_is_not_an_actor_of_its_own() -> None:
    result = analyse(
        "Paul Dewar, an Ottawa New Democrat MP, said the lapses raise serious questions."
    )
    assert [a.name for a in result.actors] == ["Paul Dewar"]
    assert concerns_of(result, "Paul Dewar")


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Secretary of State Marco Rubio said the deal could fail.",
            "Marco Rubio",
            "Secretary of State",
        ),
        (
            "Minister of Foreign Affairs Wang Yi said the talks went badly.",
            "Wang Yi",
            "Minister of Foreign Affairs",
        ),
        (
            "CEO of the Refugee Council Enver Solomon said the form was unfair.",
            "Enver Solomon",
            "CEO of the Refugee Council",
        ),
    ],
)
def test_a_title_with_its_portfolio_or_organisation_names_the_person(
    sentence: str, name: str, role: str
) -> None:
    assert actor(analyse(sentence), name).role == role


# Rules are data ------------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the engine's data directory that the engine reads instead of its own."""
    import shutil

    from summarizer.offline import lexicon as lexicon_module

    copy = tmp_path / "data"
    shutil.copytree(lexicon_module.DATA, copy)
    monkeypatch.setattr(lexicon_module, "DATA", copy)
    lexicon_module.lexicon.cache_clear()
    yield copy
    monkeypatch.undo()
    lexicon_module.lexicon.cache_clear()


def test_one_line_of_data_adds_a_reporting_verb(data_copy: Path) -> None:
    article = "Jane Smith bewailed that the dam was old."
    assert not analyse(article).stated_concerns
    from summarizer.offline import lexicon as lexicon_module

    with (data_copy / "verbs.txt").open("a", encoding="utf-8") as verbs:
        verbs.write("bewail       concern     person\n")
    lexicon_module.lexicon.cache_clear()
    result = analyse(article)
    assert concerns_of(result, "Jane Smith") == [
        (ConcernKind.concern, "Jane Smith bewailed that the dam was old")
    ]


def test_every_data_file_is_shipped_inside_the_package() -> None:
    from importlib import resources

    data = resources.files("summarizer.offline").joinpath("data")
    names = {entry.name for entry in data.iterdir()}
    assert {"verbs.txt", "titles.txt", "organisation_heads.txt", "place_heads.txt"} <= names
    assert {"group_nouns.txt", "stance.txt", "countries.json"} <= names


def test_the_agent_of_a_passive_report_holds_the_words() -> None:
    result = analyse("The plan was criticised by rights groups as cruel and unworkable.")
    assert [kind for kind, _ in concerns_of(result, "rights groups")] == [ConcernKind.criticism]


@pytest.mark.parametrize(
    "sentence",
    [
        "The World Health Organization says cholera outbreaks are on the rise this year.",
        "The World Health Organization said the programs were not in line with its goals.",
    ],
    ids=["a-rising-harm", "a-negated-merit-phrase"],
)
def test_stance_phrases_make_a_concern(sentence: str) -> None:
    assert concerns_of(analyse(sentence), "World Health Organization")


def test_a_national_branch_of_a_known_organisation_is_one_organisation() -> None:
    result = analyse("The British Red Cross said the camps were full.")
    assert actor(result, "British Red Cross").kind is ActorKind.organization


def test_a_passive_cue_without_its_agent_is_no_one_s_concern() -> None:
    result = analyse(
        "A U.S. flight carrying Indian nationals accused of entering illegally landed."
    )
    assert not result.stated_concerns


def test_a_report_of_a_report_keeps_the_outer_speaker_s_own_words() -> None:
    result = analyse(
        "Economists at Capital Economics said the strike was unlikely to have a lasting effect, "
        "but some retailers fear shortages of toys. Shipping groups warned of delays, and "
        "port workers struck."
    )
    holders = {c.holder.lower() for c in result.stated_concerns}
    assert {"economists at capital economics", "retailers", "shipping groups"} <= holders


def test_a_deadline_stops_the_offline_engine_on_a_long_article_within_a_second() -> None:
    import time

    from summarizer import DeadlineExceeded, Summarizer

    article = "\n\n".join([REFERENCE] * 600)  # about 4 MB: seconds of work
    summarizer = Summarizer(model="offline", deadline=0.3)

    started = time.monotonic()
    with pytest.raises(DeadlineExceeded, match="deadline of 0.3 s"):
        summarizer.summarize(article)

    assert time.monotonic() - started < 1.3
