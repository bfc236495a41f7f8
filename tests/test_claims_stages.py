"""Each stage of the claims package on its own: typed input in, typed output out.

The whole-article behaviour is pinned in test_claims.py and test_real_text.py; these tests
call one stage each, so that a change to a stage shows where it broke.
"""

import pytest

from alsingest.claims.attributes import (
    enrollment_cells,
    find_attributes,
    find_phases,
    is_event_date,
)
from alsingest.claims.binding import bind, clauses_of
from alsingest.claims.build import type_of
from alsingest.claims.discourse import Discourse, Layout, is_claim
from alsingest.claims.linking import cite_back_to_previous_marker, sentence_refs
from alsingest.claims.mentions import (
    article_subject,
    background_mentions,
    chinese_names,
    common_word,
    is_inventory,
    list_members,
    select_mentions,
)
from alsingest.claims.model import Attribute, Draft, SentenceInput, TherapyMention
from alsingest.dates import find_dates
from alsingest.normalize import join_lines
from alsingest.references import Marker
from alsingest.structure import HEADING, TEXT, Paragraph, Sentence


def sentence(toolkit, text, index=0, paragraph=0):
    view = join_lines(text)
    words, mentions = toolkit.segmenter.segment(view.text, view.folded)
    found = tuple(TherapyMention(m.start, m.end, m.therapy) for m in mentions.values())
    return SentenceInput(Sentence(index, paragraph, 0, len(text)), view, found, tuple(words))


def marker(n, sentence_index, start):
    return Marker(n, sentence_index, start, start + 3, f"[{n}]", n, None, None)


# --- stage 1: mentions -------------------------------------------------------


def test_select_mentions_adds_recognised_names_with_their_rule(toolkit):
    item = sentence(toolkit, "2024年，甲砜嗪与XY-1234的1期试验启动。")
    common = common_word(toolkit.segmenter.jieba.FREQ)
    found = select_mentions(item, item.view.folded, toolkit.lexicon, frozenset(), None, common)
    assert [(m.therapy, m.rule) for m in found] == [
        ("甲砜嗪", "CN_NAME_ENDING"),
        ("xy1234", "CODE_NAME"),
    ]


def test_a_description_takes_the_antecedent_when_the_sentence_names_nothing(toolkit):
    item = sentence(toolkit, "该药于2017年获批。")
    (found,) = select_mentions(item, item.view.folded, toolkit.lexicon, frozenset(), "edaravone")
    assert (found.therapy, found.rule.startswith("ANAPHOR")) == ("edaravone", True)
    assert select_mentions(item, item.view.folded, toolkit.lexicon, frozenset()) == []


def test_chinese_names_stop_at_common_words():
    words = ["证明", "硝酮", "嗪", "有效"]
    common = {"证明", "有效"}.__contains__
    text = "证明硝酮嗪有效"
    assert chinese_names(text, text, words, common) == [(2, 5, "CN_NAME_ENDING")]


def test_list_members_need_named_neighbours():
    view = "tested masitinib, zorvatide, and ropinirole"
    named = [TherapyMention(7, 16, "masitinib"), TherapyMention(33, 43, "ropinirole")]
    assert [view[s:e] for s, e in list_members(view, named)] == ["zorvatide"]
    assert list_members(view, named[:1]) == []


def test_background_mentions_reach_along_a_list():
    view = "stable doses of riluzole and edaravone with masitinib"
    mentions = [
        TherapyMention(16, 24, "riluzole"),
        TherapyMention(29, 38, "edaravone"),
        TherapyMention(44, 53, "masitinib"),
    ]
    assert background_mentions(view, mentions) == {0, 1}


def test_an_inventory_needs_an_as_of_word_a_drug_count_and_an_approval():
    two = [TherapyMention(0, 1, "riluzole"), TherapyMention(2, 3, "edaravone")]
    assert is_inventory("截至2024年,已批准两种药物:利鲁唑和依达拉奉", two)
    assert not is_inventory("已批准利鲁唑和依达拉奉", two)


def test_article_subject_is_the_therapy_most_mentions_name(toolkit):
    items = [sentence(toolkit, t, i) for i, t in enumerate(["托夫生获批。"] * 3 + ["利鲁唑。"])]
    assert article_subject(items, frozenset()) == "tofersen"
    assert article_subject(items[:2], frozenset()) == "tofersen"  # the only therapy, twice
    assert article_subject(items[:1], frozenset()) is None  # once is in passing
    assert article_subject([items[0], items[3]], frozenset()) is None  # too few mentions


# --- stage 2: attributes -----------------------------------------------------


def test_find_attributes_gives_each_attribute_its_rule():
    view = "2023年4月,一项纳入108名患者的随机双盲3期试验达到主要终点"
    dates, _ = find_dates(view)
    got = {(a.kind, a.value, a.rule) for a in find_attributes(view, dates)}
    assert {
        ("date", "2023-04", "CN_DATE"),
        ("phase", "3", "CN_PHASE"),
        ("enrollment", 108, "CN_COUNT with an enrollment cue"),
        ("design", "randomised", "DESIGN_TERM"),
        ("outcome", "met_primary", "OUTCOME_MET"),
    } <= got


