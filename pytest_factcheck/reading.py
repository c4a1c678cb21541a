"""The reader: where a number starts, what kind of number it is, and its items.

Stage 1 finds a candidate (:data:`CANDIDATE`: digits, a number word, a vague plural);
:func:`read_at` then tells years, dates, times, codes and names from amounts
(:mod:`.nonquantities`), reads the number (:mod:`.numbers`), looks before it
(:mod:`.context`) and after it (:mod:`.assembly`), and adds a bracketed restatement.
"""

from __future__ import annotations

import math
import re

from . import hedges as h
from . import nonquantities as nq
from . import numbers as n
from . import textscan as ts
from . import units as u
from .assembly import finish
from .compounds import race_time
from .context import context_before, currency_glued_before
from .countnouns import NAME, count_noun
from .hedges import HEDGES
from .items import Item, Options, other
from .unitscan import unit_here

_ONE_UNITS = ts.wordset(
    """decade year month week day hour minute second century mile kilometre kilometer
    metre meter foot yard tonne ton litre liter gallon barrel kilogram"""
)
_WORD_CANDIDATES = sorted(
    {
        *n.SMALL,
        *n.TENS,
        *n.ORDINALS,
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "half",
    }
)
# Where a number may start. A number word must start a word; "a"/"an" only with the words
# that make it a number, "tens"/"scores" only with "of", "several"/"a few" with a scale.
CANDIDATE = re.compile(
    r"\d+(?:[.,]\d+)*|[" + "".join(n.VULGAR) + "]"
    r"|\b(?i:"
    + u.trie_pattern(_WORD_CANDIDATES)
    + rf"|an?{ts.SPACE}+(?:dozen|hundred|thousand|million|billion|trillion"
    + r"|third|quarter|half|fifth|tenth)"
    + rf"|a{ts.SPACE}+few{ts.SPACE}+(?:dozen|hundred|thousand|million|billion)"
    + rf"|an?{ts.SPACE}+(?=(?:{u.trie_pattern(_ONE_UNITS)})\b)"
    + rf"|tens{ts.SPACE}+of|scores{ts.SPACE}+of"
    + rf"|several{ts.SPACE}+(?:dozen|hundred|thousand|million|billion)"
    + r")\b"
)


_DETERMINERS_BEFORE_ONE = re.compile(
    r"(?i:\b(?:the|this|that|which|each|every|any|no|no\s+other|only|the\s+only)[ \t]+)$"
)


def read_at(
    text: str, s: int, floor: int, opts: Options, inherit: str | None = None
) -> list[Item] | None:
    """Items for the number at ``s`` (not before ``floor``), or None when there is none.

    ``inherit``: reading a bracketed restatement, which takes this hedge when it has none.
    """
    if text[s] in n.VULGAR:
        before = context_before(text, s, floor)
        r = n.read_number(text, s)
        found = finish(text, s, r, before, floor, opts, inherit) if r else None
    elif text[s].isdigit():
        found = _read_digits_at(text, s, floor, opts, inherit)
    else:
        found = _read_words_at(text, s, floor, opts, inherit)
    if inherit is None and found and len(found) == 1 and found[0].kind == "quantity":
        rest = restatement(text, found[0].end, opts, found[0].hedge)
        if rest is not None:
            found.append(rest)
    return found


