"""The offline engine's actors, seen through ``analyse`` as a user sees them: invented sentences."""

from __future__ import annotations

import pytest

from summarizer.models import ActorKind
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


def test_a_name_set_off_by_commas_is_a_person_when_it_starts_with_a_given_name() -> None:
    actors = _actors(
        "The boat was turned back twice. One of the fishermen, Priya Varma, the youngest "
        "on board, was pulled from the water first."
    )
    assert actors["Priya Varma"].kind.value == "person"


def test_a_person_is_cut_from_the_end_of_an_organisation_run() -> None:
    names = set(
        _actors(
            "Director of the Tri-County Institute of Civic Relations Nadia Farouk said "
            "the plan was unfair."
        )
    )
    assert "Nadia Farouk" in names
    assert not any("Relations" in name for name in names)


def test_an_initial_before_a_given_name_stays_in_the_name() -> None:
    assert "L. Ron Hubbard" in _actors("L. Ron Hubbard founded the movement in 1954.")


def test_a_run_with_a_common_word_is_not_a_person_for_being_a_subject() -> None:
    actors = analyse(
        "The fair is an epic event. Fan Expo Canada opened its doors on Friday. "
        "Epic Mickey drew crowds."
    ).actors
    assert [a.name for a in actors if a.kind.value == "person"] == []


def test_names_in_a_list_or_as_a_modifier_are_not_actors() -> None:
    names = set(
        _actors(
            "Photographs of Ansel Adams, Chuck Close and Walker Evans hang in the hall. "
            "The Annie Oakley print was sold."
        )
    )
    assert not names & {"Chuck Close", "Walker Evans", "Annie Oakley"}


def _countries(text: str) -> set[str]:
    return {a.name for a in analyse(text).actors if a.kind.value == "country"}


def test_a_country_before_a_noun_does_not_act() -> None:
    assert _countries("The plan was described by U.S. officials as a mistake.") == set()
    assert _countries("Talks would include future U.S. aid to the region.") == set()
    assert _countries("Russia wants more time. China plans talks.") == {"Russia", "China"}


def test_a_country_described_by_a_copula_does_not_act() -> None:
    assert _countries("Myanmar is mainly Buddhist.") == set()
    assert _countries("Iran is providing drones.") == {"Iran"}


def test_a_later_item_of_a_list_after_a_preposition_does_not_act() -> None:
    text = "The minister said deals with Albania and France are already yielding results."
    assert "France" not in _countries(text)


def test_a_subject_after_an_introductory_phrase_still_acts() -> None:
    actors = analyse(
        "Dana Whitfield arrived in Lima. Speaking in Lima City, Whitfield warned that the "
        "talks could fail."
    )
    assert [c.holder for c in actors.stated_concerns] == ["Dana Whitfield"]


def test_a_name_after_a_preposition_is_not_a_speaker() -> None:
    actors = _actors(
        "Analysts at Goldman Sachs said the cuts were expected. Mayor Diane Wu of Columbus "
        'called the decision "a blow to the city." Wu said the city would help.'
    )
    assert "Goldman Sachs" not in actors and "Columbus" not in actors
    assert actors["Diane Wu"].mentions == ["Diane Wu", "Wu"]


def test_media_reports_are_one_group() -> None:
    actors = _actors("According to media reports, the camp was expanded last week.")
    # The media are the group; their reports are its mention.
    assert list(actors) == ["media"]
    assert actors["media"].mentions == ["media reports"]


def test_a_bare_group_noun_joins_the_one_group_named_before() -> None:
    actors = _actors(
        "Canadian officials said the border would stay open. Officials did not say for how long."
    )
    assert "officials" not in actors
    assert actors["Canadian officials"].mentions == ["Canadian officials", "Officials"]


def test_a_group_with_its_own_complement_is_not_folded_into_another() -> None:
    actors = _actors(
        "Soviet officials did not say what the mission was. Officials at the launch site "
        "said the rocket was ready."
    )
    assert actors["Soviet officials"].mentions == ["Soviet officials"]


def test_the_recipient_of_told_is_not_an_actor_even_after_the() -> None:
    actors = _actors("Walter Brandt told The Associated Press it was the story of his life.")
    assert "Walter Brandt" in actors
    assert "Associated Press" not in actors


def test_a_group_acts_across_a_short_place_phrase() -> None:
    actors = _actors("Farmers in the area say they need the land to feed their families.")
    # The place phrase before the verb is part of the group's name.
    assert actors["farmers in the area"].mentions == ["Farmers in the area"]


def test_an_organisation_acts_only_as_a_subject_or_a_source() -> None:
    names = set(
        _actors(
            "Lena Ortiz worked with Montana's Department of Health and Human Services for years. "
            "Critics want to reform the Pentagon's purchasing. "
            "The Harbor Fund said it would help."
        )
    )
    assert "Harbor Fund" in names
    assert not any("Department of Health" in name or "Pentagon" in name for name in names)


def test_organisations_in_a_list_share_the_verb() -> None:
    names = set(
        _actors(
            "Both the Irving School District and the Irving Police Department have asserted "
            "that the boy was never suspended. Ubisoft, Microsoft, and Sony all had large areas."
        )
    )
    assert {"Irving School District", "Irving Police Department", "Microsoft"} <= names


def test_according_to_a_countrys_agency_is_a_source() -> None:
    names = set(_actors("A crane fell, according to Saudi Arabia's Civil Defense Authority."))
    assert any("Civil Defense Authority" in name for name in names)


def test_a_group_acted_upon_in_a_passive_does_not_act() -> None:
    groups = {
        a.name
        for a in analyse(
            "In the game, players are dropped into a cave. Residents are worried about the "
            "plan. Volunteers handed out food."
        ).actors
        if a.kind.value == "group"
    }
    assert "players" not in groups
    assert {"residents", "volunteers"} <= {name.lower() for name in groups}


def test_common_acronyms_are_not_organisations() -> None:
    names = set(
        _actors(
            "DNA showed the man was innocent. GPS tracked the truck. NASA said the launch would "
            "go ahead."
        )
    )
    assert "NASA" in names
    assert not names & {"DNA", "GPS"}


def test_an_organisation_is_the_subject_across_a_relative_clause() -> None:
    names = set(
        _actors(
            "Harbor Command, which oversees ports in Maine, Ohio and Texas, announced the "
            "change on Monday."
        )
    )
    assert "Harbor Command" in names


def test_a_leaders_administration_acts_with_a_past_tense_verb() -> None:
    actors = _actors("In 2021, the Biden administration fulfilled a campaign promise.")
    assert actors["Biden administration"].kind.value == "government_body"


def test_a_states_intelligence_services_are_a_body() -> None:
    actors = _actors("U.S. intelligence concluded in a report that the plant was closed.")
    assert actors["U.S. intelligence"].kind.value == "government_body"


def test_a_described_body_that_is_a_source_is_an_actor() -> None:
    actors = _actors(
        "Seven people have died, according to a report by the national disaster council."
    )
    assert actors["national disaster council"].mentions == ["the national disaster council"]


def test_a_description_of_a_named_body_is_not_a_new_actor() -> None:
    actors = _actors(
        "The World Health Organization warned of more outbreaks. The health agency said "
        "vaccines were running low."
    )
    assert "health agency" not in actors


def test_a_group_named_often_is_a_subject_of_the_story() -> None:
    text = (
        "The migrants were flown to the base on Tuesday. Guards watched the migrants closely. "
        "Officials said the migrants would be sent home."
    )
    groups = {a.name for a in analyse(text).actors if a.kind.value == "group"}
    assert "migrants" in groups
    once = "The pilot flew to the base. Guards watched the migrants closely."
    assert "migrants" not in {a.name for a in analyse(once).actors}


def test_a_capital_stands_for_the_former_state_named_in_the_story() -> None:
    soviet = _actors("The Soviet Union launched a probe on Sunday. Moscow has been silent since.")
    assert soviet["Soviet Union"].mentions == ["Soviet Union", "Moscow"]
    assert "Russia" not in soviet
    russia = _actors("Russia launched a rocket on Sunday. Moscow has been silent since.")
    assert russia["Russia"].mentions == ["Russia", "Moscow"]


def test_a_title_with_several_holders_goes_to_the_one_named_last() -> None:
    actors = _actors(
        "President Luis Abinader met the delegation. Guatemalan President Bernardo Arevalo "
        "spoke next. The president said the deal would hold."
    )
    assert "The president" in actors["Bernardo Arevalo"].mentions
    assert "president" not in actors


def test_a_time_adverb_between_subject_and_verb() -> None:
    actors = _actors(
        "Police in New South Wales, Australia yesterday arrested a man. "
        "Norway today said it would help."
    )
    assert "police in New South Wales, Australia" in actors
    assert "Norway" in actors


def test_an_acronym_after_a_plural_headed_name_is_linked() -> None:
    actors = _actors(
        "The study was paid for by the National Institutes of Health (NIH). The NIH says "
        "adults need more sleep."
    )
    assert actors["National Institutes of Health"].mentions == [
        "National Institutes of Health",
        "NIH",
    ]


def test_a_group_named_by_a_demonym_keeps_its_capital() -> None:
    assert "Chinese officials" in _actors("Chinese officials said children should sleep more.")


def test_an_abbreviated_title_gives_way_to_an_appositive_role() -> None:
    actors = _actors("Dr. James Wu, a sleep expert at Stanford University, said more is needed.")
    assert actors["James Wu"].role == "sleep expert at Stanford University"


