"""Every regex of the pipeline, as named compiled constants (trafilatura's ``xpaths.py``).

Patterns that run on article text match the *folded* simplified view
(full-width → ASCII, lower case) unless their comment says otherwise.
"""

from __future__ import annotations

import re

# --- structure (run on the original text) -----------------------------------

# A line is finished when it ends with sentence-final or clause-final punctuation,
# possibly followed by closing quotes/brackets and citation markers.
LINE_TERMINATED = re.compile(
    r"[。！？!?；;：:…]['\"”’」』)）\]】]*(?:\s*\[[\d,，、\s–—\-]+\])*$"
    r"|\.['\"”’)）]*(?:\s*\[[\d,，、\s–—\-]+\])*$"
    # a note in lenticular brackets closing the line ("…File Photo【作者:路透,日期:2024-12-05】")
    r"|【[^【】\n]*[:：][^【】\n]*】$"
    # a record's row closing its last cell ("注册号: | NCT01234567 |")
    r"|[:：]\s*\|.*\s\|$"
)

# "一、", "1.", "1.2 ", "(1)", "第一项：" at the start of a line.
# Numbered headings: "一、…", "1.2 …", "三、前沿战线".
SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+(?:\.\d+)+\s|\d+\.\s?\S)")

# Items run together on one line ("核心观点 - 托夫生…获批[1] - NurOwn…[2][3] - …"): a spaced bullet
# after a citation marker or a Chinese character ("approved - and" goes on) ...
RUN_ON_BULLET = re.compile(r"(?:(?<=\])|(?<=[\u3000-\u9fff\uff00-\uffef]))\s+[-–•·▪●]\s+(?=\S)")
# ... and, on a line with no sentence end, a citation marker followed by a space and the start of
# the next item ("…获批[1] NurOwn…[2]"); with sentence ends, "Miller 等 [13] 进行的…" goes on.
# A full stop glued to the next sentence's first word: blocks of a page copied without the
# break between them ("…patients with ALS.Amyotrophic lateral sclerosis (ALS) is…").
GLUED_BREAK = re.compile(r"(?<=[a-zA-Z]{2}[.!?])(?=[A-Z][a-z]{2,}\b)")
# Another name right after what was just named: "[also known as ursodoxicoltaurine]", "（又称MCI-186）".
ALSO_KNOWN_AS_CUES = ("known as", "aka", "a.k.a", "又称", "又名", "亦称", "别名")
ALSO_KNOWN_AS = re.compile(
    r"\s*[\[(（【,，]?\s*(?:also known as|a\.?k\.?a\.?|又称|又名|亦称|别名)[\s:：]*"
)
# A list's items glued where the page's markup kept them apart: a capitalised verb in the past
# tense straight after a word, a number or a bracket opens the next highlight ("…an NDA in
# 2024Released long-term data…", "…(p=0.0167)Demonstrated a…").
GLUED_ITEM = re.compile(r"(?=[A-Z][a-z]{2,}ed\s+[a-z])(?<=[a-z\d)%])")
RUN_ON_MARKER = re.compile(r"(?<=\d\])[ \t\u3000]+(?=[\u4e00-\u9fffA-Z0-9])")
SENTENCE_ENDS = re.compile(r"[。！？]|[.!?](?=\s)")
SENTENCE_ENDS_CN = re.compile(r"[。！？]")

TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")

# Sentence ends: CJK terminators anywhere; '.', '!' and '?' checked by the caller.
# A superscript marker flattened right after a sentence's full stop, before the next sentence's
# capital: "…neurodegenerative syndromes.1,2 Classical ALS…", "…by the FDA. 4 Riluzole…".
_AFTER_FULL_STOP = r"(?:(?<=[A-Za-z]{2}\.)|(?<=\)\.))"
_FLAT_MARKER = r"[ \t]?(?P<body>\d{1,3}(?:,\d{1,3})*)(?=[ \t]+[A-Z][a-z])"
SENTENCE_END = re.compile(
    # The full stop and the marker after it end the sentence.
    rf"\.{_AFTER_FULL_STOP}{_FLAT_MARKER}|"
    r"(?:[。！？]|(?P<dot>[.!?](?![\d.])))['\"”’」』)）]*(?:\s*\[\d+(?:\s*[,，、–—\-]\s*\d+)*\])*"
)
ABBREVIATIONS = frozenset(
    [
        "al",
        "e",
        "g",
        "i",
        "vs",
        "fig",
        "figs",
        "no",
        "nos",
        "dr",
        "prof",
        "mr",
        "ms",
        "mrs",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "etc",
        "approx",
        "ref",
        "refs",
        "vol",
        "pp",
        "ed",
        "eds",
        "st",
    ]
)

# --- references ------------------------------------------------------------

REFERENCE_HEADING = re.compile(
    r"^\s*(?:#+\s*)?[【\[]?(?:参考资料|參考資料|参考文献|參考文獻|参考来源|參考來源|信息来源|信息來源|资料来源|資料來源|"
    r"文献来源|文獻來源|来源|來源|引用|references?|sources?|bibliography|works cited)[】\]]?\s*[:：]?\s*$",
    re.IGNORECASE,
)
# The disclaimer or QR-code blurb that ends many Chinese posts after the references.
DISCLAIMER = re.compile(
    r"^\s*(?:免责|免責|声明|聲明|扫码|掃碼|版权|版權|本文仅|本文僅|disclaimer)", re.IGNORECASE
)

# "[1]", "1.", "1)", "[1] " at the start of a reference-list line.
REFERENCE_ENTRY_START = re.compile(r"^\s*(?:\[(?P<n1>\d{1,4})\]|(?P<n2>\d{1,4})[.)、．]\s)")

URL = re.compile(r"https?://[^\s<>\"'()\[\]（）【】，。；]+[^\s<>\"'()\[\]（）【】，。；.,;:!?]")
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;)\]])", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\[(?P<label>(?:[^\[\]]|\\\[|\\\])*)\]\((?P<target>[^)\s]*)\)")
# An inline source: "（来源：…）", "(来源: https://…)", "（详见…，[链接：点击查看](#)）".
INLINE_SOURCE = re.compile(
    r"[(（]\s*(?P<body>\[?(?:来源|來源|详见|詳見|参见|參見|链接|鏈接|出处|出處)\s*[:：]?\s*.*?)\s*[)）]"
    r"(?=[。.，,；;]?\s*$|[。.，,；;]|$)"
)
# The words that open an inline source, stripped before its title is read.
SOURCE_PREFIX = re.compile(r"^(?:来源|來源|参见|參見|出处|出處)\s*[:：]?\s*")
GENERIC_LINK_LABEL = re.compile(
    r"^(?:链接|鏈接|详见|詳見)?\s*[:：]?\s*(?:详见链接|詳見鏈接|链接|鏈接)?\s*[:：]?\s*(?:点击查看|點擊查看|点击|點擊|查看|原文|link|here|阅读原文|閱讀原文)?$",
    re.IGNORECASE,
)
BOOK_TITLE = re.compile(r"《(?P<title>[^《》]+)》")

# Tracking parameters dropped from normalised URLs.
TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|spm|from|source|upstream_biz|scm|share_\w+|fbclid|gclid|yclid|msclkid|mc_[ce]id|"
    r"guce_\w+|guccounter|_hs\w+|igshid|si|wt\.mc_id|ref_src|chksm|mpshare|scene|srcid|sharer_\w+|"
    r"clicktime|enterid|vd_source|xtrack)$",
    re.IGNORECASE,
)

# --- citation markers (run on the original text) ----------------------------

# "[1]", "[1,2]", "[121–123]", "[111,139]"; "[4][5]" is two markers. Not "[®]".
CITATION_MARKER = re.compile(r"\[\s*(?P<body>\d{1,3}(?:\s*[,，、–—\-~～]\s*\d{1,3})*)\s*\]")
# Superscript markers flattened by a copy from the web: small numbers ending a line after a word
# ("…slow disease progression. 1, 2, 3", "FDA-approved for ALS treatment 1"). Trusted only in a
# text with no bracketed markers where several lines end so; never after a unit or a counter word.
TRAILING_MARKER = re.compile(
    r"(?:(?<=[A-Za-z)]\.)|(?<=[A-Za-z).:;])[ \t]+)(?P<body>\d{1,3}(?:\s*,\s*\d{1,3})*)[ \t]*$",
    re.MULTILINE,
)
# ... and inside a line, right after a sentence's full stop, before the next sentence's capital:
# "…the double-blind phase. 1,2 Ionis and Otsuka will review…", "…(FUS-ALS).1 This milestone…".
INLINE_FLAT_MARKER = re.compile(_AFTER_FULL_STOP + _FLAT_MARKER)
# ... and glued to the last word of a sentence: "…longer overall survival4.", "…a phase II
# clinical trial6. In another…" (a lowercase word: "SOD1." and "ALS3." may be names).
WORD_GLUED_MARKER = re.compile(r"(?P<body>\d{1,3})(?=\.(?:\s|$))")  # its word: references.py
TRAILING_MARKER_MIN_LINES = 3
NOT_A_MARKER_BEFORE = re.compile(
    r"\b(phase|stage|type|grade|class|level|step|week|day|month|year|version|part|cohort|arm|group|"
    r"figure|fig|table|page|chapter|section|n|no|and|or|to|of|in|by|at)[ \t]*$",
    re.IGNORECASE,
)
# Author-year right after a marker: "等 [9](1994)".
MARKER_YEAR = re.compile(r"\s*[(（](?P<year>1[89]\d\d|20\d\d)[)）]")

# A pinyin gloss after a character, as some pages print them: "治療(liáo)", "大學(xué)"; lower case
# with at least one tone mark, so "渐冻症(ALS)" and "(als)" are no gloss.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
TONED = re.compile(f"[{_TONED}]")  # the cheap test before PINYIN_GLOSS
PINYIN_GLOSS = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（][a-zü{_TONED}]{{0,6}}[{_TONED}][a-zü{_TONED}]{{0,6}}[)）]"
)

# --- claims (run on the folded simplified sentence view) ---------------------

_CN_DIGITS = "〇零一二三四五六七八九"
YEAR = r"(?:19|20)\d{2}"
# A year of the 1900s or 2000s standing alone ("2024", not "120245").
STANDALONE_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
# Chinese numerals as written in dates and counts: "十二", "二十五", "一百二十", "两".
CN_NUMERAL = "〇零一二两三四五六七八九十百千万"
_CN_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_CN_DAY = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
# "2025年6月10日", "2025 年 6 月", "2025年", "2025年内", "2017 年年底"; Chinese numerals too
# ("二〇二五年十二月五日"); Taiwan's ROC years: "民國103年", and "103年4月30日" with its month.
CN_DATE = re.compile(
    rf"(?:(?P<year>{YEAR}|[{_CN_DIGITS}]{{4}})|民国\s*(?P<roc>\d{{2,3}}|[{CN_NUMERAL}]{{2,5}})"
    rf"|(?<![\d.])(?P<roc_bare>[6-9]\d|1[0-4]\d)(?=\s*年\s*(?:\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月))"
    r"\s*年(?![龄级代度])"
    rf"(?:\s*(?P<month>{_CN_MONTH})\s*月(?:\s*(?P<day>{_CN_DAY})\s*[日号])?"
    r"|\s*(?P<part>年?(?:内|底|末|初|中|上半年|下半年)))?"
)
# Korean dates: "2021년 8월 2일", "2021년 8월", "2021년".
KO_DATE = re.compile(
    rf"(?<!\d)(?P<year>{YEAR})\s*년(?:\s*(?P<month>\d{{1,2}})\s*월(?:\s*(?P<day>\d{{1,2}})\s*일)?)?"
)
# "同年9月", "次年3月5日", "同年", "次年", "今年6月", "去年", "明年".
CN_RELATIVE_DATE = re.compile(
    r"(?P<rel>同年|当年|當年|次年|翌年|第二年|今年|去年|明年|本年)"
    rf"(?:\s*(?P<month>{_CN_MONTH})\s*月(?:\s*(?P<day>{_CN_DAY})\s*[日号])?|(?P<part>内|底|末|初))?"
)
# "the same year", "the following year", "a year later", "the previous year": the year named
# before, or the one after or before it (English for 同年, 次年, 前一年). Not "over the next
# year", a time to come.
EN_CONTEXT_YEAR = re.compile(
    r"\b(?:the|that)\s+(?P<which>same|following|subsequent|previous|preceding|prior)\s+year\b"
    r"|(?<!over )(?<!within )(?<!during )(?<!for )(?<!in )\bthe\s+(?P<next>next)\s+year\b"
    r"|\b(?P<that>that)\s+year\b|\ba\s+year\s+(?P<ago>later|earlier)\b"
    r"|\bthe\s+year\s+(?P<side>after|before)\b(?!\s+(?:the\s+|its\s+|their\s+)?[a-z])"
)
# "8年后在期刊上发表", "Eight years later, …": years counted on from the year named before, at the
# head of a clause only, after a linking word or two ("而就在一年后"); not "治疗3年后的生存率", a
# time since treatment.
YEARS_LATER = re.compile(
    rf"(?:^|(?<=[，,。；;:：]))\s*(?:而|但|就|又|仅|才|到了?|直到|在){{0,3}}\s*"
    rf"(?P<n>\d{{1,2}}|[{CN_NUMERAL}]{{1,3}})\s*年(?:之)?[后後](?!的)"
    r"|(?:^|(?<=[,;:]))\s*(?P<en>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) years later\b"
)
# "3月5日", "十二月五日" with the year left to context; not "12个月".
CN_MONTH_DAY = re.compile(
    rf"(?<![\d年个{CN_NUMERAL}])(?P<month>{_CN_MONTH})\s*月\s*(?P<day>{_CN_DAY})\s*[日号]"
)
# "8月", "4月初", "6月份" with the year left to context; not "12个月", "第8月", "3月龄".
CN_MONTH = re.compile(
    r"(?<![\d年个第.])(?P<month>1[0-2]|0?[1-9])\s*月(?P<part>初|中旬|中|底|末|份)?(?![龄\d])"
)
# A news day with no month: a lead's "15日，在湘雅医院……", "在29日通过", "週四(29日)": the day of
# the month the article was written in. Not "15日内", "3日后".
# A date set as a target ("PDUFA日期定为2023年1月15日", "延期至2023年4月25日") is not the time the
# narrative is at: a later "同年" is still the year of the event before it.
TARGET_DATE_BEFORE = re.compile(
    r"(定为|定于|延期至|推迟至|延期到|推迟到|延至|改为|\b(set|moved|extended|delayed|postponed) (for|to|until))\s*$"
)
# An announcement: dated by a date heading above it when it gives no date of its own.
# "announced the initial results", "has announced a negative opinion": not what was reported
# before ("previously reported") or not yet, nor an opinion piece published.
ANNOUNCED = re.compile(
    r"(?<!previously )(?<!earlier )(?<!\bnot )(?<!\byet )(?<!never )"
    r"\b(released|announced|reported|presented|published)\s+(?:(?:the|its|their)\s+)?"
    r"(?:(?:initial|top-?line|interim|final|positive|negative|full|new|preliminary|primary|key)\s+){0,2}"
    r"(results|data|findings)\b"
    r"|(?<!previously )\b(?:announced|adopted|issued)\s+(?:a|an|its|their)\s+(?:positive|negative)\s+"
    r"(?:opinion|recommendation)\b|宣布|公布|发布"
)
# "today provided an update", "今天宣布": the day of the article's own date (a release's dateline).
TODAY = re.compile(r"\btoday\b|今天|今日(?!头条)")
# "yesterday revealed", "昨天宣布": the day before the article's own date.
YESTERDAY = re.compile(
    # (not "it feels like only yesterday", "仿佛就在昨天", "恍如昨日")
    r"(?<!\bonly )(?<!\bjust )(?<!\blike )\byesterday\b(?!'s\b)"
    r"|(?<!仿佛)(?<!仿佛就在)(?<!好像)(?<!好像就在)(?<!犹如)(?<!恍如)(?<!如同)(?<!宛如)(?:昨天|昨日)"
)
# "本月28日", "上个月": a month counted from the article's own date.
CN_RELATIVE_MONTH = re.compile(
    rf"(?P<rel>本月|这个月|上个?月|下个?月)(?:\s*(?P<day>{_CN_DAY})\s*[日号])?"
)
# "周一", "星期三": a weekday of the week the article was written in (news usage); not a
# frequency ("每周一次", "两周一次").
CN_WEEKDAY = re.compile(
    r"(?<![每两三四一二\d几隔])(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])(?![次期周])"
)
# The day a wire copy says its news was told: "Amylyx said Thursday that …", "announced Monday".
_TOLD = r"\b(?:said|announced|reported|disclosed|confirmed)\s+(?:on\s+)?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
REPORTED_WEEKDAY = re.compile(rf"{_TOLD}(?P<wd>{_WEEKDAY})\b")
# A weekday between a news subject and its past-tense verb: "The FDA Tuesday approved …",
# "the agency on Monday accepted …" (not "votes Thursday", a schedule, "each Sunday", "last
# Friday", "The Mail on Sunday reported": the subject is an agency, a company or "it").
_WEEKDAY_BEFORE_DEED = (
    r"\b(?:fda|agency|administration|ministry|regulators?|company|firm|drugmaker|commission|"
    r"committee|panel|ema|chmp|nmpa|pmda|government|officials|it|they)"
    rf"\s+(?:on\s+)?(?={_WEEKDAY}\s+(?:approved|announced|said|granted|accepted|cleared|"
    r"rejected|declined|voted|released|reported|issued|filed|submitted|launched|halted|"
    r"stopped|began|started|dosed|presented|published|unveiled)\b)"
)
# "said Tuesday", "On Monday, …": in English news the same, the day of the article's week the
# news was told (not a schedule "on Monday, Wednesday and Friday", "Giving Tuesday", "votes
# Thursday", "until Friday": only after a verb of telling, opening a sentence, or between a
# subject and what it did).
# A registry record's results tables, headed on a line of their own.
# (Only results have them: not "Primary Outcome Measures" of a protocol, nor "Outcome Measures" on
# an information page.)
RESULTS_SECTION = re.compile(
    r"(?:participant flow|baseline characteristics|participant milestones)"
)
# "last Wednesday": the week before the publication date's.
# "Last week, X announced…", "上周": the week before the publication date's.
# (not "上上周", two weeks back, nor "上周期", the previous cycle)
LAST_WEEK = re.compile(
    r"(?<!the )\blast week\b(?!'s|\s+of\b)|(?<!上)上(?:个)?(?:周|星期|礼拜)(?![一二三四五六日天末期])"
)
EN_LAST_WEEKDAY = re.compile(rf"(?<!the )\blast\s+(?P<wd>{_WEEKDAY})\b(?!\s+of\b)")
EN_WEEKDAY = re.compile(
    rf"(?:{_TOLD}|(?:^|[.!?]\s+)on\s+|{_WEEKDAY_BEFORE_DEED})(?P<wd>{_WEEKDAY})\b"
    r"(?!,?\s+(?:the\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    rf"(?!\s*(?:,|and|or|to|through)\s*{_WEEKDAY})"
)
# After a weekday of telling, what makes the news another time's: "said Monday it expects to
# begin … next year", "will present", "dosed … last month", "approved … a week ago".
WEEKDAY_OTHER_TIME = re.compile(
    r"\b(?:will|would|expects?|plans?|intends?|aims?|to begin|next|last|earlier|ago|previously|"
    r"yesterday|late on|early on|this week|this month|had)\b"
)
# A deadline before a date: "a decision expected by Jan. 25", "due by March 3" (not "earlier than
# expected on", "as expected in", "dosed as scheduled on").
DEADLINE_BEFORE = re.compile(r"(?<!than )(?<!as )\b(?:expected|due)\s+(?:by|before)\s*$")
# Taiwan news writes the day inside the word for it: "昨(10)日", "近(10)日", "今（18）日", or
# after who spoke at the lead's head: "马斯克 13日在…说".
CN_BARE_DAY = re.compile(
    r"(?:^\s*|(?<=[在于])\s*|(?:周|星期)[一二三四五六日天]\s*[(（]\s*"
    r"|(?<=[昨今前近本])[(（]\s*(?=\d{1,2}\s*[)）]\s*日)"
    # a day by a zone's clock: "马斯克当地时间29日在社交平台上发文", "北京时间3日"
    r"|(?<=当地时间)\s*|(?<=北京时间)\s*|(?<=美东时间)\s*|(?<=美国时间)\s*"
    # who spoke, then the day: "马斯克 13日在拉斯维加斯接受访问时说", "卫福部13日表示"
    r"|^\s*(?:(?![连续持服药住院治疗每共约第患受试病])[\u4e00-\u9fff·]){2,10}?\s*"
    r"(?=(?:3[01]|[12]\d|0?[1-9])\s*日(?:在|表示|说|宣布|指出|出席|接受|召开|举行|发布|公布|透露|证实)))"
    r"(?P<day>3[01]|[12]\d|0?[1-9])\s*[)）]?\s*日(?![后内以起至])"
)
# "年内", "年底" standing alone, resolved to the context year.
CN_BARE_YEAR_PART = re.compile(
    r"(?<![\d年同次翌今去明本当一二两三四五六七八九十几半多数])(?P<part>年内|年底|年末)"
)

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
# Every month's names, longest first ("march" before "mar"), for a pattern's alternation.
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_NAME = rf"(?P<mname>{MONTH_WORDS})\.?"
# "april 10, 2025", "10 april 2025", "april 2025" (folded, so lower case); a registry's or a
# form's "18-apr-2019", "mar-2020".
EN_DATE = re.compile(
    # ("(April 25. 2023) –": a full stop for the comma, in a dateline's bracket)
    rf"\b(?:{_MONTH_NAME}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,|\.(?=\s*{YEAR}\s*\)))?\s+(?P<year>{YEAR})"
    rf"|(?P<day2>\d{{1,2}})(?:\s+|-)(?P<mname2>{MONTH_WORDS})\.?(?:,?\s+|-)(?P<year2>{YEAR})"
    rf"|(?P<mname3>{MONTH_WORDS})\.?(?:\s+|-)(?P<year3>{YEAR})"
    # "in May of 2017"
    rf"|(?P<mname5>{MONTH_WORDS})\s+of\s+(?P<year5>{YEAR})"
    # a citation's "2013 Mar 29;12(5):435", "Epub 2013 Mar 29."
    rf"|(?P<year6>{YEAR})\s+(?P<mname6>{MONTH_WORDS})"
    r"\.?(?:\s+(?P<day6>\d{1,2}))?(?=\s*[;.:)])"
    # "In December, 1995, …": a full month name, a comma, its year, then a pause (not "by
    # September, 2024 volunteers", nor a range's end: "between January and December, 2019,")
    rf"|(?<!and )(?<!to )(?<![-–])(?P<mname4>{'|'.join(n for n in sorted(MONTHS, key=len, reverse=True) if len(n) > 4)}),\s+(?P<year4>{YEAR})(?=\s*[,.;:)]|\s*$)"
    # (a footnote's figure glued to the year, from a superscript: "in October 20181 and")
    r")(?:\b|(?<=\d)(?=[1-9]\s))"
)
# A month and day alone on a line, its year alone on the next ("Apr 12" / "2018"): a registry
# page's field value printed over two lines, one date.
MONTH_DAY_LINE = re.compile(
    rf"^(?:(?:{MONTH_WORDS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTH_WORDS})\.?),?$",
    re.IGNORECASE,
)
YEAR_LINE = re.compile(rf"^\s*{YEAR}\s*$")
# "May 31", "on Sept. 7": a month and day with no year, in the year last named or the article's.
EN_MONTH_DAY = re.compile(
    rf"\b{_MONTH_NAME}\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![,.]?\s*\d|\s*%|:\d)"
    # not "may" the verb before a count: "patients may 2 times", "may 10 mg"
    r"(?!\s*(?:mg|g|ml|times|doses?|patients|participants|people|percent|years|months|weeks|days)\b)"
)
# A second month and day with the year both share, after a first: "Aug. 27 and Sept. 3, 2025".
SHARED_YEAR_AFTER = re.compile(
    rf"\s*,?\s*(?:and|or|&)\s+(?:{_MONTH_NAME}\s+)?\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR})\b"
)
# "April 22-27", "Dec. 6-8": the days of a meeting, dated to their month.
EN_DAY_RANGE_AFTER = re.compile(
    r"\s*[-–]\s*(?P<end>3[01]|[12]\d|0?[1-9])\b(?![.,]?\d)"
    r"(?!\s*(?:months?|weeks?|days?|years?|hours?|mg|%|patients|participants|people)\b)"
)
# "At the 2023 American Academy of Neurology (AAN) Annual Meeting, April 22-27": the meeting's
# year dates the days written after its name.
MEETING_YEAR_BEFORE = re.compile(
    rf"\bthe\s+(?P<year>{YEAR})\s+(?:(?!and\b|or\b|in\b|at\b)[\w&/.-]+\s+|\(\w+\)\s+){{0,10}}?"
    r"(?:meeting|congress|symposium|conference|summit|forum)\s*,?\s*(?:held\s+|on\s+)?$"
)
# "in January", "during the month of September", "early January of this year": a month
# named without its year after a preposition, in the year of the article's own date (full
# names only: "may" is a verb, "mar" a word).
EN_BARE_MONTH = re.compile(
    r"\b(?:in|early|mid|late|by|since|during|until|from|through)\s+(?:the\s+month\s+of\s+)?"
    r"(?:early\s+|mid-?\s*|late\s+)?(?P<mname>january|february|march|april|june|july|august|"
    r"september|october|november|december|may(?=\s*[,;)]))\b(?![\s,.]*\d)(?:\s+of\s+this\s+year)?"
    # ... then a pause or a word that cannot go on a name ("presented by June Kim" is a person)
    r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:the|a|an|of|this|last|next|and|or|to|when|after|before|that|with|for|"
    r"in|at|on|by|as|it|its|their|we|he|she|they|is|was|were|will|would|has|have|had|while|but|"
    r"so|from|through|until|there|results?|data|\d)\b)"
)
# "2025-04-10", "2025-04", "2025/4/10"; not inside a code ("Protocol NS2008-1").
ISO_DATE = re.compile(
    rf"(?<![\da-zA-Z/.-])(?P<year>{YEAR})[-/.](?P<month>\d{{1,2}})(?:[-/.](?P<day>\d{{1,2}}))?(?![\d/.-])"
)
# A bare English year after a preposition: "in 2025", "by 2026", "since 2019".
EN_YEAR = re.compile(
    rf"\b(?:in|by|since|from|during|until|till|early|late|mid|end of|through)[\s-]+(?P<year>{YEAR})\b(?!\s*(?:patients|participants|subjects|mg|people))"
)
# "the third quarter of 2025", "Q3 2025", "the first half of 2026", "the summer of 2020", "spring
# 2021": a part of a stated year.
EN_PERIOD_YEAR = re.compile(
    rf"\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)\s+of|q[1-4]|h[12]"
    r"|(?:in|during|by|until|since|through)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
    r"(?:spring|summer|fall|autumn|winter)(?:\s+of)?(?=[\s-]+(?:19|20)\d\d(?!\s+(?:newsletter|issue|edition|report|update|bulletin|magazine|meeting|conference))))"
    rf"[\s-]+(?P<year>{YEAR})\b"
)
# A half or a quarter written short, after a preposition: "in 2H13", "by 1H 2024", "in CYQ4 2021",
# "in Q3'25" (the year of the period).
EN_SHORT_PERIOD = re.compile(
    r"\b(?:in|by|during|until|through)\s+(?P<d>(?:cy)?(?:[12]h|h[12]|q[1-4])"
    # (two digits glued or after an apostrophe, four after a space: not "Q3 14 patients", "1h 30min")
    r"(?:['’]?(?P<y>\d\d)|\s*(?P<y4>(?:19|20)\d\d)))(?!\d|[:.]\d)"
)
# Two dates that bound one period: "between Feb 27, 2020, and July 24, 2023", "from 2019 to 2021",
# "2020年2月至2023年7月". Read on the text between the dates (PERIOD_JOIN) and just before the first
# (PERIOD_OPEN): "and" joins a period only after "between"; "in 2022 and 2023" is two events.
PERIOD_JOIN = re.compile(r"^\s*[,，]?\s*(?:(?P<and>and)|to|through|until|till|[-–—~～至到])\s*$")
PERIOD_OPEN = re.compile(r"(?:\bbetween|\bfrom|从|自|于)\s*$")
# "later this year", "next year", "the third quarter of this year": the year from the article's date.
EN_RELATIVE_YEAR = re.compile(
    r"\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)\s+of\s+|(?:later|earlier)\s+)?"
    r"(?P<rel>this|next|last)\s+year\b"
)
# The names of a therapy's events, as nouns.
_EVENT_NOUNS = r"approval|launch|discontinuation|withdrawal|submission|filing|designation"
# "a 2020 publication", "the 2019 study": the year a study or its report came out; "the 2024
# discontinuation of X", "its 2017 approval": the year of the event it names.
EN_YEAR_ADJECTIVE = re.compile(
    rf"(?<!since )(?<!after )(?<!before )\b(?:a|an|the|its|their)\s+(?P<year>{YEAR})\s+(?:study|publication|analysis|trial|"
    rf"review|report|paper|meta-analysis|post[\s-]hoc analysis|{_EVENT_NOUNS})\b"
    # "2019's FORTITUDE-ALS trial": the year's own trial, named
    rf"|\b(?P<year2>{YEAR})['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:study|trial|approval|launch|results?)\b"
)
# A summary line's event and bare year, its place between: "regulatory approved in Japan 2024",
# "FDA approval 2017", "launched in China 2025" (not a "target launch 2027": a plan).
EN_EVENT_YEAR = re.compile(
    r"(?<!\bthe )(?<!\ban )(?<!\ba )(?<!'s )(?<!’s )(?<!target )(?<!expected )(?<!planned )"
    r"(?<!anticipated )\b(?:approved|approval|launched|cleared|authori[sz]ed)"
    r"(?:\s+(?:in|by)\s+(?:the\s+)?[a-z.]+(?:\s+[a-z.]+)?)?\s+"
    # (the year ends the phrase: not "approved 2024 funding", "launched 2023 grants")
    rf"(?P<year>{YEAR})\b(?=\s*(?:[.,;:)\]）]|and\b|$))"
)
# ... the event noun itself, read right after a date: "the 2024 discontinuation of X" is dated so
# whatever its clause says of money.
EVENT_NOUN_AFTER = re.compile(rf"\s+(?:{_EVENT_NOUNS})\b")
# "Bensimon et al. (1994)", "Miller et al., 2013": the year of the cited study.
EN_AUTHOR_YEAR = re.compile(
    rf"\bet al\.?,?\s*[(（]?\s*(?P<year>{YEAR})\b|等\s*(?:[(（]|[,，])\s*(?P<year2>{YEAR})\s*年?\s*[)）]"
)
# ... and a table's study cell "Cudkowicz, 2006[2]" (a name, a comma, a year ending the cell; its
# marker blanked): read only in a row under a study column (STUDY_COLUMN).
CELL_AUTHOR_YEAR = re.compile(
    rf"(?<![\w-])[a-z][a-z'-]{{2,}}(?:\s+et al\.?)?,\s?(?P<year>{YEAR})(?=\s*(?:/|$))"
)
# A table's header with a column of the studies its rows report ("Study", "Reference", "Trial"), not
# of the animal studies behind them or of companies ("Mouse study", "Company, founded").
STUDY_COLUMN = re.compile(r"\b(?:study|studies|reference|author)s?\b|研究|文献")
NOT_A_STUDY_COLUMN = re.compile(
    r"\b(?:mouse|mice|animal|preclinical|company|founded|sponsor)\b|小鼠|动物|临床前|公司|成立"
)
# Table headers that name a column's role: "样本量", "入组人数", "n"; "试验阶段", "phase".
ENROLLMENT_HEADER = re.compile(
    r"样本|入组|人数|例数|受试者|病例数|收案|enrol|participants|patients|subjects|sample|^\s*n\s*$"
)
# The second year of "in 2022 and 2023", "from 2019 to 2021".
EN_YEAR_LIST = re.compile(rf"(?<=\d{{4}})\s*(?:and|or|to|through|,|–|-)\s*(?P<year>{YEAR})\b")

ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "ⅰ": 1,
    "ⅱ": 2,
    "ⅲ": 3,
    "ⅳ": 4,
    "Ⅰ": 1,
    "Ⅱ": 2,
    "Ⅲ": 3,
    "Ⅳ": 4,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
}
_PHASE_NUM = r"(?:iv|i{1,3}|[1-4]|[ⅰⅱⅲⅳⅠⅡⅢⅣ]|[一二三四])"
_PHASE = rf"{_PHASE_NUM}\s*[ab]?(?:(?:\s*[/~～–—-]\s*|[·・]){_PHASE_NUM}\s*[ab]?)?"
# "I期", "I/IIa期", "3b期", "III期", "3 期", "Ⅲ期", "II 期"; not "第1期", "早期".
CN_PHASE = re.compile(
    rf"(?<![a-z0-9第])(?<!第\s)(?P<phase>{_PHASE})\s*期(?!刊)"
    # not a journal's issue ("临床误诊误治 2017年1期", "5卷2期") unless a trial follows
    r"(?:(?<![年卷]\d期)(?<![年卷]\d\d期)|(?=\s*(?:临床|试验|研究|实验)))"
)
# "第3期臨床試驗", "第三期试验" (Taiwan and Hong Kong usage); not a journal's "第 3 期".
CN_ORDINAL_PHASE = re.compile(
    rf"第\s*(?P<phase>{_PHASE})\s*(?:期(?=[^,;。]{{0,12}}?(临床|试验|研究|\btrial))"
    # "PHOENIX第三阶段试验" (a translated "Phase 3 trial"): the trial word right after it, not
    # "试验的第二阶段将纳入…" (a stage of one trial)
    r"|阶段(?=\s*的?\s*(?:临床)?(?:试验|研究)))"
)
# Japanese and Korean phases: "第Ⅲ相試験", "第1/2相", "フェーズ3", "임상 3상", "1/2상 시험" (a
# number before 상, the syllable standing alone, before 임상/시험 or a particle).
JA_PHASE = re.compile(
    rf"第\s*(?P<phase>{_PHASE})\s*相(?=\s*(?:临床|臨床|试验|試験|试験|治験|治验|研究|の|で|を|に|が|と|、|。|$))"
)
JA_KANA_PHASE = re.compile(rf"フェーズ\s*(?P<phase>{_PHASE})")
KO_PHASE = re.compile(
    rf"(?<![0-9a-z.])(?P<phase>{_PHASE})\s*상(?:(?![가-힣])|(?=임상|시험|연구|에|의|을|은|이|으로|과|도))"
)
# "phase 3b", "phase iiib", "phase i/iia", "phase 1/2", "phase two", "phase two/three".
_EN_PHASE_NUM = rf"(?:{_PHASE_NUM}|one|two|three|four)"
# ("a phase 2 to 3 multicenter trial": one trial's two phases, as "2/3"; not "from phase 2 to 3
# next year", "expanded the phase 3 to four countries")
_EN_PHASE = (
    # ("Phase 2/Phase 3", a registry's "PHASE2/PHASE3": the word again after the slash)
    rf"{_EN_PHASE_NUM}\s*[ab]?(?:(?:\s*/phase\s*|\s*[/~～–—-]\s*|[·・]){_EN_PHASE_NUM}\s*[ab]?"
    rf"|\s+to\s+{_PHASE_NUM}\s*[ab]?(?=\s+(?:[a-z,-]+\s+){{0,8}}?(?:trial|study|program)))?"
)
EN_PHASE = re.compile(rf"\bphase\s*(?::\s*)?(?P<phase>{_EN_PHASE})(?![a-z0-9]|/{_PHASE_NUM})")
# "stage 3" written for a phase in forum English: after a drug's possessive ("Tofersen's stage 3
# was …"), before a trial word ("stage III for Edaravone … studies", "a stage 2 trial") or a
# size ("stage 3 was 245"); not a disease's stage ("King's stage 3", "stage 3 of the disease").
_STAGE_NUM = r"(?:[1-4]|i{1,3}|iv|one|two|three|four)(?:\s*/\s*(?:[1-4]|i{1,3}|iv))?"
# (a size told with a copula: "was 245", "had 60 patients", "is ~200": not "is 48", a length)
_COPULA_SIZE = (
    r"(?:was|had|has|is(?=\s+(?:~|about|around|approximately|roughly)))\s+"
    r"(?:~\s*|about\s+|around\s+|approximately\s+|roughly\s+)?"
)
# (not a score's or a test's stage: "score at stage 2 was 38", "in phase 2 was 65")
_NO_PLACE_OR_SCALE_BEFORE = (
    r"(?<!\bat )(?<!\bin )(?<!\bduring )(?<!\bof )(?<!\bto )(?<!\bfrom )(?<!\bby )"
    # (nor a rating scale's stage: "King's stage 3", "MiToS stage 2")
    r"(?<!king's )(?<!king’s )(?<!mitos )"
)
EN_STAGE_PHASE = re.compile(
    rf"\b(?=stage){_NO_PLACE_OR_SCALE_BEFORE}"
    rf"(?=stage[\s-]+{_STAGE_NUM}\s+(?:(?:clinical\s+)?(?:trials?|stud(?:y|ies))\b"
    r"|for\s+[^.;]{0,60}?\b(?:trials?|stud(?:y|ies))\b"
    rf"|{_COPULA_SIZE}\d+\b(?!\s*%|\.\d)))"
    rf"stage[\s-]+(?P<phase>{_STAGE_NUM})\b"
)
# A phase's size told with a copula, in forum English: "Tofersen's stage 3 was 108 people",
# "the phase 3 is ~200", "its phase 2 trial had 60 patients".
EN_PHASE_SIZE = re.compile(
    rf"\b(?=phase|stage){_NO_PLACE_OR_SCALE_BEFORE}(?:phase|stage)[\s-]+{_STAGE_NUM}[ab]?"
    rf"(?:\s+(?:trial|study))?\s+{_COPULA_SIZE}(?P<n>\d{{2,5}})\b(?!\s*%|\.\d)"
    r"(?=\s*(?:$|[.,;)]|(?:people|patients|participants|subjects)\b))"
)
# A table whose cells were glued together: "Phase 2BMMSCs induced to…" is phase 2 and the next cell.
EN_GLUED_PHASE = re.compile(r"(?:\b|(?<=\d))phase\s*(?P<phase>[1-4](?:/[1-4])?)(?=[a-z]{4})")

