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
)

# "一、", "1.", "1.2 ", "(1)", "第一项：" at the start of a line.
# Numbered headings: "一、…", "1.2 …", "三、前沿战线".
SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+(?:\.\d+)+\s|\d+\.\s?\S)")

TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")

# Sentence ends: CJK terminators anywhere; '.', '!' and '?' checked by the caller.
SENTENCE_END = re.compile(
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
# Author-year right after a marker: "等 [9](1994)".
MARKER_YEAR = re.compile(r"\s*[(（](?P<year>1[89]\d\d|20\d\d)[)）]")