def _read_digits_at(
    text: str, s: int, floor: int, opts: Options, inherit: str | None
) -> list[Item] | None:
    n_text = len(text)
    prev = text[s - 1] if s > 0 else ""
    # Numbers glued to letters are codes and names: F-16, COVID-19, A320, +44 phone numbers.
    if prev == "-" and text[max(floor, s - 6) : s - 1].lower().endswith(nq.YEAR_PREFIXES):
        r = n.read_number(text, s)
        if r is not None and r.plain and r.end - s == 4 and 1000 <= r.value <= 2100:
            return other("year", s, r.end, r.value)  # "mid-2014", "pre-2003"
    if (
        prev == "+"
        and (s < 2 or text[s - 2] in _BEFORE_LEADING_DOT)
        and not nq.PHONE.match(text, s)
    ):
        pass  # "+0.4%": a sign, read by context_before
    elif (
        (prev.isalpha() and not currency_glued_before(text, s, floor))
        or (prev != "" and prev in "_+#/")
        or (
            prev == "-"
            and s >= 2
            and text[s - 2].isalnum()
            and text[max(floor, s - 4) : s].lower() != "sub-"
        )
        or (prev in ".," and s >= 2 and text[s - 2].isdigit())
    ):
        a, b = ts.token_span(text, s, s + 1, floor)
        if prev == "+":
            ph = nq.PHONE.match(text, s)
            b = max(b, ph.end()) if ph else b
            a = s - 1
        return other("identifier", max(a, floor), max(b, s + 1), 0.0)
    if prev == "." and not currency_glued_before(text, s, floor):
        if s - 1 < floor or (s >= 2 and text[s - 2] not in _BEFORE_LEADING_DOT):
            return None  # "v2.5", "No.5", the end of a sentence
        s, prev = s - 1, text[s - 2] if s >= 2 else ""  # ".5", "a .22 rifle"
    if nq.in_url(text, s, floor):
        a, b = ts.token_span(text, s, s + 1, floor)
        return other("identifier", s, max(b, s + 1), 0.0)
    before = context_before(text, s, floor)
    r = n.read_number(text, s, money=before.currency is not None)
    if r is None:
        return None
    e = r.end
    if not math.isfinite(r.value) or (r.value > 1e18 and r.plain):
        # hundreds of digits: a hash, a serial number, never an amount
        a, b = ts.token_span(text, s, e, floor)
        return other("identifier", s, b, 0.0)
    raw_digits = r.plain
    nxt = text[e] if e < n_text else ""
    strict = opts.strict
    if not strict and raw_digits and text[s] == "0" and e - s >= 2:
        # "020 7946 0958", "0800 123 456": a leading zero makes a code, not an amount
        g = nq.DIGIT_GROUPS.match(text, e)
        return other("identifier", s, g.end() if g else e, r.value)
    if text.startswith(("-in-", "-for-"), e):
        a, b = ts.token_span(text, s, e, floor)  # "a 1-in-100-year flood", "went 3-for-4"
        return other("identifier", s, b, r.value)
    if (
        not strict
        and raw_digits
        and e - s <= 3
        and ts.at_line_start(text, s)
        and nq.LIST_MARKER.match(text, e)
        and not text[e + 1 : e + 2].isdigit()
    ):
        return other("list-marker", s, e + 1, r.value)
    if raw_digits and (nxt == ":" or nxt == "h" or text[e + 1 : e + 2] == "h"):
        race = race_time(text, s, floor)
        if race is not None:
            return [race]  # "1:29.708", "won in 2:06:42": a duration in seconds
    if not strict and not raw_digits and r.value < 24 and nq.DOTTED_TIME.fullmatch(text, s, e):
        # "at 10.15am", "the 7.30pm train", "leaves at 10.15": a time written the British way
        t = nq.AM_PM.match(text, e)
        if t or (
            nq.SCHEDULE_AT.search(text, max(floor, s - 20), s)
            and not unit_here(text, e, opts, attached=True)
        ):
            return other("time", s, t.end() if t else e, r.value)
    if raw_digits and r.value <= 24:
        t = nq.TIME_AFTER.match(text, e)
        if t and t.end() > e and (nxt != ":" or text[e + 1 : e + 2].isdigit()):
            return other("time", s, t.end(), r.value)
    if raw_digits:
        month = ts.word_before(text, s, floor)[0].rstrip(".") in nq.MONTH_WORDS
        m = nq.MONTH_BEFORE.search(text, max(floor, s - 16), s) if month else None
        if m and (r.value <= 31 or 1000 <= r.value <= 2100) and e - s in (1, 2, 4):
            t = nq.DAY_TAIL.match(text, e)
            return other("date", m.start(), t.end() if t else e, r.value)
        if r.value <= 31 and e - s <= 2:
            t = nq.MONTH_AFTER.match(text, e)
            if t:
                return other("date", s, t.end(), r.value)
    if nxt.isalpha() and not unit_here(text, e, opts, attached=True):
        o = nq.ORDINAL_SUFFIX.match(text, e)
        if o and raw_digits:
            return other("ordinal", s, o.end(), r.value)
        y = nq.YEAR_TAIL.match(text, e)
        if y and raw_digits and e - s in (2, 4) and nxt == "s":
            return other("year", s, y.end(), r.value)
        a, b = ts.token_span(text, s, e, floor)
        return other("identifier", s, b, r.value)
    if nxt == "/" and raw_digits:
        f = _SLASH_SHARE.match(text, e)
        if f and 0 < r.value < int(f.group(1)):
            # "1/3 of the staff", "3/4 of the vote": a share, like "a third of"
            share = 100.0 * r.value / int(f.group(1))
            cls = HEDGES.get(before.hedge) if before.hedge else None
            interval = h.interval(share, share, cls, opts.approx, u.PERCENT)
            return [Item(before.start, f.end(1), interval, unit=u.PERCENT, hedge=before.hedge)]
    if nxt in ":/" and text[e + 1 : e + 2].isdigit():
        a, b = ts.token_span(text, s, e, floor)
        while b < n_text and (text[b].isdigit() or text[b] in ":/."):
            b += 1
        b = b - 1 if text[b - 1] == "." else b
        return other("identifier", s, b, r.value)
    ph = nq.PHONE.match(text, s) if raw_digits else None
    if ph and any(c in ph.group() for c in "-.()") and not nq.is_range_like(ph.group()):
        return other("identifier", s, ph.end(), r.value)
    if not strict and not before.currency and before.hedge is None:
        if text[max(floor, s - 5) : s].rstrip(" \t.").lower().endswith(("no", "nos", "nr")) and (
            nq.NUMBER_SIGN.search(text, max(floor, s - 5), s)
        ):
            return other("identifier", s, e, r.value)
        name_start = nq.name_before(text, s, floor)
        if name_start is not None and not _counted_after(text, name_start, e, r.value, opts):
            return other("identifier", name_start, e, r.value)
    year_like = raw_digits and e - s == 4 and 1000 <= r.value <= 2100 and not before.currency
    if year_like and not strict:
        if nxt in "-–/" and text[e + 1 : e + 3].isdigit():
            y = nq.YEAR_TAIL.match(text, e)
            tail = text[e + 1 : y.end()] if y else ""
            if y and (len(tail) != 4 or r.value <= int(tail) <= 2100):
                return other("year", s, y.end(), r.value)  # "2014-15", "1939-1945"
        if nq.YEAR_TAIL.match(text, e) and nxt in "'’s":
            return other("year", s, nq.YEAR_TAIL.match(text, e).end(), r.value)  # type: ignore[union-attr]
        word = ts.word_before(text, s, floor)[0].lower()
        if word in nq.YEAR_WORDS or (
            prev in "'’-" and nq.YEAR_BEFORE.search(text, max(floor, s - 12), s)
        ):
            return other("year", s, e, r.value)
    items = finish(text, s, r, before, floor, opts, inherit)
    if items is None:
        return None
    if not strict:
        items = _bare_context(text, items, floor)
    main = items[0]
    bare = (
        main.kind == "quantity"
        and main.unit == u.DIMENSIONLESS
        and main.noun is None
        and main.hedge is None
    )
    if year_like and not strict and bare and main.interval.is_point:
        return other("year", s, e, r.value)
    if year_like and not strict and main.noun in nq.YEAR_NOUNS:
        return other("year", s, e, r.value)  # "1990 levels", "2019 prices", "2024 election"
    return items


