"""Rates and compounds: a quantity followed by ``per``, ``a``, ``an`` or ``/`` and a unit.

``$58.24 per barrel`` is one quantity in ``USD / oil_barrel``, ``€9.99 a month`` in
``EUR / month``, ``40 hours a week`` in ``hour / week``, ``30 times a second`` and
``1,500 loaves a day`` in ``1 / second`` and ``1 / day`` (the count noun is kept),
``5.1 litres per 100 km`` in ``liter / kilometer`` (0.051), ``$3.41 per million British
thermal units`` in ``USD / megabritish_thermal_unit``. A phrase ``of`` one or two words may
sit between the amount and the rate: ``150 tonnes of fuel a day``.

Not rates: a percentage (``5% a year`` stays a percentage), an exchange rate
(``1,400 per dollar``: a currency is never the denominator), ``$10 a share`` (``share`` is
not a unit), and a bare number with neither unit nor count noun.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from . import units as u
from .hedges import DURATION_UNITS
from .textscan import SPACE

_RATE_WORD = re.compile(
    rf"(?:{SPACE}*/{SPACE}*|{SPACE}+(?i:per|a|an|every)(?={SPACE})|{SPACE}+(?i:each){SPACE}+)"
)
_OF_STUFF = re.compile(rf"{SPACE}+of(?:{SPACE}+[a-z][a-z-]*){{1,2}}(?={SPACE}+(?:a|an|per)\b)")
_DEN_NUMBER = re.compile(
    rf"(?:(\d{{1,3}}(?:,\d{{3}})*)|(?i:(hundred|thousand|million|billion)))(?={SPACE})"
)
_TIME_AFTER = re.compile(rf"{SPACE}+(?i:earlier|ago|later|before|after|previously|prior|old)\b")
_PREFIX = {"thousand": "kilo", "million": "mega", "billion": "giga"}
_SCALE = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}

#: Numerator units that never take a rate with "a"/"an": shares and points.
_NOT_NUMERATORS = frozenset({u.PERCENT, u.PERCENTAGE_POINT, u.DIMENSIONLESS})


def rate_after(
    text: str, p: int, unit: str | None, noun: str | None, extra: Mapping[str, str] | None
) -> tuple[str, int, float] | None:
    """``(compound unit, end, divisor)`` when a rate is written at ``p``, else None.

    ``unit`` is the amount's unit (None for a bare count), ``noun`` its count noun; the
    value is to be divided by ``divisor`` (``per 100 km``).
    """
    if unit is None and noun is None:
        return None
    if unit is not None and (unit in _NOT_NUMERATORS or "/" in unit):
        return None
    q = p
    of = _OF_STUFF.match(text, q) if unit is not None else None
    if of:
        q = of.end()
    m = _RATE_WORD.match(text, q)
    if not m:
        return None
    q = m.end()
    while q < len(text) and text[q] in " \t\u00a0":
        q += 1
    divisor = 1.0
    prefix = ""
    word = m.group().strip().lower()
    if word == "per" or word == "/":
        d = _DEN_NUMBER.match(text, q)
        if d:
            if d.group(1):
                divisor = float(d.group(1).replace(",", ""))
            else:
                scale = d.group(2).lower()
                prefix = _PREFIX.get(scale, "")
                divisor = 1.0 if prefix else _SCALE[scale]
            q = d.end()
            while q < len(text) and text[q] in " \t\u00a0":
                q += 1
    if divisor <= 0:
        return None  # "per 0 km" is no rate
    found = u.match_unit(text, q, extra)
    if found is None:
        return None
    form, end = found
    den = form.unit
    if den in u.CURRENCIES or den in u.SCALED_UNITS or den in _NOT_NUMERATORS:
        return None
    if form.attached and word != "/":
        return None
    if word in ("a", "an") and den in DURATION_UNITS and _TIME_AFTER.match(text, end):
        return None  # "$3.9bn a year earlier", "a week ago": when, not a rate
    if prefix and re.fullmatch(r"[a-z_]+", den):
        den = prefix + den
    elif prefix:
        divisor = _SCALE[d.group(2).lower()] if d else 1.0
    if not re.fullmatch(r"[\w ]+(?:\*\* \d)?", den):
        den = f"({den})"
    num = unit if unit is not None else "1"
    return f"{num} / {den}", end, divisor
