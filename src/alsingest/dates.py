"""Dates as written, resolved to ISO at the precision stated.

Absolute Chinese and English dates at any precision, ISO dates, and dates that
need context: ``同年9月`` and ``3月5日`` take the year last stated before them,
``次年`` the year after it, ``今年/去年`` the article's publication date. An
impossible date (``2025年13月``) is kept as text with no ISO value.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

import cn2an

from . import patterns
from .normalize import fold

logger = logging.getLogger(__name__)

_CN_DIGIT = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}
ROC_OFFSET = 1911  # 民國 1 年 = 1912


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    iso: str | None  # "2025", "2025-06", "2025-06-10"; None when it cannot be trusted
    relative: bool = False
    rule: str = ""  # the pattern that read it, and where a relative date's year came from


_EN_VALUES = (
    {w: n for n, w in enumerate(patterns.EN_UNIT_WORDS.split("|"), 1)}
    | {w: n for n, w in enumerate(patterns.EN_TEEN_WORDS.split("|"), 10)}
    | {w: 10 * n for n, w in enumerate(patterns.EN_TENS_WORDS.split("|"), 2)}
)


def en_number(text: str) -> int | None:
    """'twenty-five' → 25, 'Sixty-three' → 63, 'one hundred and twenty' → 120."""
    total = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in _EN_VALUES:
            total += _EN_VALUES[word]
        elif word != "and":
            return None
    return total or None


def cn_number(text: str) -> int | None:
    """'2025' → 2025, '二〇二五' → 2025 (digit by digit), '十二' → 12, '一百二十' → 120, '两' → 2.

    Arabic digits are read directly; Chinese numerals by cn2an, on the matched span only.
    """
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGIT for ch in text) and len(text) >= 2:
        return int("".join(str(_CN_DIGIT[ch]) for ch in text))
    try:
        value = cn2an.cn2an(text.replace("两", "二"), "strict")
    except (ValueError, KeyError):
        return None
    return int(value) if value == int(value) else None


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text at the given precision, or None for an impossible date."""
    if year is None or not 1800 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    return cn_number(value) if value else None


# Every date form holds a digit, 年, 月 or "year"; most sentences hold none and are done at once.
# What any date holds: a digit, 年/月/周, a relative word, "year", a word ending in "day" (an
# English weekday, "today": "The FDA announced Friday that …" has no digit), or a part of every
# full English month name EN_BARE_MONTH reads (an English month named alone, "voted in March").
_DATE_CHARACTER = re.compile(
    r"[\d年月周]|星期|礼拜|今天|今日|昨天|昨日|日前|近日|day\b|year|last week"
    r"|uary|tember|vember|cember|october|march|april|june|july|august"
)
# "日前", "近日": a few days before the article, on a day it does not give.
_RECENT_DAY = re.compile(
    r"(?<![一二两三四五六七八九十\d数几节生假接术期])(?:日前|近日)(?!\s*[一二两三四五六七八九十\d]+\s*[天日周])"
)
_CN_DAY_RANGE_AFTER = re.compile(r"\s*(?:至|到|-|–|~|～)\s*(?:3[01]|[12]\d|0?[1-9])\s*日")
_WEEK = re.compile(r"周|星期|礼拜")
_EN_WEEK = re.compile(r"day\b")
# What makes a weekday one to come: "will present on Monday", "is expected Tuesday", "next Friday".
_AHEAD_BEFORE = re.compile(
    r"\b(?:will|shall|to be|expected|scheduled|planned|plans? to|set to|due|next|coming|this)\b[^.;,]*$"
)
_LATER = re.compile(r"年之?[后後]|years later")
_CONTEXT_YEAR = re.compile(
    r"\byear (?:later|earlier|after|before)|(?:same|following|subsequent|next|previous|preceding|prior|that) year"
)
# How far each English word for a year before or after the one named moves it.
_CONTEXT_SHIFT = {"following": 1, "subsequent": 1, "next": 1, "later": 1, "after": 1,
                  "previous": -1, "preceding": -1, "prior": -1, "earlier": -1, "before": -1}  # fmt: skip