def test_names_listed_after_a_preposition_and_a_plural_title_do_not_act() -> None:
    names = set(
        _actors(
            "Administrations under former Presidents Barack Obama and Joe Biden had sought to "
            "close the camp. Mayor Ann Bell said so."
        )
    )
    assert "Joe Biden" not in names and "Ann Bell" in names


def test_a_person_named_after_of_with_a_title_does_not_act() -> None:
    names = set(
        _actors(
            "The show included Polaroids of author Truman Capote. The camp was built by the "
            "administration of former President George W. Bush. Curator Ann Bell said so."
        )
    )
    assert "Ann Bell" in names
    assert not names & {"Truman Capote", "George W. Bush"}


def test_an_adverb_in_ly_between_subject_and_verb() -> None:
    actors = _actors("At the school, a teacher mistakenly thought the clock was a bomb.")
    assert actors["teacher"].mentions == ["a teacher"]


def test_the_agent_of_a_passive_is_an_actor() -> None:
    actors = _actors("The document was found on a street by a passerby.")
    assert actors["passerby"].mentions == ["a passerby"]


def test_the_administration_of_a_leader_is_a_body_of_its_own() -> None:
    actors = _actors(
        "The Pentagon said the camp would stay open. The camp was built by the administration "
        "of former President George W. Bush in 2002."
    )
    assert actors["Pentagon"].mentions == ["Pentagon"]
    body = actors["administration of former President George W. Bush"]
    assert body.kind.value == "government_body"


def test_a_capital_before_a_preposition_stands_for_its_country() -> None:
    actors = _actors(
        "North Korea fired a missile. Washington has urged Pyongyang to return to talks."
    )
    assert "Pyongyang" in actors["North Korea"].mentions
    assert "Paris" not in str(_actors("The Paris climate agreement was signed by Japan."))


def test_items_of_a_comma_list_after_a_preposition_do_not_act() -> None:
    names = set(
        _actors(
            "Following meetings in Panama, El Salvador, Costa Rica, and Guatemala, Ann Bell "
            "traveled home. Speaking in Lima City, Bell said the trip went well."
        )
    )
    assert not names & {"El Salvador", "Costa Rica", "Guatemala", "Panama"}
    assert "Ann Bell" in names


def test_a_verb_after_a_dashed_aside_or_an_opening_quote() -> None:
    actors = _actors(
        "Several Western Hemisphere nations—Panama, Chile and Peru—have switched sides. "
        'Harbor Police "is taking this measure to keep people safe," the mayor said.'
    )
    assert "Western Hemisphere nations" in actors
    assert "Harbor Police" in actors


def test_customs_and_border_protection_is_one_body() -> None:
    actors = _actors("Arrests rose sharply, according to U.S. Customs and Border Protection data.")
    assert actors["U.S. Customs and Border Protection"].kind.value == "government_body"


def test_a_countrys_possessive_before_an_act_is_the_country_acting() -> None:
    assert "Russia" in _countries(
        "Talks are under way on how to end Russia’s nearly three-year war."
    )
    assert "Russia" not in _countries("The talks were held in Russia’s largest city.")


def test_a_speaker_named_after_an_appositive_with_an_organisation() -> None:
    actors = _actors(
        "The head of the World Health Organization, Tedros Adhanom Ghebreyesus, said the "
        "outbreak was spreading."
    )
    assert actors["Tedros Adhanom Ghebreyesus"].role == "head of the World Health Organization"


def test_unnamed_speakers_with_a_complement_or_a_relative_clause() -> None:
    actors = _actors(
        "A spokesman for the ministry said the talks would resume. One resident, who asked "
        "not to be named, said the water was unsafe."
    )
    assert actors["spokesman for the ministry"].mentions == ["A spokesman for the ministry"]
    assert actors["resident"].mentions == ["One resident"]


def test_an_organisation_with_its_acronym_in_brackets_acts_as_the_subject() -> None:
    actors = _actors(
        "The National Aeronautics and Space Administration (NASA) said on Monday the rocket "
        "was ready."
    )
    agency = actors["National Aeronautics and Space Administration"]
    assert agency.kind.value == "government_body"
    assert "NASA" in agency.mentions


def test_an_acronym_the_article_defines_is_a_name_even_when_it_spells_a_common_word() -> None:
    actors = _actors(
        "The World Health Organization (WHO) warned on Monday that cholera was spreading. "
        "WHO said 30 countries had reported cases."
    )
    assert "WHO" in actors["World Health Organization"].mentions


def _actor_names(text: str) -> list[str]:
    return [actor.name for actor in analyse(text).actors]


def test_the_outlet_that_reports_the_story_is_not_an_actor() -> None:
    text = (
        "Wikinews spoke with Jane Smith, the festival's director. Wikinews reporters attended "
        "the opening. The Riverton Herald observed that the crowds were larger this year."
    )
    names = _actor_names(text)
    assert "Wikinews" not in names
    assert not any(name.startswith("Wikinews") for name in names)
    # Another outlet stating something is still in the story.
    assert "Riverton Herald" in names


def test_an_outlet_that_sat_down_with_someone_is_not_an_actor() -> None:
    text = "On Sunday, Wikinews sat down with guide skier Andrew Bor. Bor said the course was icy."
    names = _actor_names(text)
    assert "Wikinews" not in names and "Andrew Bor" in names


def test_an_inverted_description_keeps_its_complement_and_gives_a_name_its_role() -> None:
    result = analyse(
        '"There are numerous injuries," said a spokesman for the Riverton Fire and Rescue squad, '
        'Brian Tull. "Two cars are on the way," said a spokeswoman for the Riverton Police.'
    )
    roles = {actor.name: actor.role for actor in result.actors}
    assert roles["Brian Tull"] == "spokesman for the Riverton Fire and Rescue squad"
    assert "spokeswoman for the Riverton Police" in roles
    assert "spokesman" not in roles  # the description is Tull's role, not another person


def test_a_group_after_an_inverted_verb_speaks() -> None:
    result = analyse("The plan will help but could drive an arms race, said analysts.")
    assert [actor.name for actor in result.actors] == ["analysts"]
    assert [(c.holder, c.kind.value) for c in result.stated_concerns] == [("analysts", "warning")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Chinese Embassy in Riverton told reporters that it had no comment.",
            "Chinese Embassy in Riverton",
        ),
        (
            "The Pentagon in its annual report released in May estimates that costs will rise.",
            "Pentagon",
        ),
        (
            "Local officials, in collaboration with the police, identified the suspects.",
            "local officials",
        ),
        ("Jane Smith allowed Ukraine to strike the targets.", "Ukraine"),
        ("Sanaz Toossi, an Iranian-American, wrote the play.", "Sanaz Toossi"),
        (
            "South Africa's opposition parties stood against the new law.",
            "South Africa's opposition parties",
        ),
    ],
)
def test_a_subject_acts_across_its_place_owner_or_aside(text: str, actor: str) -> None:
    assert actor in _actor_names(text)


def test_a_body_named_after_an_organisation_acts_and_its_rulings_are_facts() -> None:
    result = analyse(
        "A United Nations (UN) tribunal in The Hague dismissed the claims on Tuesday. "
        "The tribunal also found that the fishing ban was unfair."
    )
    assert [(a.name, a.mentions) for a in result.actors] == [
        ("United Nations (UN) tribunal", ["United Nations (UN) tribunal", "The tribunal"])
    ]
    assert result.stated_concerns == []


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The Afghan people now own these weapons.", "Afghan people"),
        ("Investigators attempt to determine the cause of the crash.", "investigators"),
        (
            "Lawyers for Riverton and Ashby are seeking a new hearing.",
            "lawyers for Riverton and Ashby",
        ),
        ("Many nations made statements after the decision.", "nations"),
        ("An American jury found that the store was a monopoly.", "American jury"),
    ],
)
def test_a_group_acts_with_a_plain_verb_a_complement_or_a_quantifier(text: str, group: str) -> None:
    assert group in _actor_names(text)


def test_a_group_after_help_is_not_a_subject() -> None:
    assert _actor_names("The teacher used stories to help students understand the world.") == []


def test_a_lower_case_description_before_a_name_makes_an_organisation() -> None:
    result = analyse(
        "Opposition party ActionSA, which vowed to pursue legal action, said the law was unfair."
    )
    assert [(a.name, a.kind.value, a.role) for a in result.actors] == [
        ("ActionSA", "organization", "Opposition party")
    ]
    assert [(c.holder, c.kind.value) for c in result.stated_concerns] == [("ActionSA", "criticism")]


def test_a_role_with_a_bracketed_acronym_is_set_off_before_the_name() -> None:
    result = analyse(
        "Riverton’s minister for NRI (Non-Resident Indians) Affairs, Kuldeep Singh Dhaliwal, "
        "urged people to stay."
    )
    assert [(a.name, a.role) for a in result.actors] == [
        ("Kuldeep Singh Dhaliwal", "Riverton’s minister for NRI (Non-Resident Indians) Affairs")
    ]


def test_a_known_name_with_a_lower_case_word_inside_stays_whole() -> None:
    assert _actor_names("Doctors Without Borders warned of a cholera outbreak.") == [
        "Doctors Without Borders"
    ]


def test_a_person_whose_surname_is_a_place_word_is_still_a_person() -> None:
    result = analyse(
        "The library closed. Its director, Susan Park, said the closure was a mistake."
    )
    assert [(a.name, a.role) for a in result.actors] == [("Susan Park", "director")]


