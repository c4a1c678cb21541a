"""Sentence splitting of news prose: abbreviations, initials, decimals, quotes, seeds."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.sentences import split_sentences

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        ("no final stop", ["no final stop"]),
        ("", []),
        ("   \n  ", []),
        ("  padded.  ", ["padded."]),
        # abbreviations that never end a sentence
        ("Mr. Smith met Mrs. Jones.", ["Mr. Smith met Mrs. Jones."]),
        ("Dr. No and Gen. Lee met Lt. Col. Sgt. Gov. Sen. Rep. Ward.", None),
        ("He lives on St. Mark's Place.", None),
        ("It began Jan. 5 and ended Sept. 30 or Dec. 1.", None),
        ("He was No. 1 in Iraq.", None),
        ("Iraq vs. Syria was the game.", None),
        (
            "Towns, e.g. Rutba, fell. Others, i.e. Qaim, too.",
            ["Towns, e.g. Rutba, fell.", "Others, i.e. Qaim, too."],
        ),
        ("Apples, pears, etc. are fruit.", None),
        ("At 5 p.m. Monday he left.", None),
        (
            "He left at 5 p.m. The next day he returned.",
            ["He left at 5 p.m.", "The next day he returned."],
        ),
        # dotted acronyms
        ("U.S. Secretary of State John Kerry arrived.", None),
        ("The U.N. Security Council met.", None),
        (
            "Troops left the U.S. They landed in Iraq.",
            ["Troops left the U.S.", "They landed in Iraq."],
        ),
        # initials
        ("John F. Kennedy spoke.", None),
        ("E. G. Festin on", None),
        ("A. B. Smith wrote it.", None),
        # decimals and numbers
        (
            "It grew 1.2 million to 0.7 percent. Then it fell.",
            ["It grew 1.2 million to 0.7 percent.", "Then it fell."],
        ),
        ("They killed 21. Then they left.", ["They killed 21.", "Then they left."]),
        ("Growth was 3. 5 more came.", ["Growth was 3.", "5 more came."]),
        # quotations
        ('"Stop," he said. "Why?" she asked.', ['"Stop," he said.', '"Why?" she asked.']),
        (
            "“We will finish ISIS in two days.” He left.",
            ["“We will finish ISIS in two days.”", "He left."],
        ),
        ('He said "no." Then he went.', ['He said "no."', "Then he went."]),
        ("“Stop!” he said.", None),
        ("He asked, “Why?” and left.", None),
        ('It ended. "Next," he said.', ["It ended.", '"Next," he said.']),
        # parentheses and ellipses
        (
            "Shiites rallied (pictured) today. More came.",
            ["Shiites rallied (pictured) today.", "More came."],
        ),
        ("(See below.) The rest follows.", ["(See below.)", "The rest follows."]),
        ("considerations… and speak to all people.", None),
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        # list numbers open a sentence
        ("1. Skip to content", None),
        ("  2. Skip to main menu", ["2. Skip to main menu"]),
        # a line break inside a paragraph is just whitespace
        ("It rained.\nIt poured.", ["It rained.", "It poured."]),
        ("It rained in\nBaghdad.", None),
    ],
)
def test_split(text: str, expected: list[str] | None) -> None:
    assert sentences(text) == (expected if expected is not None else [text.strip()])


def test_split_within_range() -> None:
    text = "xx. One. Two. yy"
    start, end = 4, 13
    assert [text[a:b] for a, b in split_sentences(text, start, end)] == ["One.", "Two."]


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def sentence_containing(text: str, needle: str) -> str:
    """The sentence containing ``needle``, splitting each blank-line paragraph."""
    at = text.index(needle)
    begin = text.rfind("\n\n", 0, at) + 2 if "\n\n" in text[:at] else 0
    finish = text.find("\n\n", at)
    finish = len(text) if finish < 0 else finish
    for a, b in split_sentences(text, begin, finish):
        if a <= at < b:
            return text[a:b]
    raise AssertionError(f"{needle!r} is in no sentence")


def test_seed_001_us_secretary_is_one_sentence() -> None:
    sentence = sentence_containing(seed_text("001"), "U.S. Secretary of State John Kerry")
    assert sentence.startswith("Meanwhile, U.S. Secretary of State John Kerry,")
    assert "plans to ask the leaders" in sentence
    assert sentence.endswith("broader parts of Iraq's population.")


def test_seed_003_initials_are_not_split() -> None:
    assert sentence_containing(seed_text("003"), "E. G. Festin on") == "1. E. G. Festin on"


def test_seed_000_residents_sentence() -> None:
    sentence = sentence_containing(seed_text("000"), "about 90 miles (150 kilometers) east")
    assert sentence.startswith("Residents are negotiating")
    assert sentence.endswith("east of Jordan.")


def test_seed_003_quote_ends_after_closing_quote() -> None:
    sentence = sentence_containing(seed_text("003"), "We’re going to have")
    assert sentence == (
        "“We’re going to have to be vigilant generally,” US President Barack Obama said in "
        "an interview aired Sunday on CBS."
    )


def check_spans(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    previous = start
    for a, b in spans:
        assert previous <= a < b <= end
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert not text[previous:a].strip(), "only whitespace is left between sentences"
        previous = b
    assert not text[previous:end].strip()
    if text[start:end].strip():
        assert spans, "a paragraph with text has at least one sentence"
    else:
        assert spans == []


@given(st.text())
def test_never_raises_and_spans_are_ordered(text: str) -> None:
    check_spans(text, 0, len(text), split_sentences(text))


@given(st.text(alphabet=".!?…\"'“”’() \n\tAaBU.S1é", max_size=60), st.data())
def test_punctuation_soup(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check_spans(text, start, end, split_sentences(text, start, end))


@given(
    st.lists(
        st.sampled_from(["Iraq", "fell", "U.S.", "Mr.", "1.2", "E.", "“Yes.”", "ok"]), max_size=30
    )
)
def test_words_are_never_cut(words: list[str]) -> None:
    # Boundaries only fall between words, so every word survives whole in some sentence.
    text = " ".join(words)
    pieces = sentences(text)
    assert " ".join(pieces) == text


@pytest.mark.parametrize(
    "text",
    [
        "." * 200_000,
        "A. " * 60_000,
        "U.S. " * 40_000,
        "a" * 200_000 + ". B",
        " " * 200_000 + ". B",
        "Mr. " * 50_000,
        "!?" * 100_000 + " A",
        '."' * 100_000 + " A",
    ],
    ids=["stops", "initials", "acronyms", "long-word", "spaces", "titles", "bangs", "quotes"],
)
def test_pathological_text_is_linear(text: str) -> None:
    # A quadratic splitter would not finish these in any reasonable time.
    spans = split_sentences(text)
    check_spans(text, 0, len(text), spans)
