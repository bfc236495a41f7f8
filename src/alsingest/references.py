"""Reference lists, inline sources and citation markers.

A reference list is the block under a heading such as 参考资料 / 信息來源 /
References. Inline sources — "（来源：[title](#)）", "(来源: https://…)" — are
references too, without a number. Citation markers ("[1]", "[4][5]",
"[121–123]", "等 [9](1994)") are linked to their sentence and, when the article
has a numbered list, to the entry of that number; otherwise they are kept
unresolved, never dropped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import patterns
from .structure import REFERENCE, TABLE_RULE, Paragraph, Sentence

logger = logging.getLogger(__name__)

URL_KIND = "url"
DOI_KIND = "doi"
TITLE_KIND = "title"
PLACEHOLDER_KIND = "placeholder"

MAX_RANGE = 50  # "[1–400]" is a typo, not 400 citations

# A URL a PDF broke over lines ("…/2025-06-10/doc-" then "inezpuqq3785643.shtml"): the URL
# runs to the end of its line on a character URLs are broken after, and the next line holds
# nothing but URL characters. (Here rather than in patterns.py: the extractor's, not ours.)
URL_BREAK_AFTER = "-/?=&_.%#~+:,"
URL_CONTINUATION = re.compile(
    r"(?P<tail>[?=&.,;:!]*)[ \t]*\r?\n[ \t]*(?P<rest>[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+)[ \t]*(?=\r?\n|$)"
)
URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+")


def join_broken_url(text: str) -> str:
    """``text`` with the line breaks inside its first URL removed (see URL_CONTINUATION)."""
    while (url := patterns.URL.search(text)) and (more := URL_CONTINUATION.match(text, url.end())):
        if (url.group() + more.group("tail"))[-1] not in URL_BREAK_AFTER:
            break
        text = text[: url.end()] + more.group("tail") + text[more.start("rest") :]
    return text


@dataclass(frozen=True)
class Reference:
    index: int
    n: int | None
    kind: str
    url: str | None
    url_normalized: str | None
    doi: str | None
    title: str | None
    start: int
    end: int
    inline: bool  # an inline "（来源：…）" source rather than a list entry


@dataclass(frozen=True)
class Marker:
    index: int
    sentence: int
    start: int
    end: int
    text: str
    n: int
    year: str | None
    reference: int | None  # Reference.index, None when unresolved


def normalize_url(url: str) -> str | None:
    """Lower-case scheme and host, default port and fragment dropped, tracking parameters removed."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    default = {"http": 80, "https": 443}[parts.scheme.lower()]
    netloc = host if port in (None, default) else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not patterns.TRACKING_PARAMS.match(k)
    ]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def _clean_title(text: str) -> str | None:
    title = text.strip(" \t:：,，;；.。()（）[]【】<>《》-—")
    return title or None


def parse_entry(body: str, start: int, index: int) -> Reference:
    """One line of a reference list."""
    n = None
    m = patterns.REFERENCE_ENTRY_START.match(body)
    rest = body
    if m:
        n = int(m.group("n1") or m.group("n2"))
        rest = body[m.end() :]
    return _reference_from_text(rest, index, n, start, start + len(body), inline=False)


def _reference_from_text(
    text: str, index: int, n: int | None, start: int, end: int, *, inline: bool
) -> Reference:
    text = join_broken_url(patterns.SOURCE_PREFIX.sub("", text))
    url_match = patterns.URL.search(text)
    doi_match = patterns.DOI.search(text)
    url = url_match.group() if url_match else None
    doi = doi_match.group(1) if doi_match else None
    title_text = text
    link = patterns.MARKDOWN_LINK.search(text)
    placeholder = False
    if link and not url:
        target = link.group("target")
        label = link.group("label").replace("\\(", "(").replace("\\)", ")")
        placeholder = target in ("", "#") or not target.startswith(("http://", "https://"))
        title_text = text[: link.start()] + (
            label if not patterns.GENERIC_LINK_LABEL.match(label) else ""
        )
        book = patterns.BOOK_TITLE.search(text)
        if book:
            title_text = book.group("title")
    if url:
        title_text = title_text.replace(url, " ")
    title = _clean_title(patterns.MARKDOWN_LINK.sub(lambda m: m.group("label"), title_text))
    if title and patterns.GENERIC_LINK_LABEL.match(title):
        title = None
    if url and (doi and "doi.org/" in url.lower()):
        kind = DOI_KIND
    elif url:
        kind = URL_KIND
    elif doi:
        kind = DOI_KIND
    elif title and not (placeholder and not title):
        kind = TITLE_KIND
    else:
        kind = PLACEHOLDER_KIND
    return Reference(
        index=index,
        n=n,
        kind=kind,
        url=url,
        url_normalized=normalize_url(url) if url else None,
        doi=doi,
        title=title,
        start=start,
        end=end,
        inline=inline,
    )


