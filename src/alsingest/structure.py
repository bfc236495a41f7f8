"""Paragraphs and sentences, as spans of the original text.

Text extracted from PDFs breaks lines in mid-sentence and puts blank lines
between the fragments. Lines are joined back into one paragraph when the first
ends mid-sentence and is about as long as the document's full lines; short
unterminated lines are headings and stay on their own.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from . import patterns
from .normalize import is_hangul, is_kana

logger = logging.getLogger(__name__)

HEADING = "heading"
TEXT = "text"
TABLE_ROW = "table_row"
TABLE_RULE = "table_rule"
LIST_ITEM = "list_item"
REFERENCE = "reference"
# A row of a table whose cells were copied as one line of words under a header line of column
# names (SPACED_HEADER): never joined to the next line, read against its header.
SPACED_HEADER = "spaced_header"
SPACED_ROW = "spaced_row"


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # without the newline
    text: str


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int


def lines_of(text: str) -> list[Line]:
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


def _is_block_start(text: str, in_references: bool = False) -> bool:
    """Lines that begin a new unit whatever came before: tables, lists, references, disclaimers.

    Numbered items ("1. 利鲁唑：…") are not among them: after a full line that
    stops mid-sentence, "1、血管内皮…" is the rest of "胰岛素样生长因子 1". Nor is a
    line opening with a citation marker ("[4](1996) 的研究…") outside a reference list.
    """
    stripped = text.strip()
    return bool(
        stripped.startswith(("|", "#", "- ", "* ", "• ", "·"))
        or "\t" in text
        or (in_references and patterns.REFERENCE_ENTRY_START.match(stripped))
        or patterns.REFERENCE_HEADING.match(stripped)
        or patterns.DISCLAIMER.match(stripped)
        or patterns.GLUED_ROW_LINE.match(stripped)
    )


def _terminated(text: str) -> bool:
    return bool(patterns.LINE_TERMINATED.search(text.rstrip()))


def _full_width(lines: list[Line]) -> int:
    """Length of a 'full' line: the 80th percentile of line lengths."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.8))]


FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "at",
        "on",
        "by",
        "for",
        "with",
        "from",
        "and",
        "or",
        "but",
        "as",
        "than",
        "that",
        "which",
        "who",
    ]
)


def _new_english_line(previous: str, following: str) -> bool:
    """After a blank line, English words that stop without punctuation ("You can read more here")
    are not continued by a line opening on a capital or a digit ("Feb 2022 - …"), unless they
    stop on a word that needs more ("…enrolled patients at" / "Massachusetts General …")."""
    body, head = previous.rstrip(), following.lstrip()[:1]
    if not (body and body[-1].isascii() and body[-1].isalpha()):
        return False
    if body.split()[-1].lower() in FUNCTION_WORDS:
        return False
    return head.isupper() or head.isdigit()


# No page prints a line wider than this (in columns, a CJK character taking two): a longer line
# with another right below it is an item of its own, whatever its last character ("…有望在 2025
# 年第一季度启动" then the next item on the next line). A paragraph a page break cut mid-sentence
# has something between its halves (a blank line, a page number).
MAX_WRAPPED_COLUMNS = 120
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _columns(text: str) -> int:
    if len(text) * 2 <= MAX_WRAPPED_COLUMNS:
        return len(text)
    return len(text) + len(_WIDE.findall(text))


# The rest of a line's sentence on the next line ("[3]。…", "，…", "and…"), and the words a
# Chinese sentence cut mid-way ends on ("…中入组了" / "108名…").
_GOES_ON = re.compile(r"\s*(?:\[\d|[，。、；：,.;:)）]|[a-z])")
_NEEDS_MORE_CN = tuple("的了和与及在对于为将被把向从")


def _item_of_its_own(previous: str, following: str) -> bool:
    """A line wider than any page, with another right below it that opens a sentence of its own
    (not "[3]。…" or "，…", the rest of the line's sentence)."""
    if _columns(previous) <= MAX_WRAPPED_COLUMNS or _GOES_ON.match(following):
        return False
    body = previous.rstrip()
    # "…tofersen was given to" / "108 adults…", "…中入组了" / "108名…": a sentence cut mid-way.
    last = body.split()[-1].lower() if body and body[-1].isascii() else ""
    # (nor one ending in a comma: "…上市。2020年8月," / "国家药品监督管理局批准了…")
    return not (
        last in FUNCTION_WORDS or body.endswith(_NEEDS_MORE_CN) or body.endswith((",", "，"))
    )


# A line that is a field, its key a few words and a colon: "Date of registration: 08/05/2013",
# "Primary sponsor: …", "研究类型：干预性研究".
_FIELD_LINE = re.compile(
    r"\s*(?:[A-Z][A-Za-z()/&'-]*(?: [A-Za-z()/&'-]+){0,4}|[\u4e00-\u9fff]{2,8})\s*[:：]\s*\S"
)


