"""Cue scans: a pattern runs on a sentence only when the sentence holds one of its cue strings.

``patterns.CUES`` lists, for each gated pattern, strings one of which every match holds
(tests/test_patterns.py proves each list from the pattern's parse).
"""

from __future__ import annotations

import re

from .. import patterns

# Each pattern's cue strings as one scan (a literal alternation is far cheaper than the patterns).
_CUE_SCANS = {
    regex: re.compile("|".join(map(re.escape, cues))) for regex, cues in patterns.CUES.items()
}


def has_cue(regex: re.Pattern, view: str) -> bool:
    """Whether ``view`` holds one of the strings every match of ``regex`` holds."""
    return _CUE_SCANS[regex].search(view) is not None


def finditer(regex: re.Pattern, view: str):
    """``regex.finditer(view)``, or nothing when the view holds none of the pattern's cues."""
    return regex.finditer(view) if has_cue(regex, view) else ()
