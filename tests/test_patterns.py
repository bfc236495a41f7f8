"""Cue strings let claims skip a pattern's scan; they must hold for every possible match."""

import re._constants as sre
import re._parser as sre_parse

import pytest

from alsingest import patterns


def always_holds_a_cue(items, cues) -> bool:
    """True when every string matching the parsed ``items`` contains one of ``cues``.

    Conservative: literal runs that must be matched, groups that must be matched, and
    alternations whose every branch holds a cue; anything else proves nothing.
    """
    run = ""
    for op, av in list(items) + [(None, None)]:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if any(cue in run for cue in cues):
            return True
        run = ""
        if op is sre.IN and all(o is sre.LITERAL and chr(v) in cues for o, v in av):
            return True  # a set of characters, each a cue
        if op is sre.SUBPATTERN and always_holds_a_cue(av[3], cues):
            return True
        if op is sre.BRANCH and all(always_holds_a_cue(branch, cues) for branch in av[1]):
            return True
        repeated = op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1
        if repeated and always_holds_a_cue(av[2], cues):
            return True
    return False


@pytest.mark.parametrize(
    "regex, cues", list(patterns.CUES.items()), ids=lambda x: getattr(x, "pattern", "")[:20]
)
def test_every_match_of_a_pattern_holds_one_of_its_cues(regex, cues):
    assert always_holds_a_cue(sre_parse.parse(regex.pattern), cues)


def test_the_proof_rejects_a_cue_list_with_a_gap():
    regex = patterns.OUTCOME_MET
    assert not always_holds_a_cue(sre_parse.parse(regex.pattern), patterns.CUES[regex][1:])
    assert not always_holds_a_cue(sre_parse.parse("[(（]x"), ("(",))
    assert not always_holds_a_cue(sre_parse.parse("ab|c(dd|ee)"), ("ab", "dd"))
    assert always_holds_a_cue(sre_parse.parse("ab|c(dd|ee)"), ("ab", "dd", "ee"))
    assert not always_holds_a_cue(sre_parse.parse("(ab)?c"), ("ab",))
    assert not always_holds_a_cue(sre_parse.parse("x(ab)*"), ("ab",))
