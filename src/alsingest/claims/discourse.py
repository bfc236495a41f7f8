"""Stage 4, discourse: what makes a claim, and whose it is when the sentence names no therapy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .. import patterns
from ..structure import (
    HEADING,
    REFERENCE,
    SPACED_HEADER,
    SPACED_ROW,
    TABLE_ROW,
    TABLE_RULE,
    Paragraph,
    Sentence,
)
from .cells import PendingCells
from .cues import has_cue
from .mentions import code_id, control_arm, not_a_therapy
from .model import TOPIC_REACH, Attribute, SentenceInput, TherapyMention
from .trials import TrialIndex

CLAIM_KINDS = ("date", "phase", "enrollment", "outcome", "withdrawal", "approved", "design")


def is_claim(attributes: list[Attribute], view: str = "") -> bool:
    """A date, phase, count, design or outcome; a duration alone is one only as a result or a
    time to come ("lived a median of 25 months longer", "3个月后启动"), not as a trial's length
    ("lasting 36 weeks", "over an average of 34.1 months")."""
    return any(
        a.kind in CLAIM_KINDS
        and (a.rule != "DURATION" or patterns.DURATION_TELLS.search(view) is not None)
        for a in attributes
    )


def preclinical_only(attributes: list[Attribute]) -> bool:
    """A preclinical effect and nothing else: no claim of a class ("iPSC衍生的运动神经元在动物模型中
    改善轴突再生"), which is one only when a specific trial of it is reported."""
    return all(a.rule.startswith("PRECLINICAL") for a in attributes if a.kind in CLAIM_KINDS)


@dataclass(frozen=True)
class Topic:
    """The therapies last named: what a sentence that names none is about."""

    therapies: tuple[str, ...]
    sentence: int
    paragraph: int
    section: int
    from_heading: bool
    of_a_trial: bool = False  # the sentence naming them spoke of a trial
    of_another_disease: bool = False  # the last sentence about them spoke of another disease
    its_study_followed: bool = False  # ... and the next looked back at that study

    def carries_to(
        self,
        s: Sentence,
        section: int,
        view: str,
        masked: str,
        intro: set[int],
        first_in_paragraph: bool = False,
    ) -> bool:
        if section != self.section or s.index - self.sentence > TOPIC_REACH:
            return False
        if speaks_of_many(view, masked):
            return False
        if patterns.PRECLINICAL_MODEL.search(masked) and _DRUG_CLASS.search(masked):
            # "动物模型表明，ROCK的药理学抑制可增加神经元存活": a class of drugs in the lab is the
            # sentence's own subject.
            return False
        if s.paragraph == self.paragraph or self.from_heading:
            return True
        if s.paragraph == self.paragraph + 1 and first_in_paragraph:
            # The paragraph right after goes on with the same subject unless it names another.
            return True
        # A new paragraph goes on about the earlier therapy only when it says so.
        return bool(patterns.CONTINUATION.match(view)) or (s.paragraph - 1) in intro


# A class of drugs named by what it acts on: "ROCK抑制剂", "ROCK的药理学抑制", "kinase inhibitors",
# "inhibition of ROCK", "AMPA receptor antagonists".
_DRUG_CLASS = re.compile(
    r"(?<!作为)[a-z0-9]{2,}(?:的药理学|的)?(?:抑制剂|抑制作用|拮抗剂|激动剂|阻断剂)|[a-z0-9]{2,}的(?:药理学)?抑制"
    r"|(?<!other )\b(?:inhibitors|antagonists|agonists|blockers)\b|\b(?:pharmacological )?inhibition of\b"
)


# A sentence opening on the study just told of: "That study …", "该研究…".
_THAT_STUDY = re.compile(
    r"(?:that|this|the same)\s+(?:study|trial)\b|(?:该|这项|此项|这一|那项)(?:研究|试验)"
)


def is_about_another_disease(masked: str) -> bool:
    """ "已完成多发性硬化症的2期试验": a sentence naming another disease and not ALS makes no ALS claim.
    A disease in an organisation's name ("National Institute of Neurological Disorders and
    Stroke", "the Alzheimer's Association") is no subject of the sentence."""
    if not has_cue(patterns.OTHER_DISEASE, masked) or patterns.ALS_DISEASE.search(masked):
        return False
    return any(
        not patterns.ORGANISATION_BEFORE.search(masked, max(0, m.start() - 60), m.start())
        and not patterns.ORGANISATION_AFTER.match(masked, m.end())
        for m in patterns.OTHER_DISEASE.finditer(masked)
    )


def about_a_trial(attributes: list[Attribute]) -> bool:
    """A phase, a size, an outcome or a registry field ("Start date: 2025-09-15"): a date alone
    ("5月19日举行电话会议") is no trial fact."""
    return any(a.kind in ("phase", "enrollment", "outcome", "field") for a in attributes)


# A sentence's opening clause of what came before: "After phase 1 and 2 trials, …".
_BACKDROP_OPENER = re.compile(r"\s*(?:after|following|since|before|unlike)\b[^,，;；]*[,，]")


_COUNTS = {"two": 2, "three": 3, "four": 4, "两": 2, "三": 3, "四": 4}


def counted_as(masked: str, n: int) -> bool:
    """ "the first two drugs tested in MND-SMART" where the trial tests two: the plural is its own
    therapies, no backdrop of many."""
    m = patterns.COUNTED_DRUGS.search(masked)
    if m is None:
        return False
    word = m.group("n") or m.group("cn")
    return (int(word) if word and word.isdigit() else _COUNTS.get(word or "two")) == n


def speaks_of_many(view: str, masked: str) -> bool:
    if patterns.SUMMARY.match(view) or patterns.QUOTED_SPEECH.match(view):
        return True
    plural = patterns.GENERIC_PLURAL.search(masked)
    if (
        plural is not None
        and (opener := _BACKDROP_OPENER.match(masked))
        and plural.end() <= opener.end()
    ):
        # "After phase 1 and 2 trials, a phase 3 trial … is planned": what came before it.
        plural = patterns.GENERIC_PLURAL.search(masked, opener.end())
    if plural is None:
        return False
    one = patterns.SINGLED_OUT.search(masked, plural.end())
    return one is None or bool(patterns.GENERIC_PLURAL.search(masked, one.end()))


def intro_paragraphs(
    paragraphs: Sequence[Paragraph], sentences: Sequence[SentenceInput]
) -> set[int]:
    """Paragraphs that introduce the next one: "NurOwn疗法的3b期试验布局:…", or ending in a colon."""
    first: dict[int, str] = {}
    last: dict[int, str] = {}
    for item in sentences:
        first.setdefault(item.sentence.paragraph, item.view.folded)
        last[item.sentence.paragraph] = item.view.folded
    return {
        p
        for p in first
        if re.match(r"^[^,。;:]{2,30}:", first[p]) or last[p].rstrip().endswith(":")
    }


def table_start(paragraphs: Sequence[Paragraph], index: int) -> int:
    while index > 0 and paragraphs[index - 1].kind in (TABLE_ROW, TABLE_RULE):
        index -= 1
    return index


# "Qalsody (tofersen)", "Radicava（依达拉奉）": another name of the drug in brackets.
_BRACKETED_NAME = re.compile(r"\s*[(（][^()（）,，;；。]{2,40}[)）]")
# Nothing before a name at a sentence's start but its maker: "Amylyx Pharmaceuticals公司的",
# "Biogen's".
_MAKERS_BEFORE = re.compile(
    r"\s*(?:[a-z][\w .&-]{0,40}?(?:公司|集团|药业)?的|[a-z][\w .&-]{0,40}?['’]s\s)\s*"
)
_ANOTHER_TIME = re.compile(r"\b(?:earlier|previously|before|ago)\b|此前|之前|早在|此后|仍在|尚在")
# A name described right after it: "PrimeC -- a formulation of …", "AB-101, an oral …".
_DESCRIBED_AFTER_NAME = re.compile(r"\s*(?:--|—|–|,)\s*(?:a|an|the|its)\s")


# A sentence opening on the event the one before it told: "The event signals …", "This milestone
# marks …", "该里程碑…" (not "The trial will …", which goes on with the trial's own facts).
_BACK_TO_THE_EVENT = re.compile(
    r"\s*(?:the|this)\s+(?:event|milestone|achievement|news|announcement)\s+(?:signals|marks|"
    r"represents|is|was|makes)\b|\s*(?:这一|此|该)(?:里程碑|进展|消息)"
)


def _named_after_unnamed(before: SentenceInput, item: SentenceInput) -> str | None:
    """The therapy a sentence names as what the sentence before it, in the same paragraph and
    naming none, was about."""
    text, first = item.view.folded, item.mentions[0]
    if patterns.DESCRIBED_BEFORE_NAMED.search(before.view.folded):
        # "…批准一种新疗法的上市许可。Qalsody(tofersen)适用于…": introduced at the next one's
        # start, with another name of it in brackets.
        if first.start == len(text) - len(text.lstrip()) and _BRACKETED_NAME.match(text, first.end):
            return first.therapy
        # ("Amylyx公司的Albrioza(…)获得…批准": after its maker's name, when it tells the approval
        # the sentence before described, not another time's or one still awaited)
        if (
            _MAKERS_BEFORE.fullmatch(text, 0, first.start)
            and _BRACKETED_NAME.match(text, first.end)
            and patterns.APPROVAL.search(before.view.folded)
            and patterns.APPROVAL.search(text, first.end)
            and not patterns.APPROVAL_DOUBTED.search(text)
            and not _ANOTHER_TIME.search(text)
        ):
            return first.therapy
        return None
    if (
        patterns.DESCRIBED_SUBJECT.match(before.view.folded)
        # (the first name, described at once: what else the description names is its parts)
        and _DESCRIBED_AFTER_NAME.match(text, first.end)
    ):
        # "DENVER -- A novel treatment candidate for ALS met its primary endpoints … ALS patients
        # treated with PrimeC -- a formulation of …": the product the lead described, named and
        # described again in the next sentence.
        return first.therapy
    if (
        patterns.COUNTED_UNNAMED.match(before.view.folded)
        and len({m.therapy for m in item.mentions}) == 1
        and patterns.GIVEN_AFTER_NAME.match(text, first.end)
        and not patterns.CARE_OR_NO_TRIAL.search(before.view.folded + text)
    ):
        # "Two participants … underwent implant in a … study. … a novel Stentrode BCI was
        # implanted …": who took part, then what they were given.
        return first.therapy
    return None


def _the_one_named(item: SentenceInput) -> str | None:
    """The one therapy a sentence names (a lexicon name or a code), else None."""
    names = {m.therapy for m in item.mentions}
    names.update(
        code_id(m.group("name"))
        for m in patterns.CODE_NAME.finditer(item.view.folded)
        if not any(t.start <= m.start() < t.end for t in item.mentions) and not not_a_therapy(m)
    )
    return names.pop() if len(names) == 1 else None


def _name_at(item: SentenceInput, at: int) -> str | None:
    """The therapy named at ``at`` in a sentence: a lexicon name, else a code ("AB-101")."""
    listed = next((m.therapy for m in item.mentions if m.start == at), None)
    if listed is not None:
        return listed
    code = patterns.CODE_NAME.match(item.view.folded, at)
    return code_id(code.group("name")) if code else None


@dataclass(frozen=True)
class Layout:
    """What the article's shape says, read once: paragraphs that introduce the next one, each
    paragraph's first sentence, each table's header row, and a single-product article's subject."""

    paragraphs: Sequence[Paragraph]
    intro: set[int]
    first_sentence: dict[int, int]
    table_header: dict[int, str]  # first row of each table, by paragraph index
    subject: str | None
    trials: TrialIndex = field(default_factory=TrialIndex)
    row_header: dict[int, str] = field(default_factory=dict)  # a row copied as one line -> header
    field_key: dict[int, str] = field(default_factory=dict)  # a value's paragraph -> key above it
    first_named: str | None = None  # what a "the drug" before any name means (a news lead)
    # A sentence -> the therapy the next one names as what it described ("这一药物名为X").
    named_next: dict[int, str] = field(default_factory=dict)
    # The year a year-in-review page looks back on ("2013 has now come and gone", "2013 in
    # review"): the year of the advances it lists without one.
    reviewed_year: str | None = None
    # Sentences that are rows glued together, right under a header "Treatment (year) No. patients".
    glued_rows: frozenset[int] = frozenset()
    # A record's eligibility rows ("纳入标准: | 1.… 2.入组前需利鲁唑治疗…"), by paragraph: the drugs
    # they name are what patients had taken, in every sentence of the row.
    criteria: frozenset[int] = frozenset()
    # The page is a registry record with two record fields (``record_fields``): its registration
    # date is a field of it.
    record: bool = False
    # Count keys alone on their lines ("Sample size" / "60"): one is the trial's size, several
    # are its groups'.
    count_keys: int = 0
    # The sentences of a record's results tables whose counts are a group's, not the trial's.
    group_rows: frozenset[int] = frozenset()
    # How the page orders day and month in figures ("dm", "md"; ``dates.figure_order``).
    figure_order: str | None = None
    # Drugs the page names as the standard of care or the control arm ("riluzole, the current
    # standard of care"): the comparator, left out of its trial's sentences that name another
    # therapy (``extract.comparator_mentions``).
    comparators: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        paragraphs: Sequence[Paragraph],
        sentences: Sequence[SentenceInput],
        subject: str | None,
        trials: TrialIndex | None = None,
        classes: frozenset[str] = frozenset(),
        glued_rows: frozenset[int] = frozenset(),
        record: bool = False,
        count_keys: int = 0,
        group_rows: frozenset[int] = frozenset(),
        figure_order: str | None = None,
    ) -> Layout:
        first_sentence: dict[int, int] = {}
        table_header: dict[int, str] = {}
        row_header: dict[int, str] = {}
        field_key: dict[int, str] = {}
        criteria: set[int] = set()
        header = ""
        first_named = None
        named_next: dict[int, str] = {}
        comparators: set[str] = set()
        before: SentenceInput | None = None
        for item in sentences:
            naming = patterns.NAMED_NEXT.match(item.view.folded) if before is not None else None
            if naming and before is not None:
                named = _name_at(item, naming.end())
                if named is not None:
                    named_next[before.sentence.index] = named
            elif (
                before is not None
                and not before.mentions
                and before.sentence.paragraph == item.sentence.paragraph
                and _BACK_TO_THE_EVENT.match(item.view.folded)
                and patterns.EVENT.search(before.view.folded)
            ):
                # "… commenced with the dosing of the first participant on February 9, 2026. The
                # event signals the clinical debut of a novel therapeutic strategy, VTx-002, …":
                # the next sentence looks back at the event and names the one therapy it was of.
                named = _the_one_named(item)
                if named is not None:
                    named_next[before.sentence.index] = named
            elif (
                before is not None
                and not before.mentions
                and item.mentions
                and (
                    before.sentence.paragraph == item.sentence.paragraph
                    # (a lead on a line of its own, named in the next line's sentence)
                    or patterns.DESCRIBED_SUBJECT.match(before.view.folded)
                )
            ):
                named = _named_after_unnamed(before, item)
                if named is not None:
                    named_next[before.sentence.index] = named
            before = item
            if first_named is None and paragraphs[item.sentence.paragraph].kind != REFERENCE:
                first_named = next(
                    (
                        m.therapy
                        for m in item.mentions
                        # (not the control arm's drug: "riluzole was given to the control group")
                        if m.therapy not in classes and not control_arm(item.view.folded, m)
                    ),
                    None,
                )
            comparators.update(
                m.therapy
                for m in item.mentions
                if patterns.STANDARD_CARE_AFTER.match(item.view.folded, m.end)
                or control_arm(item.view.folded, m)
            )
            key = patterns.FIELD_KEY_LINE.match(item.view.folded)
            if key:
                field_key[item.sentence.paragraph + 1] = key.group("key")
            if item.sentence.paragraph not in first_sentence and patterns.CRITERIA_ROW.match(
                item.view.folded
            ):
                criteria.add(item.sentence.paragraph)
            first_sentence.setdefault(item.sentence.paragraph, item.sentence.index)
            kind = paragraphs[item.sentence.paragraph].kind
            if kind == SPACED_HEADER:
                header = item.view.folded
            elif kind == SPACED_ROW:
                row_header[item.sentence.paragraph] = header
            if paragraphs[item.sentence.paragraph].kind == TABLE_ROW:
                start = table_start(paragraphs, item.sentence.paragraph)
                if start == item.sentence.paragraph:
                    table_header[start] = item.view.folded
        reviewed = next(
            (
                m
                for item in sentences[:3]
                if (m := patterns.YEAR_IN_REVIEW.search(item.view.folded))
            ),
            None,
        )
        return cls(
            paragraphs,
            intro_paragraphs(paragraphs, sentences),
            first_sentence,
            table_header,
            subject,
            trials or TrialIndex(),
            row_header,
            field_key,
            first_named,
            named_next,
            next(y for y in reviewed.groups() if y) if reviewed else None,
            glued_rows,
            frozenset(criteria),
            record,
            count_keys,
            group_rows,
            figure_order,
            frozenset(comparators),
        )

    def holds_field(self, key: str) -> bool:
        """Whether the page can hold the field ``key``: a registration date ("注册时间",
        "Registration date") only in a registry record, not a company's card or a forum profile."""
        return self.record or not patterns.RECORD_ONLY_KEY.search(key)

    def header_of(self, paragraph: int) -> str | None:
        """The header row of the table ``paragraph`` is a later row of, else None."""
        start = table_start(self.paragraphs, paragraph)
        return self.table_header.get(start) if start != paragraph else None