def _continues(previous: Line, following: Line, full_width: int, in_references: bool) -> bool:
    body = previous.text.strip()
    if not body or _terminated(body) or body.startswith("|") or "\t" in body:
        return False
    if _is_block_start(following.text, in_references):
        return False
    if len(body) <= 40 and patterns.FIELD_KEY_LINE.match(body.lower()):
        return False  # "Study Completion Date": a registry field's key, its value below
    after = following.text.strip()
    if len(after) <= 40 and patterns.FIELD_KEY_LINE.match(after.lower()):
        return False  # "… Phase II Trial" / "Anticipated Study Start Date :": the next field's key
    if _FIELD_LINE.match(body) and _FIELD_LINE.match(following.text):
        return False  # "Public title: …" / "Date of first enrolment: …": a record's fields
    if (
        body.startswith(("•", "- ", "* ", "·"))
        or (body[-1].isdigit() and patterns.TRAILING_MARKER.search(body))
    ) and following.text.lstrip()[:1].isupper():
        # A bullet item, or a line ending in a flattened superscript ("…approved in 2023 4"),
        # ends where a capitalised line begins.
        return False
    if body[-1] in ",，、" and after[:1] not in ("", "|"):
        return True  # "2020年8月," / "国家药品监督管理局批准了…": a clause broken after its comma
    return len(body) >= 0.7 * full_width


# A line that is one Han character or bracket ("年", "期", "(", "）"): no field's value ("3", "N").
_A_FRAGMENT = re.compile(r"[\u4e00-\u9fff()（）]")
_FRAGMENT_LINE = re.compile(r"^[ \t]*[\u4e00-\u9fff()（）][ \t]*$", re.MULTILINE)


