"""Turn fetched bytes into a document's main text, title and publication date.

Servers mislabel content all the time (PDFs as octet-stream, HTML as text/plain,
GBK pages as UTF-8), so the declared type and charset are hints checked against
the bytes, never taken on trust.
"""

from __future__ import annotations

import dataclasses
import email.utils
import io
import json
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from alsingest.dates import iso
from alsingest.encoding import (
    UndecodableError,
    canonical_encoding,
    decode_bytes,
    has_nul,
    looks_binary,
)
from alsingest.fetch import FetchResult
from alsingest.patterns import MONTHS
from alsingest.readers import block_text

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

logger = logging.getLogger(__name__)

HTML = "text/html"
PDF = "application/pdf"
TEXT = "text/plain"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/acrobat"})
TEXT_TYPES = frozenset(
    {"text/plain", "text/markdown", "text/x-markdown", "text/csv", "text/tab-separated-values"}
)
# Headers that say nothing about the content; the bytes decide.
GENERIC_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/force-download",
        "application/download",
        "application/x-download",
        "application/unknown",
    }
)

MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
)

_HTML_START = re.compile(
    rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<title)",
    re.DOTALL,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE)

# Most specific first: a citation_publication_date beats a generic "date".
DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publication_date",
    "date",
)

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
)
DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figcaption",
    "ul",
    "ol",
    "dl",
)
# Private-use characters cannot occur in real pages' text, so they mark breaks safely.
_PARA = "\ue000"
_LINE = "\ue001"


class UnsupportedContent(ValueError):
    """The bytes are not a document we can read (image, archive, JSON, broken PDF...)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Document:
    content_type: str
    encoding: str | None
    title: str | None
    published: str | None
    text: str


def parse_content_type(header: str | None) -> tuple[str, str | None]:
    """``"Text/HTML; charset=GBK"`` -> ``("text/html", "GBK")``."""
    if not header:
        return "", None
    mime, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("'\"")
    return mime.strip().lower(), charset


def sniff_type(body: bytes) -> str | None:
    """``application/pdf`` or ``text/html`` when the bytes say so, else None."""
    head = body[:1024]
    # Some generators put junk before the header; readers accept it within 1 KB.
    if b"%PDF-" in head:
        return PDF
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c").lower()
    if _HTML_START.match(head):
        return HTML
    return None


def detect_type(body: bytes, content_type: str | None) -> str:
    """The normalised type to extract ``body`` as, or :class:`UnsupportedContent`."""
    mime, _ = parse_content_type(content_type)
    shown = mime or "no content type"
    for magic, kind in MAGIC:
        if body.startswith(magic):
            raise UnsupportedContent(f"{kind} ({shown})")
    sniffed = sniff_type(body)
    if sniffed:
        return sniffed
    if mime in HTML_TYPES:
        return HTML
    if mime in PDF_TYPES:
        return PDF
    if mime in TEXT_TYPES or mime in GENERIC_TYPES:
        if mime in GENERIC_TYPES and _looks_like_json(body):
            raise UnsupportedContent(f"JSON data ({shown})")
        if looks_binary(body):
            raise UnsupportedContent(f"binary content ({shown}) is not PDF, HTML or text")
        return TEXT
    raise UnsupportedContent(f"unsupported content type {mime}")


def _looks_like_json(body: bytes) -> bool:
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head not in (b"{", b"["):
        return False
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def extract_document(body: bytes, content_type: str | None, url: str | None = None) -> Document:
    """Extract the main text of ``body``; raises :class:`UnsupportedContent`."""
    kind = detect_type(body, content_type)
    _, charset = parse_content_type(content_type)
    if kind == PDF:
        return _extract_pdf(body)
    if looks_binary(body):
        raise UnsupportedContent(f"binary content served as {kind}")
    if kind == HTML:
        return _extract_html(body, charset, url)
    text, encoding = _decode(body, charset)
    return Document(TEXT, encoding, None, None, text)


def classify(result: FetchResult) -> FetchResult:
    """Mark an ``ok`` fetch whose body we cannot read as ``unsupported_type``."""
    if result.status != "ok" or result.body is None:
        return result
    try:
        detect_type(result.body, result.content_type)
    except UnsupportedContent as exc:
        return dataclasses.replace(result, status="unsupported_type", reason=exc.reason, body=None)
    return result


def _decode(body: bytes, declared: str | None) -> tuple[str, str]:
    try:
        text, encoding = decode_bytes(body, declared=declared)
    except UndecodableError as exc:
        raise UnsupportedContent(f"undecodable text: {exc}") from exc
    if has_nul(text):
        raise UnsupportedContent("binary content: a NUL character in the text")
    return text, encoding


def _html_declared_charset(body: bytes, header_charset: str | None) -> str | None:
    """The first declared charset (header, then <meta>) that the bytes satisfy.

    A lying header must not hide a truthful <meta>; decode_bytes still sniffs
    when neither fits.
    """
    match = _META_CHARSET.search(body[:4096])
    meta_charset = match.group(1).decode("ascii", "replace") if match else None
    candidates = [c for c in (header_charset, meta_charset) if canonical_encoding(c)]
    for candidate in candidates:
        try:
            body.decode(canonical_encoding(candidate) or "")
        except (UnicodeDecodeError, LookupError):
            continue
        return candidate
    return candidates[0] if candidates else None


def _extract_html(body: bytes, header_charset: str | None, url: str | None) -> Document:
    from bs4 import BeautifulSoup  # here: a run that parses no page does not load it

    html, encoding = _decode(body, _html_declared_charset(body, header_charset))
    soup = BeautifulSoup(html, "html.parser")
    title = _html_title(soup)
    published = _html_published(soup)
    text = _trafilatura_text(html, url) or _soup_text(soup)
    return Document(HTML, encoding, title, published, text)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _meta_key(tag: Tag) -> str:
    for attr in ("property", "name", "itemprop", "http-equiv"):
        value = tag.get(attr)
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    return ""


def _html_title(soup: BeautifulSoup) -> str | None:
    for meta in soup.find_all("meta"):
        if _meta_key(meta) == "og:title":
            title = _clean(str(meta.get("content") or ""))
            if title:
                return title
    for name in ("title", "h1"):
        tag = soup.find(name)
        if tag is not None:
            title = _clean(tag.get_text(" "))
            if title:
                return title
    return None


def _html_published(soup: BeautifulSoup) -> str | None:
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = _meta_key(meta)
        content = meta.get("content")
        if key in DATE_META_KEYS and key not in found and isinstance(content, str):
            normalised = normalise_date(content)
            if normalised:
                found[key] = normalised
    for key in DATE_META_KEYS:
        if key in found:
            return found[key]
    times = [t for t in soup.find_all("time") if t.get("datetime")]
    # A <time pubdate> or itemprop=datePublished is the article's own date, not a comment's.
    times.sort(key=lambda t: not (t.has_attr("pubdate") or t.get("itemprop") == "datePublished"))
    for tag in times:
        normalised = normalise_date(str(tag.get("datetime")))
        if normalised:
            return normalised
    return None


def _paragraphs(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def main_text(html: str, url: str | None = None) -> str:
    """A page's main text (trafilatura), else its visible text without navigation and forms."""
    from bs4 import BeautifulSoup

    return _trafilatura_text(html, url) or _soup_text(BeautifulSoup(html, "html.parser"))


