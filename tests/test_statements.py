"""Which figure a clause states: each kind of phrasing, in domains the seeds never touch.

Every row is a fact and a passage; the expected mentions are what a careful editor would
check against the fact (an empty list: the passage does not state the fact).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.articles import parse_article
from pytest_factcheck.clauses import split_clauses
from pytest_factcheck.errors import Location
from pytest_factcheck.facts import Fact
from pytest_factcheck.match import check, index_article
from pytest_factcheck.names import Entity
from pytest_factcheck.quantities import parse_value


def fact(
    value: str,
    cue: str | None = None,
    subject: str | None = None,
    *,
    direction: str | None = None,
    **kw: object,
) -> Fact:
    return Fact(
        id="f",
        location=Location("facts.yaml", 1),
        value=parse_value(value),
        value_text=value,
        cue=cue,
        subject=Entity(subject) if subject else None,
        direction=direction,
        **kw,  # type: ignore[arg-type]
    )


def mentions(f: Fact, text: str, path: str = "a.txt") -> list[str]:
    index = index_article(parse_article(text, path))
    return [m.quantity.text for m in check(f, index).mentions]


def outcome(f: Fact, text: str, path: str = "a.txt") -> str:
    return check(f, index_article(parse_article(text, path))).outcome


CASES = [
    # -- an earlier figure is not the statement ---------------------------------------------
    ("earlier: a year ago", fact("$4.1 billion", "sales"),
     "Quillon's sales were $3.2 billion a year ago and rose to $4.1 billion this quarter.",
     ["$4.1 billion"]),
    ("earlier: from X to Y", fact("9", "injured"),
     "The number of people injured in the pile-up rose from 6 to 9 overnight.", ["9"]),
    ("earlier: up from", fact("3.9%", "unemployment"),
     "Unemployment reached 4.2%, up from 3.9% in March.", ["4.2%"]),
    ("earlier: compared with", fact("$2.05", "price"),
     "The average price of a gallon was $3.40, compared with $2.05 last spring.", ["$3.40"]),
    ("earlier: an opening 'Last season'", fact("31 goals", "scored"),
     "Last season, the striker scored 19 goals.", []),
    ("earlier: year-earlier figure", fact("$880 million", "profit"),
     "Profit was $910 million, against year-earlier profit of $880 million.",
     ["$910 million"]),
    # -- a projection is not the statement --------------------------------------------------
    ("projection: expects", fact("$5 billion", "revenue"),
     "For next year, the chipmaker expects revenue of $5 billion to $5.4 billion.", []),
    ("projection: forecast", fact("12 inches", "snow"),
     "Forecasters said the storm could bring 12 inches of snow to the valley.", []),
    ("projection: analysts expected", fact("$1.10", "a share"),
     "It earned $1.02 a share. Analysts had expected $1.10 a share.", ["$1.02"]),
    ("projection: named by the fact", fact("$5 billion", "guidance"),
     "The company's guidance calls for revenue of $5 billion.", ["$5 billion"]),
    # -- another named subject owns the figure ----------------------------------------------
    ("owner: a storm of the same kind", fact("7", "killed", "Storm Petra", scope="paragraph"),
     "Storm Petra killed 7 people in the north. Last winter Storm Ulric killed 12.", ["7 people"]),
    ("owner: a rival company", fact("$640 million", "revenue", "Quillon", scope="article"),
     "Quillon's revenue was $640 million. Rival Maxtor Inc. reported revenue of $710 million.",
     ["$640 million"]),
    ("owner: another race of the same kind",
     fact("18,200", "finish(ed|ers)", "Harbor Marathon", scope="article"),
     "The Harbor Marathon had 18,200 finishers. The Hill Marathon had 9,100 finishers.",
     ["18,200 finishers"]),
    # -- a correction notice is not a statement ---------------------------------------------
    ("correction", fact("62 seats", "seats"),
     "The alliance won 62 seats.\n\nCorrection: An earlier version of this story misstated "
     "the alliance's seats as 26.", ["62 seats"]),
    # -- a subset is not the whole ----------------------------------------------------------
    ("subset: including", fact("2.4 million", "vaccinated"),
     "About 2.4 million people were vaccinated, including 300,000 in the capital.",
     ["About 2.4 million people"]),
    ("subset: the part, when the cue names it", fact("300,000", "the capital"),
     "About 2.4 million people were vaccinated, including 300,000 in the capital.",
     ["300,000"]),
    ("subset: of whom", fact("48 patients", "admitted"),
     "The clinic admitted 48 patients, of whom 5 needed intensive care.", ["48 patients"]),
    ("subset: one of a count, and a verb", fact("130", "rescued"),
     "Crews rescued 130 hikers and two were flown to hospital.", ["130 hikers"]),
    # -- another measure of the same noun ---------------------------------------------------
    ("measure: a narrower noun", fact("$4.1 billion", "sales"),
     "Quillon's sales were $4.1 billion. Software sales grew 12% to $900 million.",
     ["$4.1 billion"]),
    ("measure: the narrower noun named by the fact",
     fact("$900 million", "sales", claim="Quillon's software sales were $900 million"),
     "Software sales grew 12% to $900 million.", ["$900 million"]),
    ("measure: narrowed after the noun", fact("$4.1 billion", "sales"),
     "Sales in the printer division fell to $1.3 billion.", []),
    # -- before and after the cue -----------------------------------------------------------
    ("before/after: but", fact("3C", "dawn"),
     "It was 3C (37F) at dawn but warmed to 15C by the afternoon.", ["3C", "37F"]),
    ("before/after: from X at the cue to Y", fact("3C", "dawn"),
     "Temperatures climbed from 3C at dawn to 15C by the afternoon.", ["3C"]),
    ("before/after: a change ends at a comma", fact("400", "evacuat"),
     "Flood toll climbs to 9, evacuation of 400 homes continues.", ["400 homes"]),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "f", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_statement_chosen(kind: str, f: Fact, text: str, expected: list[str]) -> None:
    assert mentions(f, text) == expected


DIRECTIONS = [
    # A fact with a direction contradicts the other direction, and takes only changes.
    (fact("8%", "sales", direction="up"), "Sales fell 8% in the quarter.", "failed"),
    (fact("8%", "sales", direction="up"), "Sales rose 8% in the quarter.", "passed"),
    (fact("8%", "sales", direction="up"), "Sales were down 8% from a year earlier.", "failed"),
    (fact("8%", "sales", direction="down"), "Sales dropped by about 8%.", "passed"),
    (fact("8%", "sales", direction="up"), "Sales grew 5% in the quarter.", "failed"),
    (fact("8%", "sales", direction="up"), "Sales made up 8% of the total.", "skipped"),
    (fact("8%", "sales", direction="down"), "Sales: −8% on the year.", "passed"),
    # A fact without one compares sizes.
    (fact("8%", "sales"), "Sales fell 8% in the quarter.", "passed"),
    (fact("8%", "sales"), "Sales fell 9% in the quarter.", "failed"),
]


@pytest.mark.parametrize(("f", "text", "expected"), DIRECTIONS)
def test_directions(f: Fact, text: str, expected: str) -> None:
    assert outcome(f, text) == expected


def test_exclude_drops_the_cue_in_its_clause_and_counts_it() -> None:
    f = fact("21,000", "finishers", exclude="half[- ]marathon")
    text = "The marathon had 21,000 finishers, while the half-marathon had 11,000 finishers."
    index = index_article(parse_article(text, "a.txt"))
    verdict = check(f, index)
    assert [m.quantity.text for m in verdict.mentions] == ["21,000 finishers"]
    assert verdict.excluded == 1


def test_paragraph_scope_reaches_a_subject_named_after_the_cue() -> None:
    f = fact("26 mi", "course", "Alemu", scope="paragraph")
    assert outcome(f, "The course was 31 miles long. Alemu said so.") == "failed"
    assert outcome(f, "The course was 31 miles long.\n\nAlemu said so.") == "skipped"
    assert outcome(f, "The course was 26 miles long. Alemu said so.") == "passed"


def test_a_later_subject_is_used_only_when_no_sentence_names_it_first() -> None:
    f = fact("40", "attended", "Lisbon", scope="paragraph")
    text = "About 900 attended across the country. In Lisbon, 40 attended the vigil."
    assert mentions(f, text) == ["40"]


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("Sales rose 8%, but profit fell.", ["Sales rose 8%", ", but profit fell."]),
        ("Between 250 and 300 people came and left.", ["Between 250 and 300 people came",
                                                        " and left."]),
        ("They seized 21 people and four towns.", ["They seized 21 people and four towns."]),
        ("It had 6 million homes, including 1 million here, in the dark.",
         ["It had 6 million homes", ", including 1 million here", ", in the dark."]),
        ("Of the 90 treated, one died.", ["Of the 90 treated,", " one died."]),
    ],
)  # fmt: skip
def test_clauses(sentence: str, clauses: list[str]) -> None:
    index = index_article(parse_article(sentence, "a.txt"))
    found = [sentence[c.start : c.end] for c in index.clauses(0)]
    assert found == clauses


@given(st.text(alphabet="ab ,;—and but including12", max_size=80), st.data())
def test_clauses_cover_the_sentence_and_never_cut_a_protected_span(
    text: str, data: st.DataObject
) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    clauses = split_clauses(text, 0, len(text), spans)
    if not text:
        assert clauses == []
        return
    assert clauses[0].start == 0 and clauses[-1].end == len(text)
    for before, after in itertools.pairwise(clauses):
        assert before.end == after.start
    for a, b in spans:
        assert not any(a < c.start < b for c in clauses)


@given(
    now=st.integers(min_value=100, max_value=900),
    then=st.integers(min_value=100, max_value=900),
    marker=st.sampled_from(["a year ago", "a year earlier", "last year", "previously"]),
)
def test_the_current_figure_is_checked_whatever_the_earlier_one(
    now: int, then: int, marker: str
) -> None:
    text = f"Quillon's revenue was ${then} million {marker} and rose to ${now} million."
    assert outcome(fact(f"${now} million", "revenue"), text) == "passed"
    if abs(now - then) > 1:
        assert outcome(fact(f"${then} million", "revenue"), text) == "failed"


RELATIVES_AND_INSTITUTIONS = [
    (fact("16", "killed", "Storm Petra", scope="article"),
     "Storm Petra, which forecasters said could strengthen, killed 16 people.", ["16 people"]),
    (fact("130 mph", "winds", "Storm Petra", scope="article"),
     "Storm Petra hit the coast. The Storm Centre said winds reached 130 mph.", ["130 mph"]),
]  # fmt: skip


@pytest.mark.parametrize(("f", "text", "expected"), RELATIVES_AND_INSTITUTIONS)
def test_relative_clauses_and_institutions(f: Fact, text: str, expected: list[str]) -> None:
    assert mentions(f, text) == expected


ANNOUNCEMENTS_AND_ENDINGS = [
    # "would cut" announces a decision: the figure is the fact. "will bring" forecasts one.
    (fact("450 jobs", "cut"), "The brewer said it would cut 450 jobs by March.", ["450 jobs"]),
    (fact("10 inches", "rain"), "The storm will bring 10 inches of rain to the hills.", []),
    # A verb ending its clause is no noun to narrow: "5 people died".
    (fact("5", "died"), "Police said 5 people died and 20 were injured.", ["5 people"]),
    (fact("20", "injured"), "Police said 5 people died and 20 were injured.", ["20"]),
]  # fmt: skip


@pytest.mark.parametrize(("f", "text", "expected"), ANNOUNCEMENTS_AND_ENDINGS)
def test_announcements_and_clause_endings(f: Fact, text: str, expected: list[str]) -> None:
    assert mentions(f, text) == expected


PROJECTION_FRAMES = [
    # A projection carries over "and" into a clause without a verb of its own ...
    (fact("$2 billion", "profit"),
     "The company expects revenue of $13 billion and profit of $2 billion.", []),
    # ... but not into one that says something itself.
    (fact("120", "police officers", "Ruiz", scope="article"),
     "Ruiz will take office in January and has promised to hire 120 new police officers.",
     ["120 new police"]),
]  # fmt: skip


@pytest.mark.parametrize(("f", "text", "expected"), PROJECTION_FRAMES)
def test_projection_frames(f: Fact, text: str, expected: list[str]) -> None:
    assert mentions(f, text) == expected


TABLE = """\
# Brewer results

