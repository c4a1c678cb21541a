"""What a clause asserts: the markers that make a figure something other than the fact now.

Each rule here is one kind of news phrasing, documented with its example in
``docs/matching.md`` (section "Which figure is the statement"). The rules only read the
article's text around a quantity, inside the clause the quantity sits in; the matcher
(:mod:`pytest_factcheck.match`) decides what to do with them.

- **Prior values** (:func:`is_prior`): ``$11.5 billion a year ago``, ``up from 14``,
  ``compared with 30``, ``rose from 14 to 16`` (the 14), ``Last year, …`` opening a clause.
- **Projections** (:func:`is_projection`): a clause that expects, forecasts, guides or will:
  ``it expects revenue of $13 billion``, ``analysts had forecast 20 inches``.
- **Corrections** (:func:`is_correction`): ``An earlier version of this article misstated
  the death toll as 11``.
- **Directions** (:func:`direction`): ``fell 8%``, ``was down 8%``, ``-8%`` say down; ``rose
  8%``, ``+8%`` say up.
- **Another measure of the cue's noun** (:func:`qualifier`): ``Cloud revenue grew 31%``:
  the word before a cue that names what it measures.
"""

from __future__ import annotations

import re

from .textscan import wordset

__all__ = [
    "direction",
    "is_correction",
    "is_prior",
    "is_projection",
    "qualifier",
    "words_of",
]

_I = re.IGNORECASE | re.VERBOSE

# A prior value named right after the figure, with at most a few words between:
# "$11.5 billion in the same quarter a year ago", "30 last year", "14 previously".
_PRIOR_AFTER = re.compile(
    r"""[\s,]*(?:(?:in|for|during|at|over)\s+the\s+(?:same|year[-\s]ago|year[-\s]earlier
        |previous|prior|preceding|comparable|corresponding)\b
      |(?:a|one|the)\s+(?:year|quarter|month|week|season|decade)\s+(?:ago|earlier|before)\b
      |(?:a|one)\s+(?:year|quarter|month|week|season)[-\s](?:ago|earlier)\b
      |(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|quarter|month|week|season|period)\b
      |last\s+(?:year|season|quarter|month|week|time|spring|summer|autumn|fall|winter)\b
      |(?:(?!(?:from|than|since|over|on|compared|versus|vs|up|down)\b)\w+\s+){0,3}?
        (?:a\s+year\s+(?:ago|earlier|before)|last\s+(?:year|season)
        |previously|in\s+the\s+year[-\s](?:ago|earlier)\s+\w+)\b
      |previously\b|before\s+the\s+(?:revision|correction)\b)""",
    _I,
)
# A prior value named right before the figure: "up from $11.5 billion", "compared with 30",
# "versus 14", "year-earlier revenue of $11.5 billion", "last year's 30".
_PRIOR_BEFORE = re.compile(
    r"""(?:\b(?:up|down|rising|falling|rose|fell)\s+from
      |\bcompared\s+(?:with|to)|\bcomparing\s+with|\bversus|\bvs\.?|\bagainst
      |\bprevious(?:ly)?|\bprior(?:[-\s]year)?|\byear[-\s](?:ago|earlier)|\blast\s+year['’]s
      |\ba\s+year\s+(?:ago|earlier)|\bfrom\s+a\s+(?:revised\s+)?|\brevised\s+from
      |\bthe\s+previous\s+record\s+(?:of|was))
      (?:\s+(?!to\b)[^\W\d_][\w'’-]*){0,3}?\s*[$€£¥]?\Z""",
    _I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s*[$€£¥]?\Z", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s+to\s+(?:about\s+|around\s+|nearly\s+)?[$€£¥]?[\d(]|\s*[–-]\s*\d")