# "April or | May of 2017": a month named as the other choice right before a dated one.
_MONTH_OR_BEFORE = re.compile(rf"\b(?:{patterns.MONTH_WORDS})\.?\s+or\s+$")
# EN_DATE's alternatives, by the suffix of their groups ("mname3", "year3").
_EN_DATE_FORMS = ("", "2", "3", "4", "5", "6")
_TODAY = re.compile(r"today|今")
_YESTERDAY = re.compile(r"yesterday|昨")
_ISO_SEPARATOR = re.compile(r"\d[-/.]\d")


def order_told(a: int, b: int) -> str | None:
    """The order a date in figures tells by itself: "dm" when only its first number can be the
    day ("25/07"), "md" when only its second can ("07/25"), else None ("03/05")."""
    if a > 12 >= b:
        return "dm"
    if b > 12 >= a:
        return "md"
    return None


def figure_order(text: str) -> str | None:
    """How a page orders the day and month of its dates in figures: "dm" or "md" where it shows
    only one (a figure that can only be one, "25/07/2012"; else its dates in words, "3 May 2021"
    or "May 3, 2021"), None where it shows neither or both. Folded text."""
    orders = {
        order_told(int(m.group("a")), int(m.group("b")))
        for m in (patterns.NUMERIC_DATE.finditer(text) if "/" in text else ())
    } - {None}
    if not orders:
        if patterns.DAY_BEFORE_MONTH.search(text):
            orders.add("dm")
        if patterns.MONTH_BEFORE_DAY.search(text):
            orders.add("md")
    return orders.pop() if len(orders) == 1 else None