# A phase a trial might lead to is no trial's phase: "insufficient evidence to justify Phase III",
# "to determine whether to proceed to Phase III", "是否进入3期".
HYPOTHETICAL_PHASE_BEFORE = re.compile(
    r"(\b(justify|justifies|justified|warrant|warrants|merit|merits)\s+([a-z]+\s+){0,3}|"
    r"\bwhether\s+to\s+(proceed|move|advance|go)\s+(on\s+)?(to|into)\s+(an?\s+)?|是否(进入|开展|推进到?)|"
    # "PrimeC, if approved following a Phase 3 trial, could …", "若能通过3期": a condition
    r"\bif\s+(approved|successful|positive)\s+(following|after|in)\s+(an?\s+)?|如果?[能可]?通过|若[能可]?通过|"
    # what a kind of evaluation needs: "the participants required to definitively (phase III)
    # evaluate drugs" (not "the funding needed for a phase 3 trial, which began enrolling")
    r"\b(required|needed|necessary)\s+to\s+[a-z]+ly\s+\(\s*)$"
)
# "from phase 2 to phase 2/3", "由2期转入3期": the trial's phase is the one it moved to.
PHASE_FROM = re.compile(r"(from|由|从)\s*$")
PHASE_TO = re.compile(r"\s*(to|into|→|->|转为|转入|进入|升级为|过渡到|推进至|推进到)\s*$")
_NUMBER = r"\d{1,3}(?:[ ,]\d{3})+|\d+"
# "约200人", "106名", "513 例", "超过 1 000 例", "一名…患者", "15人".
# Not an ordinal ("第二例患者") nor a vague number ("数十名", "十几名", "二十多名"); "400多名" and
# "400余名" count 400, as "over 400" does.
CN_COUNT = re.compile(
    rf"(?P<approx>约|大约|近|超过|逾|共|总共|总计|累计|累积|총)?\s*(?<![第数几{CN_NUMERAL}\d])(?P<n>{_NUMBER}|[{CN_NUMERAL}]+)(?:(?<=\d)\s*(?:多|余))?\s*(?P<unit>名|例|位|人|명|个(?=(?:als|渐冻症)?(?:患者|病人|受试者|参与者|志愿者)(?!亚组|组|群|报告|登记|数据|样本|来源|的?细胞)))(?!次|份|天|年|月|周|种|项|组)"
)
# The people a Chinese abstract's count is of, named right before it: "ALS患者30例", "方法ALS30例",
# "肌萎缩侧索硬化30例".
PATIENTS_BEFORE_COUNT = re.compile(
    r"(?:患者|病人|受试者|参与者|(?<![a-z])als|渐冻症|渐冻人|肌萎缩侧索硬化症?|运动神经元病)\s*$"
)
# What participants do in a trial: "554 people with a motor neuron disease were randomly
# assigned", "2020年2月至2023年7月共有554名患者入组".
TRIAL_ACTIVITY = re.compile(
    r"纳入|入组|招募|随机|enrol|recruit|randomi[sz]|\brandomly\b|\bscreened\b|\bparticipants\b|"
    # "Thirty-six participants entered the open-label extension"
    r"\bentered\s+(?:the|an?|into)\s+(?:[\w-]+\s+){0,3}?(?:extension|trial|study)\b|"
    # "the 12 patients who took part in the phase 1 trial", "30 people participated in the study"
    r"\b(?:took part|take part|taking part|taken part|participated|participating)\s+in\s+"
    r"(?:the|an?|this|its|our)\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\b|"
    # "486 patients had started treatment with reldesemtiv or placebo" (not "would consider X or
    # placebo injections")
    r"\b(?:received|receiving|started treatment with|treated with|given|took|taking|assigned to)\s+"
    r"(?:[\w-]+\s+){1,3}?or (?:a |matching )?placebo\b|"
    # "were treated either with the placebo or with one of two doses of NP001"
    r"\b(?:were|was)\s+(?:treated|given|randomi[sz]ed)\s+either\s+(?:with\s+|to\s+)?"
    r"(?:a\s+|the\s+|matching\s+)?placebo\s+or\b|"
    r"\bconducted\b"
)
# The trial the text is about, referred to: "will join the trial", "该研究".
THE_TRIAL = re.compile(
    r"\b(?:the|this) (?:clinical |pivotal )?(?:trial|study)\b|该试验|该研究|本研究|本试验|这项(?:试验|研究)"
)
# A trial referred to as the one the page is about ("The clinical trial has been completed"; not
# "the study of death records"): the trial word, with no "of" after it.
THE_TRIAL_ITSELF = re.compile(
    r"\b(?:the|this) (?:clinical |pivotal |phase \w+ )?trial\b(?!\s+of\b)|该试验|本试验|这项试验"
)
# A study page's dated field of its trial: "Recruitment open date: 13 February 2023", "Planned
# recruitment end date: …", "Trial start date:", "招募开始日期：" (the field's key opening its line).
TRIAL_DATE_FIELD = re.compile(
    r"^\s*(?:planned\s+|actual\s+|estimated\s+|expected\s+)?(?:recruitment|enrol?ment|study|trial)\s+"
    r"(?:open|opening|start|starting|end|close|closing|completion)\s+date\s*[:：]"
    r"|^\s*(?:预计|实际|计划)?(?:招募|入组|研究|试验)(?:开始|结束|完成)(?:日期|时间)\s*[:：]"
)
# A first patient dosed or implanted ("首次被植入一名人类患者体内", "首例受试者完成给药", "the first
# participant was dosed", "implanted in its first patient"): on a page about one product, its event.
FIRST_IN_HUMAN = re.compile(
    r"首次被?(?:植入|给药|注射|施用)[^，,。；;]{0,10}?(?:患者|受试者|病人|人体)|首例(?:患者|受试者|病人)"
    r"|first (?:human |patient|participant|subject)\w*\s+(?:(?:was|were|has been|had been)\s+)?(?:dosed|implanted|treated)"
    r"|(?:dosed|implanted)\s+(?:in\s+)?(?:the\s+|its\s+|their\s+)?first\s+(?:human|patient|participant|subject)"
)
# ... unless the sentence speaks of another product: "竞争对手的设备", "另一种干细胞疗法", "一台由美国
# 团队研制的设备", "a rival's device".
ANOTHER_PRODUCT = re.compile(
    r"另一[种款个台]|其他|其它|竞争|对手|设备|装置|疗法|药物|\banother\b|\brival|\bother\b|\bdevice\b"
)
# Patients the trial takes on a care they already receive: "(纳入…)正在接受利鲁唑(…)治疗的患者".
ON_CARE_BEFORE = re.compile(r"(?:正在|已经?)接受\s*$")
ON_CARE_AFTER = re.compile(
    r"\s*(?:[(（][^()（）]{0,30}[)）])?\s*治疗的[^，,。；;组]{0,12}?(?:患者|受试者|参与者|病人|人群)"
)
# A sentence about a trial: who took part, and when.
TRIAL_WORD = re.compile(r"试验|研究|\btrial\b|\bstudy\b|\bconducted\b|\benrol\w*|\brecruit\w*")
# A study that follows patients on a drug is that drug's study: "该研究随访了…", "real-world".
OBSERVED = re.compile(
    r"随访|观察性|真实世界|\bfollow(?:ed|s|ing)?\b|\bobservational\b|\breal[\s-]world\b"
)
# Results of the page's trial still to come: "additional analyses … are expected later in 2025",
# "topline data are anticipated in mid-2024", "结果预计于2025年公布".
TRIAL_RESULTS_EXPECTED = re.compile(
    r"\b(?:results|data|analyses|readouts?)\b[^.;]{0,80}?\b(?:are|is)\s+(?:now\s+)?"
    r"(?:expected|anticipated|planned|scheduled)\b|(?:结果|数据)[^，,。；;]{0,10}(?:预计|有望|将于)"
)
# Where a clause ends.
CLAUSE_END = re.compile(r"[.;。；,，]")
# Words that make a count an enrollment.
ENROLLMENT_CUE = re.compile(
    r"纳入|入组|招募|募集|招收|招入|收案|收治|选取|规模|参与|受试者|共有|总共|共计|共\s*$|共纳|计划|enrol|recruit|randomi[sz]|randomly|assign|\binclud(?:e|es|ed)\b|"
    r"\b(study|trial|cohort|regimens?|arms?|groups?)\s+(of|in|with|involving|including)\b|\binvolv(?:ing|ed|es)\b|\bwill involve\b|\bincluding\b|"
    r"\b(approximately|roughly|about|around|a total(?: of)?|up to|more than|over|nearly|in)\s*$|\benlist\w*|"
    # "In total, 120 patients … were randomized"
    r"\bin total,?\s*$|"
    r"\b(?:conducted|carried out|performed|run)\s+among\s*$|"
    # "the drug, tested on 120 patients, failed"
    r"\b(?:tested|evaluated|studied|trialled|trialed)\s+on\s*$|"
    # "the trial will be conducted on 30 ALS patients" (not an analysis or a screening)
    r"\b(?:trial|study)\s+(?:will be|was|is|has been|had been)\s+(?:conducted|carried out)\s+on\s*$"
)
# "with all 12 patients completing the study", "all 30 participants completed the trial": every
# one of them took part (not one group's, nor those completing who may go on to an extension).
ALL_OF_THEM_BEFORE = re.compile(r"\b(?:with\s+)?all\s+(?:of\s+the\s+)?$")
COMPLETED_STUDY_AFTER = re.compile(
    r"\s*(?:(?:have|had)\s+)?(?:complet(?:ed|ing)|finish(?:ed|ing))\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:study|trial|treatment|protocol)\b\s*(?:[,.;)]|and\b|$)"
)
A_PART_BEFORE = re.compile(
    r"\b(?:cohorts?|groups?|arms?|doses?|parts?|placebo|extension|subgroups?|among|sites?|"
    r"centres?|centers?|of those|given)\b"
)
# "52岁", "六十七岁": a count followed by an age describes patients, not a trial's size.
PATIENT_AGE = re.compile(rf"\s*(?:\d{{1,3}}|[{CN_NUMERAL}]{{1,4}})\s*(?:岁|周岁)")
# Counts of patients in a country or a year, not in a trial: "日本每年新增病例约2500例", "国内有超过4万例患者".
EPIDEMIOLOGY = re.compile(
    r"每年|新增病例|全国|國內|国内|全球|世界上|患者总数|总患者|发病率|患病率|\bprevalence|\bincidence|\bworldwide|"
    r"\beach year|\bannually|\bper year|\bin the (us|united states|uk|world)\b|"
    r"\baffect(s|ed|ing)?\b|\bliving with\b|\bdiagnosed (with|each|every)\b|\bsuffer(s|ing)? from\b"
)
# A country's count of patients, told right after it: "About 30,000 ALS patients are in the U.S."
# (not "212 patients, most of whom live in the U.S.": where a trial's people are).
COUNTRY_HAS_AFTER = re.compile(
    r"\s+(?:with als\s+)?(?:are|live)\s+in\s+the\s+(?:u\.s|u\.k|us|uk|united states|united kingdom)\b"
)
# ... unless the words around the count are a trial's: "enrolled 120 people living with ALS".
EN_TRIAL_COUNT = re.compile(
    r"\b(?:enrol\w*|recruit\w*|will involve|randomi[sz]\w*|assigned|trials?|study|studies|cohorts?|participants|subjects)\b"
)
# An estimate of people ("approximately 10,000 patients", "约有1万名患者") in a sentence that
# names no therapy counts a trial's participants only in a trial's words: "In Japan, approximately
# 10,000 patients are designated" counts the disease's patients.
ESTIMATE_BEFORE = re.compile(
    r"(?:\b(?:approximately|roughly|about|around|over|more than|nearly|an estimated)|约有?|大约|超过|逾|近)\s*$"
)
TRIAL_CONTEXT = re.compile(
    r"试验|研究|临床|纳入|入组|招募|募集|收案|随机|参与|参加|受试者|志愿者|队列|组|植入|注射|给药|接受|"
    r"[\dⅠⅡⅢⅣIV一二三四]\s*期|\b(?:enrol\w*|recruit\w*|randomi[sz]\w*|assigned|trials?|stud(?:y|ies)|"
    r"cohorts?|arms?|groups?|participa\w*|subjects|volunteers|phase|tests?|treated|implanted|"
    r"dosed|received|took part|take part)\b|\bn\s*="
)
# A per-arm size ("每组约200名", "90 per arm") is no trial's total.
PER_ARM = re.compile(
    r"(每组|每个组|每一组|各组|组?各)\s*(将|计划)?\s*(纳入|入组|招募)?\s*(约|大约)?\s*$"
)
# ... and in English, read after the count: "100 participants per group", "30 patients in each arm".
EN_PER_ARM = re.compile(r"\s*(?:per|in each|in every|each)\s+(?:\w+\s+)?(?:group|arm|cohort)s?\b")
# ... and in English: "16 patients died", "9 participants with ALS withdrew".
EN_COUNT_OUTCOME_AFTER = re.compile(
    r"(?:\s+(?:with|in|on|of)\s+[\w-]+)?\s+(?:had\s+|have\s+)?(?:died|withdrew|dropped out|discontinued)\b"
)
# People right before a verb: "9 patients with ALS withdrew", "participants who discontinued".
PEOPLE_BEFORE = re.compile(
    r"\b(?:patients|participants|subjects|people|volunteers)(?:\s+(?:with|who|in|on|of|had)\b[\w\s-]{0,20}?)?\s*$"
)
# Counts that are outcomes, not participants: "8 例患者病死", "5名患者…仍存活".
COUNT_OUTCOME = re.compile(
    r"^[^，,；;。]{0,12}?(病死|死亡|去世|存活|仍存活|出现|发生|脱落|退出|失访|改善|响应|恶化|加重|好转)"
)
# "664 participants", "45 people with ALS"; words between the number and the noun are not numbers.
# Not a duration or a dose before the noun: "over 28 weeks in adults" counts nobody.
# Not a fraction: "(2/3 of participants)".
# English numbers in words, up to the hundreds: "twenty-five", "Sixty-three", "one hundred and twenty".
EN_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
EN_TEEN_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
EN_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_BELOW_100 = (
    rf"(?:(?:{EN_TENS_WORDS})(?:[\s-]+(?:{EN_UNIT_WORDS}))?|{EN_TEEN_WORDS}|{EN_UNIT_WORDS})"
)
_EN_NUMBER = (
    rf"(?:(?:{EN_UNIT_WORDS})[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?{_EN_BELOW_100})?|{_EN_BELOW_100})"
)
EN_NUMBER_WORDS = re.compile(rf"\b{_EN_NUMBER}\b", re.IGNORECASE)
EN_COUNT = re.compile(
    rf"(?<![\d.\-a-z/])(?P<n>{_NUMBER}|{_EN_NUMBER}\b)\s+(?!(?:weeks?|days?|months?|years?|hours?|mg|ml|kg|doses?|times|percent)\b)"
    r"(?:[a-z][a-z-]*\s+){0,3}?(?:(?:out|in)?patients|participants|subjects|people|individuals|volunteers|adults|persons|men|women|cases)\b"
)
# "four cohorts of eight patients", "4个队列，每个队列8例": groups of a size, the trial their product.
COHORTS_OF = re.compile(
    rf"(?<![\d.\-a-z])(?P<k>{_NUMBER}|{_EN_NUMBER})\s+(?:sequential\s+|dose\s+|ascending\s+)*"
    rf"(?:cohorts|groups|arms|panels)\s+of\s+(?P<n>{_NUMBER}|{_EN_NUMBER})\s+"
    r"(?:[a-z][a-z-]*\s+){0,2}?(?:patients|participants|subjects|people|volunteers)\b|"
    rf"(?P<k_cn>\d+|[{CN_NUMERAL}]+)\s*个(?:剂量)?(?:队列|组)\s*[，,]?\s*每(?:个)?(?:剂量)?(?:队列|组)"
    rf"(?:各)?\s*(?P<n_cn>\d+|[{CN_NUMERAL}]+)\s*(?:名|例|位|人)"
)
# "56人最初随机分配接受AMX0035，34人接受安慰剂": counts each followed by what they received are
# arms (two or more of them: one such count may be a case).
ALLOCATED_AFTER = re.compile(
    r"\s*(?:[^，,。；;]{0,6}?)(?:随机)?(?:分配|分到|分入)?(?:接受|服用|使用)"
)
# "a 664-participant study": the count as an adjective says the study's size itself.
EN_COUNT_ADJECTIVE = re.compile(
    rf"(?<![\d.\-a-z])(?P<n>{_NUMBER})-(?:participant|patient|subject|person|adult|people|volunteer)\b"
)
# "1021 participants were screened … and 171 were assigned", "49 … were screened and 45 enrolled":
# a count whose people the sentence named before it.
EN_ELLIPTICAL_COUNT = re.compile(
    r"\b(?:participants|patients|people|subjects|individuals)\s+(?:were\s+|had been\s+)?screened\b"
    rf"[^.;]{{0,80}}?\band\s+(?P<n>{_NUMBER})\s+(?:(?:were|had been)\s+)?(?:randomly\s+|subsequently\s+|then\s+)?"
    r"(?:assigned|allocated|randomi[sz]ed|enrolled)\b"
    # (not one arm: "72 were randomized to tofersen and 36 to placebo")
    r"(?![^.;,]{0,40}\band\s+\d+\s+to\b)"
)
# Two arms counted in one sentence: "15 patients will be assigned to the active drug and 5 patients
# to the placebo", "100 were randomised to X and 50 to placebo": the trial is their sum.
# Also told of each arm with its own verb, the people described and the drug glossed between: "29
# patients with ALS randomly assigned to X, which contains …, and 30 patients assigned to placebo"
# (with no "were", only as the groups compared: "a difference between 29 patients …").
EN_TWO_ARMS = re.compile(
    rf"(?<![\d.])(?P<a>{_NUMBER})\s+(?:(?:patients|participants|subjects|people)\s+)?"
    r"(?:with\s+[^.;,]{0,50}?\s+)?(?P<verb>(?:will be|were|are|was)\s+)?"
    r"(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\s+[^.;]{0,120}?\band\s+"
    rf"(?P<b>{_NUMBER})\s+(?:patients\s+|participants\s+|subjects\s+)?"
    r"(?:(?:were\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+)?"
    r"to\s+(?:the\s+|a\s+|matching\s+)?placebo\b"
)
# ... and told by what each arm received: "8 patients received X and 4 patients received placebo",
# "either X (eight patients) or placebo (four patients)".
_ARM_N = rf"(?:{_NUMBER}|{_EN_NUMBER})"
_ARM_PEOPLE = r"(?:patients|participants|subjects|people)(?:\s+with\s+(?:als|mnd))?"
_GOT = r"(?:received|were given|took|were treated with|were injected with)"
EN_ARMS_RECEIVED = re.compile(
    rf"(?<![\d.\-a-z])(?P<a>{_ARM_N})\s+{_ARM_PEOPLE}\s+{_GOT}\s+[^.;]{{0,60}}?\b(?:and|while|whereas)\s+"
    rf"(?P<b>{_ARM_N})\s+(?:{_ARM_PEOPLE}\s+)?{_GOT}\s+(?:a\s+|the\s+|matching\s+)?placebo\b"
    rf"|\(\s*(?P<a2>{_ARM_N})\s+{_ARM_PEOPLE}\s*\)\s*(?:or|and|vs\.?|versus)\s+(?:a\s+|matching\s+)?"
    rf"placebo\s*\(\s*(?P<b2>{_ARM_N})\s+{_ARM_PEOPLE}\s*\)"
    # "X will be given to 80 patients and placebo to 40 patients", "… in 80 patients and placebo in 40"
    rf"|\b(?:in|to)\s+(?P<a3>{_ARM_N})\s+{_ARM_PEOPLE},?\s+and\s+(?:a\s+|matching\s+)?placebo\s+"
    rf"(?:in|to)\s+(?P<b3>{_ARM_N})(?:\s+{_ARM_PEOPLE})?\b"
)
# ... not a part of the trial: "In the per-protocol analysis", "Among the SOD1 carriers", "Of those
# who completed", "At each site".
ARMS_OF_A_PART = re.compile(
    r"per[\s-]protocol|subgroup|subset|\bamong\b|\bof (?:those|these|them|the \d+)\b|completers?|"
    r"\beach\b(?!\s+(?:patient|participant|subject)s?\b(?!\s+(?:group|cohort|arm)))|\bper site\b|"
    r"\bcarriers\b|\bcohort\b"
)
# "(n = 120)"; "(n = 3 + 3)" states the arms, summed.
# Those of the screened who were enrolled: "287 patients were screened, 245 of whom were enrolled".
EN_OF_WHOM_ENROLLED = re.compile(
    # (either order: "245 of whom were enrolled", "we recruited 307, of whom 303 were randomly
    # assigned")
    r"(?<![\d.])(?:(?<=of whom )|(?<=of them )|(?=\S+\s+of\s+(?:whom|them)\b))"
    rf"(?P<n>{_NUMBER})\s+(?:of\s+(?:whom|them)\s+)?(?:were|was)\s+"
    r"(?:enrolled|randomi[sz]ed|randomly assigned)\b"
)
EN_N_EQUALS = re.compile(rf"\bn\s*=\s*(?P<n>{_NUMBER})\b(?P<more>(?:\s*\+\s*\d+\b)*)")
# Participants of a platform's other regimens, pooled as placebo, are no part of this regimen's
# size: "来自123名同时随机分配的其他方案安慰剂参与者的数据被合并分析", "164 in the shared placebo group".
OTHER_REGIMENS_AFTER = re.compile(
    r"[^，,。；;()（）]{0,24}(?:其他方案|其它方案|共享安慰剂|\bshared placebo|\bother regimens|\bpooled placebo)"
)
# Those screened are not those enrolled: "1021 participants were screened … and 171 were
# assigned", "共筛选了300名患者".
SCREENED_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:were|was|had been|have been)\s+screened\b"
    r"(?!\s+and\s+(?:enrolled|randomi[sz]ed|included|treated))|"
    # ... or will be ("1200 patients will be screened in order to enroll 171"), not a check
    # repeated on those in the trial ("are screened monthly for liver enzymes")
    r"\s+(?:[a-z-]+\s+){0,2}(?:will be|are|is|to be)\s+screened\b"
    r"(?!\s+(?:monthly|weekly|daily|regularly|periodically|annually|every|each|at each)\b)|"
    # ... those who "failed screening", screened and not enrolled
    r"\s+(?:(?!who\b|that\b|which\b|had\b|have\b|previously\b|earlier\b|once\b)[a-z-]+\s+){0,2}"
    r"failed\s+(?:the\s+)?screening\b|"
    # ... and those excluded, screened and not enrolled: "18 patients were excluded" (not "60
    # patients who were excluded from PHOENIX")
    r"\s+(?:(?!who\b|that\b)[a-z-]+\s+)?(?:were|was)\s+excluded\b(?!\s+(?:from|because))"
)
SCREENED_BEFORE = re.compile(r"(?:\bscreened|筛选了?|筛查了?)\s*(?:共|约|了)?\s*$")
# A clinic's patients treated so far, no trial's participants: "已治疗超过500例", "累计收治300余例",
# "has treated more than 500 patients", "have treated over 300 patients to date".
PRACTICE_COUNT_BEFORE = re.compile(
    r"(?:已|累计|先后)(?:为|给)?(?:(?!入组|纳入|招募|试验|研究)[^，,。；;]){0,6}?(?:治疗|诊治|救治|接诊|收治)(?:了|过)?"
    r"\s*(?:超过|逾|近|约|多达)?\s*$|"
    # (a clinic's, a hospital's or a team's, not "the phase 2 trial has treated 48 patients")
    r"\b(?:clinic|hospital|cent(?:er|re)|we|doctors?|physicians?|team|institute|practice)\b[^.;,]{0,30}?"
    r"\b(?:has|have|had)\s+(?:now\s+|already\s+|so far\s+)?treated\s+(?:more than|over|some|about|nearly|almost)?\s*$"
)
# An n stated with a statistic or after a measurement counts that analysis, not the trial:
# "(Confidence Interval: 0.862, 9.214; n=38)", "measured by PBR28-PET over 12–24 weeks (N=22)".
ANALYSIS_N_BEFORE = re.compile(
    r"[(（][^()]{0,60}(?:confidence interval|\bci\b|\bp\s*[=<>])[^()]{0,80}$|"
    r"\b(?:measured|assessed|sampled)\s+(?:by|with|using|via)\b[^()]{0,80}[(（]\s*(?:n\s*=\s*)?$"
)
# A count stated right after a phase is that phase's trial: "a Phase 1 (N=47) and a Phase 1b (N=29)
# study", "1期（n=12）".
PHASE_COUNT = re.compile(
    rf"\s*(?:study|trial|研究|试验|临床)?\s*[(（]\s*n\s*=\s*(?P<n>{_NUMBER})\s*[)）]"
)
# A registry record's fields, as registry-derived pages print them ("- **Start date:** 2025-09-15",
# "Target enrollment: 12 (ESTIMATED)", "研究开始日期：2024-03-01", "样本量：60"): the key says the
# value is a fact of the trial.
_FIELD_KEY = (
    r"(?P<key>(?:(?:actual|estimated|anticipated)\s+)?(?:study\s+)?start date|"
    # a registry page's "Study Started" / "Apr 12 2018", "Enrollment (Actual)", "Study Participants",
    # the EU register's "Global end of trial date"
    r"study start(?:ed)?(?=\s*(?:\((?:actual|estimated|anticipated)\))?\s*[:：]?\s*$)|"
    r"(?:global\s+)?end of trial date|study participants|"
    # a trial listing's "End date" / "Jul 25, 2022"
    r"(?:(?:actual|estimated|anticipated)\s+)?(?:study\s+|trial\s+)?end date|"
    # the day a trial was registered ("Date of Registration:", "注册时间:"): a record's only
    # (RECORD_ONLY_KEY; not a forum member's or a company's)
    r"date of registration|registration date|注册时间|登记时间|"
    # ClinicalTrials.gov's "First Posted : October 8, 2020", "First Submitted Date"
    r"first (?:posted|submitted)(?: date)?|"
    # the day a record's results were posted ("Results First Posted", "Results posted on")
    r"results? (?:first )?posted(?: on)?(?: date)?|"
    # ("Estimated Primary Completion Date :", as a ClinicalTrials.gov page prints it)
    r"(?:(?:actual|estimated|anticipated)\s+)?(?:primary\s+|final\s+|study\s+)?completion(?:\s+date)?|"
    r"(?:target\s+|actual\s+|estimated\s+|anticipated\s+|total\s+)?enrol?lment|"
    # the WHO registry platform's "Date of first enrolment: August 2013", "Target sample size: 12";
    # a review's "Number of participants: 133"
    r"date of first enrol?ment|(?:target\s+)?sample size|number of (?:participants|patients|subjects)|"
    r"(?:研究|试验)?(?:开始|启动|完成)(?:日期|时间)|(?:目标|计划)?(?:样本量|入组人数|例数)|"
    # a Chinese registry record's period (as a table row: not a survey's "研究实施时间：2021年3月…"
    # in a news page), size and phase ("研究实施时间: | 2011年06月-2013年03月", "受试者例数: | 12",
    # "研究所处的阶段: | I/II期")
    r"(?:(?:研究|试验)实施时间|受试者例数|研究所处的?阶段)(?=\s*[:：]\s*\|))"
)
_FIELD_QUALIFIER = r"(?:\s*\((?:actual|estimated|anticipated)\))?"
RECORD_ONLY_KEY = re.compile(r"registration|注册|登记|first (?:posted|submitted)")
TRIAL_FIELD = re.compile(r"^[\s>*•·-]*" + _FIELD_KEY + _FIELD_QUALIFIER + r"\s*(?:\*\*)?\s*[:：]")
# The same key alone on its line, its value on the next ("Study Start Date" / "2023-01-18").
FIELD_KEY_LINE = re.compile(r"^[\s>*•·#-]*" + _FIELD_KEY + _FIELD_QUALIFIER + r"\s*[:：]?\s*$")
# A count key alone on its line ("Enrollment (Actual)", "Study Participants") and its value alone on
# the next: the number, optionally qualified ("24", "1,200 (Estimated)", "24 participants").
_COUNT_KEY_WORDS = r"enrol|participants|sample size|样本量|入组人数|例数"
COUNT_FIELD_KEY = re.compile(rf"^(?!.*date)(?:.*(?:{_COUNT_KEY_WORDS}))")
COUNT_FIELD_KEY_CUE = re.compile(_COUNT_KEY_WORDS, re.IGNORECASE)
FIELD_VALUE_LINE = re.compile(
    rf"^[\s•*|-]*(?!(?:19|20)\d\d\b)(?P<n>{_NUMBER}){_FIELD_QUALIFIER}"
    r"\s*(?:participants|patients|subjects|人|例|名)?\s*\|?\s*$"
)
# A duration that is a result or a time to come, not a trial's length: "lived a median of 25 months
# longer", "3个月后启动", "於4個月內提出" (DURATION alone makes a claim only so).
DURATION_TELLS = re.compile(
    r"surviv|\blived\b|\blife\b|\bdeath|tracheostomy|ventilation|\blonger\b|\blater\b|\bextended\b|"
    r"\bwithin\b|\bin\s+(?:about\s+|approximately\s+)?\d|"
    r"生存|寿命|多活|死亡|气管切开|[个個]月(?:之|以)?[后後内內]|[周天年](?:之|以)?[后後内內]"
)
# "enrollment: 12 (estimated)", "样本量：60": the count a field gives.
# (not a date's field, "Date of first enrolment: 2009/01/01", nor a date as its value)
FIELD_COUNT = re.compile(
    rf"(?<!first )(?:enrol?lment|样本量|入组人数|例数)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(?P<n>{_NUMBER})\b"
    r"(?![-/.]\d)"
)
# A registry record's row "受试者例数: | 12": its key opening the row (not after an arm's cell,
# "| 试验组 | 受试者例数: | 64 |", nor "| SAD受试者例数: | 32"), the number the whole cell (not
# "12（健康受试者）+ 24（ALS患者）").
FIELD_ROW_COUNT = re.compile(
    r"受试者例数(?<![^|\s]受试者例数)(?<![\w] 受试者例数)"
    r"(?<![组计] \| 受试者例数)(?<![组计]\| 受试者例数)(?<![组计] \|受试者例数)(?<![组计]\|受试者例数)"
    rf"\s*[:：]\s*\|\s*(?P<n>{_NUMBER})\s*(?:\||$)"
)
# A registry's size field told per group, the WHO platform's copy of a ChiCTR record: "Target
# sample size: Treatment group:147;Control group:147;", "样本量：试验组:60;对照组:60".
FIELD_GROUP_SIZES = re.compile(
    r"^[\s>*•·-]*(?:target\s+)?(?:sample size|样本量|入组人数)\s*[:：]\s*"
    r"(?P<groups>(?:[^:：;；\d]{1,30}[:：]?\s*\d{1,5}\s*[;；,，]?\s*){2,})$"
)
# ... each group's label and size ("Treatment group:147", "试验组 60"); a total, a group's label
GROUP_SIZE = re.compile(r"([^:：;；,，\d]{1,30}?)\s*[:：]?\s*(\d{1,5})")
TOTAL_LABEL = re.compile(r"\btotal\b|总计|合计|总数|共计")
GROUP_LABEL = re.compile(r"\b(?:group|arm|cohort)\b|组|队列")
# "Sample size: 12", "Number of participants: 133 (67 treated, …)": the number is the whole value
# (not "Sample size: 90% power …", "Sample size: 390 in the original protocol, reduced to 240").
FIELD_SIZE_COUNT = re.compile(
    # (at a line's start, or in a review table's "Participants |" cell: not "Serious adverse events -
    # number of participants: 7")
    r"(?:^[\s>*•·|-]*|\bparticipants\s*\|[^|]{0,200}?)"
    rf"(?:target\s+)?(?:sample size|number of (?:participants|patients|subjects))\s*[:：]\s*(?P<n>{_NUMBER})\b"
    r"(?!\s*%|\s*[(（][^)）]*(?:per|each|rct|stud|trial))"
    r"(?=\s*(?:$|[(（,;，；.]|(?:participants|patients|subjects|people)\b))"
)