def test_a_town_council_in_lower_case_is_a_body_and_an_appositive_names_its_head() -> None:
    result = analyse(
        "The Riverton city council voted on Tuesday to close the library. The Ohio Library "
        "Alliance, a statewide advocacy group, said it was disappointed. Its director said "
        "the group was considering legal action."
    )
    mentions = {a.name: a.mentions for a in result.actors}
    assert mentions["Riverton city council"] == ["Riverton city council"]
    assert mentions["Ohio Library Alliance"] == ["Ohio Library Alliance", "the group"]


def test_a_bracketed_acronym_after_a_name_is_that_name_whatever_its_letters() -> None:
    result = analyse(
        "The United Nations Children's Fund (UNICEF) raised concerns about the cuts. "
        "UNICEF said funding had fallen."
    )
    assert [(a.name, a.mentions) for a in result.actors] == [
        ("United Nations Children's Fund", ["United Nations Children's Fund", "UNICEF"])
    ]


def test_a_surname_that_is_also_a_title_is_a_name() -> None:
    result = analyse(
        "Prosecutors allege that Robert King, who was mayor until 2020, used public money."
    )
    assert ("Robert King", None) in [(a.name, a.role) for a in result.actors]


def test_council_members_are_one_group() -> None:
    assert "city council members" in _actor_names(
        "City council members expressed frustration that the theft went unnoticed."
    )


def test_a_known_organisation_then_a_name_are_two_actors() -> None:
    names = _actor_names(
        "According to Amnesty International Iason Athanasiadis-Fowden, a reporter, was arrested."
    )
    assert "Amnesty International" in names and "Iason Athanasiadis-Fowden" in names


def test_a_preposition_opening_a_sentence_is_no_part_of_a_name() -> None:
    names = _actor_names("Unlike Itokawa, the asteroid holds together. Unlike Smith, Jones said.")
    assert not any(name.startswith("Unlike") for name in names)


def test_an_organisation_or_a_person_only_acted_upon_is_not_an_actor() -> None:
    names = _actor_names(
        "The Iran-based newspaper Kalameh Sabz was shut down. Maziar Bahari was arrested on "
        "June 21. Amnesty International called for their release."
    )
    assert names == ["Amnesty International"]


def test_an_organisations_study_speaks_for_it() -> None:
    names = _actor_names(
        "At least 28 states recognized the holiday, a Pew Research Center study said."
    )
    assert names == ["Pew Research Center"]


def test_a_sign_off_after_the_outlets_name_is_no_actor() -> None:
    names = _actor_names(
        "Long life\n\nChristopher Murray said people live longer.\n\n"
        "For VOA Learning English, I’m Alex Villarreal."
    )
    assert names == ["Christopher Murray"]


def test_the_reporters_of_an_outlet_that_is_no_actor_are_not_actors() -> None:
    names = _actor_names(
        "Wikinews reporters attended the opening. The BBC said its reporters were expelled. "
        "BBC reporters said they were questioned for hours."
    )
    assert "Wikinews reporters" not in names
    assert "BBC reporters" in names


def test_a_speaker_named_with_an_affiliation_after_the_name_speaks() -> None:
    result = analyse(
        "The ash rose high. Wiranto of the Agency for Volcanology and Disaster Mitigation said, "
        '"It is clearly dangerous, so we have raised the alert to the highest level." '
        "Lina Harsono of the state health department said clinics were full."
    )
    names = {actor.name for actor in result.actors}
    assert {"Wiranto", "Lina Harsono"} <= names
    assert [c.holder for c in result.stated_concerns][:1] == ["Wiranto"]


def test_a_single_word_before_a_given_name_is_part_of_the_name_unless_it_is_an_affiliation() -> (
    None
):
    names = set(
        _actors(
            "Mir Hossein Mousavi said the count was flawed. "
            "Pentagon spokesman Carl Dietz said it was not. NATO Jens Halvorsen agreed."
        )
    )
    assert "Mir Hossein Mousavi" in names
    assert "Hossein Mousavi" not in names
    assert "Jens Halvorsen" in names


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("At the rally, speakers put their arguments to the crowd.", "speakers"),
        ("Hundreds of thousands of women traveled abroad for care.", "women"),
        ("Other suspects fled abroad before the trial.", "suspects"),
        ("Mourners gathered outside the church on Sunday.", "mourners"),
        ("The vote was held, and separatists said it was void.", "separatists"),
    ],
)
def test_people_named_by_what_they_do_act_as_a_group(sentence: str, group: str) -> None:
    assert group in _actors(sentence)


def test_an_appositive_with_a_hyphenated_modifier_gives_the_role() -> None:
    actor = _actors(
        "The vote was counted. Nora Quill, an anti-abortion activist, said the vote was wrong."
    )["Nora Quill"]
    assert actor.role == "anti-abortion activist"


def test_a_boss_set_off_by_commas_is_a_role() -> None:
    actor = _actors(
        "The case grew so large that Liu Weiping, boss of the inspection body, took charge."
    )["Liu Weiping"]
    assert actor.role == "boss of the inspection body"


def test_a_bodys_country_after_of_ends_its_name() -> None:
    actor = _actors("The Security Service of Ukraine (SBU) published a recording.")[
        "Security Service of Ukraine"
    ]
    assert actor.mentions == ["Security Service of Ukraine", "SBU"]


def test_an_unknown_word_opening_a_sentence_speaks_with_any_verb_of_a_person() -> None:
    assert "Eurocontrol" in _actors("The jet was hit. Eurocontrol noted the airspace was closed.")


def test_one_of_a_group_is_a_person_described_by_it() -> None:
    result = analyse(
        "The village was attacked. One of the victims from Saraf Jidad recalled the attack. "
        '"They set my house on fire," he said.'
    )
    actor = {a.name: a for a in result.actors}["victim from Saraf Jidad"]
    assert actor.kind.value == "person"
    assert actor.mentions == ["One of the victims from Saraf Jidad"]
    assert [c.holder for c in result.stated_concerns] == ["victim from Saraf Jidad"]


def test_a_title_for_a_region_before_a_name_is_the_role() -> None:
    actor = _actors('"Act now," said WHO Regional Director for Africa Luis Sambo.')["Luis Sambo"]
    assert actor.role == "WHO Regional Director for Africa"


def test_dr_without_a_full_stop_is_a_title_and_the_appositive_gives_the_role() -> None:
    actors = _actors("Dr Ann Kimura, Director of the institute, said the outbreak was severe.")
    assert list(actors) == ["Ann Kimura"]
    assert actors["Ann Kimura"].role == "Director of the institute"


def test_a_known_organisation_with_a_foreign_inner_word() -> None:
    actors = _actors("Medecins sans Frontieres (MSF) said the health system was falling apart.")
    assert actors["Medecins sans Frontieres"].mentions == ["Medecins sans Frontieres", "MSF"]


def test_a_party_named_before_a_lower_case_party_is_its_name() -> None:
    result = analyse(
        "The opposition accused Mugabe's ZANU-PF party of violence. The party denied it."
    )
    actor = {a.name: a for a in result.actors}["ZANU-PF"]
    assert actor.mentions == ["ZANU-PF", "The party"]


def test_a_description_ends_at_a_preposition() -> None:
    names = set(_actors('"The agency appeals to member states to act," said Luis Sambo.'))
    assert names == {"Luis Sambo"}


def test_a_name_before_who_and_a_reporting_verb_speaks() -> None:
    names = set(
        _actors('Opponents spoke, including Lord Pemberley, who said: "The vote was a mistake."')
    )
    assert "Lord Pemberley" in names


def test_who_in_capitals_is_the_health_agency_but_not_in_a_shouted_line() -> None:
    result = analyse("Talks were held. WHO IS TO BLAME? WHO has warned all nations should prepare.")
    assert [a.name for a in result.actors] == ["WHO"]
    assert [c.holder for c in result.stated_concerns] == ["WHO"]


def test_a_surname_without_its_arabic_article_is_the_same_person() -> None:
    actors = _actors("Anwar al-Awlaki spoke in a video. Awlaki said he was innocent.")
    assert actors["Anwar al-Awlaki"].mentions == ["Anwar al-Awlaki", "Awlaki"]


def test_a_long_court_name_after_a_judges_title_is_part_of_the_role() -> None:
    actor = _actors(
        "John D. Bates, United States federal judge for the United States District Court for "
        "the District of Columbia, wrote that the suit failed."
    )["John D. Bates"]
    assert actor.role is not None and actor.role.endswith("District of Columbia")


@pytest.mark.parametrize(
    "name",
    ["U.S. Geological Survey", "London Gay Men's Chorus", "People's Daily", "China Daily"],
)
def test_names_of_bodies_with_heads_of_many_fields(name: str) -> None:
    assert name in _actors(f"The quake struck. The {name} said the damage was severe.")


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        (
            "So far three countries, Sierra Leone, Liberia, and Nigeria, have declared emergencies.",
            {"Sierra Leone", "Liberia", "Nigeria"},
        ),
        (
            "Other countries, such as the Netherlands, Switzerland, and Spain, have also "
            "announced new cases.",
            {"Netherlands", "Switzerland", "Spain"},
        ),
        ("The watch was lifted. Later, India too ended its watch.", {"India"}),
    ],
)
def test_countries_in_a_list_set_off_by_commas_or_with_too_act(
    sentence: str, countries: set[str]
) -> None:
    assert countries <= set(_actors(sentence))


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        (
            "Yemeni law enforcement officials charged him with crimes.",
            "Yemeni law enforcement officials",
        ),
        ("Tobacco companies said the ban was unfair.", "tobacco companies"),
        ("People in Sumatra fled from their homes.", "people in Sumatra"),
    ],
)
def test_groups_named_by_their_field_or_their_place(sentence: str, group: str) -> None:
    assert group in _actors("The case grew. " + sentence)


