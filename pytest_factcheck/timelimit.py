"""How long one cue or subject search may run on one article.

The limit stops a runaway regular expression (``(\\w+\\s?)*\\d`` backtracks exponentially).
A fixed limit would make a long article's results depend on the machine's load: an honest
cue that scans 5 MB in a second on a quiet machine would be stopped on a busy one. So the
limit grows with the article: ``factcheck_regex_timeout`` seconds for every
:data:`CHARACTERS` characters started, and never less than that. The shipped cues scan that
many characters in a few milliseconds, hundreds of times inside the default limit, while a
runaway one blows through it by orders of magnitude: only runaway cues are stopped,
whatever the load.
"""

from __future__ import annotations

import math

#: The article length the ini option's seconds are for (about 15,000 words).
CHARACTERS = 100_000


def for_article(seconds: float, characters: int) -> float:
    """The time limit for a search of an article of ``characters`` characters."""
    return seconds * max(1, math.ceil(characters / CHARACTERS))
