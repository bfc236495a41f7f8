"""Names in katakana and hangul read by their consonants (alsingest.sounds, Lexicon.by_sound)."""

import pytest

from alsingest.lexicon import Lexicon
from alsingest.sounds import hangul_stems, latin_skeletons, skeleton


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
    ],
)
def test_a_transcription_keeps_the_latin_names_consonants(written, latin):
    assert skeleton(written) in latin_skeletons(latin)


def test_other_words_do_not_read_as_the_name():
    assert skeleton("ラジオボタン") not in latin_skeletons("edaravone")
    assert skeleton("리포트") not in latin_skeletons("riluzole")


def test_a_particle_comes_off_a_hangul_run():
    assert "리루졸" in hangul_stems("리루졸과")
    assert hangul_stems("리루졸") == ["리루졸"]


def test_the_lexicon_finds_a_listed_name_by_its_sound_and_only_a_unique_one():
    lexicon = Lexicon({"edaravone": ["Radicava"], "riluzole": ["Rilutek"], "abcdef": ["darobin"]})
    assert lexicon.by_sound("リルゾール") == "riluzole"
    # "edaravone" and "darobin" share their consonants: neither is read from them
    assert lexicon.by_sound("エダラボン") is None
    assert lexicon.by_sound("ゾル") is None  # too few consonants to tell
