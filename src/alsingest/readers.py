"""Reading input: files and folders of .txt, .md, .html and .pdf articles.

Saved web pages are read as fetched pages are: trafilatura's main-content extraction keeps
the article and drops login bars, related links, comments and copyright lines. PDFs are read
with pypdf; their line breaks stay, for ``structure`` to reflow as it does any PDF text.

Every refusal is an :class:`InputError` naming the file and the reason, so the
caller can report it in one line and go on with the other files.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .encoding import UndecodableError, decode_bytes, has_nul, looks_binary

if TYPE_CHECKING:
    from bs4 import Tag

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
NO_TEXT_LAYER = (
    "PDF has no text layer (a scan?): run OCR on it first (e.g. ocrmypdf --sidecar), "
    "then ingest the text"
)
DROP_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form"})
# Reading a file within the size cap takes well under a second; one that still takes
# this long is refused so that it cannot stall the files after it.
READ_SECONDS = 30.0
# Nodes walked between two looks at the clock.
CLOCK_EVERY = 4096


class TooSlow(Exception):
    """Walking a document took longer than its deadline."""


class InputError(Exception):
    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{shown_name(path)}: {reason}")
        self.path = str(path)
        self.reason = reason


def shown_name(name: str | Path) -> str:
    """A file name or path as printed: control characters escaped (``\\n``, ``\\x1b``), so
    that a name cannot split a one-line message or drive the terminal."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in str(name)
    )


@dataclass(frozen=True)
class SourceText:
    name: str  # the article's name: its file name, or a longer end of its path if taken
    path: str
    text: str
    encoding: str
    content_hash: str  # sha256 of the text as read (and of the publication date given with it)
    # The article's publication date (ISO) when known from outside its text: `ingest --published`,
    # a fetched page's metadata. Year-less dates in the text take their year from it.
    published: str | None = None
    # What the article is: the file's resolved path, or the URL (set by pipeline.identify).
    source: str | None = None


def discover(
    paths: Iterable[str | Path], extensions: Iterable[str]
) -> tuple[list[Path], list[InputError]]:
    """Files to ingest under ``paths`` (folders searched recursively, sorted), and paths refused."""
    wanted = {e.lower() for e in extensions}
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted)
            if not found:
                errors.append(InputError(path, f"folder has no {', '.join(sorted(wanted))} files"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            errors.append(InputError(path, "not a regular file"))
        else:
            errors.append(InputError(path, "no such file or folder"))
    return list(dict.fromkeys(files)), errors


def expand_paths(paths: Iterable[str], stdin: TextIO) -> list[str]:
    """``paths`` with ``-`` replaced by the paths read from ``stdin``, one a line (blank lines
    skipped): ``find . -name '*.txt' | alsingest ingest -``."""
    expanded: list[str] = []
    for path in paths:
        if path == "-":
            expanded.extend(line.strip() for line in stdin if line.strip())
        else:
            expanded.append(path)
    return expanded


def block_text(
    root: Tag,
    blocks: Collection[str],
    mark: str,
    *,
    drop: Collection[str] = (),
    lines: Collection[str] = (),
    line_mark: str = "",
    deadline: float | None = None,
) -> str:
    """``root.get_text()`` with ``mark`` before and after every tag in ``blocks``.

    Tags in ``drop`` are left out with all they hold; each tag in ``lines`` becomes
    ``line_mark``. One walk over the tree, so time grows with its size, never with its
    depth (inserting the marks into the tree walked to each tag's last descendant, which
    made 50,000 nested ``<div>`` take minutes).
    """
    from bs4 import NavigableString, Tag  # here: a command that reads no HTML does not load it

    types = root.interesting_string_types
    if types is None:
        types = Tag.MAIN_CONTENT_STRING_TYPES
    parts: list[str] = []
    stack = [iter(root.contents)]
    closing: list[str] = []
    walked = 0
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if closing:
                parts.append(closing.pop())
            continue
        walked += 1
        if deadline is not None and walked % CLOCK_EVERY == 0 and time.monotonic() > deadline:
            raise TooSlow
        if isinstance(node, NavigableString):
            if type(node) is types if isinstance(types, type) else type(node) in types:
                parts.append(node)
        elif node.name in drop:
            continue
        elif node.name in lines:
            parts.append(line_mark)
        else:
            end = mark if node.name in blocks else ""
            parts.append(end)
            stack.append(iter(node.contents))
            closing.append(end)
    return "".join(parts)


def read_article(
    path: str | Path,
    max_bytes: int,
    published: str | None = None,
    *,
    time_limit: float | None = None,
) -> SourceText:
    """Read one article file, or raise :class:`InputError` saying why not.

    ``published`` (ISO date) is the article's publication date given from outside its text.
    A file whose reading takes longer than ``time_limit`` seconds (default
    :data:`READ_SECONDS`) is refused.
    """
    path = Path(path)
    time_limit = READ_SECONDS if time_limit is None else time_limit
    deadline = time.monotonic() + time_limit
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte cap")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file or folder") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    if not data.strip():
        raise InputError(path, "file is empty")
    if path.suffix.lower() in PDF_SUFFIXES or data.startswith(b"%PDF-"):
        text, encoding = pdf_text(path, data), "pdf"
    else:
        text, encoding = _decoded_text(path, data, deadline, time_limit)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(path, "no text in file")
    return SourceText(
        name=path.name,
        path=str(path),
        text=text,
        encoding=encoding,
        content_hash=content_hash(text, published),
        published=published,
    )


def _decoded_text(path: Path, data: bytes, deadline: float, time_limit: float) -> tuple[str, str]:
    if looks_binary(data):
        raise InputError(path, "binary file, not text")
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError:
        raise InputError(
            path, "cannot decode: not UTF-8, GB18030, Big5 or another known encoding"
        ) from None
    if has_nul(text):
        raise InputError(path, "binary file, not text (it holds a NUL character)")
    if path.suffix.lower() in HTML_SUFFIXES:
        try:
            text = html_article_text(text, deadline)
        except TooSlow:
            raise InputError(
                path, f"reading its HTML took over {time_limit:g} s (nested too deeply?)"
            ) from None
    return text, encoding


def html_article_text(html: str, deadline: float | None = None) -> str:
    """The main text of a saved page, one paragraph per block (as a fetched page's);
    :class:`TooSlow` when ``deadline`` (a ``time.monotonic()`` value) has passed."""
    from .documents import main_text

    text = main_text(html)
    if deadline is not None and time.monotonic() > deadline:
        raise TooSlow
    return text


def pdf_text(path: Path, data: bytes) -> str:
    """The text layer of a PDF, or :class:`InputError` (unreadable, or a scan without text)."""
    from .documents import PDF, UnsupportedContent, extract_document

    try:
        text = extract_document(data, PDF).text
    except UnsupportedContent as e:
        raise InputError(path, e.reason) from None
    if not text.strip():
        raise InputError(path, NO_TEXT_LAYER)
    return text


def content_hash(text: str, published: str | None = None) -> str:
    """What decides whether an article changed: its text, and a publication date given with it."""
    key = text if published is None else f"{text}\0published={published}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