def test_people_alone_are_no_group() -> None:
    assert _actors("The quake struck. People said it was bad.") == {}


def test_two_bodies_joined_by_and_the_stay_two() -> None:
    names = _actors(
        "The report, issued jointly by the UN High Commissioner for Human Rights and the UN "
        "African Union Mission in Darfur, describes attacks."
    )
    assert "UN High Commissioner for Human Rights" in names
    assert not any(" and the " in name for name in names)
    # One name with "and" inside it is still one body.
    assert "National Aeronautics and Space Administration" in _actors(
        "The National Aeronautics and Space Administration said the launch would wait."
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The deal closed. AirAsia said it bought 20 planes.", "AirAsia"),
        ("The deal closed. Globex signed the contract on Monday.", "Globex"),
    ],
)
def test_a_lone_unknown_word_opening_a_sentence_acts_as_a_name(text: str, name: str) -> None:
    assert name in _actors(text)


@pytest.mark.parametrize(
    "text",
    [
        "The match went on. Gameplay was delayed during the third map.",
        "The mosque grew. Construction was underway at the mosque.",
        "He was convicted. Having been placed in prison, he was moved.",
        "The study ended. Estimates suggested a fall.",
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_actor(text: str) -> None:
    assert _actors(text) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The show opened. Procter & Gamble said sales fell.", "Procter & Gamble"),
        (
            "The show opened. The National Museum of African American History & Culture wrote "
            "that the event remains largely unknown.",
            "National Museum of African American History & Culture",
        ),
    ],
)
def test_an_ampersand_joins_one_organisation_name(text: str, name: str) -> None:
    assert _actors(text)[name].kind.value == "organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "State television said agents and al Qaeda members are trying to sabotage the city.",
            "al Qaeda members",
        ),
        (
            "The city fell. State television said agents were trying to sabotage it.",
            "State television",
        ),
        (
            "The city fell. Libyan state television said agents were trying to sabotage it.",
            "Libyan state television",
        ),
    ],
)
def test_broadcasters_and_groups_named_with_an_arabic_article(text: str, name: str) -> None:
    assert name in _actors(text)


def test_the_description_again_is_the_person_described_before() -> None:
    actors = _actors(
        "A senior Western diplomat met reporters. The diplomat warned that the talks could fail."
    )
    assert list(actors) == ["senior Western diplomat"]
    assert "The diplomat" in actors["senior Western diplomat"].mentions


def test_the_group_is_no_state_body_named_before() -> None:
    actors = _actors(
        "The State Department did not respond. Mary Lee said the group had closed three clinics."
    )
    assert "the group" not in actors["State Department"].mentions


def test_an_organisation_known_by_its_apposed_description() -> None:
    actors = _actors(
        "The copper mine waits. Resolution Copper, the company behind the project, said it was "
        "disappointed. The company will appeal."
    )
    assert actors["Resolution Copper"].kind.value == "organization"
    assert "The company" in actors["Resolution Copper"].mentions


def test_a_tribe_is_an_organisation() -> None:
    text = "The mine is on land that the San Carlos Apache Tribe considers sacred. The tribe sued."
    assert _actors(text)["San Carlos Apache Tribe"].kind.value == "organization"


def test_a_name_before_a_lower_case_place_word_is_a_place() -> None:
    text = (
        "The storm hit. In India's West Bengal state, rescuers pulled bodies from buildings, "
        "officials said."
    )
    assert "West Bengal" not in _actors(text)


def test_a_countrys_described_agency_is_a_body_of_its_own() -> None:
    result = analyse("The leak grew. Japan's nuclear agency said the leak was serious.")
    assert [(a.name, a.kind) for a in result.actors] == [
        ("Japan's nuclear agency", ActorKind.government_body)
    ]


def test_an_unlisted_plural_for_people_that_speaks_is_a_group() -> None:
    result = analyse("The war ended. Confederate slaveholders did not agree with it.")
    assert [(a.name, a.kind) for a in result.actors] == [
        ("Confederate slaveholders", ActorKind.group)
    ]
    assert [c.holder for c in result.stated_concerns] == ["Confederate slaveholders"]
    # Documents are no people: "the Iranian papers said" names no group.
    assert analyse("The war ended. The Iranian papers said it was over.").actors == []


def test_a_plural_head_ends_an_organisations_name() -> None:
    result = analyse(
        "The flu spread. The Centers for Disease Control and Prevention said the virus spread."
    )
    assert "Centers for Disease Control and Prevention" in [a.name for a in result.actors]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Beef was banned in 2003 after the United States discovered a case.", "United States"),
        ("Beef was banned in 2003 after Jane Smith discovered the first case.", "Jane Smith"),
    ],
)
def test_the_subject_of_a_clause_after_after_acts(text: str, name: str) -> None:
    assert [a.name for a in analyse("The ban.\n\n" + text).actors] == [name]


def test_a_name_with_a_middle_name_is_the_same_person() -> None:
    result = analyse(
        "Singer dies.\n\nAretha Louise Franklin was born in Memphis. Aretha Franklin said she "
        "was proud."
    )
    assert len(result.actors) == 1
    assert {"Aretha Louise Franklin", "Aretha Franklin"} <= set(result.actors[0].mentions)


def test_the_agent_of_a_passive_acts_but_one_who_only_saw_holds_nothing() -> None:
    assert [a.name for a in analyse("The protest.\n\nTwo men were shot by Jane Smith.").actors] == [
        "Jane Smith"
    ]
    result = analyse("The plan.\n\nA letter seen by Sky News says the plan could fail.")
    assert result.stated_concerns == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The next day, Ingenuity team members reestablished communications.",
            "Ingenuity team members",
        ),
        ("Soon, audience members started moving to the music.", "audience members"),
        ("Local media reports suggest that people fled.", "Local media"),
    ],
)
def test_a_compound_group_is_one_actor_named_by_its_last_noun(text: str, name: str) -> None:
    assert [a.name for a in analyse("The story.\n\n" + text).actors] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"It is spreading," said a spokesperson for NISA.', "spokesperson for NISA"),
        ("An Iraqi policeman said the house was empty.", "Iraqi policeman"),
    ],
)
def test_described_people_who_speak(text: str, name: str) -> None:
    assert name in [a.name for a in analyse("The story.\n\n" + text).actors]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Immigration campaign groups said the cuts were cruel.", "immigration campaign groups"),
        (
            '"Emergency response teams are already on the scene," she said.',
            "emergency response teams",
        ),
    ],
)
def test_nouns_that_name_a_groups_field_belong_to_its_name(text: str, name: str) -> None:
    assert name in [a.name for a in analyse("The story.\n\n" + text).actors]


@pytest.mark.parametrize(
    "text",
    [
        "The frightened residents fled as police moved to clear protesters.",
        "He says it is not true when people say refugees do nothing.",
    ],
)
def test_adjectives_verbs_and_conjunctions_stay_out_of_a_groups_name(text: str) -> None:
    names = " ".join(a.name for a in analyse("The story.\n\n" + text).actors)
    for word in ("frightened", "clear", "when", "true"):
        assert word not in names


def test_her_father_acting_is_the_relation_of_the_person_named_before() -> None:
    result = analyse(
        "Singer dies.\n\nAretha Franklin was born in Memphis. Her father was a preacher. Her "
        "mother died that year. She sang with her father."
    )
    actors = {a.name: a.mentions for a in result.actors}
    assert actors["Aretha Franklin's father"] == ["Her father"]
    assert actors["Aretha Franklin's mother"] == ["Her mother"]


@pytest.mark.parametrize(
    "text",
    [
        "Wilmot Collins and his wife, Maddie, fled the war.",
        "Collins and his wife were among the first refugees.",
        "Ahmed Mohamed spoke. His father Mohamed El-Hassan Mohamed said he was proud.",
    ],
)
def test_a_named_or_accompanying_relation_is_no_actor_apart(text: str) -> None:
    assert not any("'s " in a.name for a in analyse("The story.\n\n" + text).actors)


def test_a_titles_possession_set_off_after_a_name_is_no_role() -> None:
    result = analyse(
        "The protest.\n\nProtesters tried to block the road into Cheongwadae, the President's "
        "house."
    )
    assert "Cheongwadae" not in [a.name for a in result.actors]


@pytest.mark.parametrize(
    ("text", "kept", "not_apart"),
    [
        # a plural's possessive apostrophe opens no quotation
        (
            "Flu spreads\n\nThe United Nations' World Health Organization reported that cases "
            "rose throughout the world. The chief of the WHO, Margaret Chan, spoke.",
            "World Health Organization",
            "Health Organization",
        ),
        # a body described again after its name is the same actor
        (
            "The ruling.\n\nIsrael jailed the head of the Palestinian Legislative Council, the "
            "Palestinian parliament, for three years. The Palestinian parliament said it was "
            "unjust.",
            "Palestinian Legislative Council",
            "Palestinian parliament",
        ),
    ],
)
def test_one_body_under_one_name(text: str, kept: str, not_apart: str) -> None:
    names = [a.name for a in analyse(text).actors]
    assert kept in names
    assert not_apart not in names


def test_a_plural_club_name_is_an_organisation_not_a_surname() -> None:
    result = analyse(
        "Sounders win\n\nVancouver Whitecaps lost their second game. The shot went past a diving "
        'Whitecaps goalkeeper. "It was a disaster," he told whitecapsfc.com.'
    )
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds["Vancouver Whitecaps"] is ActorKind.organization