_CHANGE_WORDS = re.compile(
    r"""\b(?:rose|rise[sn]?|rising|fell|falls?|falling|fallen|grew|grow(?:s|n|ing)?
      |increased?|increases|increasing|decreased?|decreases|decreasing|dropped|drops?|dropping
      |climbed|climbs?|jumped|jumps?|surged|surges?|soared|plunged|plunges?|slipped|slid
      |declined?|declines|gained|gains?|lost|loses|cut|cuts|raised|lowered|revised|narrowed
      |widened|swelled|shrank|up|down)\b""",
    _I,
)
# A clause that opens on a past time frame: "Last year, ...", "A year ago, ...".
_PRIOR_OPENING = re.compile(
    r"""[\s"“(]*(?:and\s+|but\s+)?(?:last\s+(?:year|season|month|week|time)
      |a\s+year\s+(?:ago|earlier)|(?:the\s+)?year\s+before|previously|in\s+the\s+(?:previous
      |prior|year[-\s]ago)\s+\w+)\b""",
    _I,
)
# After "will"/"would", a decision announced is the fact, not a projection: "said it would
# cut 1,800 jobs", "will invest $2 billion". A forecast is an outcome: "will bring 10 inches".
_DECISIONS = (
    r"cut|eliminate|shed|slash|axe|lay\s+off|hire|add|create|invest|spend|pay|close|open"
    r"|build|buy|acquire|sell|raise|lower|return|repurchase|buy\s+back|offer|give|donate"
    r"|deploy|send|fund|award|distribute|keep|hold|issue"
)
# After a modal, a verb of knowing or saying reports what is known now: "officials could
# confirm that the storm killed 16", "would not say".
_KNOWING = r"confirm|say|tell|verify|find|show|comment|be\s+reached|not\s+confirm"
# Words that make what follows in the clause a projection, not a statement of fact now.
_PROJECTION = re.compile(
    rf"""\b(?:expects?|expected|expecting|expectations?|forecasts?|forecasted|forecasting
      |projects|projected|projecting|projections?|predicts?|predicted|predicting|predictions?
      |guidance|outlook|anticipates?|anticipated|targets?|targeting|estimates?\s+of
      |consensus|(?:will|won['’]t|would|['’]ll)(?!\s+(?:not\s+)?(?:{_DECISIONS}|{_KNOWING})\b)
      |(?:could|should|might|(?-i:may))(?!\s+(?:not\s+)?(?:{_KNOWING})\b)|is\s+set\s+to|are\s+set\s+to|aims?\s+to|on\s+track\s+to
      |hopes?\s+to|likely\s+to)\b""",
    _I,
)
_CORRECTION = re.compile(
    r"""\b(?:(?:an?\s+)?(?:earlier|previous|prior)\s+version\s+of\s+this
      |this\s+(?:article|story|report)\s+(?:has\s+been|was)\s+(?:corrected|updated|amended)
      |misstated|misreported|incorrectly\s+(?:said|stated|reported|gave|put)
      |erroneously\s+(?:said|stated|reported))""",
    _I,
)
_CORRECTION_OPENING = re.compile(r"[\s*_]*(?:correction|clarification)s?\b", _I)

