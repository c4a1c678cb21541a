"""Numbers as news writes them: digits, number words, scale words, fractions, vague plurals.

:func:`read_number` reads one number starting at a position in a text and says how far
it went; it knows nothing of units, hedges or context (that is :mod:`quantities`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SMALL: dict[str, int] = {
    "zero": 0,
    "nought": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
#: Written after digits, glued or after one space: ``$2.5bn``, ``$12.4 bln``, ``4 mln``.
ABBREVIATED_SCALES: dict[str, float] = {
    "bn": 1e9,
    "bln": 1e9,
    "mn": 1e6,
    "mln": 1e6,
    "tn": 1e12,
    "trn": 1e12,
}
#: Glued to the digits: ``25k``, ``10K``, ``4.3M``, ``1.2b``, ``2mil``, ``1MM``. Case
#: matters for ``M`` (``3m`` alone is three metres; see the reader's rule for ``3m people``).
GLUED_SCALES: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "MM": 1e6,
    "mil": 1e6,
    "bil": 1e9,
    "B": 1e9,
}
#: Glued after a currency symbol only: ``£3m``, ``$5b``, ``$2.1T``.
MONEY_SCALES: dict[str, float] = {"m": 1e6, "k": 1e3, "b": 1e9, "bn": 1e9, "t": 1e12}
FRACTIONS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
    # after a number only ("one sixth", "five eighths"): alone they are ordinals
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "seventh": 1 / 7,
    "sevenths": 1 / 7,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "ninth": 1 / 9,
    "ninths": 1 / 9,
    "twelfth": 1 / 12,
    "twelfths": 1 / 12,
    "sixteenth": 1 / 16,
    "sixteenths": 1 / 16,
    "twentieth": 1 / 20,
    "twentieths": 1 / 20,
    "hundredth": 1 / 100,
    "hundredths": 1 / 100,
    "thousandth": 1 / 1000,
    "thousandths": 1 / 1000,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 1000000,
}
#: Vague plurals as documented ranges ``[low, high)`` (see docs/quantities.md).
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 100),
    "scores": (40, 100),
    "hundreds": (200, 1e3),
    "thousands": (2e3, 1e4),
    "tens of thousands": (2e4, 1e5),
    "hundreds of thousands": (2e5, 1e6),
    "millions": (2e6, 1e9),
    "tens of millions": (2e7, 1e8),
    "hundreds of millions": (2e8, 1e9),
    "billions": (2e9, 1e12),
    "tens of billions": (2e10, 1e11),
    "hundreds of billions": (2e11, 1e12),
}

NUMBER_WORDS = frozenset([*SMALL, *TENS, "hundred", *SCALES, "dozen", *FRACTIONS, "a", "an", "and"])

_NUMBER_VOCABULARY = NUMBER_WORDS | {
    *ORDINALS,
    *VAGUE,
    "of",
    "few",
    "several",
    "tens",
    "point",
    "oh",
    "dozens",
    "quarter",
}

_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)|\.\d+(?![\d,.]\d)")
# Digits grouped by spaces (``40 000``, ``1 234 567``; thin, narrow and no-break spaces
# too), but never a phone number or code: no leading zero, nothing digit-like after.
_SPACE_GROUPED = re.compile(
    r"[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?![\d,]|[ .-]\d|/\d)"
)
# Scientific forms: ``1.5e6``, ``12.32e+14``, ``3×10⁻⁵``, ``1.3x10^6``, ``6.23x10^-4``.
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺−", "0123456789--" + "-")
_EXPONENT = re.compile(
    r"[eE](?P<e>[+\-−]?\d{1,3})(?![\w])"
    r"|[ ]?[x×][ ]?10(?:\^|\*\*)?(?P<p>[-−⁻]?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\w])"
)
# A fraction written with a slash, alone or after a whole number (``1/4 mile``,
# ``10 1/2 miles``): the denominators people write fractions with.
_SLASH_FRACTION = re.compile(
    r"(\d{1,2})/(2|3|4|5|8|10|16|32|64|100)(?![\d/]|[ \u00a0]+of[ \u00a0])"
)
_MIXED = re.compile(r"[ \u00a0](\d{1,2})/(2|3|4|5|8|10|16|32|64|100)(?![\d/])")
_WORD = re.compile(r"[A-Za-z]+")
# Between two number words: spaces (one line break at most) or a hyphen.
_GAP = re.compile(r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?")
_SCALE_AFTER = re.compile(
    r"[ \t\u00a0]?-?[ \t\u00a0]*"
    r"(?i:(hundred|thousand|million|billion|trillion|lakh|crore|dozens?))\b"
)
_ABBREV_AFTER = re.compile(r"[ \t\u00a0]?(?i:(bn|bln|mn|mln|tn|trn))(?![A-Za-z])")
_GLUED_AFTER = re.compile(r"(k|K|MM|M|mil|bil|B)(?![A-Za-z])")
_MONEY_ABBREV_AFTER = re.compile(r"(?i:(m|k|b|bn|t))(?![A-Za-z])")


@dataclass(frozen=True)
class NumberReading:
    """A number read at a position.

    ``kind``: ``"cardinal"`` (``value``), ``"fraction"`` (a cardinal written with a slash:
    ``1/4``, ``10 1/2``), ``"vague"`` (``low``..``high``, high excluded),
    ``"proportion"`` (``value`` is a share of a whole, 0..1: ``two-thirds``, ``half``), or
    ``"ordinal"``. ``digits``: written with digits; ``plain``: digits only, no separator,
    decimal or scale (what a year looks like).
    """

    value: float
    start: int
    end: int
    kind: str = "cardinal"
    digits: bool = False
    plain: bool = False
    low: float = 0.0
    high: float = 0.0
    scale: float = 1.0  # the scale word applied last (``2 to 3 million``: 1e6 on the 3)


def parse_digits(text: str) -> float | None:
    """``1,200.5`` -> 1200.5; None unless ``text`` is digits with valid thousands groups."""
    m = _DIGITS.fullmatch(text)
    return float(text.replace(",", "")) if m else None


def _words_from(text: str, pos: int, limit: int = 32) -> list[tuple[str, int, int, str]]:
    """Up to ``limit`` words from ``pos``: (lower word, start, end, separator before next).

    Stops at anything that is not a word joined by spaces or a single hyphen.
    """
    out: list[tuple[str, int, int, str]] = []
    p = pos
    n = len(text)
    while len(out) < limit:
        m = _WORD.match(text, p)
        if not m:
            break
        end = m.end()
        sep = ""
        q = end
        if q < n and text[q] == "-":
            sep = "-"
            q += 1
        else:
            g = _GAP.match(text, q)
            if g and g.end() > q:
                sep = " "
                q = g.end()
        word = m.group().lower()
        out.append((word, m.start(), end, sep))
        # The words after the first one that is not part of a number are never needed.
        if not sep or word not in _NUMBER_VOCABULARY:
            break
        p = q
    return out


#: Vulgar fractions, alone (``½ mile``) or after digits (``2½ miles``).
VULGAR: dict[str, float] = {
    "½": 1 / 2,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}


def read_number(text: str, pos: int, *, money: bool = False) -> NumberReading | None:
    """The number starting exactly at ``pos`` (digits or words), or None if there is none.

    ``money``: a currency symbol came just before, so ``m``/``k``/``b`` after the digits are
    scale abbreviations (``£3m``) rather than units. Never raises.
    """
    if pos >= len(text):
        return None
    if text[pos] in VULGAR:
        return NumberReading(VULGAR[text[pos]], pos, pos + 1, digits=True)
    if text[pos].isdigit() or (text[pos] == "." and text[pos + 1 : pos + 2].isdigit()):
        return _read_digits(text, pos, money)
    return _read_words(text, pos)


def _read_digits(text: str, pos: int, money: bool) -> NumberReading | None:
    g = _SPACE_GROUPED.match(text, pos)
    m = g or _DIGITS.match(text, pos)
    if not m:
        return None
    raw = m.group()
    value = float(raw.translate(_NO_GROUPS))
    end = m.end()
    plain = raw.isdigit()
    n = len(text)
    nxt = text[end] if end < n else ""
    if nxt in VULGAR and "." not in raw:
        value += VULGAR[nxt]
        end += 1
        plain = False
    if nxt in _EXPONENT_START:
        x = _EXPONENT.match(text, end)
        if x:
            power = (x.group("e") or x.group("p")).translate(_SUPERSCRIPT).replace("+", "")
            value = float(f"{raw.translate(_NO_GROUPS)}e{int(power)}")
            return NumberReading(value, pos, x.end(), digits=True)
    if nxt == "/" and plain:
        f = _SLASH_FRACTION.match(text, pos)
        if f and f.end(1) == end and 0 < int(f.group(1)) < int(f.group(2)):
            return NumberReading(
                int(f.group(1)) / int(f.group(2)), pos, f.end(), digits=True, kind="fraction"
            )
    if nxt in " \u00a0" and plain:
        f = _MIXED.match(text, end)
        if f and 0 < int(f.group(1)) < int(f.group(2)):
            value += int(f.group(1)) / int(f.group(2))  # "10 1/2 miles"
            return NumberReading(value, pos, f.end(), digits=True, kind="fraction")
    s = _SCALE_AFTER.match(text, end)
    if s:
        scale = SCALES.get(s.group(1).lower()) or (100.0 if s.group(1) == "hundred" else 12.0)
        s2 = _SCALE_AFTER.match(text, s.end())
        if s2 and s2.group(1).lower() in ("crore", "million", "billion") and scale < 1e9:
            # "2.5 lakh crore" (2.5 trillion), "5 thousand crore": two scale words multiply
            scale *= SCALES[s2.group(1).lower()]
            return NumberReading(_times(value, scale), pos, s2.end(), digits=True, scale=scale)
        h = _AND_A_HALF.match(text, s.end())
        if h:  # "3 million and a half"
            value += FRACTIONS[h.group(1).lower()]
            return NumberReading(_times(value, scale), pos, h.end(), digits=True, scale=scale)
        return NumberReading(_times(value, scale), pos, s.end(), digits=True, scale=scale)
    a = _ABBREV_AFTER.match(text, end)
    if a:
        scale = ABBREVIATED_SCALES[a.group(1).lower()]
        return NumberReading(_times(value, scale), pos, a.end(), digits=True, scale=scale)
    if money:
        a = _MONEY_ABBREV_AFTER.match(text, end)
        if a:
            scale = MONEY_SCALES[a.group(1).lower()]
            return NumberReading(_times(value, scale), pos, a.end(), digits=True, scale=scale)
    if nxt == "b" and "." in raw and not text[end + 1 : end + 2].isalpha():
        return NumberReading(value * 1e9, pos, end + 1, digits=True, scale=1e9)  # "1.2b"
    if nxt in _GLUED_START:
        a = _GLUED_AFTER.match(text, end)
        if a and a.group(1) in ("B", "M") and "." not in raw and len(raw) < 2:
            a = None  # "3M" the company, "5B" the pencil: only "4.3M", "10M", "1.2B"
        if a and a.group(1) == "B" and "." not in raw:
            a = None  # "221B Baker Street": a whole number glued to B is a code
        if a:
            scale = GLUED_SCALES[a.group(1)]
            return NumberReading(_times(value, scale), pos, a.end(), digits=True, scale=scale)
    return NumberReading(value, pos, end, digits=True, plain=plain)


def _times(value: float, scale: float) -> float:
    """``value * scale`` without binary noise: 4.1 billion is 4100000000, not 4099999999.99."""
    product = value * scale
    rounded = float(f"{product:.12g}")
    return rounded if abs(rounded - product) <= abs(product) * 1e-12 else product


_AND_A_HALF = re.compile(r"[ \t\u00a0]+and[ \t\u00a0]+an?[ \t\u00a0]+(half|quarter|third)\b")
_NO_GROUPS = str.maketrans("", "", ", \u00a0\u202f\u2009")
_EXPONENT_START = frozenset("eExX× ")
_GLUED_START = frozenset("kKMmbB")


def _read_words(text: str, pos: int) -> NumberReading | None:
    words = _words_from(text, pos)
    if not words:
        return None
    w = [x[0] for x in words]
    n = len(w)

    def at(i: int) -> str:
        return w[i] if i < n else ""

    def sep(i: int) -> str:
        return words[i][3] if i < n else ""

    def done(value: float, used: int, kind: str = "cardinal") -> NumberReading:
        return NumberReading(value, pos, words[used - 1][2], kind=kind)

    first = w[0]
    # "several hundred", "a few thousand": read like the vague plural.
    if first == "several" or (first == "a" and at(1) == "few"):
        k = 1 if first == "several" else 2
        if at(k) + "s" in VAGUE:
            low, high = VAGUE[at(k) + "s"]
            return NumberReading(0.0, pos, words[k][2], kind="vague", low=low, high=high)
        return None
    # Vague plurals: "tens of thousands", "hundreds of thousands", "dozens", "millions".
    if first in ("tens", "hundreds") and at(1) == "of" and f"{first} of {at(2)}" in VAGUE:
        low, high = VAGUE[f"{first} of {at(2)}"]
        return NumberReading(0.0, pos, words[2][2], kind="vague", low=low, high=high)
    if first in VAGUE and (first != "scores" or at(1) == "of"):
        low, high = VAGUE[first]
        return NumberReading(0.0, pos, words[0][2], kind="vague", low=low, high=high)
    # "a half-million", "a quarter-million", "a half-dozen", "half-million"
    k = 1 if first in ("a", "an") else 0
    if at(k) in ("half", "quarter") and (
        (sep(k) == "-" and at(k + 1) in (*SCALES, "dozen")) or (k and at(k + 1) in SCALES)
    ):
        scale = 12 if at(k + 1) == "dozen" else SCALES[at(k + 1)]
        return done(FRACTIONS[at(k)] * scale, k + 2)
    # "half a million", "half a dozen"; "half of" is a proportion.
    if first == "half":
        if at(1) in SCALES:
            return done(0.5 * SCALES[at(1)], 2)  # "half million"
        if at(1) in ("a", "an") and at(2) in (*SCALES, "dozen", "hundred"):
            scale = 12 if at(2) == "dozen" else 100 if at(2) == "hundred" else SCALES[at(2)]
            return done(0.5 * scale, 3)
        if at(1) == "of":
            return done(0.5, 1, "proportion")
        return None
    # "a dozen", "a million", "an estimated" is a hedge and never reaches here.
    i = 0
    cur = 0.0
    total = 0.0
    if first in ("a", "an"):
        nxt = at(1)
        if nxt == "dozen":
            return done(12.0, 2)
        if nxt == "hundred":
            cur, i = 100.0, 2
        elif nxt in SCALES:
            return NumberReading(SCALES[nxt], pos, words[1][2], scale=SCALES[nxt])
        elif nxt in ("quarter", "half") and at(2) in ("point", "points", "percentage"):
            return done(FRACTIONS[nxt], 2)  # "a quarter point", "a half-point cut"
        elif nxt in ("third", "quarter", "half", "fifth", "tenth") and at(2) == "of":
            if at(3) in ("a", "an") and at(4) in SCALES:
                return done(FRACTIONS[nxt] * SCALES[at(4)], 5)
            return done(FRACTIONS[nxt], 2, "proportion")
        else:
            return None
    if first in ORDINALS and i == 0:
        return done(ORDINALS[first], 1, "ordinal")
    # Ordinals like "twenty-first".
    if first in TENS and sep(0) == "-" and at(1) in ORDINALS and ORDINALS[at(1)] < 10:
        return done(TENS[first] + ORDINALS[at(1)], 2, "ordinal")
    last = "start" if i == 0 else "hundred"
    last_scale = 1e30
    used = i
    while i < n:
        word = w[i]
        if word in SMALL and last in ("start", "tens", "hundred", "scale", "and"):
            if last == "tens" and (SMALL[word] == 0 or SMALL[word] >= 10):
                break
            if last == "tens" and sep(i - 1) not in ("-", " "):
                break
            cur += SMALL[word]
            last = "small"
        elif word in TENS and last in ("start", "hundred", "scale", "and"):
            cur += TENS[word]
            last = "tens"
        elif word == "hundred" and last in ("small", "tens") and cur < 100:
            cur *= 100
            last = "hundred"
        elif word in SCALES and last in ("small", "tens", "hundred") and SCALES[word] < last_scale:
            total += cur * SCALES[word]
            last_scale = SCALES[word]
            cur = 0.0
            last = "scale"
        elif word in ("dozen", "dozens") and last in ("small", "tens") and total == 0 and cur < 100:
            cur *= 12
            last = "dozen"
        elif word == "and":
            # "two hundred and fifty", "one thousand and one", "one and a half",
            # "three and two fifths", "one million and a half", "one hundred and three quarters"
            share = _fraction_at(at(i + 1), at(i + 2))
            if share is not None and last in ("small", "tens", "hundred", "scale"):
                if last == "scale":
                    total += share * last_scale
                else:
                    cur += share
                i += 3
                used = i
                last = "fraction"
                continue
            if last in ("hundred", "scale") and (at(i + 1) in SMALL or at(i + 1) in TENS):
                last = "and"
                i += 1
                continue
            break
        elif word == "point" and last in ("small", "tens", "hundred", "scale") and used == i:
            # "five point five", "two hundred point zero three", "nine point nought four"
            digits, k = _decimal_words(w, i + 1, [words[j][3] for j in range(n)])
            if not digits:
                break
            cur += float("0." + digits)
            i = k
            used = i
            last = "decimal"
            continue
        elif (
            word in FRACTIONS
            and last in ("small", "tens")
            and total == 0
            and cur < 100
            and used == i
        ):
            # "two-thirds", "three quarters", "one third": a share of a whole.
            plural = word.endswith("s")
            if (cur == 1) == plural or word in ("half", "halves"):
                break
            if at(i + 1) == "of" and at(i + 2) in ("a", "an") and at(i + 3) in SCALES:
                return done(cur * FRACTIONS[word] * SCALES[at(i + 3)], i + 4)
            return done(cur * FRACTIONS[word], i + 1, "proportion")
        else:
            break
        i += 1
        used = i
    if last in ("fraction", "decimal") and at(used) in SCALES:
        return done(cur * SCALES[at(used)], used + 1)
    if used == 0:
        return None
    value = total + cur
    if last == "start":
        return None
    reading = done(value, used)
    if last == "scale":
        reading = NumberReading(value, pos, reading.end, scale=last_scale)
    return reading


def _fraction_at(first: str, second: str) -> float | None:
    """``a half``, ``one fourth``, ``two thirds`` after ``and``: the fraction, or None."""
    count = 1 if first in ("a", "an") else SMALL.get(first)
    if count is None or count == 0 or second not in FRACTIONS:
        return None
    if (count == 1) == second.endswith("s") and second not in ("half", "halves"):
        return None  # "and one fifths", "and two fifth"
    return count * FRACTIONS[second]


_DIGIT_WORDS = {**{k: v for k, v in SMALL.items() if v < 10}, "oh": 0}


def _decimal_words(w: list[str], i: int, seps: list[str]) -> tuple[str, int]:
    """The digits after ``point``: one word a digit (``zero three``), or one number below
    100 (``seventy-one``, ``eleven``). Returns (digits, index after them)."""
    digits = ""
    k = i
    while k < len(w) and w[k] in _DIGIT_WORDS:
        digits += str(_DIGIT_WORDS[w[k]])
        k += 1
    if digits and not (len(digits) == 1 and k < len(w) and w[k - 1] in TENS):
        return digits, k
    if i < len(w) and w[i] in TENS:
        value = TENS[w[i]]
        k = i + 1
        if k < len(w) and w[k] in SMALL and 0 < SMALL[w[k]] < 10 and seps[i] == "-":
            value += SMALL[w[k]]
            k += 1
        return str(value), k
    if i < len(w) and w[i] in SMALL and SMALL[w[i]] >= 10:
        return str(SMALL[w[i]]), i + 1
    return "", i


def parse_number(text: str) -> float:
    """The number that is the whole of ``text`` (digits or words, with scale words).

    Raises ValueError when ``text`` is not exactly one cardinal number.
    """
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    reading = read_number(text, offset) if stripped else None
    if reading is None or reading.kind != "cardinal" or reading.end != offset + len(stripped):
        raise ValueError(f"not a number: {text!r}")
    return reading.value
