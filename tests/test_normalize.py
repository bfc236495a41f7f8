import pytest
from hypothesis import given
from hypothesis import strategies as st

from alsingest.normalize import MIXED, SIMPLIFIED, TRADITIONAL, Converter, fold, join_lines


@pytest.fixture(scope="module")
def converter():
    return Converter()


@pytest.mark.parametrize(
    "prefix, script",
    [
        ("000", SIMPLIFIED),
        ("001", TRADITIONAL),
        ("002", TRADITIONAL),
        ("003", SIMPLIFIED),
        ("004", SIMPLIFIED),
    ],
)
def test_seed_scripts_are_detected(converter, seed_text, prefix, script):
    assert converter.detect_script(seed_text(prefix)) == script


def test_mixed_text_is_detected_and_converted(converter):
    text = "渐冻症的临床试验已经开始。漸凍症的臨床試驗已經開始。這個藥物會進入後期階段。"
    assert converter.detect_script(text) == MIXED
    assert (
        converter.to_simplified(text, MIXED)
        == "渐冻症的临床试验已经开始。渐冻症的临床试验已经开始。这个药物会进入后期阶段。"
    )


def test_traditional_seed_converts_to_simplified_with_same_offsets(converter, seed_text):
    text = seed_text("001")
    simplified = converter.to_simplified(text, TRADITIONAL)
    assert len(simplified) == len(text)
    at = text.index("漸凍癥")
    assert simplified[at : at + 3] == "渐冻症"


CJK_SAMPLE = "漸凍癥干細胞臨床試驗後來發現頭髮乾燥裡面著名瞭解台灣臺灣乾隆藥物療法"


@given(st.text(alphabet=st.sampled_from(CJK_SAMPLE + "abc 123\n,。"), max_size=200))
def test_conversion_is_length_preserving(text):
    converter = Converter()
    assert len(converter.to_simplified(text, TRADITIONAL)) == len(text)


def test_fold_maps_full_width_and_case_one_to_one():
    assert fold("ＡＢＣ１２３（Tofersen）") == "abc123(tofersen)"
    assert len(fold("ＡＢＣ１２３（Tofersen）")) == len("ＡＢＣ１２３（Tofersen）")


@given(st.text(alphabet=st.sampled_from("加速批准基于 \n\tNfL19例"), max_size=80))
def test_join_lines_maps_every_character_back(text):
    view = join_lines(text, base=10)
    assert len(view.offsets) == len(view.text) + 1
    for i, ch in enumerate(view.text):
        original = text[view.offsets[i] - 10]
        assert original == ch or (ch == " " and original.isspace())


def test_join_lines_removes_pdf_breaks_between_chinese_and_spaces_english():
    view = join_lines("加速批准基\n\n于降低 NfL\nlevel 19\n例")
    assert view.text == "加速批准基于降低 NfL level 19 例"
    assert view.original_span(0, 6) == (0, 8)


def test_traditional_characters_for_the_index_keep_the_length():
    from alsingest.normalize import Converter

    converter = Converter()
    assert converter.to_traditional_characters("渐冻症 利鲁唑 sod1") == "漸凍症 利魯唑 sod1"


def test_the_traditional_sources_table_is_the_installed_opencc_s():
    import importlib.util
    from pathlib import Path

    from alsingest.normalize import traditional_sources

    script = Path(__file__).resolve().parents[1] / "scripts" / "opencc_sources.py"
    spec = importlib.util.spec_from_file_location("opencc_sources", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert traditional_sources() == module.sources()
    assert traditional_sources()["发"] == "發髮"


def test_a_traditional_text_holds_a_form_of_every_part_of_its_conversion(converter):
    from pathlib import Path

    from alsingest.normalize import traditional_forms

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("seeds/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("tests/real/*/*.txt"))]
    traditional = [t for t in texts if converter.detect_script(t) != SIMPLIFIED]
    assert len(traditional) > 20
    checked = 0
    for text in traditional:
        simplified = converter.to_simplified(text, TRADITIONAL)
        for start in range(0, len(text) - 8, 7):
            for length in (1, 2, 4, 8):
                forms = traditional_forms(simplified[start : start + length], limit=4)
                assert text[start : start + len(forms[0])] in forms
                checked += 1
    assert checked > 10_000


def test_traditional_forms_stop_at_the_limit():
    from alsingest.normalize import traditional_forms

    assert sorted(traditional_forms("冻症患")) == ["冻症患", "冻癥患", "凍症患", "凍癥患"]
    assert traditional_forms("发干", limit=3) == ["发", "發", "髮"]
    assert traditional_forms("ALS") == ["ALS"]