DESIGN_TERMS = {
    "randomised": re.compile(r"随机|randomi[sz]ed|randomly"),
    "double-blind": re.compile(r"双盲|double[\s-]blind"),
    "placebo": re.compile(r"安慰剂|placebo"),
    "open-label": re.compile(r"开放标签|开放性|开放式|open[\s-]label"),
    "controlled": re.compile(r"对照|controlled"),
    # a trial meant to support approval: "the pivotal Valor trial", "关键性临床试验", "注册临床试验"
    "pivotal": re.compile(
        r"\bpivotal\s+(?:[\w-]+\s+){0,2}(?:trials?|study|studies|development|data|program)\b|"
        r"\bregistrational\s+(?:[\w-]+\s+){0,2}(?:trials?|study|studies|program)\b|"
        r"关键性(?:临床)?(?:试验|研究)|关键临床(?:试验|研究)|关键试验|关键研究|注册性临床(?:试验|研究)|"
        r"注册临床(?:试验|研究)"
    ),
}
# The same terms as one scan: each alternative is a group named for its term.
DESIGN_GROUPS = {name: name.replace("-", "_") for name in DESIGN_TERMS}
DESIGN_TERM = re.compile(
    "|".join(f"(?P<{DESIGN_GROUPS[name]}>{regex.pattern})" for name, regex in DESIGN_TERMS.items())
)
# "24周", "12个月", "48 weeks": treatment or follow-up duration, part of the design.
DURATION = re.compile(r"(?P<n>\d{1,3})\s*(?P<unit>周|个月|weeks?\b|months?\b)")

# The success words that speak of tolerability only ("was well tolerated", "安全性良好"), part of
# OUTCOME_MET: a drug can be safe and of no benefit.
SAFETY_OUTCOME = re.compile(
    r"\bwell[\s-]tolerated|\bsafe\b|\bsafety profile|"
    r"(?:安全性|耐受性)[^，,。；;]{0,4}(?:良好|较好|可控|可接受)|未见(?:严重)?(?:不良|并发症)|未发现[^，,。；;]{0,8}并发症"
)
OUTCOME_MET = re.compile(
    r"(?<!未)(?<!没有)(?<!未能)达到(了)?(其)?主要(疗效)?终点|显著(改善|延长|降低|延缓|减缓|提高|减少)|延长(了)?[^，,。；;]{0,6}(生存|寿命)|"
    r"(生存率|生存时间|生存期)[^，,。；;]{0,4}(提高|延长|显著)|(延缓|减缓|放缓|抑制|遏制|阻止)(了)?[^，,。；;]{0,6}(进展|进程|退化|下降|恶化|发病)|"
    r"改善(了)?[^，,。；;]{0,8}(功能|评分|症状)|(明确|显著)?获益|积极(结果|信号|进展)|阳性结果|有(显著)?(临床)?疗效|疗效(显著|良好)|"
    r"准确率[^，,。；;]{0,3}达|进展[^，,。；;]{0,2}(放缓|减缓)|"
    r"\bmet (its|the) primary|\bmet (its|the|all) (main|key|co-primary|primary) (goals?|objectives?|end ?points?)|\b(significant(ly)?\s+)?(improv\w*|slow\w*|delay\w*|prolong\w*|extend\w*|prevent\w*|curb\w*)\b[^.;]{0,40}(survival|progression|onset|function|lifespan|life expectancy|deficits|score|degeneration)|"
    # "slows the fatal muscle-wasting disease by a few months": the disease itself slowed
    r"\bslow(?:s|ed)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:disease|als)\b(?!\s+(?:is|was)\b)|"
    # "was better than placebo", "superior to placebo", "outperformed placebo" (not "no better
    # than", "not superior to": OUTCOME_MISSED)
    r"(?<!no )(?<!not )(?<!not significantly )\b(?:better than|superior to)\s+(?:the\s+)?placebo\b|"
    r"\boutperformed\s+(?:the\s+)?placebo\b|"
    # "reduced the decline in ALSFRS-R score", "attenuated the rate of progression" (done: not
    # "designed to reduce", "aimed at attenuating")
    r"\b(?:reduc|attenuat)(?:ed|es)\s+(?:the\s+)?(?:rate\s+of\s+|mean\s+)?"
    r"(?:decline|deterioration|progression|loss)\b|"
    rf"{SAFETY_OUTCOME.pattern}|\bsurvival benefit|\bgains? in|\breduc\w*\s+(in\s+)?(the\s+)?risk of (death|mortality)|"
    # "delivered promising clinical data", "positive topline results" (积极结果 in English), not
    # hoped for or expected (POSITIVE_HEDGED_BEFORE)
    r"(?<!hoped-for )\b(?:positive|promising|encouraging)\s+(?:clinical\s+|top-?line\s+|preliminary\s+|interim\s+){0,2}(?:results|data|findings)\b"
)
# An effect with its confidence interval: "(MD, 2.84; 95% CI, 1.21 to 4.46)", "(SMD, 1.07; 0.69 to
# 1.45)", "hazard ratio 0.61 (95% CI 0.40-0.92)" (not "or": a word first).
EFFECT_ESTIMATE = re.compile(
    r"\b(?P<measure>s?md|wmd|mean difference|hr|hazard ratio|odds ratio|rr|risk ratio|relative risk)"
    r"\s*[,:=]?\s*(?P<estimate>[-−]?\d+(?:\.\d+)?)\s*[;,]?\s*[(（\[]?\s*"
    r"(?:95\s*%\s*(?:ci|confidence interval)\s*[,:=]?\s*)?"
    r"(?P<low>[-−]?\d+(?:\.\d+)?)\s*(?:to|–|—|~|～|,|-(?=\d))\s*(?P<high>[-−]?\d+(?:\.\d+)?)"
)
# ... where it says nothing of benefit: harm, side effects, a baseline's difference.
HARM_OR_BASELINE = re.compile(
    r"risk of (?:death|mortality)|\bincreas\w*|adverse|side effect|\brash\b|more (?:common|frequent)|"
    r"faster|worse|baseline|imbalance|toxicit|不良|副作用|基线"
)
# A success a study asks about, right before the success word: "to determine whether topiramate
# would slow …", "to see if it slows", "评估X是否能延缓…" (its question, no outcome).
OUTCOME_ASKED = re.compile(
    r"(?:(?<!regardless of )\bwhether\b|\bto\s+(?:see|determine|test|learn|assess|find\s+out|evaluate)\s+if\b|"
    # a hypothesis or a hope: "will test the hypothesis that X reduces …", "hope the trial will show"
    r"\bhypothes[ie]s\b|\bhop(?:e|es|ed|ing)\b|\bwill show\b|"
    # a belief: "Coya believes these actions … slow progression"
    r"\bbelieves?\b|"
    r"是否|能否|\bhypothesi[sz]e[sd]?\b|假设|假说)[^.;。；!?！？,，]*$"
    # ... or the hypothesis a colon introduces, asides and all: "to prove the investigators'
    # hypothesis: X, an autophagy enhancer, has synergic effect … to slowing the progression"
    r"|\bhypothes[ie]s\s*[:：][^.;。；!?！？]*$"
    # ... or a possibility, the success its verb: "these actions may work additively to slow" (not
    # the month: "In May 2023 …", "In May the trial met …")
    r"|(?<!\bin )(?<!\bof )(?<!\bby )(?<!\bsince )(?<!\buntil )(?<!\bearly )(?<!\blate )(?<!\bmid-)"
    r"\b(?:may|might)\s+(?!\d)(?:[\w-]+\s+){0,5}$"
)
# Patients given a drug outside any trial: "through its early access program", "同情用药".
OUTSIDE_A_TRIAL = re.compile(
    r"\b(?:expanded|early)[\s-]access\b|\bcompassionate\b|\bnamed[\s-]patient\b|同情用药|扩展性?使用|拓展性|早期准入"
)
# How a drug works, right before the effect it names: "可通过抗炎…的作用机制延缓ALS进展" describes
# what it can do (no claim, by the guide), unless a trial, a study or data is the sentence's
# matter ("数据显示，X通过…机制显著延缓了…": a result).
MECHANISM_BEFORE = re.compile(r"(?:可|能|可以|能够)通过[^，,。；;]{0,30}机制[^，,。；;]{0,3}$")
TRIAL_MATTER = re.compile(
    r"试验|研究|临床|受试者|[\dⅠⅡⅢⅣivx一二三四]期|数据|结果|显示|表明|观察|证实|证明|随访|发现|报告"
    r"|公布|相比|患者|病人|病友|安慰剂|终点|统计|\bp\s*[<=＜]|[\d一二三四五六七八九十百千两]+\s*余?\s*(?:例|名|位)"
)
# What makes "positive results" a hope, a plan or a contrast: "expects positive topline results",
# "hoped for positive results", "failed to deliver the positive results", "Despite encouraging data".
POSITIVE_HEDGED_BEFORE = re.compile(
    r"\b(?:expect\w*|hop\w*|anticipat\w*|despite|would|could|may|might|if|fail\w*|no|without|await\w*)\b"
    r"[^.;,]{0,40}$"
)
POSITIVE_RESULTS = re.compile(
    r"\b(?:positive|promising|encouraging)\s+(?:[\w-]+\s+){0,2}(?:results|data|findings)\b"
)
OUTCOME_MISSED = re.compile(
    r"未[^,;。]{0,12}?达到[^,;。]{0,4}主要[^,;。]{0,2}终点|未(能)?达到[^，,。；;]{0,6}(主要)?终点|没有达到|未(见|发现|证实|观察到|显示)[^，,。；;]{0,10}(获益|疗效|效果|差异|改善)|"
    r"没有[^，,。；;]{0,12}(获益|疗效|效果|差异)|(宣告|以)?失败(告终)?|无效|无显著(治疗)?效果|未复制|未加速|"
    r"\b(end ?point|outcome)s?\b[^.;]{0,24}\b(was|were) not met|\b(none|neither)\b[^.;]{0,20}\bmet\b|"
    r"\b(did not|failed to|failing to|does not|didn't|could not|was not able to) (meet|improve|show|reach|achieve|demonstrate|slow|extend|reduce|benefit)|\bfailed\b|\bmissed\b|"
    # "did not find evidence of a clinical benefit", "no evidence of efficacy"
    r"\b(?:(?:did not|failed to|could not) find (?:any )?|\bno )evidence (?:of|for) (?:an?\s+)?"
    r"(?:clinical\s+|significant\s+|therapeutic\s+)?(?:benefit|efficacy|effect|improvement)|"
    # "did not succeed in reducing", "the trial was unsuccessful", "fell short of its primary endpoint"
    r"\b(did not|does not|didn't) succeed\b|"
    r"\b(?:trial|study|studies|treatment|therapy|drug)\b[^.;,]{0,30}\b(?:was|were|proved|has been) unsuccessful\b|"
    r"\bf(?:ell|alls?|alling) short (?:of|on) (?:its |the |their |a )?(?:[\w-]+\s+){0,2}?"
    r"(?:end ?points?|goals?|objectives?|primary|significance|expectations)|\bno (significant )?(benefits?|effects?|differences?|improvements?)\b|\bno significant changes? in\b|"
    r"\binconclusive|\bstatistically insignificant|\b(?:was|were) not (?:statistically )?significant\b|"
    r"\bdid not reach (?:statistical )?significance\b|"
    r"\bno (?:better than|superior to)\s+(?:the\s+)?placebo\b|"
    r"\bnot (?:significantly )?(?:better than|superior to)\s+(?:the\s+)?placebo\b|"
    # a decline told (not slowed: "reduced the decline in ALSFRS-R score", "less decline in FVC")
    r"(?<!reduced the )(?<!reduces the )(?<!slowed the )(?<!slows the )(?<!less )(?<!slower )"
    r"(?<!smaller )(?<!lower )(?<!reduced )(?<!slowed )\bdecline in (fvc|alsfrs)|"
    # "Relyvrio's Phase 3 failure", "the failure of the PHOENIX trial"; not "respiratory failure".
    r"\b(phase [0-9][0-9/ab]*|trial|study)('s)? failure\b|"
    r"\bfailure of (the|its|their) ([\w-]+ ){0,3}(trial|study|drug|therapy|treatment|candidate)\b|"
    # "stopped early for futility", "halted due to lack of efficacy"; not "an interim analysis
    # for futility is planned".
    r"\b(stopp|halt|terminat|discontinu|end|clos|remov|dropp)\w*\b[^.;]{0,40}\b(for|due to|because of|owing to) "
    r"(futility|lack of (efficacy|benefit))\b|因无效而?(提前)?(终止|停止|中止|叫停)|"
    # "met the criteria for futility", "crossed the futility boundary", "deemed futile"
    r"\b(met|meets|crossed|reached|hit)\s+(the\s+)?(pre-?specified\s+)?(criteria|criterion|boundary|threshold)\s+"
    r"for\s+futility\b|\b(met|crossed|reached|hit)\s+(the|a|its)\s+(pre-?specified\s+)?futility\s+"
    r"(boundary|threshold|criteria|criterion)\b|\b(deemed|declared|judged|found)\s+futile\b"
)
# A product made of others: "Relyvrio是苯丁酸钠和牛磺酸二醇的复方制剂", "AMX0035, a combination of
# sodium phenylbutyrate and taurursodiol", "X是一种口服疗法，结合了两种现有的药物：A和B", "X combines A
# and B".
COMBINATION_OF = re.compile(
    r"复方|固定剂量|结合了|由[^，,。；;]{0,12}组成|\bcombination of\b|\bfixed[- ]dose\b|\bco-?formulation\b"
    r"|\bcombin(?:es|ing)\b"
)
# A preclinical result: a model named and an effect in it ("在TDP-43突变斑马鱼模型中恢复运动功能",
# "in preclinical models, X has been shown to promote neuroprotection").
PRECLINICAL_MODEL = re.compile(
    r"临床前|动物模型|细胞模型|小鼠|大鼠|斑马鱼|果蝇|线虫|类器官|\bpreclinical\b|"
    r"\b(?:mouse|mice|rat|rodent|zebrafish|animal|cell|cellular|drosophila)\s+models?\b"
    r"|\bin (?:[\w-]+\s+){0,2}?(?:mice|rats)\b"
)
PRECLINICAL_EFFECT = re.compile(
    r"减少|降低|保护|恢复|改善|抑制|延长|促进|挽救|减轻|"
    r"\b(?:reduc|protect|restor|improv|promot|rescu|prolong|extend|attenuat|amelior|preserv)\w*"
)
# Mechanism-only sentences are not claims; these words do not make an outcome.

