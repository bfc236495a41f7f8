import pytest

from alsingest.references import (
    PLACEHOLDER_KIND,
    TITLE_KIND,
    URL_KIND,
    join_broken_url,
    marker_numbers,
    markers_of,
    normalize_url,
    parse_entry,
    references_of,
)
from alsingest.structure import paragraphs_of, sentences_of


def parse(text):
    paragraphs = paragraphs_of(text)
    sentences = sentences_of(text, paragraphs)
    references = references_of(text, paragraphs)
    return sentences, references, markers_of(text, paragraphs, sentences, references)


@pytest.mark.parametrize("prefix, count", [("000", 6), ("001", 7)])
def test_numbered_url_lists_are_parsed(seed_text, prefix, count):
    _, references, markers = parse(seed_text(prefix))
    listed = [r for r in references if not r.inline]
    assert [r.n for r in listed] == list(range(1, count + 1))
    assert all(r.kind == URL_KIND for r in listed)
    assert all("utm_" not in r.url_normalized and "guce_" not in r.url_normalized for r in listed)
    assert all(m.reference is not None for m in markers)


def test_tracking_parameters_are_removed_but_kept_as_written(seed_text):
    _, references, _ = parse(seed_text("000"))
    second = references[1]
    assert second.url == "https://www.sineugene.com/ndetail/70.html?utm_source=chatgpt.com"
    assert second.url_normalized == "https://www.sineugene.com/ndetail/70.html"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTPS://WWW.Example.COM:443/a?utm_source=x&id=3#frag", "https://www.example.com/a?id=3"),
        ("http://example.com", "http://example.com/"),
        (
            "https://www.toutiao.com/article/1/?upstream_biz=doubao&source=m_redirect",
            "https://www.toutiao.com/article/1/",
        ),
        ("https://example.com:8080/x?b=2&a=1", "https://example.com:8080/x?b=2&a=1"),
        ("ftp://example.com/x", None),
        ("https://", None),
    ],
)
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected


def test_unnumbered_doi_source_is_recognised(seed_text):
    _, references, _ = parse(seed_text("002"))
    assert len(references) == 1
    assert references[0].kind == "doi" and references[0].doi == "10.3390/biomedicines13010035"


def test_placeholder_and_title_only_sources_are_recognised(seed_text):
    _, references, _ = parse(seed_text("003"))
    kinds = [r.kind for r in references]
    assert kinds.count(PLACEHOLDER_KIND) == 2
    titles = [r.title for r in references if r.kind == TITLE_KIND]
    assert "ALS 机制图谱看不懂？用“工厂故事”帮你读懂渐冻症" in titles
    assert any(t.startswith("Considerations for Amyotrophic Lateral Sclerosis") for t in titles)
    assert [r.url for r in references if r.kind == URL_KIND] == [
        "https://mp.weixin.qq.com/s/kxPe7HvzQWM9-JADG9_VLA"
    ]


def test_markers_without_a_reference_list_are_kept_unresolved(seed_text):
    _, references, markers = parse(seed_text("004"))
    assert references == []
    assert len(markers) >= 50
    assert all(m.reference is None for m in markers)
    assert {m.n for m in markers} >= {1, 9, 24, 41}


def test_author_year_marker_keeps_its_year(seed_text):
    _, _, markers = parse(seed_text("004"))
    years = {(m.n, m.year) for m in markers if m.year}
    assert {(9, "1994"), (26, "1999"), (39, "2008")} <= years


@pytest.mark.parametrize(
    "body, numbers",
    [
        ("1", [1]),
        ("1,2", [1, 2]),
        ("121–123", [121, 122, 123]),
        ("111,139", [111, 139]),
        ("1-3, 5", [1, 2, 3, 5]),
        ("5–1", [5, 1]),
    ],
)
def test_marker_numbers(body, numbers):
    assert marker_numbers(body) == numbers


def test_adjacent_markers_and_lists_link_to_entries():
    text = "试验达到终点[4][5]。另一句[1,2]。\n参考资料:\n[1] https://a.org/1\n[2] https://a.org/2\n[4] https://a.org/4\n[5] https://a.org/5"
    sentences, references, markers = parse(text)
    assert [(m.sentence, m.n) for m in markers] == [(0, 4), (0, 5), (1, 1), (1, 2)]
    by_index = {r.index: r for r in references}
    assert [by_index[m.reference].n for m in markers] == [4, 5, 1, 2]


def test_broken_markers_are_not_invented():
    text = "开头[ 和 [a] 和 [99] 结尾。\n参考资料:\n[1] https://a.org/1"
    _, _, markers = parse(text)
    assert [(m.n, m.reference) for m in markers] == [(99, None)]


@pytest.mark.parametrize(
    "entry, url",
    [
        ("https://a.org/2025/doc-\ninezpuqq.shtml", "https://a.org/2025/doc-inezpuqq.shtml"),
        ("https://a.org/x-\ny-\nz.html", "https://a.org/x-y-z.html"),
        ("https://a.org/7484/?\nsource=m_redirect", "https://a.org/7484/?source=m_redirect"),
        # Not the rest of the URL: it ends on a letter, or the next line has words or Chinese.
        ("https://a.org/report\nannex.html", "https://a.org/report"),
        ("https://a.org/news/\nFDA approval of tofersen", "https://a.org/news/"),
        ("https://a.org/news-\n托夫生获批", "https://a.org/news-"),
    ],
)
def test_a_url_broken_over_lines_is_joined_only_where_urls_break(entry, url):
    assert parse_entry("[1] " + entry, 0, 0).url == url
    assert join_broken_url("see " + entry).startswith("see " + url)