@dataclass
class Discourse:
    """What the text is about so far, carried from sentence to sentence.

    ``topic``: the therapies last named, for a sentence that names none; ``antecedent``: the
    therapy a later "该药" means; ``caption``: the therapies named just before a table.
    """

    section: int = 0
    topic: Topic | None = None
    section_therapies: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)  # every therapy named so far
    elsewhere: set[str] = field(default_factory=set)  # ... first for another disease
    antecedent: str | None = None
    context_year: int | None = None
    # A heading that is only a date ("January 12, 2015" above a news digest's entry): the day
    # its section was written, for the section's relative dates and undated announcements.
    section_date: str | None = None
    last_caption: tuple[tuple[str, ...], int] | None = None
    cells: PendingCells = field(default_factory=PendingCells)  # a flattened table row's facts
    # A table's group row ("Phase 3 | | |"): the phase it gives the rows below it.
    group_phases: list[Attribute] = field(default_factory=list)

    def enter(self, paragraph: Paragraph) -> None:
        if paragraph.kind not in (TABLE_ROW, SPACED_ROW, TABLE_RULE):
            self.group_phases = []  # the table ended
        if paragraph.kind == HEADING:
            self.section += 1
            self.topic = None
            self.section_therapies = set()
            self.section_date = None

    def names(
        self,
        s: Sentence,
        paragraph: Paragraph,
        view: str,
        mentions: list[TherapyMention],
        background: set[int],
        classes: frozenset[str],
    ) -> None:
        """The sentence named these therapies: they become what follows is about."""
        # "a drug called Mirapex, used to treat Parkinson's disease": a drug the text first names
        # for another disease is not what the ALS text goes on about beside another it names;
        # named alone, later sentences speak of it for ALS only where they say ALS (``elsewhere``),
        # until one naming it does. (A heading names its section's subject, whatever it adds.)
        if paragraph.kind != HEADING and is_about_another_disease(view):
            self.elsewhere |= {m.therapy for m in mentions} - self.seen
        elif patterns.ALS_DISEASE.search(view):
            self.elsewhere -= {m.therapy for m in mentions}  # the text ties it to ALS after all
        self.seen.update(m.therapy for m in mentions)
        subjects = [m for m in mentions if m.therapy not in classes] or mentions
        subjects = [m for m in subjects if m.therapy not in self.elsewhere] or subjects
        if subjects and not patterns.QUOTED_SPEECH.match(view):
            # What a later "该药" means, across paragraphs, headings and quotations.
            self.antecedent = subjects[0].therapy
        if paragraph.kind == TABLE_ROW or not mentions:
            return
        self.last_caption = (tuple(dict.fromkeys(m.therapy for m in mentions)), s.paragraph)
        # A drug named only as background ("stable doses of riluzole") is not what follows is about.
        named = tuple(
            dict.fromkeys(
                m.therapy
                for i, m in enumerate(mentions)
                if m.therapy not in classes and i not in background
            )
        )
        named = tuple(t for t in named if t not in self.elsewhere) or named
        if named:
            if paragraph.kind == HEADING:
                self.section_therapies = set(named)
            # A section headed by a therapy stays about it: "【四、超大剂量甲钴胺】".
            about_section = paragraph.kind == HEADING or set(named) <= self.section_therapies
            trial = patterns.TRIAL_WORD.search(view) is not None
            self.topic = Topic(named, s.index, s.paragraph, self.section, about_section, trial)

    def of_another_disease(self, therapies: Sequence[str], view: str) -> bool:
        """Therapies the text introduced for another disease, in a sentence that does not say ALS
        ("It met its primary endpoint" after "bremolimab, a treatment for GvHD")."""
        return (
            bool(therapies)
            and set(therapies) <= self.elsewhere
            and not patterns.ALS_DISEASE.search(view)
        )

    def caption_of(self, s: Sentence, layout: Layout) -> tuple[str, ...]:
        """A table row's therapies: those named in the text right before the table."""
        if (
            self.last_caption
            and table_start(layout.paragraphs, s.paragraph) - self.last_caption[1] <= 2
        ):
            return self.last_caption[0]
        return ()

    def owners(
        self,
        s: Sentence,
        paragraph: Paragraph,
        view: str,
        masked: str,
        attributes: list[Attribute],
        layout: Layout,
    ) -> tuple[tuple[str, ...], str]:
        """Whose claims a sentence that names no therapy makes, and by which rule."""
        if paragraph.kind == TABLE_ROW:
            caption = self.caption_of(s, layout)
            if not caption and layout.subject and patterns.TRIAL_FIELD.match(masked):
                # "Actual Enrollment : | 249 participants |" under a record's table: a field of
                # the record, whose trial is its single subject's.
                return (layout.subject,), "a record field of the article's single subject"
            return caption, "table caption"
        if paragraph.kind == SPACED_ROW and self.topic and self.topic.section == self.section:
            # A row that names no therapy continues the one above: a merged cell.
            self.topic = replace(self.topic, sentence=s.index, paragraph=s.paragraph)
            return self.topic.therapies, "the row above (a table copied one row per line)"
        first_in_paragraph = s.index == layout.first_sentence[s.paragraph]
        therapies, rule = layout.trials.therapies_of(masked)
        if therapies and (not speaks_of_many(view, masked) or counted_as(masked, len(therapies))):
            return therapies, rule
        if self.topic and self.topic.carries_to(
            s, self.section, view, masked, layout.intro, first_in_paragraph
        ):
            therapies = self.topic.therapies
            if is_about_another_disease(masked):
                # "Sanofi is continuing to study it in a phase 2 multiple sclerosis trial. That
                # study … enrolled 174": what follows is of the other disease's trial
                self.topic = replace(
                    self.topic, sentence=s.index, paragraph=s.paragraph, of_another_disease=True
                )
                return (), ""
            if self.of_another_disease(therapies, view):
                return (), ""
            if self.topic.of_another_disease and not patterns.ALS_DISEASE.search(view):
                # "That study began dosing …", and the rest of its paragraph: the other disease's
                looks_back = _THAT_STUDY.match(masked.lstrip()) is not None
                if looks_back or (
                    self.topic.its_study_followed and s.paragraph == self.topic.paragraph
                ):
                    self.topic = replace(
                        self.topic, sentence=s.index, paragraph=s.paragraph, its_study_followed=True
                    )
                    return (), ""
            # The discourse goes on: the next sentence is measured from here (back on ALS).
            self.topic = replace(
                self.topic,
                sentence=s.index,
                paragraph=s.paragraph,
                of_another_disease=False,
                its_study_followed=False,
            )
            return therapies, "topic of an earlier sentence"
        if layout.subject and about_a_trial(attributes) and not speaks_of_many(view, masked):
            # A release about one product: its trial facts are the product's, in any section.
            return (layout.subject,), "the article's single subject"
        if (
            layout.subject
            and any(a.kind == "date" for a in attributes)
            and (
                patterns.THE_TRIAL_ITSELF.search(masked)
                or patterns.TRIAL_RESULTS_EXPECTED.search(masked)
                or patterns.TRIAL_DATE_FIELD.search(masked)
                or (
                    patterns.FIRST_IN_HUMAN.search(masked)
                    and not patterns.ANOTHER_PRODUCT.search(masked)
                )
            )
            and not speaks_of_many(view, masked)
        ):
            # "October 2023 - The clinical trial has been completed.", "去年8月，首次被植入一名
            # 患者体内" on a page about one product: the dated event of its trial, and the topic
            # of what follows it.
            self.topic = Topic((layout.subject,), s.index, s.paragraph, self.section, False)
            return (layout.subject,), "the trial of the article's single subject"
        return (), ""