# An application taken on for review: "has accepted for review its New Drug Application".
_ACCEPTED = (
    r"\baccept(?:ed|s)\s+(?:for\s+(?:priority\s+|standard\s+)?(?:review|filing)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:new drug application|biologics license application|marketing authori[sz]ation application|"
    r"s?nda|s?bla|maa)\b"
)
EVENT = re.compile(
    r"\btop-?line\b|\bprovid\w* an update\b|上市|获批|批准|获准|核准|核可|授予|认定|启动|开展|开始|完成|首例|给药|入组|招募|提交|申请|递交|受理|宣布|公布|发布|报道|报告|发表|取得|达到|"
    r"撤市|退市|下市|撤回|撤出|终止|暂停|进行|研究|试验|植入|手术|第一剂|首剂|首次(给药|注射|用药|治疗)|用药|注射|发现|证实|显示|处方|开方|"
    r"临床(?:应用|使用)|"
    # Japanese and Korean: "承認された", "投与", "治験"; 시작, 허가, 승인, 투여, 등록, 신청 …
    r"承认(?:され(?!な)|済|を取得|を受け)|投与|治[験验]|시작|허가|승인|완료|투여|등록|신청|발표|개시|지정|획득|"
    # a first use, in English as in Chinese: "the first dose of X was given", "first commercial prescription"
    r"\bfirst (?:commercial )?(?:doses?|prescriptions?)\b|\bdosing\b|"
    r"\b(approv\w*|launch\w*|submit\w*|(?:s?nda|bla|maa|ind|cta|regulatory|marketing)\s+(?:submissions?|filings?)|filed|read[\s-]?outs?|green[\s-]?light\w*|initiat\w*|start\w*|commenc\w*|ends|ended|began|begin\w*|enter(ed|s|ing)?|enrol\w*|randomi[sz]\w*|dosed|announc\w*|report\w*|publish\w*|complet\w*|withdr[ae]wn?|discontinu\w*|results?|vot\w*|grant\w*|awarded\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:designation|status)|designated\s+(?:as\s+)?(?:an?\s+)?(?:orphan|breakthrough|fast|priority|rare)|cleared|authori[sz]\w*|receiv\w*|recommend\w*|implant(?:ed|s)?)\b|"
    # a regimen joining a platform trial: "was added to the trial in April 2023"
    r"\badded to the (?:[\w-]+ ){0,3}(?:trial|platform)\b|加入[^,;。，；]{0,8}平台试验|"
    # ... or an arm named as one: "A third drug, amantadine, was added in April 2023"
    r"\b(?:drug|arm|regimen|treatment)s?,\s+[^.;,]{1,40},\s+(?:was|were|has been|have been)\s+added\b|"
    # a regulator's review and its timing: "the PDUFA date", "its user fee decision date", "the
    # FDA delayed the review until April 25th", "a negative CHMP opinion"; 审评延期
    r"\bpdufa\b|\b(?:decision|action|goal)\s+date\b|\b(?:delay\w*|postpon\w*|push\w* back|extend\w*)\b"
    r"[^.;]{0,40}\b(?:review|decision)\b|\b(?:positive|negative)\s+(?:chmp\s+)?opinion\b|审评[^，,。；;]{0,6}(?:延期|推迟|延长)|"
    + _ACCEPTED
)
WITHDRAWAL = re.compile(
    r"撤市|退市|下市|撤回上市|撤出[^,;。]{0,10}市场|\bwithdrawn\b|\bwithdrew\b|\bwithdraw\b[^.;]{0,30}\bmarkets?\b|\bdiscontinued\b|"
    # an application taken back: "decided to withdraw its application for the approval of",
    # "withdrawing the marketing authorisation application", "撤回…上市申请"
    r"(?<!not )(?<!n't )(?<!never )(?<!no plans to )(?<!not to )"
    r"\bwithdraw(?:s|ing)?\s+(?:its\s+|the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:applications?|maa|nda|bla|filings?)\b|"
    r"(?<!不会)(?<!不)(?<!未)(?<!没有)(?<!无意)撤回[^，,。；;]{0,16}申请|"
    # development ended: "will terminate the development of", "halted development of", "stop
    # developing", "终止…的开发"
    # (not "will not stop development", "halt the development of ALS", "ended its development
    # partnership")
    r"(?<!not )(?<!n't )(?<!never )\b(?:terminat|discontinu|halt|stop|end|ceas|abandon|shelv)\w*\s+"
    r"(?:the\s+|its\s+|their\s+|all\s+)?(?:further\s+|clinical\s+)?develop(?:ment|ing)\b"
    r"(?!\s+(?:of\s+(?:als|amyotrophic|the disease|disease|symptoms|motor)|partnerships?|agreements?|"
    r"collaborations?|deals?))|"
    r"(?<!不会)(?<!不)(?<!未)(?<!没有)(?:终止|停止|中止|放弃|暂停)[^，,。；;]{0,12}(?:开发|研发)"
)
# A regulator's approval stated as done, with no date: "has been approved by the Therapeutic Goods
# Administration", "FDA approved Radicava", "获美国FDA批准上市" (not "FDA-approved", "approved for").
# A regulator named by what it is: "加拿大监管机构", "卫生部" (Health Canada), Taiwan's "食药署".
_CN_REGULATOR = r"监管机构|监管部门|监管当局|卫生部|卫生署|食药署|食品药物管理署|药物管理局"
APPROVED_EVENT = re.compile(
    r"(?<!should )(?<!would )(?<!could )(?<!might )(?<!must )(?<!\bif )\b(?:has|have|had) (?:now )?been "
    r"approved by (?:the )?(?:u\.?s\.? |european |japanese |chinese )?(?:fda|food and drug|ema|"
    r"european medicines|european commission|tga|therapeutic goods|nmpa|pmda|mhra|health canada|"
    r"anvisa|swissmedic|medicines|regulator)"
    r"|\b(?:fda|ema|tga|nmpa|pmda|mhra|health canada|the agency|the regulator)\s+(?:has\s+|have\s+)?approved\b"
    r"(?!\s+(?:drugs?|treatments?|therap\w+|medications?|medicines?|products?|for)\b)"
    rf"|(?:fda|ema|nmpa|药监局|药品监督管理局|食品药品管理局|药品管理局|{_CN_REGULATOR})[^，,。；;]{{0,6}}(?:宣布)?[^，,。；;]{{0,16}}获批|"
    # ... and, in the active voice, "FDA批准了一种新疗法", "加拿大卫生部批准了…"
    rf"(?:获(?:得)?(?:美国|欧盟|日本|中国)?[^，,。；;]{{0,10}}(?:fda|ema|nmpa|药监局|监督管理局|药品管理局|{_CN_REGULATOR})[^，,。；;]{{0,6}}(?:批准|核准)"
    rf"|(?:fda|ema|nmpa|药监局|监督管理局|药品管理局|{_CN_REGULATOR})(?:正式|已经|已)?(?:批准|核准)了)"
    # (not an approval to reimburse it or to use it under an exemption: "批准纳入健保给付",
    # "批准，可在医院豁免条款下…")
    r"(?![^。；;]{0,12}(?:纳入|给付|报销|医保|健保|豁免))"
)
# ... and not one doubted, denied, asked about or refused.
APPROVAL_DOUBTED = re.compile(
    r"\b(?:rumou?rs?|false|not true|untrue|denied|whether|if|should|would|could|might|not|never)\b|[?？]|"
    r"吗|谣言|不属实|不足以|反对|拒绝|否决|是否|能否|未能|尚未|没有|未获"
)
APPROVAL = re.compile(
    r"批准|获批|获准|核准|核可|\bapprov\w*|\bauthori[sz]\w*|"
    # Japanese "承認された", "承認を取得" (t2s: 承认), Korean "품목허가를 받았다", "승인을 획득" (a
    # grant received: not "承認を申請", "承認されなかった", "허가를 신청")
    r"承认(?:され(?!な)|済|を取得|を受け)|(?:허가|승인)(?:를|을)?\s*(?:받|획득|취득)"
)
# ... and, to a source, the day the FDA is to decide: "the PDUFA goal date is Sept. 29, 2022",
# "a target action date of …" (an approval to come, for a claim of one planned).
VERIFY_APPROVAL = re.compile(
    rf"{APPROVAL.pattern}|\bpdufa\b|\b(?:target|goal) action date|处方药用户付费法"
)
TRIAL_APPROVAL = re.compile(
    r"(获批|批准|获准)[^,;。]{0,24}?(开展|进行|开始|启动)[^,;。]{0,12}?(临床|试验|研究)|\bind\b|"
    r"临床试验(申请)?(获|的)?(批准|许可|默示许可)|双报双批|\bcleared\b|"
    # Korean: a trial's plan cleared ("임상시험계획 승인", "임상 3상 시험을 승인받았다")
    r"(?:시험계획|임상시험|임상\s*\d\S*\s*시험|IND)[^.。]{0,12}승인|"
    # "the FDA has now approved a long-term clinical trial", "approved the Phase 2 study"
    r"\bapproved\s+(?:a|an|the|its|their)\s+(?:[\w/-]+\s+){0,3}?(?:clinical\s+)?(?:trial|study)\b"
)
# (and "正式进入临床应用", "投入临床使用": a drug in use in clinics; "开出……首个处方", "the first
# commercial prescription": its first use as a medicine)
# A trial launched is a trial started, not a product's launch: "launched a phase 2 trial", "a
# randomized trial that is being launched in the US".
TRIAL_LAUNCHED = re.compile(
    r"\blaunch(?:ed|es|ing)?\s+(?:a|an|the|its|their)\s+(?:[\w/-]+\s+){0,4}?(?:trial|study|cohort|arm)\b|"
    # (the trial the subject: "a trial of NurOwn that is being launched", not "after the CENTAUR
    # study Relyvrio was launched")
    r"\b(?:trial|study|cohort|arm)\s+(?:of\s+[\w-]+\s+)?(?:(?:that|which)\s+)?"
    r"(?:is|was|were|are|has|have|had|will)?\s*(?:been\s+|being\s+|be\s+)?launched\b"
)
LAUNCH = re.compile(
    r"上市|\blaunch\w*|(?:进入|投入|应用于|用于)临床(?:应用|使用)|"
    # (a hospital writing it, not a patient getting it: "拿到了利鲁唑的首张处方")
    r"开出[^，,。；;]{0,20}?首(?:[个张]|次)处方|(?<!\bmy )(?<!\bhis )(?<!\bher )(?<!\btheir )\bfirst (?:commercial )?prescription"
)
# Filing with a regulator: a verb, not the bare noun "申请" ("临床试验申请获批" is a trial start).
SUBMISSION = re.compile(
    r"提交|递交|申报|受理|\bsubmit\w*|\bsubmissions?\b|\bfiled\b|\bfiling\b|" + _ACCEPTED
)
# The outcome concerns the primary endpoint: contradictions are looked for between these.
PRIMARY_ENDPOINT = re.compile(r"主要(疗效)?(终点|指标)|\bprimary (end ?point|outcome)")
DOSING = re.compile(
    r"给药|首例受试者|首例患者|第一剂|首剂|首次(给药|注射|用药)|\bdosed\b|\bfirst (patient|participant|dose)|"
    # a device's first use: its implant
    r"植入|\bimplant(?:ed|s)?\b"
)
TRIAL_START = re.compile(
    r"启动|开展|开始|入组首例|\binitiat\w*|\bstart\w*|\bbegan\b|\bcommenc\w*|"
    # a regimen joining a platform trial starts that regimen's trial
    r"\badded to the (?:[\w-]+ ){0,3}(?:trial|platform)\b|加入[^,;。，；]{0,8}平台试验|"
    # ... or an arm named as one: "A third drug, amantadine, was added in April 2023"
    r"\b(?:drug|arm|regimen|treatment)s?,\s+[^.;,]{1,40},\s+(?:was|were|has been|have been)\s+added\b"
)
PLANNED = re.compile(
    r"计划|将会|将于|将在|即将|有望|希望|期望|预计|拟|准备|打算|\bplans?\b|\bplanned\b|\bexpect\w*|\bwill\b|\baims? to\b|\bintends?\b"
)

# Words opening a sentence that go on about what came before: anaphora ("该药", "the drug"),
# conjunctions, ordinals ("第二项"), relative dates, the patient of a case report. A sentence in a
# new paragraph takes the earlier therapy only after one of them (up to 12 characters in).
CONTINUATION = re.compile(
    r"^(?:[^。;]{0,12}?)(该|此|这|其(?!他)|上述|同年|次年|翌年|当年|随后|此后|之后|后来|但|然而|不过|此外|另外|同时|因此|"
    r"第[一二三四五六七八九十\d]+项|另一项|另一个|患者|病友|受试者|参与者|研究团队|该团队|团队|研究者|研究人员|公司)"
    r"|^(?:[^.;]{0,16}?)\b(the\s+(?:[\w-]+\s+){0,4}?(drug|therapy|trial|study|treatment|company|agency|approval|"
    r"decision|data|findings|results?|medicine|product)|this|these|it|its|however|but|subsequently|later|then|since|"
    r"in addition|additionally|meanwhile|that year|the following year)\b"
)
# Dates that are not a therapy's event: an "as of" date, the page's own publication line, a
# patent term ("专利保护期至2035年"), read in the words right before the date ...
# A person's history beside a date: "2016年因游泳意外导致瘫痪", "确诊于2019年", "was diagnosed with ALS
# in 2019", "paralyzed in a diving accident in 2016" — the patient's, not the therapy's event.
PATIENT_HISTORY = re.compile(
    r"确诊|被?诊断(?:为|出|患)|发病|患上|罹患|因[^，,。；;]{0,12}?(?:事故|车祸|受伤|摔伤)|"
    r"(?:游泳|潜水|跳水|滑雪|运动|交通)意外|导致[^，,。；;]{0,6}?瘫痪|"
    # (a person's, not those "who were diagnosed" a program or a trial takes)
    r"(?<!\bwho )(?<!\bthat )\b(?:was|were|been|being)\s+diagnosed\b|\b(?:was|were|been)\s+paraly[sz]ed\b|"
    r"\b(?:diving|swimming|car|motorcycle|bicycle|cycling|skiing|riding)\s+accident\b|\binjured\s+in\b"
)
NON_EVENT_DATE_BEFORE = re.compile(
    r"(截至|截止|截止到|迄今|\bas (of|at)(\s+(early|mid|late|the end of|end of))?|(发布|發布|发表|更新|编辑|上传)(日期|时间)\s*[:：]?|\b(published|posted|updated|filed( at)?|date filed|filing date)\s*:"
    r"|专利[^,;。]{0,10}|\bpatents?\b[^.;]{0,30}|\b(founded|established|incorporated)(\s+in)?"
    # a document's own version: "(protocol version 5.0, 12-Jan-2016)", "方案版本号：3.0，2016年1月12日"
    r"|\bversion\s*[\d.]+\s*[,;:]?|版本号?\s*[:：]?\s*[\d.]+\s*[,，;；]?"
    # "the first ALS drug approved in Canada since 2018": another event's year.
    r"|\bfirst\b(?!\s+(?:patient|participant|subject|person|dose))"
    r"(?:(?!\band\b|\bhas\b|\bhave\b|\bwas\b|\bwere\b)[^.;,]){0,70}\bsince"
    # money given to research, dated: "with investments starting in 2004", "资助始于2010年"
    r"|\b(?:investments?|donations?|grants?|funding)\s+(?:starting|beginning|since|from)(?:\s+in)?"
    r"|(?:资助|捐赠|捐款|投资)(?:始于|自|从))\s*$"
)
# ... or a patent granted or filed in the date's clause ("approval of its US patent application",
# "获得专利授权"): the company's intellectual property, no therapy event ...
PATENT = re.compile(
    r"\bpatents?\b(?:\s+application)?\s+(?:was\s+|were\s+|has been\s+)?(?:approv|grant|issu|allow|fil)\w*"
    r"|\b(?:approv|grant|issu|allow|fil)\w*\s+(?:of\s+)?(?:its\s+|the\s+|a\s+)?(?:[\w.-]+\s+){0,2}?patents?\b"
    r"|专利(?:授权|证书|申请)|(?:获得|取得|获)[^，,。；;]{0,10}专利"
)
# ... or sales and money in the date's clause ("2023年该产品销售额达3.8亿美元") ...
MONEY_CLAUSE = re.compile(
    r"销售额|销售收入|营收|营业收入|净利润|市值|股价|财报|年报|季报|财务报告|业绩|\bsales\b|\brevenues?\b|"
    r"\bnet (income|loss)\b|\bearnings\b|\b(annual|quarterly|financial) (report|results)\b|"
    # money a product brought in: "brought in $380 million", "带来3.8亿美元收入"
    r"\b(brought in|generated|earned)\b|收入|"
    # money a company raised: "宣布获得了7500万美元融资", "raised $75 million in a Series C round"
    r"融资|募资|\bfinancing\b|\bfunding round\b|\braised\s+(?:us\s*)?\$|\bseries [a-e] (?:round|financing)\b"
)
# ... and in a sentence about money, a clause that gives only an amount ("2024年上半年则是960万美元",
# "and $9.6 million in 2024"): the year of a figure, unless the clause tells an event too.
MONEY_AMOUNT = re.compile(
    r"\d[\d.,]*\s*(?:万|亿|千万)?\s*(?:美元|元|人民币|欧元|英镑|日元)|[$€£]\s?\d|\b(?:usd|eur)\s?\d",
    re.IGNORECASE,
)
# ... of which money a company raised dates nothing of its drug even from a clause of its own.
FUNDING = re.compile(
    r"融资|募资|\bfinancing\b|\bfunding round\b|\braised\s+(?:us\s*)?\$|\bseries [a-e] (?:round|financing)\b"
)
# ... or a guidance document's year right after it ("2023年版指南", "the 2023 guideline") ...
NON_EVENT_DATE_AFTER = re.compile(
    r"\s*(年版|版)?\s*(诊疗|治疗|诊治)?(指南|共识|专家共识|\bguidelines?\b|\bconsensus\b)"
    # ... or a company's founding: "2016年成立Neuralink" (see also "founded in" above).
    r"|\s*(成立|创立|创办|创建)(?!\s*(以来|至今))"
    # "自2018年以来首个获批的药物": the year of the one before.
    r"|\s*(以来|之后)[^,，。；;]{0,8}首"
)
# ... nor the day the press reported it: "美媒去年11月报道，X计划…" (not "结果于2021年10月报道": the
# result's own report).
MEDIA_BEFORE = re.compile(
    r"(?:媒|媒体|报纸|路透社?|彭博社?|美联社|法新社|新华社|记者)[^，,。；;]{0,4}$"
)
MEDIA_REPORT_AFTER = re.compile(r"\s*(?:的)?(?:报道|報道|报导|報導)")
# An inventory: "截至2024年底，FDA已批准三种药物：…", "目前只有两种药物获批", "only two approved drugs".
# The drugs it lists are not claims of theirs.
AS_OF = re.compile(
    r"截至|截止|迄今|至今|目前|现有|当前|\bas of\b|\bto date\b|\bcurrently\b|\bonly\b|\bjust\b"
)
# "X, Y and Z are some of the FDA approved ALS treatments", "目前获批的药物如X、Y": what is on
# the market, named as such, with no event of its own.
INVENTORY_PHRASE = re.compile(
    r"(?:approved|available|marketed|existing)\s+(?:(?:als|disease-modifying|[a-z]+)\s+){0,3}"
    r"(?:treatments|drugs|therapies|medications|medicines|options)\b|"
    r"(?:treatments|drugs|therapies|medications|treatment options)\s+(?:currently\s+)?(?:approved|available)\b|"
    r"(?:目前|现有|已)(?:已)?(?:获批|批准|上市|可用)?的?(?:药物|疗法|治疗药物)(?:如|包括|有)|"
    r"(?:获批|已上市|可用)的?(?:药物|疗法)(?:如|包括|有|仅有|只有)|"
    # "treatment options remain limited to X and Y", "治疗仍仅限于X和Y"
    r"(?:treatment options|treatments|therapies|options|drugs)\s+(?:\w+\s+)?(?:limited|restricted)\s+to\b|"
    r"(?:治疗|药物|疗法|选择)[^，,。；;]{0,6}(?:仅限于|局限于)"
)
DRUG_COUNT = re.compile(
    rf"(\d+|[{CN_NUMERAL}])\s*(种|款|个)[^,;。，；]{{0,6}}(药物|药品|药|疗法|治疗方法)"
    r"|\b(two|three|four|five|six|\d+)\s+(\w+\s+){0,2}(drugs|medications|medicines|therapies|treatments)\b"
)
# A therapy named by description: the one the text was last about ("2024年10月，该药在中国获批").
ANAPHOR = re.compile(
    r"该药物|该药品|该新药|该候选药物|该候选药|该药|该产品|该疗法|该款药物|此药|本品|这款新药|这款药物|这款药|这种药物|此款药物"
    # a device by description: "该装置", "这套脑机接口装置", "the implant"
    r"|(?:该|这套|这款|此)(?:脑机接口|脑机)?(?:装置|设备|植入物|芯片)"
    # (not "for the treatment of ALS": treating, not a product)
    r"|\b(?:the |this )(?:investigational |experimental |study )?(?:drug|medicine|candidate|product|device|implant|"
    # (not a compound it heads: "the treatment period", "the therapy options")
    r"(?:treatment|therapy)(?!\s+of\b))\b(?![\s-]+(?:periods?|phases?|durations?|windows?|"
    r"options?|landscape|emergent|naive|naïve|assignments?|allocation|sequence)\b)"
    r"|\bthe company's (?:lead |investigational )?(?:drug |therapy |product )?candidate\b"
)
# "a potential new therapeutic approach being developed by Amylyx": the company's product.
PRODUCT_DEVELOPED_BY = re.compile(
    r"\b(?:a|an) (?:[\w-]+ ){0,3}(?:drug|therapy|treatment|therapeutic(?: approach)?|candidate|compound) "
    r"(?:being |that is being )?developed by\b"
)
# A company's product by description, often before its name: "its experimental drug", "one of
# its treatments for ALS", "a potential new therapeutic approach being developed by Amylyx".
PRODUCT_DESCRIPTION = re.compile(
    r"\b(?:its |their )(?:experimental |investigational |lead |als )?(?:drug|therapy|treatment|candidate|medicine)\b"
    r"|\bone of (?:its |their )(?:experimental |investigational |als )?(?:drugs|therapies|treatments|candidates)\b"
    r"|该公司的?(?:在研|候选|核心)?(?:药物|新药|产品|疗法)|其(?:在研|候选|核心)(?:药物|新药|产品|疗法)"
    # a company's device: "其支架植入物", "其发明的脑机装置", "its implant"
    r"|其(?:研发的|发明的|开发的)?(?:脑机接口|脑机|支架)?(?:装置|设备|植入物|芯片)"
    r"|\b(?:its |their )(?:brain[\s-])?(?:device|implant)\b"
)
# A sentence about another disease and not about ALS makes no ALS claim ("已完成多发性硬化症的2期试验",
# "zilucoplan … approved to treat myasthenia gravis").
OTHER_DISEASE = re.compile(
    r"多发性硬化|帕金森|阿尔茨海默|老年痴呆|脑卒中|中风|脊髓损伤|重症肌无力|亨廷顿|脊髓性肌萎缩|肿瘤|癌症|"
    r"\bmultiple sclerosis|\bparkinson|\balzheimer|\bstroke\b|\bspinal cord injur|\bmyasthenia|\bhuntington|"
    r"\bwolfram|\bsupranuclear|\bcancer|\btumou?r|\bspinal muscular atrophy|"
    r"\bgraft[\s-]versus[\s-]host|\bgvhd\b|\brestless legs|\bduchenne|\bmuscular dystrophy|\blupus\b|"
    r"\brheumatoid|\bpsoriasis|\bleuka?emia|\blymphoma|\bmyeloma|\bhiv\b|\bhepatitis|"
    r"\bretinitis pigmentosa|\bmacular degeneration|"
    r"移植物抗宿主|不宁腿|杜氏肌营养不良|红斑狼疮|类风湿|白血病|淋巴瘤|骨髓瘤|艾滋病|乙肝|银屑病|视网膜色素变性|黄斑变性"
)
# ... and, for a whole source that never names ALS, more conditions whose names in an ALS article
# may only describe a drug ("an epilepsy drug"): "myotonic dystrophy", "癫痫".
OTHER_CONDITION = re.compile(
    r"\bmyotonic dystrophy|\bepilep|\bmigraine|强直性肌营养不良|肌强直性营养不良|癫痫|偏头痛|"
    # ... or trials of the pandemic's patients ("40 adults hospitalised with COVID-19", "COVID-19
    # pneumonia"; not "halted by the COVID-19 pandemic")
    r"\b(?:patients|adults|people|participants|subjects) (?:hospitali[sz]ed )?with (?:severe |mild |moderate )?covid|"
    r"\b(?:treating|treatment of) (?:severe |mild |moderate )?covid|\bcovid(?:-19)? (?:patients|pneumonia)\b|"
    r"新冠(?:肺炎)?患者|新型冠状病毒感染患者"
)
# An organisation named for a disease: "Institute of Neurological Disorders and Stroke",
# "Foundation for Parkinson's Research", "Alzheimer's Association", "帕金森病协会".
ORGANISATION_BEFORE = re.compile(
    r"\b(?:institute|foundation|association|society|council|centre|center)\s+(?:of|for|on)\s+"
    r"(?:[\w'’-]+\s+){0,5}$"
)
ORGANISATION_AFTER = re.compile(
    r"[\w'’]*\s*(?:disease\s+)?(?:association|society|foundation|institute|协会|学会|基金会|研究所)"
)
ALS_DISEASE = re.compile(
    r"渐冻|肌萎缩侧索硬化|肌萎缩性侧索硬化|肌萎缩性脊髓侧索硬化|侧索硬化|运动神经元病|运动神经元疾病|(?<![a-z])als(?![a-z])|"
    r"卢伽雷|葛雷克|路格里克|\blou gehrig|"
    r"\bamyotrophic|\bmotor neurone? disease|(?<![a-z])mnd(?![a-z])|sod1"
)
# Direct speech is opinion: "“新药固然令人期待，但……才是延长患者生存的关键。”"
QUOTED_SPEECH = re.compile(r"^\s*[“\"「『]")
# A mention that is background or control: "在利鲁唑治疗基础上", "联合利鲁唑", "仅使用利鲁唑".
# A drug given for a purpose besides the trial's: "took tacrolimus to prevent rejection",
# "medications such as amantadine for fatigue", "no tacrolimus or other immunosuppression",
# "他克莫司抗排斥".
CARE_PURPOSE_AFTER = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:to\s+(?:prevent|avoid|suppress)\s+(?:graft\s+)?(?:rejection|the immune)|"
    r"as\s+(?:an?\s+)?immunosuppress|or\s+other\s+immunosuppress|"
    r"for\s+(?:fatigue|spasticity|pain|sleep|insomnia|depression|cramps?|sialorrh|drooling|constipation|anxiety)\b|"
    r"(?:用于|以)?(?:预防|防止)?(?:排斥|抗排斥))"
)
# ... unless the drug is what the trial tests: "a Phase 2 trial of mexiletine for cramps".
TESTED_BEFORE = re.compile(
    r"(?:\b(?:trial|study|studies)\s+(?:of|testing|evaluating)|\btest(?:s|ed|ing)?|\bevaluat\w*)"
    r"\s+(?:[\w-]+\s+){0,2}$"
)
BACKGROUND_BEFORE = re.compile(
    r"(联合|联用|合用|并用|合并|结合|搭配|配合|加用于|仅使用|仅用|单用|仅接受|add-on (therapy |treatment )?to|added to|adjunct(ive)? (therapy |treatment )?to|on top of|in combination with|combined with|"
    r"stable doses? of|background|concomitant|"
    # what patients must already take: "were required to be taking riluzole", "allowed to
    # continue" (not "required to take CB-905 in an extension": the study drug)
    r"\b(?:required|allowed|permitted) to (?:be taking|be on|continue(?: taking)?|remain on)|"
    # an inclusion criterion's "Patients have to be treated with riluzole", "Patients who have
    # started on edaravone shall continue edaravone treatment"
    r"\b(?:have|has|need|needs|must) (?:to )?be (?:treated with|taking|on)|"
    r"\bwho (?:have|had|has) started on|\b(?:shall|must|should) continue(?: taking| on)?|(?:\bdaily|\bmg|/day)\s+(?:together with|alongside|in addition to) |\bstratified by (?:(?:prior |concomitant )?use of )?|\bplus|\b(kept|stayed|remained|continued|maintained) (on|taking)|\bcontinued|"
    r"(继续|维持|保持|稳定)(服用|使用|接受)|(已|正在)(服用|使用)|"
    # ... with its dose between: "继续每天两次服用 50 mg 的利鲁唑"
    r"(继续|维持|保持)[^，,。；;]{0,8}(服用|使用)[^，,。；;]{0,10}的|"
    # "the subgroup treated without RELYVRIO", "未服用利鲁唑的患者": defined by not taking it.
    r"\bwithout|\bnot (taking|on|receiving)|未(曾)?(服用|使用|接受)|"
    # "在维持原治疗的状况下(Edaravone、Riluzole或并用)", "standard of care (riluzole)": the drugs
    # of the treatment patients already have.
    r"(原|原有|现有|既往|标准|基础|背景)(治疗|疗法|用药)[^,;。，；]{0,10}[(（]|"
    r"\b(standard[\s-]of[\s-]care|standard (therapy|treatment)|existing (therapy|treatment))[^.;]{0,10}\(|"
    # "标准治疗药物利鲁唑", "马赛替尼+利鲁唑": named as the care patients already get, or added
    # with "+" like "plus".
    r"(标准|基础|背景)(治疗)?(药物|用药|疗法)|\+)\s*$"
)
# A clause that opens on "Of the 12 subjects…" counts those analysed, not those enrolled.
SUBSET_OPENER = re.compile(r"(?:^|[,;:]\s*)of (?:the|these|those)[,\s]+$")
# Counts that are a part of the trial, not its size: "Five additional participants", "another
# 12 patients", "50%(N=191)", "一半(n=60)", "另外122名同时随机分配的参与者", and those an
# analysis counted: "在中期分析(192位患者)中", "interim analysis (n=192)".
PART_COUNT_BEFORE = re.compile(
    r"(?:\d+(?:\.\d+)?\s*%|一半|半数|另外|另有|其余|\banother|\bfurther|中期分析|期中分析|"
    r"\binterim analys[ie]s|"
    # "preliminary data from eight patients taking part": the first of them, those analysed so far
    r"\b(?:preliminary|interim|early|initial)\s+(?:data|results|findings)\s+(?:from|of|on|in)"
    r"(?:\s+the)?(?:\s+first)?)\s*[(（]?\s*(?:n\s*=\s*)?$"
)
# A ratio's second number is no count of people: "1 in 6 patients has this variation", "one out
# of ten people", "每6名患者中有1名" (one in so many: not "a phase 1 in 30 volunteers", "from 2019
# in 120 patients").
RATIO_BEFORE = re.compile(
    r"(?:(?<!phase )(?<!stage )(?<!part )(?<!cohort )\b(?:1|one)\s+(?:in|out of)\s+|每\s*)$"
)
PART_COUNT_AFTER = re.compile(r"\s+(?:additional|more|further|extra)\b")
# "Study PRO-101", "trial ATH-1105-201": a code after these words names a trial, not a therapy.
TRIAL_NAME_BEFORE = re.compile(r"\b(study|trial|protocol)\s+$")
# "rhCNTF", "r-metHuBDNF", "recombinant human IGF-1": a recombinant protein is the protein's therapy.
RECOMBINANT_PREFIX = re.compile(
    r"^(?:r-?met-?hu-?|rhu-?|rh-?|recombinant\s+(?:human\s+)?)(?=[a-z])"
)
# A paper's publication history: none of its dates is an event of a therapy ("Manuscript submitted
# July 6, 2020, accepted July 18, 2020, published online August 12, 2020", "收稿日期：…；修回日期：…").
PUBLICATION_HISTORY = re.compile(
    r"\bmanuscript (submitted|received)|\breceived\s*:|\barticle history|\bsubmitted\s*:|"
    # "Pages 378-383 | Received 27 Nov 2008, Published online: 18 Nov 2009" (a line's or a
    # field's head: not "the complete response letter, received 12 May 2022")
    r"\bpublished online\s*:|(?:^|\|)\s*(?:received|accepted)\s*:?\s+"
    r"(?:\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})|"
    r"收稿日期|收稿时间|投稿日期|修回日期|接受日期|录用日期"
)
# A subgroup's count is no trial's size: "the pre-specified subgroup … (n=130)", "亚组（n=40）".
_SUBGROUP = r"sub-?groups?|\bsubsets? of\b|\bsubpopulation|亚组"
# ... and so is the count of an analysis set smaller than the trial: "the primary efficacy
# population (n=151)", "主要分析人群(n=60)", "per-protocol set". Not the intention-to-treat or
# full analysis set ("意向治疗人群(n=108)", "全分析集", "full analysis set", "safety analysis set"),
# which is every participant.
ANALYSIS_SUBSET = re.compile(
    _SUBGROUP
    + r"|(?<!full )(?<!safety )\b(?:efficacy|analy[sz]is|analy[sz]ed|evaluable|per[- ]protocol|mitt|"
    r"completers?)\s+(?:population|set|cohort)\b|\bmodified intent(?:ion)?[- ]to[- ]treat|"
    r"\bper[- ]protocol\b|(?<!全)(?<!安全性)(?:分析|疗效|可评估|符合方案)(?:人群|集)|符合方案"
)
# A page speaking of itself: "This article presents a summary of drug trials completed between
# January 1, 2023 and June 30, 2024", "本文综述了……": its dates are its scope, no event's.
THE_PAGE_ITSELF = re.compile(
    r"^\s*(?:in\s+)?(?:this|the present|our)\s+(?:article|review|paper|overview|chapter|(?:blog\s+)?post|"
    r"report|summary|newsletter|digest)\b"
    r"|^\s*本(?:文|综述|篇)"
)
# ... whose scope dates stand in a period or after a word of what it covers.
SCOPE_DATE_BEFORE = re.compile(
    r"(?:\bbetween|\bfrom|\bsince|\buntil|\bthrough|\bup to|\bto|\band|\bpublished|\bcompleted|"
    r"\bconducted|\bcovering|\bin the period|期间|至|到)\s*$"
)
# An aside that tells the end of the period before it to the day: "(final follow-up, March 17, 2022)"
# (not another event: "(in South Korea on June 26, 2015)", "(protocol published March 15, 2021)").
SAME_END_ASIDE = re.compile(
    r"\(\s*(?:(?:final|last)\s+(?:follow[\s-]?up|visit|patient\s+visit)|data\s+cut[\s-]?off|"
    r"database\s+lock|completion|completed|ended|end)\b[^()]{0,12}$"
    # "…2020年7月至2022年3月，…平台试验(最终随访时间为2022年3月17日)"
    r"|[(（]\s*(?:最终|最后)(?:随访|访视)(?:时间|日期)?\s*(?:为|是|[:：])?\s*$"
)
# A review's pooled patients are no trial's: "1601 ALS patients were included in this review",
# "a meta-analysis of 12 trials (3,204 patients)", "纳入本次荟萃分析的1200名患者".
REVIEW_POOL = re.compile(
    r"meta-analy|meta分析|metaanaly|systematic review|this review|pooled analy|荟萃分析|系统评价|系统综述"
)
# Eligibility criteria: the drugs they name are what patients had taken, not what was studied.
ELIGIBILITY = re.compile(
    r"纳入标准|入选标准|入组标准|排除标准|\b(eligibility|inclusion|exclusion) criteria"
)
# ... and a record's row or paragraph of them, opened by its key ("纳入标准: | 1.…", "Inclusion
# Criteria: …"): every sentence of it is a criterion.
CRITERIA_ROW = re.compile(
    r"^[\s|•*#-]*(?:纳入标准|入选标准|入组标准|排除标准|"
    r"(?:main\s+|key\s+)?(?:inclusion|exclusion|eligibility)\s+criteria|"
    # ... and the care every participant keeps ("基础治疗: | 利鲁唑片 |")
    r"基础治疗|背景治疗|合并用药|concomitant medications?|background (?:therapy|treatment))"
    # (a record's row: its key before a cell bar; prose after "Eligibility criteria:" goes on)
    r"\s*[:：]?\s*\|"
)
# ... and a line of its own that heads them ("Inclusion Criteria", "纳入标准：").
CRITERIA_HEADING = re.compile(
    r"^[\s•*#-]*(?:纳入标准|入选标准|入组标准|排除标准|"
    r"(?:main\s+|key\s+)?(?:inclusion|exclusion|eligibility)\s+criteria)\s*[:：]?\s*$"
)
# ... and criteria written as rules for the patients, in the clause before the drug: "patients
# must not have been taking riluzole", "were allowed to continue edaravone", "不得使用利鲁唑".
ELIGIBILITY_BEFORE = re.compile(
    r"\b(?:patients|participants|subjects|people|they)\b[^;:.]{0,30}"
    r"(?:\bmust|\b(?:were|was|are|is) (?:required|allowed|permitted) to)\s+(?:not\s+)?"
    r"(?:(?:have|be|been)\s+){0,2}(?:taking|taken|take|on|continue|continuing|use|using|used|"
    r"remain on|stay on)\s+(?:(?:a\s+)?stable\s+(?:doses?\s+of\s+)?)?$|"
    r"(?:受试者|患者|参与者)[^,;:，；：。]{0,10}(?:必须|不得)(?:已|正在)?(?:服用|使用)\s*$"
)
# A covariate the analysis matched or adjusted for, anywhere in its list: "matched for age,
# gender, and riluzole use", "adjusted for site and edaravone use" (the drug is what patients
# took, not what was studied).
COVARIATE_BEFORE = re.compile(
    r"\b(?:matched|adjusted|controlled|controlling|balanced|stratified)\s+(?:for|by|on)\s+"
    r"(?:(?:prior\s+|concomitant\s+)?use\s+of\s+)?"
    # (the drug first, or an item of the list: after its comma, "and" or "or")
    r"(?:[^.;:()]{0,50}?(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+))?$"
)
# ... named as what patients used: "riluzole use", "use of riluzole" (not the drug studied
# opening the clause after an adjustment: "adjusted for age, pridopidine slowed …").
COVARIATE_AFTER = re.compile(r"\s+(?:use|usage|exposure|intake)\b")
COVARIATE_USE_OF = re.compile(r"\buse of\s+$")
# Patients on a drug who were kept out of the trial: "Patients taking topiramate or gabapentin were
# excluded from …" (an exclusion criterion told in prose).
EXCLUDED_TAKERS_BEFORE = re.compile(
    r"\b(?:patients|participants|subjects|people|those)\s+(?:taking|on|receiving|using|treated\s+with)\s+"
    r"(?:[\w-]+\s+(?:or|and)\s+)?$"
)
EXCLUDED_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:were|was|are|is|will be)\s+(?:excluded|ineligible|not eligible)\b"
)
# Patients on a drug, in a sentence that names another before it: "olesoxime did not show a
# benefit in ALS patients treated with riluzole" (the care the trial's patients are on).
EN_ON_CARE_BEFORE = re.compile(
    r"\b(?:patients|participants|subjects|people)\s+(?:already\s+|also\s+)?"
    r"(?:treated\s+with|taking|receiving|on)\s+$"
)
# ... or given as well: "those receiving ceftriaxone also received 300 mg of ursodiol",
# "接受头孢曲松的受试者还接受300mg的熊去氧胆酸".
ALSO_GIVEN_BEFORE = re.compile(
    r"(?:还|也|同时|另)(?:接受|服用|使用|给予)了?\s*(?:\d+(?:\.\d+)?\s*(?:mg|毫克|g|克)\s*的?)?$|"
    r"\balso\s+(?:received|receive|took|take|were given|was given|got)\s+"
    r"(?:\d+(?:\.\d+)?\s*(?:mg|g)\s+(?:of\s+)?)?$"
)
# One drug taken alongside another, right after it: "taking 4.5 mg/kg of masitinib alongside
# riluzole" (the second is the care the first is added to; only where the first is taken: not
# a pipeline's "developing X in addition to Y", a platform's "X, Y and Z alongside W").
ALONGSIDE_GAP = re.compile(
    r"\s*(?:\([^()]{0,20}\)\s*)?(?:alongside|together with|in addition to)\s+$"
)
TAKEN_BEFORE = re.compile(
    r"\b(?:taking|takes?|took|given|receiving|received|treated\s+with|doses?\s+of|"
    r"(?:mg|milligrams?)(?:/kg)?(?:\s+(?:a|per)\s+day|\s+daily)?\s+of)\s+$"
)
BACKGROUND_AROUND = re.compile(r"^在\s*$")
BACKGROUND_AFTER = re.compile(r"^\s*(?:[(（][^()（）]{0,30}[)）]\s*)?(治疗)?(的)?基础上")
# A drug given with the placebo is the control arm's standard care: "riluzole (100 mg/d) plus placebo".
WITH_PLACEBO_AFTER = re.compile(
    r"\s*(\([^()]{0,20}\)\s*)?(plus|\+|with|combined\s+with|together\s+with|联合|加|加用|合并)"
    r"\s*(a\s+|matching\s+)?(placebo|安慰剂)"
)
# "利鲁唑和安慰剂": named beside the placebo (a studied drug or a drug both arms take).
AND_PLACEBO_AFTER = re.compile(r"\s*(和|与|及|以及|and)\s*(安慰剂|placebo)")
# "有利鲁唑治疗史": a treatment history, not the studied drug.
# ... and "RELYVRIO-free", "Efficacy RELYVRIO® Free data set": defined by its absence.
# ... or by never having taken it: "riluzole-naive participants".
# ... and "riluzole-treated ALS patients": patients described by a drug they are on.
HISTORY_AFTER = re.compile(
    r"\s*(治疗|用药|服药)?史|[\s®™]*-?\s*(?:free|na[iï]ve)\b"
    r"|-(?:treated|receiving)\s+(?:als\s+|mnd\s+)?(?:patients|participants|subjects|people)\b"
)
# A trial page's field on a drug's use alongside the trial: "Edaravone Usage" / "Can a PALS use
# edaravone while enrolled in the trial?" (care patients may keep, no subject of the page).
ALONGSIDE_AFTER = re.compile(r"\s*usage\b|[^?;.]{0,30}\bwhile (?:enrolled|participating) in\b")
# "比现有的依达拉奉和利鲁唑更佳", "compared with riluzole", "versus edaravone": the comparator.
COMPARATOR_BEFORE = re.compile(
    r"(比(?!较)|相比于|相较于|对比|优于|不如)[^,;。，；]{0,12}$|\b(than|compared (with|to)|versus|vs\.?|relative to)\s+(\w+\s+){0,3}$"
    # "will directly compare the experimental treatment to riluzole"
    r"|\bcompar(?:e|es|ing)\s+(?:\w+\s+){1,3}(?:to|with|against)\s+$"
)
# A drug named as the care patients already get, in apposition: "riluzole, the current standard
# of care", "利鲁唑（目前的标准治疗）" — the comparator of the article's trial.
STANDARD_CARE_AFTER = re.compile(
    r"\s*(?:,\s*|\(\s*|（\s*|—\s*)(?:the\s+|which\s+is\s+the\s+)?(?:current\s+|existing\s+|approved\s+)?"
    r"(?:standard[\s-]of[\s-]care|standard\s+(?:treatment|therapy))\b"
    r"|\s*(?:[(（]\s*(?:即|为)?|[，,]\s*(?:即|为))(?:目前|当前|现有)?的?标准(?:治疗|疗法)(?![组臂])"
)
# ... or in the words before it: "对照组13例,口服西药利鲁唑片", "the control group received riluzole".
# (the control group alone, its drug right after the verb: not "对照组使用的安慰剂与AB-101", "the
# treatment and control groups received NV-212 and placebo")
CONTROL_ARM_BEFORE = re.compile(
    r"对照组[^，,。；;]{0,8}[，,]?\s*(?:口服|服用|给予|使用|采用|予以?)[^，,。；;的与和及剂]{0,4}$|"
    r"(?<!\band )(?<!\bactive and )(?<!\btreatment and )\bthe\s+control\s+(?:group|arm)\s+"
    r"(?:received|receives|was given|took|takes|was treated with)\s+(?:[\w-]+\s+){0,2}$"
)
# The control arm's drug in another therapy's trial, in the words right after its name:
# "Riluzole was administered to the control group", "riluzole served as the active control",
# "以利鲁唑为对照", "利鲁唑对照组" (not "given to control cramps", healthy controls).
CONTROL_ARM_AFTER = re.compile(
    r"\s*(?:was|were)\s+(?:administered|given)\s+to\s+(?:the\s+|a\s+)?control\s+(?:group|arm)s?\b|"
    r"\s*(?:served|serves|was used|is used)\s+as\s+(?:the\s+|an?\s+)?(?:active\s+)?(?:control|comparator)\b|"
    r"\s*(?:作为|为)对照|\s*对照组"
)

