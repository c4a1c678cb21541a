"""Finding entity names: whole words, case, possessives, al-, multi-word and fuzzy spellings."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.names import Entity, NameFinder, name_finder

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"

ISIS = Entity(
    "ISIS",
    ("ISIL", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria"),
)


def found(entity: Entity, text: str) -> list[str]:
    return [text[a:b] for a, b in name_finder(entity).find(text)]


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("entity", "text", "expected"),
    [
        # whole words only
        (Entity("Ana"), "Rawa, Ana and Anah", ["Ana"]),
        (Entity("Ana"), "Analysts say Anah and Banana fell", []),
        (Entity("Rutba"), "Rutbah fell", []),
        (Entity("Rutba", ("Rutbah",)), "Rutbah and Rutba fell", ["Rutbah", "Rutba"]),
        (Entity("Iraq"), "Iraqi forces left Iraq", ["Iraq"]),
        (Entity("ISIS"), "the ISIS-controlled city", ["ISIS"]),
        (Entity("ISIS"), "ISIS_x ISIS2 ISISé", []),
        (Entity("Shi"), "Shi'ite and Shi’ite", []),
        # case-sensitive
        (Entity("Ana"), "ana ANA Ana", ["Ana"]),
        # possessives, kept out of the span
        (Entity("Iraq"), "Iraq's north and Iraq’s leaders", ["Iraq", "Iraq"]),
        (Entity("Maliki", al=True), "Nouri al-Maliki's government", ["al-Maliki"]),
        (Entity("Maliki"), "Nouri al-Maliki’s government", ["Maliki"]),
        # optional Arabic article
        (
            Entity("Qaim", al=True),
            "Al-Qaim, al-Qaim, Al Qaim, al Qaim, el-Qaim and Qaim",
            ["Al-Qaim", "al-Qaim", "Al Qaim", "al Qaim", "el-Qaim", "Qaim"],
        ),
        (Entity("Qaim", al=True), "Halal-Qaim", ["Qaim"]),
        (Entity("Qaim"), "the Al-Qaim border crossing", ["Qaim"]),
        # brackets and punctuation are word edges
        (ISIS, "the Levant (ISIL), seized", ["ISIL"]),
        # multi-word spellings across whitespace and line breaks, longest first
        (
            ISIS,
            "the Islamic State of Iraq\nand  the Levant took",
            ["Islamic State of Iraq\nand  the Levant"],
        ),
        (
            ISIS,
            "Islamic State of Iraq and Syria (ISIS)",
            ["Islamic State of Iraq and Syria", "ISIS"],
        ),
        (
            Entity("IS", ("Islamic State", "Islamic State of Iraq")),
            "the Islamic State of Iraq said; the Islamic State of Syria",
            ["Islamic State of Iraq", "Islamic State"],
        ),
        (Entity("Shi'ite"), "Shi'ite and Shi’ite", ["Shi'ite", "Shi’ite"]),
        # fuzzy
        (
            Entity("Rutba", fuzzy=1),
            "Rutbah, Rutba, Rutb and Rutbas",
            ["Rutbah", "Rutba", "Rutb", "Rutbas"],
        ),
        (Entity("Rawah", fuzzy=1), "Rawa and Rawah", ["Rawa", "Rawah"]),
        (Entity("Rutba", fuzzy=1), "rutba RUTBA Rut a Arutba", []),
        (Entity("Rutba", fuzzy=1), "Rutba's highway", ["Rutba"]),
        (
            Entity("Huseiba", ("Husaybah",), fuzzy=1),
            "Husaybah and Huseibah",
            ["Husaybah", "Huseibah"],
        ),
        (Entity("Ana", fuzzy=1), "Ana and Anah or Ann", ["Ana"]),
        (Entity("Iran", fuzzy=1), "Iraq and Iran", ["Iran"]),
        (Entity("Qaim", fuzzy=2, al=True), "al-Qaem or Qaim", ["Qaim"]),
    ],
)
def test_find(entity: Entity, text: str, expected: list[str]) -> None:
    assert found(entity, text) == expected


def test_seed_000_maliki_with_al() -> None:
    text = seed_text("000")
    names = found(Entity("Maliki", al=True), text)
    assert names[0] == "al-Maliki"
    assert names.count("Maliki") == 2  # "Maliki has come ..." and "any hopes Maliki may ..."


def test_seed_002_isil_in_brackets_and_al_qaim() -> None:
    text = seed_text("002")
    assert "ISIL" in found(ISIS, text)
    assert "Islamic State of Iraq and the Levant" in found(ISIS, text)
    spans = name_finder(Entity("Qaim", al=True)).find(text)
    assert [text[a:b] for a, b in spans] == ["Al-Qaim", "Al Qaim"]
    assert text[spans[0][0] :].startswith("Al-Qaim border crossing")


def test_seed_000_whole_words() -> None:
    text = seed_text("000")
    assert found(Entity("Ana"), text) == []  # "Anah" and "Analysts"-like words only
    assert found(Entity("Anah"), text) == ["Anah"]
    assert found(Entity("Rutba"), text) == ["Rutba", "Rutba", "Rutba"]


def test_find_within_range() -> None:
    text = "Rutba; Rutba; Rutbah"
    finder = name_finder(Entity("Rutba"))
    assert finder.find(text, 1) == [(7, 12)]  # the first one starts before the range
    assert finder.find(text, 0, 10) == [(0, 5)]  # the second one is cut off by the range
    assert finder.find(text, 14, 19) == []  # "Rutba" inside "Rutbah" is not a whole word
    assert finder.find(text, 7) == [(7, 12)]


def test_article_within_range() -> None:
    text = "Qaim al-Qaim"
    finder = name_finder(Entity("Qaim", al=True))
    assert finder.find(text) == [(0, 4), (5, 12)]
    assert finder.find(text, 8) == [(8, 12)]  # the article lies before the range
    assert finder.find(text, 5) == [(5, 12)]


def test_name_finder_is_cached() -> None:
    assert name_finder(Entity("Anbar")) is name_finder(Entity("Anbar"))
    assert isinstance(name_finder(Entity("Anbar")), NameFinder)


def test_timeout_raises() -> None:
    with pytest.raises(TimeoutError):
        name_finder(Entity("Rutba")).find("Rutba " * 100, timeout=0.0)


def test_no_usable_spelling() -> None:
    with pytest.raises(ValueError, match="no spelling"):
        NameFinder(Entity("  "))


def test_regex_characters_are_literal() -> None:
    assert found(Entity("A.B. (x)"), "see A.B. (x) and AxB. (x)") == ["A.B. (x)"]


words = st.sampled_from(
    ["Ana", "Anah", "ana", "Iraq", "Iraq's", "al-", "Al ", "-", " ", "\n", "(", "é", "x"]
)


@given(st.lists(words, max_size=30))
def test_exact_matches_are_whole_spellings(pieces: list[str]) -> None:
    text = "".join(pieces)
    for entity in (Entity("Ana"), Entity("Iraq", al=True)):
        previous = 0
        for a, b in name_finder(entity).find(text):
            assert previous <= a < b <= len(text)
            previous = b
            name = " ".join(text[a:b].split())  # "Al" and the name may be apart by any space
            assert name.endswith(entity.name)
            assert name in (
                entity.name,
                f"al-{entity.name}",
                f"Al {entity.name}",
                f"Al-{entity.name}",
            )
            assert a == 0 or not text[a - 1].isalnum()
            assert b == len(text) or not text[b].isalnum()


@given(st.text(), st.sampled_from([Entity("Rutba", fuzzy=1), ISIS, Entity("Qaim", al=True)]))
def test_find_never_raises(text: str, entity: Entity) -> None:
    for a, b in name_finder(entity).find(text):
        assert 0 <= a < b <= len(text)
