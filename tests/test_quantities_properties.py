"""Properties of the quantity reader, checked on generated input (hypothesis)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pytest_factcheck import units as u
from pytest_factcheck.intervals import Interval
from pytest_factcheck.numbers import parse_number
from pytest_factcheck.quantities import HEDGES, extract, parse_value

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _words(text: str) -> list[str]:
    return text.split(" ")


_ONES = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = _words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")


def spell(n: int, *, hyphen: bool = True, and_: bool = False) -> str:
    """``n`` in English words, as news writes it (``two hundred and fifty``)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_ONES[hundreds]} hundred"
        if not rest:
            return head
        return f"{head} {'and ' if and_ else ''}{spell(rest, hyphen=hyphen)}"
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            head, rest = divmod(n, scale)
            words = f"{spell(head, hyphen=hyphen, and_=and_)} {name}"
            return words + (f" {spell(rest, hyphen=hyphen, and_=and_)}" if rest else "")
    raise AssertionError(n)  # pragma: no cover


@FAST
@given(st.integers(min_value=0, max_value=10**12))
def test_digits_read_back(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_value(f"{n:,}").interval == Interval.point(n)


@FAST
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimals_read_back(whole: int, cents: int) -> None:
    text = f"{whole:,}.{cents:02d}"
    assert parse_number(text) == pytest.approx(whole + cents / 100)


@FAST
@given(st.integers(min_value=0, max_value=999_999_999), st.booleans(), st.booleans())
def test_words_read_back(n: int, hyphen: bool, and_: bool) -> None:
    words = spell(n, hyphen=hyphen, and_=and_)
    assert parse_number(words) == n
    q = parse_value(words)
    assert q.interval == Interval.point(n)


@FAST
@given(st.integers(min_value=2, max_value=999_999_999), st.booleans())
def test_counts_in_a_sentence_read_back(n: int, as_words: bool) -> None:
    written = spell(n) if as_words else f"{n:,}"
    found = [q for q in extract(f"The town has {written} residents.") if q.kind == "quantity"]
    assert [(q.text, q.interval, q.noun) for q in found] == [
        (f"{written} residents", Interval.point(n), "resident")
    ]


@FAST
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion", "thousand"]))
def test_digits_with_scale_words(n: int, scale: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    assert parse_number(f"{n} {scale}") == n * factor
    assert parse_number(f"{spell(n)} {scale}") == n * factor


_POSTFIX_HEDGES = sorted(h for h in HEDGES if h in ("+", "-plus", "-odd") or h.startswith("or "))
_PREFIX_HEDGES = sorted(h for h in HEDGES if h not in _POSTFIX_HEDGES)


@FAST
@given(
    st.sampled_from(_PREFIX_HEDGES + _POSTFIX_HEDGES),
    st.floats(min_value=0.5, max_value=1e9, allow_nan=False).map(lambda x: round(x, 2)),
    st.sampled_from(["", " km", " percent", " people", " miles"]),
    st.floats(min_value=0.0, max_value=0.5),
)
def test_hedge_interval_contains_the_value(
    hedge: str, value: float, unit: str, approx: float
) -> None:
    number = f"{value:,.2f}"
    if hedge in _POSTFIX_HEDGES:
        glue = "" if hedge[0] in "+-" else " "
        text = f"{number}{glue}{hedge}{unit}"
    else:
        text = f"{hedge} {number}{unit}"
    q = parse_value(text, approx=approx)
    iv = q.interval
    assert q.hedge == hedge
    if HEDGES[hedge] == "more":
        assert iv.low == value and iv.low_open and not iv.contains(value)
    elif HEDGES[hedge] == "less":
        assert iv.high == value and iv.high_open and not iv.contains(value)
    else:
        assert iv.contains(value)
    if HEDGES[hedge] == "approx":
        assert iv.low == pytest.approx(value * (1 - approx))
        assert iv.high == pytest.approx(value * (1 + approx))


_GROUPS: dict[str, list[str]] = {}
for _form in u.UNIT_FORMS:
    if _form.unit not in u.CURRENCIES and _form.unit != u.PERCENTAGE_POINT:
        _GROUPS.setdefault(u.dimension(_form.unit), []).append(_form.unit)
_PAIRS = sorted({(a, b) for units in _GROUPS.values() for a in units for b in units if a != b})


@FAST
@given(st.sampled_from(_PAIRS), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_conversion_round_trip(pair: tuple[str, str], x: float) -> None:
    a, b = pair
    there = u.convert_value(x, a, b)
    back = u.convert_value(there, b, a)
    assert back == pytest.approx(x, rel=1e-9, abs=1e-6)


@FAST
@given(st.sampled_from(_PAIRS), st.floats(0, 1e6), st.floats(0, 1e6))
def test_conversion_is_increasing(pair: tuple[str, str], x: float, y: float) -> None:
    lo, hi = sorted((x, y))
    iv = u.convert(Interval(lo, hi), *pair)
    assert iv.low <= iv.high


def _intervals() -> st.SearchStrategy[Interval]:
    bound = st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.just(math.inf))

    def build(a: float, b: float, lo_open: bool, hi_open: bool) -> Interval:
        lo, hi = sorted((a, b))
        lo = -math.inf if lo == math.inf and hi == math.inf else lo
        return Interval(lo, hi, lo_open, hi_open)

    return st.builds(build, bound, bound, st.booleans(), st.booleans())


@FAST
@given(_intervals(), _intervals())
def test_consistency_is_symmetric(a: Interval, b: Interval) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@FAST
@given(st.floats(min_value=0, max_value=1e6), st.sampled_from(_PREFIX_HEDGES))
def test_article_and_fact_read_the_same_phrase_consistently(value: float, hedge: str) -> None:
    text = f"{hedge} {value:,.1f} km"
    fact = parse_value(text)
    (article,) = [q for q in extract(f"It lies {text} away.") if q.kind == "quantity"]
    assert article.interval == fact.interval
    assert article.interval.overlaps(fact.interval)


def _check_spans(text: str) -> None:
    found = extract(text)
    last_end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.start >= last_end
        last_end = q.end
        assert q.restates is None or 0 <= q.restates < len(found)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    _check_spans(text)


_VOCAB = [
    *_words("0 1 2 7 12 90 150 300 2014 1,200 40,000 1.5 0.7 3m 2.5bn $ £ € % - – ( ) , . : /"),
    *_words("one two three four twenty-one hundred thousand million a an half dozen dozens"),
    *_words("hundreds thousands tens of between and to or from more than less at least up about"),
    *_words("nearly over under some miles km mi percent per cent people towns June 10 since"),
    *_words("fourth second-largest F-16 Route S&P iPhone the in Iraq-Syria degrees °C m"),
    "\n",
    "\n\n",
    "  ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=40))
def test_news_like_token_soup_never_raises(tokens: list[str]) -> None:
    _check_spans(" ".join(tokens))
    _check_spans("".join(tokens))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=30), st.integers(1, 4))
def test_work_grows_linearly_with_copies(tokens: list[str], copies: int) -> None:
    # Paragraphs are independent: n copies of a paragraph give n times its quantities,
    # so the reader does a fixed amount of work per paragraph, not per article.
    para = " ".join(tokens).replace("\n", " ")
    one = extract(para)
    many = extract("\n\n".join([para] * copies))
    assert len(many) == copies * len(one)
    step = len(para) + 2
    for i, q in enumerate(many):
        base = one[i % len(one)]
        shift = (i // len(one)) * step
        assert (q.start - shift, q.end - shift, q.kind, q.unit) == (
            base.start,
            base.end,
            base.kind,
            base.unit,
        )


def test_seed_text_scales_linearly() -> None:
    with open("seeds/000_fb9a5785def7febf.txt", encoding="utf-8") as fh:
        text = fh.read().strip()
    once = extract(text)
    assert len(extract("\n\n".join([text] * 8))) == 8 * len(once)


def test_long_runs_of_digits_and_words_do_not_blow_up() -> None:
    for text in ("9" * 5000, "one " * 3000, "1," * 3000, "- " * 3000, "(" * 3000 + "5 km"):
        _check_spans(text)


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_parse_value_only_raises_quantity_errors(text: str) -> None:
    assume(text.strip())
    try:
        q = parse_value(text)
    except ValueError:
        return
    assert q.kind == "quantity"
    assert q.text == text.strip()


_VERBS = st.sampled_from(["rose", "fell", "climbed", "dropped", "was cut", "changed", "grew"])
_UNITS = st.sampled_from(["", " miles", "%", " tonnes", " people", " per cent"])


@settings(max_examples=200, deadline=None)
@given(
    verb=_VERBS,
    a=st.integers(min_value=1, max_value=99_999),
    b=st.integers(min_value=1, max_value=99_999),
    unit=_UNITS,
    money=st.booleans(),
)
def test_from_x_to_y_after_a_change_is_never_a_range(
    verb: str, a: int, b: int, unit: str, money: bool
) -> None:
    sign = "$" if money and not unit else ""
    text = f"Output {verb} from {sign}{a:,}{unit} to {sign}{b:,}{unit} last year."
    qs = [q for q in extract(text) if q.kind == "quantity"]
    assert all(q.interval.is_point for q in qs), text
    assert [q.role for q in qs] == ["before", "after"], text
    assert qs[0].change == qs[1].change


@settings(max_examples=200, deadline=None)
@given(
    code=st.sampled_from(sorted(u.CURRENCY_PREFIXES)),
    value=st.decimals(min_value=1, max_value=99_999, places=2),
    per=st.sampled_from(["per barrel", "a month", "an hour", "per tonne", "a week"]),
)
def test_money_rates_round_trip(code: str, value: object, per: str) -> None:
    """A price per unit reads back as its currency over that unit, whatever the symbol."""
    amount = f"{code}{value}"
    q = parse_value(f"{amount} {per}")
    currency = u.CURRENCY_PREFIXES[code]
    assert q.unit.startswith(f"{currency} / "), (amount, q.unit)
    assert q.low == pytest.approx(float(str(value)))
    assert u.dimension(q.unit) != u.dimension(currency)


_NEWS_TOKENS = _words(
    "rose fell from to by 12 3.5 $4bn £3 per a an each / km miles hours 2:06:42 1:29.7 6 ft"
    " 2 in about up down over under and or , . - – 1/4 ½ 25k 4.3M 1e6 × 10⁻⁵ degrees °C 40C"
    " 5F kroner Danish points rates % percent between more than less at least sub- ≥ ≤ ~"
    " 10.15 am leaves at stone st lb oz 9 furlongs the United 737 iPhone ( ) 1,000 000 −3"
    " +0.4% .5 minus plus lakh crore Rs ₹ 3m people hurdles 400m 0 a quarter point half"
    " dozen twenty-three fifths one million point nought"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_NEWS_TOKENS), min_size=1, max_size=25),
    st.sampled_from([" ", "", "-", "\n", "\u00a0"]),
)
def test_any_mix_of_news_tokens_reads_without_error(tokens: list[str], glue: str) -> None:
    """Whatever order numbers, units, hedges and change words come in, the reader returns
    spans that are the text (a reader bug raises in the suite, see conftest)."""
    text = glue.join(tokens)
    for q in extract(text):
        assert text[q.start : q.end] == q.text and q.start < q.end


def test_a_rate_per_zero_is_no_rate() -> None:
    assert [(q.text, q.unit) for q in extract("It hit 3m / 000 km.")] == [
        ("3m", "meter"),
        ("000", "dimensionless"),  # a code with leading zeros
    ]