# ... not the study drug itself in another guise: a placebo matching it, a low dose of it, the
# patients without it, the control group's switch to it.
NOT_THE_CONTROL_DRUG = re.compile(
    r"\b(?:matching|placebo|dose of|did not receive|without|not receiving)\b[^.;,]{0,30}$|"
    r"(?:剂量|未接受|改用|转为|匹配)[^，,。；;]{0,10}$"
)
SWITCHED_TO = re.compile(
    r"\b(?:extension|crossover|cross-over|open-label|switched|delayed[- ]start)\b|交叉|延长期|开放标签|改用|转为"
)
# "与 TCH346 一样": a comparison.
COMPARISON_AFTER = re.compile(r"^\s*(一样|相同|相似|类似|相比|比较|对照|联合(使用|用药|治疗))")
# "接受利鲁唑治疗的ALS患者", "未接受过利鲁唑治疗的患者": patients described by the drug they take.
# "开始利鲁唑后": the drug patients started before the one tested.
PATIENTS_ON_BEFORE = re.compile(r"(接受|服用|使用)过?\s*$|开始(服用|使用)?\s*$")
PATIENTS_ON_AFTER = re.compile(
    r"^\s*(?:[(（][^()（）]{0,30}[)）])?\s*(治疗)?的[^，,。；;]{0,12}(患者|病人|受试者|参与者)|"
    r"^\s*(?:[(（][^()（）]{0,30}[)）])?\s*(治疗)?(后|之后)"
)
# "participants undergoing treatment with Mitsubishi Tanabe's Radicava", "patients already
# taking riluzole": the care participants have, named with its maker at most.
UNDERGOING_BEFORE = re.compile(
    r"(?:\bundergoing (?:treatment|therapy) with(?:\s+[\w’'-]+){0,3}?"
    r"|\b(?:already|currently) (?:taking|receiving|treated with|on))\s*$"
)
# Factors the randomisation balanced: "minimization factors: … sex, age, and the use of riluzole
# or edaravone", "stratified by site and riluzole use". The drugs patients happened to take.
BALANCED_FACTOR_BEFORE = re.compile(
    r"(?:\b(?:minimi[sz]ation|stratification|randomi[sz]ation) (?:factors?|variables?)\b"
    r"|\bstratified (?:by|according to|for)\b)"
    # ... up to the drug, not past what the patients were given ("…, to receive trehalose").
    r"(?:(?!\breceiv|\bassigned|\ballocated|\brandomi|\bgiven\b)[^.;]){0,120}$"
)
# ... and in Chinese the factor stands before the words: "以是否使用利鲁唑为分层因素".
BALANCED_FACTOR_AFTER = re.compile(r"[^，,。；;]{0,12}?为分层因素")
# Two parts of a fixed combination written as one name: "苯丁酸钠-牛磺熊去氧胆酸", "A/B".
COMBINATION_GLUE = re.compile(r"\s*[-/–]\s*")
# A part the lexicon does not know after a known one: "苯丁酸钠-牛磺酸二醇(PB-TURSO)于2022年";
# not an arm ("苯丁酸钠/安慰剂组", "苯丁酸钠-治疗组").
UNLISTED_PART = re.compile(
    r"\s*[-/–]\s*(?![^-/–，,。；;]{0,8}(?:安慰剂|治疗|对照|组|患者|方案))"
    r"([\u4e00-\u9fff]{2,8}?)(?=[于在是的和与及已被将获为治用]|[^\u4e00-\u9fff]|$)"
)
# "作为利鲁唑(的)辅助治疗": the drug another is added to.
ADJUNCT_AFTER = re.compile(r"^\s*的?(辅助|附加|add-on)(治疗|用药|疗法)")
# "IMODALS 2a期试验(2015年)", "the ROPALS study (2018)": the year of a trial named just before it.
TRIAL_YEAR_BEFORE = re.compile(r"(试验|研究|trial|study)\s*[(（]\s*$")
# "(如过表达BDNF)", "(e.g. …)": examples in parentheses.
EXAMPLE_OPENER = re.compile(r"\s*(如|例如|比如|譬如|e\.g\.|eg\b|such as|for example)")
# Statements about many trials or drugs at once ("超过50项药物试验", "dozens of trials"):
# the therapy of the previous sentence is not their subject.
# "the first two drugs tested in MND-SMART", "both drugs", "这两种药物": a count of drugs that a
# named trial's own therapies may fill (claims of each when the count is theirs).
COUNTED_DRUGS = re.compile(
    r"\b(?:the|these|those|both|its)\s+(?:first\s+|last\s+)?(?P<n>two|three|four|2|3|4)\s+"
    r"(?:(?!new\b|more\b|additional\b|next\b|other\b|further\b)[\w-]+\s+)?"
    r"(?:drugs|therapies|treatments|regimens|compounds|candidates)\b|"
    r"\bboth\s+(?:drugs|therapies|treatments|regimens|compounds)\b|"
    r"(?:这|该|此)(?P<cn>两|三|四)(?:种|款|个)(?:药物|药|疗法)"
)
GENERIC_PLURAL = re.compile(
    # (not the sites of one trial: "在59个临床试验中心开展")
    r"(超过|逾|近|约)?\s*\d+\s*(项|种|个|款)[^,;。]{0,4}(药物|试验|研究|疗法|临床)(?!(?:试验|研究)?(?:中心|机构|医院|单位))|多项|数十项|几十项|数十种|许多|大多数|大部分|众多|"
    r"\bdozens of\b|\bmany\s+(?:[\w-]+\s+){0,3}?(?:drugs|trials|studies|treatments|therapies|candidates)\b|\bnumerous\b|\bmost (drugs|trials|studies)\b|"
    # "其他渐冻症新药的试验", "trials of other ALS drugs"
    r"其他[^,;。，；]{0,6}(?:药物|新药|疗法)|\bother\s+(?:\w+\s+)?(?:drugs|therapies|treatments|candidates)\b|"
    r"\b(several|multiple|various)\s+(\w+\s+)?(drugs|therapies|candidates|compounds|treatments|regimens|assets|agents)\b|"
    # "at least five drugs in Phase 2 trials" (not "three treatments of the cells")
    # (not one drug's parts: "the combination of two agents")
    r"(?<!combination of )(?<!combining )(?<!mix of )(?<!mixture of )"
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(\w+\s+)?(drugs|therapies|candidates|compounds|assets|agents)\b|"
    # "There are two pivotal phase 3 clinical trials scheduled to read out" (not "the first of
    # two studies", one of them)
    r"(?<!\bof )\b(two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,4}?(?:trials|studies)\b|"
    # "including phase 1 and 2 trials": trials of several phases
    r"\bphases?\s+(?:[1-4]|i{1,3}|iv)\s*(?:and|or|,)\s*(?:[1-4]|i{1,3}|iv)\s+(?:[\w-]+\s+){0,2}?(?:trials|studies)\b|"
    # "completes enrollment in the first 3 arms", "前三个组": several of a platform's regimens
    r"\b(?:the\s+)?(?:first|last|other|remaining)\s+(?:\d+|two|three|four|five)\s+(?:arms|regimens)\b|"
    r"\b(?:all|both)\s+(?:\w+\s+)?(?:arms|regimens)\b"
)
# ... unless what follows singles one out: "多项研究的支持，包括评估137名患者的关键性3期研究",
# "several studies, including a pivotal phase 3 trial" (not "including several phase 3 trials").
SINGLED_OUT = re.compile(
    r"包括(?:一项|评估)|其中一项|\b(?:including|among them) (?:a|an|one|the)\b"
)
# Summaries speak of many therapies at once: no topic is carried into them.
SUMMARY = re.compile(
    r"^\s*(总体来看|总体而言|总的来看|总的来说|总而言之|综上|总之|整体来看|整体而言|in summary|overall(?!,?\s+\d)|in conclusion|taken together)"
)

# Book and article titles: mentions inside them are not claims.
TITLE_SPAN = re.compile(r"《[^《》]{1,200}》")

# Names that look like therapy codes but are genes, scales, biomarkers or registries.
# A code may go on in named parts ("CNS10-NPC-GDNF"), never into a disease, a qualifier or a
# measurement ("ION363-ALS", "NP001-treated"); a tracer is no code ("PBR28-PET"). ``base`` is
# the code itself, checked against NOT_A_THERAPY.
_CODE_QUALIFIER = (
    r"(?:als|ftd|mnd|sma|like|based|related|positive|negative|mutant|treated|derived|specific|"
    r"associated|induced|mediated|expressing|targeting)(?![a-z0-9])"
)
_CODE_MEASURE = r"(?:pet|mri|ct|spect|scan|assay|imaging)(?![a-z0-9])"
# A code that is a tracer, not a therapy: "measured by [11C]PBR28-PET", "[18F]-DPA-714" (an
# isotope before it, or the scan glued after it; not "the AMX0035 PET substudy").
TRACER = re.compile(
    r"(?:\[\s*(?:11c|18f|99mtc|123i|124i|64cu|68ga)\s*\]\s*-?\s*|\b(?:11c|18f)-)"
    r"(?P<name>[a-z]{2,6}-?\d{1,6}[a-z]?)(?![a-z0-9])"
    r"|(?<![a-z0-9-])(?P<scanned>[a-z]{2,6}-?\d{2,6}[a-z]{0,2})-(?:pet|spect)(?![a-z0-9])"
)
# A time point or a part of a trial written like a code: "wk24", "day28", "visit3", "cohort2".
_CODE_TIME = (
    r"(?:wks?|weeks?|days?|months?|years?|visits?|hours?|cohorts?|arms?|parts?|stages?|grades?|"
    r"phases?|doses?|groups?|sites?|steps?)\d"
    # a day glued to the word before it: "Last Modified on26 January 2021", "updated on5 Mar"
    r"|[a-z]{2,6}[0-3]?\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}"
)
# A company's prefix on the gene its drug targets: "ARO-SOD1", "ALN-SOD", "ARO-C9" (not "anti-SOD1",
# "ALS-FUS", "wt-SOD1": no company's prefix).
_GENE_CODE = (
    r"(?!(?:anti|non|wt|mut|als|ftd|ftld|mnd|fals|sals|the|and|with|hu|pro|pre|post|mn|cu|zn|cuzn|fe|ec)-)"
    r"[a-z]{2,4}-(?:sod1?|c9(?:orf72)?|fus|tdp43|atxn2|stmn2|unc13a|tardbp)"
)
CODE_NAME = re.compile(
    rf"(?<![a-z0-9-])(?!{_CODE_TIME})(?P<name>(?P<base>[a-z]{{2,6}}-?\d{{2,6}}[a-z]{{0,3}}|{_GENE_CODE})"
    rf"(?:-(?!{_CODE_QUALIFIER}|{_CODE_MEASURE})[a-z][a-z0-9]{{1,7}})*)"
    rf"(?![a-z0-9])(?!-(?!{_CODE_QUALIFIER})[a-z0-9])"
    # a quantity glued to a word is no code: "30 or60 mg", "or60 mgsingle doses", "up to18 months"
    r"(?!\s*(?:mg|mcg|μg|ml)|\s*(?:kg|g|months?|weeks?|days?|years?|hours?|patients)(?![a-z]))"
    # ... nor a count of patients glued to their disease: "方法ALS30例" (not "QX-117人体试验")
    r"(?!\s*例(?!如))"
)
NOT_A_THERAPY = re.compile(
    # (a disease written like a code: "FTDP-17", "SCA3")
    r"^(ftdp-?\d+|sca-?\d+|tdp-?43|sod-?1|fus|alsaq-?\d+|alsfrs-?r?|nct\d+|nihms\d+|pmid\d+|covid-?19|trim\d+|il-?\d+|cd\d+|hla\w*|pmc\d+|doi\d+|"
    r"iso\d+|nfl|c9orf72|g93a|sod1g93a|gdnf|vegf|glt\d|eaat\d|mmp\d+|p\d+|ab\d+|cp\d+|ht\d+|isbn\d+|hk\d+|us\d+|cn\d+|ep\d+|wo\d+"
    # ALS genes and proteins; a gene-like symbol (letters, one or two digits, a letter: UNC13A)
    r"|unc13[a-d]?|atxn\d+|tbk\d|optn|vcp|ubqln\d|chchd\d+|kif5a|nek\d|sqstm\d|stmn\d|tardbp|matr\d|pfn\d|hnrnpa\d\w*|"
    r"tia\d|setx|vapb|sigmar\d|fig\d|neat\d|[a-z]{2,5}\d{1,2}[a-z]"
    # times, counters and rating scales written like codes: "week-48", "visit 12", "cafs"
    r"|(week|day|month|year|visit|cohort|phase|stage|grade|type|part|arm|dose|level|sars|study|figure|table|fig)-?\d+"
    # a time of a year: "mid-2025", "early-2024", "Q3-2025", "FY2024"
    r"|(mid|early|late|end|q[1-4]|h[12]|fy)-?(19|20)\d\d(\.\d+)?"
    # a month of a year: "Mar-2020", "sept2019"
    r"|(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)-?(19|20)\d\d)$"
)
# What a trial does to a drug, right before its name ("进一步确证藿苓生肌颗粒治疗…"): never part of
# the name, however rare the word.
TRIAL_VERB = re.compile(
    r"确证|评价|评估|验证|观察|探索|考察|证实|比较|口服|给予|采用|服用|使用|联用"
)
# ... and a study's words before a formula it names ("一项评估渐冻症基础方治疗…"): where the name starts.
NAME_LEAD_IN = re.compile(TRIAL_VERB.pattern + r"|一[项种个]")
# The endings of Chinese drug names: chemical stems ("硝酮嗪", "利鲁唑"), INN transliterations
# ("马赛替尼", "托夫生"), dosage forms ("参蓉颗粒").
CN_NAME_ENDING = re.compile(
    r"(?:嗪|唑|酮(?!体)|啶|替尼|单抗|夫生|那生|奈生|司他|颗粒|胶囊|注射液|口服液|混悬液|滴丸|口溶膜|舌下片)"
)
CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
# Words that never stand inside a drug's name (function words, measure words, route and origin
# descriptors): they end the name on its left.
NAME_STOP_WORDS = frozenset(
    [*"的是和与及或在对为由了将把用以从向被至于获其该此这名例位等并比如即项种类款个批次期"]
    + [
        "口服",
        "静脉",
        "鞘内",
        "皮下",
        "注射用",
        "自体",
        "异体",
        "新型",
        "创新型",
        "通用型",
        "首款",
        "全新",
        "新药",
        "药物",
        "候选药物",
        "在研",
        # what a drug is given in, no drug of its own: "加入100ml氯化钠注射液中静脉滴注"
        "氯化钠",
        "葡萄糖",
        "生理盐水",
        "注射用水",
        "林格",
    ]
)
# Cell therapies by their source: "自体脂肪干细胞", "嗅鞘细胞", "脐带间充质干细胞",
# "adipose-derived stem cells", "olfactory ensheathing cells".
CELL_THERAPY = re.compile(
    r"(?:(?:自体|异体|人)?(?:脂肪|嗅鞘|骨髓|脐带|胎盘|牙髓|外周血|周边血|造血|胚胎|羊膜)"
    r"(?:来源的?|衍生的?)?(?:间充质)?(?:干细胞|基质细胞|前体细胞|细胞))"
    r"|\b(?:(?:autologous|allogeneic)\s+)?(?:adipose|bone[\s-]marrow|umbilical[\s-]cord|placental|dental[\s-]pulp|"
    r"olfactory[\s-]ensheathing|peripheral[\s-]blood|schwann)(?:[\s-](?:tissue|derived))*[\s-](?:mesenchymal[\s-])?"
    r"(?:stem|stromal|progenitor)?[\s-]?cells?\b"
    # "Human Spinal Cord-derived Neural Stem Cell (Transplantation)": a class named in the singular
    r"|\b(?:(?:human|fetal|autologous|allogeneic)\s+)?(?:[a-z]+(?:[\s-][a-z]+)?-derived\s+)?"
    r"(?:neural\s+stem|mesenchymal\s+(?:stem|stromal))\s+cells?\b"
)
# The class a cell therapy named by its source belongs to ("autologous bone marrow-derived
# mesenchymal stem cells" is an MSC therapy), when the lexicon has that class.
CELL_CLASSES = (
    ("msc", re.compile(r"mesenchymal|stromal|间充质|基质细胞")),
    ("nsc", re.compile(r"neural stem|神经干细胞")),
)
# A word standing between two list separators next to a named therapy: "…, trazodone, CNM-Au8, …".
LIST_MEMBER = re.compile(
    r"(?:,|、)\s*(?:and\s+|or\s+)?(?P<name>[a-z][a-z0-9-]{3,}[a-z0-9])(?=\s*(?:,|、|\band\b|\bor\b|\.|;|$))"
)
LIST_SEPARATOR = re.compile(r"\s*(?:,|、)?\s*(?:\band\b|\bor\b)?\s*")
# A table's header row copied as one line of words ("NCT number Drug Phase and status Cohort size
# Outcomes References Year"): four or more column names and no sentence in it (structure).
COLUMN_NAME = re.compile(
    r"\b(?:nct(?: number)?|phase|status|cohort size|sample size|participants|patients|subjects|"
    r"enrol?lment|outcomes?|results?|findings|references?|year|drug|intervention|treatment|"
    r"delivery method|route|dose|duration|design)\b|样本量|例数|分期|阶段|年份|参考文献|药物|结果"
)
# In a row under such a header: the size column's count, the year column's year, a "(70)" reference.
ROW_COUNT = re.compile(r"(?<![\w.(/-])(?P<n>\d{1,3}(?: \d{3})+|\d{1,6})(?![\w.)%/-])")
ROW_YEAR = re.compile(r"(?<![\d.-])(?P<year>(?:19[5-9]|20[0-4])\d)\s*$")
ROW_REFERENCE = re.compile(r"\((?P<n>\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\)")
SIZE_COLUMN = re.compile(
    r"\b(?:cohort size|sample size|participants|patients|subjects|enrol?lment|n)\b|样本量|例数"
)
YEAR_COLUMN = re.compile(r"\byear\b|年份")
# A table's phase column ("Phase", "Trial phase", "分期", "临床阶段"), and a year alone in a cell.
PHASE_COLUMN = re.compile(r"\bphases?\b|分期|期别|(?:临床|试验)?阶段")
BARE_YEAR = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*$")
REFERENCE_COLUMN = re.compile(r"\breferences?\b|参考文献")
# Tables flattened one cell per line: a cell is a short line ("Phase III", "206 participants",
# "NCT00330681/ [18]"); its count needs no cue, and registry ids are no text of it.
CELL_MAX = 30
CELL_COUNT = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s*(?:participants?|patients?|subjects?|cases|名|例|人)|\bn\s*=\s*(?P<n2>\d+)"
)

