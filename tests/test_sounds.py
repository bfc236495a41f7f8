"""Names in katakana and hangul read by their sounds (alsingest.sounds, Lexicon.by_sound)."""

import pytest

from alsingest.lexicon import Lexicon
from alsingest.sounds import LIKENESS, alike, consonants, hangul_stems, latin_spelled, spelled


@pytest.mark.parametrize(
    "written, latin",
    [
        ("エダラボン", "edaravone"),
        ("リルゾール", "riluzole"),
        ("マシチニブ", "masitinib"),
        ("トフェルセン", "tofersen"),
        ("トファーセン", "tofersen"),  # an "r" before a consonant written as a long vowel
        ("에다라본", "edaravone"),
        ("리루졸", "riluzole"),
        ("토퍼센", "tofersen"),  # ... or dropped
        ("멜라토닌", "melatonin"),  # a final ㄹ before an initial ㄹ: one l
        ("라디컷", "radicut"),  # a final ㅅ: a t
    ],
)
def test_a_transcription_keeps_the_latin_names_sounds(written, latin):
    forms = latin_spelled(latin)
    assert consonants(spelled(written)) in {consonants(form) for form in forms}
    assert max(alike(spelled(written), form) for form in forms) >= LIKENESS


@pytest.mark.parametrize(
    "written, latin",
    [
        ("ボストン", "fisetin"),  # "Boston": fisetin's consonants, not its vowels
        ("ダプソン", "tofersen"),  # dapsone
        ("보스턴", "fisetin"),
        ("프로필", "fasudil"),  # "profile"
    ],
)
def test_other_words_do_not_read_as_the_name(written, latin):
    assert max(alike(spelled(written), form) for form in latin_spelled(latin)) < LIKENESS


def test_a_particle_comes_off_a_hangul_run():
    assert "리루졸" in hangul_stems("리루졸과")
    assert hangul_stems("리루졸") == ["리루졸"]


def test_the_lexicon_finds_a_listed_name_by_its_sound_and_only_a_unique_one():
    lexicon = Lexicon({"edaravone": ["Radicava"], "riluzole": ["Rilutek"], "abc": ["edarabona"]})
    assert lexicon.by_sound("リルゾール") == "riluzole"
    # "edaravone" and "edarabona" are spelled as alike as the word: neither is read from it
    assert lexicon.by_sound("エダラボン") is None
    assert lexicon.by_sound("ゾル") is None  # too few consonants to tell
    assert lexicon.by_sound("ラレザーラ") is None  # riluzole's consonants, not its vowels