def find_dates(
    text: str,
    context_year: int | None = None,
    anchor: str | None = None,
    order: str | None = None,
) -> tuple[list[DateMention], int | None]:
    """Dates in folded text, and the context year after reading it.

    ``context_year`` is the year last stated before ``text``; ``anchor`` the
    article's publication date (ISO) for 今年/去年/明年; ``order`` the page's order of day and
    month in figures (:func:`figure_order`), for "08/05/2013".
    """
    if not _DATE_CHARACTER.search(text):
        return [], context_year
    found: list[
        tuple[int, int, str | None, bool, int | None]
    ] = []  # start, end, iso, relative, year

    def taken(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, *_ in found)

    has_year, has_month = "年" in text, "月" in text
    for m in patterns.CN_DATE.finditer(text) if has_year else ():
        roc = m.group("roc") or m.group("roc_bare")
        year = cn_number(roc) + ROC_OFFSET if roc and cn_number(roc) else _int(m.group("year"))
        month = _int(m.group("month"))
        day = _int(m.group("day"))
        if day is not None and _CN_DAY_RANGE_AFTER.match(text, m.end()):
            day = None  # "2024年10月14日至17日": a meeting's days, dated to their month
        value = iso(year, month, day) if month is not None else iso(year)
        if m.group("month") and month is not None and value is None:
            # "2025年13月": keep it visible as text, never as a wrong ISO date.
            found.append((m.start(), m.end(), None, "CN_DATE", None))
            continue
        found.append((m.start(), m.end(), value, "CN_DATE (ROC year)" if roc else "CN_DATE", year))
    for m in patterns.KO_DATE.finditer(text) if "년" in text else ():
        month, day = _int(m.group("month")), _int(m.group("day"))
        year = int(m.group("year"))
        value = iso(year, month, day) if month is not None else iso(year)
        found.append((m.start(), m.end(), value, "KO_DATE", year if value else None))
    for m in patterns.ISO_DATE.finditer(text) if _ISO_SEPARATOR.search(text) else ():
        if not taken(m.start(), m.end()):
            value = iso(int(m.group("year")), int(m.group("month")), _int(m.group("day")))
            found.append(
                (m.start(), m.end(), value, "ISO_DATE", int(m.group("year")) if value else None)
            )
    # "25/07/2012", "07/25/2012": the day told from the month where one of them is over 12, else
    # by the page's order (``order``; none known: no date).
    for m in patterns.NUMERIC_DATE.finditer(text) if "/" in text else ():
        if taken(m.start(), m.end()):
            continue
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        read = order_told(a, b) or order
        if read is None:
            continue
        value = iso(year, b, a) if read == "dm" else iso(year, a, b)
        if value:
            found.append((m.start(), m.end(), value, "NUMERIC_DATE", year))
    for m in patterns.DOTTED_DATE.finditer(text) if "." in text else ():
        if not taken(m.start(), m.end()):
            year = int(m.group("year"))
            value = iso(year, int(m.group("month")), int(m.group("day")))
            if value:
                found.append((m.start(), m.end(), value, "DOTTED_DATE", year))
    # English dates need Latin letters ("may 31", "in 2025"): a Chinese sentence skips them.
    latin = patterns.LATIN.search(text) is not None
    for m in patterns.EN_DATE.finditer(text) if latin else ():
        if taken(m.start(), m.end()):
            continue
        name = next(m.group(f"mname{i}") for i in _EN_DATE_FORMS if m.group(f"mname{i}"))
        year = int(next(m.group(f"year{i}") for i in _EN_DATE_FORMS if m.group(f"year{i}")))
        day = m.group("day") or m.group("day2") or m.group("day6")
        value = iso(year, patterns.MONTHS[name.rstrip(".")], int(day) if day else None)
        if not day and _MONTH_OR_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            value = iso(year)  # "in April or May of 2017": one of two months, so the year
        found.append((m.start(), m.end(), value, "EN_DATE", year if value else None))
    # Each of these forms holds a year of the 1900s or 2000s.
    if not patterns.STANDALONE_YEAR.search(text):
        year_rules: tuple[str, ...] = ()
    elif latin:
        year_rules = (
            "EN_YEAR", "EN_YEAR_LIST", "EN_AUTHOR_YEAR", "EN_PERIOD_YEAR", "EN_YEAR_ADJECTIVE",
            "EN_EVENT_YEAR",
        )  # fmt: skip
    else:
        year_rules = ("EN_AUTHOR_YEAR",)
    for rule in year_rules:
        for m in getattr(patterns, rule).finditer(text):
            group = "year" if m.group("year") else "year2"  # "等（2022）" is the second form
            start, end = m.span(group)
            if not taken(start, end):
                year = int(m.group(group))
                found.append((start, end, iso(year), rule, year))

    for m in patterns.EN_SHORT_PERIOD.finditer(text) if latin else ():
        if not taken(*m.span("d")):
            year = int(m.group("y4")) if m.group("y4") else 2000 + int(m.group("y"))
            found.append((*m.span("d"), iso(year), "EN_SHORT_PERIOD", year))
    found.sort()
    anchor_year = int(anchor[:4]) if anchor else None
    mentions: list[DateMention] = []
    year = context_year
    # Each form needs its character: a sentence without 年 or 月 skips the Chinese ones.
    relative_matches = [
        *(("rel", m) for m in (patterns.CN_RELATIVE_DATE.finditer(text) if has_year else ())),
        *(("md", m) for m in (patterns.CN_MONTH_DAY.finditer(text) if has_month else ())),
        *(("enmd", m) for m in (patterns.EN_MONTH_DAY.finditer(text) if latin else ())),
        *(("enmonth", m) for m in (patterns.EN_BARE_MONTH.finditer(text) if latin else ())),
        *(("month", m) for m in (patterns.CN_MONTH.finditer(text) if has_month else ())),
        *(("part", m) for m in (patterns.CN_BARE_YEAR_PART.finditer(text) if has_year else ())),
        *(("day", m) for m in (patterns.CN_BARE_DAY.finditer(text) if "日" in text else ())),
        *(
            ("relmonth", m)
            for m in (patterns.CN_RELATIVE_MONTH.finditer(text) if "月" in text else ())
        ),
        *(
            ("weekday", m)
            for m in (patterns.CN_WEEKDAY.finditer(text) if _WEEK.search(text) else ())
        ),
        *(
            ("enweekday", m)
            for m in (patterns.EN_WEEKDAY.finditer(text) if _EN_WEEK.search(text) else ())
        ),
        *(
            ("enlastweekday", m)
            for m in (patterns.EN_LAST_WEEKDAY.finditer(text) if "last " in text else ())
        ),
        *(
            ("lastweek", m)
            for m in (
                patterns.LAST_WEEK.finditer(text) if "last week" in text or "上" in text else ()
            )
        ),
        *(("en", m) for m in (patterns.EN_RELATIVE_YEAR.finditer(text) if "year" in text else ())),
        *(
            ("enctx", m)
            for m in (
                patterns.EN_CONTEXT_YEAR.finditer(text)
                if "year" in text and _CONTEXT_YEAR.search(text)
                else ()
            )
        ),
        *(("today", m) for m in (patterns.TODAY.finditer(text) if _TODAY.search(text) else ())),
        *(
            ("yesterday", m)
            for m in (patterns.YESTERDAY.finditer(text) if _YESTERDAY.search(text) else ())
        ),
        *(
            ("recent", m)
            for m in (_RECENT_DAY.finditer(text) if "日前" in text or "近日" in text else ())
        ),
        *(
            ("later", m)
            for m in (patterns.YEARS_LATER.finditer(text) if _LATER.search(text) else ())
        ),
    ]
    relative_matches = [(k, m) for k, m in relative_matches if not taken(m.start(), m.end())]
    events = sorted(
        [(s, "abs", (s, e, v, r, y)) for s, e, v, r, y in found]
        + [(m.start(), k, m) for k, m in relative_matches],
        key=lambda item: item[0],
    )
    claimed: list[tuple[int, int]] = []
    for _, kind, item in events:
        if kind == "abs":
            start, end, value, rule, stated_year = item
            mentions.append(DateMention(start, end, value, rule=rule))
            target = patterns.TARGET_DATE_BEFORE.search(text, max(0, start - 12), start)
            if stated_year and not target:
                year = stated_year
            continue
        m = item
        if any(s < m.end() and m.start() < e for s, e in claimed):
            continue
        claimed.append((m.start(), m.end()))
        if kind == "rel":
            base = {
                "同年": year,
                "当年": year,
                "當年": year,
                "本年": anchor_year,
                "今年": anchor_year,
            }.get(m.group("rel"))
            if m.group("rel") in ("次年", "翌年", "第二年"):
                base = year + 1 if year else None
            elif m.group("rel") == "去年":
                base = anchor_year - 1 if anchor_year else None
            elif m.group("rel") == "明年":
                base = anchor_year + 1 if anchor_year else None
            value = iso(base, _int(m.group("month")), _int(m.group("day"))) if base else None
            source = (
                "the publication date"
                if m.group("rel") in ("本年", "今年", "去年", "明年")
                else "the year named before"
            )
            rule = f"CN_RELATIVE_DATE, year from {source}"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
            if base:
                # "今年3月……同年6月": 同年 is the year just named, whatever word named it.
                year = base
        elif kind == "enmonth":
            month = patterns.MONTHS[m.group("mname")]
            value = iso(anchor_year, month) if anchor_year else None
            if (
                value
                and anchor
                and len(anchor) >= 7
                and value > anchor[:7]
                and not patterns.PLANNED.search(text[slice(*clause_span(text, m.start()))])
            ):
                # "voted in March" in an article of January: a month past, of a year not given.
                value = None
            rule = "EN_BARE_MONTH, year from the publication date"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind in ("md", "month", "enmd"):
            # A month without a year is in the year last named, unless that year was a plan
            # for after the article was written ("预计2026年启动……4月，首例入组").
            # Before any year is named, the article's own date gives it.
            # An English month and day ("on March 8") takes only the article's own year: the
            # year last named in English prose is as often another event's.
            shared = patterns.SHARED_YEAR_AFTER.match(text, m.end()) if kind == "enmd" else None
            if shared:
                # "on Aug. 27 and Sept. 3, 2025": the year of the list, written once at its end
                base, source = int(shared.group("year")), "the date after it"
            elif kind != "enmd" and year and not (anchor_year and year > anchor_year):
                base, source = year, "the year named before"
            else:
                base, source = anchor_year, "the publication date"
            day = _int(m.group("day")) if kind in ("md", "enmd") else None
            if kind == "md" and day is not None and _CN_DAY_RANGE_AFTER.match(text, m.end()):
                day = None  # "3月18日至21日": a meeting's days, dated to their month
            if kind == "enmd":
                month = patterns.MONTHS[m.group("mname").rstrip(".")]
            else:
                month = _int(m.group("month"))
            ranged = patterns.EN_DAY_RANGE_AFTER.match(text, m.end()) if kind == "enmd" else None
            if ranged and day is not None and int(ranged.group("end")) > day:
                day = None  # "April 22-27": a meeting's days, dated to their month
                meeting = patterns.MEETING_YEAR_BEFORE.search(
                    text, max(0, m.start() - 120), m.start()
                )
                written = _YEAR_AFTER_RANGE.match(text, ranged.end())
                if written:
                    # "December 6-8, 2024": the range's own year
                    base, source = int(written.group("year")), "the year after the days"
                elif meeting:
                    base, source = int(meeting.group("year")), "the meeting named before it"
            value = iso(base, month, day) if base else None
            names = {"md": "CN_MONTH_DAY", "month": "CN_MONTH", "enmd": "EN_MONTH_DAY"}
            rule = f"{names[kind]}, year from {source}"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "en":
            shift = {"this": 0, "next": 1, "last": -1}[m.group("rel")]
            value = iso(anchor_year + shift) if anchor_year else None
            rule = "EN_RELATIVE_YEAR, year from the publication date"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "enctx":
            word = (
                m.group("which") or m.group("next") or m.group("ago") or m.group("side") or "same"
            )
            base = year + _CONTEXT_SHIFT.get(word, 0) if year else None
            value = iso(base) if base else None
            rule = "EN_CONTEXT_YEAR, from the year named before"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
            if base:
                year = base
        elif kind == "later" and found:
            continue  # "两年后，FDA在2017年5月批准了…": the date written out is the event's
        elif kind == "later":
            words = {
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
            }
            n = words.get(m.group("en") or "") or _int(m.group("n") or m.group("en"))
            value = iso(year + n) if year and n else None
            rule = "YEARS_LATER, counted from the year named before"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
            if value:
                year = year + n
        elif kind == "today":
            value = anchor if anchor and len(anchor) == 10 else None
            rule = "TODAY, the publication date"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "yesterday":
            value = day_before(anchor)
            rule = "YESTERDAY, the day before the publication date"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "recent":
            rule = "RECENT_DAY, a day not given"
            mentions.append(DateMention(m.start(), m.end(), None, relative=True, rule=rule))
        elif kind == "relmonth":
            value = relative_month(anchor, m.group("rel"), _int(m.group("day")))
            rule = "CN_RELATIVE_MONTH, month from the publication date"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "weekday":
            before = text[max(0, m.start() - 2) : m.start()]
            if before.endswith(("上", "上个")):
                # "上周三": the Wednesday of the week before the publication date's
                value = weekday_of_last_week(anchor, m.group("wd"))
                rule = "CN_WEEKDAY of last week, from the publication date"
            elif before.endswith(("下", "下个")) and (
                # (not "在监护下周三完成": 下 ends the word before it)
                not _HAN_BEFORE_NEXT.search(before) or patterns.PLANNED.search(text)
            ):
                value, rule = None, "CN_WEEKDAY of next week: a day to come"
            else:
                value = last_weekday(anchor, m.group("wd"))
                rule = "CN_WEEKDAY, the week of the publication date"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "enlastweekday":
            value = weekday_of_last_week(anchor, m.group("wd"))
            rule = "EN 'last' weekday, the week before the publication date's"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "lastweek":
            value = month_of_last_week(anchor)
            rule = "LAST_WEEK, the month of the week before the publication date's"
            if any(d.iso and d.iso[:4] != (anchor or "")[:4] for d in mentions if not d.relative):
                # ("Posted 2019-05-02: 'Last week my neurologist …'": the week before another day)
                value, rule = None, "LAST_WEEK after another year's date: not the page's week"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        elif kind == "enweekday":
            # "will present on Monday": a day to come, not counted back
            ahead = _AHEAD_BEFORE.search(text, max(0, m.start() - 60), m.start()) or (
                patterns.WEEKDAY_OTHER_TIME.search(text, m.end(), _sentence_end(text, m.end()))
            )
            value = None if ahead else last_weekday(anchor, m.group("wd"))
            rule = "EN_WEEKDAY, the week of the publication date"
            mentions.append(DateMention(*m.span("wd"), value, relative=True, rule=rule))
        elif kind == "day":
            value = lead_day(anchor, _int(m.group("day")))
            rule = "CN_BARE_DAY, month and year from the publication date"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
        else:
            value = iso(year) if year else None
            rule = "CN_BARE_YEAR_PART, year from the year named before"
            mentions.append(DateMention(m.start(), m.end(), value, relative=True, rule=rule))
    mentions.sort(key=lambda d: d.start)
    if len(mentions) > 1 and "电" in text:
        # "中通社1月30日电 马斯克当地时间29日发文": a wire's dateline dates the copy, the later
        # date the news
        dated = [d for d in mentions if not _WIRE_DATELINE_AFTER.match(text, d.end)]
        if dated and any(d.iso for d in dated):
            mentions = dated
    return mentions, year


