from __future__ import annotations

import time

import pytest

from alsingest import documents
from alsingest.documents import (
    UnsupportedContent,
    classify,
    detect_type,
    extract_document,
    normalise_date,
)
from alsingest.fetch import FetchResult

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"

ARTICLE = """<!DOCTYPE html>
<html><head>
<title>Page title | Example News</title>
<meta property="og:title" content="Tofersen slows decline in SOD1 ALS">
<meta property="article:published_time" content="2023-04-25T08:30:00+08:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">NAVLINK news centre</a></nav>
<header>HEADERTEXT site banner</header>
<article>
<h1>Tofersen slows decline in SOD1 ALS</h1>
<p>渐冻症（肌萎缩侧索硬化）是一种进行性神经退行性疾病。托夫生是一种反义寡核苷酸药物，针对SOD1突变的患者。</p>
<p>In the VALOR trial, tofersen reduced neurofilament light chain in participants with SOD1 ALS.</p>
<p>The open-label extension suggested that earlier initiation may slow the decline in function.</p>
</article>
<aside>ASIDETEXT related stories</aside>
<footer>FOOTERTEXT copyright 2023 Example News</footer>
<script>var SCRIPTTEXT = 1;</script>
</body></html>"""

CHINESE = "渐冻症是一种进行性神经退行性疾病，目前临床上常用的药物有利鲁唑和依达拉奉。研究显示治疗可以延缓病情发展。"
TRADITIONAL = "漸凍症是一種進行性神經退行性疾病，目前臨床上常用的藥物有利魯唑和依達拉奉。研究顯示治療可以延緩病情發展。"


def _page(body_text: str, head: str = "", title: str = "标题") -> str:
    return (
        f"<html><head>{head}<title>{title}</title></head><body>"
        f"<p>{body_text}</p><p>{body_text}</p></body></html>"
    )


def make_pdf(pages: list[str], title: str | None = None, created: str | None = None) -> bytes:
    """A minimal valid PDF with one Helvetica text line per page, built by hand."""
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    info_id = font_id + 1
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode(),
    ]
    for i, text in enumerate(pages):
        content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    info = []
    if title:
        info.append(f"/Title ({title})")
    if created:
        info.append(f"/CreationDate ({created})")
    objects.append(f"<< {' '.join(info)} >>".encode())
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, info_id)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return out


@pytest.fixture(params=["trafilatura", "beautifulsoup"])
def extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    # trafilatura is a declared dependency: a failed import is a broken install, not a skip.
    import trafilatura

    if request.param == "beautifulsoup":

        def broken(*args, **kwargs):
            raise RuntimeError("trafilatura failed")

        monkeypatch.setattr(trafilatura, "extract", broken)
    return request.param


def test_html_main_text_drops_boilerplate_and_finds_title_and_date(extractor: str) -> None:
    doc = extract_document(ARTICLE.encode("utf-8"), "text/html; charset=utf-8")
    assert doc.content_type == "text/html"
    assert doc.title == "Tofersen slows decline in SOD1 ALS"
    assert doc.published == "2023-04-25"
    assert "托夫生是一种反义寡核苷酸药物" in doc.text
    assert "reduced neurofilament light chain" in doc.text
    for boilerplate in ("NAVLINK", "HEADERTEXT", "ASIDETEXT", "FOOTERTEXT", "SCRIPTTEXT"):
        assert boilerplate not in doc.text


def test_html_paragraphs_stay_separate(extractor: str) -> None:
    doc = extract_document(ARTICLE.encode("utf-8"), "text/html")
    paragraphs = doc.text.split("\n\n")
    assert any(p.startswith("In the VALOR trial") for p in paragraphs)
    assert any(p.startswith("The open-label extension") for p in paragraphs)


def test_gbk_page_whose_header_claims_utf8_decodes_as_gbk() -> None:
    body = _page(CHINESE).encode("gbk")
    doc = extract_document(body, "text/html; charset=utf-8")
    assert doc.encoding == "gb18030"
    assert "利鲁唑和依达拉奉" in doc.text


def test_gbk_page_whose_header_claims_big5_decodes_as_gbk() -> None:
    body = _page(CHINESE).encode("gbk")
    doc = extract_document(body, "text/html; charset=big5")
    assert doc.encoding == "gb18030"
    assert "利鲁唑和依达拉奉" in doc.text


def test_meta_charset_is_the_hint_when_the_header_charset_does_not_fit() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    body = _page(CHINESE, head=meta).encode("gbk")
    assert documents._html_declared_charset(body, "utf-8") == "gb2312"
    assert documents._html_declared_charset(body, None) == "gb2312"
    doc = extract_document(body, "text/html; charset=utf-8")
    assert doc.encoding == "gb18030"
    assert doc.title == "标题"


def test_big5_page_without_charset_is_sniffed() -> None:
    body = _page(TRADITIONAL, title="標題").encode("big5")
    doc = extract_document(body, "text/html")
    assert doc.encoding == "big5hkscs"
    assert doc.title == "標題"
    assert "利魯唑和依達拉奉" in doc.text


def test_time_element_gives_published_date_when_no_meta() -> None:
    body = b'<html><body><article><time datetime="2021-11-03">Nov 3</time><p>x</p></article></body></html>'
    assert extract_document(body, "text/html").published == "2021-11-03"