def references_of(text: str, paragraphs: list[Paragraph]) -> list[Reference]:
    """Entries of the reference list(s), then inline sources, in document order."""
    found: list[Reference] = []
    for paragraph in paragraphs:
        body = text[paragraph.start : paragraph.end]
        if paragraph.kind == REFERENCE:
            previous = found[-1] if found and not found[-1].inline else None
            if previous is not None and _continues_url(text, previous, paragraph):
                # The rest of the entry's URL, on a line of its own: one entry, both lines.
                found[-1] = parse_entry(text[previous.start : paragraph.end], previous.start, 0)
                continue
            found.append(parse_entry(body, paragraph.start, 0))
        elif paragraph.kind != TABLE_RULE:
            for m in patterns.INLINE_SOURCE.finditer(body):
                found.append(
                    _reference_from_text(
                        m.group("body"),
                        0,
                        None,
                        paragraph.start + m.start(),
                        paragraph.start + m.end(),
                        inline=True,
                    )
                )
    found.sort(key=lambda r: r.start)
    return [_with_index(r, i) for i, r in enumerate(found)]


def _continues_url(text: str, previous: Reference, paragraph: Paragraph) -> bool:
    """Whether ``paragraph`` is the rest of the URL the ``previous`` entry ends with."""
    if not URL_CHARACTERS.fullmatch(text[paragraph.start : paragraph.end]):
        return False
    joined = join_broken_url(text[previous.start : paragraph.end])
    url = patterns.URL.search(joined)
    return url is not None and "\n" not in joined[url.start() :]


def _with_index(reference: Reference, index: int) -> Reference:
    return Reference(**{**reference.__dict__, "index": index})


def marker_numbers(body: str) -> list[int]:
    """'1,2' → [1, 2]; '121–123' → [121, 122, 123]; '111,139' → [111, 139]."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", body.strip()):
        bounds = re.split(r"\s*[–—\-~～]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if low <= high and high - low <= MAX_RANGE:
                numbers.extend(range(low, high + 1))
                continue
        numbers.extend(int(b) for b in bounds if b.isdigit())
    return list(dict.fromkeys(numbers))


def markers_of(
    text: str,
    paragraphs: list[Paragraph],
    sentences: list[Sentence],
    references: list[Reference],
) -> list[Marker]:
    """Citation markers outside the reference list, each number its own row."""
    numbered = {r.n: r.index for r in references if r.n is not None and not r.inline}
    markers: list[Marker] = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    trailing = _trailing_markers(text)
    for paragraph in paragraphs:
        if paragraph.kind in (REFERENCE, TABLE_RULE):
            continue
        found = [
            *patterns.CITATION_MARKER.finditer(text, paragraph.start, paragraph.end),
            *(m for m in trailing if paragraph.start <= m.start() < paragraph.end),
        ]
        for m in found:
            sentence = _sentence_at(by_paragraph.get(paragraph.index, []), m.start())
            if sentence is None:
                continue
            year_match = patterns.MARKER_YEAR.match(text, m.end())
            year = year_match.group("year") if year_match else None
            for n in marker_numbers(m.group("body")):
                markers.append(
                    Marker(
                        index=len(markers),
                        sentence=sentence.index,
                        start=m.start(),
                        end=m.end(),
                        text=m.group(),
                        n=n,
                        year=year,
                        reference=numbered.get(n),
                    )
                )
    return markers


def _trailing_markers(text: str) -> list[re.Match]:
    """Flattened superscripts ("…improve survival. 1, 2, 3"), where the text uses no brackets."""
    if patterns.CITATION_MARKER.search(text):
        return []
    found = [
        m
        for regex in (patterns.TRAILING_MARKER, patterns.INLINE_FLAT_MARKER)
        for m in regex.finditer(text)
        if not patterns.NOT_A_MARKER_BEFORE.search(text, max(0, m.start() - 12), m.start())
        and not _a_month_day_line(text, m.start("body"))
    ]
    found += [
        m
        for m in patterns.WORD_GLUED_MARKER.finditer(text)
        if _after_a_lowercase_word(text, m.start())
        and not patterns.NOT_A_MARKER_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ]
    if len(found) >= patterns.TRAILING_MARKER_MIN_LINES:
        return found
    # One is enough when glued to a word's full stop ("…sclerosis (ALS).1"): no number is
    # written so after a word, while " 4" after a full stop may be a count.
    return [m for m in found if _glued_to_a_full_stop(text, m.start("body"))]


def _a_month_day_line(text: str, at: int) -> bool:
    """ "Apr 12" alone on its line (a registry page's field value, its year below): a day."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return (
        patterns.MONTH_DAY_LINE.match(text[start : len(text) if end < 0 else end].strip())
        is not None
    )


def _after_a_lowercase_word(text: str, at: int) -> bool:
    """ "…survival4.": the digits end a word of lowercase letters ("SOD1." and "2023." do not)."""
    before = text[max(0, at - 3) : at]
    return len(before) == 3 and before.isalpha() and before.islower() and before.isascii()


def _glued_to_a_full_stop(text: str, at: int) -> bool:
    """ "…(ALS).1": the digits touch a full stop that ends a word or a parenthesis."""
    before = text[max(0, at - 2) : at]
    return len(before) == 2 and before[1] == "." and (before[0].isalpha() or before[0] == ")")


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    # A marker in the whitespace between two sentences cites the one before it.
    before = [s for s in sentences if s.end <= offset]
    return before[-1] if before else (sentences[0] if sentences else None)