# "监护下周三": a Han character before 下 may make 下 a word's end, not "next".
_HAN_BEFORE_NEXT = re.compile(r"[\u4e00-\u9fff]下$")
# A Chinese wire copy's dateline ends its date: "新华社北京1月30日电", "中新网3月5日电(记者…)".
_WIRE_DATELINE_AFTER = re.compile(r"\s*电")
# The year written after a range of days: "December 6-8, 2024".
_YEAR_AFTER_RANGE = re.compile(rf"\s*,?\s*(?P<year>{patterns.YEAR})\b")
# How a wire dateline's second half opens when a page wrapped it onto a line of its own.
_WIRE_TAIL = ("/", "--")


def _sentence_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(mark, at) for mark in ".;。；") if i >= 0]
    return min(ends, default=len(text))


def clause_span(text: str, at: int) -> tuple[int, int]:
    """The clause holding ``at``: between the nearest clause marks around it."""
    start = max(text.rfind(mark, 0, at) for mark in ",;.，；。") + 1
    ends = [i for i in (text.find(mark, at) for mark in ",;.，；。") if i >= 0]
    return start, min(ends, default=len(text))


def lead_day(anchor: str | None, day: int | None) -> str | None:
    """A news day with no month ("15日"): that day of the publication month, or of the month before when the
    day is still to come ("28日" in an article of 3 March is 28 February); an article dated by
    its month only ("date 2025-01") gives that month."""
    if anchor is None or len(anchor) < 7 or day is None:
        return None
    year, month = int(anchor[:4]), int(anchor[5:7])
    if len(anchor) >= 10 and day > int(anchor[8:10]):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return iso(year, month, day)


