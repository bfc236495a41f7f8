"""Cue scans: a pattern runs on a sentence only when the sentence holds one of its cue strings.

``patterns.CUES`` lists, for each gated pattern, strings one of which every match holds
(tests/test_patterns.py proves each list from the pattern's parse).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import patterns

# A few cues are looked for one by one (a substring search is cheaper than a regex);
# more as one literal alternation, still far cheaper than the pattern itself.
_FEW = 4


def _scan(cues: tuple[str, ...]) -> Callable[[str], bool]:
    if len(cues) <= _FEW:
        return lambda view: any(cue in view for cue in cues)
    alternation = re.compile("|".join(map(re.escape, cues)))
    return lambda view: alternation.search(view) is not None


_CUE_SCANS = {regex: _scan(cues) for regex, cues in patterns.CUES.items()}


def has_cue(regex: re.Pattern, view: str) -> bool:
    """Whether ``view`` holds one of the strings every match of ``regex`` holds."""
    return _CUE_SCANS[regex](view)


def finditer(regex: re.Pattern, view: str):
    """``regex.finditer(view)``, or nothing when the view holds none of the pattern's cues."""
    return regex.finditer(view) if _CUE_SCANS[regex](view) else ()