def test_a_web_address_is_one_word() -> None:
    result = analyse(
        'Sounders win\n\nOmar Jarun spoke after the game. "The first minutes were an absolute '
        'disaster," he told whitecapsfc.com.'
    )
    assert [c.holder for c in result.stated_concerns] == ["Omar Jarun"]


def test_pirates_and_commandos_who_act_are_groups() -> None:
    result = analyse(
        "The ship.\n\nThe ship, hijacked by Somali pirates seven months ago, was attacked. The "
        "captain was freed by US commandos who killed three of the pirates."
    )
    names = [a.name for a in result.actors]
    assert "Somali pirates" in names and "US commandos" in names


def test_the_comma_closing_an_opening_clause_sets_off_no_appositive() -> None:
    result = analyse(
        "The death.\n\nWhile Chan's colleagues declined to comment to The New Paper, a staff "
        'member at the resort, who witnessed it, stated, "It all happened very quickly."'
    )
    names = [a.name for a in result.actors]
    assert "New Paper" not in names and "The New Paper" not in names
    assert "Chan's colleagues" in names


def test_a_shorter_name_ending_a_longer_one_is_the_same_person() -> None:
    result = analyse(
        "The match.\n\nSeattle took control after goals from Josh Gardner and Sebastien Le Toux. "
        "Le Toux scored again."
    )
    assert [a.name for a in result.actors if "Toux" in a.name] == ["Sebastien Le Toux"]


def test_a_place_phrase_between_a_group_and_its_verb_belongs_to_its_name() -> None:
    result = analyse("The quake.\n\nFire officials in the city said three people were rescued.")
    assert [a.name for a in result.actors] == ["fire officials in the city"]
    # A verb right after the preposition is no place: "banning migrants from claiming asylum".
    result = analyse("The law.\n\nThe law bans illegal migrants from claiming asylum in the UK.")
    assert "migrants from" not in [a.name for a in result.actors]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A rebel activist in the city said snipers were on the roofs.",
            "rebel activist in the city",
        ),
        ("A local businessman said the market would close.", "local businessman"),
    ],
)
def test_unnamed_people_described_with_a_place_or_a_trade_speak(text: str, name: str) -> None:
    assert name in [a.name for a in analyse("The city.\n\n" + text).actors]


def test_a_place_called_something_is_no_verb_of_the_person_before_it() -> None:
    result = analyse(
        "The app.\n\nTyler and another team member at a competition called HackDC built an app."
    )
    assert not any("competition" in a.name for a in result.actors)


def test_a_spokesperson_for_a_body_described_after_it_speaks() -> None:
    result = analyse(
        "The quake.\n\nA spokesperson for NISA, the Japanese government nuclear authority, said "
        "officials had upgraded the crisis."
    )
    assert "spokesperson for NISA" in [a.name for a in result.actors]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The launch director of Atlantis said the weather was bad.",
            "launch director of Atlantis",
        ),
        (
            'One witness of the Silea attack reported, "They burned the houses."',
            "witness of the Silea attack",
        ),
    ],
)
def test_a_described_person_with_a_complement_speaks(text: str, name: str) -> None:
    assert name in [a.name for a in analyse("The story.\n\n" + text).actors]


def test_a_noun_in_a_complement_is_no_verb_ending_it() -> None:
    result = analyse(
        "The quake.\n\nA scientist at the Indian tsunami warning center said the danger passed."
    )
    assert "scientist at the Indian tsunami" not in [a.name for a in result.actors]


def test_an_owner_or_a_colleague_of_someone_named_acts_on_their_own() -> None:
    result = analyse(
        "The ship.\n\nThe Maersk Alabama was attacked. Maersk Alabama's owner said the crew was safe."
    )
    assert "Maersk Alabama's owner" in [a.name for a in result.actors]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "In reaction, the Indonesian disaster management agency said power was cut.",
            "Indonesian disaster management agency",
        ),
        ("The UN's relief agency said the situation was a crisis.", "UN's relief agency"),
    ],
)
def test_a_body_described_by_its_state_or_owner_and_its_field_acts(text: str, name: str) -> None:
    assert name in [a.name for a in analyse("The story.\n\n" + text).actors]


def test_a_described_body_is_not_another_states_body_named_before() -> None:
    names = [
        a.name
        for a in analyse(
            "The quake.\n\nThe U.S. Geological Survey measured the quake. The Pacific Tsunami "
            "Warning Center issued a watch. Later, the Indonesian disaster management agency said "
            "power had been shut down."
        ).actors
    ]
    assert "Indonesian disaster management agency" in names


def test_a_described_body_is_the_one_body_named_before_it() -> None:
    result = analyse(
        "The probe.\n\nNASA said the probe was lost. The American space agency said it would try "
        "again."
    )
    assert [a.name for a in result.actors] == ["NASA"]


def test_the_letters_of_a_term_are_no_organisation() -> None:
    names = [
        a.name
        for a in analyse(
            "Tech in 2024.\n\nCompanies built artificial intelligence (AI) tools. AI continues to "
            "grow. Apple chief Tim Cook said the phones were designed for Apple Intelligence."
        ).actors
    ]
    assert "Apple Intelligence" not in names and "AI" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("LGBT activists and models attended the event.", "LGBT activists and models"),
        ("Black families and friends celebrated near rivers.", "Black families and friends"),
    ],
)
def test_two_plurals_joined_before_a_verb_are_one_group(text: str, name: str) -> None:
    assert [a.name for a in analyse("The story.\n\n" + text).actors] == [name]


def test_two_sides_or_a_speakers_own_people_are_no_joined_group() -> None:
    result = analyse(
        "The war.\n\nThe area is a conflict zone between Ukrainian forces and separatists who "
        'fight on. "Our fathers and grandfathers fought together," he said.'
    )
    names = [a.name for a in result.actors]
    assert "Ukrainian forces and separatists" not in names
    assert "fathers and grandfathers" not in names


def test_two_groups_joined_before_a_reporting_verb_each_speak() -> None:
    names = [
        a.name
        for a in analyse(
            "Arms.\n\nForeign governments and experts speculate Kim will supply ammunition."
        ).actors
    ]
    assert "foreign governments" in [name.lower() for name in names]
    assert "experts" in names


def test_the_people_of_a_country_named_in_the_plural_are_a_group() -> None:
    names = [a.name for a in analyse("The law.\n\nMost Kenyans support the new law.").actors]
    assert names == ["Kenyans"]
    state = [a.name for a in analyse("Arms.\n\nThe Russians have always said no.").actors]
    assert "Russians" not in state


@pytest.mark.parametrize("paper", ["Daily Record", "New Paper"])
def test_a_capitalised_name_after_the_is_an_organisation(paper: str) -> None:
    result = analyse(
        f"Arrests.\n\nThe {paper} reported five arrests. Later, the {paper} said more."
    )
    assert [(a.name, a.kind) for a in result.actors] == [(paper, ActorKind.organization)]


def test_a_title_with_a_portfolio_after_the_names_its_holder() -> None:
    result = analyse(
        "Ban.\n\nIsraeli Minister of the Interior Arye Derry issued a statement. Hassan Omar,"
        " vice chairman of the National Commission on Human Rights, said reports came in."
    )
    people = {(a.name, a.role) for a in result.actors if a.kind is ActorKind.person}
    assert ("Arye Derry", "Israeli Minister of the Interior") in people
    assert "Human Rights" not in [a.name for a in result.actors]


def test_a_name_given_an_age_is_a_person() -> None:
    result = analyse(
        "Bombs.\n\nYasmeen Afdhal, 24, who works for the provincial administration, was a witness."
    )
    assert [(a.name, a.kind) for a in result.actors] == [("Yasmeen Afdhal", ActorKind.person)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prime Minister Nouri Maliki accused al-Qaeda of being behind the bombings.", "al-Qaeda"),
        ("The government blamed Hamas for the attack.", "Hamas"),
        ("Officials accused North Korea of supplying arms.", "North Korea"),
    ],
)
def test_the_one_accused_of_a_wrong_is_an_actor(text: str, name: str) -> None:
    assert name in [a.name for a in analyse("Attack.\n\n" + text).actors]


def test_full_names_listed_beside_a_person_as_a_subject_are_people() -> None:
    result = analyse(
        "Pride.\n\nPoliticians including Mayor Philippe Close, Johan Van den Driessche, Meyrem"
        " Almaci, Pascal Smet, as well as Sven Gatz attended the pride."
    )
    assert [a.name for a in result.actors if a.kind is ActorKind.person] == [
        "Philippe Close",
        "Johan Van den Driessche",
        "Meyrem Almaci",
        "Pascal Smet",
        "Sven Gatz",
    ]


def test_names_a_sentence_only_mentions_in_a_list_stay_out() -> None:
    result = analyse(
        "Album.\n\nAretha Franklin said she was working on an album with others, mentioning"
        " Zorba Almaci, Quill Smet, and Lionel Richie."
    )
    assert "Quill Smet" not in [a.name for a in result.actors]