def relative_month(anchor: str | None, rel: str, day: int | None) -> str | None:
    """ "本月28日", "上个月": the month counted from the publication date (which needs its month)."""
    if anchor is None or len(anchor) < 7:
        return None
    shift = -1 if rel.startswith("上") else 1 if rel.startswith("下") else 0
    year, month = int(anchor[:4]), int(anchor[5:7]) + shift
    if month == 0:
        year, month = year - 1, 12
    elif month == 13:
        year, month = year + 1, 1
    return iso(year, month, day)


_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6} | {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}


def day_before(anchor: str | None) -> str | None:
    """ "yesterday", "昨天" in news of 30 December 2021: 29 December (the day needs its day)."""
    published = _publication_day(anchor)
    return None if published is None else (published - timedelta(days=1)).isoformat()


def _publication_day(anchor: str | None) -> date | None:
    """The publication date as a day, when it gives one."""
    if anchor is None or len(anchor) < 10:
        return None
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def last_weekday(anchor: str | None, name: str) -> str | None:
    """ "周一" (or "monday") in news of Wednesday 31 January 2024: Monday 29 January, the day on
    or before the publication date (which needs its day)."""
    published = _publication_day(anchor)
    if published is None:
        return None
    back = (published.weekday() - _WEEKDAYS[name]) % 7
    return (published - timedelta(days=back)).isoformat()


