"""Script parts and branch cues of gated patterns: leaving out the branches a sentence's script
or its cues show cannot match changes no match."""

import re

import pytest
from conftest import ROOT

from alsingest import patterns
from alsingest.claims import cues
from alsingest.normalize import Converter, fold


def test_branches_are_split_at_the_top_level_only():
    assert cues.top_level_branches(r"a(b|c)|[|(]d|\|e") == ["a(b|c)", "[|(]d", r"\|e"]


def test_a_branch_is_left_out_only_where_it_provably_cannot_match():
    regex = re.compile(r"未达到终点|did not meet|\d+\s*%|(?:失败)?x")
    without_han, without_latin = cues.script_parts(regex)
    # "(?:失败)?x" may match without a Chinese character, never without a Latin letter.
    assert without_han.pattern == r"did not meet|\d+\s*%|(?:失败)?x"
    assert without_latin.pattern == r"未达到终点|\d+\s*%"
    only_han = re.compile(r"失败|未达到|did not")
    assert list(cues.script_parts(only_han)[1].finditer("did")) == []
    assert cues.script_parts(re.compile(r"\d+|x")) is None


def _views():
    converter = Converter()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "real").glob("*/*.txt"))
    ]
    for text in texts:
        for line in converter.to_simplified(text, converter.detect_script(text)).splitlines():
            if line.strip():
                yield fold(line)


def _found(m):
    """A match's span, its last group and the groups it set (a part lacks the groups of the
    branches it left out, which are unset in the whole pattern's matches anyway)."""
    return m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None}


def test_a_branch_needs_the_fewest_cues_that_prove_it():
    regex = re.compile(r"显著(改善|延长)|(延缓|减缓)进展|\bmet (its|the) primary|x?z")
    found = cues.branch_cues(regex, ("显著", "延长", "缓", "met ", "z"))
    assert found == [
        ("显著(改善|延长)", frozenset({"显著"})),
        ("(延缓|减缓)进展", frozenset({"缓"})),
        (r"\bmet (its|the) primary", frozenset({"met "})),
        ("x?z", frozenset({"z"})),
    ]
    # A branch no cue proves always runs.
    assert cues.branch_cues(re.compile(r"显著|\d+"), ("显著",))[1] == (r"\d+", None)


def test_a_view_runs_only_the_branches_its_cues_allow():
    regex = re.compile(r"显著(改善|延长)|(延缓|减缓)进展|\bmet (its|the) primary")
    gated = cues._Branches(regex, cues.branch_cues(regex, ("显著", "缓", "met ")))
    assert gated.for_view("病情进展减缓，延缓进展").pattern == "(延缓|减缓)进展"
    assert gated.for_view("显著改善; it met its primary").pattern == (
        r"显著(改善|延长)|\bmet (its|the) primary"
    )
    assert gated.for_view("显著 缓 met the").pattern is regex.pattern
    assert gated.for_view("进展").pattern == "(?!)"


@pytest.mark.parametrize("regex", list(patterns.CUES), ids=lambda r: r.pattern[:20])
def test_the_parts_find_what_the_whole_pattern_finds(regex):
    views = list(_views())
    assert len(views) > 1000
    for view in views:
        got = [_found(m) for m in cues.finditer(regex, view)]
        whole = [_found(m) for m in regex.finditer(view)] if cues.has_cue(regex, view) else []
        assert got == whole, view


@pytest.mark.parametrize(
    "name", ["EVENT", "SUBMISSION", "TRIAL_START", "APPROVAL", "LAUNCH", "DOSING", "PLANNED"]
)
def test_search_by_parts_finds_what_the_whole_pattern_finds(name):
    regex = getattr(patterns, name)
    for view in _views():
        got, whole = cues.search(regex, view), regex.search(view)
        assert (got and got.span()) == (whole and whole.span()), view