| Alder Ales | 2026 | 2025 | Change |
| --- | --- | --- | --- |
| Sales | $410m | $380m | 8% |
| Export sales | $90m | $70m | 29% |
| Profit | $41m | $44m | -7% |
"""

RAINFALL = """\
| Town | Rain, Sept. 3 | Previous record |
| --- | --- | --- |
| Dunmore | 7.5 inches | 6.1 inches |
| Kells | 4.0 inches | 5.2 inches |
"""

TABLES = [
    # The row header carries the cue; the older year's column holds earlier values.
    (fact("$410 million", "sales", "Alder Ales", scope="paragraph"), TABLE, ["$410m"]),
    (fact("$380 million", "sales", "Alder Ales", scope="paragraph"), TABLE, ["$410m"]),
    # A change column gives changes, a minus sign says down.
    (fact("8%", "sales", "Alder Ales", direction="up"), TABLE, ["8%"]),
    (fact("7%", "profit", "Alder Ales", direction="down"), TABLE, ["-7%"]),
    (fact("7%", "profit", "Alder Ales", direction="up"), TABLE, ["-7%"]),
    # A column header carries the cue into every row; the subject is named in its row,
    # and a "Previous record" column holds earlier values.
    (fact("7.5 inches", r"\brain", "Dunmore", scope="paragraph"), RAINFALL, ["7.5 inches"]),
    (fact("7.5 inches", r"\brain", "Dunmore", scope="article"), RAINFALL, ["7.5 inches"]),
]


@pytest.mark.parametrize(("f", "text", "expected"), TABLES)
def test_a_table_row_in_the_context_of_its_headers(f: Fact, text: str, expected: list[str]) -> None:
    assert mentions(f, text, "results.md") == expected


def test_a_table_direction_contradiction_fails() -> None:
    assert outcome(fact("7%", "profit", "Alder Ales", direction="up"), TABLE, "r.md") == "failed"


WHOLES_AND_RELATIVES = [
    # "96 of the 132 starters finished": the part is the statement, the whole is not.
    (fact("96", "finished"), "Only 96 of the 132 starters finished the stage.", ["96"]),
    (fact("132 starters", "starters"), "Only 96 of the 132 starters finished the stage.",
     ["132 starters"]),
    # A relative clause after a past event (a year, after "since") states that event.
    (fact("48,000 acres", "burned", "Cedar Ridge", scope="article"),
     "The Cedar Ridge fire has burned 48,000 acres. It is the largest since the 2019 Oak "
     "Hollow fire, which burned 96,000 acres.", ["48,000 acres"]),
    # ... and after a name of the subject's kind, that name's figure.
    (fact("12", "killed", "Storm Petra", scope="article"),
     "Storm Petra killed 12 people, fewer than Storm Ulric, which killed 30.", ["12 people"]),
    # A narrower measure, with an aside between it and its verb.
    (fact("$4.6 billion", "revenue"),
     "Revenue was $4.6 billion. Cargo revenue, however, fell 6% to $310 million.",
     ["$4.6 billion"]),
]  # fmt: skip


@pytest.mark.parametrize(("f", "text", "expected"), WHOLES_AND_RELATIVES)
def test_wholes_and_relative_clauses(f: Fact, text: str, expected: list[str]) -> None:
    assert mentions(f, text) == expected


def test_a_cue_after_the_figure_reaches_it_only_through_the_facts_own_noun() -> None:
    text = (
        "Net income was $2.1 billion, or $1.42 a share. "
        "The board declared a dividend of 30 cents a share."
    )
    eps = fact("$1.42", "(per|a) share", claim="Quillon earned $1.42 per share")
    dividend = fact("$0.30", "dividend", claim="Quillon raised its dividend to 30 cents")
    assert mentions(eps, text) == ["$1.42"]
    assert mentions(dividend, text) == ["30 cents"]
    # "a population of" names no other measure.
    assert mentions(fact("40,000", "residents"), "It has a population of 40,000 residents.") == [
        "40,000 residents"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quillon posted an 8% increase in sales.", "passed"),
        ("Quillon posted an 8% sales gain.", "passed"),
        ("Quillon reported a 8% drop in sales.", "failed"),
        ("Quillon's sales were 8% of the market.", "skipped"),
    ],
)
def test_a_change_named_after_the_figure(text: str, expected: str) -> None:
    assert outcome(fact("8%", "sales", direction="up"), text) == expected


def test_a_later_subject_counts_when_the_sentence_naming_it_states_nothing() -> None:
    f = fact("26 mi", "course", "Alemu", scope="paragraph")
    text = "The course was 31 miles long. Alemu said the course suited him."
    assert mentions(f, text) == ["31 miles"]


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (fact("212", "treated"), ["212 runners"]),
        (fact("4", "hospital"), ["three"]),
    ],
)
def test_a_part_counted_before_of_whom(f: Fact, expected: list[str]) -> None:
    text = "Medics treated 212 runners, three of whom were taken to hospital."
    assert mentions(f, text) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Insured losses were $9 billion", ["$9 billion"]),
        ("Economic losses reached $25 billion", ["$25 billion"]),
    ],
)
def test_a_narrower_noun_before_of_and_a_figure(claim: str, expected: list[str]) -> None:
    text = "Insured losses were put at $9 billion, while economic losses of $25 billion followed."
    value = expected[0]
    assert mentions(fact(value, "losses", claim=claim), text) == expected


def test_the_readers_change_and_role_are_followed() -> None:
    """The quantity reader marks directions and from/to roles; matching follows them."""
    text = "The toll rose from 14 to 16, a change of 2."
    assert mentions(fact("16", "toll"), text) == ["16"]
    text = "The toll rose by 2 to 16."
    assert outcome(fact("2", "toll", direction="up"), text) == "passed"
    assert outcome(fact("2", "toll", direction="down"), text) == "failed"


RIVALS_TABLE = """\
| Quarter results | Alder Ales | Birch Brewing |
| --- | --- | --- |
| Sales | $410m | $520m |
"""


@pytest.mark.parametrize(
    ("subject", "expected"), [("Alder Ales", ["$410m"]), ("Birch Brewing", ["$520m"])]
)
def test_a_subject_named_over_a_column_owns_that_column(subject: str, expected: list[str]) -> None:
    f = fact(expected[0].replace("m", " million"), "sales", subject, scope="article")
    assert mentions(f, RIVALS_TABLE, "r.md") == expected


def test_a_cue_noun_qualified_as_earlier() -> None:
    f = fact("31", "killed|toll", "Typhoon Mawar", scope="article")
    text = "Typhoon Mawar has killed 31 people. The previous toll, given on Monday, was 24."
    assert mentions(f, text) == ["31 people"]


YEARS_AS_ROWS = """\
| Year | Finishers |
| --- | --- |
| 2026 | 24,312 |
| 2025 | 22,936 |
"""


@pytest.mark.parametrize(("value", "expected"), [("24,312", "passed"), ("22,936", "failed")])
def test_a_row_of_an_older_year_holds_earlier_values(value: str, expected: str) -> None:
    assert outcome(fact(value, "finishers"), YEARS_AS_ROWS, "y.md") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials could confirm that the storm killed 16 people.", ["16 people"]),
        ("Officials would not say whether the storm killed 16 people.", ["16 people"]),
        ("Forecasters said the storm could kill 16 people.", []),
        ("Officials may have undercounted: the toll is 16.", ["16"]),
    ],
)
def test_modals_of_knowing_and_colons(text: str, expected: list[str]) -> None:
    assert mentions(fact("16", "killed|kill|toll"), text) == expected


@pytest.mark.parametrize(
    ("f", "text", "expected"),
    [
        (fact("6 million", "lost power"),
         "More than 6 million homes, including 1.5 million in Los Angeles, lost power.",
         ["More than 6 million homes"]),
        (fact("250,000", "evacuat"),
         "About 250,000 people, most of them in Calder County, were ordered to evacuate.",
         ["About 250,000 people"]),
        (fact("16", "killed"),
         "Sixteen people, officials said on Tuesday, were killed.", ["Sixteen people"]),
    ],
)  # fmt: skip
def test_the_interrupted_clause_goes_on_after_an_aside(
    f: Fact, text: str, expected: list[str]
) -> None:
    assert mentions(f, text) == expected


CLAIM = "24,312 runners finished the Harbor Marathon"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The half-marathon's 9,870 finishers crossed first.", []),
        ("Some 9,870 half-marathon finishers crossed first.", []),
        ("The marathon had 24,312 finishers.", ["24,312 finishers"]),
        ("Fifteen finishers were disqualified.", ["Fifteen finishers"]),
        ("The city's 24,312 finishers set a record.", ["24,312 finishers"]),
    ],
)
def test_another_kind_named_by_a_possessive_or_a_modifier(text: str, expected: list[str]) -> None:
    assert mentions(fact("24,312", "finish(ed|ers)?", claim=CLAIM), text) == expected


def test_a_compound_of_the_facts_noun_is_another_kind() -> None:
    f = fact("24,312", "finish(ed|ers)?|completed", claim=CLAIM)
    text = (
        "A record 24,312 runners finished the marathon, while 9,870 completed the "
        "half-marathon. The half-marathon had 8,970 finishers, down slightly."
    )
    assert mentions(f, text) == ["24,312 runners"]


@pytest.mark.parametrize(
    ("claim", "text", "expected"),
    [
        ("Revenue rose 8% from a year earlier", "Revenue slipped 8% in the quarter.", "failed"),
        ("Revenue rose 8% from a year earlier", "Revenue rose 8% in the quarter.", "passed"),
        ("Revenue rose 8%", "Cloud makes up 8% of revenue.", "skipped"),
        # "fell to 4.1%" gives a level, not a change: no direction is read from it.
        ("Unemployment fell to 4.1% in May", "Unemployment was 4.1% in May.", "passed"),
        # A direction read from the claim alone still compares a level by its size.
        ("Prices rose 3.5% in May", "Price growth was 3.5% in May.", "passed"),
        ("Revenue rose 8%", "Cloud was 8% of the revenue.", "skipped"),
    ],
)
def test_a_claim_gives_the_direction_a_value_leaves_out(
    claim: str, text: str, expected: str
) -> None:
    value = "4.1%" if "4.1" in claim else "3.5%" if "3.5" in claim else "8%"
    cue = "unemployment" if "4.1" in claim else "price" if "3.5" in claim else "revenue"
    assert outcome(fact(value, cue, claim=claim), text) == expected


def test_a_compound_whose_first_part_the_fact_uses_is_the_same_thing() -> None:
    f = fact("$12.4 billion", "revenue", claim="Revenue in the third quarter was $12.4 billion")
    assert mentions(f, "Third-quarter revenue rose 8% to $12.4 billion.") == ["$12.4 billion"]


def test_a_hyphenated_name_is_no_other_kind() -> None:
    f = fact("more than 80 percent", "controls?", "Anbar")
    text = "Sunni rebels now control about 88 per cent of al-Anbar, officials said."
    assert mentions(f, text) == ["about 88 per cent"]
