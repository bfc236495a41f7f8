"""Cue scans: a pattern runs on a sentence only when the sentence holds one of its cue strings.

``patterns.CUES`` lists, for each gated pattern, strings one of which every match holds
(tests/test_patterns.py proves each list from the pattern's parse).

A gated pattern that is an alternation of Chinese and English branches also runs, on a sentence
in one script, as the branches that can match there: a branch every match of which must hold a
Chinese character cannot match a sentence without one (proved from the branch's parse, as the
cues are), so leaving it out changes no match and saves trying it at every position. A match's
``.re`` is then the part that ran.
"""

from __future__ import annotations

import re
from collections.abc import Callable

try:  # Python 3.11+: the parser's modules are private
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from .. import patterns
from ..normalize import CJK_CHARACTERS

_HAN = re.compile(f"[{CJK_CHARACTERS}]")


# One cue is a substring test; several are one literal alternation (a Python loop over a few
# substring tests costs more than the regex), still far cheaper than the pattern itself.
def _scan(cues: tuple[str, ...]) -> Callable[[str], object]:
    """A test whose result is truthy when the view holds a cue (a bound search: no extra frame)."""
    if len(cues) == 1:
        (cue,) = cues
        return lambda view: cue in view
    return re.compile("|".join(map(re.escape, cues))).search


def always_holds_a_cue(items, cues) -> bool:
    """True when every string matching the parsed ``items`` contains one of ``cues``.

    Conservative: literal runs that must be matched, groups that must be matched, and
    alternations whose every branch holds a cue; anything else (lookarounds, optional parts,
    classes) proves nothing.
    """
    run = ""
    for op, av in [*items, (None, None)]:
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


def always_holds(items, wanted: Callable[[str], bool]) -> bool:
    """True when every string matching the parsed ``items`` holds a character ``wanted`` accepts.

    Conservative, like the cue proof: characters that must be matched, groups that must be
    matched, alternations whose every branch holds one; anything else proves nothing.
    """
    for op, av in items:
        if op is sre.LITERAL and wanted(chr(av)):
            return True
        if op is sre.IN and av and all(o is sre.LITERAL and wanted(chr(v)) for o, v in av):
            return True
        if op is sre.SUBPATTERN and always_holds(av[3], wanted):
            return True
        if op is sre.BRANCH and all(always_holds(branch, wanted) for branch in av[1]):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and always_holds(av[2], wanted):
            return True
    return False


