"""Reading input: files and folders of .txt, .md and .html articles.

Every refusal is an :class:`InputError` naming the file and the reason, so the
caller can report it in one line and go on with the other files.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bs4 import BeautifulSoup

from .encoding import UndecodableError, decode_bytes, looks_binary

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "section",
    "article",
    "table",
)


class InputError(Exception):
    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    name: str  # the source file name, the article's identity
    path: str
    text: str
    encoding: str
    content_hash: str  # sha256 of the text as read (and of the publication date given with it)
    # The article's publication date (ISO) when known from outside its text: `ingest --published`,
    # a fetched page's metadata. Year-less dates in the text take their year from it.
    published: str | None = None


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


def html_to_text(html: str) -> str:
    """Visible text of an HTML article, one block per line."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def read_article(path: str | Path, max_bytes: int, published: str | None = None) -> SourceText:
    """Read one article file, or raise :class:`InputError` saying why not.

    ``published`` (ISO date) is the article's publication date given from outside its text.
    """
    path = Path(path)
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
    if looks_binary(data):
        raise InputError(path, "binary file, not text")
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError:
        raise InputError(
            path, "cannot decode: not UTF-8, GB18030, Big5 or another known encoding"
        ) from None
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
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


def content_hash(text: str, published: str | None = None) -> str:
    """What decides whether an article changed: its text, and a publication date given with it."""
    key = text if published is None else f"{text}\0published={published}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
