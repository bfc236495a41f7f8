"""Cue scans: a pattern runs on a sentence only when the sentence holds one of its cue strings.

``patterns.CUES`` lists, for each gated pattern, strings one of which every match holds
(tests/test_patterns.py proves each list from the pattern's parse).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import patterns


# One cue is a substring test; several are one literal alternation (a Python loop over a few
# substring tests costs more than the regex), still far cheaper than the pattern itself.
def _scan(cues: tuple[str, ...]) -> Callable[[str], object]:
    """A test whose result is truthy when the view holds a cue (a bound search: no extra frame)."""
    if len(cues) == 1:
        (cue,) = cues
        return lambda view: cue in view
    return re.compile("|".join(map(re.escape, cues))).search


_CUE_SCANS = {regex: _scan(cues) for regex, cues in patterns.CUES.items()}


def has_cue(regex: re.Pattern, view: str) -> bool:
    """Whether ``view`` holds one of the strings every match of ``regex`` holds."""
    return bool(_CUE_SCANS[regex](view))


def finditer(regex: re.Pattern, view: str):
    """``regex.finditer(view)``, or nothing when the view holds none of the pattern's cues."""
    return regex.finditer(view) if _CUE_SCANS[regex](view) else ()
