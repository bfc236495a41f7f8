"""The article loop: every stage, sentence by sentence, then the citation rules over the article."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from .. import patterns
from ..dates import DateMention, figure_order, find_dates
from ..lexicon import Lexicon
from ..references import Marker, Reference
from ..structure import HEADING, REFERENCE, SPACED_ROW, TABLE_ROW, TABLE_RULE, Paragraph, Sentence
from .attributes import find_attributes, find_phases, header_cells, is_period, parse_count
from .binding import bind
from .build import build_claims
from .cells import cell_facts
from .cues import has_cue
from .discourse import (
    Discourse,
    Layout,
    is_about_another_disease,
    is_claim,
    preclinical_only,
)
from .linking import (
    antecedent_refs,
    cite_back_to_previous_marker,
    inherit_from_introduced_paragraph,
    sentence_refs,
)
from .mentions import (
    UnlistedNames,
    article_subject,
    background_mentions,
    common_word,
    context_names,
    mask,
    masked_spans,
    on_care_of_patients,
    record_fields,
    record_subject,
    select_mentions,
    view_position,
    years_of_each,
)
from .model import Attribute, Claim, Draft, SentenceInput, TherapyMention
from .rows import cited_study_year, column_facts
from .trials import TrialIndex

logger = logging.getLogger(__name__)


def extract_claims(
    name: str,
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[SentenceInput],
    markers: Sequence[Marker],
    references: Sequence[Reference],
    lexicon: Lexicon,
    classes: frozenset[str] = frozenset(),
    published: str | None = None,
    word_frequency: Mapping[str, int] | None = None,
) -> list[Claim]:
    """All claims of one article, in sentence order.

    ``word_frequency`` (jieba's dictionary) tells common words from parts of a drug's name.
    """
    markers_by_sentence: dict[int, list[Marker]] = {}
    for marker in markers:
        markers_by_sentence.setdefault(marker.sentence, []).append(marker)
    unlisted = UnlistedNames.of(sentences, lexicon)
    reader = _SentenceReader(
        lexicon,
        classes,
        published,
        common_word(word_frequency or {}),
        markers_by_sentence,
        unlisted.drug_names,
        unlisted.cn_names,
        unlisted.same_as,
        unlisted.tracers,
    )
    fields = record_fields(sentences)
    layout = Layout.of(
        paragraphs,
        sentences,
        # (a registry record's title names its subject, before any count of names)
        record_subject(sentences, classes, unlisted.cn_names, fields)
        or article_subject(sentences, classes, unlisted.counts),
        TrialIndex.of(sentences, classes, _unlisted_names(unlisted, lexicon)),
        classes,
        unlisted.glued_rows,
        # (a registration date is a record's field only on a page with two of them: not a forum
        # reply quoting "ClinicalTrials.gov Identifier: NCT…")
        fields >= 2,
        _count_key_lines(text),
        results_group_rows(sentences),
        figure_order("\n".join(item.view.folded for item in sentences)),
    )
    discourse = Discourse()
    drafts: list[Draft] = []
    claims_in_sentence: dict[int, list[Draft]] = {}
    for item in sentences:
        paragraph = paragraphs[item.sentence.paragraph]
        if paragraph.kind in (REFERENCE, TABLE_RULE):
            continue
        discourse.enter(paragraph)
        found = reader.drafts(item, paragraph, layout, discourse)
        for draft in found:
            markers_here = markers_by_sentence.get(item.sentence.index, [])
            draft.cite(sentence_refs(draft, item, markers_here), "a marker of its sentence")
        claims_in_sentence[item.sentence.index] = found
        drafts.extend(found)

    cite_back_to_previous_marker(drafts, sentences, paragraphs, markers_by_sentence)
    inherit_from_introduced_paragraph(drafts, sentences, paragraphs, markers_by_sentence)
    antecedent_refs(drafts, sentences, claims_in_sentence, markers_by_sentence)

    url_of = {r.n: r.url for r in references if r.n is not None and not r.inline and r.url}
    by_index = {item.sentence.index: item for item in sentences}
    claims: list[Claim] = []
    seen: set[str] = set()
    for draft in drafts:
        for claim in build_claims(name, text, draft, by_index[draft.sentence], url_of):
            if claim.claim_id not in seen:
                seen.add(claim.claim_id)
                claims.append(claim)
    return claims


# A field's value on the line below its key is short ("2023-01-18", "Apr 12 2018", "24"); a
# paragraph of prose under a heading such as "Study participants" is none.
FIELD_VALUE_CHARS = 60


def _unlisted_names(
    unlisted: UnlistedNames, lexicon: Lexicon
) -> Callable[[SentenceInput], list[TherapyMention]] | None:
    """A sentence's names the article uses where only a drug can stand, the lexicon aside."""
    if unlisted.drug_names is None:
        return None
    names = unlisted.drug_names
    return lambda item: context_names(
        names, item.view.folded, item.view.text, lexicon, item.mentions, unlisted.same_as
    )


def results_group_rows(sentences: Sequence[SentenceInput]) -> frozenset[int]:
    """The sentences of a registry record's results tables (from its Participant Flow or Baseline
    Characteristics on) whose counts are a group's ("n=120 Participants" under an arm, "48
    Participants" female): short cells, all but the Total column's."""
    rows: set[int] = set()
    inside, before = False, ""
    for item in sentences:
        line = item.view.folded.strip()
        if patterns.RESULTS_SECTION.fullmatch(line):
            inside = True
        elif (
            inside
            and len(line) <= 60  # a cell, not the recruitment details' prose
            and not (line.startswith("total") or before.startswith("total"))
        ):
            rows.add(item.sentence.index)
        before = line
    return frozenset(rows)


def _count_key_lines(text: str) -> int:
    """Lines that are a count's key alone ("Sample size", "Enrollment (Actual)"): one is the
    trial's size, several are its groups' ("Group: … / Sample size / 60", twice)."""
    if not patterns.COUNT_FIELD_KEY_CUE.search(text):
        return 0
    return sum(
        1
        for line in text.lower().splitlines()
        if (key := patterns.FIELD_KEY_LINE.match(line))
        and patterns.COUNT_FIELD_KEY.search(key.group("key"))
    )


# What a phase, a count or a registry field needs: a digit, a numeral, 期, "phase", a number word.
_TRIAL_FACT_CHARACTER = re.compile(
    rf"[\d{patterns.CN_NUMERAL}期]|phase|enrol|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b"
)


def _figures_of_names_masked(view: str, mentions: Sequence[TherapyMention]) -> str:
    """The view with the digits inside the therapies' names blanked ("AEOL 10150", "BIIB 067")."""
    digits = [
        (i, i + 1)
        for m in mentions
        for i in range(m.start, min(m.end, len(view)))
        if view[i].isdigit()
    ]
    return mask(view, digits) if digits else view


def _may_state_a_trial_fact(masked: str) -> bool:
    """Whether a sentence can hold a trial fact (``about_a_trial``): most cannot, and a single
    product's article need not read their attributes."""
    return bool(
        _TRIAL_FACT_CHARACTER.search(masked)
        or has_cue(patterns.OUTCOME_MET, masked)
        or has_cue(patterns.OUTCOME_MISSED, masked)
        or has_cue(patterns.PRECLINICAL_MODEL, masked)
    )


def _group_row(text: str) -> bool:
    """A table row with its first cell alone filled ("Phase 3 | | | |"): a group's label."""
    row = text.strip()
    cells = [cell.strip() for cell in (row[1:] if row.startswith("|") else row).split("|")]
    return len(cells) >= 3 and bool(cells[0]) and not any(cells[1:])


@dataclass(frozen=True)
class _SentenceReader:
    """Stages 1 to 4 on one sentence: mentions, attributes, binding, and what is a claim."""

    lexicon: Lexicon
    classes: frozenset[str]
    published: str | None
    common: Callable[[str], bool]
    markers_by_sentence: Mapping[int, list[Marker]]
    drug_names: re.Pattern | None = None
    cn_names: re.Pattern | None = None
    same_as: Mapping[str, str] | None = None
    tracers: frozenset[str] = frozenset()

    def drafts(
        self, item: SentenceInput, paragraph: Paragraph, layout: Layout, discourse: Discourse
    ) -> list[Draft]:
        s = item.sentence
        markers = self.markers_by_sentence.get(s.index, [])
        view = item.view.folded
        masked = mask(view, masked_spans(item, markers))
        if patterns.METADATA_LINE.match(view):
            # "Keywords: …", "• Clinical Trial, Phase II": an index's tags, no claim.
            return []
        if paragraph.kind in (TABLE_ROW, SPACED_ROW) and _group_row(item.view.text):
            # "Phase 3 | | | |": a label for the rows below it, no claim of its own.
            discourse.group_phases = [
                replace(a, start=0, end=0, rule=f"the group row above ({a.rule})")
                for a in find_phases(masked)
            ]
            return []
        if s.paragraph in layout.criteria:
            return []  # "纳入标准: | … 2.入组前需利鲁唑治疗至少一个月": what patients had taken
        mentions = select_mentions(
            item,
            masked,
            self.lexicon,
            self.classes,
            discourse.antecedent,
            self.common,
            self.drug_names,
            layout.first_named if discourse.antecedent is None else None,
            self.cn_names,
            self.same_as,
        )
        if self.tracers:
            # "PBR28" in a keyword list, where "[11C]PBR28-PET" named it a tracer elsewhere
            mentions = [m for m in mentions if m.therapy not in self.tracers]
        # "该药"/"the drug" for a drug the text introduced for another disease, where this
        # sentence does not say ALS: no ALS claim of it
        mentions = [
            m
            for m in mentions
            if not (
                m.rule.startswith("ANAPHOR") and discourse.of_another_disease((m.therapy,), view)
            )
        ]
        if (
            layout.comparators
            and mentions
            and (patterns.TRIAL_CONTEXT.search(masked) or "receiv" in masked)
        ):
            # "patients receive either riluzole or ILB®": the page's comparator beside its drug,
            # in its trial (not "22 years after riluzole was approved in 1995")
            aside = comparator_mentions(mentions, layout.comparators)
            mentions = [m for i, m in enumerate(mentions) if i not in aside]
        background = background_mentions(view, mentions) if mentions else set()
        # "MIROCALS 2b期试验……未接受过利鲁唑治疗的患者": every name is background, and the
        # sentence names a trial whose therapy is known: the claim is that therapy's.
        if (
            mentions
            and len(background) == len(mentions)
            and (
                (layout.trials.trials and layout.trials.therapies_of(masked)[0])
                # "组3：相匹配的安慰剂+利鲁唑", "18 participants undergoing treatment with Radicava
                # will join the trial": the trial the text is about, on background care.
                or (
                    layout.subject is not None
                    and layout.subject not in {m.therapy for m in mentions}
                    and (
                        has_cue(patterns.WITH_PLACEBO_AFTER, masked)
                        or patterns.THE_TRIAL.search(masked) is not None
                    )
                )
            )
        ):
            mentions, background = [], set()
        elif mentions and _the_topics_trial_on_care(
            s, view, masked, mentions, background, discourse
        ):
            # "马赛替尼的3期试验…。该试验将纳入400余名正在接受利鲁唑治疗的患者": the trial of the
            # drug just named, on a care its patients already receive.
            mentions, background = [], set()
        table = paragraph.kind == TABLE_ROW
        row_header = layout.row_header.get(s.paragraph)
        row_attributes, row_refs = column_facts(row_header, masked) if row_header else ([], set())
        # Most sentences name no therapy and have none to inherit: no claim can come of
        # them, so their attributes are not looked for; their years still set the context.
        possible = (
            bool(mentions)
            or table
            or discourse.topic is not None
            or s.index in layout.named_next
            # A single product's sentence is its claim only with a trial fact: a phase, a
            # count or an outcome needs a digit, a numeral or an outcome word.
            or bool(layout.subject and _may_state_a_trial_fact(masked))
        )
        dates: list[DateMention] = []
        anchor = discourse.section_date or self.published
        if possible or patterns.YEAR_HINT.search(masked):
            dates, discourse.context_year = find_dates(
                masked, discourse.context_year, anchor, layout.figure_order
            )
        if paragraph.kind == HEADING and not mentions:
            discourse.section_date = date_heading(masked, dates)
        # "a study of MCI 186 in patients": the figures of a drug's name are no count or phase
        attributes = (
            find_attributes(_figures_of_names_masked(masked, mentions), dates) if possible else []
        )
        if len(mentions) >= 2 and patterns.APPROVAL.search(masked):
            attributes.extend(_years_of_each(masked, mentions, attributes))
        if discourse.group_phases and not any(a.kind == "phase" for a in attributes):
            attributes.extend(discourse.group_phases)
        if (
            discourse.section_date
            and mentions
            and not any(a.kind == "date" for a in attributes)
            and patterns.ANNOUNCED.search(masked)
        ):
            # "January 12, 2015" / "BrainStorm released results of a phase IIa study of NurOwn".
            rule = "ANNOUNCED, the date heading of its section"
            day = discourse.section_date
            attributes.append(Attribute("date", 0, 0, day, day, rule=rule))
        if s.index in layout.glued_rows and mentions and (row := patterns.GLUED_ROW.match(masked)):
            # "Creatine (2003)175D, T, N160…" under "Treatment (year) No. patients".
            rule = "GLUED_ROW under its header (year, number of patients)"
            year, n = row.group("year"), int(row.group("n"))
            attributes = [
                Attribute("date", *row.span("year"), year, year, rule=rule),
                Attribute("enrollment", *row.span("n"), n, rule=rule),
            ]
        if (
            layout.reviewed_year
            and mentions
            and not any(a.kind == "date" for a in attributes)
            and patterns.ADVANCED.search(masked)
            and not patterns.IN_THE_WAKE.match(masked)
            and not patterns.NOT_OF_THE_YEAR.search(masked)
        ):
            # "2013 has now come and gone … ozanezumab advanced to phase II": the year reviewed.
            rule = "YEAR_IN_REVIEW, the year the page looks back on"
            year = layout.reviewed_year
            attributes.append(Attribute("date", 0, 0, year, year, rule=rule))
        # "注册时间：2015-06-18" in a company's card or a forum member's profile: no field
        attributes = [
            a for a in attributes if a.kind != "field" or layout.holds_field(str(a.value))
        ]
        if layout.record and not any(a.kind == "date" for a in attributes):
            # "First Posted : October 8, 2020" in a registry record: the day its trial was
            # registered, not a page's publication line ("Posted: …") as elsewhere.
            registered = next(
                (
                    a
                    for a in attributes
                    if a.kind == "field" and patterns.RECORD_ONLY_KEY.search(str(a.value))
                ),
                None,
            )
            value = next(
                (d for d in dates if d.iso and registered and d.start >= registered.end), None
            )
            if value is not None:
                rule = f"{value.rule}, the registry field '{registered.value}'"
                attributes.append(Attribute("date", value.start, value.end, value.iso, rule=rule))
        key = layout.field_key.get(s.paragraph) if possible else None
        if key and not layout.holds_field(key):
            key = None
        if (
            key
            and s.index == layout.first_sentence[s.paragraph]
            and len(masked) <= FIELD_VALUE_CHARS
        ):
            # "Study Start Date" / "2023-01-18": the value of a registry field on the line above.
            rule = f"the registry field '{key}' on the line above"
            attributes.append(Attribute("field", 0, 0, key, rule=rule))
            count = patterns.FIELD_VALUE_LINE.match(masked)
            if count and patterns.COUNT_FIELD_KEY.search(key) and layout.count_keys == 1:
                n = parse_count(count.group("n"))
                if n and not any(a.kind == "enrollment" for a in attributes):
                    attributes.append(Attribute("enrollment", *count.span("n"), n, rule=rule))
            value = next((d for d in dates if d.iso), None)
            if value is not None and not any(a.kind == "date" for a in attributes):
                attributes.append(
                    Attribute(
                        "date", value.start, value.end, value.iso, rule=f"{value.rule}, {rule}"
                    )
                )
        if possible and row_attributes:
            kinds = {a.kind for a in attributes}
            attributes.extend(a for a in row_attributes if a.kind not in kinds)
        header_text = row_header or (layout.header_of(s.paragraph) if table else None)
        if (
            header_text
            and mentions
            and not any(a.kind == "date" for a in attributes)
            and (cited := cited_study_year(header_text, masked))
        ):
            attributes.append(cited)  # "celecoxib / Cudkowicz, 2006[2] / 300 patients"
        if table:
            header = layout.header_of(s.paragraph)
            if header is not None:
                cells = header_cells(header, masked)
                if any(a.kind == "date" for a in cells):
                    # The row's year columns date it, not a year in its reference cell
                    # ("Oki et al. (2022)").
                    attributes = [a for a in attributes if a.kind != "date"]
                kinds = {a.kind for a in attributes}
                attributes.extend(a for a in cells if a.kind not in kinds)
        for marker in markers:
            if marker.year and possible:
                at = view_position(item.view, marker.start)
                year = Attribute(
                    "date", at, at + 1, marker.year, marker.year, "author-year citation"
                )
                attributes.append(year)
        discourse.names(s, paragraph, view, mentions, background, self.classes)
        if paragraph.kind in (HEADING, SPACED_ROW) and not mentions:
            facts = cell_facts(masked)
            if facts is not None:
                discourse.cells.add(s.paragraph, facts, {m.n for m in markers})

        if s.index in layout.group_rows:
            # "Female" / "48 Participants" in a record's baseline table: a group's count
            attributes = [a for a in attributes if a.kind != "enrollment"]
        found: list[Draft] = []
        if mentions:
            bound = bind(attributes, mentions, masked, table=table)
            lead = next((m for i, m in enumerate(mentions) if i not in background), mentions[0])
            row_facts, cell_refs = discourse.cells.take(
                s.paragraph, (lead.start, lead.end), bound.get(lead.therapy, [])
            )
            if row_facts or cell_refs:
                bound.setdefault(lead.therapy, []).extend(row_facts)
            if layout.trials.trials and layout.trials.named_in(masked):
                # "The first two drugs selected for evaluation in MND-SMART are X and Y": the
                # named trial's phase and size are theirs, though the sentence states neither.
                for i, m in enumerate(mentions):
                    if i not in background:
                        bound.setdefault(m.therapy, [])
            for therapy, attrs in bound.items():
                attrs = [*attrs, *layout.trials.borrowed(masked, therapy, attrs)]
                if is_claim(attrs, masked) and not (
                    therapy in self.classes and preclinical_only(attrs)
                ):
                    first = next(m for m in mentions if m.therapy == therapy)
                    anchor = (first.start, first.end)
                    how = f"named in the sentence ({first.rule})"
                    draft = Draft(s.index, therapy, first.unlisted, attrs, anchor, False, how)
                    if therapy == lead.therapy and cell_refs:
                        draft.cite(cell_refs, "a marker of its table row's cells")
                    found.append(draft)
        elif is_claim(
            attributes := attributes if table else _counted_in_a_trial(attributes, masked),
            masked,
        ):
            if s.index in layout.named_next:
                # "一种全新的药物进入临床应用。这一药物名为Tofersen": the next sentence names it.
                therapies, how = (layout.named_next[s.index],), "named by the next sentence"
            else:
                therapies, how = discourse.owners(s, paragraph, view, masked, attributes, layout)
                if how == "topic of an earlier sentence" and _an_announcement_only(
                    masked, attributes
                ):
                    # "In March, the company announced that its chief executive would retire":
                    # news of the company, dated, with nothing of the drug in it.
                    therapies = ()
            carried = list(attributes)
            dates_here = [a for a in attributes if a.kind == "date"]
            if (
                len(therapies) > 1
                and len({a.value for a in dates_here}) > 1
                and not is_period(masked, dates_here)
            ):
                # "Results were reported in 2022 and 2023" for four drugs: which date is whose is
                # unknown. A period ("between 2020 and 2023") is every therapy's.
                carried = [a for a in attributes if a.kind != "date"]
            # No name to anchor on: the quote is the sentence itself.
            span = (0, len(view))
            if is_claim(carried, masked):
                found.extend(
                    Draft(s.index, t, t not in self.lexicon, carried, span, True, how)
                    for t in therapies
                )
        if found and is_about_another_disease(masked):
            return []  # a trial of another disease
        topic = discourse.topic
        if found and mentions and topic is not None and topic.sentence == s.index:
            # "a phase 2 trial of reldesemtiv, which had the benefits of tirasemtiv": what
            # follows is about the therapy the sentence stated a fact of.
            stated = {d.therapy for d in found}
            kept = tuple(t for t in topic.therapies if t in stated)
            if kept and kept != topic.therapies:
                discourse.topic = replace(topic, therapies=kept)
        for draft in found if row_refs else ():
            draft.cite(row_refs, "the reference column of its table row")
        return found


_ANNOUNCING = re.compile(r"announc\w*|report\w*|宣布|公布|发布|报道|报告")


def _the_topics_trial_on_care(
    s: Sentence,
    view: str,
    masked: str,
    mentions: list[TherapyMention],
    background: set[int],
    discourse: Discourse,
) -> bool:
    """A sentence opening on "该试验"/"the trial", right after a sentence about the trial of the
    drug it is about, that enrols patients on another drug (its names all background or a care
    they receive); not a study that follows patients on a drug, which is that drug's."""
    topic = discourse.topic
    if not (
        topic is not None
        and topic.of_a_trial
        and topic.sentence == s.index - 1
        and patterns.THE_TRIAL.match(masked.lstrip())
        and not {m.therapy for m in mentions} & set(topic.therapies)
        and patterns.TRIAL_ACTIVITY.search(masked)
        and not patterns.OBSERVED.search(masked)
    ):
        return False
    # (a name given again in brackets, "利鲁唑(商品名Tiglutik)", is the same drug)
    aside = {
        m.therapy for i, m in enumerate(mentions) if i in background or on_care_of_patients(view, m)
    }
    return all(m.therapy in aside for m in mentions)


def comparator_mentions(mentions: list[TherapyMention], comparators: frozenset[str]) -> set[int]:
    """Indexes of the page's comparators in a sentence that names another therapy as well."""
    if all(m.therapy in comparators for m in mentions):
        return set()
    return {i for i, m in enumerate(mentions) if m.therapy in comparators}


def _an_announcement_only(masked: str, attributes: list[Attribute]) -> bool:
    """A sentence whose only fact is a date and whose only event word is an announcing verb."""
    if any(a.kind != "date" for a in attributes):
        return False
    events = [m.group() for m in patterns.EVENT.finditer(masked)]
    return bool(events) and all(_ANNOUNCING.fullmatch(e.strip()) for e in events)


def _counted_in_a_trial(attributes: list[Attribute], masked: str) -> list[Attribute]:
    """A sentence's attributes without its count when that is an estimate of people in a
    sentence (not a table row) naming no trial: naming no therapy either, it counts the
    disease's patients, not a trial's."""
    if not any(a.kind == "enrollment" for a in attributes) or patterns.TRIAL_CONTEXT.search(masked):
        return attributes
    return [
        a
        for a in attributes
        if a.kind != "enrollment"
        or not patterns.ESTIMATE_BEFORE.search(masked, max(0, a.start - 16), a.start)
    ]


def _years_of_each(
    view: str, mentions: list[TherapyMention], attributes: list[Attribute]
) -> list[Attribute]:
    """Years glued to each approved name of a list ("Rilutek (1995), Radicava (2017) … approved"),
    where no date was read; none unless every name has one ("data on riluzole (2012) … the FDA
    approved tofersen" is no list of approvals)."""
    found: list[Attribute] = []
    for glued in years_of_each(view, mentions) or ():
        year = re.search(patterns.YEAR, glued.group())
        start, end = glued.start() + year.start(), glued.start() + year.end()
        if not any(a.start < end and start < a.end for a in attributes):
            rule = "OWN_YEAR_AFTER, the year glued to an approved name"
            found.append(Attribute("date", start, end, year.group(), year.group(), rule=rule))
    return found


def date_heading(view: str, dates: list[DateMention]) -> str | None:
    """The day a heading that is only a full date gives ("January 12, 2015", "2015年1月12日")."""
    if len(dates) != 1 or not dates[0].iso or len(dates[0].iso) != 10:
        return None
    rest = view[: dates[0].start] + view[dates[0].end :]
    return dates[0].iso if not rest.strip(" \t,.-|:：()（）") else None