def _trafilatura_text(html: str, url: str | None) -> str:
    import trafilatura  # here: a tenth of a second to import, and only pages need it

    try:
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception as exc:  # a third-party parser failing must not lose the page
        logger.warning("trafilatura failed on %s: %s", url, exc)
        return ""
    return _paragraphs(text or "")


def _soup_text(soup: BeautifulSoup) -> str:
    for tag in soup.find_all(list(DROP_TAGS)):
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(attrs={"role": True}):
        if not tag.decomposed and str(tag.get("role")).lower() in DROP_ROLES:
            tag.decompose()
    # A <main> inside another holds no more text than it: only the outermost compete, so
    # each string is counted once however deep they nest.
    candidates = _outermost(soup, "main") or _outermost(soup, "article")
    root = max(candidates, key=lambda t: len(t.get_text()), default=None)
    root = root or soup.body or soup
    raw = block_text(root, frozenset(BLOCK_TAGS), _PARA, lines={"br"}, line_mark=_LINE)
    paragraphs = []
    for block in raw.split(_PARA):
        lines = (" ".join(line.split()) for line in block.split(_LINE))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _outermost(root: Tag, name: str) -> list[Tag]:
    """The ``name`` tags under ``root`` that are not inside another, in document order."""
    found: list[Tag] = []
    stack = [iter(root.find_all(True, recursive=False))]
    while stack:
        tag = next(stack[-1], None)
        if tag is None:
            stack.pop()
        elif tag.name == name:
            found.append(tag)
        else:
            stack.append(iter(tag.find_all(True, recursive=False)))
    return found


def _extract_pdf(body: bytes) -> Document:
    # Imported here: pypdf is only needed for PDFs and is slow to import.
    from pypdf import PdfReader

    # pypdf raises anything from PdfReadError to KeyError on malformed files.
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = list(reader.pages)
    except Exception as exc:
        raise UnsupportedContent(f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    texts = []
    for number, page in enumerate(pages, start=1):
        try:
            # A NUL in extracted text is an artifact of the PDF's fonts, never the article's.
            texts.append((page.extract_text() or "").replace("\x00", ""))
        except Exception as exc:  # one bad page should not lose the others
            logger.warning("PDF page %d unreadable: %s", number, exc)
    text = "\n\n".join(t.strip() for t in texts if t.strip())
    title = published = None
    try:
        info = reader.metadata
        if info is not None:
            title = _clean(info.title)
            raw_date = info.get("/CreationDate")
            published = normalise_date(str(raw_date)) if raw_date else None
    except Exception as exc:  # metadata is optional, the text is what matters
        logger.debug("PDF metadata unreadable: %s", exc)
    return Document(PDF, None, title, published, text)


def normalise_date(value: str) -> str | None:
    """An ISO date at the precision found (``2023``, ``2023-05``, ``2023-05-04``), or None."""
    value = value.strip()
    if value.startswith("D:"):  # PDF dates: D:YYYYMMDDHHmmSS+hh'mm'
        value = value[2:]
    if not value:
        return None
    match = re.search(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)", value)
    if match:
        return iso(*(int(g) for g in match.groups()))
    match = re.match(r"(\d{4})(\d{2})(\d{2})(?:\d{0,6})(?:[T\s+\-Z]|$)", value)
    if match:
        return iso(*(int(g) for g in match.groups()))
    match = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", value)
    if match and match.group(2).lower() in MONTHS:
        return iso(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    match = re.search(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", value)
    if match and match.group(1).lower() in MONTHS:
        return iso(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", value)
    if match:
        return iso(int(match.group(1)), int(match.group(2)))
    match = re.fullmatch(r"([A-Za-z]{3,9})\.?,?\s+(\d{4})", value)
    if match and match.group(1).lower() in MONTHS:
        return iso(int(match.group(2)), MONTHS[match.group(1).lower()])
    match = re.fullmatch(r"(\d{4})\s*年?", value)
    if match:
        return iso(int(match.group(1)))
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return iso(parsed.year, parsed.month, parsed.day)