def fragment_runs(lines: list[Line]) -> set[int]:
    """Lines of runs of at least ten unbroken lines, a tenth of them a single Han character or
    bracket ("年", "(" between "2016", "EMA", ")孤儿药品委员会"): a page whose inline elements were
    copied one a line."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, Line(0, 0, "")]):
        if line.text.strip():
            run.append(i)
            continue
        # (single characters: "年", "(", "8"; a list of keywords, one a line, has none)
        single = sum(1 for k in run if _A_FRAGMENT.fullmatch(lines[k].text.strip()))
        if len(run) >= 10 and single >= 0.1 * len(run):
            found.update(run)
        run = []
    return found


def paragraphs_of(text: str) -> list[Paragraph]:
    """Paragraph spans: one per line, except lines a PDF broke mid-sentence, which are joined."""
    lines = [line for line in lines_of(text)]
    full_width = _full_width(lines)
    groups: list[list[Line]] = []
    spaced: dict[int, str] = {}  # group index -> SPACED_HEADER, SPACED_ROW or a pipe table's
    pending_blank = 0
    in_references = False
    in_table = False
    pipe_rows = pipe_table_rows(lines) if "|" in text else {}
    row_group: dict[int, int] = {}  # a pipe table's row number -> its group
    # (most texts have no line of a single Han character or bracket: one scan tells)
    fragments = fragment_runs(lines) if _FRAGMENT_LINE.search(text) else set()
    for i, line in enumerate(lines):
        if (
            i in fragments
            and i - 1 in fragments
            and groups
            and not _terminated(groups[-1][-1].text.strip())
        ):
            # "2016" / "年" / "8" / "月" / "8" / "日宣布:…": a page copied with every inline
            # element on a line of its own; its sentences run on across them
            groups[-1].append(line)
            continue
        if i in pipe_rows:
            kind, row = pipe_rows[i]
            if row in row_group:
                groups[row_group[row]].append(line)
            else:
                row_group[row] = len(groups)
                spaced[len(groups)] = kind
                groups.append([line])
            pending_blank = 0
            continue
        if not line.text.strip():
            pending_blank += 1
            in_table = False  # a blank line ends a table copied one row per line
            continue
        if is_column_header(line.text):
            spaced[len(groups)] = SPACED_HEADER
            groups.append([line])
            in_table, pending_blank = True, 0
            continue
        if in_table and not patterns.SENTENCE_ENDS_CN.search(line.text) and len(line.text) <= 600:
            spaced[len(groups)] = SPACED_ROW
            groups.append([line])
            pending_blank = 0
            continue
        in_table = False
        if (
            len(groups) >= 2
            and not pending_blank
            and patterns.MONTH_DAY_LINE.match(groups[-1][-1].text.strip())
            and patterns.YEAR_LINE.match(line.text)
            and patterns.FIELD_KEY_LINE.match(groups[-2][-1].text.strip().lower())
        ):
            # "Study Started" / "Apr 12" / "2018": a field's date printed over two lines (not a
            # timeline's day above the next entry's year)
            groups[-1].append(line)
        elif (
            groups
            and pending_blank <= 2
            and group_index_open(spaced, len(groups))
            and _continues(groups[-1][-1], line, full_width, in_references)
            and not (pending_blank and _new_english_line(groups[-1][-1].text, line.text))
            and not (pending_blank == 0 and _item_of_its_own(groups[-1][-1].text, line.text))
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
        pending_blank = 0
        if patterns.REFERENCE_HEADING.match(line.text):
            in_references = True
        elif patterns.DISCLAIMER.match(line.text):
            in_references = False

    paragraphs: list[Paragraph] = []
    in_references = False
    for g, group in enumerate(groups):
        first, last = group[0], group[-1]
        start = first.start + (len(first.text) - len(first.text.lstrip()))
        end = last.start + len(last.text.rstrip())
        body = text[start:end]
        if g in spaced:
            paragraphs.append(Paragraph(len(paragraphs), start, end, spaced[g]))
            continue
        if patterns.REFERENCE_HEADING.match(body):
            in_references = True
            kind = HEADING
        elif in_references and patterns.DISCLAIMER.match(body):
            in_references = False
            kind = TEXT
        elif in_references:
            kind = REFERENCE
        else:
            kind = _kind(body)
        if kind in (TEXT, LIST_ITEM, HEADING):
            items = run_on_items(text, start, end)
            for i, (item_start, item_end) in enumerate(items):
                # What follows a bullet is an item, however short ("托夫生获批[1]" is no heading),
                # unless it is a bare label between items ("… [2] 监管进展 - …").
                item_text = text[item_start:item_end]
                item_kind = kind if len(items) == 1 else _kind(item_text)
                if i > 0 and item_kind == HEADING and not _is_label(item_text):
                    item_kind = LIST_ITEM
                paragraphs.append(Paragraph(len(paragraphs), item_start, item_end, item_kind))
            continue
        paragraphs.append(Paragraph(len(paragraphs), start, end, kind))
    return paragraphs


# A row's first cell that is a field's key: "Actual Enrollment : |", "研究类型： |".
_KEY_CELL = re.compile(r"^\s*[^|:：\s][^|:：]{0,50}[:：]\s*\|")


def pipe_table_rows(lines: list[Line]) -> dict[int, tuple[str, int]]:
    """Lines of pipe tables whose rows do not start with "|" ("Drug | Phase |" over
    "---|---|"), by line index: (kind, row number). A row's cells may run over several lines,
    each closed by its "|": the row ends once it has closed as many cells as the rule has
    columns, so that a therapy named in its first cell owns the facts of its last."""
    found: dict[int, tuple[str, int]] = {}
    row = 0
    for i in range(1, len(lines)):
        rule = lines[i].text.strip()
        header = lines[i - 1].text.strip()
        if (
            "|" not in rule
            or not patterns.TABLE_RULE.match(rule)
            or "|" not in header
            or header.startswith("|")
            or (i - 1) in found
        ):
            continue
        columns = len([cell for cell in rule.strip("|").split("|") if cell.strip()])
        row += 1
        found[i - 1] = (TABLE_ROW, row)
        found[i] = (TABLE_RULE, -row)
        closed = 0
        row += 1
        j = i + 1
        while j < len(lines) and lines[j].text.strip() and "|" in lines[j].text:
            # "Actual Enrollment : | 249 participants |": a key and its value, a row of its own
            # below the table (a record's fields, printed with fewer cells than the table has).
            field = _KEY_CELL.match(lines[j].text)
            if closed >= columns or (field and closed):
                row, closed = row + 1, 0
            found[j] = (TABLE_ROW, row)
            closed = columns if field else closed + lines[j].text.count("|")
            j += 1
    return found


def is_column_header(line: str) -> bool:
    """A table's header row copied as one line: four or more column names, no comma or sentence."""
    if len(line) > 250 or re.search(r"[,，;；。|\t]|\.\s|\.$|^\s*[•·*-]", line):
        return False
    return len({m.group().lower() for m in patterns.COLUMN_NAME.finditer(line.lower())}) >= 4


def group_index_open(spaced: dict[int, str], count: int) -> bool:
    """Whether the last group may take more lines: a table's header and rows never do."""
    return (count - 1) not in spaced


def _is_label(text: str) -> bool:
    """A short run-on piece with no digit, marker or punctuation: a section label."""
    return len(text.strip()) <= 12 and not re.search(r"[\d\[\]，,。.；;：:（）()]", text)


