import pytest

from alsingest.readers import InputError, discover, expand_paths, html_to_text, read_article

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


def test_a_dash_stands_for_the_paths_on_standard_input():
    import io

    stdin = io.StringIO("a.txt\n\n  b/c.md  \n")
    assert expand_paths(["x.txt", "-", "y.txt"], stdin) == ["x.txt", "a.txt", "b/c.md", "y.txt"]