_BY_A_SHARE = re.compile(
    rf"(?i:an?{ts.SPACE}+)?(?i:(half|third|quarter|fifth|tenth))\b"
    rf"(?={ts.SPACE}*(?:[,.;:)]|$)|{ts.SPACE}+(?i:to|from|in|on|since|over|last|this|and|"
    rf"compared|after|before|between|year|a|an|the)\b)"
)
_BEFORE_LEADING_DOT = frozenset(" \t\n(\"“'$€£¥-−+")
_SLASH_SHARE = re.compile(rf"/(\d{{1,2}})(?={ts.SPACE}+of{ts.SPACE})")


_A_ONE = re.compile(rf"(?i:an?)(?={ts.SPACE})")
_HALF_A = re.compile(rf"(?i:half){ts.SPACE}+an?(?={ts.SPACE})")


_APPOSITIVE_AGE = re.compile(r",(?!\d)")
_NAME_COMMA = re.compile(r"(?:\b([A-Z][a-z'’-]+)|\b([a-z]+)),[ \t]$")


def _is_age_apposition(text: str, main: Item, floor: int) -> bool:
    """``<name or person>, N,``: the number is that person's age."""
    if not (main.interval.is_point and 0 < main.interval.low <= 120):
        return False
    if not text[main.start : main.end].isdigit():
        return False
    m = _NAME_COMMA.search(text, max(floor, main.start - 30), main.start)
    if m is None:
        return False
    if m.group(1):
        return not ts.sentence_initial(text, m.start(1)) or m.group(1) in nq.PERSON_NOUNS
    return m.group(2) in nq.PERSON_NOUNS


