"""Named trials: what an article says of a trial (HEALEY, PHOENIX, COURAGE-ALS) goes to the
therapies it tests.

A pre-pass over the article finds trial names ("the HEALEY ALS Platform Trial", "PHOENIX试验"),
which therapies each is linked to (named in a sentence with it), and the phase and size stated
for the trial in sentences that name no therapy. Claims then take the trial's phase and size
when their sentence names the trial, and a sentence about the trial alone is a claim of its
therapies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import patterns
from .attributes import find_enrollment, find_phases
from .mentions import background_mentions, components
from .model import Attribute, SentenceInput, TherapyMention


@dataclass
class Trial:
    name: str
    therapies: list[str] = field(default_factory=list)
    phase: Attribute | None = None
    enrollment: Attribute | None = None


@dataclass
class TrialIndex:
    trials: dict[str, Trial] = field(default_factory=dict)  # by folded name

    @classmethod
    def of(
        cls,
        sentences: Sequence[SentenceInput],
        classes: frozenset[str],
        unlisted: Callable[[SentenceInput], list[TherapyMention]] | None = None,
    ) -> TrialIndex:
        """``unlisted`` gives a sentence's names the lexicon does not know (a trial named with
        one tests it: "Safety and efficacy of nabiximols … (CANALS)")."""
        index = cls()
        for item in sentences:
            folded = item.view.folded
            if not ("trial" in folded or "study" in folded or "试验" in folded or "研究" in folded):
                continue  # every trial name stands before one of these words
            for m in (
                *patterns.TRIAL_NAME.finditer(item.view.text),
                *patterns.TRIAL_ACRONYM.finditer(item.view.text),
                *patterns.TRIAL_APPOSITIVE.finditer(item.view.text),
            ):
                name = m.group("name")
                if m.re is patterns.TRIAL_ACRONYM and _initials_before(item.view.text, m):
                    continue  # "an open-label extension study (OLE)": a design's abbreviation
                if not patterns.NOT_A_TRIAL_NAME.match(name):
                    index.trials.setdefault(name.lower(), Trial(name))
        if not index.trials:
            return index
        for item in sentences:
            for trial in index.named_in(item.view.folded):
                extra = unlisted(item) if unlisted is not None else []
                therapies = [
                    m.therapy
                    for m in own_mentions(item, classes, extra)
                    if not outside_the_trial(item.view.folded, m, trial.name.lower())
                ]
                for therapy in therapies:
                    if therapy not in trial.therapies:
                        trial.therapies.append(therapy)
                if not therapies:
                    trial.phase = trial.phase or next(iter(find_phases(item.view.folded)), None)
                    trial.enrollment = trial.enrollment or find_enrollment(item.view.folded)
        return index

    def borrowed(self, folded: str, therapy: str, attributes: list[Attribute]) -> list[Attribute]:
        """The phase and size of a trial the sentence names and ``therapy`` is tested in, where
        the sentence gives none of its own; placed on the trial's name in this sentence."""
        out = []
        for trial in self.named_in(folded):
            if therapy not in trial.therapies:
                continue
            at = _whole_word(trial.name.lower()).search(folded).span()
            for kind in ("phase", "enrollment"):
                known = getattr(trial, kind)
                if known and not any(a.kind == kind for a in [*attributes, *out]):
                    rule = f"the {trial.name} trial's {kind} ({known.rule})"
                    out.append(replace(known, start=at[0], end=at[1], rule=rule))
        return out

    def therapies_of(self, folded: str) -> tuple[tuple[str, ...], str]:
        """The therapies of the trials a sentence names, and the rule."""
        named = [t for t in self.named_in(folded) if t.therapies]
        therapies = tuple(dict.fromkeys(x for t in named for x in t.therapies))
        rule = "tested in the " + ", ".join(t.name for t in named) + " trial" if named else ""
        return therapies, rule

    def named_in(self, folded: str) -> list[Trial]:
        """The trials a sentence names (a whole word, in folded text)."""
        if not self.trials:
            return []
        return [
            trial
            for key, trial in self.trials.items()
            if key in folded and _whole_word(key).search(folded)
        ]


def outside_the_trial(folded: str, mention: TherapyMention, trial: str) -> bool:
    """A drug the sentence sets apart from the trial it names ("Unlike masitinib, …", "X was not
    selected for MND-SMART", "patients keep taking riluzole"): not one the trial tests."""
    if patterns.OUTSIDE_A_TRIAL_BEFORE.search(folded, max(0, mention.start - 30), mention.start):
        return True
    after = patterns.OUTSIDE_A_TRIAL_AFTER.match(folded, mention.end)
    return bool(after) and folded.startswith(trial, after.end())


def _initials_before(text: str, m: re.Match) -> bool:
    """Whether a bracketed acronym is the initials of the lowercase words before it ("open-label
    extension study (OLE)"): a design's abbreviation, no trial's name."""
    letters = m.group("name").replace("-", "").lower()
    n = len(letters)
    words = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 80) : m.start("name")])
    tail = words[-n - 1 :]
    # (the words right before the bracket, or those before its last word: "… extension study";
    # every word read lowercase)
    return any(
        len(run) == n and all(w.islower() for w in read) and "".join(w[0] for w in run) == letters
        for run, read in ((tail[-n:], tail[-n:]), (tail[:n], tail))
    )


def own_mentions(
    item: SentenceInput, classes: frozenset[str], unlisted: Sequence[TherapyMention] = ()
) -> list[TherapyMention]:
    """Lexicon mentions (and ``unlisted`` names) less classes, the parts of a named combination
    (see ``components``) and background drugs ("未接受过利鲁唑治疗的患者")."""
    mentions = sorted([*item.mentions, *unlisted], key=lambda m: m.start)
    parts = components(item.view.folded, mentions)
    kept = [m for i, m in enumerate(mentions) if i not in parts and m.therapy not in classes]
    background = background_mentions(item.view.folded, kept)
    return [m for i, m in enumerate(kept) if i not in background]


@lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern:
    """``word`` not inside a longer Latin word ("healey" in "the healey trial")."""
    return re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])")
