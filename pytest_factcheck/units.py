"""Units: the curated table of surface forms, and pint for dimensions and conversion.

Text is read against a fixed table (surface form -> pint unit name), never by asking pint
what a word means: pint knows thousands of names (``in``, ``a``, ``at``, ``m``...) that are
ordinary words in prose. pint is used only to compare and convert units, and is imported
lazily (inside functions) so importing this module stays cheap; the registry is built once
per process, from pint's on-disk definition cache when it is available.

Currencies and percentage points are not pint units: each currency is its own dimension
(dollars and euros never compare, exchange rates change), and so are percentage points.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import unit_vocabulary as vocab
from .errors import QuantityError
from .intervals import Interval

# -- Currencies: code -> display symbol -------------------------------------------------
#: Every ISO 4217 code (from CLDR, see unit_vocabulary.py), with the symbols news uses.
CURRENCIES: dict[str, str] = {
    **vocab.CURRENCY_SYMBOLS,
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CAD": "C$",
    "AUD": "A$",
    "INR": "₹",
    "CHF": "CHF",
    "CNY": "CN¥",
    "HKD": "HK$",
    "SGD": "S$",
    "NZD": "NZ$",
    "BRL": "R$",
    "KRW": "₩",
    "RUB": "₽",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
}

#: Symbols and codes written before the number (``$2.5bn``, ``US$ 3m``, ``€40``,
#: ``EUR40m``): every ISO 4217 code and CLDR symbol, and the curated ones below.
CURRENCY_PREFIXES: dict[str, str] = {
    **vocab.CURRENCY_PREFIXES,
    "US$": "USD",
    "USD": "USD",
    "C$": "CAD",
    "A$": "AUD",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "₩": "KRW",
    "₽": "RUB",
    "CHF": "CHF",
    "CNY": "CNY",
    "RMB": "CNY",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
}

PERCENTAGE_POINT = "percentage_point"
DIMENSIONLESS = "dimensionless"
PERCENT = "percent"
#: Only in the table: a number in basis points is read as percentage points / 100,
#: in cents as dollars / 100, in pence as pounds / 100.
BASIS_POINT = "basis_point"
CENT = "cent"
PENNY = "penny"
SEN = "sen"
#: Units the reader rescales into another one: unit -> (factor, unit).
SCALED_UNITS: dict[str, tuple[float, str]] = {
    BASIS_POINT: (0.01, PERCENTAGE_POINT),
    CENT: (0.01, "USD"),
    PENNY: (0.01, "GBP"),
    SEN: (0.01, "MYR"),
}

# Units outside pint: each compares only with itself.
_PSEUDO_UNITS = frozenset({*CURRENCIES, PERCENTAGE_POINT, *SCALED_UNITS})


@dataclass(frozen=True)
class UnitForm:
    """One way of writing a unit after a number.

    ``case_sensitive``: ``m``, ``C``, ``F``, ``M`` must be written exactly so.
    ``attached``: only directly after the digits, without a space (``40C``, ``100F``),
    because a lone ``C`` or ``F`` after a spaced number is usually something else.
    """

    surface: str
    unit: str
    case_sensitive: bool = False
    attached: bool = False


def _forms(unit: str, *surfaces: str, **flags: bool) -> list[UnitForm]:
    return [UnitForm(s, unit, **flags) for s in surfaces]


KM2 = "kilometer ** 2"
MI2 = "mile ** 2"
M2 = "meter ** 2"
M3 = "meter ** 3"

#: The curated table: news forms CLDR and pint lack or read wrongly, and the reader's own
#: choices (``pounds`` alone is a weight, ``C`` only glued to digits). It comes before the
#: generated vocabulary, so it wins where both have a surface.
CURATED_FORMS: tuple[UnitForm, ...] = tuple(
    [
        # length
        *_forms("mile", "mi", "mile", "miles"),
        *_forms("nautical_mile", "nautical mile", "nautical miles", "nmi"),
        *_forms("kilometer", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"),
        *_forms("meter", "m", case_sensitive=True),
        *_forms("meter", "metre", "metres", "meter", "meters"),
        *_forms("centimeter", "cm", "centimetre", "centimetres", "centimeter", "centimeters"),
        *_forms("millimeter", "mm", "millimetre", "millimetres", "millimeter", "millimeters"),
        *_forms("foot", "ft", "foot", "feet"),
        *_forms("yard", "yd", "yds", "yard", "yards"),
        *_forms("inch", "inch", "inches"),
        # area
        *_forms(KM2, "km²", "km2", "sq km", "sq. km", "square km"),
        *_forms(KM2, "square kilometres", "square kilometers", "square kilometre"),
        *_forms(KM2, "square kilometer"),
        *_forms(MI2, "mi²", "sq mi", "sq. mi", "sq miles", "square mile", "square miles"),
        *_forms(M2, "m²", "sq m", "square metre", "square metres", "square meter"),
        *_forms(M2, "square meters"),
        *_forms("foot ** 2", "sq ft", "sq. ft", "square foot", "square feet", "ft²"),
        *_forms("hectare", "ha", "hectare", "hectares"),
        *_forms("acre", "acre", "acres"),
        # volume
        *_forms("liter", "litre", "litres", "liter", "liters"),
        *_forms("liter", "L", case_sensitive=True),
        *_forms("gallon", "gallon", "gallons", "gal"),
        *_forms("oil_barrel", "barrel", "barrels", "oil barrels", "bbl"),
        *_forms("oil_barrel / day", "barrels per day", "barrels a day", "bpd", "b/d"),
        *_forms(M3, "m³", "cubic metre", "cubic metres", "cubic meter", "cubic meters"),
        # mass
        *_forms("kilogram", "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"),
        *_forms("gram", "g", case_sensitive=True),
        *_forms("gram", "gram", "grams", "gramme", "grammes"),
        *_forms("metric_ton", "tonne", "tonnes", "metric ton", "metric tons"),
        *_forms("ton", "ton", "tons"),
        *_forms("pound", "lb", "lbs", "pound", "pounds"),
        # time (a duration: "two years" is a quantity, "2014" is a year)
        *_forms("second", "sec", "secs", "second", "seconds"),
        *_forms("minute", "min", "mins", "minute", "minutes"),
        *_forms("hour", "hr", "hrs", "hour", "hours"),
        *_forms("day", "day", "days"),
        *_forms("week", "week", "weeks", "wk", "wks"),
        *_forms("month", "month", "months"),
        *_forms("year", "year", "years", "yr", "yrs"),
        *_forms("decade", "decade", "decades"),
        *_forms("century", "century", "centuries"),
        # speed
        *_forms("mile / hour", "mph", "miles per hour", "miles an hour", "mile per hour"),
        *_forms("kilometer / hour", "km/h", "kph", "kmh", "km/hr"),
        *_forms("kilometer / hour", "kilometres per hour", "kilometers per hour"),
        *_forms("kilometer / hour", "kilometres an hour", "kilometers an hour"),
        *_forms("kilometer / hour", "km per hour", "km an hour"),
        *_forms("kilometer / second", "km/s", "km per second", "kilometres per second"),
        *_forms("kilometer / second", "kilometers per second"),
        *_forms("meter / second", "m/s", "metres per second", "meters per second"),
        *_forms("knot", "knot", "knots"),
        # pressure
        *_forms("millibar", "millibar", "millibars", "mbar"),
        *_forms("hectopascal", "hectopascal", "hectopascals"),
        *_forms("hectopascal", "hPa", case_sensitive=True),
        # proportions
        *_forms(PERCENT, "%", "percent", "per cent", "pct"),
        *_forms(PERCENT, "pc", case_sensitive=True, attached=True),
        *_forms(PERCENTAGE_POINT, "percentage point", "percentage points", "pp"),
        *_forms(PERCENTAGE_POINT, "percentage-point", "percentage-points"),
        # a hundredth of a percentage point: the reader divides the value by 100
        *_forms(BASIS_POINT, "basis point", "basis points", "bps", "basis-point"),
        *_forms(BASIS_POINT, "bp", case_sensitive=True),
        # temperature (an offset unit: converted as an increasing map, not a ratio)
        *_forms("degree_Celsius", "°C", "ºC", "° C", "degrees Celsius", "degree Celsius"),
        *_forms("degree_Celsius", "degrees centigrade", "Celsius"),
        *_forms("degree_Celsius", "C", case_sensitive=True, attached=True),
        *_forms("degree_Celsius", "degrees C", "degree C", "deg celsius", "celcius"),
        *_forms("degree_Fahrenheit", "°F", "ºF", "° F", "degrees Fahrenheit", "Fahrenheit"),
        *_forms("degree_Fahrenheit", "F", case_sensitive=True, attached=True),
        *_forms("degree_Fahrenheit", "degrees F", "degree F", "deg fahrenheit"),
        *_forms("degree_Fahrenheit", "farenheit", "degrees farenheit", "fahrenheight"),
        # "degrees" alone is read as an angle: a temperature needs its scale named
        *_forms("degree", "degree", "degrees", "°"),
        # power and energy
        *_forms("watt", "watt", "watts"),
        *_forms("kilowatt", "kilowatt", "kilowatts"),
        *_forms("megawatt", "megawatt", "megawatts"),
        *_forms("gigawatt", "gigawatt", "gigawatts"),
        *_forms("kilowatt_hour", "kilowatt-hour", "kilowatt-hours", "kilowatt hours"),
        *_forms("megawatt_hour", "megawatt-hour", "megawatt-hours", "megawatt hours"),
        # symbols that are ordinary capitals or words in other cases ("W" for west)
        *_forms("watt", "W", case_sensitive=True, attached=True),
        *_forms("kilowatt", "kW", case_sensitive=True),
        *_forms("megawatt", "MW", case_sensitive=True),
        *_forms("gigawatt", "GW", case_sensitive=True),
        *_forms("kilowatt_hour", "kWh", case_sensitive=True),
        *_forms("megawatt_hour", "MWh", case_sensitive=True),
        # money written after the number ("40 dollars"); "pounds" alone is a weight,
        # money needs "£" or "pounds sterling"
        *_forms("USD", "dollars", "dollar", "US dollars", "U.S. dollars"),
        *_forms("EUR", "euros", "euro"),
        *_forms("GBP", "pounds sterling", "sterling"),
        *_forms("JPY", "yen"),
        *_forms("CNY", "yuan", "renminbi"),
        *_forms("INR", "rupee", "rupees"),
        *_forms("CHF", "Swiss francs", "Swiss franc"),
        *_forms("RUB", "roubles", "rubles", "rouble", "ruble"),
        # a hundredth of a currency: "40 cents" is $0.40, "7p" is £0.07
        *_forms(CENT, "cent", "cents"),
        *_forms(PENNY, "pence", "penny"),
        *_forms(PENNY, "p", case_sensitive=True, attached=True),
        # news forms that neither CLDR nor pint has (or has with another meaning)
        *_forms("horsepower", "bhp", "brake horsepower"),
        *_forms("metric_horsepower", "PS", case_sensitive=True),
        *_forms("meter * newton", "Nm", "N-m", "N·m", case_sensitive=True),
        *_forms("meter * newton", "newton-metres", "newton-meters", "newton metres"),
        *_forms("foot * force_pound", "lb-ft", "lb ft", "lb.-ft.", "pound-feet", "pound-foot"),
        *_forms("foot * force_pound", "lb-ft", "lb ft", "lbs-ft", "lb.ft"),
        *_forms("mile / hour", "m.p.h.", "MPH", "mi/h"),
        *_forms("kilometer / hour", "kmph", "km/hr", "kms/h"),
        *_forms("oil_barrel / day", "b/d", "bbl/d", "barrels of oil per day"),
        *_forms("oil_barrel", "barrels of oil"),
        *_forms("fluid_ounce", "fl oz", "fl. oz.", "fl. oz"),
        *_forms("foot ** 3", "cu ft", "cu. ft.", "cubic ft"),
        *_forms("millibar", "mb", case_sensitive=True),
        *_forms("centimeter ** 3", "cc", case_sensitive=True),
        *_forms("revolutions_per_minute", "rpm", "RPM", "revolutions per minute"),
        *_forms("degree_Celsius", "deg C", "deg. C", "degC"),
        *_forms("degree_Fahrenheit", "deg F", "deg. F", "degF"),
        *_forms(PERCENT, "percentage"),
        *_forms("inch", "″", attached=True),
        *_forms("foot", "′", attached=True),
        *_forms("gigabyte", "gig", "gigs"),
        *_forms("megabit / second", "Mbps", "Mbit/s"),
        *_forms("gigabit / second", "Gbps", "Gbit/s"),
        *_forms("megabit / second", "Mb/s", case_sensitive=True),
        *_forms("gigabit / second", "Gb/s", case_sensitive=True),
        *_forms("kilobit / second", "kbps", "kbit/s"),
        *_forms("mile / gallon", "miles per gallon", "miles a gallon", "mpg"),
        *_forms("kilowatt_hour", "kilowatt hour"),
        *_forms("ampere", "amp", "amps"),
        *_forms("microgram", "mcg"),
        *_forms("kiloton", "kiloton", "kilotons", "kilotonne", "kilotonnes"),
        *_forms("megaton", "megaton", "megatons", "megatonne", "megatonnes"),
        *_forms("light_year", "light-year", "light-years", "lightyears"),
        *_forms("nit", "nit", "nits"),
        *_forms("1 / second", "fps", "frames per second"),
        *_forms("megabyte / second", "MB/s", "MBps", case_sensitive=True),
        *_forms("gigabyte / second", "GB/s", "GBps", case_sensitive=True),
        *_forms(SEN, "sen"),
        # currency symbols written after the number ("1,200€", "500 zł")
        *_forms("EUR", "€"),
        *_forms("GBP", "£"),
        *_forms("USD", "$", "US$"),
        *_forms("PLN", "zł"),
        *_forms("CZK", "Kč"),
        *_forms("RUB", "₽"),
        *_forms("TRY", "₺"),
        *_forms("UAH", "₴"),
        *_forms("VND", "₫"),
        *_forms("ILS", "₪"),
    ]
)

_CASE, _ATTACHED = 1, 2

#: The vocabulary generated from CLDR and pint (scripts/generate_unit_vocabulary.py),
#: then every currency's code, name and plural written after a number.
GENERATED_FORMS: tuple[UnitForm, ...] = tuple(
    UnitForm(surface, unit, bool(flags & _CASE), bool(flags & _ATTACHED))
    for surface, unit, flags in (*vocab.UNITS, *vocab.CURRENCY_FORMS)
)

#: Every form a word is read as a unit by: curated first, then generated.
UNIT_FORMS: tuple[UnitForm, ...] = CURATED_FORMS + GENERATED_FORMS

_SYMBOLS: dict[str, str] = {
    "mile": "mi",
    "nautical_mile": "nmi",
    "kilometer": "km",
    "meter": "m",
    "centimeter": "cm",
    "millimeter": "mm",
    "foot": "ft",
    "yard": "yd",
    "inch": "in",
    KM2: "km²",
    MI2: "sq mi",
    M2: "m²",
    "foot ** 2": "sq ft",
    M3: "m³",
    "hectare": "ha",
    "acre": "acre",
    "liter": "L",
    "gallon": "gal",
    "oil_barrel": "bbl",
    "oil_barrel / day": "bbl/d",
    "kilogram": "kg",
    "gram": "g",
    "metric_ton": "t",
    "ton": "ton",
    "pound": "lb",
    "second": "s",
    "minute": "min",
    "hour": "h",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "decade": "decades",
    "century": "centuries",
    "mile / hour": "mph",
    "kilometer / hour": "km/h",
    "meter / second": "m/s",
    "kilometer / second": "km/s",
    BASIS_POINT: "bp",
    CENT: "¢",
    PENNY: "p",
    SEN: "sen",
    "knot": "kn",
    "millibar": "mbar",
    "hectopascal": "hPa",
    PERCENT: "%",
    PERCENTAGE_POINT: "pp",
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "degree": "°",
    DIMENSIONLESS: "",
    **CURRENCIES,
}


def unit_forms(extra: Mapping[str, str] | None = None) -> list[UnitForm]:
    """The table, plus a fact file's ``units:`` (surface -> pint expression), canonicalised.

    Raises :class:`QuantityError` when an extra unit expression is unknown to pint.
    """
    forms = list(UNIT_FORMS)
    for surface, expr in (extra or {}).items():
        forms.append(UnitForm(surface, check_unit_expression(expr)))
    return forms


def _key(surface: str) -> str:
    return " ".join(surface.lower().replace("-", " ").split())


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefix; a space matches runs
    of spaces. The engine tries a pattern at every position; a flat alternation of a
    hundred words costs a hundred attempts there, a prefix tree a handful.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [
            (r"[ \t\u00a0-]+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return body

    return emit(tree)


def unit_pattern(extra: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """A regex matching any surface form at a position (case-insensitively; see
    :func:`match_unit` for the forms that must be written with exact case).

    A form ending in a letter or digit must end at a word boundary, so ``mi`` does not
    match the start of ``mid``.
    """
    return _unit_table(_extra_key(extra))[0]


def match_unit(
    text: str, pos: int, extra: Mapping[str, str] | None = None
) -> tuple[UnitForm, int] | None:
    """The unit form written at exactly ``pos``, and where it ends; None if there is none.

    A fact file's forms win over the table's; a case-sensitive form (``m``, ``C``, ``MW``)
    matches only as written.
    """
    pattern, lookup = _unit_table(_extra_key(extra))
    m = pattern.match(text, pos)
    if m is None:
        return None
    written = m.group()
    eponym = written[0].isupper() and written[1:2].islower()
    for form in lookup.get(_key(written), ()):
        if eponym and not form.case_sensitive and _EPONYM.match(form.surface):
            continue  # "2.2 million Teslas", "Hertz", "Siemens": the name, not the unit
        if not form.case_sensitive or " ".join(written.split()) == form.surface:
            return form, m.end()
    return None


# Units named after people: capitalised after a number they are the names (cars, firms).
_EPONYM = re.compile(
    r"(?:\w+-)?(?:tesla|newton|watt|henr|joule|pascal|kelvin|gray|ohm|ampere|coulomb|volt|farad|"
    r"weber|siemens|hertz|curie|sievert|becquerel|gauss|maxwell|gilbert|oersted|dalton)"
)


def _extra_key(extra: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(extra.items())) if extra else ()


@functools.lru_cache(maxsize=64)
def _unit_table(
    key: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str], dict[str, list[UnitForm]]]:
    forms = unit_forms(dict(key))
    lookup: dict[str, list[UnitForm]] = {}
    # Extra forms first, so a fact file can take over a surface of the table.
    for form in forms[len(UNIT_FORMS) :] + forms[: len(UNIT_FORMS)]:
        lookup.setdefault(_key(form.surface), []).append(form)
    # Exact-case forms before the case-free ones with the same key ("m" before "M"...).
    for entries in lookup.values():
        entries.sort(key=lambda f: not f.case_sensitive)
    body = trie_pattern(lookup)
    # After a word character, the next one must not be a word character too.
    return re.compile(rf"(?i:{body})(?!(?<=\w)\w)"), lookup


def pint_unit_name(unit: str) -> str:
    """``unit`` as pint (and any tool reading ``quantities --json``) can parse it.

    Percentage points are this reader's own dimension, so that "3 points" never compares
    with "3%"; pint has no such unit, and a difference of percentages is written in
    ``percent`` there.
    """
    return unit.replace(PERCENTAGE_POINT, PERCENT) if PERCENTAGE_POINT in unit else unit


def all_surfaces(extra: Mapping[str, str] | None = None) -> list[str]:
    """Every surface form of the table (and ``extra``), for listings and "did you mean"."""
    return [f.surface for f in unit_forms(extra)]


# -- pint, lazily -----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def registry() -> Any:
    """The process-wide pint ``UnitRegistry``, built once (from pint's cache if possible)."""
    import pint

    try:
        return pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # an unwritable cache folder must not stop the run
        return pint.UnitRegistry()


_TOKEN = re.compile(r"[A-Za-z_]+")


def _define_currencies(expr: str) -> Any:
    """The registry, knowing each currency code in ``expr`` as a dimension of its own.

    A compound such as ``USD / oil_barrel`` then has a dimension (``[currency_USD] /
    [length] ** 3``) and converts like any other unit; amounts in two currencies never do.
    """
    ureg = registry()
    for token in _TOKEN.findall(expr):
        if token in CURRENCIES and token not in _DEFINED:
            _DEFINED.add(token)
            ureg.define(f"{token} = [currency_{token}]")
    return ureg


_DEFINED: set[str] = set()


def _pint_unit(unit: str) -> Any:
    return _define_currencies(unit).parse_units(unit)


@functools.lru_cache(maxsize=1024)
def dimension(unit: str) -> str:
    """A comparability key: two quantities compare only when their keys are equal.

    Bare counts give ``"dimensionless"``; percent gives ``"[percent]"`` (a share is not a
    count); each currency and percentage points have their own key; angles ``"[angle]"``;
    everything else pint's dimensionality, e.g. ``"[length]"``.
    Raises :class:`QuantityError` for a unit pint does not know.
    """
    if unit == DIMENSIONLESS:
        return DIMENSIONLESS
    if unit == PERCENT:
        return "[percent]"
    if unit in CURRENCIES:
        return f"[currency {unit}]"
    if unit in SCALED_UNITS:
        return dimension(SCALED_UNITS[unit][1])
    if unit == PERCENTAGE_POINT:
        return "[percentage point]"
    try:
        dims = _pint_unit(unit).dimensionality
    except Exception as exc:
        raise QuantityError(f"unknown unit {unit!r}") from exc
    if not dims:
        # pint calls angles, percent, ppm... dimensionless; none of them is a count.
        return "[angle]" if unit in ("degree", "radian") else f"[{unit}]"
    return str(dims)


@functools.lru_cache(maxsize=4096)
def _converter(from_unit: str, to_unit: str) -> tuple[float, float]:
    """``to = a * from + b`` (every unit here converts by an affine increasing map)."""
    if from_unit == to_unit:
        return 1.0, 0.0
    if dimension(from_unit) != dimension(to_unit):
        raise ValueError(f"cannot convert {from_unit} to {to_unit}: different dimensions")
    if from_unit in SCALED_UNITS or to_unit in SCALED_UNITS:
        f_from, base_from = SCALED_UNITS.get(from_unit, (1.0, from_unit))
        f_to, base_to = SCALED_UNITS.get(to_unit, (1.0, to_unit))
        a, b = _converter(base_from, base_to)
        return a * f_from / f_to, b / f_to
    ureg = _define_currencies(f"{from_unit} {to_unit}")
    zero = ureg.Quantity(0.0, from_unit).to(to_unit).magnitude
    one = ureg.Quantity(1.0, from_unit).to(to_unit).magnitude
    return float(one - zero), float(zero)


def convert_value(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``. Raises ValueError if incompatible."""
    a, b = _converter(from_unit, to_unit)
    return a * value + b


def convert(interval: Interval, from_unit: str, to_unit: str) -> Interval:
    """``interval`` in ``from_unit`` expressed in ``to_unit`` (open ends stay open).

    Raises ValueError when the units have different dimensions (:func:`dimension`).
    """
    a, b = _converter(from_unit, to_unit)
    if a == 1.0 and b == 0.0:
        return interval
    return interval.mapped(lambda x: a * x + b)


@functools.lru_cache(maxsize=1024)
def symbol(unit: str) -> str:
    """A short display form: ``mi``, ``km``, ``%``, ``°C``, ``$``; ``""`` for counts."""
    if unit in _SYMBOLS:
        return _SYMBOLS[unit]
    try:
        return f"{_pint_unit(unit):~P}"
    except Exception:
        return unit


@functools.lru_cache(maxsize=256)
def check_unit_expression(expr: str) -> str:
    """Validate a pint unit expression (a fact file's ``units:``); return its canonical name.

    Currency codes (``USD``, ``EUR``...) and ``percentage_point`` are accepted as they are.
    Raises :class:`QuantityError`, with a "did you mean" when a near unit name exists.
    """
    text = expr.strip()
    if text in _PSEUDO_UNITS:
        return text
    if not text:
        raise QuantityError("empty unit expression")
    ureg = _define_currencies(text)
    try:
        unit = ureg.parse_units(text)
    except Exception as exc:
        near = _near(text, _pint_names())
        hint = f" (did you mean {near!r}?)" if near else ""
        raise QuantityError(f"unknown unit {text!r}{hint}") from exc
    return str(unit)


@functools.lru_cache(maxsize=1)
def _pint_names() -> tuple[str, ...]:
    # pint lists a prefixed unit ("kilometer") only once something has used it, so the
    # table's own units are added: the hint must not depend on what was read before.
    table = {f.unit for f in UNIT_FORMS if _TOKEN.fullmatch(f.unit)}
    return tuple(sorted(table | {n for n in dir(registry()) if not n.startswith("_")}))


def _near(word: str, candidates: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return found[0] if found else None


def near_unit(word: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The table's surface form a misspelt ``word`` most likely meant, or None.

    Only typo-like slips count: a dropped letter (``mles``) or two letters swapped
    (``kilomteres``). An added or changed letter usually makes another real word
    (``towns`` is not ``tons``, ``rounds`` is not ``pounds``), which may be a count noun.
    One dictionary lookup: the slips of every surface are indexed once per table.
    """
    exact, slips = _slip_index(_extra_key(extra))
    low = word.lower()
    if low in exact or len(low) < 3:
        return None  # "5 Cs" counts grades: two letters are too few to call a slip
    if low.endswith("s") and low[:-1] in exact:
        return None  # "mpgs": a plural the unit does not take, named by unitslips
    return slips.get(low)


@functools.lru_cache(maxsize=16)
def _slip_index(key: tuple[tuple[str, str], ...]) -> tuple[frozenset[str], dict[str, str]]:
    """(every surface lower-cased, slip -> the first surface in table order it comes from)."""
    surfaces = all_surfaces(dict(key))
    slips: dict[str, str] = {}
    for surface in surfaces:
        s = surface.lower()
        if len(s) < 3:
            continue
        for i in range(len(s)):
            slips.setdefault(s[:i] + s[i + 1 :], surface)  # a dropped letter
        for i in range(len(s) - 1):
            if s[i] != s[i + 1]:
                slips.setdefault(s[:i] + s[i + 1] + s[i] + s[i + 2 :], surface)  # a swap
    return frozenset(x.lower() for x in surfaces), slips


# -- count nouns ------------------------------------------------------------------------

_IRREGULAR = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "wolves": "wolf",
    "thieves": "thief",
    "leaves": "leaf",
    "loaves": "loaf",
    "calves": "calf",
    "hooves": "hoof",
    "shelves": "shelf",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "media": "medium",
    "data": "data",
    "news": "news",
    "series": "series",
    "species": "species",
}

# Singular words that end in -s: "crisis", "status", "politics", "tennis".
_KEEP_S = ("ss", "us", "sis", "xis", "ous", "ics")
_KEEP_WORDS = frozenset({"tennis", "chassis", "iris", "pelvis", "trellis", "mantis", "news"})


def looks_plural(word: str) -> bool:
    """True when ``word`` reads as a plural count noun (``towns``, ``people``, ``Iraqis``),
    False for singulars and for words that only end in -s (``crisis``, ``status``)."""
    w = word.lower()
    if w in _IRREGULAR:
        return w != _IRREGULAR[w]
    if len(w) > 4 and w.endswith("men"):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(_KEEP_S) and w not in _KEEP_WORDS


def fold_noun(word: str) -> str:
    """The lower-case singular of a count noun: ``towns`` -> ``town``, ``cities`` -> ``city``.

    ``people`` folds to ``person`` and ``militiamen`` to ``militiaman`` (so a fact's "1 person"
    matches "people"); words that only look plural (``crisis``, ``status``, ``politics``)
    are kept. Never raises.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for plural, single in (("women", "woman"), ("men", "man"), ("people", "person")):
        if w.endswith(plural) and len(w) > len(plural):
            return w[: -len(plural)] + single
    if len(w) <= 3 or w.endswith(_KEEP_S) or w in _KEEP_WORDS:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def noun_prefix(noun: str) -> str:
    """The longest prefix of every word that :func:`fold_noun` folds to ``noun``.

    ``city`` gives ``cit`` (``cities``), ``person`` gives ``pe`` (``people``), ``town`` gives
    ``town``. A text without it cannot count ``noun``; the prefilter scans for it.
    """
    forms = {noun, *(word for word, single in _IRREGULAR.items() if single == noun)}
    if noun.endswith("y"):
        forms.add(noun[:-1] + "ies")
    for plural, single in (("women", "woman"), ("men", "man"), ("people", "person")):
        if noun.endswith(single):
            forms.add(noun[: -len(single)] + plural)
    prefix = noun
    for form in forms:
        while not form.startswith(prefix):
            prefix = prefix[:-1]
    return prefix