def _counted_after(text: str, name_start: int, e: int, value: float, opts: Options) -> bool:
    """After a plain capitalised word, a unit or a lower-case plural count noun follows:
    ``left United 12 points behind`` counts points, where ``Route 66``, ``iPhone 15 Pro``
    and ``Boeing 737 jets`` name a thing."""
    name = text[name_start : text.find(" ", name_start, e)].rstrip(".")
    if name.lower() in nq.NAME_WORDS or any(c.isupper() for c in name[1:]):
        return False
    if unit_here(text, e, opts, attached=True):
        return True
    if text[e : e + 1] != " " or not text[e + 1 : e + 2].islower() or value == 1:
        return False
    cn = count_noun(text, e, value)
    return cn is not None and cn[0] != NAME


def _bare_context(text: str, items: list[Item], floor: int) -> list[Item]:
    """What the word before a bare number (no unit, no noun) makes of it.

    ``route 66``, ``junctions 10 and 11``: an index (``identifier``); ``call 911``: a phone
    number; ``the top four``: a rank (``ordinal``); ``aged 18 to 24``, ``at the age of 17``,
    ``turned 100``: an age, in years.
    """
    main = items[0]
    if main.kind != "quantity" or main.unit != u.DIMENSIONLESS:
        return items
    word, at = ts.word_before(text, main.start, floor)
    word = word.lower()
    if word in nq.RANK_WORDS and main.hedge is None:
        return other("ordinal", main.start, main.end, main.interval.low)  # "the top 10 firms"
    if main.noun is not None:
        return items
    if word in nq.AGE_WORDS or (
        word == "of" and ts.word_before(text, at, floor)[0].lower() in ("age", "ages")
    ):
        main.unit = "year"
        return items
    if main.hedge is not None:
        return items
    if _APPOSITIVE_AGE.match(text, main.end) and _is_age_apposition(text, main, floor):
        main.unit = "year"  # "The defendant, 34, was...", "Jane Doe, 41, said"
        return items
    if word in nq.INDEX_WORDS or word in nq.CALL_WORDS:
        tail = nq.INDEX_TAIL.match(text, main.end)
        end = tail.end() if tail else main.end
        return other("identifier", main.start, end, main.interval.low)
    return items


