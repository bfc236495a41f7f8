import time

import pytest

from alsingest.readers import InputError, discover, html_to_text, read_article

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


def test_html_articles_are_read_as_visible_text(tmp_path):
    html = (
        "<html><head><meta charset='gbk'><script>var x=1;</script></head><body><nav>菜单</nav>"
        "<h1>托夫生上市</h1><p>2025年6月，托夫生正式在中国上市。[1]</p><footer>版权</footer></body></html>"
    )
    path = tmp_path / "post.html"
    path.write_bytes(html.encode("gbk"))
    source = read_article(path, max_bytes=100000)
    assert source.text == "托夫生上市\n2025年6月，托夫生正式在中国上市。[1]"
    assert html_to_text("<p>a</p><p>b</p>") == "a\nb"


def test_control_bytes_mean_binary_but_tabs_newlines_and_escapes_do_not():
    from alsingest.encoding import looks_binary

    text = "渐冻症\t研究\r\n\x0c\x1b[0m".encode() * 50
    assert not looks_binary(text)
    assert looks_binary(b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd" * 50)
    assert not looks_binary(b"abcdefghijklmnopqrstuvwxyz\x01" * 50)  # under 5 %


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
    assert source.text.count("渐冻症") == 30_000


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


def test_html_text_keeps_blocks_drops_navigation_and_scripts():
    html = (
        "<nav>菜单<p>x</p></nav><div>a<br>b<span>c</span></div><script>z</script>"
        "<p>d<style>q</style>e</p><form><div>f</div></form>text<p>unclosed<div>more"
    )
    assert html_to_text(html) == "a\nbc\nde\ntext\nunclosed\nmore"


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