def top_level_branches(pattern: str) -> list[str]:
    """The source of each top-level alternative of ``pattern`` (one item when it has none)."""
    branches, current, depth, i = [], [], 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[":  # a character class: "|" and parentheses inside are literal
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            current.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append("".join(current))
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    branches.append("".join(current))
    return branches


def standalone_branches(regex: re.Pattern) -> tuple[list[str], list] | None:
    """The top-level branches of ``regex`` and their parses; None when it has fewer than two or
    a branch cannot stand alone (it refers to a group of another)."""
    branches = top_level_branches(regex.pattern)
    if len(branches) < 2:
        return None
    try:
        return branches, [sre_parse.parse(b, regex.flags) for b in branches]
    except re.error:
        return None


def script_parts(regex: re.Pattern) -> tuple[re.Pattern, re.Pattern] | None:
    """The pattern without its Chinese-only branches, and without its Latin-only ones; None when
    it has no such branches to leave out (or its branches cannot stand alone)."""
    split = standalone_branches(regex)
    if split is None:
        return None
    branches, parsed = split
    han = [always_holds(p, lambda c: _HAN.match(c) is not None) for p in parsed]
    latin = [always_holds(p, lambda c: patterns.LATIN.match(c) is not None) for p in parsed]
    if not any(han) or not any(latin):
        return None
    # "(?!)" matches nowhere: every branch needed the script the view lacks.
    without_han = "|".join(b for b, h in zip(branches, han, strict=True) if not h) or "(?!)"
    without_latin = "|".join(b for b, la in zip(branches, latin, strict=True) if not la) or "(?!)"
    return re.compile(without_han, regex.flags), re.compile(without_latin, regex.flags)


_CUE_SCANS = {regex: _scan(cues) for regex, cues in patterns.CUES.items()}
# Script parts by pattern: the gated ones found at import, others on first use by ``search``.
_PARTS = {regex: script_parts(regex) for regex in patterns.CUES}
_UNKNOWN = object()


# The scripts of the view last asked about: a sentence is asked about by a dozen patterns in a
# row, and the same string object each time. One slot holding (view, scripts), replaced whole,
# so threads extracting at once never read one view's scripts for another.
_last_view: list[tuple[str | None, tuple[bool, bool]]] = [(None, (True, True))]


def _scripts(view: str) -> tuple[bool, bool]:
    """Whether ``view`` holds a Chinese character, and a Latin letter."""
    last = _last_view[0]
    if last[0] is not view:
        last = (view, (_HAN.search(view) is not None, patterns.LATIN.search(view) is not None))
        _last_view[0] = last
    return last[1]


def _for_script(regex: re.Pattern, view: str) -> re.Pattern:
    """``regex``, or its part without the branches ``view``'s script cannot match."""
    parts = _PARTS.get(regex, _UNKNOWN)
    if parts is _UNKNOWN:
        parts = _PARTS[regex] = script_parts(regex)
    if parts is not None:
        han, latin = _scripts(view)
        if not han:
            return parts[0]
        if not latin:
            return parts[1]
    return regex


def has_cue(regex: re.Pattern, view: str) -> bool:
    """Whether ``view`` holds one of the strings every match of ``regex`` holds."""
    return bool(_CUE_SCANS[regex](view))


def branch_cues(
    regex: re.Pattern, cues: tuple[str, ...]
) -> list[tuple[str, frozenset[str] | None]] | None:
    """Each top-level branch of ``regex`` with the cues one of which its every match holds (None:
    no proof, the branch always runs); None when the pattern has no branches that stand alone."""
    split = standalone_branches(regex)
    if split is None:
        return None
    branches, parsed = split
    found = []
    for source, items in zip(branches, parsed, strict=True):
        own = [c for c in cues if c in source]
        if own and always_holds_a_cue(items, own):
            for cue in list(own):  # the fewest: "显著(改善|延长)" needs "显著" only
                if len(own) > 1 and always_holds_a_cue(items, [c for c in own if c != cue]):
                    own.remove(cue)
            found.append((source, frozenset(own)))
        elif always_holds_a_cue(items, cues):
            found.append((source, frozenset(cues)))
        else:
            found.append((source, None))
    return found


class _Branches:
    """A gated pattern run as the branches that can match in a view: a branch none of whose cues
    the view holds cannot match anywhere in it, so leaving it out of the alternation changes no
    match's span (the branches left keep their order). Group numbers change, and the groups of
    the branches left out are absent: callers read a match's span, ``lastgroup`` and
    ``groupdict()`` (tests/test_cues.py compares those with the whole pattern's)."""

    LIMIT = 512  # narrowed patterns kept per pattern; past it, the whole pattern runs

    def __init__(self, regex: re.Pattern, branches: list[tuple[str, frozenset[str] | None]]):
        self.regex = regex
        self.cues = tuple(sorted({c for _, need in branches if need for c in need}))
        self.branches = branches
        self.narrowed: dict[frozenset[str], re.Pattern] = {}

    def for_view(self, view: str) -> re.Pattern:
        present = frozenset([c for c in self.cues if c in view])
        pattern = self.narrowed.get(present)
        if pattern is None:
            keep = [src for src, need in self.branches if need is None or need & present]
            # "(?!)" matches nowhere: the cue the view holds proves no branch on its own.
            pattern = (
                self.regex
                if len(keep) == len(self.branches)
                else re.compile("|".join(keep) or "(?!)", self.regex.flags)
            )
            if len(self.narrowed) < self.LIMIT:
                self.narrowed[present] = pattern
        return pattern


# Branch cues by pattern, found on first use (None: the pattern runs whole, or by script).
_BRANCHES: dict[re.Pattern, _Branches | None] = {}


def _narrowed(regex: re.Pattern, view: str) -> re.Pattern:
    if regex not in _BRANCHES:
        found = branch_cues(regex, patterns.CUES[regex])
        useful = found is not None and any(need is not None for _, need in found)
        _BRANCHES[regex] = _Branches(regex, found) if useful else None
    branches = _BRANCHES[regex]
    if branches is None:
        return _for_script(regex, view)
    return branches.for_view(view)


def finditer(regex: re.Pattern, view: str):
    """``regex.finditer(view)``: nothing when the view holds none of the pattern's cues, and only
    the branches that can match in the view (by their cues) when it holds some."""
    if not _CUE_SCANS[regex](view):
        return ()
    return _narrowed(regex, view).finditer(view)


def search(regex: re.Pattern, view: str) -> re.Match | None:
    """``regex.search(view)`` with only the branches that can match in the view's script, for
    patterns with no cue list."""
    return _for_script(regex, view).search(view)
