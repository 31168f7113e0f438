"""When: the date a claim is about, and a document's own date.

A date expression ("on 30 July 2023", "in March", "since April 2023",
"last October", "earlier this week", "between March and May 2024") becomes
a :class:`~claimgraph.model.When`: an ISO 8601 value at its precision
("2023-07-30", "2023-03", "2023"), an end for a range, a qualifier
("since", "until", "before", "after") and the words that gave it.

dateparser (a maintained parser of dates in text, already installed with
trafilatura's htmldate) reads single expressions and their precision; the
rules here do what it does not: ranges, "since"/"until", decades, "early /
mid / late" modifiers, "last October", weekdays as news use them (the most
recent such day on or before the document's date), and the refusal to
resolve an expression relative to another event ("two days later") or to
a document date that is unknown. dateparser is only ever given a base
date, so the same text gives the same value on any day it is run.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from .model import When

__all__ = ["When", "document_date_in_text", "first_day", "last_day", "parse_base", "resolve"]

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_RE = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
            r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_WORD = re.compile(rf"\b{_MONTH_RE}(?![a-z])", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(1[89]\d0|20\d0)s$")
_MODIFIER = re.compile(r"^(?:the\s+)?(?:(?:very\s+)?early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                       r"|end\s+of|beginning\s+of|start\s+of|the\s+middle\s+of|middle\s+of"
                       r"|(?:the\s+)?(?:summer|winter|spring|autumn|fall)(?:\s+of)?)[-\s]+", re.I)
_RANGE = re.compile(r"^(?:between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)|from\s+(?P<c>.+?)\s+(?:to|until|till|through)\s+(?P<d>.+)"
                    r"|(?P<e>.+?)(?:\s*[-–—]\s*|\s+to\s+)(?P<f>.+))$", re.I)
_QUALIFIERS = ("since", "until", "till", "before", "after", "by")
# an expression counted from another event, not from the document's date
_COUNTED = re.compile(r"\b(?:later|afterwards|after that|before that|earlier)\s*$|\b(?:the\s+)?(?:next|following|"
                      r"previous|preceding)\s+(?:day|week|month|year|morning|night|evening)\b", re.I)
_DURATION = re.compile(r"^(?:the\s+)?(?:past|last|next|previous|recent|coming|first|several|many|few|\d+|a|an|one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|twelve|some|about|nearly|almost|over|more\s+than)\b.*\b"
                       r"(?:days|weeks|months|years|decades|hours)$|^(?:days|weeks|months|years|decades|hours)$"
                       r"|^(?:the\s+)?(?:past|previous)\s+(?:day|week|month|year|decade|century)$", re.I)
_RELATIVE_WORDS = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|ago|last|this|next|earlier|later|recent|"
                             r"current|past|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                             re.I)
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b", re.I)


def parse_base(value: str | None) -> date | None:
    """A document date ("2024-03-18", "2024-03-18T09:30:00Z") as a date, else None."""
    if not value:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


_FIXED_BASE = datetime(2000, 1, 1)


@lru_cache(maxsize=64)
def _parser(base: datetime):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY", "RELATIVE_BASE": base})


def _dateparser(text: str, base: date | None) -> tuple[date, str] | None:
    """dateparser's reading: (date, period) with period day, week, month or year."""
    when = datetime(base.year, base.month, base.day, 12) if base else _FIXED_BASE
    try:
        data = _parser(when).get_date_data(text)
    except (ValueError, OverflowError, TypeError):  # dateparser raises these on odd numbers ("30 February")
        return None
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    if period in ("time", "part_of_day"):
        if not (_MONTH_WORD.search(text) or any(w in text.lower() for w in _WEEKDAYS)
                or re.search(r"\b(?:today|yesterday|tomorrow|tonight)\b", text, re.I)):
            return None  # "the 1990s" read as a time of day
        period = "day"
    return data.date_obj.date(), period