# A named trial, on the simplified text as written (case kept): an upper-case name of four or more
# letters before "trial"/"study"/试验/研究 ("HEALEY ALS Platform Trial", "PHOENIX试验", "COURAGE-ALS").
TRIAL_NAME = re.compile(
    r"(?<![A-Za-z0-9-])(?P<name>[A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]+)*)(?![a-z0-9])"
    r"(?:\s+(?:ALS|[Pp]latform|Phase\s*[0-9IVab/]+|[Cc]linical)|\s*[0-9IVab/]+期)*\s*(?:[Tt]rial|[Ss]tudy|临床试验|试验|研究)"
)
# ... or named and then described: "MND-SMART, a UK-wide clinical drug trial", "PHOENIX, the
# global phase 3 study".
TRIAL_APPOSITIVE = re.compile(
    r"(?<![A-Za-z0-9-])(?P<name>[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*)(?![a-z0-9])"
    r",\s+(?:a|an|the)\s+"
    r"(?:(?!(?:that|which|who|whose|of|for|to|in|by|with|and|also|charity|group|company)\b)[\w/-]+\s+){0,5}?"
    r"(?:trial|study)\b"
)
# A trial's short name defined after its full title: "… Adaptive Randomised Trial (MND-SMART)".
# (Not a design's abbreviation, the initials of the words before it: "an open-label extension
# study (OLE)"; see trials.py.)
TRIAL_ACRONYM = re.compile(
    r"\b(?:[Tt]rial|[Ss]tudy)\s*[(（](?P<name>[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*)[)）]"
)
NOT_A_TRIAL_NAME = re.compile(
    r"^(?:ALSFRS|FDA|EMA|NMPA|NIH|NCT\d*|SOD1|RCT|PHASE\d*|ALS|MND|IND|NDA|BLA|MAA|CDE|PMDA|TFDA|"
    r"ODD|BCI|AI|FUS|TDP|NFL|CSF|DNA|RNA|ASO|MSC|IPSC|GMP|CRO|CEO|CTA|DDI|PK|PD|CMC|IIT|FIH|"
    # designs, not trials: open-label extension, expanded access, single/multiple ascending dose
    r"OLE|OLEX|LTE|EAP|EAPS|SAD|MAD|DBPC|RWE|RWD)$"
)
# A drug another is likened to, at the head of a clause, the other named after it: "Like
# metformin, LB-220 …", "Similar to edaravone, X …", "与利鲁唑类似，X…", "和依达拉奉一样，X…".
# (at a sentence's head, or after "however," / "但": not "drugs, like X, Y and Z", examples)
LIKENED_BEFORE = re.compile(
    r"(?:^|[;；]\s*|\b(?:however|but|and)\s*,?\s*|但是?\s*[,，]?\s*)"
    r"(?:(?:just\s+)?like|similar\s+to|as\s+with|与|和|像|同)\s*$"
)
LIKENED_AFTER = re.compile(
    r"\s*(?:[(（][^()（）]{0,30}[)）]\s*)?(?:(?<=[a-z0-9)）])\s*,|(?:一样|类似|相似|相仿)\s*[,，])"
)
# A drug the sentence sets apart from a named trial is not one it tests: "Unlike masitinib, …",
# "rather than X", "X was not selected for MND-SMART", "patients keep taking riluzole"; 不同于X,
# 而非X, X未入选VALOR.
OUTSIDE_A_TRIAL_BEFORE = re.compile(
    r"(?:\b(?:unlike|rather\s+than|instead\s+of|in\s+contrast\s+to|other\s+than|apart\s+from|"
    r"except(?:\s+for)?|keep\s+taking|kept\s+taking|continued?\s+(?:to\s+take|taking|on)|"
    r"continuing\s+(?:to\s+take|on)|remain(?:s|ed)?\s+on|still\s+tak(?:e|ing))"
    r"|不同于|不同於|而非|而不是|继续服用|繼續服用|继续使用|繼續使用)\s*$"
)
# (... the trial itself the object: "was not selected for MND-SMART", not "for a phase 3 study";
# "未入选VALOR研究", not "未纳入医保目录")
OUTSIDE_A_TRIAL_AFTER = re.compile(
    r"\s*(?:[(（][^()（）]{0,30}[)）]\s*)?"
    r"(?:(?:was|were|is|are|has\s+been|had\s+been)\s+not\s+(?:been\s+)?"
    r"(?:selected|chosen|included|picked)\s+(?:for|in|into)\s+(?:the\s+)?"
    r"|(?:was|were|is|are)\s+not\s+part\s+of\s+(?:the\s+)?"
    r"|(?:未|并未|並未|没有|沒有)(?:被)?(?:入选|入選|选入|選入|纳入|納入))"
)


# A code written with a space, in capitals as written: "AEOL 10150", "CK 2127107" (named twice in
# an article, once as a drug, to count: a single "ABC 123" may be anything). Not a year ("AAN 2024"), a registry,
# patent, application or currency number ("NCT 01234567", "IND 123456", "USD 500"), nor a count
# or dose ("ALS 300 patients").
SPACED_CODE = re.compile(
    r"(?<![\w-])(?!(?:NCT|ISRCTN|EUDRACT|CHICTR|JRCT|ACTRN|PMID|PMC|DOI|ISO|ISBN|IND|NDA|BLA|ANDA|CTA|"
    r"EUA|MAA|US|EP|WO|CN|KR|JP|USD|RMB|EUR|HKD|GBP|CNY|JPY|AUD|CAD|CHF|GMT|UTC|FY|COVID|SARS|ALS|MND|"
    r"ALSFRS|CAFS|SVC|FVC|NFL|SOD|TDP|FUS|AAN|ENCALS|NEALS|ASCO|MDA|CE|HR|CI|OR|RR|SD|SE|NO|TEL|FAX|"
    # stock exchanges' codes ("KOSDAQ 166480", "TSE 4508")
    r"KOSDAQ|KOSPI|KRX|TSE|TYO|NYSE|NASDAQ|ASX|HKEX|SEHK|SSE|SZSE|LSE|TSX|OTC|SIX|"
    # laws, bills and regulations ("21 CFR 312", "HB 4423"), Australian states' postcodes
    r"CFR|USC|HB|SB|HR|AB|LB|VIC|NSW|QLD|TAS|ACT|WA|SA|NT)\s)"
    # (not a US state and ZIP code: "CA 92121")
    r"(?P<name>(?![A-Z]{2}\s\d{5}(?!\d))[A-Z]{2,6}\s(?!(?:19|20)\d\d(?!\d))\d{3,7})"
    # (nor an amount, "SEK 150 million", nor a form's number, "FDA 510(k)")
    r"(?![\w/(-]|[.,]\d|\s*(?:mg|mcg|μg|ml|kg|patients|participants|people|subjects|cases|%|"
    r"million|billion|thousand|bn\b|m\b))"
)

# A device defined by its brand, what it does and the initials the text goes on with: "NeuRx
# Diaphragm Pacing System (DPS)" is then "NeuRx DPS" (the initials must be those of the words; a
# determiner is no brand: not "the Brain-Computer Interface (BCI)").
DEVICE_DEFINED = re.compile(
    r"(?<![\w-])(?P<words>(?:[A-Z][A-Za-z0-9]*[\s-]+){2,6}(?:System|Device|Stimulator|Implant|"
    r"Interface|Pacer|Pacemaker|Exoskeleton|Neuroprosthesis))\s*\((?P<acr>[A-Z]{2,6})\)"
)
NOT_A_BRAND = frozenset(
    {"The", "A", "An", "Our", "Its", "Their", "This", "That", "These", "Those", "Each", "Every",
     "Your", "My", "His", "Her", "Another", "Other", "Some", "Any", "No", "One", "Two", "Such"}
)  # fmt: skip
# ... nor an adjective ("Implanted", "Implantable", "Wireless", "Spinal", "Novel", "Portable").
ADJECTIVE_ENDING = re.compile(
    r"(?:ed|able|ible|less|al|ic|ive|ous|ant|ent|ary|ory|ing|el|ern|ior|new|first)$"
)

# ... named as a drug at least once: "data for AEOL 10150", "development of AEOL 10150", "the
# compound AEOL 10150".
SPACED_CODE_AS_DRUG = re.compile(
    r"(?:\b(?:data|results|development|dose|doses|dosing|study|trial|studies|trials)\s+(?:of|for|with)"
    r"|\b(?:drug|compound|candidate|molecule|therapy|treatment)|\bdosed with)\s+$"
)

# International nonproprietary name stems that name drugs.
INN_NAME = re.compile(
    r"\b(?P<name>[a-z]{3,}(?:mab|tinib|[a-z]nib|[rnu]sen|mestrocel|[a-z]{3}cel|semtiv|[a-z]{4}stat|pidine|parib|ampanel|corilant|ximod|lisib))\b"
)

# A drug the lexicon does not know, named where only a drug can stand: after a drug, therapy or
# brain-computer-interface noun in Chinese ("药物Pimozide", "脑机接口项目BrainGate"), before a dose ("Tamoxifen 40 mg"), beside a placebo ("PrimeC or a
# placebo", "placebo or X"), or as a platform trial's regimen ("regimen E: trehalose").
_CONTEXT_NAME = r"(?P<{g}>[a-z][a-z0-9-]{{3,}}[a-z0-9])(?![a-z0-9-])"
CONTEXT_NAME = re.compile(
    r"(?:药物|新药|药品|候选药物?|口服药|试验药物?|在研药物?|疗法|脑机接口(?:项目|系统|设备)?)\s?"
    # (a short name too: "脑机接口NEO")
    + r"(?P<cn>[a-z][a-z0-9-]{1,}[a-z0-9])(?![a-z0-9-])"
    + r"(?!\s*(?:等|et\s+al))"
    + r"|\b"
    + _CONTEXT_NAME.format(g="dose")
    + r"\s+\d+(?:\.\d+)?\s*(?:mg|mcg|μg)(?:/(?:kg|day|d))?\b"
    # ... or after one: "800 milligrams per day of topiramate" (not "of study drug", "of placebo";
    # "μg" keeps the units from sharing a first letter, which the cue proof could not read)
    + r"|\b\d+(?:\.\d+)?\s*(?:mg|milligrams?|mcg|micrograms?|μg)(?:/(?:kg|day|d))?"
    r"(?:\s+(?:per|a)\s+day|\s+daily)?\s+of\s+"
    r"(?!(?:study|active|placebo|either|each|elemental|vitamin|drug|medication|intravenous|oral|"
    r"subcutaneous|their|this|that|these|those|body\w*|weight|microcrystalline|cellulose|lactose|"
    r"starch|sucrose|saline|water)\b)"
    + _CONTEXT_NAME.format(g="dosed")
    + r"|\b"
    + _CONTEXT_NAME.format(g="placebo")
    + r"\s+(?:or|versus|vs\.?)\s+(?:a\s+|matching\s+|a\s+matching\s+)?placebo\b"
    + r"|\bplacebo\s+or\s+"
    + _CONTEXT_NAME.format(g="placebo2")
    + r"\b"
    + r"|\bregimen\s+[a-z]\s*[:(]\s*"
    + _CONTEXT_NAME.format(g="regimen")
    # "Neuralink的大脑晶片", "Synchron's brain implant": a brain-computer interface named by its maker.
    + r"|"
    + _CONTEXT_NAME.format(g="device")
    + r"\s?(?:的|'s)?\s?(?:脑机接口|脑机介面|大?脑(?:部)?(?:晶片|芯片|植入物)|brain[\s-](?:computer[\s-]interface|implant|chip)|bci(?![a-z0-9]))"
    # "Neuralink已为全球12名患者成功植入其N1芯片", "Synchron has implanted its device in 6
    # patients": the maker that implants a chip or device in patients, in the same clause.
    + r"|"
    + _CONTEXT_NAME.format(g="implanter")
    + r"[^，,。；;.]{0,24}?(?:植入[^，,。；;]{0,10}?(?:芯片|晶片|脑机接口|电极|设备|装置)|"
    r"\bimplant(?:ed|s)?\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?(?:device|chip|implant|electrode|brain[\s-]computer interface))"
    # ... or that has developed it, named right before: "US start-up Paradromics has developed its device"
    + r"|"
    + _CONTEXT_NAME.format(g="developer")
    + r"\s+(?:has|have)\s+developed\s+(?:its|their)\s+(?:[\w-]+\s+)?(?:device|chip|implant|brain[\s-]computer interface|bci)\b"
    # "Trazodone Hydrochloride": a drug named with its salt.
    + r"|\b"
    + _CONTEXT_NAME.format(g="salt")
    + r"\s+(?:hydrochloride|hydrobromide|mesylate|maleate|sulfate|citrate|tartrate|besylate|fumarate|succinate)\b"
    # "a new drug, called Amantadine": a drug introduced by its name.
    + r"|\b(?:drug|medicine|compound|therapy|treatment)s?,?\s+(?:called|named|known as)\s+"
    + _CONTEXT_NAME.format(g="called")
    # A platform trial's arm named beside the word for it: "drug 2 (trazodone)", "A third drug,
    # amantadine, was added" (after an ordinal or "new", a name between commas).
    + r"|\b(?:drug|medicine|compound)\s+\d{1,2}\s*\(\s*"
    + _CONTEXT_NAME.format(g="numbered")
    + r"\s*\)"
    + r"|\b(?:second|third|fourth|fifth|sixth|new|another|additional)\s+(?:drug|medicine|compound),"
    r"\s+(?!(?:however|which|who|that|though|therefore|thus|also|then|still|now|too|instead)\b)"
    + _CONTEXT_NAME.format(g="apposed")
    + r"\s*,"
    # "the experimental therapeutic ALN-SOD", "the investigational drug AB-101".
    + r"|\b(?:experimental|investigational|candidate)\s+(?:therapeutic|drug|therapy|treatment|"
    r"medicine|compound|product|gene therapy|antisense oligonucleotide)\s+"
    + _CONTEXT_NAME.format(g="introduced")
)
# A drug or a device introduced by its name, the kind before or after it: "这种植入物被称为Sttrode",
# "一个名为脑门(BrainGate)的软件", "an implant called Stentrode" (its own pattern: read only where
# a naming word is).
NAMED_NAME = re.compile(
    r"(?:药物|新药|疗法|植入物|设备|装置|器械|芯片|晶片|电极|脑机接口)被?(?:称为|名为|叫做?|命名为)\s?"
    + _CONTEXT_NAME.format(g="named")
    + r"|(?:名为|称为|叫做|命名为)\s?(?:[\u4e00-\u9fff]{1,6}\s?[（(])?"
    + _CONTEXT_NAME.format(g="named2")
    + r"[）)]?\s?的?(?:药物|新药|疗法|植入物|设备|装置|器械|系统|芯片|晶片|电极|脑机接口|软件)(?!制造商|厂商|公司|企业|商)"
    + r"|\b(?:implant|device|electrode|brain[\s-]computer interface|chip|stent)s?,?\s+(?:called|named|known as|dubbed)\s+"
    + _CONTEXT_NAME.format(g="named3")
)
# A product named with its registered or trade mark: "2 mg/kg ILB®", "Neudexta™ capsules"
# (capitalised as written; not a platform or a technology the mark is on).
MARKED_NAME = re.compile(
    r"(?<![\w-])(?<!\ba )(?<!\bthe )(?P<name>[A-Z][A-Za-z0-9-]*[A-Za-z0-9])\s?[®™]"
    r"(?!\s*(?:platform|technology|technologies|system|process)\b)"
)
# ... given as a drug: after a dose or an administration ("2 mg/kg ILB®", "treated with X®"), or
# before a dosage form or a course ("ILB® injections", "Neurolin™ capsules"); not a device, an
# assay or a ventilator named with its mark.
GIVEN_BEFORE_MARK = re.compile(
    r"(?:\d\s*(?:mg|mcg|μg|g|ml)(?:/(?:kg|day|d|m2))?|\b(?:administration|doses?|infusions?|injections?)\s+of"
    r"|\btreated with|\b(?:receiv\w+|given|took|taking)"
    # ... one of two a patient is given ("receive either riluzole or ILB®"), or what a trial or a
    # maker tests ("a phase 2 trial evaluating ILB®", "the company developing X®")
    r"(?:\s+(?:either|both)\s+[\w-]+\s+(?:or|and))?|\b(?:evaluating|testing|investigating|developing))"
    r"\s+(?:weekly\s+|daily\s+|oral\s+|intravenous\s+)?$",
    re.IGNORECASE,
)
GIVEN_AFTER_MARK = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:injections?|infusions?|capsules?|tablets?|oral suspension|"
    r"treatment|therapy|dosing|administration)\b",
    re.IGNORECASE,
)
# A short name in capitals where only a drug can stand: "weekly doses of ILB", "treated with
# ILB", "efficacy of ILB in patients", "5 ILB administration visits", "after ILB treatment"
# (the name in capitals as written; the article must name it more than once: ``SHORT_NAME_USES``).
_SHORT = r"(?P<name>[A-Z]{2,5})(?![\w-]|\s?\d)\s?[®™]?"  # (not "COYA 302": a code)
SHORT_DRUG_BEFORE = re.compile(
    r"\b(?:(?:[Dd]oses?|[Ii]njections?|[Ii]nfusions?|[Aa]dministration|[Ee]fficacy|[Tt]olerability)"
    r"\s+of|treated\s+with|receiv(?:e|ed|ing)\s+(?:either|both))"
    r"\s+(?:(?:weekly|daily|oral|intravenous|subcutaneous)\s+)?"
    + _SHORT
    + r"(?!\s+(?:and|or)\s+placebo)"
)
SHORT_DRUG_AFTER = re.compile(
    r"(?<![\w-])"
    + _SHORT
    + r"\s+(?:administrations?|injections?|infusions?|dosing|treatment|capsules?|tablets?)\b"
)
SHORT_NAME_USES = 2
# What either pattern needs (most pages hold none of it: no scan).
SHORT_DRUG_CUE = re.compile(
    r"[Dd]ose|[Ii]njection|[Ii]nfusion|[Aa]dministration|[Ee]fficacy|[Tt]olerability|treated|"
    r"receiv|dosing|treatment|capsule|tablet"
)
# ... not a route, a disease, an agency or a kind of care written in capitals ("IV infusions of",
# "ALS treatment", "NIV treatment", "TCM treatment")
_NOT_A_SHORT_DRUG = (
    "IV SC IM IT ICV PO ALS MND FTD PLS PMA PBP SMA PD AD HD MS HIV FDA EMA NMPA NIH NHS WHO "
    "NIV PEG RIG TCM DBS TMS ECT PT OT SLT EEG EMG MRI PET CT CSF CNS BCI ASO AAV MSC GMP ICU "
    "OLE RCT SOC BSC PBO CPAP BIPAP COVID SARS US USA UK EU UN THE AND FOR WITH"
)
NOT_A_SHORT_DRUG = frozenset(_NOT_A_SHORT_DRUG.split())

# Characters Chinese drug names are transliterated with (the syllables of approved names:
# 普利多匹定 pridopidine, 马赛替尼 masitinib, 雷帕霉素 rapamycin) and their stem endings.
TRANSLIT = (
    "阿埃艾安奥巴贝本比苄宾波泊博布达代丹德地蒂迪丁定多厄恩尔法泛菲非芬酚夫伏氟福钙甘戈格"
    "胍桂哈海亨琥环磺吉加甲卡凯坎康考科克喹拉来赖兰劳勒雷里利林磷硫卢鲁仑伦罗洛氯马麦迈曼"
    "美门蒙孟米咪莫姆那纳奈萘尼诺欧帕哌泮培喷匹泼普齐奇羟嗪氢秋曲炔瑞塞噻赛沙莎舍施舒司斯"
    "松苏索他泰酞坦特替酮托妥瓦韦维沃乌戊西昔烯辛溴雅亚氧伊依乙异吲优尤扎佐唑啶胺酯醇酸霉素奉"
)
TRANSLIT_SET = frozenset(TRANSLIT)
# Where only a drug's name can stand in Chinese: before a dose ("普利多匹定45 mg") or as an arm
# against placebo ("X组和安慰剂组", "X与安慰剂"): the name ends where the match starts (group
# ``before``); after placebo as the other arm, a route or a drug class ("安慰剂组和X", "口服X",
# "σ1受体激动剂X"): the name starts where it ends (group ``after``).
# (Each starts with a literal, so that a scan of a whole article skips most positions at once;
# a dose is found by its unit and read back: "普利多匹定 45 mg".)
CN_DOSE_CONTEXT = re.compile(r"(?P<unit>mg|毫克|μg|微克)")
DOSE_BEFORE_UNIT = re.compile(r"\s?\d+(?:\.\d+)?\s?$")
CN_PLACEBO_CONTEXT = re.compile(
    r"(?P<before>(?:组和|组与|组或|组及|组、|组对比|组vs|和|与|或|及|、|对比|vs)\.?\s?安慰剂)"
    r"|(?P<after>安慰剂组?(?:和|与|或|及|、))"
)
CN_ROUTE_CONTEXT = re.compile(
    r"(?P<after>口服|服用|静脉输注|鞘内注射|激动剂|抑制剂|拮抗剂|调节剂|清除剂|候选药物|试验药物|在研药物)"
)
CN_NAME_CONTEXTS = (CN_DOSE_CONTEXT, CN_PLACEBO_CONTEXT, CN_ROUTE_CONTEXT)
CN_NAME_LENGTH = (3, 8)
# The arm a trial split its patients into against placebo names the therapy, whatever its
# letters ("随机分为加味四君子方组和安慰剂组"): a name of 3–10 characters between the split and "组".
CN_ARM_NAME = re.compile(
    r"分[为成](?P<name>[^，,。；;、\s\d]{3,10}?)组(?:和|与|及|、)安慰剂组"
    r"|分[为成]安慰剂组(?:和|与|及|、)(?P<name2>[^，,。；;、\s\d]{3,10}?)组"
)
# A Chinese medicine formula or product treating ALS, at the head of a clause or title:
# "加味四君子汤治疗肌萎缩侧索硬化的临床研究", "益气养阴方辅治渐冻症", "健脾益肺法治疗…": a name ending
# in a form (汤, 方, 散, 丸, 颗粒, 胶囊 …) or a four-character principle with 法 (not "呼吸训练法",
# "中西医结合法", "此法") right before "治疗" and the disease.
CN_FORMULA_TREATS = re.compile(
    r"(?:治疗|辅治|干预)(?=[^，,。；;]{0,6}(?:肌萎缩|渐冻|运动神经元|als))"
)
# ... the name, read back from "治疗" at the end of the text before it.
CN_FORMULA_NAME = re.compile(
    r"(?:^|[\s，,。；;：:《「“(（])(?:观察|觀察|评价|評價|探讨|探討|研究|分析|比较|比較|采用|採用|应用|應用|使用|服用|给予|給予|予以|口服|以)?"
    r"(?P<name>[\u4e00-\u9fff]{2,10}?(?:汤|方|散|丸|饮|丹|膏|颗粒|胶囊|片|注射液)"
    r"|(?![^，,。；;]{0,4}(?:训练|锻炼|康复|护理|针刺|刺激|结合|此|该|本))[\u4e00-\u9fff]{4}法)(?:联合[^，,。；;]{0,12})?$"
)
# ... its form, ending a name.
CN_FORMULA_FORM_END = re.compile(r"(?:汤|方|散|丸|饮|丹|膏|颗粒|胶囊|片|注射液)$")
# ... and a listed drug's forms ("依达拉奉舌下片", "马赛替尼片"): what is left is the drug.
CN_DOSAGE_FORM_END = re.compile(r"(?:舌下片|口溶膜|片|胶囊|颗粒|注射液|口服液|混悬液)$")
# A Chinese medicine formula named in English by its pinyin: "Jiawei Sijunzi (JWSJZ) decoction",
# "Buzhong Yiqi granules", "Liuwei Dihuang pills" — capitalised words (each checked as pinyin, see
# ``PINYIN_SYLLABLES``), an optional acronym of their initials in brackets, then the form.
EN_FORMULA = re.compile(
    r"(?<![\w-])(?P<words>(?:[A-Z][a-z]+[ -]){1,5}?)(?:[(（]\s*(?P<acr>[A-Z]{2,8})\s*[)）]\s*)?"
    # (the forms of Chinese medicine, not tablets or capsules: "Huawei tablets", "Senna
    # Tablets", "One capsule"; its injections and plasters: "Shenmai injection", "Ji-Wu-Li plaster")
    r"(?P<form>(?i:decoctions?|granules?|formula|pills?|powders?|injections?|plasters?))\b"
)
# An article about Chinese or herbal medicine, where a pinyin name before an injection or a
# plaster is a product of it.
HERBAL_CONTEXT = re.compile(
    r"chinese medicine|herbal|\btcm\b|traditional chinese|中药|中医|中藥|中醫"
)
# Hanyu Pinyin's syllables, without tones ("ü" written "v"): a word is pinyin when it is a run of them.
PINYIN_SYLLABLES = frozenset(
    """a o e ai ei ao ou an en ang eng er yi ya yo ye yao you yan yin yang ying yong wu wa wo wai wei
    wan wen wang weng yu yue yuan yun ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu
    pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu ma mo me mai mei mao mou man
    men mang meng mi mie miao miu mian min ming mu fa fo fei fou fan fen fang feng fu da de dai dei dao
    dou dan den dang deng dong di die diao diu dian ding du duo dui duan dun ta te tai tao tou tan tang
    teng tong ti tie tiao tian ting tu tuo tui tuan tun na ne nai nei nao nou nan nen nang neng nong ni
    nie niao niu nian nin niang ning nu nuo nuan nv nve la le lai lei lao lou lan lang leng long li lia
    lie liao liu lian lin liang ling lu luo luan lun lv lve ga ge gai gei gao gou gan gen gang geng gong
    gu gua guo guai gui guan gun guang ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui
    kuan kun kuang ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang ji
    jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun qi qia qie qiao qiu qian qin qiang qing
    qiong qu que quan qun xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun zha zhe zhi zhai
    zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui zhuan zhun zhuang cha che chi
    chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan chun chuang sha she shi
    shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan shun shuang re ri rao rou
    ran ren rang reng rong ru ruo rui ruan run za ze zi zai zei zao zou zan zen zang zeng zong zu zuo
    zui zuan zun ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun sa se si sai sao sou
    san sen sang seng song su suo sui suan sun""".split()  # noqa: SIM905
)
# Words that read as pinyin but are English before a form ("Chinese Medicine Decoction").
NOT_PINYIN = frozenset(
    {"chinese", "medicine", "machine", "he", "she", "men", "hang", "long", "sun", "ban", "can", "man",
     "pan", "ran", "tan", "fan", "dan", "gun", "run", "hen", "ten", "pen", "den", "bang", "gang",
     "chin", "shin", "tin", "pin", "bin", "din", "sin", "a", "an", "in", "on", "new", "tie",
     "die", "pie", "lie", "hue", "cue", "due", "sue", "rue", "genuine", "cuisine", "ginseng",
     "saline", "guide", "mine", "nine", "line", "dune", "tune", "lane", "cane", "bile", "banana",
     # the English words of the project's real texts, most written first, that read as pinyin
     "are", "data", "more", "time", "one", "open", "change", "baseline", "gene", "human", "date",
     "you", "site", "made", "candidate", "like", "age", "antisense", "here", "reduce", "damage",
     "make", "take", "care", "anti", "future", "side", "cure", "late", "same", "median", "bone",
     "name", "mice", "size", "molecule", "share", "male", "mouse", "page", "case", "range",
     "nature", "enhance", "sure", "decide", "secure", "face", "ensure", "adipose", "decade",
     "women", "entire", "along", "chance", "timeline", "database"}
)  # fmt: skip
# Arms named for what they are, not for a therapy: "治疗组", "试验组", "高剂量组".
GENERIC_ARM = re.compile(
    r"^(?:.{0,2}(?:治疗|试验|实验|观察|干预|研究|对照|用药|给药|药物|常规|剂量|联合|中药|西药))$"
    # a kind of medicine, no formula's name: "中药复方", "中药汤剂", "复方颗粒"
    r"|^(?:中药|中医|中草药|复方|汤药|经验|验方|自拟)+(?:复方|方|汤|汤剂|颗粒|颗粒剂|制剂|胶囊)?$"
)
# A registry's intervention field ("Drug: Granulocyte Colony Stimulating Factor", "Biological:
# NurOwn") at the head of a line, a cell or another field ("Intervention: Drug: …"; not
# "Newest Targeted Drug: As of 2025"), read on the text as written: the name runs to the next field's key, glued to it or
# not ("…FactorSponsor: Tehran…", "CBD Oil Sponsor: …"), or to the cell's end, at most five words.
INTERVENTION_FIELD = re.compile(
    r"(?:^|(?<=[|;\n\t])|(?<=:\s))\s*(?:Drug|Biological|Intervention|Genetic|DRUG|BIOLOGICAL|drug|biological|intervention)s?\s*:\s*"
    r"(?P<name>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z0-9][\w-]*){0,4})"
)
FIELD_KEY_AFTER_NAME = re.compile(
    r"(?:\s*|(?<=[a-z]))(?:Sponsors?|Phases?|Conditions?|Collaborators?|Status|Interventions?|"
    r"Locations?|Enrollment)\b"
)
# Words that stand where a name could, but are no name: "received 40 mg", "drug or placebo".
NOT_A_CONTEXT_NAME = frozenset(
    [
        # schedules and durations before a dose: "once-daily 60 mg", "for 6 months 100 mg"
        "once-daily",
        "twice-daily",
        "daily",
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        # salts: "lithium carbonate or matching placebo" names the drug before them
        "carbonate",
        "hydrochloride",
        "hydrobromide",
        "mesylate",
        "maleate",
        "sulfate",
        "sulphate",
        "citrate",
        "tartrate",
        "besylate",
        "succinate",
        "acetate",
        "phosphate",
        "chloride",
        "bromide",
        # dosage forms: "arimoclomol capsules or placebo" names the drug before them
        "capsule",
        "capsules",
        "tablet",
        "tablets",
        "pills",
        "injection",
        "injections",
        "infusion",
        "infusions",
        "solution",
        "suspension",
        "granules",
        "powder",
        "decoction",
        "decoctions",
        "formula",
        "active",
        "treated",
        "untreated",
        "patients",
        "participants",
        "subjects",
        "those",
        "drug",
        "drugs",
        # generic words for a drug: "the oral agent or placebo", "the compound 10 mg"
        "agent",
        "agents",
        "compound",
        "compounds",
        "molecule",
        "product",
        "candidate",
        "comparator",
        "treatment",
        "therapy",
        "study",
        "medication",
        "medicine",
        "dose",
        "doses",
        "dosage",
        "dosages",
        # what a trial measures against placebo: "missed the secondary endpoints vs. placebo"
        "endpoint",
        "endpoints",
        "outcome",
        "outcomes",
        "measures",
        "daily",
        "received",
        "receive",
        "receiving",
        "given",
        "with",
        "either",
        "take",
        "taking",
        "dosed",
        "group",
        "arm",
        "oral",
        "placebo",
        "and",
        "the",
        "weekly",
        "twice",
        "once",
        "single",
        "total",
        "start",
        "early",
        "delayed",
        "standard",
        "usual",
        "care",
        # quantity words before a dose: "Overall 100mg/day MN-166 was safe"
        "overall",
        "maximum",
        "minimum",
        "average",
        "mean",
        "median",
        "approximately",
        "about",
        "around",
        "only",
        "both",
        "starting",
        "initial",
        "target",
        "highest",
        "lowest",
        "higher",
        "lower",
        # what a drug is compared on: "32% slowing of decline vs placebo"
        "decline",
        "progression",
        "change",
        "slowing",
        "worsening",
        "improvement",
        "benefit",
        "reduction",
        "difference",
        "score",
        "scores",
        "survival",
        "effect",
        "effects",
    ]
)