def test_is_event_date_refuses_publication_lines_and_patent_terms():
    for view in ("发布时间:2024-01-05", "专利保护期至2035年"):
        (date,), _ = find_dates(view)
        assert not is_event_date(view, date)
    (date,), _ = find_dates("2023年获批")
    assert is_event_date("2023年获批", date)


def test_enrollment_cells_read_the_sample_size_column():
    (cell,) = enrollment_cells("| 药物 | 样本量 |", "| 依达拉奉 | 137 |")
    assert (cell.value, cell.rule) == (137, "sample-size column")


# --- stage 3: binding --------------------------------------------------------


def test_bind_gives_an_attribute_to_the_therapies_of_its_clause():
    view = "托夫生于2023年获批,依达拉奉于2017年获批"

    def at(text):
        return view.index(text), view.index(text) + len(text)

    mentions = [
        TherapyMention(*at("托夫生"), "tofersen"),
        TherapyMention(*at("依达拉奉"), "edaravone"),
    ]
    dates = [Attribute("date", *at("2023年"), "2023"), Attribute("date", *at("2017年"), "2017")]
    bound = bind(dates, mentions, view)
    assert {t: [a.value for a in attrs] for t, attrs in bound.items()} == {
        "tofersen": ["2023"],
        "edaravone": ["2017"],
    }


def test_clauses_split_at_commas_outside_parentheses():
    assert clauses_of("A(1,2),B") == [(0, 6), (7, 8)]


# --- stage 4: discourse ------------------------------------------------------


def test_a_heading_ends_the_topic_and_a_named_therapy_starts_it(toolkit):
    paragraphs = [Paragraph(0, 0, 5, TEXT), Paragraph(1, 6, 9, HEADING), Paragraph(2, 10, 20, TEXT)]
    items = [
        sentence(toolkit, "托夫生获批", 0, 0),
        sentence(toolkit, "二、进展", 1, 1),
        sentence(toolkit, "3期试验", 2, 2),
    ]
    layout = Layout.of(paragraphs, items, subject=None)
    discourse = Discourse()
    named = list(items[0].mentions)
    discourse.names(items[0].sentence, paragraphs[0], "托夫生获批", named, set(), frozenset())
    assert discourse.topic.therapies == ("tofersen",) and discourse.antecedent == "tofersen"
    discourse.enter(paragraphs[1])
    attrs = [Attribute("phase", 0, 2, "3")]
    later = items[2].sentence
    assert discourse.owners(later, paragraphs[2], "3期试验", "3期试验", attrs, layout) == ((), "")
    assert discourse.antecedent == "tofersen"  # a heading does not end what 该药 means


def test_is_claim_needs_a_date_phase_size_design_or_outcome():
    assert not is_claim([])
    assert is_claim([Attribute("phase", 0, 1, "3")])


# --- stage 5: linking --------------------------------------------------------


def test_a_marker_right_after_a_therapy_cites_that_therapy_only(toolkit):
    item = sentence(toolkit, "托夫生[1]和依达拉奉均于2023年获批")
    draft = Draft(0, "edaravone", False, [], (7, 11), False)
    assert sentence_refs(draft, item, [marker(1, 0, 3)]) == set()
    draft = Draft(0, "tofersen", False, [], (0, 3), False)
    assert sentence_refs(draft, item, [marker(1, 0, 3)]) == {1}


def test_a_later_marker_of_the_paragraph_cites_back(toolkit):
    items = [sentence(toolkit, "托夫生于2023年获批。", 0), sentence(toolkit, "它很贵[2]", 1)]
    draft = Draft(0, "tofersen", False, [], (0, 3), False)
    cite_back_to_previous_marker([draft], items, [], {1: [marker(2, 1, 3)]})
    assert (draft.refs, draft.ref_rules) == ({2}, {2: "the next marker of its paragraph"})


# --- stage 6: the claim records ----------------------------------------------


def test_type_of_names_the_words_that_decided_it():
    assert type_of("2023年获批", None, None, None, (), False) == ("approval", "APPROVAL words")
    assert type_of("3期试验", None, "3", None, (), False)[0] == "trial_design"
    assert type_of("撤市", None, None, None, (), True) == ("withdrawal", "WITHDRAWAL words")


@pytest.mark.parametrize(
    "view, phases",
    [
        ("ロピニロールによる第ⅲ相试験が计画", ["3"]),
        ("フェーズ3試験", ["3"]),
        ("임상 3상 시험을", ["3"]),
        ("1/2상 임상", ["1/2"]),
        ("2상에서", ["2"]),
        # "이상" (above, abnormal) and a word that goes on after 상 are no phases
        ("20세 이상 환자", []),
        ("이상 반응", []),
        ("3상태", []),
    ],
)
def test_japanese_and_korean_phases(view, phases):
    assert [a.value for a in find_phases(view)] == phases