def _iso(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _weekday(text: str, base: date | None) -> tuple[date, str] | None:
    words = re.sub(r"^(?:on\s+|last\s+|this\s+(?=\w+day\s*$))", "", text.strip().lower())
    parts = words.split()
    if not parts or parts[0] not in _WEEKDAYS or len(parts) > 2:
        return None
    if len(parts) == 2 and parts[1] not in ("morning", "afternoon", "evening", "night"):
        return None
    if base is None:
        return None
    back = (base.weekday() - _WEEKDAYS.index(parts[0])) % 7
    if text.strip().lower().startswith("last ") and back == 0:
        back = 7
    return base - timedelta(days=back), "day"


def _last_month(text: str, base: date | None) -> tuple[date, str] | None:
    m = re.match(rf"^(last|this|next|past)\s+({_MONTH_RE})$", text.strip(), re.I)
    if not m or base is None:
        return None
    month = _month_number(m[2])
    year = base.year
    if m[1].lower() in ("last", "past"):
        year = base.year if month < base.month else base.year - 1
    elif m[1].lower() == "next":
        year = base.year if month > base.month else base.year + 1
    return date(year, month, 1), "month"


def _month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return _MONTH_ABBR.get(w[:4] if w.startswith("sept") else w[:3], 0) or 1


def _point(text: str, base: date | None) -> tuple[date, str] | None:
    """One expression, without qualifier or range: (date, precision)."""
    t = re.sub(r"\s+", " ", text.strip().strip(",.;:")).strip()
    t = _ORDINAL.sub(r"\1", t)
    t = re.sub(r"^(?:on|in|at|during|of)\s+", "", t, flags=re.I)
    if not t or _DURATION.match(t) or _COUNTED.search(t):
        return None
    decade = _DECADE.match(t.lower())
    if decade:
        return date(int(decade[1]), 1, 1), "decade"
    t = re.sub(r"^(?:earlier|later)\s+(?=this\s|that\s)", "", t, flags=re.I)
    modified = _MODIFIER.sub("", t)
    if modified != t:
        found = _point(modified, base)
        if found and found[1] in ("month", "year"):
            return found
        return None
    found = _weekday(t, base) or _last_month(t, base)
    if found:
        return found
    has_year = bool(_YEAR.search(t))
    if base is None and (not has_year or _RELATIVE_WORDS.search(t)):
        return None
    if not has_year and not _MONTH_WORD.search(t) and not _RELATIVE_WORDS.search(t):
        return None  # a bare number or a word dateparser would guess at
    parsed = _dateparser(t, base)
    if parsed is None:
        return None
    d, period = parsed
    if period == "week":
        d = d - timedelta(days=d.weekday())
    if period == "year" and not has_year and not _RELATIVE_WORDS.search(t):
        return None
    if period == "year":
        d = date(d.year, 1, 1)
    elif period == "month":
        d = date(d.year, d.month, 1)
    return d, period


def _end_of(d: date, precision: str) -> date:
    if precision == "week":
        return d + timedelta(days=6)
    return d


@lru_cache(maxsize=4096)
def resolve(text: str, base: date | None = None, qualifier: str | None = None) -> When | None:
    """The date ``text`` names, relative to ``base`` (the document's date).

    None when the words name no point or stretch of time (a duration such as
    "three years", "recent weeks"); a When without a value when they do but
    cannot be placed: relative to an unknown document date ("on Tuesday"
    with no document date) or to another event ("two days later").
    """
    words = re.sub(r"\s+", " ", text.strip())
    core = words
    first = core.split(" ", 1)[0].lower()
    if first in _QUALIFIERS and " " in core:
        qualifier = qualifier or ("until" if first == "till" else first)
        core = core.split(" ", 1)[1]
    rng = _RANGE.match(core) if not _DECADE.match(core.lower()) else None
    if rng:
        a = rng["a"] or rng["c"] or rng["e"]
        b = rng["b"] or rng["d"] or rng["f"]
        if a and b and not re.fullmatch(r"\d{1,2}", b.strip()):
            year = _YEAR.search(b)
            a2 = a if _YEAR.search(a) or not year else f"{a} {year[0]}"
            if re.fullmatch(r"\d{1,2}", a.strip()) and _MONTH_WORD.search(b):  # "3-5 March 2024"
                a2 = re.sub(r"^\d{1,2}", a.strip(), b.strip())
            first_d, second = _point(a2, base), _point(b, base)
            if first_d and second and first_d[0] <= second[0]:
                precision = _coarser(first_d[1], second[1])
                end = _end_of(second[0], second[1])
                if second[1] == "decade":
                    end = date(second[0].year + 9, 1, 1)
                return When(text=words, value=_iso(first_d[0], _xsd(precision)),
                            precision=precision, end=_iso(end, _xsd(precision)), qualifier=qualifier)
    found = _point(core, base)
    if found is None:
        bare = re.sub(r"^(?:on|in|at|during|of)\s+", "", core.strip(), flags=re.I)
        if _DURATION.match(bare):
            return None
        placed_elsewhere = bool(_COUNTED.search(bare))
        unknown_base = base is None and bool(_MONTH_WORD.search(bare) or _RELATIVE_WORDS.search(bare))
        if placed_elsewhere or unknown_base:
            return When(text=words, value=None, precision=None, end=None, qualifier=qualifier)
        return None
    d, precision = found
    if precision == "decade":
        return When(text=words, value=_iso(d, "year"), precision="decade",
                    end=f"{d.year + 9:04d}", qualifier=qualifier)
    end = _iso(_end_of(d, precision), _xsd(precision)) if precision == "week" else None
    return When(text=words, value=_iso(d, _xsd(precision)), precision=precision, end=end, qualifier=qualifier)


def _xsd(precision: str) -> str:
    return {"week": "day", "decade": "year"}.get(precision, precision)


_ORDER = ("day", "week", "month", "year", "decade")


def _coarser(a: str, b: str) -> str:
    return a if _ORDER.index(a) >= _ORDER.index(b) else b


# "Published 12 March 2024", "Updated: March 12, 2024 10:41 GMT", "Posted on 2024-03-12", or a
# line that is only a date, near the top of the text; a dateline "KABUL, March 12 (Reuters) -" with a year
_DATE_BODY = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+\d{{4}}|{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
              r"|\d{4}-\d{2}-\d{2})")
_PUBLISHED = re.compile(rf"(?im)^[ \t]*(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|date)\s*(?:on|:)?\s*"
                        rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?)?({_DATE_BODY})\b[^\n]{{0,40}}$")
_DATELINE = re.compile(rf"(?m)^[ \t]*[A-Z][A-Za-z .'-]{{1,40}},\s+({_DATE_BODY})\s*(?:\([A-Za-z .]+\))?\s*[-–—:]")


def document_date_in_text(text: str, *, window: int = 1500) -> tuple[str, str] | None:
    """A document's date from its text: a "Published …" or date-only line, or
    a dateline, near its top. (ISO date, the words) or None."""
    head = text[:window]
    found = []
    for rx in (_PUBLISHED, _DATELINE):
        m = rx.search(head)
        if m:
            found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        parsed = _point(m.group(1), None)
        if parsed and parsed[1] == "day":
            return parsed[0].isoformat(), m.group(0).strip()
    return None


def first_day(value: str | None) -> str | None:
    """An ISO value at its precision ("2023", "2023-04", "2023-04-09") as the date it starts on."""
    if value is None:
        return None
    return {4: f"{value}-01-01", 7: f"{value}-01"}.get(len(value), value)


def last_day(value: str | None) -> str | None:
    """An ISO value at its precision as the date it ends on."""
    if value is None:
        return None
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value