def weekday_of_last_week(anchor: str | None, name: str) -> str | None:
    """ "last Wednesday" (上周三) in news of Tuesday 3 October 2023: Wednesday 27 September, in
    the week (Monday to Sunday) before the publication date's."""
    monday = _monday_of_last_week(anchor)
    return None if monday is None else (monday + timedelta(days=_WEEKDAYS[name])).isoformat()


def month_of_last_week(anchor: str | None) -> str | None:
    """ "last week" in news of Monday 26 September 2005: September 2005, the month of the week
    (Monday to Sunday) before the publication date's; none when that week spans two months."""
    monday = _monday_of_last_week(anchor)
    if monday is None:
        return None
    sunday = monday + timedelta(days=6)
    return monday.isoformat()[:7] if monday.month == sunday.month else None


def _monday_of_last_week(anchor: str | None) -> date | None:
    """The Monday of the week (Monday to Sunday) before the publication date's (which needs its
    day)."""
    published = _publication_day(anchor)
    return None if published is None else published - timedelta(days=published.weekday() + 7)


PUBLISHED = re.compile(
    r"(?:^\s*date\b|发布|發布|发表|發表|更新|published|last updated|updated|posted|日期|时间|時間)\s*(?:于|於|时间|日期|on)?\s*[:：]?\s*"
)