@pytest.mark.parametrize(
    ("text", "name", "trade"),
    [
        (
            "The apparel manufacturer Merrell has agreed to donate the footwear.",
            "Merrell",
            "manufacturer",
        ),
        ("Japanese carmaker Toyota said sales fell.", "Toyota", "carmaker"),
        ("Budget airline Ryanair said fares will rise.", "Ryanair", "airline"),
    ],
)
def test_a_trade_before_a_name_makes_it_a_company(text: str, name: str, trade: str) -> None:
    actors = analyse("Business.\n\n" + text).actors
    assert [(a.name, a.kind) for a in actors] == [(name, ActorKind.organization)]
    assert trade in (actors[0].role or "")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The archaeologists fear they may have to postpone work.", "archaeologists"),
        ("Geologists warned the volcano could erupt.", "Geologists"),
        ("The statisticians doubt the figures.", "statisticians"),
    ],
)
def test_people_named_by_their_field_are_a_group_that_speaks(text: str, name: str) -> None:
    result = analyse("Science.\n\n" + text)
    assert [(a.name, a.kind) for a in result.actors] == [(name, ActorKind.group)]
    assert [c.holder for c in result.stated_concerns] == [name]


def test_a_verb_form_after_a_determiner_does_not_end_a_description() -> None:
    result = analyse(
        "Bombs.\n\nHamid Saadi, the owner of a shop near the blast, told the news agency Reuters"
        " that the explosion caused significant destruction."
    )
    assert [(a.name, a.role) for a in result.actors] == [
        ("Hamid Saadi", "owner of a shop near the blast")
    ]


def test_a_state_the_headline_names_is_the_story_subject() -> None:
    kenya = analyse(
        "Annan warns Kenya over future poll violence\n\nKofi Annan said reforms in Kenya were slow."
    )
    assert [a.name for a in kenya.actors] == ["Kofi Annan", "Kenya"]
    # Named as a place, or inside another name, it is none.
    for headline in ("Massive storm hits coast in Kenya", "Kenya Airways cuts flights"):
        result = analyse(f"{headline}\n\nOfficials said flights to Kenya were cancelled.")
        assert "Kenya" not in [a.name for a in result.actors]


def test_a_name_ending_in_a_word_of_the_story_that_acts_is_a_company() -> None:
    result = analyse(
        "Rail.\n\nNetwork Rail has checked 700 sets of rail points. Imperial Tobacco has opposed"
        " the tobacco advertising ban. Jane Smith said the rail line was safe."
    )
    kinds = {a.name: a.kind for a in result.actors}
    assert kinds["Network Rail"] is ActorKind.organization
    assert kinds["Imperial Tobacco"] is ActorKind.organization
    assert kinds["Jane Smith"] is ActorKind.person


@pytest.mark.parametrize("title", ["Gov.", "Det.", "Amb.", "Lt. Gov."])
def test_an_abbreviated_title_before_a_name_is_its_role(title: str) -> None:
    result = analyse(f"Dam.\n\n{title} John Smith said the dam may fail.")
    assert [(a.name, a.role) for a in result.actors] == [("John Smith", title)]
    assert [c.holder for c in result.stated_concerns] == ["John Smith"]


def test_a_dotted_acronym_is_the_same_body_as_its_letters_and_long_name() -> None:
    result = analyse(
        "War.\n\nThe United Nations met on Monday. The U.N. said the war could spread. The UN"
        " later said it would send aid."
    )
    assert [a.name for a in result.actors] == ["United Nations"]
    assert {"U.N.", "UN"} <= set(result.actors[0].mentions)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Around 12,000 residents fled the town, officials said.", "Around 12,000 residents"),
        ("At least 28 doctors said the rule was unfair.", "At least 28 doctors"),
        ("The forty protesters said the law was unfair.", "forty protesters"),
        ("Police said 1.5 million pilgrims had arrived.", "1.5 million pilgrims"),
    ],
)
def test_a_counted_group_is_mentioned_with_its_count(sentence: str, mention: str) -> None:
    result = analyse(f"Town.\n\n{sentence}")
    group = next(a for a in result.actors if mention.lower().endswith(a.name.lower()))
    assert mention in group.mentions
    assert not any(ch.isdigit() for ch in group.name)


@pytest.mark.parametrize(
    "text",
    [
        "Two civil rights organizations joined the case. In the lawsuit these organizations"
        " argued that the killing was illegal.",
        "Rights groups joined the case. These groups said the killing was illegal.",
    ],
)
def test_a_vague_group_noun_after_a_demonstrative_is_the_group_named_before(text: str) -> None:
    result = analyse(f"Case.\n\n{text}")
    assert len(result.actors) == 1
    assert [c.holder for c in result.stated_concerns] == [result.actors[0].name]


def test_a_vague_group_noun_alone_is_still_no_group() -> None:
    assert analyse("Case.\n\nThe groups said the killing was illegal.").actors == []


def test_a_one_word_name_the_next_sentence_calls_it_is_an_organisation() -> None:
    result = analyse(
        "Hunger.\n\nOxfam issued a report on Monday. It warned that hunger was spreading."
    )
    assert [(a.name, a.kind) for a in result.actors] == [("Oxfam", ActorKind.organization)]
    assert [c.holder for c in result.stated_concerns] == ["Oxfam"]
    smith = analyse("Report.\n\nSmith issued a report on Monday. It was long.").actors
    assert [(a.name, a.kind) for a in smith] == [("Smith", ActorKind.person)]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Critics of the package have faulted the agency's record.", "critics of the package"),
        ("Residents of the area fear the plant will pollute the river.", "residents of the area"),
    ],
)
def test_a_group_named_by_a_common_noun_complement(text: str, group: str) -> None:
    result = analyse(f"Plan.\n\n{text}")
    assert [a.name for a in result.actors] == [group]
    assert [c.holder for c in result.stated_concerns] == [group]


def test_an_adverb_ends_no_group_complement() -> None:
    result = analyse("Law.\n\nOpponents of the newly signed law marched on Monday.")
    assert all("newly" not in a.name for a in result.actors)


def test_a_titled_name_ending_in_a_place_word_is_a_person() -> None:
    result = analyse("Plan.\n\nPublic Safety Minister Stockwell Day said the plan was dangerous.")
    assert [(a.name, a.kind, a.role) for a in result.actors] == [
        ("Stockwell Day", ActorKind.person, "Public Safety Minister")
    ]
    holiday = analyse("Holiday.\n\nCrowds marked Memorial Day on Monday.").actors
    assert "Memorial Day" not in [a.name for a in holiday]


def test_a_relative_who_speaks_is_a_person() -> None:
    result = analyse('Trial.\n\n"The trial was unfair," said a relative.')
    assert [(a.name, a.kind) for a in result.actors] == [("relative", ActorKind.person)]
    assert [c.holder for c in result.stated_concerns] == ["relative"]
    assert analyse("Calm.\n\nA relative calm returned to the city on Monday.").actors == []


def test_a_description_with_a_dotted_acronym_is_a_person() -> None:
    result = analyse('Talks.\n\nA senior U.S. official warned of "serious consequences".')
    assert [(a.name, a.kind) for a in result.actors] == [("senior U.S. official", ActorKind.person)]
    assert [c.holder for c in result.stated_concerns] == ["senior U.S. official"]


def test_the_house_and_senate_are_two_bodies() -> None:
    result = analyse("Arms sale.\n\nThe House and Senate can block the plan with a resolution.")
    assert {(a.name, a.kind) for a in result.actors} == {
        ("House", ActorKind.government_body),
        ("Senate", ActorKind.government_body),
    }
    nasa = analyse("Launch.\n\nThe National Aeronautics and Space Administration said it waits.")
    assert [a.name for a in nasa.actors] == ["National Aeronautics and Space Administration"]


@pytest.mark.parametrize("name", ["Martin Luther King, Jr.", "Dale Earnhardt, Jr."])
def test_a_suffix_after_a_comma_stays_in_the_name(name: str) -> None:
    surname = name.split(",")[0].split()[-1]
    result = analyse(f"Speech.\n\n{name} said the law was unjust. {surname} said it must go.")
    assert [(a.name, a.kind, a.role) for a in result.actors] == [(name, ActorKind.person, None)]
    assert {c.holder for c in result.stated_concerns} == {name}


def test_a_bare_head_after_the_one_body_named_with_it_is_that_body() -> None:
    result = analyse(
        "Crash.\n\nSussex Police said the crash killed eleven people. Police warned that more"
        " bodies may be found."
    )
    assert [a.name for a in result.actors] == ["Sussex Police"]
    assert [c.holder for c in result.stated_concerns] == ["Sussex Police"]


def test_a_word_set_off_by_commas_does_not_hide_the_verb() -> None:
    result = analyse("Quake.\n\nAcme Corp, however, reported that the earthquake was strong.")
    assert [a.name for a in result.actors] == ["Acme Corp"]


def test_eyewitnesses_who_speak_are_a_group() -> None:
    result = analyse("Blast.\n\nEyewitnesses said the building could collapse.")
    assert [(a.name, a.kind) for a in result.actors] == [("eyewitnesses", ActorKind.group)]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Kenya's politicians warned that the vote could fail.", "Kenya's politicians"),
        ("Israel's leaders said the talks would go on.", "Israel's leaders"),
    ],
)
def test_a_named_owner_right_before_a_group_noun_is_in_the_groups_name(
    sentence: str, name: str
) -> None:
    assert name in _actor_names(f"Town.\n\n{sentence}")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The 250,000 enslaved people in Texas did not know it.", "enslaved people in Texas"),
        ("Trapped miners sent a message on Friday.", "trapped miners"),
        ("Many displaced families said they feared more floods.", "displaced families"),
    ],
)
def test_a_participle_used_as_an_adjective_is_in_the_groups_name(sentence: str, name: str) -> None:
    assert name in _actor_names(f"Town.\n\n{sentence}")


