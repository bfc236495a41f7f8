"""benchmarks/verify_pairs.py on a tiny labelled pair set written here."""

import importlib.util
import json

import pytest
from conftest import ROOT
from test_registries import CT_BODY
from test_verify import NEURONATA_RELEASE, NEWS_ZH


@pytest.fixture(scope="module")
def verify_pairs():
    spec = importlib.util.spec_from_file_location(
        "verify_pairs", ROOT / "benchmarks" / "verify_pairs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def pairs_file(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "release.txt").write_text(NEURONATA_RELEASE, encoding="utf-8")
    (tmp_path / "sources" / "news.html").write_text(
        f"<html><body><article><p>{NEWS_ZH}</p></article></body></html>", encoding="utf-8"
    )
    (tmp_path / "sources" / "nct.json").write_bytes(CT_BODY)
    pairs = [
        # A Chinese sentence, extracted here, against the English release: the article is wrong.
        {
            "claim": "Neuronata-R的3期临床试验达到主要终点。",
            "source_file": "sources/release.txt",
            "verdict": "contradicted",
        },
        {
            "claim": {"therapy": "托夫生", "type": "launch", "date": "2025-06"},
            "source_file": "sources/news.html",
            "verdict": "supported",
        },
        # Labelled supported, judged contradicted: a miss the table must show.
        {
            "claim": {"therapy": "tofersen", "type": "launch", "date": "2025-07"},
            "source_file": "sources/news.html",
            "verdict": "supported",
        },
        {
            "claim": {
                "therapy": "tofersen",
                "type": "trial_design",
                "phase": "3",
                "enrollment": 150,
            },
            "source_file": "sources/nct.json",
            "trial_id": "NCT04856982",
            "verdict": "supported",
        },
        {
            "claim": {"therapy": "tofersen"},
            "source_file": "sources/gone.html",
            "verdict": "not_found",
        },
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        "\n".join(json.dumps(p, ensure_ascii=False) for p in pairs) + "\n", encoding="utf-8"
    )
    return path


def test_the_pair_scorer_prints_accuracy_and_a_confusion_table(verify_pairs, pairs_file, capsys):
    assert verify_pairs.main([str(pairs_file), "--show"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("accuracy 0.600 (3/5 pairs)")
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:6]}
    header = out.splitlines()[1].split()[3:]
    assert header == ["supported", "contradicted", "error"]
    assert table["supported"] == ["2", "1", "0"]
    assert table["contradicted"] == ["0", "1", "0"]
    assert table["not_found"] == ["0", "0", "1"]
    assert (
        "pair 3: supported judged contradicted" in out and "pair 5: not_found judged error" in out
    )


def test_the_pair_scorer_gives_json(verify_pairs, pairs_file, capsys):
    verify_pairs.main([str(pairs_file), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert result["confusion"]["contradicted"] == {"contradicted": 1}
    assert [m["pair"] for m in result["misses"]] == [3, 5]


@pytest.mark.parametrize(
    "half, size",
    [
        ("dev", 26),
        ("dev2", 16),
        ("dev3", 11),
        ("dev4", 20),
        ("dev5", 20),
        ("dev6", 20),
        ("dev7", 20),
        ("dev8", 20),
        ("dev9", 20),
        ("dev10", 20),
        ("dev11", 20),
        ("dev12", 20),
        ("dev13", 20),
        ("dev14", 20),
        ("dev15", 20),
        ("dev16", 20),
        ("dev17", 20),
        ("dev18", 20),
        ("dev19", 20),
        ("dev20", 20),
        ("test", 23),
        ("test2", 16),
        ("test3", 13),
        ("test4", 24),
        ("test5", 24),
        ("test6", 24),
        ("test7", 24),
        ("test8", 24),
        ("test9", 24),
        ("test10", 24),
        ("test11", 24),
        ("test12", 20),
        ("test13", 20),
        ("test14", 20),
        ("test15", 20),
        ("test16", 20),
        ("test17", 20),
        ("test18", 20),
        ("test19", 20),
        ("test20", 20),
        ("test21", 20),
        ("test22", 20),
        ("test23", 20),
        ("test24", 20),
    ],
)
def test_the_real_dev_pairs_stay_above_their_floor(verify_pairs, half, size):
    # Real claims and the real pages they cite, labelled blind (tests/verify_pairs/dev…); the
    # test halves join once their single sealed score is written down.
    from alsingest.config import load_config
    from alsingest.pipeline import Toolkit

    folder = ROOT / "tests" / "verify_pairs"
    floor = json.loads((folder / "floors.json").read_text(encoding="utf-8"))[half]["accuracy"]
    result = verify_pairs.score(folder / half / "pairs.jsonl", Toolkit.build(load_config(None)))
    assert result["pairs"] == size
    assert "error" not in {m["verdict"] for m in result["misses"]}
    assert result["accuracy"] >= floor, result["misses"]