def publication_date(text: str) -> str | None:
    """The article's own date: a press release's dateline, a line that says so ("发布时间：2025-01-02"),
    else a byline.

    A byline is a short line among the first few that holds a full date
    ("原创 小脑袋 神经科普汇 2024-12-02 21:05 上海", "> 医药前沿观察 | 2025-09-05 | 记者").
    ``text`` is simplified; only the lines looked at are folded.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    # A wire release's dateline ("SALT LAKE CITY, May 26, 2020 /PRNewswire/ --") first; other
    # datelines only after a line that says the page's date and a byline: a timeline's entry or
    # a photo caption can look like one.
    # (a dateline hard-wrapped before its wire: "CAMBRIDGE, Mass., Dec. 4, 2024" / "/PRNewswire/ --")
    heads = [
        f"{line} {after}" if after.lstrip().startswith(_WIRE_TAIL) else line
        for line, after in zip(lines[:12], [*lines[1:13], ""], strict=False)
    ]
    datelines = [(m, line) for line in heads if (m := patterns.DATELINE.search(line))]
    for m, _ in datelines:
        if m.group("date2") and (day := _full_day(patterns.dateline_text(m))):
            return day
    for line in map(fold, [*lines[:8], *lines[-8:]]):
        m = PUBLISHED.search(line)
        if not m:
            continue
        dates, _ = find_dates(line[m.end() :])
        if dates and dates[0].iso and dates[0].start < 3:
            return dates[0].iso
    for line in map(fold, lines[:4]):
        if len(line) > 80:
            continue
        dates, _ = find_dates(line)
        full = [d.iso for d in dates if d.iso and len(d.iso) == 10 and not d.relative]
        if len(full) == 1:
            return full[0]
    above = ""
    for line in map(fold, lines[:HEAD_LINES]):
        if len(line) > 80 and _PROSE.search(line):
            break  # the prose begins (a long title does not): a date below it is no byline
        dates, _ = find_dates(line)
        full = [d for d in dates if d.iso and len(d.iso) == 10 and not d.relative]
        if (
            len(full) == 1
            and _DATE_ALONE.fullmatch(line[: full[0].start] + line[full[0].end :])
            and not _AN_EVENTS_LABEL.search(above)
        ):
            # "JULY 11, 2017" alone on its line below a site's menu and the title (not an
            # event's day under "Upcoming:", "Next meeting")
            return full[0].iso
        above = line
    for m, _ in datelines:
        if day := _full_day(patterns.dateline_text(m)):
            return day
    return None


# The lines a page's own date stands among, below a site's menu, above its prose; what a date
# alone on its line may carry besides ("Tuesday, July 11, 2017"), and the labels over an event's
# day rather than the page's.
HEAD_LINES = 15
_PROSE = re.compile(r"[.。!?！？]\s*$|[.。]\s")
_DATE_ALONE = re.compile(
    r"[\s,.|/·•:-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[\s,.|/·•:-]*"
)
_AN_EVENTS_LABEL = re.compile(
    r"[:：]\s*$|\b(?:upcoming|next|meeting|webinar|event|conference|symposium|register)\b|会议|活动|直播|讲座|报名"
)


def _full_day(written: str) -> str | None:
    dates, _ = find_dates(fold(written))
    return dates[0].iso if dates and dates[0].iso and len(dates[0].iso) == 10 else None