def test_title_falls_back_to_title_element() -> None:
    body = b"<html><head><title> Riluzole \n overview </title></head><body><p>x</p></body></html>"
    assert extract_document(body, None).title == "Riluzole overview"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-05-04T10:00:00+08:00", "2023-05-04"),
        ("2023/5/4", "2023-05-04"),
        ("2023年5月4日", "2023-05-04"),
        ("20230504", "2023-05-04"),
        ("D:20230504120000+08'00'", "2023-05-04"),
        ("Thu, 04 May 2023 10:00:00 GMT", "2023-05-04"),
        ("May 4, 2023", "2023-05-04"),
        ("4 May 2023", "2023-05-04"),
        ("2023-05", "2023-05"),
        ("2023年5月", "2023-05"),
        ("2023", "2023"),
        ("2023-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_normalise_date_keeps_the_precision_found(raw: str, expected: str | None) -> None:
    assert normalise_date(raw) == expected


def test_pdf_text_and_metadata_come_back() -> None:
    pdf = make_pdf(
        ["Edaravone slows ALS progression", "Second page about riluzole"],
        title="ALS therapy review",
        created="D:20220315093000Z",
    )
    doc = extract_document(pdf, "application/pdf")
    assert doc.content_type == "application/pdf"
    assert "Edaravone slows ALS progression" in doc.text
    assert "Second page about riluzole" in doc.text
    assert doc.title == "ALS therapy review"
    assert doc.published == "2022-03-15"


def test_pdf_served_as_octet_stream_is_sniffed() -> None:
    pdf = make_pdf(["Masitinib phase 3"])
    doc = extract_document(pdf, "application/octet-stream")
    assert doc.content_type == "application/pdf"
    assert "Masitinib phase 3" in doc.text


def test_pdf_without_text_returns_empty_text() -> None:
    doc = extract_document(make_pdf([""]), "application/pdf")
    assert doc.text == ""


def test_broken_pdf_is_unsupported() -> None:
    with pytest.raises(UnsupportedContent, match="unreadable PDF"):
        extract_document(b"%PDF-1.4\nthis is not really a pdf", "application/pdf")


@pytest.mark.parametrize("content_type", ["image/png", "application/octet-stream", None])
def test_image_is_unsupported(content_type: str | None) -> None:
    with pytest.raises(UnsupportedContent, match="PNG image"):
        extract_document(PNG, content_type)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00", "application/zip"),
        (b'{"drug": "tofersen"}', "application/json"),
        (b'{"drug": "tofersen"}', "application/octet-stream"),
        (bytes(range(256)) * 4, "application/octet-stream"),
        (b"GIF89a\x01\x00", "text/html"),
    ],
)
def test_archives_json_and_binary_are_unsupported(body: bytes, content_type: str) -> None:
    with pytest.raises(UnsupportedContent):
        extract_document(body, content_type)


def test_plain_text_is_returned_as_is() -> None:
    body = "第一行\n\nSecond line  with  spaces\n".encode("gb18030")
    doc = extract_document(body, "text/plain")
    assert doc.content_type == "text/plain"
    assert doc.text == "第一行\n\nSecond line  with  spaces\n"


def test_html_served_as_text_plain_is_sniffed() -> None:
    body = b"<!doctype html><html><head><title>T</title></head><body><p>hello</p></body></html>"
    assert detect_type(body, "text/plain") == "text/html"


def _ok(body: bytes, content_type: str | None) -> FetchResult:
    return FetchResult(
        url="http://example.org/x",
        final_url="http://example.org/x",
        status="ok",
        http_status=200,
        reason=None,
        content_type=content_type,
        etag=None,
        last_modified=None,
        body=body,
        fetched_at="2024-01-01T00:00:00.000Z",
        attempts=(),
    )


def test_classify_marks_images_unsupported_and_drops_body() -> None:
    result = classify(_ok(PNG, "image/png"))
    assert result.status == "unsupported_type"
    assert result.body is None
    assert "PNG" in (result.reason or "")


def test_classify_leaves_readable_documents_alone() -> None:
    original = _ok(ARTICLE.encode(), "text/html")
    assert classify(original) is original


def test_deeply_nested_html_page_is_extracted_in_linear_time(extractor: str) -> None:
    # Both extractors: the fallback inserted marks into the tree (time grew with the
    # square of the depth: 10,000 nested <div> took 5 s, 30,000 about a minute).
    depth = 30_000
    page = "<html><body><main>" + "<div>渐冻症" * depth + "</div>" * depth + "</main></body></html>"
    started = time.monotonic()
    doc = extract_document(page.encode("utf-8"), "text/html")
    assert time.monotonic() - started < 20
    assert "渐冻症" in doc.text


def test_a_nul_byte_after_the_first_8_kb_means_binary_content() -> None:
    body = "渐冻症患者的临床试验。".encode() * 1000 + b"\x00"
    with pytest.raises(UnsupportedContent, match="binary"):
        extract_document(body, "text/plain")
    with pytest.raises(UnsupportedContent, match="binary"):
        extract_document(b"<html><body><p>" + body + b"</p></body></html>", "text/html")
