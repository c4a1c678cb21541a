"""What a date or names fact's matcher found in an article, before it becomes a mention.

The matchers for dates (:mod:`.match_dates`) and lists of names (:mod:`.match_lists`)
return these plain records; :mod:`.match` turns them into its mentions, so that reports
treat every kind of fact alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from .intervals import Interval


@dataclass(frozen=True)
class Statement:
    """One place where the article states the fact, with its verdict.

    ``start``/``end`` are offsets into the article's text; ``reading`` says how the text
    was understood (``Saturday 2014-06-21``; ``Qaim, Rawa, Ana, Huseiba``); ``note`` says
    what is wrong or missing (``Huseiba is not one of them``), if anything. ``interval`` is
    the reading as numbers: days as ordinals, or the number of names.
    """

    start: int
    end: int
    sentence: int
    consistent: bool
    reading: str
    interval: Interval
    note: str | None = None
