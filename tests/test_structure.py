import pytest

from alsingest.structure import (
    HEADING,
    SPACED_HEADER,
    SPACED_ROW,
    TABLE_ROW,
    TEXT,
    is_column_header,
    paragraphs_of,
    sentences_of,
    split_sentences,
)


def sentence_texts(text):
    paragraphs = paragraphs_of(text)
    return [text[s.start : s.end] for s in sentences_of(text, paragraphs)]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_sentences_lie_inside_their_paragraph_and_do_not_overlap(seed_text, prefix):
    text = seed_text(prefix)
    paragraphs = paragraphs_of(text)
    sentences = sentences_of(text, paragraphs)
    previous_end = 0
    for s in sentences:
        p = paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
        assert s.start >= previous_end
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        previous_end = s.end


def test_pdf_fragments_are_reflowed_into_whole_sentences(seed_text):
    sentences = sentence_texts(seed_text("004"))
    bensimon = [s for s in sentences if "Bensimon\n等 [9](1994)" in s]
    assert len(bensimon) == 1 and bensimon[0].endswith("传递。")
    lithium = [s for s in sentences if "研究随\n\n机将 16 例" in s]
    assert lithium, "a sentence broken across a blank line must be one sentence"


def test_reflow_keeps_headings_and_real_paragraphs_apart(seed_text):
    text = seed_text("004")
    paragraphs = {text[p.start : p.end]: p.kind for p in paragraphs_of(text)}
    assert paragraphs.get("药物治疗") == HEADING
    assert paragraphs.get("抗兴奋性毒性药物") == HEADING
    assert paragraphs.get("其他药物") == HEADING
    assert "但是，在 ALS 患者中均没有发现任何临床获益。" in paragraphs


def test_one_pdf_break_inside_a_markdown_paragraph_is_joined(seed_text):
    sentences = sentence_texts(seed_text("003"))
    assert any("加速批准基\n\n于降低血液 NfL" in s for s in sentences)


def test_table_rows_are_units(seed_text):
    text = seed_text("002")
    rows = [text[p.start : p.end] for p in paragraphs_of(text) if p.kind == TABLE_ROW]
    assert (
        "| I期 | 15人 | 鞘內注射(腰椎) | 每3個月1次,共3次 | 病情進展較快患者進展速度減緩;進展較慢患者變化不明顯 |"
        in rows
    )
    assert not any(set(r) <= set("|-: ") for r in rows), "separator rows are not content"


def test_tab_separated_rows_are_units(seed_text):
    text = seed_text("003")
    rows = [text[p.start : p.end] for p in paragraphs_of(text) if p.kind == TABLE_ROW]
    assert "GW2580\tReduces microglial proliferation and slows disease progression.\t[118]" in rows


def test_unwrapped_articles_keep_one_paragraph_per_line(seed_text):
    text = seed_text("000")
    assert all("\n" not in text[p.start : p.end] for p in paragraphs_of(text))


def test_markers_after_the_full_stop_stay_with_their_sentence():
    text = "托夫生正式在中国上市。[1]\n下一句。"
    assert sentence_texts(text) == ["托夫生正式在中国上市。[1]", "下一句。"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It met the endpoint. The trial ended.", ["It met the endpoint.", "The trial ended."]),
        (
            "Bensimon et al. reported survival. Then more.",
            ["Bensimon et al. reported survival.", "Then more."],
        ),
        (
            "Improved life expectancy by 54.6%. Ethical concerns.",
            ["Improved life expectancy by 54.6%.", "Ethical concerns."],
        ),
        ("Frawley, L.; Taylor, N.T. Stem cells.", ["Frawley, L.; Taylor, N.T. Stem cells."]),
        (
            "患者开始训练。仅经过3小时！准确率达34%？是的",
            ["患者开始训练。", "仅经过3小时！", "准确率达34%？", "是的"],
        ),
        ("他说：“今天心情很好。”然后散步。", ["他说：“今天心情很好。”", "然后散步。"]),
    ],
)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected


def test_paragraph_kinds_of_a_short_post():
    text = "一、为什么困难?\n要丈量抵达终点的距离，首先必须看清障碍。\n参考资料:\n[1]https://example.com/a"
    kinds = [p.kind for p in paragraphs_of(text)]
    assert kinds == [HEADING, TEXT, HEADING, "reference"]


def test_a_pdf_line_opening_with_a_citation_marker_continues_the_sentence():
    text = "结果显示利鲁唑可提高患者生存率。随后 Lacomblez 等\n\n [4](1996) 的剂量探索研究纳入 959 例\n\n患者。\n参考资料:\n[1] https://a.org/1\n[2] https://a.org/2"
    sentences = sentence_texts(text)
    assert "随后 Lacomblez 等\n\n [4](1996) 的剂量探索研究纳入 959 例\n\n患者。" in sentences
    assert sentences[-2:] == ["[1] https://a.org/1", "[2] https://a.org/2"]


def test_lines_wider_than_a_page_are_items_of_their_own_unless_a_break_cut_them():
    # A web page's unpunctuated highlights, one per line, each longer than any page prints.
    first = "甲公司扩大了产品线，新收购的候选药物已获得突破性疗法认定，其针对另一种罕见代谢疾病（成人与儿童患者）的三期项目有望在明年第一季度正式启动"
    second = "公司预计将在秋季的学术会议上公布其候选药物针对一种遗传综合征的二期试验的最新数据，包括第二十四周全部十二名参与者的数据和第四十八周的评估结果"
    short = "乙药的一期试验计划于下半年启动"
    text = f"{first}\n{second}\n{short}\n"
    assert sentence_texts(text) == [first, second, short]
    # The same long line continued after a blank line (a page break), or by the rest of its
    # sentence ("[3]。…"), is one sentence.
    broken = f"{first}并招募\n\n二百名患者。"
    assert sentence_texts(broken) == [f"{first}并招募\n\n二百名患者。"]
    marked = f"{first}\n[3]。随后开展了扩展研究。"
    assert sentence_texts(marked)[0] == f"{first}\n[3]。"


def test_a_header_line_of_column_names_makes_the_lines_below_rows_until_a_blank_line():
    text = (
        "Trial id Agent Route Phase and status Cohort size Outcomes References Year\n"
        "Not given CNTF SC Phase I, stopped 44 Safe and tolerated (31) 1994\n"
        "Not given SC Phase II/III 1 020 No effect on progression (32, 34) 1996\n"
        "\n"
        "After the table, prose goes on as it always did in the article text.\n"
    )
    kinds = [p.kind for p in paragraphs_of(text)]
    assert kinds == [SPACED_HEADER, SPACED_ROW, SPACED_ROW, TEXT]


@pytest.mark.parametrize(
    "line",
    [
        "| 药物 | 阶段 | 样本量 | 结果 |",  # a markdown table keeps its own kind
        "The drug treatment, the symptoms intervention, and the outcomes of each phase",
        "• On track to initiate enrollment in participants with ALS in Q2 2024 at sites",
    ],
)
def test_table_rows_and_prose_are_no_column_header(line):
    assert not is_column_header(line)


def test_an_english_sentence_ends_before_a_quotation_opens_and_after_one_closes():
    text = (
        "The company stopped after a phase 3 trial of 900 patients failed. “It did not work,” "
        "said its director. “Nothing moved.” Earlier phase 2 results had been positive."
    )
    assert sentence_texts(text) == [
        "The company stopped after a phase 3 trial of 900 patients failed.",
        "“It did not work,” said its director.",
        "“Nothing moved.”",
        "Earlier phase 2 results had been positive.",
    ]


def test_highlights_glued_where_the_markup_kept_them_apart_are_items_of_their_own():
    text = (
        "Filed the application for tideglusib in 2025Completed enrolment of the phase 2 trial "
        "(n=80)Presented data at the spring meeting. The United States remained its first market."
    )
    assert sentence_texts(text) == [
        "Filed the application for tideglusib in 2025",
        "Completed enrolment of the phase 2 trial (n=80)",
        "Presented data at the spring meeting.",
        "The United States remained its first market.",
    ]
