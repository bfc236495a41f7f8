import re

import pytest
from conftest import ROOT, SEEDS

from alsingest.nlp import THERAPY_LABEL, search_tokens
from alsingest.normalize import Converter
from alsingest.segment import DictionaryFile, Segmenter, han_cutter, search_text

REAL = ROOT / "tests" / "real"


def test_every_lexicon_term_survives_segmentation_as_one_token(toolkit, lexicon):
    converter = Converter()
    failures = []
    for term in lexicon.terms():
        term = converter.to_simplified(term, "traditional")
        for context in ("{}", "研究显示{}可以延长生存", "The trial of {} met its endpoint."):
            doc = toolkit.nlp(context.format(term))
            if term not in [t.text for t in doc]:
                failures.append((term, context, [t.text for t in doc]))
    assert failures == []


def test_therapy_mentions_become_entities_with_canonical_ids(toolkit):
    doc = toolkit.nlp("2025年6月,托夫生注射液(Tofersen)上市;Neuronata-R在III期达到终点")
    ents = [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert ents == [
        ("托夫生注射液", THERAPY_LABEL, "tofersen"),
        ("Tofersen", THERAPY_LABEL, "tofersen"),
        ("Neuronata-R", THERAPY_LABEL, "lenzumestrocel"),
    ]


def test_chinese_is_segmented_into_words_not_characters(toolkit):
    tokens = [t.text for t in toolkit.nlp("渐冻症患者参加临床试验")]
    assert "渐冻症" in tokens and "临床试验" in tokens


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Phase 3b trial, double-blind.",
            ["Phase", "3b", "trial", ",", "double", "-", "blind", "."],
        ),
        ("(ALS) patients' survival", ["(", "ALS", ")", "patients", "'", "survival"]),
    ],
)
def test_english_spans_are_tokenised_as_english(toolkit, text, expected):
    assert [t.text for t in toolkit.nlp(text)] == expected


def test_search_tokens_are_folded_and_skip_punctuation(toolkit):
    assert search_tokens(toolkit.nlp("托夫生（Tofersen）上市。")) == "托夫生 tofersen 上市"


def _seed_lines(folder):
    for path in sorted(folder.glob("*.txt")):
        yield from (line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_bulk_segmentation_gives_the_pipelines_words_and_entities(toolkit):
    """Ingest calls the segmenter without building a Doc: it must agree with the spaCy pipeline."""
    segmenter = toolkit.segmenter
    lines = list(_seed_lines(SEEDS))
    assert len(lines) > 200
    for line in lines:
        words, mentions = segmenter.segment(line)
        doc = toolkit.nlp(line)
        assert words == [t.text for t in doc if not t.is_space], line
        assert [(m.start, m.end, m.therapy) for m in mentions.values()] == [
            (e.start_char, e.end_char, e.kb_id_) for e in doc.ents
        ], line
        assert search_text(words) == search_tokens(doc)


def test_the_han_run_cutter_gives_jiebas_own_words(toolkit):
    jieba = toolkit.segmenter.jieba
    cut = han_cutter(jieba, hmm=False)
    runs = [run for line in _seed_lines(SEEDS) for run in re.findall(r"[\u4e00-\u9fff]+", line)]
    assert len(runs) > 1000
    # Real pages too, and runs with characters jieba's dictionary lacks (rare, extension A),
    # single characters, and repeats where two paths weigh the same.
    for page in sorted(REAL.glob("*/*.txt")):
        runs += re.findall(r"[\u3400-\u9fff]+", page.read_text(encoding="utf-8"))
    runs += ["㐀", "䶵䶵药", "的", "的的的的的的", "渐冻症渐冻症", "丨丿乀乁乂乃", "研究研究研究"]
    assert len(runs) > 5000
    assert [list(cut(run)) for run in runs] == [jieba.lcut(run, HMM=False) for run in runs]
    with_hmm = han_cutter(jieba, hmm=True)
    assert list(with_hmm("渐冻症患者参加临床试验")) == jieba.lcut(
        "渐冻症患者参加临床试验", HMM=True
    )


def test_index_terms_hold_therapy_ids_traditional_forms_and_word_parts():
    from alsingest.segment import index_terms

    converter = Converter()
    terms = index_terms(
        ["托夫生注射液", "用于", "渐冻症", "患者", "sod1"], {"tofersen"}, converter.s2t.convert
    ).split()
    assert terms[0] == "tofersen"
    assert {"漸凍症", "渐冻", "冻症", "托夫生", "注射液", "注射"} <= set(terms)
    assert "用于" not in terms and "患者" not in terms, "the words themselves are indexed apart"
    assert len(terms) == len(set(terms))
    assert index_terms(["用于", "sod1"], (), converter.s2t.convert) == "用於"


def test_a_segmenter_for_queries_looks_its_words_up_and_cuts_as_the_loaded_one(toolkit, lexicon):
    """Search segments its query on the dictionary file, unloaded: the same words as ingest."""
    queries = Segmenter(lexicon, toolkit.options.extra_words, lookup=True)
    assert "_dictionary" not in vars(queries), "nothing loaded for a query"
    lines = (
        list(_seed_lines(SEEDS))
        + [line for page in sorted(REAL.glob("*/*.txt")) for line in _seed_lines(page.parent)][
            :3000
        ]
    )
    lines += ["托夫生", "漸凍症患者", "㐀䶵药", "的的的的的的", "研究研究研究"]
    assert [queries.segment(line) for line in lines] == [
        toolkit.segmenter.segment(line) for line in lines
    ]
    assert "_dictionary" not in vars(queries)


def test_the_dictionary_file_is_built_once_per_lexicon(tmp_path, monkeypatch, lexicon):
    monkeypatch.setenv("ALSINGEST_CACHE_DIR", str(tmp_path))
    Segmenter(lexicon, ["渐冻症"])
    files = sorted(tmp_path.glob("segmenter-*.db"))
    assert len(files) == 1
    first = Segmenter(lexicon, ["渐冻症"])
    assert sorted(tmp_path.glob("segmenter-*.db")) == files, "the same words: the same file"
    other = Segmenter(lexicon, ["渐冻症", "某某新药"])
    assert len(list(tmp_path.glob("segmenter-*.db"))) == 2, "other words: another file"
    assert "某某新药" in other.segment("某某新药上市")[0]
    assert "某某新药" not in first.segment("某某新药上市")[0]
    assert first.frequency["渐冻症"] >= 50000
    assert first.total == other.total - other.frequency["某某新药"]
    assert DictionaryFile(files[0]).load() == first.frequency


def test_a_cache_folder_that_cannot_be_written_leaves_the_dictionary_in_memory(
    tmp_path, monkeypatch, lexicon
):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ALSINGEST_CACHE_DIR", str(blocked / "cache"))
    segmenter = Segmenter(lexicon, ["渐冻症"], lookup=True)
    assert segmenter.segment("渐冻症患者")[0] == ["渐冻症", "患者"]
