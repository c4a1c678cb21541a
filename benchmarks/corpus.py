"""Generate a synthetic corpus for the benchmark: articles, one fact file, and a pytest floor.

    python benchmarks/corpus.py OUT_DIR --articles 200 --facts 50 [--seed 0]

writes

- ``OUT_DIR/articles/NNNNN.txt``: news-like articles of 2–8 KB, built from the seed
  articles' sentences with other numbers, places, units and hedges, plus filler paragraphs
  made of the seeds' number-free sentences;
- ``OUT_DIR/facts/facts.yaml``: the facts, in the fact-file format (``docs/fact-files.md``),
  with an ``entities:`` section, cues, subjects, count nouns, tolerances, hedged values and
  ranges. Each article restates a few facts (most agree, some contradict) and does not
  mention the rest, so a run has passed, failed and skipped items like a real desk's;
- ``OUT_DIR/floor/test_floor.py``: exactly articles × facts trivial parametrized tests,
  pytest's own cost for the same number of items;
- ``OUT_DIR/pytest.ini``: an empty ``[pytest]`` section, so the rootdir is ``OUT_DIR``.

The output depends only on the arguments: the facts are drawn from ``seed`` and ``facts``,
and article ``i`` from ``seed``, ``i`` and the facts, so the first 200 articles of a
2,000-article corpus are the 200 articles of a 200-article corpus with the same facts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# -- the world the articles talk about ---------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A town or province: its canonical name, other spellings, and whether ``al-`` may lead."""

    name: str
    spellings: tuple[str, ...] = ()
    al: bool = False


TOWNS = (
    Place("Rutba", ("Rutbah",)),
    Place("Huseiba", ("Husaybah",)),
    Place("Rawah", ("Rawa",)),
    Place("Qaim", ("Qa'im",), al=True),
    Place("Haditha", ("Hadithah",)),
    Place("Ramadi"),
    Place("Fallujah", ("Falluja",)),
    Place("Tikrit"),
    Place("Mosul"),
    Place("Samarra"),
    Place("Baiji", ("Beiji",)),
    Place("Kirkuk"),
    Place("Erbil", ("Arbil",)),
    Place("Tal Afar", ("Tel Afar",)),
    Place("Baqubah", ("Baquba",)),
    Place("Amarah"),
    Place("Nasiriyah", ("Nasiriya",)),
    Place("Karbala", ("Kerbala",)),
    Place("Najaf"),
    Place("Hillah", ("Hilla",)),
    Place("Sinjar"),
    Place("Zakho"),
    Place("Dohuk", ("Duhok",)),
    Place("Khanaqin"),
    Place("Jalawla"),
    Place("Rasa"),
    Place("Karma", ("Garma",)),
    Place("Alam", (), al=True),
    Place("Qayyarah", ("Qayara",)),
    Place("Sharqat", (), al=True),
)
PROVINCES = (
    Place("Anbar", (), al=True),
    Place("Nineveh", ("Ninawa",)),
    Place("Salahuddin", ("Salah al-Din",)),
    Place("Diyala"),
    Place("Babil"),
)
REFERENCES = ("Baghdad", "Jordan", "the Syrian border", "Damascus", "Amman", "the Euphrates")
DIRECTIONS = ("east of", "west of", "north of", "south of", "northwest of", "southeast of")
GROUPS = ("ISIS", "ISIL", "the militants", "the insurgents", "Sunni rebels")
OUTLETS = ("CNN", "Reuters", "the Associated Press", "AFP", "Fox News", "the BBC", "dpa")
SOURCES = (
    "https://p.dw.com/p/1CNrE",
    "https://www.globalpost.com/",
    "https://www.apnews.com/",
    "https://www.reuters.com/",
)
DAYS = ("Saturday", "Sunday", "Monday", "Friday", "Thursday")
MONTHS = ("June", "July", "May", "August")

SMALL = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# -- number writing ----------------------------------------------------------------------