_UP = re.compile(
    r"""\b(?:rose|rises?|rising|risen|grew|grows?|growing|grown|increased?|increases|increasing
      |climbed|climbs?|climbing|jumped|jumps?|jumping|surged|surges?|surging|soared|soars?
      |gained|gains?|gaining|added|adds|advanced|advances?|rallied|rebounded|widened
      |swelled|expanded|up|higher|boosted|raised)\Z""",
    _I,
)
_DOWN = re.compile(
    r"""\b(?:fell|falls?|falling|fallen|dropped|drops?|dropping|declined?|declines|declining
      |decreased?|decreases|decreasing|slipped|slips?|slid|slides?|sank|sinks?|plunged
      |plunges?|plunging|tumbled|tumbles?|slumped|slumps?|lost|loses|losing|shrank|shrinks?
      |contracted|narrowed|eased|down|lower|cut|cuts|lowered|retreated)\Z""",
    _I,
)
# A change named after the figure: "an 8% increase", "a 5% drop in sales", "8% revenue gain".
_CHANGE_NOUN_AFTER = re.compile(
    r"""[ \t]+(?:[^\W\d_][\w-]*[ \t]+)?(?:(?P<up>increase|rise|gain|jump|growth|climb|surge
      |advance|rebound)|(?P<down>decrease|decline|drop|fall|loss|slide|dip|slump|contraction
      |cut|reduction))s?\b""",
    _I,
)
_MAKES_UP = re.compile(r"\b(?:make|makes|made|making|sum|sums|end|ends|ended|add|adds)\s+up\Z", _I)
_BY = re.compile(
    r"(?:\s+(?:by|of|some|about|around|nearly|almost|roughly|a|an|more\s+than"
    r"|less\s+than|just|only|an\s+estimated|as\s+much\s+as))*\s*\Z",
    _I,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

# Words before a cue that do not make it another measure: determiners, pronouns, the
# qualifiers every report uses for the headline figure, and the event a toll is of ("the
# storm death toll").
_NEUTRAL = wordset(
    """a an the its their his her our this that these those total overall combined
    quarterly annual annualised annualized yearly monthly weekly daily net gross reported
    headline group company firm firm's company's record adjusted core underlying official
    final provisional preliminary confirmed latest new current fiscal full-year half-year
    first-quarter second-quarter third-quarter fourth-quarter first-half second-half q1 q2
    q3 q4 h1 h2 year-end whole entire all of in on at for to by and or with from than as
    said says also still only just about around some more less first top biggest largest
    was were is are be been being had has have left average mean median typical posted
    recorded booked generated logged registered delivered estimated expected said
    storm hurricane typhoon cyclone earthquake quake flood fire wildfire crash attack
    bombing race event election war conflict outbreak epidemic pandemic disaster"""
)
_NUMBER_WORDS = wordset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion dozen dozens
    several few many some"""
)
# Words for the subject itself, in a possessive or as a modifier: "the city's 18 inches".
_PLACES = wordset(
    """city town county state country region nation area province district village capital
    island coast company firm group bank airline brewer carrier team club race event storm"""
)
# After a noun cue, the words that show the cue is the clause's subject noun ("revenue
# grew", "finishers numbered"), which is when a word before it names a narrower measure.
_NOUN_FOLLOWS = re.compile(
    r"""['’]?s?(?:,\s*(?:however|meanwhile|though|too|also|in\s+turn)\s*,)?\s+(?:rose|grew|fell|was|were|is|are|came|totall?ed|reached|climbed|jumped
      |declined|dropped|increased|decreased|hit|stood|amounted|numbered|slipped
      |surged|gained|jumped|rising|falling|growing|up|down)\b
      |['’]?s?\s+of\s+(?:about\s+|around\s+|nearly\s+|some\s+|more\s+than\s+)?[$€£¥\d]""",
    _I,
)


_FUNCTION_START = re.compile(
    r"(?:without|with|in|on|at|of|to|from|per|a|an|the|by|for|after|before)\b", _I
)
# A cue noun narrowed by what follows it: "Sales in the cloud division rose 13%".
_NARROWED_AFTER = re.compile(
    r"""\s+(?:in|at|from|of|for)\s+(?:the|its|their|our)\s+(?P<what>[^\W\d_][\w-]*)
      (?:\s+[^\W\d_][\w-]*)?\s+(?:division|segment|unit|business|arm|operations?|region)\b""",
    _I,
)


def words_of(text: str) -> frozenset[str]:
    """The words of ``text``, case-folded (for comparing a fact's claim with an article)."""
    return frozenset(w.casefold().rstrip("'’") for w in _WORD.findall(text))


def is_correction(text: str, start: int, end: int, paragraph_start: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a correction notice.

    ``An earlier version of this article misstated the death toll as 11.``; a paragraph
    opening with ``Correction:`` is one throughout.
    """
    if _CORRECTION.search(text, start, end) is not None:
        return True
    return _CORRECTION_OPENING.match(text, paragraph_start, end) is not None


def opens_in_the_past(text: str, clause_start: int, clause_end: int) -> bool:
    """Whether a clause opens on a past time frame (``Last year, Hurricane Ida killed 30``)."""
    return _PRIOR_OPENING.match(text, clause_start, clause_end) is not None


def is_prior(text: str, start: int, end: int, clause_start: int, clause_end: int) -> bool:
    """Whether the quantity at ``text[start:end]`` is marked as an earlier value.

    Marked after it (``$11.5 billion a year ago``, ``30 last year``), or right before it
    (``up from 14``, ``compared with``, ``year-earlier revenue of``), or as the first value
    of ``from X to Y`` after a change (``the toll rose from 14 to 16``: 14).
    """
    if _PRIOR_AFTER.match(text, end, clause_end) is not None:
        return True
    lead = text[max(clause_start, start - 60) : start]
    if _PRIOR_BEFORE.search(lead) is not None:
        return True
    if _FROM_BEFORE.search(lead) is not None:
        if _TO_AFTER.match(text, end, clause_end) is not None:
            return True  # "from 14 to 16": the 14
        if _CHANGE_WORDS.search(text, clause_start, start) is not None:
            return True  # "rose to 16 from 14", "rose 8% from a year earlier"
    return False


_CHANGE_TO = re.compile(
    r"\b(?:rose|rises?|risen|climbed|climbs?|jumped|jumps?|grew|grows?|fell|falls?|fallen"
    r"|dropped|drops?|increased|decreased|declined|slipped|surged|soared|plunged|eased|went"
    r"|reached|hit|up|down)(?:\s+[^\W\d_][\w'’-]*){0,2}?\s+to\s+\Z",
    re.IGNORECASE,
)


def ends_change(text: str, start: int, floor: int) -> bool:
    """Whether the figure at ``start`` is where a change ends (``climbs to 16``)."""
    return _CHANGE_TO.search(text, max(floor, start - 60), start) is not None


_FROM_X = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
_TO_Y = re.compile(r"[^,;]*\sto\s+\Z", re.IGNORECASE)


def from_cue_to(text: str, x_start: int, x_end: int, y_start: int) -> bool:
    """Whether ``from X … to Y`` joins the figures at ``x_start`` and ``y_start``."""
    return (
        _FROM_X.search(text, max(0, x_start - 10), x_start) is not None
        and _TO_Y.fullmatch(text, x_end, y_start) is not None
    )


_VERB = re.compile(
    r"\b(?:has|have|had|was|were|is|are|did|does|do|said|says|[^\W\d_]{3,}ed)\b", re.IGNORECASE
)


def has_verb(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a finite verb of its own (``has``, ``was``, ``-ed``)."""
    return _VERB.search(text, start, end) is not None


_OF_THE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand"
    r"|million|half|third|quarter))[\w%]*\s+of\s+"
    r"(?:the|its|their|his|her|our|those|these|all)?\s*\Z",
    re.IGNORECASE,
)


def is_whole(text: str, start: int, floor: int) -> bool:
    """Whether the figure at ``start`` is the whole of a part just before it: ``96 of the
    132 starters``, ``one of three crossings`` (the part is the statement)."""
    return _OF_THE.search(text, max(floor, start - 40), start) is not None


_YEAR = re.compile(r"(?<![\d.,$€£])(?:19|20)\d\d(?![\d.,%])")
_SINCE = re.compile(r"\b(?:since|than|before)\b", re.IGNORECASE)
_ANTECEDENT = 50  # characters before a relative clause that name its noun


def newest_year(text: str) -> int:
    """The latest year (1900–2099) written in ``text``; 0 when none is."""
    return max((int(y) for y in _YEAR.findall(text)), default=0)


def names_an_older_year(text: str, start: int, newest: int) -> bool:
    """Whether the noun before a relative clause at ``start`` names a year older than the
    article's newest (``the 2019 Oak Hollow fire, which …`` in a 2026 article)."""
    lead = text[max(0, start - _ANTECEDENT) : start]
    lead = lead[lead.rfind(",") + 1 :]  # the noun phrase, not the clause before it
    years = [int(y) for y in _YEAR.findall(lead)]
    if years and _SINCE.search(lead) is not None:
        return True  # "the largest since the 2019 Oak Hollow fire, which …"
    return any(y < newest for y in years)


_MEASURE_OF = re.compile(
    r"\b(?P<noun>[^\W\d_][\w-]+)\s+of\s+(?:(?:about|around|nearly|almost|some|roughly|just"
    r"|more\s+than|less\s+than|up\s+to|at\s+least)\s+)?[$€£¥]?\Z",
    re.IGNORECASE,
)


def measure_before(text: str, start: int, floor: int) -> str | None:
    """The noun a figure is "of": ``a dividend of 30 cents`` gives ``dividend``."""
    found = _MEASURE_OF.search(text, max(floor, start - 40), start)
    return None if found is None else str(found.group("noun").casefold())


def same_word(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``words`` give or take an ending (``earnings``/``earned``)."""
    stem = word[:5]
    return any(w[:5] == stem for w in words) if len(word) >= 5 else word in words


_EARLIER_NOUN = re.compile(
    r"\b(?:previous|prior|earlier|former|initial|original|old|year-ago|year-earlier"
    r"|last\s+year['’]s|last\s+season['’]s)\s+\Z",
    re.IGNORECASE,
)


def names_an_earlier(text: str, cue_start: int, floor: int) -> bool:
    """Whether the cue's noun is qualified as an earlier one: ``The previous toll … was 24``."""
    return _EARLIER_NOUN.search(text, max(floor, cue_start - 30), cue_start) is not None


_POSSESSOR = re.compile(
    r"\b([a-z][\w-]*)['’]s\s+(?:(?:about|around|nearly|some|just)\s+)?[$€£¥]?\Z"
)


def possessor(text: str, start: int, floor: int) -> str | None:
    """The common noun a figure belongs to: ``the half-marathon's 9,870 finishers`` gives
    ``half-marathon``; the subject's kind of words (``company's``, ``city's``) give None."""
    found = _POSSESSOR.search(text, max(floor, start - 40), start)
    if found is None:
        return None
    word = found.group(1).casefold()
    return None if word in _NEUTRAL or word in _PLACES else word


def modifier_inside(text: str, q_start: int, cue_start: int) -> str | None:
    """In a count with modifiers (``9,870 half-marathon finishers``), the word just before
    the cue noun when it names a narrower kind; None for the headline qualifiers."""
    segment = text[q_start:cue_start]
    words = _WORD.findall(segment)
    if not segment[:1].isdigit():
        words = words[1:]  # "Fifteen deaths": the first word is the number itself
    if not words or not segment.rstrip().endswith(words[-1]) or not words[-1].islower():
        return None  # nothing between, or a name ("40 ISIL trucks"): no narrower kind
    word = words[-1].casefold()
    return None if word in _NEUTRAL or word in _PLACES else word


_COMPOUND = re.compile(r"\b([a-z]+)-([a-z]+)\b", re.IGNORECASE)


def compound_of(text: str, start: int, end: int, words: frozenset[str]) -> str | None:
    """A hyphenated word in ``text[start:end]`` that extends one of ``words`` into another
    kind (``half-marathon`` for ``marathon``), or None. A compound whose first part the
    fact uses too is the same thing (``third-quarter`` for "revenue in the third quarter")."""
    for match in _COMPOUND.finditer(text, start, end):
        whole = match.group().casefold()
        if not match.group(2).islower():
            continue  # a name: "al-Anbar", "Port-Anselm"
        head, tail = match.group(1).casefold(), match.group(2).casefold()
        if tail in words and head not in words and whole not in words:
            return whole
    return None


_CLAIMED_CHANGE = re.compile(
    r"""\b(?:(?P<up>rose|grew|increased|gained|climbed|jumped|surged|was\s+up|were\s+up|up)
      |(?P<down>fell|dropped|declined|decreased|slipped|slid|shrank|lost|was\s+down
      |were\s+down|down))\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+)?
      \d[\d.,]*\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)""",
    re.IGNORECASE | re.VERBOSE,
)


_SHARE = re.compile(r"[ \t]+of\b", re.IGNORECASE)


def is_share(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` is a share of something (``30% of sales``)."""
    return _SHARE.match(text, end) is not None


def claimed_direction(claim: str) -> str | None:
    """The direction a fact's claim gives its percentage (``revenue rose 8%``: up), or None
    when it gives none or both."""
    found = {("up" if m.group("up") else "down") for m in _CLAIMED_CHANGE.finditer(claim)}
    return found.pop() if len(found) == 1 else None


def is_projection(text: str, start: int, clause_start: int) -> bool:
    """Whether a projection word comes before ``start`` in its clause (``expects``, ``will``)."""
    return _PROJECTION.search(text, clause_start, start) is not None


def projects(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a cue match, a clause) holds a projection word."""
    return _PROJECTION.search(text, start, end) is not None


def direction(text: str, start: int, end: int, floor: int) -> str | None:
    """``"up"`` or ``"down"``: the direction a change word or sign gives the quantity.

    ``fell 8%``, ``was down by about 8%``, ``−8%``, ``a 5% drop`` are down; ``rose 8%``,
    ``+8%``, ``an 8% revenue gain`` up. The change word must come right before the figure
    (with ``by``, a hedge between), or its noun right after it: in ``rose 31% to $3.6
    billion`` only the 31% is a change.
    """
    quantity = text[start:end].lstrip()
    if quantity[:1] in "-−–":
        return "down"
    if quantity[:1] == "+":
        return "up"
    after = _CHANGE_NOUN_AFTER.match(text, end)
    if after is not None:
        return "up" if after.group("up") else "down"
    lead = text[max(floor, start - 50) : start]
    trimmed = _BY.search(lead)
    head = lead[: trimmed.start()] if trimmed is not None else lead
    if _UP.search(head) is not None and _MAKES_UP.search(head) is None:
        return "up"
    if _DOWN.search(head) is not None:
        return "down"
    return None


def qualifier(
    text: str, cue_start: int, cue_end: int, floor: int, end: int | None = None
) -> str | None:
    """The word that names a narrower measure of a cue noun, or None.

    ``Cloud revenue grew 31%``: ``cloud`` (the cue ``revenue`` is the clause's subject and
    a word before it narrows it, as it does in a table's row header ``| Cloud revenue |``);
    ``Sales in the cloud division rose 13%``: ``cloud``.
    Determiners, possessives and the headline qualifiers
    (``total``, ``quarterly``, ``net``, ``third-quarter``...) are not narrower measures.
    """
    after = _NARROWED_AFTER.match(text, cue_end)
    if after is not None:
        return str(after.group("what").casefold())
    at_end = end is not None and not text[cue_end:end].strip()  # a table's row header
    if not at_end and _NOUN_FOLLOWS.match(text, cue_end) is None:
        return None
    lead = text[max(floor, cue_start - 40) : cue_start]
    if not lead or not lead[-1:].isspace():
        return None
    words = _WORD.findall(lead)
    if not words:
        return None
    word = words[-1]
    if not lead.rstrip().endswith(word):
        return None  # punctuation between: "..., revenue grew"
    folded = word.casefold()
    if folded in _NEUTRAL or folded in _NUMBER_WORDS or folded.endswith(("'s", "’s")):
        return None  # a determiner, a count, a possessive, a headline qualifier
    if _FUNCTION_START.match(text, cue_start) is not None:
        return None  # the cue is no noun: "without power"
    return str(folded)
