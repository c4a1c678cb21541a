"""Generate ``pytest_factcheck/unit_vocabulary.py``: the unit and currency vocabulary.

    python scripts/generate_unit_vocabulary.py            # rewrite the module
    python scripts/generate_unit_vocabulary.py --check    # exit 1 if it is out of date

Sources, in order of trust:

1. CLDR's English unit display names (through Babel): long, short and narrow forms, singular
   and plural, in US and British spelling (``en``, ``en_GB``). Short and narrow forms are
   symbols and keep their case (``GB`` is not ``Gb``, ``mm`` is not ``Mm``); long forms are
   words and match in any case. CLDR's metric prefixes are applied to the units that news
   writes with a prefix (``TWh``, ``mAh``, ``TeV``, ``kilotonnes``).
2. pint's unit names (never its symbols: pint reads ``Nm`` as a "number meter", ``Gb`` as a
   gilbert, ``PS``, ``mb``... wrongly for news), written with spaces and a plural.
3. Every ISO 4217 currency from CLDR: its code (exact case), its English name and plural,
   its symbol; a head word alone (``ringgit``, ``shekels``) when only one current
   currency has it.

Every form is filtered through a stop-list: the 5,000 commonest English words (from
wordfreq), so that ``in``, ``at``, ``point``, ``bar``, ``stone``, ``are``, ``cup`` are never
units; a short allow-list keeps the unit words that are also common words (``mile``,
``hour``, ``percent``). The reader's own curated table (``units.UNIT_FORMS``) comes first
and can override anything here.

Needs Babel, pint and wordfreq (the ``dev`` extra); the generated module needs none of them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "pytest_factcheck" / "unit_vocabulary.py"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CASE = 1  # flag: the form must be written with exactly this case
ATTACHED = 2  # flag: the form reads only straight after digits ("40W", not "40 W")

#: CLDR unit ids whose pint expression is not the id itself.
CLDR_TO_PINT = {
    "mass-ton": "short_ton",
    "mass-tonne": "metric_ton",
    "mass-ounce-troy": "troy_ounce",
    "volume-barrel": "oil_barrel",
    "volume-fluid-ounce": "fluid_ounce",
    "volume-fluid-ounce-imperial": "imperial_fluid_ounce",
    "volume-gallon-imperial": "imperial_gallon",
    "volume-pint-imperial": "imperial_pint",
    "volume-quart-imperial": "imperial_quart",
    "volume-dram": "fluid_dram",
    "pressure-pound-force-per-square-inch": "psi",
    "pressure-inch-ofhg": "inch_Hg",
    "pressure-millimeter-ofhg": "millimeter_Hg",
    "pressure-atmosphere": "standard_atmosphere",
    "temperature-celsius": "degree_Celsius",
    "temperature-fahrenheit": "degree_Fahrenheit",
    "temperature-kelvin": "kelvin",
    "concentr-part-per-1e6": "ppm",
    "concentr-percent": "percent",
    "concentr-permille": "permille",
    "concentr-milligram-ofglucose-per-deciliter": "milligram / deciliter",
    "energy-foodcalorie": "kilocalorie",
    "energy-british-thermal-unit": "british_thermal_unit",
    "energy-therm-us": "US_therm",
    "energy-electronvolt": "electron_volt",
    "acceleration-g-force": "standard_gravity",
    "angle-arc-minute": "arcminute",
    "angle-arc-second": "arcsecond",
    "torque-newton-meter": "newton * meter",
    "torque-pound-force-foot": "pound_force * foot",
    "graphics-megapixel": "megapixel",
    "digital-bit": "bit",
}

#: CLDR units left out: counts of things, Japanese and historic measures, typography,
#: and units whose only news use is a count noun ("three nights", "two quarters").
CLDR_SKIP = re.compile(
    r"-jp$|^length-(?:ken|rin|sun|shaku|ri|jo)|^mass-fun$|^volume-(?:koku|kosaji|osaji|sai|shaku)"
    r"|^area-(?:cho|dunam)|^duration-(?:night|quarter|\w+-person)$|^graphics-(?:dot|em|pixel)"
    r"|^length-point$|^concentr-(?:item|part|ofglucose|karat|permyriad|part-per-1e9)$"
    r"|^speed-(?:beaufort|light-speed)$|^temperature-(?:generic|rankine)$"
    r"|^pressure-(?:ofhg|gasoline-energy-density)$|^force-kilowatt-hour-per-100-kilometer$"
    r"|^consumption-liter-per-100-kilometer$|^volume-(?:cup|pint|fluid-ounce)-metric$"
    r"|^length-(?:mile-scandinavian|milliinch|earth-radius|solar-radius)$"
    r"|^(?:mass|light)-(?:solar|earth)-|^volume-(?:dessert-spoon|jigger|pinch|drop)"
    r"|^energy-calorie-it$|^energy-british-thermal-unit-it$"
)

#: Base units and the metric prefixes news writes them with (CLDR prefix patterns).
PREFIXED = {
    "byte": "k M G T P E",
    "bit": "k M G T",
    "hertz": "k M G T",
    "watt": "m k M G T",
    "watt_hour": "k M G T",
    "joule": "k M G T P E",
    "electron_volt": "k M G T",
    "volt": "m k M",
    "ampere": "m k",
    "ampere_hour": "m",
    "gram": "μ m",
    "liter": "m c d h M",
    "meter": "n μ m c k",
    "second": "n μ m",
    "pascal": "h k M G",
    "gray": "m",
    "sievert": "m μ",
    "calorie": "k",
    "metric_ton": "k M G",
    "ohm": "k M",
}
PREFIX_POWERS = {
    "n": "10p-9",
    "μ": "10p-6",
    "m": "10p-3",
    "c": "10p-2",
    "d": "10p-1",
    "h": "10p2",
    "k": "10p3",
    "M": "10p6",
    "G": "10p9",
    "T": "10p12",
    "P": "10p15",
    "E": "10p18",
}
#: The symbol and name CLDR has no unit for, to prefix: pint name -> (symbol, long name).
PREFIX_BASES = {
    "watt_hour": ("Wh", "watt-hour"),
    "ampere_hour": ("Ah", "ampere-hour"),
    "electron_volt": ("eV", "electronvolt"),
    "joule": ("J", "joule"),
    "gray": ("Gy", "gray"),
    "sievert": ("Sv", "sievert"),
    "calorie": ("cal", "calorie"),
    "metric_ton": ("t", "tonne"),
    "ohm": ("Ω", "ohm"),
    "pascal": ("Pa", "pascal"),
    "volt": ("V", "volt"),
    "ampere": ("A", "ampere"),
    "hertz": ("Hz", "hertz"),
    "watt": ("W", "watt"),
    "byte": ("B", "byte"),
    "bit": ("bit", "bit"),
    "gram": ("g", "gram"),
    "liter": ("L", "liter"),
    "meter": ("m", "meter"),
    "second": ("s", "second"),
}

#: Unit words that are also common English words, kept despite the stop-list.
ALLOW = _words(
    """second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries mile miles foot feet inch inches yard yards pound
    pounds ton tons degree degrees percent meter meters metre metres gallon gallons acre
    acres barrel barrels km kg mph watts dollar dollars euro euros cent cents gram grams
    liter liters litre litres ounce ounces knot knots"""
)

#: Never units, whatever the data says: ordinal suffixes, words the reader reads itself.
DENY = _words(
    """st nd rd th s S d D a A b B K G M T P E c C F n m l in at am pm ft. dot dots point
    points hand hands mil mils fifth quarter rad rads turn turns cycle cycles circle circles
    count counts pair pairs gross dozen particle particles molecule molecules shot shots
    link links pole poles perch league leagues bag bags rem kip nit tex sigma biot cup cups
    pint pints stone stones bar bars are section sections lambda gamma zeta strain neper
    octave pi shake fermi chain chains night nights item items karat karats franklin
    buckingham cicero didot darcy debye clausius galileo gilbert maxwell oersted lambert
    langley rutherford rayleigh reyn rhe stilb stokes svedberg sverdrup townsend aberdeen
    jute denier poise barye eon thou slug tansec hogshead scruple minim ch fw fur Gs rev
    revs sr kat pt gr ns tn mth mths ly pdl pdls fth USc barn barns molar grain
    grains gill gills peck pecks pica picas rod rods pixel pixels stere steres slinch
    slinches katal ML Ml"""
)

#: Single characters that read as units straight after digits ("40W", "15g", "24h").
SINGLE_ATTACHED = frozenset("g h t L W V J N")

#: Pint names whose words mark them as constants or laboratory units, never news units.
PINT_SKIP_WORDS = re.compile(
    r"constant|planck|atomic|_H2O|_Hg|^stat|^ab[a-z]|tex_|_90$|_it$|_th$|_US$|^US_|^UK_"
    r"|radius|mass$|number$|density|_star$|^wien|impedance|quantum|magneton|charge|"
    r"^conventional|^mean_|^international_|^x_unit|^delta_|_turn$|electron|proton|neutron"
    r"|^boltzmann|^avogadro|^faraday|^elementary|^speed_of|^vacuum|^standard_gravity"
    r"|^fine_|^first_|^second_|^classical|^thomson|^stefan|^bohr|^hartree|^rydberg|^josephson"
    r"|^von_|^dirac|^newtonian|^gamma|^ln10|^pi$|^eulers|^zeta|_ratio$|^reciprocal|^sound_"
    r"|^decibel|^refractive|^enzyme|^absorbance|^counts_|^bits_per|^pixels_per|^number_"
    r"|^peak_|^LMH|^RKM"
)

#: Head words of currency names that are never a currency alone.
CURRENCY_HEAD_DENY = _words(
    """won real mark rand pound pounds gold dram lev lek leu lei kip som sum vatu tala pula
    loti"""
)
#: ISO codes that are also common acronyms or words in capitals (AMD chips, PHP code).
CODE_DENY = _words("AMD PHP SOS MAD BAM GEL PEN TRY MOP BOB LAK CUP TOP ALL ERN CVE DOP")

#: A head word shared by several currencies, and the one news means by it alone.
CURRENCY_HEAD_DEFAULT = {
    "dollar": "USD",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "franc": "CHF",
    "ruble": "RUB",
    "rouble": "RUB",
    "renminbi": "CNY",
    "shekel": "ILS",
    "peso": "MXN",
}
#: Currency symbols news writes that CLDR's English data lacks or spells otherwise.
CURATED_CURRENCY_SYMBOLS = {
    "US$": "USD",
    "$US": "USD",
    "U.S.$": "USD",
    "A$": "AUD",
    "$A": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "Can$": "CAD",
    "NZ$": "NZD",
    "S$": "SGD",
    "HK$": "HKD",
    "RM": "MYR",
    "Rs": "INR",
    "Rs.": "INR",
    "Rp": "IDR",
    "zł": "PLN",
    "Kč": "CZK",
    "₺": "TRY",
    "₦": "NGN",
    "₱": "PHP",
    "฿": "THB",
    "₴": "UAH",
    "₽": "RUB",
    "₩": "KRW",
    "₪": "ILS",
    "₫": "VND",
    "R$": "BRL",
    "CHF": "CHF",
    "Fr.": "CHF",
    "RMB": "CNY",
    "Tk": "BDT",
    "Sh": "KES",
}


def _stop_words() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.top_n_list("en", 5000))


def _plain(form: str) -> str:
    return " ".join(form.replace("{0}", " ").split())


def _cldr_pint(unit_id: str) -> str | None:
    if unit_id in CLDR_TO_PINT:
        return CLDR_TO_PINT[unit_id]
    if CLDR_SKIP.search(unit_id):
        return None
    name = unit_id.split("-", 1)[1]
    parts = name.split("-per-")
    out = []
    for part in parts:
        m = re.fullmatch(r"(square|cubic)-(.+)", part)
        atom = (m.group(2) if m else part).replace("-", "_")
        out.append(f"{atom} ** {2 if m.group(1) == 'square' else 3}" if m else atom)
    return " / ".join(out)


class Builder:
    def __init__(self) -> None:
        import pint

        self.ureg = pint.UnitRegistry()
        self.stop = _stop_words()
        self.forms: dict[tuple[str, int], str] = {}
        self.skipped: list[str] = []

    def canonical(self, expr: str) -> str | None:
        try:
            return str(self.ureg.parse_units(expr))
        except Exception:
            return None

    def allowed(self, surface: str) -> bool:
        low = surface.lower()
        if not surface.strip() or {surface, low, _single(low)} & DENY:
            return False
        if any(ch.isdigit() for ch in surface) and not surface.endswith(("²", "³", "2", "3")):
            return False
        if surface in SINGLE_ATTACHED:
            return True  # read only glued to digits ("24h", "15g"), never as a word
        return low in ALLOW or low not in self.stop

    def add(self, surface: str, unit: str, *, symbol: bool) -> None:
        surface = _plain(surface)
        if not self.allowed(surface):
            return
        flags = CASE if symbol else 0
        if len(surface) == 1:
            if surface not in SINGLE_ATTACHED:
                return
            flags = CASE | ATTACHED
        key = (surface if flags & CASE else surface.lower(), flags & CASE)
        self.forms.setdefault(key, unit)

    def cldr(self) -> None:
        from babel import Locale

        for tag in ("en", "en_GB"):
            patterns = Locale.parse(tag)._data["unit_patterns"]
            for unit_id in sorted(patterns):
                expr = _cldr_pint(unit_id)
                unit = self.canonical(expr) if expr else None
                if unit is None:
                    self.skipped.append(unit_id)
                    continue
                entry = patterns[unit_id]
                for width in ("long", "short", "narrow"):
                    if width not in entry:
                        continue
                    for count in ("one", "other"):
                        if count in entry[width]:
                            self.add(entry[width][count], unit, symbol=width != "long")

    def prefixed(self) -> None:
        from babel import Locale

        data = Locale.parse("en")._data
        prefixes = data["compound_unit_patterns"]
        for base, letters in PREFIXED.items():
            symbol, name = PREFIX_BASES[base]
            unit = self.canonical(base)
            if unit is not None and len(symbol) > 1:
                self.add(symbol, unit, symbol=True)
            if unit is not None:
                self.add(name, unit, symbol=False)
                self.add(_plural(name), unit, symbol=False)
            for letter in letters.split():
                p = prefixes[PREFIX_POWERS[letter]]
                sym = p["short"]["prefix"].replace("{0}", symbol)
                long = p["long"]["prefix"].replace("{0}", name)
                unit = self.canonical(sym_to_pint(letter, base))
                if unit is None:
                    continue
                self.add(sym, unit, symbol=True)
                if letter == "μ":
                    self.add("µ" + sym[1:], unit, symbol=True)  # the micro sign, U+00B5
                for spelling in {long, long.replace("meter", "metre").replace("liter", "litre")}:
                    self.add(spelling, unit, symbol=False)
                    self.add(_plural(spelling), unit, symbol=False)
                    if "-" in spelling:
                        self.add(spelling.replace("-", " "), unit, symbol=False)
                        self.add(_plural(spelling).replace("-", " "), unit, symbol=False)

    def pint_names(self) -> None:
        names = sorted({d.name for d in self.ureg._units.values()})
        for name in names:
            if not re.fullmatch(r"[a-z_]+", name) or PINT_SKIP_WORDS.search(name):
                continue
            unit = self.canonical(name)
            if unit is None:
                continue
            words = name.replace("_", " ")
            if len(words) < 4:
                continue
            self.add(words, unit, symbol=False)
            self.add(_plural(words), unit, symbol=False)

    def table(self) -> list[tuple[str, str, int]]:
        rows = []
        for (surface, case), unit in self.forms.items():
            flags = case
            if case and len(surface) == 1:
                flags |= ATTACHED
            rows.append((surface, unit, flags))
        return sorted(rows, key=lambda r: (r[0].lower(), r[0], r[2]))


def sym_to_pint(letter: str, base: str) -> str:
    names = {
        "n": "nano",
        "μ": "micro",
        "m": "milli",
        "c": "centi",
        "d": "deci",
        "h": "hecto",
        "k": "kilo",
        "M": "mega",
        "G": "giga",
        "T": "tera",
        "P": "peta",
        "E": "exa",
    }
    if base == "metric_ton":
        return {"k": "kilometric_ton", "M": "megametric_ton", "G": "gigametric_ton"}[letter]
    return names[letter] + base


def _plural(words: str) -> str:
    head, sep, tail = words.partition(" per ")
    parts = re.split(r"([ -])", head)
    last = parts[-1]
    irregular = {"foot": "feet", "century": "centuries", "inch": "inches", "hertz": "hertz"}
    if last in irregular:
        parts[-1] = irregular[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        parts[-1] = last + "es" if not last.endswith("s") else last
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        parts[-1] = last[:-1] + "ies"
    else:
        parts[-1] = last + "s"
    return "".join(parts) + (sep + tail if sep else "")


def currencies(
    stop: frozenset[str],
) -> tuple[dict[str, str], list[tuple[str, str, int]], dict[str, str]]:
    """(code -> display symbol, unit forms written after a number, prefix symbol -> code)."""
    from babel import Locale
    from babel.core import get_global

    en = Locale.parse("en")
    names = en._data["currency_names"]
    plurals = en._data["currency_names_plural"]
    symbols = en._data["currency_symbols"]
    current = sorted(
        {
            code
            for tenders in get_global("territory_currencies").values()
            for code, _start, end, tender in tenders
            if end is None and tender
        }
    )
    display: dict[str, str] = {}
    forms: dict[tuple[str, int], str] = {}
    prefixes: dict[str, str] = {}
    heads: dict[str, set[str]] = {}
    for code in sorted(names):
        if not re.fullmatch(r"[A-Z]{3}", code) or code.startswith("X"):
            continue
        symbol = symbols.get(code) or code
        display[code] = symbol if not symbol.isalpha() else code
        if code.lower() not in stop and code not in CODE_DENY:
            forms.setdefault((code, CASE), code)
            prefixes.setdefault(code, code)
        if symbol != code and not symbol.isalpha() and " " not in symbol:
            prefixes.setdefault(symbol, code)
        if code not in current:
            continue
        written = {names[code]}
        if code in plurals:
            written |= {plurals[code].get("one", ""), plurals[code].get("other", "")}
        for name in written:
            if not name or "(" in name:
                continue
            forms.setdefault((name.lower(), 0), code)
            head = name.split()[-1].lower()
            single = _single(head)
            heads.setdefault(single, set()).add(code)
            forms_for_head = heads.setdefault("__forms__" + single, set())
            forms_for_head.add(head)
    for head, codes in sorted(heads.items()):
        if head.startswith("__forms__"):
            continue
        code = CURRENCY_HEAD_DEFAULT.get(head) or (next(iter(codes)) if len(codes) == 1 else None)
        if code is None or head in CURRENCY_HEAD_DENY:
            continue
        for written in sorted(heads["__forms__" + head] | {head, _plural(head)}):
            if (
                written in CURRENCY_HEAD_DENY
                or written in DENY
                or (written in stop and head not in ALLOW)
            ):
                continue
            forms.setdefault((written, 0), code)
    for symbol, code in CURATED_CURRENCY_SYMBOLS.items():
        prefixes[symbol] = code
    rows = sorted(
        ((surface, code, case) for (surface, case), code in forms.items()),
        key=lambda r: (r[0].lower(), r[0]),
    )
    return display, rows, dict(sorted(prefixes.items()))


def _single(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _q(text: str) -> str:
    """A string literal as ruff formats it (double quotes)."""
    if '"' in text or "\\" in text or not text.isprintable():
        return repr(text)
    return f'"{text}"'


def render() -> str:
    from importlib.metadata import version

    import babel
    import pint
    import wordfreq  # noqa: F401  (its version is part of the stop-list)

    b = Builder()
    b.cldr()
    b.prefixed()
    b.pint_names()
    display, money_forms, prefixes = currencies(b.stop)
    lines = [
        '"""The unit and currency vocabulary, generated from CLDR (Babel) and pint: do not edit.',
        "",
        "Regenerate with ``python scripts/generate_unit_vocabulary.py``; a test checks that this",
        "file matches a fresh generation. Each unit row is (surface, pint unit, flags): flag 1",
        "means the surface keeps its case (a symbol), flag 2 that it reads only straight after",
        "digits. Currency rows name an ISO 4217 code instead of a pint unit.",
        '"""',
        "",
        f'SOURCES = {{"babel": {_q(babel.__version__)}, "pint": {_q(pint.__version__)}, '
        f'"wordfreq": {_q(version("wordfreq"))}}}',
        "",
        "UNITS: tuple[tuple[str, str, int], ...] = (",
    ]
    lines += [f"    ({_q(s)}, {_q(u)}, {f})," for s, u, f in b.table()]
    lines += [
        ")",
        "",
        "#: ISO 4217 code -> the symbol to display it with.",
        "CURRENCY_SYMBOLS: dict[str, str] = {",
    ]
    lines += [f"    {_q(c)}: {_q(s)}," for c, s in sorted(display.items())]
    lines += [
        "}",
        "",
        "#: Currency names, plurals and codes written after a number.",
        "CURRENCY_FORMS: tuple[tuple[str, str, int], ...] = (",
    ]
    lines += [f"    ({_q(s)}, {_q(c)}, {f})," for s, c, f in money_forms]
    lines += [
        ")",
        "",
        "#: Symbols and codes written before a number (``A$40m``, ``EUR 40m``).",
        "CURRENCY_PREFIXES: dict[str, str] = {",
    ]
    lines += [f"    {_q(s)}: {_q(c)}," for s, c in prefixes.items()]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the module is stale")
    args = parser.parse_args()
    text = render()
    if args.check:
        if OUT.read_text("utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
            return 1
        return 0
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