def test_a_participle_after_a_subject_is_its_verb_not_the_groups_name() -> None:
    names = _actor_names("Town.\n\nPolice arrested protesters on Friday, and they said so.")
    assert not any(name.startswith("arrested") for name in names)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Joe Gibbs Racing said the car was damaged.", "Joe Gibbs Racing"),
        ("Donovan Productions said the show was cancelled.", "Donovan Productions"),
    ],
)
def test_a_company_word_at_the_end_of_a_name_makes_it_an_organisation(
    sentence: str, name: str
) -> None:
    actor = _actors(f"Town.\n\n{sentence}")[name]
    assert actor.kind is ActorKind.organization


def test_an_awards_ceremony_is_not_an_actor() -> None:
    assert "Grammy Awards" not in _actor_names(
        "Town.\n\nThe Grammy Awards said it was a record year."
    )


def test_an_organisation_word_then_a_place_is_one_name_not_a_body_and_a_person() -> None:
    result = analyse("Town.\n\nThe ferry sank on Friday, according to Radio Free Asia.")
    assert not any(a.kind is ActorKind.person for a in result.actors)


def test_a_title_that_is_also_a_given_name_opens_the_name_after_another_title() -> None:
    actors = _actors(
        "Town.\n\nFormer defense minister Sultan Hashim Ahmad al-Tal said the ruling was unjust. "
        "Sultan Qaboos said the talks were useful."
    )
    assert actors["Sultan Hashim Ahmad al-Tal"].role == "Former defense minister"
    assert actors["Qaboos"].role == "Sultan"


@pytest.mark.parametrize(
    ("body", "group"),
    [
        ("The international community has condemned the attack.", "international community"),
        ("The Turkish public has grown frustrated with the talks.", "Turkish public"),
        ("The local community said the plant was a danger.", "local community"),
        ("The Smith family says the ruling is unfair.", "Smith family"),
    ],
)
def test_a_definite_group_may_take_modifiers_after_its_the(body: str, group: str) -> None:
    actors = _actors(body)
    assert group in actors
    assert actors[group].kind is ActorKind.group  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "body",
    [
        "I had the support of my family and my wider community.",
        "They thanked my local community.",
        "The public prosecutor's office said nothing.",
        "The public health system failed, Jane Smith said.",
    ],
)
def test_a_community_or_public_without_its_the_is_no_group(body: str) -> None:
    assert not any(name.endswith(("community", "public", "family")) for name in _actors(body))


def test_names_spelled_with_and_without_accents_are_one_actor() -> None:
    actors = analyse(
        "Hugo Chávez spoke at the United Nations. Hugo Chavez said the empire was doing all it "
        "could. Chavez also said he had read the book. Chávez left on Friday."
    ).actors
    people = [a for a in actors if a.kind is ActorKind.person]
    assert len(people) == 1
    assert {"Hugo Chávez", "Hugo Chavez", "Chavez", "Chávez"} <= set(people[0].mentions)


def test_an_interviewers_label_is_no_actor() -> None:
    actors = _actors(
        "Wikinews interviews Amir Abbas Fakhravar\n\n"
        "Wikinews interviewed Amir Abbas Fakhravar, who leads the Iranian Freedom Institute.\n\n"
        "((WN)) Iran seems unwilling to give up its programme. Will sanctions work?\n\n"
        "AAF: Sanctions will not work. Iran wants a bomb.\n\n"
        "WN: Do you think the United Nations will act?\n\n"
        "AAF: The United Nations will fail to act.\n"
    )
    assert "WN" not in actors and "AAF" not in actors


def test_born_before_a_birth_name_is_not_part_of_it() -> None:
    names = set(
        _actors(
            "Born Sathyanarayana Raju, Baba decided at fourteen that he was a guru. "
            "Baba said he would return."
        )
    )
    assert not any(name.startswith("Born") for name in names)


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        ("Staff fed the animals whilst visitors took photos.", "animals whilst visitors"),
        (
            "Groups that could lose funding a year include organizations affiliated with it.",
            "year include organizations",
        ),
        ("The study documents the other ways children are commonly injured.", "ways children"),
    ],
)
def test_a_group_name_stops_at_conjunctions_verbs_and_contact_clauses(
    body: str, wrong: str
) -> None:
    assert wrong not in _actors(body)


def test_a_capitalised_compound_adjective_is_not_part_of_a_name() -> None:
    actors = _actors(
        "The strip is by Pulitzer Prize-winning cartoonist Mike Peters. Peters said he meant no "
        "offence. Peters has won the Pulitzer for his cartoons. The Washington-based group said "
        "it would sue."
    )
    assert "Mike Peters" in actors
    assert not any(name.endswith(("-winning", "-based")) for name in actors)


@pytest.mark.parametrize(
    ("body", "role"),
    [
        (
            '"We think so," said Ab Aziz Kaprawi, the deputy transport minister for Malaysia as '
            "quoted by Bernama.",
            "deputy transport minister for Malaysia",
        ),
        (
            "Ana Ruiz, the deputy prime minister, said the talks had failed.",
            "deputy prime minister",
        ),
    ],
)
def test_an_appositive_role_runs_to_its_last_title(body: str, role: str) -> None:
    actors = _actors(body)
    person = next(a for a in actors.values() if a.kind is ActorKind.person)  # type: ignore[attr-defined]
    assert person.role == role  # type: ignore[attr-defined]
    assert len([a for a in actors.values() if a.kind is ActorKind.person]) == 1  # type: ignore[attr-defined]


def test_an_adverb_opening_a_sentence_is_no_name() -> None:
    actors = _actors(
        "The conference opened on Monday. Optimistically, Dr Darwish spoke of more collaboration. "
        "Darwish said the talks would go well."
    )
    assert "Optimistically" not in actors
    assert "Darwish" in actors


def test_a_middle_name_alone_is_the_person_named_in_full() -> None:
    actors = analyse(
        "Parliament blocked President Abdullahi Yusuf Ahmed's attempt to dismiss the prime "
        "minister. President Yusuf announced his motion on Sunday. Yusuf said the government "
        "had failed."
    ).actors
    people = [a for a in actors if a.kind is ActorKind.person and "Yusuf" in a.mentions]
    assert [a.name for a in people] == ["Abdullahi Yusuf Ahmed"]


def test_a_title_after_a_body_word_is_the_persons_role() -> None:
    actors = _actors(
        "In a comment to the Bangkok Post, Thai army Colonel Winthai Suwaree said the protests "
        "must stop."
    )
    assert "Winthai Suwaree" in actors
    assert actors["Winthai Suwaree"].kind is ActorKind.person  # type: ignore[attr-defined]


def test_two_roles_joined_by_and_are_not_one_person() -> None:
    names = set(
        _actors(
            "Yusuf and Hussein disagreed. The relationship between the president and prime "
            "minister has grown strained, officials said."
        )
    )
    assert "president and prime minister" not in names


def test_a_common_acronym_defined_in_the_text_is_still_no_actor() -> None:
    names = set(
        _actors(
            "Google published two distinct Portable Document Format (PDF) files with the same hash. "
            "The PDF files were shared widely, Google said."
        )
    )
    assert not names & {"PDF", "Portable Document Format"}


@pytest.mark.parametrize("name", ["Greenpeace", "Oxfam", "Al-Shabaab", "Save the Children"])
def test_widely_known_organisations_without_a_head_word_are_organisations(name: str) -> None:
    actors = _actors(f"{name} said the plan had been ignored for years.")
    assert actors[name].kind is ActorKind.organization  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "name", ["Riverton Power", "Duke Energy", "General Motors", "Royal Dutch Petroleum"]
)
def test_company_words_end_an_organisations_name(name: str) -> None:
    actors = _actors(f"{name} rejected the claims on Monday.")
    assert actors[name].kind is ActorKind.organization  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "body",
    [
        # it reports of itself as "it"
        "Nokia said it would cut 500 jobs at the plant.",
        "Acme says its profits fell by half last year.",
        "Exxon announced that it had found more oil.",
        # it has shares or a business of its own
        "Shares in Nokia fell on Monday. Nokia said demand was weak.",
        "Nokia shares fell on Monday. Nokia said demand was weak.",
        "The Acme factory will close. Acme said demand was weak.",
    ],
)
def test_a_one_word_company_name_is_an_organisation(body: str) -> None:
    actors = analyse(body).actors
    assert [a.kind for a in actors] == [ActorKind.organization]


def test_a_person_who_says_it_is_still_a_person() -> None:
    actors = _actors("Jane Smith said it would rain. Smith said it was cold.")
    assert actors["Jane Smith"].kind is ActorKind.person  # type: ignore[attr-defined]


def test_a_speaker_of_a_body_described_in_commas_speaks() -> None:
    text = (
        "Workers kidnapped\n\n"
        "Amos Nyaoro of Somalia Water and Land Information Management, the UN-supported agency "
        "where Watson was working, told reporters that the men were safe."
    )
    assert "Amos Nyaoro" in _actors(text)


def test_an_organisation_named_with_to_keeps_its_whole_name() -> None:
    text = (
        "Journalists killed\n\n"
        "According to the Committee to Protect Journalists, nine journalists were killed this year."
    )
    assert "Committee to Protect Journalists" in _actors(text)


def test_a_surname_that_knows_something_is_a_person() -> None:
    text = "EU divided\n\nThe problem is that Gaddafi knows that he is able to divide the union."
    actor = _actors(text).get("Gaddafi")
    assert actor is not None and actor.kind is ActorKind.person  # type: ignore[attr-defined]


