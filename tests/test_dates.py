import pytest

from alsingest.dates import cn_number, find_dates, iso, publication_date
from alsingest.normalize import TRADITIONAL, Converter, fold

CONVERTER = Converter()


def dates_of(text, context_year=None, anchor=None):
    view = fold(CONVERTER.to_simplified(text, TRADITIONAL))
    found, _ = find_dates(view, context_year, anchor)
    return [(view[d.start : d.end], d.iso) for d in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025年6月10日,托夫生上市", [("2025年6月10日", "2025-06-10")]),
        ("2025 年 6 月，托夫生上市", [("2025 年 6 月", "2025-06")]),
        ("于2025年获批", [("2025年", "2025")]),
        ("計劃在2025年內提交", [("2025年内", "2025")]),
        ("2017 年年底宣告失败", [("2017 年年底", "2017")]),
        ("二〇二五年六月上市", [("二〇二五年六月", "2025-06")]),
        ("on April 10, 2025 the company", [("april 10, 2025", "2025-04-10")]),
        ("on 10 April 2025 the company", [("10 april 2025", "2025-04-10")]),
        ("in April 2025 the company", [("april 2025", "2025-04")]),
        ("announced 2025-04-10", [("2025-04-10", "2025-04-10")]),
        ("approved in 2023", [("2023", "2023")]),
    ],
)
def test_absolute_dates_keep_their_precision(text, expected):
    assert dates_of(text) == expected


@pytest.mark.parametrize(
    "text, context, anchor, expected",
    [
        ("同年9月,該藥完成首例給藥", 2025, None, [("同年9月", "2025-09")]),
        ("次年3月启动", 2024, None, [("次年3月", "2025-03")]),
        ("3月5日,团队实施手术", 2025, None, [("3月5日", "2025-03-05")]),
        ("公司计划年内提交", 2025, None, [("年内", "2025")]),
        ("今年6月获批", None, "2025-01-02", [("今年6月", "2025-06")]),
        ("去年完成入组", None, "2025-01-02", [("去年", "2024")]),
        ("同年9月", None, None, [("同年9月", None)]),
    ],
)
def test_relative_dates_resolve_from_context(text, context, anchor, expected):
    assert dates_of(text, context, anchor) == expected


def test_context_year_follows_the_text():
    found, year = find_dates(fold("2024年启动,同年9月给药"), None, None)
    assert [d.iso for d in found] == ["2024", "2024-09"] and year == 2024


@pytest.mark.parametrize("text", ["2025年13月获批", "2025年2月30日上市", "2025-13-01"])
def test_impossible_dates_have_no_iso_value(text):
    assert all(value is None for _, value in dates_of(text))


@pytest.mark.parametrize("text", ["12个月后", "随访5年", "患者平均年龄65岁", "超过 1 000 例"])
def test_durations_and_numbers_are_not_dates(text):
    assert dates_of(text) == []


@pytest.mark.parametrize(
    "text, value", [("2025", 2025), ("二〇二五", 2025), ("十二", 12), ("六", 6), ("十", 10)]
)
def test_cn_number(text, value):
    assert cn_number(text) == value


def test_iso_validates():
    assert iso(2025, 2, 29) is None and iso(2024, 2, 29) == "2024-02-29" and iso(2025, 13) is None


def test_publication_date_is_read_from_the_article_head_or_tail():
    assert publication_date(fold("标题\n发布时间：2025-01-02 10:00\n正文")) == "2025-01-02"
    assert publication_date(fold("正文\nLast updated: 2025-09-08")) == "2025-09-08"
    assert publication_date(fold("正文没有日期")) is None


@pytest.mark.parametrize(
    "text, context, anchor, expected",
    [
        ("8月,SNUG01获得NMPA临床试验批准", 2025, None, [("8月", "2025-08")]),
        ("4月初宣布撤市", 2024, None, [("4月初", "2024-04")]),
        (
            "今年3月获FDA许可。同年6月,FDA授予孤儿药资格",
            None,
            "2025-09-05",
            [("今年3月", "2025-03"), ("同年6月", "2025-06")],
        ),
        (
            "公司预计2026年启动II期。4月,首例患者入组",
            None,
            "2025-09-05",
            [("2026年", "2026"), ("4月", "2025-04")],
        ),
        ("reported by Miller et al. (2013), dosed", None, None, [("2013", "2013")]),
        (
            "Topline results were reported in 2022 and 2023.",
            None,
            None,
            [("2022", "2022"), ("2023", "2023")],
        ),
    ],
)
def test_months_and_years_that_lean_on_context(text, context, anchor, expected):
    assert dates_of(text, context, anchor) == expected


