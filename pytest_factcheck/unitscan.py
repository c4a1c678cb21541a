"""A unit written right after a number: spaced, glued (``512GB``) or hyphenated (``185-hp``)."""

from __future__ import annotations

import re

from . import textscan as ts
from . import units as u
from .items import Options


def unit_here(text: str, p: int, opts: Options, *, attached: bool) -> tuple[str, int] | None:
    """A unit written at ``p`` (after optional spaces): (pint unit name, end) or None.

    ``attached``: the number was written in digits, so a unit may follow with no space
    (``5km``, ``40C``); after a number word it may not (``tend`` is not ``ten d``).
    """
    n_text = len(text)
    if p >= n_text:
        return None
    if text[p] == "-":
        # "a 90-mile stretch", "a four-day offensive"
        if p + 1 < n_text and text[p + 1].isalpha():
            found = u.match_unit(text, p + 1, opts.extra)
            if (
                found
                and found[0].surface.replace("-", "").replace(" ", "").isalpha()
                and not found[0].attached
            ):
                end = found[1]
                if text.startswith("-old", end):
                    # "a 34-year-old man", "24-year-olds": an age, in years
                    if not text[end + 4 : end + 5].isalpha():
                        end += 4
                    elif text[end + 4] == "s" and not text[end + 5 : end + 6].isalpha():
                        end += 5
                return found[0].unit, end
        return None
    g = ts.GAP.match(text, p)
    q = g.end() if g else p
    found = u.match_unit(text, q, opts.extra)
    if found is None:
        inches = _INCHES.match(text, q) if text.startswith("in", q) else None
        return ("inch", inches.end(1)) if inches else None
    form, end = found
    if form.attached and q != p:
        return None
    if q == p and not attached and form.surface[0].isalpha():
        return None
    if end < n_text and text[end] in _POWER_START:
        power = _POWER.match(text, end)
        if power and re.fullmatch(r"[a-z_]+", form.unit):
            written = power.group(1) or power.group(2) or power.group(3)
            n = 2 if written in ("2", "²", "squared") else 3
            return f"{form.unit} ** {n}", power.end()  # "4km^3", "4 km squared"
    return form.unit, end


# "in" is an inch only where the words say a size follows or the paragraph ends:
# "2 1/2 in thick", "a 6 in long blade", "the pencil is 2 in."
_INCHES = re.compile(
    r"(in\b\.?)(?=[ \t]+(?:thick|long|wide|tall|high|deep|across|in diameter|of (?:rain|snow))\b"
    r"|[ \t]*(?:$|\r?\n[ \t]*\r?\n))"
)
_POWER_START = frozenset("^²³ ")
_POWER = re.compile(r"(?:\^([23])|([²³])|[ ](squared|cubed))(?![\w^])")