def words(n: int) -> str:
    """``n`` in words, for 0 ≤ n < 1,000,000 ("twenty-one", "forty thousand")."""
    if n < 20:
        return SMALL[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS[tens] + (f"-{SMALL[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{SMALL[hundreds]} hundred" + (f" and {words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{words(thousands)} thousand" + (f" {words(rest)}" if rest else "")


def write_number(n: float, rng: random.Random) -> str:
    """``n`` as an article would write it: digits, thousands separators, words or millions."""
    if n != int(n):
        return f"{n:g}"
    k = int(n)
    if k >= 1_000_000 and k % 100_000 == 0:
        return f"{k / 1_000_000:g} million"
    if k <= 12 and rng.random() < 0.7:
        return words(k)
    if k >= 1000 and k % 1000 == 0 and k < 100_000 and rng.random() < 0.25:
        return words(k)
    return f"{k:,}"


def round_to(n: float, digits: int = 2) -> int:
    """``n`` rounded to ``digits`` significant digits, at least 1."""
    k = max(1, round(n))
    magnitude: int = 10 ** max(0, len(str(k)) - digits)
    return max(1, round(k / magnitude) * magnitude)


def off_by(n: int, rng: random.Random, *, low: float = 0.4, high: float = 2.5) -> int:
    """A value clearly inconsistent with ``n``: at least 30% away, after rounding."""
    while True:
        factor = rng.choice((rng.uniform(low, 0.7), rng.uniform(1.3, high)))
        other = round_to(n * factor)
        if abs(other - n) >= 0.3 * n and other != n:
            return other


def slug(text: str) -> str:
    """``text`` as a fact-id fragment: lowercase ASCII words joined by ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# -- facts and how an article states them --------------------------------------------------


@dataclass
class FactSpec:
    """One generated fact: its YAML fields, and how to write a sentence that states it."""

    id: str
    fields: dict[str, object]
    #: (rng, agree) -> a paragraph that states the fact (agreeing or contradicting it)
    render: Callable[[random.Random, bool], str] = field(repr=False)


def spell(place: Place, rng: random.Random) -> str:
    """One way of writing ``place`` in an article: mostly the name, sometimes a variant."""
    name = place.name
    if place.spellings and rng.random() < 0.3:
        name = rng.choice(place.spellings)
    if place.al and rng.random() < 0.4:
        name = f"al-{name}"
    return name


def _distance(rng: random.Random, town: Place) -> FactSpec:
    miles = round_to(rng.uniform(15, 300))
    direction = rng.choice(DIRECTIONS)
    ref = rng.choice(REFERENCES)

    def render(r: random.Random, agree: bool) -> str:
        mi = miles if agree else off_by(miles, r)
        km = round(mi * 1.609344)
        name = spell(town, r)
        group = r.choice(GROUPS)
        style = r.randrange(4)
        if style == 0:
            return (
                f"Residents are negotiating their exit from {name} after fighters from "
                f"{group} captured the town, about {mi} miles ({km} kilometers) {direction} "
                f"{ref}."
            )
        if style == 1:
            return f"The closest, {name}, lies {mi} miles {direction} {ref}."
        if style == 2:
            return (
                f"Among the conquests was the town of {name}, which is located just {km} km "
                f"{direction} {ref}."
            )
        return (
            f"{name} lies roughly {mi} mi {direction} {ref}, on a highway that has fallen "
            f"into infrequent use."
        )

    return FactSpec(
        id=f"{slug(town.name)}-distance-{slug(direction)}-{slug(ref)}",
        fields={
            "claim": f"{town.name} lies about {miles} miles {direction} {ref}",
            "subject": town.name,
            "cue": direction,
            "value": f"{miles} mi",
            "tolerance": "5%",
            "tags": ["distance"],
            "source": rng.choice(SOURCES),
        },
        render=render,
    )


def _population(rng: random.Random, town: Place) -> FactSpec:
    people = round_to(rng.uniform(8_000, 400_000))
    hedged = rng.random() < 0.5

    def render(r: random.Random, agree: bool) -> str:
        n = people if agree else off_by(people, r)
        name = spell(town, r)
        hedge = r.choice(("", "about ", "around ", "an estimated ", "some "))
        return (
            f"{name} gives {r.choice(GROUPS)} control over a stretch of highway. The town has "
            f"a population of {hedge}{write_number(n, r)}, but it has recently taken in "
            f"families from the surrounding villages."
        )

    return FactSpec(
        id=f"{slug(town.name)}-population",
        fields={
            "claim": f"{town.name} has a population of about {people:,}",
            "subject": town.name,
            "cue": "population",
            "value": f"about {people:,}" if hedged else f"{people:,}",
            "tags": ["population"],
        },
        render=render,
    )


def _killed(rng: random.Random, town: Place) -> FactSpec:
    dead = rng.randint(5, 40)

    def render(r: random.Random, agree: bool) -> str:
        n = r.choice((dead, dead + r.randint(0, 5))) if agree else r.randint(1, dead - 2)
        how = "at least " if agree and r.random() < 0.5 else ""
        name = spell(town, r)
        return (
            f"On {r.choice(DAYS)}, a government air strike on the militant-held city of "
            f"{name} killed {how}{write_number(n, r)} people, {r.choice(OUTLETS)} reported."
        )

    return FactSpec(
        id=f"{slug(town.name)}-air-strike-deaths",
        fields={
            "claim": f"An air strike on {town.name} killed at least {dead} people",
            "subject": town.name,
            "cue": "killed|killing",
            "value": f"at least {dead}",
            "tags": ["casualties"],
        },
        render=render,
    )


def _wounded(rng: random.Random, town: Place) -> FactSpec:
    hurt = rng.randint(3, 60)

    def render(r: random.Random, agree: bool) -> str:
        n = hurt if agree else off_by(hurt, r)
        name = spell(town, r)
        return (
            f"Near {name}, a suicide bombing and a car bomb wounded {write_number(n, r)}, "
            f"officials said."
        )

    return FactSpec(
        id=f"{slug(town.name)}-bombing-wounded",
        fields={
            "claim": f"The bombings near {town.name} wounded {hurt} people",
            "subject": town.name,
            "cue": "wounded",
            "value": str(hurt),
            "scope": "sentence",
            "tags": ["casualties"],
        },
        render=render,
    )


def _control(rng: random.Random, province: Place) -> FactSpec:
    share = rng.choice((40, 50, 60, 70, 80))

    def render(r: random.Random, agree: bool) -> str:
        name = spell(province, r)
        if agree:
            said = r.choice((f"more than {share} percent", f"about {share + 8} per cent"))
        else:
            said = f"about {share - 30}%"
        return (
            f"{r.choice(GROUPS)} now controls {said} of {name}, two security officials in "
            f"the province told {r.choice(OUTLETS)}."
        )

    return FactSpec(
        id=f"{slug(province.name)}-under-militant-control",
        fields={
            "claim": f"Militants control more than {share} percent of {province.name}",
            "subject": province.name,
            "cue": "controls?",
            "value": f"more than {share} percent",
            "tags": ["territory"],
        },
        render=render,
    )


def _count(rng: random.Random, town: Place, noun: str, verb: str) -> FactSpec:
    n = rng.randint(2, 12) if noun in ("towns", "villages", "bridges") else rng.randint(20, 90)
    with_subject = rng.random() < 0.7

    def render(r: random.Random, agree: bool) -> str:
        k = n if agree else off_by(n, r, low=0.3, high=3.0)
        name = spell(town, r)
        return (
            f"Near {name}, {r.choice(GROUPS)} {verb} {write_number(k, r)} {noun} in "
            f"{r.choice(('two', 'three', 'four'))} days, {r.choice(OUTLETS)} reported."
        )

    fields: dict[str, object] = {"claim": f"Militants {verb} {n} {noun} near {town.name}"}
    # A count without a subject is the whole desk's ("4 towns seized"): a few such facts
    # are realistic, one per made-up town would make every count in every article theirs.
    if with_subject or town not in TOWNS:
        fields["subject"] = town.name
    fields.update({"value": f"{n} {noun}", "tags": ["territory"]})
    return FactSpec(id=f"{slug(town.name)}-{noun}-{slug(verb)}", fields=fields, render=render)


def _trucks(rng: random.Random, town: Place) -> FactSpec:
    trucks = rng.randint(10, 120)

    def render(r: random.Random, agree: bool) -> str:
        k = trucks if agree else off_by(trucks, r)
        name = spell(town, r)
        return (
            f"People near the border post at {name} told {r.choice(OUTLETS)} they saw about "
            f"{k} {r.choice(GROUPS)} trucks crossing the border from Syria."
        )

    return FactSpec(
        id=f"{slug(town.name)}-trucks-at-border",
        fields={
            "claim": f"About {trucks} trucks crossed the border at {town.name}",
            "subject": town.name,
            "cue": "trucks?",
            "value": f"{trucks} trucks",
            "tolerance": "10%",
            "tags": ["territory"],
        },
        render=render,
    )


def _refinery(rng: random.Random, town: Place) -> FactSpec:
    output = round_to(rng.uniform(20_000, 400_000))

    def render(r: random.Random, agree: bool) -> str:
        k = output if agree else off_by(output, r)
        name = spell(town, r)
        return (
            f"The refinery at {name}, the country's largest, produces about {k:,} barrels a "
            f"day when it runs at full capacity."
        )

    return FactSpec(
        id=f"{slug(town.name)}-refinery-output",
        fields={
            "claim": f"The refinery at {town.name} produces {output:,} barrels a day",
            "subject": town.name,
            "cue": "refinery|produces",
            "value": f"{output:,} barrels per day",
            "tolerance": "10%",
            "tags": ["economy"],
        },
        render=render,
    )


def _area(rng: random.Random, town: Place) -> FactSpec:
    km2 = round_to(rng.uniform(20, 900))

    def render(r: random.Random, agree: bool) -> str:
        k = km2 if agree else off_by(km2, r)
        name = spell(town, r)
        mi2 = round(k / 2.589988)
        size = f"{k} km²" if r.random() < 0.5 else f"{k} square kilometres ({mi2} square miles)"
        return f"The district around {name} covers an area of {size}, most of it desert."

    return FactSpec(
        id=f"{slug(town.name)}-district-area",
        fields={
            "claim": f"The district around {town.name} covers {km2} square kilometres",
            "subject": town.name,
            "cue": "area",
            "value": f"{km2} km²",
            "tolerance": "5%",
            "tags": ["geography"],
        },
        render=render,
    )


def _siege(rng: random.Random, town: Place) -> FactSpec:
    weeks = rng.randint(2, 10)

    def render(r: random.Random, agree: bool) -> str:
        k = weeks if agree else off_by(weeks, r, low=0.2, high=4.0)
        name = spell(town, r)
        length = f"{write_number(k, r)} weeks" if r.random() < 0.5 else f"{k * 7} days"
        return f"{name} has been under siege for {length}, and food is running short."

    return FactSpec(
        id=f"{slug(town.name)}-siege-length",
        fields={
            "claim": f"{town.name} has been besieged for {weeks} weeks",
            "subject": town.name,
            "cue": "siege|besieged",
            "value": f"{weeks * 7} days",
            "tags": ["territory"],
        },
        render=render,
    )


def _fighters(rng: random.Random, town: Place) -> FactSpec:
    low = round_to(rng.uniform(100, 2000))
    high = round_to(low * rng.uniform(1.2, 1.6))

    def render(r: random.Random, agree: bool) -> str:
        name = spell(town, r)
        if agree:
            said = r.choice((f"an estimated {(low + high) // 2:,}", f"{low:,} to {high:,}"))
        else:
            said = f"as many as {off_by(high, r, low=1.6, high=4.0):,}"
            said = f"fewer than {max(1, low // 3):,}" if r.random() < 0.5 else said
        return (
            f"Officers and doctors said {said} fighters had massed outside {name} ahead of "
            f"the assault."
        )

    return FactSpec(
        id=f"{slug(town.name)}-fighters-massed",
        fields={
            "claim": f"Between {low:,} and {high:,} fighters massed outside {town.name}",
            "subject": town.name,
            "cue": "massed|fighters",
            "value": f"between {low:,} and {high:,} fighters",
            "tags": ["forces"],
        },
        render=render,
    )


def _parade(rng: random.Random, town: Place) -> FactSpec:
    crowd = round_to(rng.uniform(2_000, 50_000), 1)

    def render(r: random.Random, agree: bool) -> str:
        k = crowd if agree else off_by(crowd, r, low=0.2, high=5.0)
        name = spell(town, r)
        return (
            f"According to {r.choice(OUTLETS)}, the rally included around {k:,} militiamen in "
            f"{name}, who paraded through the streets in mismatched uniforms."
        )

    return FactSpec(
        id=f"{slug(town.name)}-parade-size",
        fields={
            "claim": f"Around {crowd:,} militiamen paraded in {town.name}",
            "subject": town.name,
            "cue": "paraded|gathered|included",
            "value": f"about {crowd:,}",
            "tags": ["politics"],
        },
        render=render,
    )


def _advisers(rng: random.Random, _town: Place) -> FactSpec:
    advisers = rng.choice((100, 200, 300, 400, 500))

    def render(r: random.Random, agree: bool) -> str:
        k = advisers if agree else advisers * 3
        return (
            f"Washington has offered to send up to {k} military advisers, but has so far not "
            f"backed air strikes as requested by Baghdad."
        )

    return FactSpec(
        id=f"military-advisers-{advisers}",
        fields={
            "claim": f"Washington offered to send up to {advisers} military advisers",
            "cue": "advisers",
            "value": f"{advisers} advisers",
            "scope": "article",
            "tags": ["politics"],
            "source": "https://www.whitehouse.gov/",
        },
        render=render,
    )


def _displaced(rng: random.Random, _town: Place) -> FactSpec:
    def render(r: random.Random, agree: bool) -> str:
        said = "hundreds of thousands of people" if agree else "a few dozen people"
        return (
            f"It is the latest in a series of setbacks, in the face of an insurgent onslaught "
            f"that has displaced {said} and sparked fears that the country could tear itself "
            f"apart."
        )

    return FactSpec(
        id="displaced-by-insurgency",
        fields={
            "claim": "The insurgent offensive has displaced hundreds of thousands of people",
            "cue": "onslaught|offensive that has displaced",
            "value": "hundreds of thousands of people",
            "tags": ["displacement"],
        },
        render=render,
    )


KINDS: tuple[Callable[[random.Random, Place], FactSpec], ...] = (
    _distance,
    _population,
    _killed,
    _wounded,
    _trucks,
    _refinery,
    _area,
    _siege,
    _fighters,
    _parade,
    lambda r, t: _count(r, t, "towns", "seized"),
    lambda r, t: _count(r, t, "villages", "overran"),
    lambda r, t: _count(r, t, "checkpoints", "set up"),
)


_SYLLABLES = (
    "ka", "ra", "bi", "do", "mu", "sa", "ti", "ne", "lo", "fa", "qu", "zi", "ha", "me", "ru",
    "ba", "ko", "ta", "li", "no", "gar", "dim", "sul", "ket", "bar", "rim", "tal", "nur",
)  # fmt: skip
TOWNS_PER_FACT = 0.1  # a fact base of F facts talks about at least F/10 towns


def towns_for(facts: int) -> tuple[Place, ...]:
    """The towns ``facts`` facts are about: the named ones, then made-up ones.

    A desk's fact base names more places as it grows (10,000 facts: 1,000 towns), so the
    number of distinct subjects, and the cost that grows with it, is not capped at the 30
    towns above. Made-up names are built from syllables, the same for every run.
    """
    wanted = max(len(TOWNS), int(facts * TOWNS_PER_FACT))
    towns = list(TOWNS)
    seen = {t.name for t in towns}
    rng = random.Random("towns")
    while len(towns) < wanted:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()
        if name in seen or len(name) < 5:
            continue
        seen.add(name)
        spellings = (name + "h",) if rng.random() < 0.3 else ()
        towns.append(Place(name, spellings))
    return tuple(towns)


def make_facts(count: int, rng: random.Random, towns: Sequence[Place] = TOWNS) -> list[FactSpec]:
    """``count`` facts with unique ids, drawn from every kind of fact in turn."""
    facts: list[FactSpec] = []
    seen: set[str] = set()
    singles = [_advisers, _displaced]
    provinces = list(PROVINCES)
    rng.shuffle(provinces)
    attempts = 0
    while len(facts) < count:
        attempts += 1
        if attempts > count * 100:
            raise ValueError(f"cannot make {count} distinct facts; try fewer")
        if singles and len(facts) % 17 == 5:
            spec = singles.pop(0)(rng, TOWNS[0])
        elif provinces and len(facts) % 11 == 3:
            spec = _control(rng, provinces.pop())
        else:
            spec = rng.choice(KINDS)(rng, rng.choice(towns))
        if spec.id in seen:
            continue
        seen.add(spec.id)
        facts.append(spec)
    return facts


# -- fact file ----------------------------------------------------------------------------


def _yaml(value: object) -> str:
    """A YAML scalar or flow list: JSON strings are valid double-quoted YAML scalars."""
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def fact_file(facts: Sequence[FactSpec], towns: Sequence[Place] = TOWNS) -> str:
    """The text of ``facts.yaml``: an ``entities:`` section, then every fact."""
    lines = ["# Generated by benchmarks/corpus.py: synthetic facts for the benchmark.", ""]
    lines.append("entities:")
    # With made-up towns, many names are near each other in spelling: every place is
    # declared, so that none is taken for a misspelling of another.
    declare_all = len(towns) > len(TOWNS)
    for place in (*towns, *PROVINCES):
        if declare_all and not place.spellings and not place.al:
            lines.append(f"  {_yaml(place.name)}: []")
        elif place.al:
            lines.append(f"  {_yaml(place.name)}:")
            if place.spellings:
                lines.append(f"    spellings: {_yaml(list(place.spellings))}")
            lines.append("    al: true")
        elif place.spellings:
            lines.append(f"  {_yaml(place.name)}: {_yaml(list(place.spellings))}")
    lines += ["", "facts:"]
    for spec in facts:
        lines.append(f"  - id: {spec.id}")
        for key, value in spec.fields.items():
            lines.append(f"    {key}: {_yaml(value)}")
        lines.append("")
    return "\n".join(lines)


# -- articles ----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_NUMERIC = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?|millions?|billions?|first|second|third|fourth)\b",
    re.IGNORECASE,
)
_SEED_PLACES = re.compile(
    r"\b(?:Rutba|Huseiba|Rawah|Rawa|Anah|Ana|Qaim|Haditha|Ramadi|Fallujah|Tikrit|Mosul|"
    r"Amarah|Basra|Najaf|Sadr City|Al-Alam|Rasa)\b"
)
# Used when the seed articles are not where this file expects them.
_FALLBACK_FILLER = (
    "The government said its forces had made a tactical withdrawal from the towns.",
    "Residents said the fighting continued into the evening.",
    "Shiites staged military-style rallies to show their unity in the face of the insurrection.",
    "The prime minister has come under growing pressure to reach out to Kurds and Sunnis.",
    "Kerry later travelled to Jordan, and will also visit Brussels and Paris.",
)


def filler_sentences(seeds: Path = SEEDS) -> list[str]:
    """The seed articles' sentences that hold no number: filler that states no fact."""
    found: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for paragraph in re.split(r"\n\s*\n|\n", text):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                sentence = " ".join(sentence.split())
                if (
                    50 <= len(sentence) <= 320
                    and sentence[-1] in '.”"'
                    and not _NUMERIC.search(sentence)
                    and "http" not in sentence
                ):
                    found.append(sentence)
    return sorted(set(found)) or list(_FALLBACK_FILLER)


def _filler_paragraph(rng: random.Random, sentences: Sequence[str]) -> str:
    picked = rng.sample(list(sentences), k=min(len(sentences), rng.randint(2, 4)))
    text = " ".join(picked)
    return _SEED_PLACES.sub(lambda _m: spell(rng.choice(TOWNS), rng), text)


def _headline(rng: random.Random) -> str:
    town = spell(rng.choice(TOWNS), rng)
    return rng.choice(
        (
            f"Militants seize more ground near {town}",
            f"{rng.choice(GROUPS).capitalize()} gains more ground in Iraq",
            f"Fighting spreads to {town} as US presses unity",
            f"Residents flee {town} as front line moves",
        )
    )


def make_article(
    index: int,
    facts: Sequence[FactSpec],
    filler: Sequence[str],
    *,
    seed: int,
) -> str:
    """Article ``index``: a headline, a few paragraphs stating facts, filler to 2–8 KB."""
    rng = random.Random(f"{seed}:article:{index}")
    target = int(rng.triangular(2048, 8192, 3500))
    mentioned = rng.sample(list(facts), k=min(len(facts), rng.randint(2, 8)))
    stated = [spec.render(rng, rng.random() < 0.85) for spec in mentioned]
    day = rng.choice(DAYS)
    header = [
        _headline(rng),
        f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.choice((2013, 2014, 2015))}",
    ]
    body: list[str] = []
    size = sum(len(p) + 2 for p in header + stated)
    while size < target - 200:
        paragraph = _filler_paragraph(rng, filler)
        body.append(paragraph)
        size += len(paragraph) + 2
    for paragraph in stated:
        body.insert(rng.randint(0, len(body)), paragraph)
    tail = f"The fighting came as officials met on {day}. ({rng.choice(OUTLETS)})"
    return "\n\n".join([*header, *body, tail]) + "\n"


FLOOR = '''"""pytest's floor: {items} trivial items, one per (article, fact) of the corpus."""

import pytest


@pytest.mark.parametrize("f", range({facts}))
@pytest.mark.parametrize("a", range({articles}))
def test_floor(a: int, f: int) -> None:
    assert True
'''


@dataclass(frozen=True)
class Corpus:
    """Where a generated corpus is, and what is in it."""

    root: Path
    articles: int
    facts: int
    article_bytes: tuple[int, ...]

    @property
    def items(self) -> int:
        """The number of test items of a run: articles × facts."""
        return self.articles * self.facts


def generate(out: Path, *, articles: int, facts: int, seed: int = 0) -> Corpus:
    """Write a corpus of ``articles`` articles and ``facts`` facts under ``out``.

    Returns what was written. Replaces ``out/articles``, ``out/facts`` and ``out/floor``;
    raises ``ValueError`` for counts below 1 or more facts than the world can hold.
    """
    if articles < 1 or facts < 1:
        raise ValueError("--articles and --facts must be at least 1")
    towns = towns_for(facts)
    specs = make_facts(facts, random.Random(f"{seed}:facts:{facts}"), towns)
    filler = filler_sentences()
    for name in ("articles", "facts", "floor"):
        shutil.rmtree(out / name, ignore_errors=True)
        (out / name).mkdir(parents=True)
    (out / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (out / "facts" / "facts.yaml").write_text(fact_file(specs, towns), encoding="utf-8")
    sizes: list[int] = []
    width = max(5, len(str(articles - 1)))
    for i in range(articles):
        data = make_article(i, specs, filler, seed=seed).encode("utf-8")
        (out / "articles" / f"{i:0{width}d}.txt").write_bytes(data)
        sizes.append(len(data))
    floor = FLOOR.format(items=articles * facts, articles=articles, facts=facts)
    (out / "floor" / "test_floor.py").write_text(floor, encoding="utf-8")
    return Corpus(out, articles, facts, tuple(sizes))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder (created if missing)")
    parser.add_argument("--articles", type=int, default=200, help="number of articles")
    parser.add_argument("--facts", type=int, default=50, help="number of facts")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    args = parser.parse_args(argv)
    try:
        corpus = generate(args.out, articles=args.articles, facts=args.facts, seed=args.seed)
    except ValueError as error:
        parser.error(str(error))
    sizes = corpus.article_bytes
    print(
        f"{corpus.root}: {corpus.articles} articles "
        f"({min(sizes) / 1024:.1f}–{max(sizes) / 1024:.1f} KB, "
        f"{sum(sizes) / 1024 / 1024:.1f} MB in all), {corpus.facts} facts, "
        f"floor of {corpus.items} items"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