# --- claim helpers: digits, clause and list separators ---------------------------

DIGIT = re.compile(r"\d")
# Only a year (or a word with 年: 同年, 去年, 民国…年) changes the context year.
YEAR_HINT = re.compile(r"年|\d{4}")
BARE_COUNT = re.compile(r"^\s*(约|~|≈)?\s*(?P<n>\d{1,3}(?:[ ,]\d{3})+|\d+)\s*(人|例|名)?\s*$")
CLAUSE_CHARACTERS = re.compile(r"[(（\[【)）\]】，；：;:,—]")
# ... in Japanese, whose "、" is a comma, not a list's mark (a sentence with hiragana in it)
JA_CLAUSE_CHARACTERS = re.compile(r"[(（\[【)）\]】，；：;:,—、]")
HIRAGANA = re.compile(r"[ぁ-ゖ]")
CELL_CHARACTERS = re.compile(r"[(（\[【)）\]】\t|]")
ENUMERATION_GLUE = re.compile(r"^[\s、,，和与及或]*(?:and|or)?[\s、,，和与及或]*$")
# A list item that is a name with its owner before it: "BrainStorm Cell Therapeutics' NurOwn,".
OWNED_ITEM = re.compile(
    r"^[\s,，]*(?:(?:and|or)\s+)?(?!(?:unlike|like|compared|versus|than|as|besides|beyond)\b)"
    r"(?:[\w.&-]+\s+){0,3}[\w.&-]+(?:'s?|’s?)\s*$"
)
PARENTHESES = re.compile(r"[(（)）]")
LATIN = re.compile("[a-z]")
# What a clause that is only a time may hold besides its date: "but in 2017", "而在2017年", "then, in".
TIME_CLAUSE_REST = re.compile(
    r"[\s,，]*(?:(?:and|but|then|in|on|by|since|早在|而|但|在|于|到了|直到)[\s,，]*)*"
)
LIST_GLUE = re.compile(r"^\s*(and/or|and|or|,|、|和|或|及|与|以及)\s*$")
# A list of arms ending in its placebo arm, after the words that assign patients to arms:
# "randomised 1:1:1 to oral liquid trazodone, memantine and placebo".
PLACEBO_LIST_END = re.compile(
    r"\s*(?:and|or|versus|vs\.?)\s*(?:a\s+)?(?:matching\s+)?placebo[\s.]*"
)
ARMS_INTRO = re.compile(
    r"\b(?:randomi[sz]ed|randomly assigned|assigned|allocated)\b(?:\s+\d:\d(?::\d)*)?\s+to\b"
)

# Strings one of which every match of a pattern holds (tests/test_patterns.py proves each
# list from the pattern's parse): claims does not run a pattern on a sentence holding none.
CUES: dict[re.Pattern, tuple[str, ...]] = {
    INN_NAME: (
        "mab", "nib", "sen", "cel", "semtiv", "stat", "pidine", "parib", "ampanel", "corilant",
        "ximod", "lisib",
    ),
    CONTEXT_NAME: (
        "药", "疗法", "脑机接口", "mg", "mcg", "μg", "milligram", "microgram", "placebo", "regimen", "脑", "brain", "植入", "implant", "bci",
        "hydrobromide", "chloride", "mesylate", "maleate", "sulfate", "citrate", "tartrate", "besylate",
        "fumarate", "succinate", "called", "named", "known as", "experimental", "investigational",
        "candidate", "drug", "medicine", "compound", "developed",
    ),
    NAMED_NAME: ("称为", "名为", "叫", "命名为", "called", "named", "known as", "dubbed"),
    PRECLINICAL_MODEL: (
        "临床前", "模型", "小鼠", "大鼠", "斑马鱼", "果蝇", "线虫", "类器官", "preclinical", "model",
        "mice", "rats",
    ),
    OUTCOME_MET: (
        "终点", "显著", "延长", "生存", "缓", "改善", "获益", "积极", "阳性结果", "疗效", "安全性",
        "耐受性", "未见", "并发症", "准确率", "抑制", "遏制", "阻止", "primary", "improv", "slow", "delay", "prolong",
        "extend", "prevent", "curb", "tolerated", "safe", "survival", "gain", "reduc", "met ", "positive",
        "promising", "encouraging", "attenuat", "better than", "superior to", "outperform",
    ),
    OUTCOME_MISSED: (
        "终点", "没有", "未", "失败", "无", "met", "not", "failed", "didn't", "missed", "no ",
        "inconclusive", "insignificant", "decline in", "failure", "futility", "futile", "lack of",
        "fail", "succeed", "unsuccessful", "short ",
    ),
    WITHDRAWAL: ("市", "withdr", "discontinued", "develop", "开发", "研发", "撤回"),
    CN_PHASE: ("期",),
    CN_ORDINAL_PHASE: ("期", "阶段"),
    JA_PHASE: ("相",),
    JA_KANA_PHASE: ("フェーズ",),
    KO_PHASE: ("상",),
    EN_PHASE: ("phase",),
    EN_GLUED_PHASE: ("phase",),
    EN_STAGE_PHASE: ("stage",),
    REVIEW_POOL: (
        "meta-analy", "meta分析", "metaanaly", "systematic review", "this review", "pooled analy",
        "荟萃分析", "系统评价", "系统综述",
    ),
    CN_COUNT: ("名", "例", "位", "人", "个", "명"),
    URL: ("://",),
    INLINE_SOURCE: ("(", "（"),
    MARKDOWN_LINK: ("](",),
    TITLE_SPAN: ("《",),
    CN_ARM_NAME: ("安慰剂组",),
    CN_FORMULA_TREATS: ("治疗", "辅治", "干预"),
    CN_DOSE_CONTEXT: ("mg", "毫克", "μg", "微克"),
    CN_PLACEBO_CONTEXT: ("安慰剂",),
    CN_ROUTE_CONTEXT: (
        "口服", "服用", "静脉输注", "鞘内注射", "激动剂", "抑制剂", "拮抗剂", "调节剂", "清除剂",
        "候选药物", "试验药物", "在研药物",
    ),
    # ("the drug", "this product": both hold "th")
    ANAPHOR: ("该", "此", "本品", "这", "th"),
    PRODUCT_DESCRIPTION: ("its ", "their ", "该公司", "在研", "候选", "核心", "其"),
    PRODUCT_DEVELOPED_BY: ("developed by",),
    CN_NAME_ENDING: (
        "嗪", "唑", "酮", "啶", "替尼", "单抗", "夫生", "那生", "奈生", "司他", "颗粒", "胶囊", "注射液",
        "口服液", "混悬液", "滴丸", "口溶膜", "舌下片",
    ),
    CELL_THERAPY: ("细胞", "cell"),
    WITH_PLACEBO_AFTER: ("placebo", "安慰剂"),
    COVARIATE_BEFORE: ("matched", "adjusted", "controll", "balanced", "stratified"),
    AND_PLACEBO_AFTER: ("placebo", "安慰剂"),
    ELIGIBILITY: ("标准", "criteria"),
    ELIGIBILITY_BEFORE: ("must", "required", "allowed", "permitted", "必须", "不得"),
    BALANCED_FACTOR_BEFORE: ("minimi", "stratifi", "randomi"),
    EN_COUNT_ADJECTIVE: ("participant", "patient", "subject", "person", "adult", "people", "volunteer"),
    EN_ELLIPTICAL_COUNT: ("screened",),
    DESIGN_TERM: (
        "随机", "双盲", "安慰剂", "开放", "对照", "random", "blind", "placebo", "open", "controlled",
        "pivotal", "registrational", "关键试验", "关键研究", "关键性", "关键临床", "注册临床", "注册性临床",
    ),
    OTHER_DISEASE: (
        "多发性硬化", "帕金森", "阿尔茨海默", "老年痴呆", "脑卒中", "中风", "脊髓损伤", "重症肌无力", "亨廷顿",
        "脊髓性肌萎缩", "肿瘤", "癌症", "multiple sclerosis", "parkinson", "alzheimer", "stroke",
        "spinal cord injur", "myasthenia", "huntington", "wolfram", "supranuclear", "cancer", "tumo",
        "spinal muscular atrophy", "graft", "gvhd", "restless legs", "duchenne", "muscular dystrophy",
        "lupus", "rheumatoid", "psoriasis", "leuk", "lymphoma", "myeloma", "hiv", "hepatitis",
        "移植物抗宿主", "不宁腿", "杜氏肌营养不良", "红斑狼疮", "类风湿", "白血病", "淋巴瘤", "骨髓瘤",
        "艾滋病", "乙肝", "银屑病", "retinitis pigmentosa", "macular degeneration", "视网膜色素变性",
        "黄斑变性",
    ),
    COMPARATOR_BEFORE: ("比", "相较", "优于", "不如", "than", "compar", "versus", "vs", "relative to"),
}  # fmt: skip

# --- verification: how a source states an outcome, an event and its date -------------
# (read by ``verify`` only; the claim extractor's patterns above stay as they are)

# Outcome failures the claim patterns leave to context: "did not reach statistical
# significance", "no clinical benefit", "未能改善", "未观察到…改善", "无明显获益".
VERIFY_MISSED = re.compile(
    r"未能[^，,。；;]{0,8}?(改善|延缓|减缓|达到|显示|证明|证实|延长|降低)|未观察到[^，,。；;]{0,12}?(改善|获益|差异|疗效)|"
    r"无(明显|显著|统计学)?[^，,。；;]{0,4}?(改善|获益|差异)|(差异|结果)?[^，,。；;]{0,4}无统计学(意义|差异)|"
    r"\b(did not|failed to|does not|didn't|not) (reach|achieve)\w* (statistical )?significance|"
    r"\bnot statistically significant|\bno (statistically significant|clinical|meaningful|clinically meaningful) "
    r"(benefit|effect|difference|improvement)|\b(was|were) not met\b|\bmissed (its|the) primary"
)
# What a missed outcome missed, right after the failure words: "did not meet | its primary and
# secondary endpoints", "未达到 | 主要和次要终点". The success words after it are not about it.
MISSED_PRIMARY_OBJECT = re.compile(
    r"\s*(?:(?:its|the|their|any of (?:its|the))\s+)?(?:pre-?specified\s+)?(?:co-?)?primary"
    r"(?:\s+(?:and|or|nor)\s+(?:key\s+)?secondary)?\s+(?:efficacy\s+)?(?:end ?points?|outcomes?)|"
    r"\s*(?:其|预设的?)?主要(?:和|及|与|或)?(?:次要)?(?:疗效)?(?:终点|指标)"
)
# A negation whose scope reaches a success word after it in the same clause: "has not met",
# "并未显著改善", "未能显著延缓". Read on the clause text before the success word.
NEGATION_BEFORE = re.compile(
    r"(未|没有|没能|并未|尚未|无法|不能|不(?!仅|但|只|良|同|断|久|少|过|论)|\bnot\b(?! only)|n't\b|\bnever\b|\bnor\b|\bneither\b|\bwithout\b|"
    r"\bfailed to\b|\bno\b)[^，,;；。:：]{0,16}$"
)
# Success that holds for part of the trial only: a post hoc, subgroup or exploratory analysis.
POST_HOC = re.compile(
    rf"post[\s-]?hoc|{_SUBGROUP}|\bexploratory\b|事后分析|探索性分析|部分患者|特定人群"
)
# A clause boundary: negation and "only in a subgroup" do not reach across it.
CLAUSE_BREAK = re.compile(
    r"[，,;；。:：]|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|但|然而|不过|而(?!且)"
)


def clause_before(view: str, at: int) -> str:
    """The text of the clause that ``at`` is in, up to ``at``."""
    head = view[:at]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(head)]
    return head[breaks[-1] :] if breaks else head


# What ends a negation's reach before the success word: the patients it described ("在病程不超过2年的
# 患者中显著延缓", "patients not yet ventilated significantly slowed"), another clause ("未出现死亡且…").
NEGATION_SCOPE_END = re.compile(
    r"患者|病人|受试者|参与者|亚组|人群|且|并且|\b(?:patients|participants|subjects|people|and)\b"
)


_DESCRIBED_BEFORE = re.compile(
    r"\b(?:patients|participants|subjects|people|those)\s+(?:who\s+|that\s+)?(?:(?:were|are|had|have|did|do)\s+)?$"
)


def negated(view: str, at: int) -> bool:
    """A negation earlier in the clause of ``at``: "did not significantly slow", "未能显著改善"."""
    clause = clause_before(view, at)
    m = NEGATION_BEFORE.search(clause)
    return (
        bool(m)
        and not NEGATION_SCOPE_END.search(clause, m.end(1))
        # ("patients not yet ventilated", "those who had not …": the negation describes them)
        and not _DESCRIBED_BEFORE.search(clause, 0, m.start(1))
    )


# A press release's dateline, read on the original text: "BEIJING, March 24, 2025 -",
# "NEW YORK, April 10, 2025 /PRNewswire/ --", "SEOUL, South Korea, 9 December 2024 —",
# "CAMBRIDGE, Mass., Sept. 7, 2022 (GLOBE NEWSWIRE) --", "CAMBRIDGE, Mass. / Mar 08, 2024 /
# Business Wire /", a wire's "OREANDA-NEWS. September 30, 2016. AB Science …" and
# "Washington, D.C. (April 25, 2023) –". Its date is the announcement's (``dateline_date``).
_DL_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z.'\- ]{1,40},(?:[ \t]*[A-Z][A-Za-z. ]{1,30},)?[ \t]*"
    rf"(?P<date>{_DL_MONTH}[ \t]+\d{{1,2}},[ \t]*\d{{4}}|\d{{1,2}}[ \t]+{_DL_MONTH}[ \t]+\d{{4}})"
    r"[ \t]*(?:/[^/\n]{1,40}/)?[ \t]*[-–—]"
    r"|(?:^|\s)[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z.]+\.?)?\s*[,/]\s*"
    r"(?P<date2>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})\s*(?:/|\(|--|–|—|-\s)"
    r"|^[ \t]*(?!(?:CORRECTION|UPDATE|UPDATED|CLARIFICATION|NOTE|EDITOR)\b)[A-Z][A-Z'-]{2,}(?:[ -][A-Z][A-Z'-]+)*\.[ \t]+"
    rf"(?P<date3>{_DL_MONTH}[ \t]+\d{{1,2}},[ \t]*\d{{4}})\.[ \t]+(?=[A-Z])"
    r"|^[ \t]*[A-Z][A-Za-z.'\- ]{1,40},[ \t]*[A-Z][A-Za-z. ]{1,30}[ \t]*"
    rf"\((?P<date4>{_DL_MONTH}[ \t]+\d{{1,2}}[,.][ \t]*\d{{4}})\)[ \t]*[-–—]"
    # ... a release's first sentence after it, not a timeline's label ("– FDA approval")
    r"(?=[ \t]*(?:\S+[ \t]+){4}\S)"
    # a wire copy's head: "Sep. 29, 2022, 10:58 PM (RTTNews) - Amylyx said …"
    rf"|^[ \t]*(?P<date5>{_DL_MONTH}[ \t]+\d{{1,2}},[ \t]*\d{{4}})"
    r"(?:,?[ \t]*\d{1,2}:\d{2}[ \t]*(?:[AP]M)?(?:[ \t]+[A-Z]{2,4})?)?"
    r"[ \t]*\([A-Z][A-Za-z. ]{1,30}\)[ \t]*[-–—]",
    re.MULTILINE,
)


def dateline_text(m: re.Match) -> str:
    """The date a DATELINE match holds, as written ("April 25. 2023" read as "April 25, 2023")."""
    text = (
        m.group("date")
        or m.group("date2")
        or m.group("date3")
        or m.group("date4")
        or m.group("date5")
    )
    return re.sub(r"(\d)\.(\s*\d{4})$", r"\1,\2", text)


# A line break inside an English sentence of hard-wrapped plain text: after a letter, digit
# or comma with no sentence end, before a lowercase word or a number ("in May\n2024, the IND
# was approved"), or after a comma before a capital ("Dr. Wang,\nDr. Wu"). A line ending in a
# word before a capital may be a heading or a date line: it stays a line.
WRAPPED_LINE_BREAK = re.compile(r"(?<=[A-Za-z0-9,])\n(?=[a-z0-9(])|(?<=,)\n(?=[A-Z])")
# Two phases side by side are one combined phase: a registry's "Phase 2 Phase 3", "Phase 2 |
# Phase 3", "phase 2 and phase 3" is a phase 2/3 trial. Read on the text between them.
PHASE_PAIR_GAP = re.compile(r"^[\s|,/&]*(?:and\s+)?$")
# A registry's enrollment field: "Actual Enrollment : | 394 participants |", "Enrollment 513".
# A registry record's enrollment field, with its kind: "Actual Enrollment : 394 participants",
# "Enrollment (Estimated): 600", "Estimated Enrollment: 600".
RECORD_ENROLLMENT = re.compile(
    r"(?:\b(?P<estimate>estimated|anticipated|target)\s+|\bactual\s+)?"
    r"(?:\benrollment\b|(?<=target )recruitment\b|(?<=target )sample size\b)\s*"
    r"(?:\((?:actual|(?P<estimate2>estimated|anticipated))\))?[\s:|]*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\b"
)
# What a measure would mean, not what a trial found: "with DRR less than 1 indicating a slowing in
# disease progression", "HR<1表示疾病进展减缓". Read on the clause before a success word.
DEFINES_BEFORE = re.compile(
    r"(?:[<>≤≥]|\bless than|\bgreater than|\bbelow|\babove|小于|大于|低于|高于)\s*[\d.]+\s*"
    r"(?:indicat(?:ing|es)|would (?:indicate|mean|suggest)|denot(?:ing|es)|表示|代表|意味着)\s*"
    r"(?:an?\s+|the\s+)?[^,;，；。]{0,12}$"
)
# A sentence that names the drug the sentence before described: "这一药物名为Tofersen", "The drug
# is called AB-101" (the name follows at once).
NAMED_NEXT = re.compile(
    r"^\s*(?:这一?|该|此|这种|这款|这个)(?:药物?|新药|疗法|产品|装置|设备|系统)(?:的名字)?\s*"
    r"(?:名为|叫做?|称为|就是|即|是)\s*"
    r"|^\s*(?:the|this|that) (?:new )?(?:drug|medicine|therapy|treatment|device|product|compound) "
    r"(?:is|was) (?:called|named|known as)\s+|^\s*it is (?:called|named)\s+"
)
# A sentence that introduces a drug without naming it, for the next sentence to name at its
# start: "EMA建议批准一种新疗法的上市许可。Qalsody(tofersen)适用于…", "approved a new treatment".
DESCRIBED_BEFORE_NAMED = re.compile(
    r"一[种款个项](?:[^，,。；;]{0,8}?的)?(?:全新|新型|新|创新|获批|已获批准?)的?"
    r"(?:als|渐冻症|[\u4e00-\u9fff]{0,4}?)(?:药物?|疗法|治疗方法|治疗药物|产品)"
    r"|\ban? (?:new|approved) (?:als )?(?:drug|medicine|therapy|treatment)\b"
)
# A lead whose subject is a product it does not name, for the next sentence to name and describe:
# "DENVER -- A novel treatment candidate for ALS met its primary endpoints".
DESCRIBED_SUBJECT = re.compile(
    r"^\s*(?:[a-z .,]{2,40}\s(?:--|—|–)\s*)?(?:an?|the)\s+(?:novel|new|experimental|investigational)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:treatment|drug|therapy|medicine|compound)(?:\s+candidate)?\b"
)
# A methods sentence that counts who took part and names no treatment, for the next to name:
# "Two participants with ALS underwent implant in a single-arm study. … a novel Stentrode BCI was
# implanted …", "12名患者接受了治疗。…".
COUNTED_UNNAMED = re.compile(
    rf"^\s*(?:(?:patients and )?methods?\b[\s:]*)?(?:\d+|{_EN_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:participants|patients|subjects|adults|people|individuals)\b"
    r"[^.;]{0,100}?\b(?:underwent|received|were\s+(?:enrolled|treated|implanted|randomi[sz]ed|dosed))\b"
    rf"|^\s*(?:方法[\s:：]*)?(?:\d+|[{CN_NUMERAL}]+)\s*(?:名|例)[^。；;]{{0,30}}?(?:接受|入组|纳入|植入)"
)
# ... and the next sentence gives its one therapy: "a novel Stentrode BCI was implanted", "X被植入";
# not the care all patients stay on ("Riluzole was given to all of them as standard care",
# "利鲁唑照常给药"), nor after a cohort that is no trial ("自然病史队列", "a natural history study").
GIVEN_AFTER_NAME = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:was|were)\s+(?:implanted|administered|given|infused|injected)\b"
    r"|\s*[^，。,；;]{0,6}?被?(?:植入|给药|注射|输注)"
)
CARE_OR_NO_TRIAL = re.compile(
    r"standard|usual|background|as before|照常|常规|基础治疗|不作调整|自然病史|natural history|registry|observational"
)
# A name's own year right after it, in a list: "Rilutek (1995)", "riluzole, 1995;", "依达拉奉（2017年）".
OWN_YEAR_AFTER = re.compile(
    rf"\s*(?:[(（]\s*{YEAR}\s*年?\s*[)）]|[,，]\s*{YEAR}\s*年?\s*(?=[;；)）]))"
)
# Cells named as a method or a model, not given as a therapy: "iPSC-based drug repurposing",
# "iPSC-derived disease models", "iPSC药物筛选", "干细胞疾病模型".
CELLS_AS_A_METHOD = re.compile(
    r"[\s-]*(?:based|derived)\s+(?:drug\s+)?(?:repurpos|screen|discover|(?:disease\s+)?models?\b|assay)"
    r"|\s*(?:的|衍生的?)?\s*(?:药物(?:筛选|重定位|发现)|(?:疾病)?模型)"
)
# An index's tags under an abstract: "Keywords: amyotrophic lateral sclerosis; …", PubMed's
# publication types ("• Clinical Trial, Phase II", "• Randomized Controlled Trial").
METADATA_LINE = re.compile(
    r"\s*(?:[•·*-]\s*)?(?:(?:key ?words?|mesh terms|publication types?|关键词|關鍵詞)\s*[:：]\D*$"
    r"|clinical trial, phase [ivx\d]+\s*\.?\s*$|randomized controlled trial\s*\.?\s*$"
    r"|research support, [^.]*$)"
)
# A table row whose cells a PDF glued together, under a header naming its columns "Treatment
# (year) No. patients": "Creatine (2003)175D, T, N160.4460 (16)…" is the year and the size.
GLUED_ROW_HEADER = re.compile(
    r"\(\s*year\s*\)\s*(?:no\.?|number of)\s*(?:patients|participants|subjects)"
)
GLUED_ROW = re.compile(
    r"^\s*(?!(?:pooled|total|overall|combined|placebo|all)\b)"
    rf"(?P<name>[a-z][a-z-]{{2,30}}(?: acid)?)(?: [ivx]+)?\s*\(\s*(?P<year>{YEAR})\s*\)(?P<n>\d{{2,5}})(?!\d)"
)
# ... each such row a line of its own, as written (a unit, not the rest of the line above).
GLUED_ROW_LINE = re.compile(
    rf"[A-Z][A-Za-z-]{{2,30}}(?: acid)?(?: [IVX]+)? ?\( ?{YEAR} ?\)\d{{2,5}}(?!\d)"
)
# A page looking back on a year, said at a sentence's head: "2013 has now come and gone", "2013
# year in review", "2013年度回顾" (not "looking back on 2004, when …", "the highlights of 2012").
YEAR_IN_REVIEW = re.compile(
    rf"^\s*({YEAR}) has (?:now )?come and gone|\b({YEAR}) (?:year )?in review\b|^\s*({YEAR})\s*年度?(?:回顾|盘点)"
)
# ... whose advances are listed without a year: "ozanezumab advanced to phase II", "moved into the
# clinic", "entered the pipeline", "re-entered phase II" (not "neared phase III").
ADVANCED = re.compile(
    r"\b(?:advanced|reached|entered|re-entered|moved into|began|started|launched|initiated|was approved|were approved)\b"
    r"|进入|启动|获批|开始"
)
# ... unless the sentence says it did not happen, or happened long before: "has not yet started",
# "more than two decades ago", "自上世纪九十年代获批以来".
NOT_OF_THE_YEAR = re.compile(r"\bnot\b|n't\b|\bnever\b|\bago\b|\bsince\b|以来|上世纪|尚未|未")
# A sentence opening on what came before: "In the wake of the failure of X, …".
IN_THE_WAKE = re.compile(r"\s*in the wake of\b[^,，;；]*[,，]")
# A launch still to come beside the approval: "It will be on pharmacy shelves within six weeks",
# "expected to launch", "将于…上市".
LAUNCH_TO_COME = re.compile(
    r"\bwill be (?:on (?:pharmacy )?shelves|available|launched|marketed|sold)\b|\bexpected to (?:launch|be available)\b"
    r"|将(?:于[^，,。；;]{0,10})?上市|预计[^，,。；;]{0,10}上市"
)
# "today" as the day an earlier event was made known, not the day it happened: "announced today
# that the NMPA has cleared …", "今日宣布…已获批".
ANNOUNCED_TODAY = re.compile(
    r"\b(?:announced|reported|said|disclosed) today\b[^.;]*\b(?:has|have|had) (?:been |now )?\w+ed\b"
    r"|(?:今[天日]宣布|今[天日]公布)[^。；;]*已"
)
# Words of another event than a result, in the clause of a result's date: "which began enrolling
# in 2019", "approved by the FDA in 1995", "founded in 2001", "已于2023年获得FDA加速批准".
ANOTHER_EVENT_WORD = re.compile(
    r"\b(?:approv|found|began|begun|start|enrol|market|launch|licens|acquir|design)\w*|批准|获批|成立|上市|入组|启动|开始"
)
# A regulator's hold on a trial, placed or lifted: "lifted the clinical hold", "部分临床暂停".
CLINICAL_HOLD = re.compile(
    r"\b(?:clinical|partial|full)\s+hold\b|\bon\s+(?:a\s+)?hold\b|"
    r"\b(?:lift\w*|remov\w*|releas\w*)\s+(?:the|its|their|a)\s+(?:[\w-]+\s+){0,2}?hold\b|"
    r"(?:临床)?(?:暂停|搁置)"
)
# A regulator's designation of a drug (not an approval): orphan drug, fast track, breakthrough
# therapy, priority review, PRIME.
DESIGNATION = re.compile(
    r"孤儿药|孤兒藥|罕见病药|快速通道|突破性疗法|突破性療法|优先审评|優先審評|"
    r"\borphan\b|\bfast[- ]track\b|\bbreakthrough therapy\b|\bpriority review\b|"
    r"\brare pediatric disease\b"
)
# A registry record's field names on lines of their own ("Status and phase", "Study type",
# "Enrollment"): a page with two of them is a record.
RECORD_KEY_LINE = re.compile(
    # (a key may stand as a bullet: "• Study Type")
    # a bare key on a line of its own, as a bullet ("• Phase", "• Study Participants")
    r"[-•*·]\s*(?:phase|study participants|study started|intervention/treatment)\s*:?|"
    r"[-•*·]?\s*(?:study type|status and phase|(?:recruitment |overall )?status|study phase|"
    r"(?:target |actual |estimated )?enrollment|study start(?: date)?|primary completion(?: date)?|"
    r"study design|identifiers|conditions|sponsors?|funder types|nct id)\s*:?.{0,16}"
)
# Who approves, and where a drug is sold: an approval or a launch is one jurisdiction's. Read
# on folded text in either script (a claim's quote keeps its own).
JURISDICTIONS: dict[str, re.Pattern] = {
    name: re.compile(rf"(?<![a-z])(?:{latin})(?![a-z])|{han}")
    for name, latin, han in (
        ("the US", r"fda|u\.s|the us|united states|food and drug administration", "美国|美國"),
        (
            "China",
            r"nmpa|cfda|china|national medical products administration",
            "国家药监局|國家藥監局|国家药品监督管理局|國家藥品監督管理局|中国|中國",
        ),
        ("the EU", r"ema|chmp|european|eu", "欧盟|歐盟|欧洲|歐洲"),
        ("Canada", r"canada|health canada", "加拿大"),
        ("Japan", r"japan|pmda|mhlw", "日本|厚生劳动省|厚生勞動省"),
        ("Korea", r"korea|mfds", "韩国|韓國"),
        ("the UK", r"mhra|united kingdom|uk", "英国|英國"),
        ("Australia", r"australia|tga", "澳大利亚|澳大利亞|澳洲"),
    )
}