@pytest.mark.parametrize("relation", ["uncle", "nephew", "grandmother", "solicitor"])
def test_a_named_persons_relative_who_speaks_is_an_actor_and_holds_the_words(relation: str) -> None:
    text = (
        "Asylum case\n\n"
        "Mehdi Kazemi fled to the Netherlands. "
        f"Kazemi's {relation} told CNN that the police tortured his partner."
    )
    result = analyse(text)
    assert f"Kazemi's {relation}" in [actor.name for actor in result.actors]
    assert [c.holder for c in result.stated_concerns] == [f"Kazemi's {relation}"]


def test_clubs_in_a_match_result_or_before_a_position_are_organisations() -> None:
    text = (
        "Chelsea win\n\n"
        "Chelsea beat Arsenal 2-1 on Sunday. Didier Drogba scored twice. Chelsea's goalkeeper "
        "Petr Cech made several saves. Bayern Munich defender Javi Martinez said Bayern Munich "
        "would win the league. Barack Obama beat John McCain in 2008, said Jane Smith."
    )
    actors = _actors(text)
    kinds = {name: actor.kind for name, actor in actors.items()}  # type: ignore[attr-defined]
    assert kinds["Chelsea"] is ActorKind.organization
    assert kinds["Bayern Munich"] is ActorKind.organization
    assert kinds["Didier Drogba"] is ActorKind.person
    assert kinds["Barack Obama"] is ActorKind.person


def test_a_nationality_before_a_name_is_no_part_of_it() -> None:
    text = (
        "Match report\n\n"
        "Dutchman Ruud van Nistelrooy said the pitch was poor. Norwegian Erik Solskjaer said it "
        "was hard. Spaniard Rafael Nadal said he was tired."
    )
    names = set(_actors(text))
    assert {"Ruud van Nistelrooy", "Erik Solskjaer", "Rafael Nadal"} <= names


def test_a_clause_after_a_comma_is_no_appositive_role() -> None:
    text = (
        "Match report\n\n"
        "Steve Finnan crossed the ball to Tom Bellamy, but the Welshman said it was too high. "
        "Tom Bellamy said he was tired."
    )
    actor = _actors(text)["Tom Bellamy"]
    assert actor.role is None  # type: ignore[attr-defined]


def test_a_board_described_by_its_state_and_field_acts() -> None:
    text = "Protests\n\nA Russian health board warned of respiratory diseases in large crowds."
    assert "Russian health board" in _actors(text)


@pytest.mark.parametrize(
    ("sentence", "crowd"),
    [
        ("Tens of thousands protested yesterday over allegations of fraud.", "Tens of thousands"),
        ("Hundreds of people said they were afraid of the dam.", "Hundreds of people"),
        ("Thousands have been evacuated from the valley.", None),
    ],
    ids=["tens-of-thousands", "hundreds-of-people", "evacuated"],
)
def test_a_crowd_named_by_its_size_acts(sentence: str, crowd: str | None) -> None:
    groups = [n for n, a in _actors(f"Protests\n\n{sentence}").items() if a.kind is ActorKind.group]  # type: ignore[attr-defined]
    assert groups == ([crowd] if crowd else [])


def test_a_documents_own_name_is_no_person() -> None:
    text = (
        "Refugees report\n\n"
        "Most refugees live in poor countries, according to the 2010 Global Trends report by the "
        "United Nations High Commissioner for Refugees (UNHCR)."
    )
    assert "Global Trends" not in _actors(text)


def test_names_listed_as_the_dead_are_victims_not_actors() -> None:
    text = (
        "Airport attack\n\n"
        "Arid Uka shot the airmen at the airport. The fatalities were Nicholas Alden, 25, and "
        "Zachary Cuddeback, 21. Police chief Jane Smith said the attack was cowardly."
    )
    names = set(_actors(text))
    assert "Nicholas Alden" not in names and "Zachary Cuddeback" not in names
    assert {"Arid Uka", "Jane Smith"} <= names


def test_a_player_named_by_surname_alone_plays_in_a_match_report_only() -> None:
    report = "Chelsea win\n\nChelsea beat Arsenal 2-1 on Sunday. Later, Cech saved a penalty."
    story = "Budget vote\n\nThe budget passed on Sunday. Later, Zorblax saved a penalty."
    assert "Cech" in _actors(report)
    assert "Zorblax" not in _actors(story)


def test_a_full_name_in_a_match_report_is_a_player_even_without_a_verb() -> None:
    report = (
        "Chelsea win the cup\n\n"
        "Chelsea beat Arsenal 2-1 on Sunday. Arsenal fielded a young side, including Cesc "
        "Fabregas and Jeremie Aliadiere."
    )
    story = (
        "Budget vote\n\n"
        "The budget passed on Sunday. The list included Cesc Fabregas and Jeremie Aliadiere."
    )
    assert {"Cesc Fabregas", "Jeremie Aliadiere"} <= set(_actors(report))
    assert not {"Cesc Fabregas", "Jeremie Aliadiere"} & set(_actors(story))
    # A number range and "beat" or "defenders" in a story about something else: no match.
    attack = (
        "Bus attack\n\n"
        "The bus carried about 10-15 passengers. A crowd beat the attacker, and human rights "
        "defenders condemned it. Among those hurt were Nader Hayak and Michel Bahus."
    )
    assert not {"Nader Hayak", "Michel Bahus"} & set(_actors(attack))


def test_a_name_set_off_by_commas_before_its_reporting_verb_speaks() -> None:
    text = (
        "Jet shot down\n\n"
        "Their French colleague, Laurent Fabius, said the attack was completely unacceptable."
    )
    analysis = analyse(text)
    assert "Laurent Fabius" in {actor.name for actor in analysis.actors}
    assert [c.holder for c in analysis.stated_concerns] == ["Laurent Fabius"]


def test_a_body_of_a_state_named_twice_is_an_actor_even_if_only_acted_upon() -> None:
    text = (
        "Merger bill\n\n"
        "The bill was sent to the National Assembly on Monday. A vote in the National Assembly "
        "is expected next week, officials said."
    )
    assert "National Assembly" in _actors(text)
    once = "Merger bill\n\nThe bill was sent to the National Assembly on Monday, officials said."
    assert "National Assembly" not in _actors(once)


def test_a_description_with_a_named_complement_acts_by_any_verb_after_the_name() -> None:
    acting = "Bail hearing\n\nThe manager of the Islamic Centre also offered to employ him."
    acted_upon = "Hotel fire\n\nThe owner of the Grand Hotel was arrested on Monday."
    assert "manager of the Islamic Centre" in _actors(acting)
    assert "owner of the Grand Hotel" not in _actors(acted_upon)


@pytest.mark.parametrize(
    ("sentence", "description"),
    [
        ("The county coroner said the victims died quickly.", "county coroner"),
        ("A mistaken offside call was given by the linesman.", "linesman"),
    ],
    ids=["coroner", "linesman"],
)
def test_officials_of_inquests_and_matches_are_described_actors(
    sentence: str, description: str
) -> None:
    assert description in _actors(f"Report\n\n{sentence}")


def test_one_word_players_and_clubs_in_a_match_report() -> None:
    report = (
        "Chelsea win the cup\n\n"
        "Chelsea beat Arsenal 2-1 on Sunday. An open header by Salihamidzic went wide, and "
        "Sagnol's free kick was saved. Baptista of Arsenal had a claim for a penalty. The "
        "English side then scored, and Spanish side Sevilla FC watched."
    )
    kinds = {a.name: a.kind for a in analyse(report).actors}
    assert {name: kinds.get(name) for name in ("Salihamidzic", "Sagnol", "Baptista")} == {
        "Salihamidzic": ActorKind.person,
        "Sagnol": ActorKind.person,
        "Baptista": ActorKind.person,
    }
    assert kinds.get("Arsenal") is ActorKind.organization
    assert "English" not in kinds and kinds.get("Sevilla") is not ActorKind.person
    story = (
        "Budget vote\n\n"
        "The budget passed on Sunday. An open letter by Salihamidzic was read, and Sagnol's "
        "farm was sold."
    )
    assert not {"Salihamidzic", "Sagnol"} & {a.name for a in analyse(story).actors}


def test_a_score_and_words_of_a_match_make_a_match_report() -> None:
    report = (
        "Softball series\n\n"
        "Japan won the first two games by scores of 3-2 and 5-3. Japan scored in the first "
        "inning. The list included Yamato Fujita."
    )
    vote = (
        "Budget vote\n\n"
        "The council approved the plan 5-3. The goal of the plan is to cut costs. The list "
        "included Yamato Fujita."
    )
    assert "Yamato Fujita" in _actors(report)
    assert "Yamato Fujita" not in _actors(vote)


def test_a_known_name_opening_a_sentence_stays_a_name_when_its_first_word_is_common() -> None:
    text = (
        "Unrest\n\n"
        "He spoke to a group of reporters at a press conference. Reporters Without Borders has "
        "said that the government has instituted mass censorship."
    )
    assert "Reporters Without Borders" in _actors(text)


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Thousands attended the rally, The Independent reported.", "Independent"),
        ("No tsunami was expected, according to Radio Cooperativa.", "Radio Cooperativa"),
    ],
    ids=["the-independent", "radio-cooperativa"],
)
def test_a_source_named_like_a_body_is_an_organisation(sentence: str, outlet: str) -> None:
    actors = analyse(f"Rally\n\n{sentence} U.S. President Donald Trump said it was fine.").actors
    kinds = {actor.name: actor.kind for actor in actors}
    assert kinds.get(outlet) is ActorKind.organization
    assert kinds.get("Donald Trump") is ActorKind.person