def _read_words_at(
    text: str, s: int, floor: int, opts: Options, inherit: str | None
) -> list[Item] | None:
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        return None  # inside a compound word ("catch-one"), not a number
    r = n.read_number(text, s)
    if text[s : s + 4].lower() == "half":
        if ts.word_before(text, s, max(0, s - 30))[0].lower() in nq.HALVES:
            return None  # "the first half of the year": a part, not a share
        h = _HALF_A.match(text, s) if r is None else None
        if h and unit_here(text, h.end(), opts, attached=False):
            r = n.NumberReading(0.5, s, h.end())  # "half a percentage point", "half an hour"
    elif r is None and text[s] in "aA":
        a = _A_ONE.match(text, s)
        if a and unit_here(text, a.end(), opts, attached=False):
            if context_before(text, s, floor).hedge is None:
                return None  # "a year" alone is not a number
            r = n.NumberReading(1.0, s, a.end())  # "over a decade", "less than an hour"
    if r is None and ts.word_before(text, s, floor)[0].lower() == "by":
        share = _BY_A_SHARE.match(text, s)
        if share:  # "cut the harvest by a third", "by half": a share, like "a third of"
            r = n.NumberReading(n.FRACTIONS[share.group(1).lower()], s, share.end(), "proportion")
    if r is None:
        # "a third term": not "a third of"; the ordinal is still worth reporting.
        m = re.match(rf"(?i:an?){ts.SPACE}+", text[s : s + 4])
        if m:
            r2 = n.read_number(text, s + m.end())
            if r2 is not None and r2.kind == "ordinal":
                return other("ordinal", r2.start, r2.end, r2.value)
        return None
    if r.kind == "ordinal":
        end = r.end
        # "second-largest": the compound is one ordinal
        m = re.compile(r"-[A-Za-z]+").match(text, end)
        if m:
            end = m.end()
        return other("ordinal", s, end, r.value)
    word = "" if opts.strict else text[s : r.end].lower()
    if word == "one":
        if _DETERMINERS_BEFORE_ONE.search(text, max(floor, s - 14), s):
            return None
        if nq.ONE_IDIOM.match(text, r.end) and (
            ts.word_before(text, s, max(0, s - 30))[0].lower() == "at"
            or (ts.sentence_initial(text, s) and text[r.end + 1 : r.end + 4].lower() == "day")
        ):
            return None  # "at one point", "at one stage", "One day, she left"
        if re.compile(rf"{ts.SPACE}+(?:of|another|other|another's)\b", re.I).match(text, r.end):
            return None
    before = context_before(text, s, floor)
    items = finish(text, s, r, before, floor, opts, inherit)
    if not items:
        return None
    if not opts.strict:
        items = _bare_context(text, items, floor)
    main = items[0]
    if (
        word == "one"
        and main.kind == "quantity"
        and main.unit == u.DIMENSIONLESS
        and main.noun is None
        and not context_before(text, s, floor).negative
    ):
        return None  # the pronoun: "the one in Qaim", "one of three" (not "minus one")
    return items


def restatement(text: str, e: int, opts: Options, hedge: str | None) -> Item | None:
    """``about 90 miles (150 kilometers)``: the quantity in brackets, sharing the hedge."""
    m = _OPEN_PAREN.match(text, e)
    if not m:
        return None
    q = m.end()
    c = CANDIDATE.search(text, q, min(len(text), q + 30))
    if c is None:
        return None
    found = read_at(text, c.start(), q, opts, inherit=hedge or "")
    if not found:
        return None
    item = found[0]
    if item.kind != "quantity" or item.start != q or not _CLOSE_PAREN.match(text, item.end):
        return None
    if item.unit == u.DIMENSIONLESS and item.noun is None:
        return None  # "(2)" after a quantity is a footnote, not a restatement
    item.restates_previous = True
    return item


_OPEN_PAREN = re.compile(rf"{ts.SPACE}*\({ts.SPACE}*")
_CLOSE_PAREN = re.compile(rf"{ts.SPACE}*\)")