def _has_stop(body: str) -> bool:
    return "." in body or "!" in body or "?" in body


def run_on_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items a line runs together (one span when it runs none together).

    AI summaries and reposts put a list on one line: "核心观点 - 托夫生…获批[1] - NurOwn…[2][3]".
    Each item is a unit of its own, so that its markers cite it and nothing else.
    """
    body = text[start:end]
    glued = [
        *(patterns.GLUED_BREAK.finditer(text, start, end) if _has_stop(body) else ()),
        *(patterns.GLUED_ITEM.finditer(text, start, end) if "ed " in body else ()),
    ]
    if not glued and "]" not in body and not any(ch in body for ch in "-–•·▪●"):
        return [(start, end)]
    # "…for patients with ALS.Amyotrophic lateral sclerosis is…": a line break the copy lost.
    breaks = [*glued, *patterns.RUN_ON_BULLET.finditer(text, start, end)]
    if not _ends_a_sentence(text, start, end):
        breaks.extend(patterns.RUN_ON_MARKER.finditer(text, start, end))
    spans = []
    cursor = start
    for m in sorted(breaks, key=lambda m: m.start()):
        if m.start() > cursor:
            spans.append((cursor, m.start()))
        cursor = max(cursor, m.end())
    if not spans:
        return [(start, end)]
    spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _ends_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends in ``text[start:end]``: a CJK stop, or an English one that is
    no abbreviation ("BrainStorm Cell Therapeutics Inc. is committed…" ends none)."""
    return any(
        m.group() != "."
        # "…trial. [11]", "…400 mg/day). 2019.03–2021.03"
        or text[m.end() : m.end() + 3].lstrip().startswith(("[", *"0123456789"))
        or _english_full_stop(text, m.start(), end)
        for m in patterns.SENTENCE_ENDS.finditer(text, start, end)
    )


def _kind(body: str) -> str:
    stripped = body.strip()
    if stripped.startswith("|"):
        return TABLE_RULE if patterns.TABLE_RULE.match(stripped) else TABLE_ROW
    if "\t" in stripped:
        return TABLE_ROW
    if stripped.startswith(("- ", "* ", "• ")):
        return LIST_ITEM
    if stripped.startswith("#") or (
        len(stripped) <= 40
        and not _terminated(stripped)
        and not patterns.TRIAL_FIELD.match(stripped.lower())
    ):
        return HEADING  # (not a trial's field: "Target sample size: 50")
    if patterns.SECTION_HEADING.match(stripped) and len(stripped) <= 60:
        return HEADING
    return TEXT


def sentences_of(text: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    """Sentence spans inside each paragraph; table rows and headings are one unit each."""
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        if paragraph.kind in (TABLE_RULE,):
            continue
        if paragraph.kind in (TABLE_ROW, HEADING, REFERENCE):
            spans = [(paragraph.start, paragraph.end)]
        else:
            spans = split_sentences(text, paragraph.start, paragraph.end)
        for start, end in spans:
            sentences.append(Sentence(len(sentences), paragraph.index, start, end))
    return sentences


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` after sentence-final punctuation and the markers or closers that follow it."""
    spans = []
    cursor = start
    for m in patterns.SENTENCE_END.finditer(text, start, end):
        if m.group("dot") and not _english_full_stop(text, m.start(), end):
            continue
        stop = m.end()
        if stop <= cursor:
            continue
        spans.append((cursor, stop))
        cursor = stop
    if cursor < end:
        spans.append((cursor, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _kana_or_hangul(ch: str) -> bool:
    """Whether ``ch`` is kana or hangul: Japanese and Korean sentences end with a full stop too."""
    return is_kana(ch) or is_hangul(ch)


def _english_full_stop(text: str, dot: int, end: int) -> bool:
    """A '.' ends a sentence when followed by space and a capital or CJK (after an opening quote or
    parenthesis, if any), and is no abbreviation."""
    after = dot + 1
    while after < end and text[after] in "”’\"')）」』":  # a quotation closing with its sentence
        after += 1
    if after < end and not text[after].isspace():
        return False
    rest = text[after:end].lstrip().lstrip("“\"‘'(（「『")  # a quotation may open the next one
    if rest and not (
        rest[0].isupper()
        or "\u4e00" <= rest[0] <= "\u9fff"
        or _kana_or_hangul(rest[0])
        # "…승인된 치료제다. 2019년 …": a Korean or Japanese sentence's end, whatever follows
        or (dot > 0 and _kana_or_hangul(text[dot - 1]))
    ):
        return False
    word = re.search(r"([A-Za-z]+)$", text[max(0, dot - 12) : dot])
    if word is None:
        return True
    token = word.group(1)
    return not (len(token) == 1 or token.lower() in patterns.ABBREVIATIONS)