# How long a trial or its treatment lasted: "a six-month clinical trial", "48-week, randomized",
# "treated for 24 weeks", "治疗阶段持续了 24 个月", "为期6个月的试验".
TRIAL_DURATION = re.compile(
    rf"(?<![\w.])(?P<n>\d+(?:\.\d+)?|{_EN_NUMBER})[\s-]+(?P<unit>week|month|year)s?\b[\s,-]*"
    r"(?:(?:(?!(?:after|before|since|prior|following|the|of|in|from|post)\b)[a-z\d/-]+,?\s+){0,3}"
    r"(?:trial|study|treatment period|treatment phase|double-blind))|"
    rf"\b(?:treated|lasted|lasting|(?:treatment|trial|study) duration of)\s+(?:for\s+)?(?P<n2>\d+(?:\.\d+)?|{_EN_NUMBER})\s+"
    r"(?P<unit2>week|month|year)s?\b|"
    r"(?:持续(?:了)?|为期|疗程(?:为)?)\s*(?P<n3>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*个?\s*(?P<unit3>周|月|年)"
)

# The same field as a key on a line of its own, its value on the next ("- Target Recruitment" /
# "- 230").
# (a mirror's "• Study Participants" / "337" too)
RECORD_ENROLLMENT_KEY = re.compile(
    r"[-•*\s]*(?:(?P<estimate>estimated|anticipated|target)\s+|actual\s+)?(?:enrollment|"
    r"study participants|(?<=target )(?:recruitment|sample size))\s*(?:\((?:actual|(?P<estimate2>estimated|anticipated))\))?[\s:：|]*"
)
FIELD_VALUE_COUNT = re.compile(
    r"[-•*\s|]*(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![0-9A-Za-z_])(?![\s\d]*[-–/%.])"
    # ... alone, or with the people it counts: "337 patients", "60例"
    r"(?P<who>\s*(?:patients|participants|subjects|people|persons)\b|\s*(?:例|人|名))?[\s|]*"
)
# A date in figures, "03 / 31 / 2007" or "31/03/2007": a registry mirror's field (NEALS,
# ClinicalTrials.gov copies), read in the order the page's fields show (verify.numeric_order).
NUMERIC_DATE = re.compile(
    rf"(?<![\d/.])(?P<a>\d{{1,2}})\s?/\s?(?P<b>\d{{1,2}})\s?/\s?(?P<year>{YEAR})(?!\d)"
)
# A date in words with its day before its month ("3 May 2021", as British and WHO pages write) or
# after it ("May 3, 2021", as American pages do): the order the same page's figures keep.
DAY_BEFORE_MONTH = re.compile(rf"(?<![\d/.])\d{{1,2}}\s+(?:{MONTH_WORDS})\.?,?\s+{YEAR}\b")
MONTH_BEFORE_DAY = re.compile(rf"\b(?:{MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}\b")
# A date written day first with dots, as in German and other European pages: "08.06.2012".
DOTTED_DATE = re.compile(
    rf"(?<![\d.])(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>{YEAR})(?![\d.]\d|\d)"
)
# A registry record's start date field: "Actual Study Start Date : | June 1, 2020 |", "Study Start
# (Estimated)", "实际开始日期：2021年6月1日"; its value follows, or is on the next line.
RECORD_START = re.compile(
    r"(?:\b(?P<estimate>estimated|anticipated)\s+|\bactual\s+)?\bstudy start(?:\s+date)?\b"
    r"(?:\s*\((?:actual|(?P<estimate2>estimated|anticipated))\))?[\s:|]*"
    r"|(?:实际|(?P<estimate3>预计|预期))?(?:研究)?开始日期\s*[:：]?\s*"
    # the WHO registry platform's "Date of first enrolment: December 2011"
    r"|\bdate of first enrol?ment\b[\s:|]*"
    # a mirror's "- **Start date:** 2009-01" (a field: its colon or cell bar right after)
    # (no other word before it: not a grant's "Project Start Date:")
    r"|(?<![\w-])(?<![a-z0-9] )(?<![a-z0-9]-)start date\s*[:：|]\s*"
    # a listing's "Date Started: May 2009"
    r"|(?<![\w-])(?<![a-z0-9] )date started\s*[:：|]\s*"
)
ENROLLMENT_FIELD = re.compile(
    r"\benrollment\b\s*(?:\((?:actual|estimated|anticipated)\))?[\s:|]*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\b"
)
# "today" in a release means its dateline's day (TODAY, above).
# News of the day or of late: the event's date is the page's, when the page gives one.
RECENT = re.compile(r"\btoday\b|\brecently\b|\bthis week\b|今日|今天|近日|日前|近期")
# Regulatory stages, in order: a claim of a later stage where the source only says an earlier
# one is a misreport ("approved" for "submitted"). Approval words asked for, not given, are
# read as submission: "submitted for approval", "申请上市", "pending approval".
STAGE_SUBMITTED = re.compile(
    r"提交|递交|申报|受理|审评中|审查中|上市申请|\bsubmit\w*|\bfiled\b|\bfiling\b|\bunder review\b|\bpending approval|"
    r"\baccepted for review|\bseeking approval|\bapplication\b|"
    # "the FDA accepted the tofersen NDA in July 2022"
    r"\baccept\w*\b[^.;]{0,30}\b(nda|bla|maa|snda|filing|submission)\b"
)
STAGE_APPROVED = re.compile(
    r"获批|获得批准|(?<!申请)批准(?!申请)|获准|核准|\bapproved\b|\bapproval (of|for) (the )?(drug|therapy|treatment)\b|"
    r"\bgranted\b[^.;]{0,40}\b(approval|authori[sz]ation)\b|\bauthori[sz]ed\b|"
    # "today announced the approval of riluzole", "received FDA approval"
    r"\b(?:announc\w*|receiv\w*|gain\w*|won|obtain\w*)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}approval\b"
    r"(?!\s+to\s+(?:begin|start|initiate|conduct|proceed|launch|run|test))"
)
# Words right before an approval word that make it asked for, not given: "for approval", "申请批准".
APPROVAL_SOUGHT_BEFORE = re.compile(
    r"(\bfor\b|\bseek\w*|\bpending\b|\bawait\w*|申请|寻求|等待|待)\s*$"
)
# A trial cleared to start is a trial start (the claim's "获批开展临床试验"): an IND or a
# clinical trial application cleared or approved, "临床试验默示许可".
TRIAL_CLEARED = re.compile(
    r"(获批|批准|获准|同意)[^,;。，；]{0,24}?(开展|进行|开始|启动)[^,;。，；]{0,12}?(临床|试验|研究)|"
    r"临床试验(申请)?(获|的)?(批准|许可|默示许可)|默示许可|"
    r"\bclear(?:ed|ance|s)?\b[^.;]{0,60}\b(?:ind|investigational new drug|clinical trial application|cta)\b|"
    r"\b(?:ind|investigational new drug|cta)\b[^.;]{0,60}\b(?:cleared|clearance|approved|approval|authori[sz]ed)\b"
)
# A regulator's approval received to run the trial: "received approval from the US Food and Drug
# Administration to conduct phase one clinical trials" (not an application for it, a committee's
# approval to go on to a later cohort, an approved drug that centres may study).
RECEIVED_TRIAL_APPROVAL = re.compile(
    r"\b(?:received|obtained|was granted|has been granted)\s+(?:(?:an?|the|its)\s+)?approval\s+from\s+"
    r"(?:the\s+)?(?:u\.?s\.?\s+|us\s+|european\s+|china's\s+)?(?:fda|food and drug administration|ema|nmpa|"
    r"national medical products administration|mhra|health canada|tga|pmda)\s+to\s+(?:conduct|start|begin|"
    r"initiate)\s+(?:[\w/-]+\s+){0,4}?(?:clinical\s+)?trials?\b"
)
# A regulator's leave to run a trial, as a claim's event: "the FDA has now approved a long-term
# clinical trial", "received FDA Investigational Device Exemption (IDE) approval for the … Study",
# "临床试验申请获批", "IND cleared" (its day is the leave's, not the first patient's).
TRIAL_CLEARANCE = re.compile(
    f"{TRIAL_CLEARED.pattern}|{RECEIVED_TRIAL_APPROVAL.pattern}|"
    r"\b(?:fda|food and drug administration|regulators?|ema|mhra|health canada|tga)\b[^.;]{0,30}?"
    r"\b(?:approved|cleared|authori[sz]ed)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:clinical\s+)?(?:trial|study)\b|"
    r"\b(?:ide|investigational device exemption)\b[^.;]{0,40}?\b(?:approv\w*|clearance)\b"
)
# A trial under way has started: "NurOwn's Phase 3 trial, which enrolled 943 people" (its own
# relative clause: the verifier takes it on no day of the start), "treated its first two
# patients in the Phase II trial".
TRIAL_ENROLLED = re.compile(
    r"\b(?:trials?|study)\b(?:\s*[(（][^()（）]{0,30}[)）])?,?\s+(?:which|that)\s+(?:has\s+|had\s+)?"
    r"(?:enrolled|recruited|randomi[sz]ed)\s+(?:a total of\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,2}?"
    r"(?:people|participants|patients|subjects|individuals|volunteers)\b"
)
TRIAL_UNDER_WAY = re.compile(
    f"{TRIAL_ENROLLED.pattern}|"
    r"\b(?:treated|dosed|enrolled|randomi[sz]ed)\s+(?:its|the)\s+first\s+(?:\w+\s+)?(?:patients|participants|"
    r"subjects)\s+in\s+(?:the|its|a)\s+(?:[\w/-]+\s+){0,4}?(?:trial|study)\b"
)
VERIFY_TRIAL_START = re.compile(
    f"{TRIAL_START.pattern}|{TRIAL_CLEARED.pattern}|{RECEIVED_TRIAL_APPROVAL.pattern}|"
    f"{TRIAL_UNDER_WAY.pattern}|进入[^,;。，；]{{0,6}}(临床|试验)|"
    # an ethics committee's approval of the trial: "HREC has approved the … clinical trial
    # protocol", "received ethics approval for its Phase I trial", "获伦理委员会批准"
    r"\b(?:ethics|ethical|institutional review board|irb|hrec)\b[^.;]{0,60}\b(?:approv\w*|clearance)\b|"
    r"\bapproved\s+the\s+(?:[\w()-]+\s+){0,4}?(?:clinical\s+)?(?:trial|study)\s+protocol\b|"
    r"伦理(?:委员会)?[^,;。，；]{0,10}(?:批准|审查通过|批件)|"
    r"\bentere?d?s?\b[^.;]{0,16}\b(?:phase|trial|study|clinic)|"
    # its first participant: "enrolled its first patient", "first subject dosed", "首例患者入组"
    r"(?:\b(?:enrolled|dosed|randomi[sz]ed|treated)\s+(?:its|the)\s+first\s+(?:patient|participant|subject)|"
    r"\bfirst (?:patient|participant|subject)\s+(?:was\s+|has been\s+)?(?:enrolled|dosed|randomi[sz]ed)|"
    # "The first participants have enrolled in the multisite trial"
    r"\bfirst (?:patients|participants|subjects)\s+(?:have\s+|had\s+|were\s+)?(?:been\s+)?(?:enrolled|dosed|randomi[sz]ed))"
    r"(?![^.;]{0,40}(?:expanded access|early access|compassionate))|"
    r"首[例位名](?:患者|受试者|参与者)(?:入组|给药|接受)|"
    # a trial or an arm of one opened: "has launched a fourth investigational arm to test X"
    r"\blaunch(?:ed|es)?\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){0,3}?(?:arm|trial|study|cohort)\b|"
    # ... and running: "the 3rd drug being tested in the MND-SMART platform"
    r"\bbeing\s+(?:tested|evaluated|studied)\s+in\s+(?:the|a|an|its)\s+(?:[\w/-]+\s+){0,4}?"
    r"(?:trial|study|platform)\b"
)
# A first dose in more words than the claim patterns read: "the trial … has started dosing" (the
# nearest trial noun before it), "dosing began in the trial" — not a later cohort, an extension,
# another country.
TRIAL_DOSING = re.compile(
    r"\b(?:trial|study)\b(?:(?!\b(?:trial|study)\b)[^.;]){0,160}?\b(?:has|have|had)\s+(?:now\s+)?"
    r"(?:started|begun|commenced|initiated)\s+dosing\b"
    r"(?=\s*(?:[.,;)]|$|patients|participants|subjects|the first|in the (?:phase|trial|study)))|"
    r"\bdosing\s+(?:has\s+|had\s+)?(?:began|begun|started|commenced)\s+in\s+(?:the|a)\s+"
    r"(?!(?:[\w/-]+\s+){0,2}?(?:extension|open-label|part|cohort))(?:[\w/-]+\s+){0,4}?(?:trial|study)\b"
)
VERIFY_DOSING = re.compile(f"{DOSING.pattern}|{TRIAL_DOSING.pattern}")
# A launch in the words of its first use: "开出……首个处方", "首批次使用", "first commercial
# prescription", "now commercially available".
VERIFY_LAUNCH = re.compile(
    f"{LAUNCH.pattern}|首批次?(?:使用|患者|处方)|首次使用|"
    r"\bfirst patients? (?:treated|dosed) commercially|"
    r"\bcommercially available\b"
)
# Withdrawal from the market in more words than the claim patterns read: "withdrawing the
# agent from market", "withdrawal of approval", "pulling it from the market".
VERIFY_WITHDRAWAL = re.compile(
    r"撤市|退市|下市|撤回上市|撤出[^,;。]{0,10}市场|撤回[^,;。]{0,10}(批准|上市许可)|"
    r"\bwithdraw\b[^.;]{0,30}\bmarkets?\b|"
    # withdrawn or discontinued, not people leaving a study: "two patients withdrew from the
    # study", "participants who discontinued"
    r"(?<!patients )(?<!participants )(?<!subjects )(?<!people )(?<!who )"
    r"\b(?:withdr(?:ew|awn)|discontinued)\b"
    r"(?!\s+(?:\w+\s+){0,2}?from\s+(?:the\s+|this\s+|a\s+)?(?:[\w/-]+\s+)?(?:study|studies|trials?)\b)|"
    r"\bwithdr(?:aw|awing|awal|awn|ew)\b[^.;]{0,40}\b(?:markets?|approval|authori[sz]ation)\b|"
    # an application to a regulator withdrawn by its sponsor: "is withdrawing its application
    # with the U.S. FDA", "withdrew its biologics license application" (not a stock listing's)
    r"\bwithdr(?:aw|aws|awing|awn|ew)\s+(?:its|the|their)\s+(?:marketing\s+|biologics license\s+|"
    r"new drug\s+|regulatory\s+)?(?:authori[sz]ation\s+)?applications?\s+(?:with|to|at)\s+(?:the\s+)?"
    r"(?:u\.\s?s\.\s+|us\s+|european\s+)?(?:fda|food and drug|ema|european medicines|nmpa|health canada|"
    r"mhra|tga|pmda|regulator)|"
    r"\bwithdr(?:aw|aws|awing|awn|ew)\s+(?:its|the|their)\s+(?:marketing authori[sz]ation|biologics license|"
    r"new drug|bla|nda|maa)\s+applications?\b|"
    r"\bpull(?:s|ed|ing)?\b[^.;]{0,30}\bfrom (?:the )?markets?\b|"
    # a developer ending the drug's development ("will discontinue development of X in ALS",
    # "决定终止该药的研发") — not another programme, an agreement, a pause, one arm
    r"\b(?:discontinu(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)|abandon(?:s|ed|ing)?)\s+"
    r"(?:(?:the|its|further|clinical)\s+){0,2}development\s+of\b|"
    r"(?<!另一款)(?<!其他)(?:终止|停止|放弃)(?:了|对)?(?:该药|该产品|其(?![他与]))[^,;。，；]{0,6}?(?:研发|开发)"
)
# A planned event: the plan word shortly before the event word, in the same clause.
# A count given as a floor: "超过 2 000 例", "more than 600 participants", "逾百人".
MORE_THAN_COUNT = re.compile(r"超过|逾|多于|以上|\bmore than\b|\bover\b|\bat least\b")
# A regulator's decision still to come, the date a planned approval is checked against:
# "an approval decision expected by Jan. 25", "PDUFA target action date", "PDUFA日期定为…".
DECISION_EXPECTED = re.compile(
    r"\b(?:approval|regulatory) decision\b|\b(?:target )?action date\b|\bpdufa\b|"
    r"\bdecision (?:is )?(?:expected|due)\b|审评(?:结果|决定)|审批决定"
)
PLANNED_BEFORE = re.compile(
    r"(计划|将会|将于|将在|即将|有望|预计|拟|准备|打算|\bplans? to\b|\bplanned\b|\bexpect\w*|\banticipat\w*|\bwill\b|\baims? to\b|"
    r"\bintends? to\b|\bis to\b|\bare to\b)[^，,;；。]{0,24}$"
)

# --- trial registry ids (read by ``registries``) -------------------------------------
# Each alternative is a group named for its registry. Read on the original text, any case.
REGISTRY_ID = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"(?P<clinicaltrials>NCT\d{8})|"
    r"(?P<chictr>ChiCTR(?:-[A-Z]{2,4}-)?\d{8,10})|"
    # (the WHO registry platform writes the EU register's id "EUCTR2016-000067-16-GB")
    r"(?:EudraCT(?:\s*(?:No\.?|number|Number|编号|号))?[\s:：#]*|EUCTR)(?P<eudract>\d{4}-\d{6}-\d{2})"
    r"(?:-[A-Z]{2}(?![A-Za-z0-9]))?|"
    r"(?P<jrct>jRCT[a-z]?\d{9,10})|"
    # Japan's UMIN registry ("UMIN000008527", "JPRN-UMIN000008527"), Germany's, India's, Korea's
    r"(?P<umin>UMIN\d{9})|(?P<drks>DRKS\d{8})|(?P<ctri>CTRI/\d{4}/\d{2,3}/\d{6})|(?P<kct>KCT\d{7})|"
    r"(?P<isrctn>ISRCTN\d{8})|"
    # the traditional medicine registry's "ITMCTR2025000842", Australia and New Zealand's
    # "ACTRN12615000123456"
    r"(?P<itmctr>ITMCTR\d{10,13})|(?P<anzctr>ACTRN\d{14})|"
    r"(?P<ctr>CTR20\d{6})"
    r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)

# A registry record's field line ("NCT ID: NCT00818389", "Study Type: Interventional", "注册号: |"):
# a record, not news citing a trial's id.
RECORD_FIELD_LINE = re.compile(
    # (opening a line or a cell, or after a title glued to it; not "（登记号：…）" in news)
    r"(?:^|(?<=[|\s\u4e00-\u9fff]))[•*-]*(?:nct id|nct number|clinicaltrials\.gov id(?:entifier)?|study type|recruitment status|"
    r"overall status|注册号|研究类型|注册时间|登记号|"
    # the WHO registry platform's record head ("Main ID:", "Date of registration:", "Public title:")
    r"main id|date of registration|public title|scientific title|primary sponsor)\s*[:：|]"
)
# A registry record's title line: "Public title: GM604 Phase 2A …", "Official Title: …".
RECORD_TITLE_FIELD = re.compile(
    r"(?:^|(?<=[\s|]))[•*-]*(?:public|scientific|official|brief)\s+title\s*[:：|]"
)
# A registry record's rows that say what its trial gives ("研究目的: | …", "Interventions: Drug: …"):
# where a title that names no therapy leaves its subject.
RECORD_TREATMENT_ROW = re.compile(
    r"^[\s|•*-]*(?:研究目的|干预措施|试验药物|研究药物|interventions?(?:/treatments?)?|"
    r"intervention/treatment)\s*[:：|]"
)
# ... and an unlisted product such a row names: "评价参芪益髓颗粒延缓…", "试验组：参芪益髓颗粒，…"
# (not its placebo, "参芪益髓颗粒模拟剂").
ROW_PRODUCT = re.compile(
    r"(?:^|[：:|，,；;。\s]|评价|评估|观察|给予|使用|服用|口服)"
    r"(?!安慰|模拟|双盲|单盲|开放|随机|对照)"
    r"(?P<name>[\u4e00-\u9fff]{2,8}?(?:颗粒|胶囊|注射液|口服液|丸|散|汤|方))(?![法式面案]|模拟|安慰)"
)
# ... and a drug such a row gives as the care both groups keep: "Drug: Riluzole (continued at the
# usual dose in both groups)".
ROW_CARE_AFTER = re.compile(
    r"\s*[(（][^)）]{0,60}(?:continu|background|standard|both (?:groups|arms)|all participants|"
    r"两组|基础|常规|继续)"
)
# A registry record of an extension study: its title says so ("… in Previously Treated Adults",
# "Open-label Extension Study of …", "延伸研究"), or its text calls it "this extension trial".
# ("A Phase 3 … Study With an Open-Label Extension": the main study, an extension part after it.)
EXTENSION_STUDY = re.compile(
    r"(?<!with an )(?<!with an open-label )(?<!with an open label )(?<!with open-label )"
    r"(?<!followed by an )(?<!followed by an open-label )"
    r"\bextension\b|\bcontinuation\b|\brollover\b|\bpreviously treated\b|延伸研究|扩展研究"
)
THIS_EXTENSION = re.compile(
    r"\bthis (?:open[- ]label )?extension (?:trial|study)\b|本延伸研究|本扩展研究"
)
# A claim of an extension study: "In the OLE, …", "roll over to an open-label study", "开放标签扩展".
EXTENSION_CLAIM = re.compile(
    r"\bextension\b|\bcontinuation\b|\bole\b|\broll(?:ed|s)?[\s-]?over\b|\bopen[- ]label (?:study|phase|period)\b|"
    r"延伸|扩展|\bola\b"
)
# A record whose trial never started: "Withdrawn (no participants were enrolled)", "Not yet recruiting".
RECORD_NOT_STARTED = re.compile(r"\bwithdrawn\b|\bnot yet recruiting\b|尚未招募|尚未开始|已撤回")

# --- web archive (read by ``sources``) ---------------------------------------------------
# A Wayback snapshot URL; ``id_`` after its timestamp asks for the page as archived,
# without the archive's toolbar and rewritten links.
WAYBACK_SNAPSHOT = re.compile(r"^(?P<head>.*/web/)(?P<ts>\d{8,14})(?P<flags>[a-z_]*)/(?P<url>.+)$")
WAYBACK_TIMESTAMP = re.compile(r"\d{8,14}")
# A source's own date in its first lines, when it has no dateline: a page's "2024-10-09", a
# wire copy's "3.9.2020 00:06" (day first), a citation's "Neurology. 1996 May;46(5)".
# A date line a page labels as its own: "Date: Tuesday, December 12, 1995", "发布时间：2024年10月9日",
# "Posted on: 3 March 2021" (not "Updated", a later edit).
LABELLED_DATE_LINE = re.compile(
    r"^[ \t]*(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|release date|发布时间|发布日期|"
    r"發布時間|發布日期|發佈時間|发表时间|發表時間|日期)[ \t]*[:：][ \t]*(?P<rest>[^\n]{4,60})$|"
    # an author manuscript's journal citation: "Published in final edited form as: Lancet
    # Neurol. 2013 Mar 29;12(5):435–442." (not "available in PMC: 2014 May 1")
    r"^[ \t]*published in final edited form as[ \t]*[:：][ \t]*(?P<rest2>[^\n]{4,160})$",
    re.MULTILINE | re.IGNORECASE,
)
SOURCE_HEADER_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?!\d)"
    r"|(?<![\d.])(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>(?:19|20)\d\d)(?![\d.]\d)"
    r"|(?<!\d)(?P<y3>(?:19|20)\d\d)[ \t]+(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\b"
    r"|^[ \t]*(?P<mon4>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+(?P<d4>\d{1,2}),"
    r"[ \t]*(?P<y4>(?:19|20)\d\d)[ \t]*$",
    re.MULTILINE,
)
# A news lead: the event told as news of the page's day ("The FDA has granted …").
NEWS_LEAD = re.compile(
    r"\bha(?:s|ve)\s+(?:been\s+)?(?:granted|awarded|received|approved|cleared|designated)\b"
    r"|\bannounced\b|\btoday\b|宣布|今日|今天|近日|日前"
)