@pytest.mark.parametrize(
    "text", ["一年內未見嚴重不良反應", "3月龄小鼠", "每3个月1次", "随访12个月"]
)
def test_durations_and_ages_are_not_months(text):
    assert dates_of(text, 2025) == []


@pytest.mark.parametrize(
    "head, expected",
    [
        ("原创 小脑袋 神经科普汇 2024-12-02 21:05 上海\n正文", "2024-12-02"),
        ("# 标题\n> 医药前沿观察 ｜ 2025-09-05 ｜ 记者 林晓\n正文", "2025-09-05"),
        ("發佈日期：2024年6月21日\n正文", "2024-06-21"),
    ],
)
def test_publication_date_from_bylines(head, expected):
    assert publication_date(fold(CONVERTER.to_simplified(head, TRADITIONAL))) == expected


@pytest.mark.parametrize(
    "head, expected",
    [
        (
            "Acme Announces Results\nBOSTON, May 26, 2020 /PRNewswire/ -- Acme today said, a clinical-stage company, announced results of its phase 2 trial in people living with ALS.",
            "2020-05-26",
        ),
        (
            "LA JOLLA, Calif., April 15, 2019 (GLOBE NEWSWIRE) -- Acme, Inc., a clinical-stage company, announced results of its phase 2 trial in people living with ALS.",
            "2019-04-15",
        ),
        (
            "Title\n\nBEIJING, March 24, 2025 - Acme, a clinical-stage company, announced results of its phase 2 trial in people living with ALS.",
            "2025-03-24",
        ),
        (
            "CAMBRIDGE, Mass. / Mar 08, 2024 / Business Wire / Acme Pharmaceuticals, Inc. (NASDAQ: ACME)"
            " today announced topline results",
            "2024-03-08",
        ),
        # a date in a long first sentence is no dateline (nor a byline)
        (
            "In BOSTON, where the trial is run, patients and their doctors met on May 26, 2020 - a day to"
            " remember.",
            None,
        ),
    ],
)
def test_publication_date_from_a_press_release_dateline(head, expected):
    assert publication_date(head) == expected


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("enrollment to complete in the third quarter of this year", "2020-05-26", "2020"),
        ("results are expected later this year", "2024-03-08", "2024"),
        ("a phase 3 trial to start next year", "2024-03-08", "2025"),
        ("results are expected later this year", None, None),
        ("data expected in the first half of 2026", None, "2026"),
        ("topline data in Q3 2025", None, "2025"),
    ],
)
def test_english_periods_and_years_relative_to_the_article(text, anchor, expected):
    (found,) = find_dates(fold(text), None, anchor)[0]
    assert found.iso == expected


def test_each_year_is_no_date():
    assert find_dates(fold("each year 5000 people are diagnosed"), None, "2024-01-01")[0] == []


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("15日，某医院为一位患者注射了托夫生", "2025-06-20", ["2025-06-15"]),
        ("28日，某医院为一位患者注射了托夫生", "2025-03-03", ["2025-02-28"]),  # the month before
        ("美国fda在29日批准了这款新药", "2022-09-30", ["2022-09-29"]),
        ("美国fda周四(29日)批准了这款新药", "2022-09-30", ["2022-09-29"]),
        ("15日，某医院为一位患者注射了托夫生", None, [None]),
        ("患者在15日内完成给药", "2025-06-20", []),
        ("连续用药15日，随后每月一次", "2025-06-20", []),
    ],
)
def test_a_news_day_without_a_month_is_in_the_publication_month(text, anchor, expected):
    assert [d.iso for d in find_dates(fold(text), None, anchor)[0]] == expected
