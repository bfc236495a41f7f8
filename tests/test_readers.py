import time

import pytest

from alsingest.readers import InputError, discover, expand_paths, read_article

TEXT = "肌萎縮側索硬化症的臨床試驗已經開始，這是重要進展。"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8-sig", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("gb18030", TEXT.encode("gb18030")),
        ("big5hkscs", TEXT.encode("big5")),
        ("gb18030", "渐冻症患者的临床试验已经开始。".encode("gbk")),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, data):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    source = read_article(path, max_bytes=1000)
    assert source.encoding == encoding
    assert source.text == data.decode(encoding).lstrip("\ufeff")
    assert source.name == "article.txt"


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("undecodable.txt", b"\x80\xff" * 10, "cannot decode"),
        ("undecodable2.txt", bytes(range(128, 256)), "cannot decode"),
        ("big.txt", "渐冻症".encode() * 400, "over the 1,000-byte cap"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as excinfo:
        read_article(path, max_bytes=1000)
    assert reason in excinfo.value.reason
    assert str(excinfo.value).startswith(str(path))


def test_missing_path_is_reported_by_discover(tmp_path):
    files, errors = discover([tmp_path / "nope.txt"], [".txt"])
    assert files == []
    assert [e.reason for e in errors] == ["no such file or folder"]


def test_folders_are_searched_for_known_extensions(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.md", "sub/c.html", "d.pdf", "e.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = discover([tmp_path], [".txt", ".md", ".html"])
    assert sorted(f.name for f in files) == ["a.txt", "b.md", "c.html"]
    assert errors == []


SAVED_PAGE = """<html><head><meta charset="gbk"><title>托夫生在中国上市</title></head><body>
<div class="login-bar"><a href="/login">登录</a> | <a href="/reg">注册</a> 欢迎来到健康网</div>
<nav><a href="/">首页</a><a href="/news">新闻</a></nav>
<article><h1>托夫生在中国上市</h1>
<p>2025年6月，创新药物托夫生注射液正式在中国上市，用于治疗SOD1突变的肌萎缩侧索硬化症患者。[1]</p>
<p>托夫生是一种反义寡核苷酸药物，通过降低SOD1蛋白的合成发挥作用。III期VALOR研究共纳入108名患者。</p>
<p>专家表示，这一药物的上市为渐冻症患者带来了新的希望，后续还将开展更多的真实世界研究。</p>
</article>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a/1">依达拉奉口服剂型2022年在美国上市</a></li>
<li><a href="/a/2">渐冻症的十个误区</a></li></ul></div>
<div class="comments"><h3>评论</h3><div class="comment"><p>网友甲：希望早日进医保！</p></div></div>
<footer>版权所有 2025 健康网 京ICP备12345号</footer>
</body></html>"""


def test_saved_pages_keep_the_article_and_drop_the_boilerplate(tmp_path):
    path = tmp_path / "post.html"
    path.write_bytes(SAVED_PAGE.encode("gbk"))
    text = read_article(path, max_bytes=100000).text
    assert text.startswith("托夫生在中国上市\n")
    assert "2025年6月，创新药物托夫生注射液正式在中国上市" in text and "108名患者" in text
    for boilerplate in ("登录", "首页", "依达拉奉口服剂型", "网友甲", "版权所有"):
        assert boilerplate not in text


def test_a_saved_page_makes_no_claim_of_its_related_links(tmp_path, toolkit):
    from alsingest import queries, store
    from alsingest.pipeline import ingest_files

    path = tmp_path / "post.html"
    path.write_bytes(SAVED_PAGE.encode("gbk"))
    db = store.open_db(":memory:")
    assert ingest_files(db, [path], toolkit).ok
    claims = list(queries.export_claims(db))
    assert {c["therapy"] for c in claims} == {"tofersen"}
    text = read_article(path, max_bytes=100000).text
    assert all(text[c["start"] : c["end"]] == c["quote"] for c in claims), "offsets into the text"


def pdf_with_lines(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica, ASCII)."""
    body = (
        "BT /F1 11 Tf 50 750 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


PDF_LINES = [
    "Tofersen for SOD1 ALS",
    "In April 2023 the FDA granted accelerated approval to tofersen for adults",
    "with ALS and a SOD1 mutation, after the phase 3 VALOR trial enrolled 108",
    "participants.",
]


def test_pdfs_are_read_from_their_text_layer(tmp_path):
    path = tmp_path / "review.pdf"
    path.write_bytes(pdf_with_lines(PDF_LINES))
    source = read_article(path, max_bytes=100000)
    assert source.encoding == "pdf"
    assert "accelerated approval to tofersen for adults\nwith ALS" in source.text


def test_pdf_lines_are_reflowed_into_sentences(tmp_path, toolkit):
    from alsingest import queries, store
    from alsingest.pipeline import ingest_files

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "review.pdf").write_bytes(pdf_with_lines(PDF_LINES))
    db = store.open_db(":memory:")
    report = ingest_files(db, [folder], toolkit)
    assert report.new == ["review.pdf"], "a folder's PDFs are ingested"
    sentences = [s["text"] for s in queries.export_sentences(db)]
    assert any("In April 2023" in s and "108\nparticipants." in s for s in sentences)
    claims = list(queries.export_claims(db))
    assert any(c["therapy"] == "tofersen" and c["enrollment"] == 108 for c in claims)


def test_a_scanned_pdf_without_a_text_layer_says_so(tmp_path):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="no text layer") as refused:
        read_article(path, max_bytes=100000)
    assert refused.value.path == str(path)


def test_a_broken_pdf_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(InputError, match="PDF"):
        read_article(path, max_bytes=100000)


def test_control_bytes_mean_binary_but_tabs_newlines_and_escapes_do_not():
    from alsingest.encoding import looks_binary

    text = "渐冻症\t研究\r\n\x0c\x1b[0m".encode() * 50
    assert not looks_binary(text)
    assert looks_binary(b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd" * 50)
    assert not looks_binary(b"abcdefghijklmnopqrstuvwxyz\x01" * 50)  # under 5 %


def test_a_dash_stands_for_the_paths_on_standard_input():
    import io

    stdin = io.StringIO("a.txt\n\n  b/c.md  \n")
    assert expand_paths(["x.txt", "-", "y.txt"], stdin) == ["x.txt", "a.txt", "b/c.md", "y.txt"]


def nested_divs(depth: int) -> str:
    return "<html><body>" + "<div>渐冻症" * depth + "</div>" * depth + "</body></html>"


def test_deeply_nested_html_is_read_in_linear_time(tmp_path):
    # 30,000 nested <div> took about a minute when marks were inserted into the tree
    # (time grew with the square of the depth); one walk takes about a second.
    path = tmp_path / "nested.html"
    path.write_text(nested_divs(30_000), encoding="utf-8")
    started = time.monotonic()
    source = read_article(path, max_bytes=5_000_000)
    assert time.monotonic() - started < 15
    # Saved pages are read by trafilatura's main-content extraction, whose parser (libxml2)
    # stops descending at depth 256: the text nested deeper than any real page is not kept.
    assert source.text.count("渐冻症") >= 250


def test_html_that_takes_too_long_to_read_is_refused_and_other_files_go_on(
    tmp_path, monkeypatch, toolkit, db
):
    from alsingest import readers
    from alsingest.pipeline import ingest_files

    (tmp_path / "nested.html").write_text(nested_divs(20_000), encoding="utf-8")
    (tmp_path / "plain.txt").write_text("2025年6月，托夫生在中国上市。", encoding="utf-8")
    monkeypatch.setattr(readers, "READ_SECONDS", 0.0)
    report = ingest_files(db, [tmp_path], toolkit)
    assert report.new == ["plain.txt"]
    (error,) = report.errors
    assert error.path.endswith("nested.html")
    assert "took over 0 s" in error.reason


def test_a_nul_byte_anywhere_means_binary(tmp_path):
    path = tmp_path / "late-nul.txt"
    path.write_bytes("渐冻症患者的临床试验。".encode() * 1000 + b"\x00tail")
    with pytest.raises(InputError) as excinfo:
        read_article(path, max_bytes=1_000_000)
    assert "binary file" in excinfo.value.reason


def test_utf16_text_is_read_but_a_nul_character_in_it_is_binary(tmp_path):
    good = tmp_path / "utf16.txt"
    good.write_bytes("渐冻症患者 ALS trial.".encode("utf-16"))
    assert read_article(good, max_bytes=10_000).text == "渐冻症患者 ALS trial."
    bad = tmp_path / "utf16-nul.txt"
    bad.write_bytes("渐冻症\x00患者".encode("utf-16"))
    with pytest.raises(InputError) as excinfo:
        read_article(bad, max_bytes=10_000)
    assert "binary file" in excinfo.value.reason


def test_a_file_name_with_a_newline_stays_on_one_line_in_its_error(tmp_path):
    path = tmp_path / "two\nlines\x1b[31m.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as excinfo:
        read_article(path, max_bytes=1000)
    message = str(excinfo.value)
    assert "\n" not in message and "\x1b" not in message
    assert "two\\nlines\\x1b[31m.txt: file is empty" in message
    assert excinfo.value.path == str(path)  # the name itself is kept as it is


def test_a_pdfs_reference_urls_broken_over_lines_are_whole(tmp_path, toolkit):
    """A PDF breaks a long URL where a line ends ("…/doc-", "…/?"): the reference keeps the
    whole URL (what `fetch` requests), and the rest of it is no reference of its own."""
    from alsingest import queries, store
    from alsingest.pipeline import ingest_files

    lines = [
        *PDF_LINES,
        "References",
        "[1] https://www.example.org/news/2023-04-25/tofersen-",
        "accelerated-approval-for-sod1-als.html",
        "[2] https://www.example.org/article/7484223014209323571/?",
        "upstream_biz=doubao&source=m_redirect",
        "[3] https://www.example.org/short.html",
        "Tofersen label, 2023",
    ]
    (tmp_path / "review.pdf").write_bytes(pdf_with_lines(lines))
    db = store.open_db(":memory:")
    assert ingest_files(db, [tmp_path / "review.pdf"], toolkit).ok
    urls = {r["n"]: r["url"] for r in queries.export_references(db) if r["n"]}
    assert urls == {
        1: "https://www.example.org/news/2023-04-25/tofersen-accelerated-approval-for-sod1-als.html",
        2: "https://www.example.org/article/7484223014209323571/?upstream_biz=doubao&source=m_redirect",
        3: "https://www.example.org/short.html",  # a line of words after it is not its URL
    }  # fmt: skip
    assert [r["n"] for r in queries.export_references(db) if r["url"]] == [1, 2, 3]
