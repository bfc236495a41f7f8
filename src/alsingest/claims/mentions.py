"""Stage 1, mentions: the therapies a sentence names, by the lexicon, by the name recogniser and
by description ("该药", "the drug"), less those named only as background."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .. import patterns, sounds
from ..lexicon import ENGLISH_ENDING, GLUED_WORDS, LONG_WORD, Lexicon
from ..normalize import CJK_CHARACTERS, MappedText
from ..references import Marker
from .binding import paren_groups
from .cues import finditer, has_cue
from .model import SentenceInput, TherapyMention


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    return "".join(chars)


def is_inventory(view: str, mentions: Sequence[TherapyMention]) -> bool:
    """A list of what is approved, no claim of each: "截至2024年底，FDA已批准三种药物：利鲁唑、依达拉奉和
    托夫生", or, with no year in it, "X, Y and Z are some of the approved treatments"."""
    if len({m.therapy for m in mentions}) < 2:
        return False
    if years_of_each(view, mentions):
        return False  # "Rilutek (1995), Radicava (2017) … have been approved": each a dated claim
    if patterns.INVENTORY_PHRASE.search(view) and not patterns.YEAR_HINT.search(view):
        # "Radicava, riluzole and Qalsody are some of the FDA approved ALS treatments".
        return True
    return (
        patterns.AS_OF.search(view) is not None
        and patterns.DRUG_COUNT.search(view) is not None
        and (patterns.APPROVAL.search(view) or patterns.LAUNCH.search(view)) is not None
    )


def years_of_each(view: str, mentions: Sequence[TherapyMention]) -> list[re.Match] | None:
    """The year glued to each name of a list, when every name carries one: "Rilutek (1995),
    Radicava (2017)", "(riluzole, 1995; edaravone, 2017)"; else None."""
    glued = []
    for m in mentions:
        year = patterns.OWN_YEAR_AFTER.match(view, m.end)
        if year is None:
            return None
        glued.append(year)
    return glued


# An article is about one therapy when it names it this often, and most of its mentions are it.
SUBJECT_MIN_MENTIONS = 3
SUBJECT_SHARE = 0.6


def article_subject(
    sentences: Sequence[SentenceInput],
    classes: frozenset[str],
    unlisted: Mapping[str, int] | None = None,
) -> str | None:
    """The therapy a single-product article (a press release, a product summary, a registry
    record) is about; ``unlisted`` counts the names the lexicon does not know. A trial page's
    criteria may name the care its patients keep often enough to leave it with none ("Patients
    have to be treated with riluzole"): then the count before its criteria heading decides."""
    subject = _subject_by_count(sentences, classes, unlisted)
    if subject is None and (before := _before_the_criteria(sentences)) is not None:
        subject = _subject_by_count(before, classes, unlisted)
    return subject


def _before_the_criteria(sentences: Sequence[SentenceInput]) -> Sequence[SentenceInput] | None:
    """The sentences before a line that heads a page's eligibility criteria; None when none does
    (the page's count is the one already made)."""
    for i, item in enumerate(sentences):
        if patterns.CRITERIA_HEADING.match(item.view.folded):
            return sentences[:i]
    return None


def _subject_by_count(
    sentences: Sequence[SentenceInput],
    classes: frozenset[str],
    unlisted: Mapping[str, int] | None,
) -> str | None:
    counts: dict[str, int] = dict(unlisted or {})
    class_counts: dict[str, int] = {}
    for item in sentences:
        for mention in item.mentions:
            if _allowed_alongside(item.view.folded, mention):
                # "Can a PALS use edaravone while enrolled in the trial?": care patients may keep,
                # no subject of the page (unlike "participants who continued masitinib": an arm)
                continue
            kept = class_counts if mention.therapy in classes else counts
            kept[mention.therapy] = kept.get(mention.therapy, 0) + 1
    if not counts:
        # "fetal human neural stem cells … a phase I trial": an article about one cell therapy
        # that names no product is about that class.
        if len(class_counts) == 1 and max(class_counts.values()) >= 2:
            return next(iter(class_counts))
        return None
    therapy, n = max(counts.items(), key=lambda kv: kv[1])
    if len(counts) == 1 and n >= 2:
        return therapy  # the only therapy an article names, named more than in passing
    if n >= SUBJECT_MIN_MENTIONS and n >= SUBJECT_SHARE * sum(counts.values()):
        return therapy
    if len(class_counts) == 1:
        # "adipose-derived MSCs" named throughout, riluzole once as a covariate: the class
        (cells, k), total = (
            next(iter(class_counts.items())),
            sum(counts.values()) + sum(class_counts.values()),
        )
        if k >= SUBJECT_MIN_MENTIONS and n < 2 and k >= SUBJECT_SHARE * total:
            return cells
    return None


# A registry record's head: where its id stands ("NCT ID: NCT00818389", "注册号: | NCT01051882").
RECORD_HEAD_CHARS = 600


def record_fields(sentences: Sequence[SentenceInput]) -> int:
    """How many record fields ("NCT ID:", "注册号:", "研究类型:") a registry record's head holds
    beside its registry id; 0 on a page with no id there (news citing a trial's id has none)."""
    head = [item for item in sentences if item.sentence.start < RECORD_HEAD_CHARS]
    if not any(patterns.REGISTRY_ID.search(item.view.text) for item in head):
        return 0
    return len(
        {m.group() for item in head for m in patterns.RECORD_FIELD_LINE.finditer(item.view.folded)}
    )


def record_subject(
    sentences: Sequence[SentenceInput],
    classes: frozenset[str],
    cn_names: re.Pattern | None = None,
    fields: int = 0,
) -> str | None:
    """The therapy a registry record's title names, alone: "Study to Investigate … Lithium in
    Volunteers With ALS (NCT00818389)" is lithium's record, however often its pages name the
    care its participants keep (riluzole). A title that names no listed therapy names an unlisted
    Chinese one (``cn_names``: "一项评估渐冻症基础方治疗…"), or leaves the record's subject to
    the one therapy its intervention or purpose rows name ("研究目的: | …自体骨髓间充质干细胞…")."""
    if not fields:
        return None  # no record (``record_fields``)
    head = [item for item in sentences if item.sentence.start < RECORD_HEAD_CHARS]
    # The record's title: its "Public title:" line where it has one (the WHO registry platform
    # opens with its own name), else its first paragraph.
    title = [item for item in head if patterns.RECORD_TITLE_FIELD.search(item.view.folded)] or [
        item for item in head if item.sentence.paragraph == head[0].sentence.paragraph
    ]
    codes = {
        code_id(m.group("name"))
        for item in title
        for m in patterns.CODE_NAME.finditer(item.view.folded)
        if not any(t.start <= m.start() < t.end for t in item.mentions) and not not_a_therapy(m)
    }
    listed = {m.therapy for item in title for m in item.mentions if m.therapy not in classes}
    if codes and not listed:
        # "A Study of VX-9981 in Adults Taking Riluzole": a code the lexicon lacks is the subject
        return codes.pop() if len(codes) == 1 else None
    named: set[str] = set()
    for item in title:
        background = background_mentions(item.view.folded, list(item.mentions))
        named.update(
            m.therapy
            for i, m in enumerate(item.mentions)
            if m.therapy not in classes and i not in background
        )
    if named or any(item.mentions for item in title):
        return named.pop() if len(named) == 1 else None
    if cn_names is not None:
        named = {
            m.group()
            for item in title
            for m in cn_names.finditer(item.view.folded)
            if not patterns.GENERIC_ARM.match(m.group())
        }
        if named:
            return named.pop() if len(named) == 1 else None
    rows = {
        item.sentence.paragraph
        for item in sentences
        if patterns.RECORD_TREATMENT_ROW.match(item.view.folded)
    }
    named = set()
    for item in (item for item in sentences if item.sentence.paragraph in rows):
        if patterns.CODE_NAME.search(item.view.folded):
            return None  # "Drug: NX-740; Drug: Riluzole": a code the lexicon lacks is the drug
        background = background_mentions(item.view.folded, list(item.mentions))
        named.update(
            m.therapy
            for i, m in enumerate(item.mentions)
            if i not in background and not patterns.ROW_CARE_AFTER.match(item.view.folded, m.end)
        )
        named.update(
            _without_lead_in(m.group("name"))
            for m in patterns.ROW_PRODUCT.finditer(item.view.folded)
            if not patterns.GENERIC_ARM.match(m.group("name"))
        )
    return named.pop() if len(named) == 1 else None


def _without_lead_in(name: str) -> str:
    """ "评价参芪益髓颗粒" -> "参芪益髓颗粒": what a study does to a product is no part of its name."""
    lead_in = [*patterns.NAME_LEAD_IN.finditer(name)]
    return name[lead_in[-1].end() :] if lead_in and len(name) - lead_in[-1].end() >= 3 else name


def masked_spans(item: SentenceInput, markers: list[Marker]) -> list[tuple[int, int]]:
    """Markers, URLs, inline sources and titles: nothing in them is a claim attribute."""
    view = item.view.folded
    spans = [
        (view_position(item.view, m.start), view_position(item.view, m.end - 1) + 1)
        for m in markers
    ]
    for regex in (
        patterns.URL,
        patterns.INLINE_SOURCE,
        patterns.MARKDOWN_LINK,
        patterns.TITLE_SPAN,
    ):
        spans.extend((m.start(), m.end()) for m in finditer(regex, view))
    if spans:
        for m in patterns.MARKER_YEAR.finditer(view):
            if any(end <= m.start() <= end + 1 for _, end in spans):
                spans.append((m.start(), m.end()))
    return spans


def view_position(view: MappedText, original: int) -> int:
    """The first view position at or after ``original`` (offsets only ever grow)."""
    return min(bisect_left(view.offsets, original), len(view.text))


def select_mentions(
    item: SentenceInput,
    masked: str,
    lexicon: Lexicon,
    classes: frozenset[str],
    antecedent: str | None = None,
    common: Callable[[str], bool] | None = None,
    drug_names: re.Pattern | None = None,
    ahead: str | None = None,
    cn_names: re.Pattern | None = None,
    same_as: Mapping[str, str] | None = None,
) -> list[TherapyMention]:
    """The therapies ``item`` names: the tokenizer's lexicon mentions, unlisted Chinese names,
    list members, names the article calls a drug elsewhere (``drug_names``), code and INN names,
    and descriptions ("该药") of the ``antecedent``; less classes, examples, parts of a
    combination, inventories and background."""
    view = item.view.folded
    mentions = [m for m in item.mentions if masked[m.start : m.end].strip()]
    if lexicon.combinations and mentions:
        mentions = as_combinations(masked, mentions, lexicon.combinations)
    if len(mentions) > 1 and any(cue in masked for cue in patterns.ALSO_KNOWN_AS_CUES):
        mentions = without_glosses(masked, mentions)
    for found in (
        chinese_names(item.view.text, masked, item.words, common, mentions) if common else [],
        [(*span, "LIST_MEMBER") for span in list_members(masked, mentions)],
    ):
        for start, end, rule in found:
            if not any(x.start < end and start < x.end for x in mentions):
                name = masked[start:end]
                known = lexicon.canonical(name)
                if known is None and rule == "CELL_THERAPY":
                    known = _cell_class(name, lexicon)
                therapy = known or name
                mentions.append(TherapyMention(start, end, therapy, known is None, rule))
    latin = patterns.LATIN.search(masked) is not None
    if drug_names is not None and latin:
        mentions.extend(
            context_names(drug_names, masked, item.view.text, lexicon, mentions, same_as)
        )
    for m in cn_names.finditer(masked) if cn_names is not None else ():
        if not any(x.start < m.end() and m.start() < x.end for x in mentions):
            name = m.group()
            if name in (same_as or {}):
                rule = "a listed name in another script (glossed, or in katakana or hangul)"
                mentions.append(TherapyMention(m.start(), m.end(), same_as[name], False, rule))
                continue
            rule = "CN_NAME_CONTEXTS: the article names it where only a drug can stand"
            mentions.append(
                TherapyMention(m.start(), m.end(), lexicon.canonical(name) or name, True, rule)
            )
    # Code and INN names are Latin letters; a sentence without any has none.
    names = (
        (
            ("CODE_NAME", patterns.CODE_NAME.finditer(masked)),
            ("INN_NAME", finditer(patterns.INN_NAME, masked)),
        )
        if latin
        else ()
    )
    for rule, matches in names:
        for m in matches:
            name = m.group("name")
            overlapping = [x for x in mentions if x.start < m.end() and m.start() < x.end]
            base = m.groupdict().get("base")
            if (
                overlapping
                and not not_a_therapy(m)
                and base not in (None, name)
                and all(m.start() <= x.start and x.end <= m.end() for x in overlapping)
                # "AMX0035-naive": a listed code goes on in words, not in named parts.
                and not any(x.start == m.start() and x.end == m.end("base") for x in overlapping)
            ):
                # "XQ12-NPC-BDNF": a code in named parts is one name, not the names inside it.
                mentions = [x for x in mentions if x not in overlapping]
                overlapping = []
            if (
                not_a_therapy(m)
                or overlapping
                or patterns.TRIAL_NAME_BEFORE.search(masked, max(0, m.start() - 10), m.start())
            ):
                continue
            therapy = _therapy_id(name, lexicon)
            known = lexicon.canonical(name) is not None
            mentions.append(TherapyMention(m.start(), m.end(), therapy, not known, rule))
    if not mentions:
        return _descriptions(masked, [], antecedent, ahead) if antecedent or ahead else []
    mentions.sort(key=lambda m: m.start)
    if any(m.therapy not in classes for m in mentions):
        # "自体间充质干细胞疗法NurOwn": the class describes the product, it is not the subject.
        mentions = [m for m in mentions if m.therapy not in classes]
    if any(m.therapy in classes for m in mentions):
        # "iPSC-based drug repurposing", "iPSC疾病模型": cells as a method or a model, no therapy.
        mentions = [
            m
            for m in mentions
            if m.therapy not in classes or not patterns.CELLS_AS_A_METHOD.match(masked, m.end)
        ]
    # "(如过表达BDNF)": an example in parentheses is not the subject.
    examples = [g for g in paren_groups(view) if patterns.EXAMPLE_OPENER.match(view, g[0] + 1)]
    mentions = [m for m in mentions if not any(g[0] < m.start and m.end <= g[1] for g in examples)]
    parts = components(view, mentions)
    mentions = [m for i, m in enumerate(mentions) if i not in parts]
    if is_inventory(masked, mentions):
        return []
    background = background_mentions(view, mentions)
    foreground = [m for i, m in enumerate(mentions) if i not in background]
    # Background alone still names the sentence's therapies, unless the names are eligibility
    # criteria ("Eligibility criteria included … riluzole treatment >3 months") or the control
    # arm's ("… or riluzole was given to the control group"): the sentence is about the trial
    # its topic is.
    # (not a care named as what the patients of another named drug also take: the other is it)
    cared = care_after_another(view, mentions) if not foreground else set()
    # (a drug the sentence gives the control arm is that arm's wherever it names it)
    controls = {m.therapy for m in mentions if control_arm(view, m)} if not foreground else set()
    selected = foreground or [
        m
        for i, m in enumerate(mentions)
        if not _eligibility(view, m) and m.therapy not in controls and i not in cared
    ]
    described = _descriptions(masked, selected, antecedent, ahead)
    return sorted([*selected, *described], key=lambda m: m.start)


# Common words (jieba's dictionary frequency) are vocabulary, not parts of a drug's name.
COMMON_WORD_FREQUENCY = 500


COMMON_CHARACTER_FREQUENCY = 50000


def common_word(frequency: Mapping[str, int]) -> Callable[[str], bool]:
    def common(word: str) -> bool:
        if word in patterns.NAME_STOP_WORDS or "细胞" in word:
            return True
        limit = COMMON_CHARACTER_FREQUENCY if len(word) == 1 else COMMON_WORD_FREQUENCY
        return frequency.get(word, 0) >= limit

    return common


def chinese_names(
    view: str,
    masked: str,
    words: Sequence[str],
    common: Callable[[str], bool],
    known: Sequence[TherapyMention] = (),
) -> list[tuple[int, int, str]]:
    """Spans of unlisted Chinese therapy names: a drug-name ending ("硝酮嗪", "参蓉颗粒") and the
    uncommon words before it ("证明/硝酮/嗪" → "硝酮嗪"), and cell therapies by their source.

    ``words`` are the segmenter's words of ``view``; ``masked`` is ``view`` folded, with titles,
    links and markers blanked, where no name is looked for; names ``known`` already are skipped.
    """
    found = []
    spans = None
    for m in finditer(patterns.CN_NAME_ENDING, masked):
        if any(k.start < m.end() and m.start() < k.end for k in known):
            continue  # "利鲁唑": a lexicon name
        if spans is None:
            spans = _word_spans(view, words)
        start = m.start()
        for word_start, word_end in reversed([s for s in spans if s[1] <= m.start()]):
            word = masked[word_start:word_end]
            if (
                word_end != start
                or not patterns.CJK_WORD.fullmatch(word)
                or common(word)
                or patterns.TRIAL_VERB.fullmatch(word)
            ):
                break
            start = word_start
        if start < m.start():  # a bare ending ("注射液") is no name
            found.append((start, m.end(), "CN_NAME_ENDING"))
    found.extend((*m.span(), "CELL_THERAPY") for m in finditer(patterns.CELL_THERAPY, masked))
    return found


@dataclass(frozen=True)
class UnlistedNames:
    """What one pass over the article's Latin text finds of names the lexicon does not know.

    ``drug_names``: names used where only a drug can stand ("药物Pimozide", "Tamoxifen 40 mg",
    "PrimeC or a placebo", "regimen E: trehalose"), as one pattern that finds them anywhere in
    the article (None when there are none); ``counts``: code and INN names by therapy id, for
    telling the article's subject.
    """

    drug_names: re.Pattern | None = None
    counts: Mapping[str, int] = field(default_factory=dict)
    # Chinese names where only a drug can stand ("X组和安慰剂组")
    cn_names: re.Pattern | None = None
    # sentences that are table rows a PDF glued together (``glued_row_sentences``)
    glued_rows: frozenset[int] = frozenset()
    # another name of an unlisted therapy: a formula's acronym ("jwsjz") -> its name's id
    same_as: Mapping[str, str] = field(default_factory=dict)
    # codes the text names as a scan's tracer ("[11C]PBR28-PET"): no therapy anywhere in it
    tracers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sentences: Sequence[SentenceInput], lexicon: Lexicon) -> UnlistedNames:
        names: set[str] = set()
        cn_names: set[str] = set()
        same_as: dict[str, str] = {}
        counts: dict[str, int] = {}
        spaced: Counter[str] = Counter()  # codes written with a space ("AEOL 10150")
        as_drug: set[str] = set()  # ... named as a drug at least once
        # Chinese names in drug-only contexts, read once over the whole text (a name the
        # lexicon knows is its own mention already).
        text = "\n".join(item.view.folded for item in sentences)
        # "[11C]PBR28-PET": a tracer, wherever the text names it
        tracers = {
            code_id(m.group(m.lastgroup))
            for m in (patterns.TRACER.finditer(text) if "pet" in text or "spect" in text else ())
            if lexicon.canonical(m.group(m.lastgroup)) is None
        }
        for start, end in () if text.isascii() else chinese_context_names(text):
            if lexicon.canonical(text[start:end]) is None:
                cn_names.add(text[start:end])
        # "脑机接口公司“神经连接”(Neuralink)", "Neuralink（神经连接）": a Chinese name glossed with
        # a listed one is that therapy, wherever the text names it so.
        for cn, latin in () if text.isascii() else glossed_chinese_names(text):
            known = lexicon.canonical(latin)
            if known is not None and lexicon.canonical(cn) is None:
                cn_names.add(cn)
                same_as[cn] = known
        # "エダラボン", "리루졸과": a listed name in katakana or hangul, read by its sounds
        for word in () if text.isascii() else transcribed_names(text):
            known = lexicon.by_sound(word.split("-")[0])
            if known is not None:
                cn_names.add(word)
                same_as[word] = known
        # "priodopidine", "Relyviro": a listed name with one letter wrong is that name (each
        # word of the article once).
        names.update(
            w
            for w in set(LONG_WORD.findall(text))
            if lexicon.starts_as_a_long_name(w) and lexicon.misspelt(w)
        )
        names.update(drug_column_names(sentences, lexicon))
        glued_rows = frozenset(glued_row_sentences(sentences))
        formulas = _FORMULA_FORM.search(text) is not None  # a form of Chinese medicine named
        herbal = formulas and patterns.HERBAL_CONTEXT.search(text) is not None
        names.update(glued_row_names(sentences, lexicon, glued_rows))
        for item in sentences:
            view = item.view.folded
            if not patterns.LATIN.search(view):
                continue
            if ":" in view:
                for name in intervention_fields(item.view.text):
                    if _unlisted(name, lexicon):
                        names.add(name)
            for m in (
                *finditer(patterns.CONTEXT_NAME, view),
                *finditer(patterns.NAMED_NAME, view),
            ):
                name = m.group(m.lastgroup)
                written = item.view.text[m.start(m.lastgroup) : m.end(m.lastgroup)]
                if m.lastgroup in _CAPITALISED_GROUPS and written.islower():
                    continue  # "a wireless BCI": a device's name is written capitalised
                if m.lastgroup in _NAMED_GROUPS and _PHRASE_GOES_ON.match(
                    item.view.text, m.end(m.lastgroup)
                ):
                    continue  # "被称为Brain-Computer Interface", "named Innovation of the Year"
                if _A_STUDY_AFTER.match(view, m.end(m.lastgroup)):
                    continue  # "名为“PRIME(精准机器人植入脑机接口的缩写)”研究": a study's name
                if m.lastgroup == "introduced" and not _NAME_SHAPE.search(written):
                    continue  # "Experimental Drug Shows Promise": a headline's word, no name
                if len(name) <= 4 and (
                    not written.isupper()
                    or patterns.NOT_A_TRIAL_NAME.match(written)
                    or _STUDY_OR_FILING_AFTER.match(view, m.end(m.lastgroup))
                ):
                    continue  # "脑机接口NEO": a short name in capitals; not "新药DDI研究"
                if written.islower() and _INFLECTED.search(name):
                    continue  # "daily administrated 50mg", "orally dosed 30 mg": a verb, no name
                if m.lastgroup in ("numbered", "apposed") and _NOT_AN_ARMS_NAME.search(name):
                    continue  # "Drug 3 (completed)", "A third drug, unfortunately,"
                if name.isalpha() and ENGLISH_ENDING.search(name):
                    continue  # "“Assessment of Safety of …”": a study title's word, no name
                if name not in patterns.NOT_A_CONTEXT_NAME and _unlisted(name, lexicon):
                    names.add(name)
            if "(" in item.view.text:
                for m in patterns.DEVICE_DEFINED.finditer(item.view.text):
                    name = _device_name(m.group("words").split(), m.group("acr"))
                    if name and _unlisted(name, lexicon):
                        names.add(name)
            for name, acronym in formula_names(item.view.text, view, herbal) if formulas else ():
                if _unlisted(name, lexicon):
                    names.add(name)
                    if acronym and _unlisted(acronym, lexicon):
                        names.add(acronym)
                        same_as[acronym] = _therapy_id(name, lexicon)
            if "®" in item.view.text or "™" in item.view.text:
                for m in patterns.MARKED_NAME.finditer(item.view.text):
                    name = m.group("name").lower()
                    given = patterns.GIVEN_BEFORE_MARK.search(
                        item.view.text, max(0, m.start() - 40), m.start()
                    ) or patterns.GIVEN_AFTER_MARK.match(item.view.text, m.end())
                    if (
                        given
                        and name not in patterns.NOT_A_CONTEXT_NAME
                        and _unlisted(name, lexicon)
                    ):
                        names.add(name)
            if patterns.DIGIT.search(view):
                written = item.view.text
                for m in patterns.SPACED_CODE.finditer(written):
                    code = m.group("name").lower()
                    spaced[code] += 1
                    if patterns.SPACED_CODE_AS_DRUG.search(
                        written[max(0, m.start() - 30) : m.start()].lower()
                    ):
                        as_drug.add(code)
                found = [*patterns.CODE_NAME.finditer(view), *finditer(patterns.INN_NAME, view)]
            else:
                found = list(finditer(patterns.INN_NAME, view))
            for m in found:
                if _unlisted(m.group("name"), lexicon, m.groupdict().get("base")):
                    therapy = code_id(m.group("name"))
                    counts[therapy] = counts.get(therapy, 0) + 1
        for short, known in short_drug_names("\n".join(i.view.text for i in sentences), lexicon):
            names.add(short)
            if known is not None:
                same_as[short] = known
        names.update(
            code
            for code, n in spaced.items()
            if n >= 2 and code in as_drug and _unlisted(code.replace(" ", ""), lexicon)
        )
        drug_names = _any_of(names, r"(?<![a-z0-9-])(?:{})" + _NAME_END)
        # A name used where only a drug can stand counts, every time it is named, towards the
        # article's subject ("…of 2 mg/kg ILB® … 11 patients were recruited …").
        for m in drug_names.finditer(text) if drug_names is not None else ():
            therapy = same_as.get(m.group()) or _therapy_id(m.group(), lexicon)
            counts[therapy] = counts.get(therapy, 0) + 1
        # ... and so does a Chinese product's ("评价藿苓生肌颗粒治疗…" in a registry record's titles
        # and aim: a drug's ending, a formula's form or a transliteration; not "干细胞疗法")
        cn_pattern = _any_of(cn_names, "(?:{})")
        products = _any_of({n for n in cn_names if _a_product_name(n, lexicon)}, "(?:{})")
        for m in products.finditer(text) if products is not None else ():
            counts[m.group()] = counts.get(m.group(), 0) + 1
        counts = {therapy: n for therapy, n in counts.items() if therapy not in tracers}
        return cls(drug_names, counts, cn_pattern, glued_rows, same_as, frozenset(tracers))


def transcribed_names(text: str) -> set[str]:
    """The katakana runs of a text, and its hangul runs with and without a particle at the end:
    the words a name in those scripts may be."""
    words = set(sounds.KATAKANA_RUN.findall(text))
    for run in set(sounds.HANGUL_RUN.findall(text)):
        words.update(sounds.hangul_stems(run))
    return words


def short_drug_names(text: str, lexicon: Lexicon) -> list[tuple[str, str | None]]:
    """Short names in capitals the text uses as drugs ("weekly doses of ILB", "ILB
    administration"), lower-cased: each named more than once, and none a route, a disease, an
    agency or a kind of care. Each comes with the listed therapy it abbreviates, where the text
    defines it so ("glatiramer acetate (GA)") or names that therapy in words whose initials it is
    ("glatiramer acetate … doses of GA"), else None; one the text defines as another phrase ("the
    riluzole arm (RA)") is none."""
    if not patterns.SHORT_DRUG_CUE.search(text):
        return []
    found = {
        m.group("name")
        for pattern in (patterns.SHORT_DRUG_BEFORE, patterns.SHORT_DRUG_AFTER)
        for m in pattern.finditer(text)
    }
    names = []
    for name in found:
        if (
            name in patterns.NOT_A_SHORT_DRUG
            or patterns.NOT_A_TRIAL_NAME.match(name)
            or len(re.findall(rf"(?<![\w-]){name}(?![\w-])", text)) < patterns.SHORT_NAME_USES
        ):
            continue
        defined = _defined_as(text, name)
        known = _listed_as(defined, lexicon) if defined else _initials_of(text, name, lexicon)
        if known is not None or (defined is None and _unlisted(name.lower(), lexicon)):
            names.append((name.lower(), known))
    return names


def _defined_as(text: str, short: str) -> list[str] | None:
    """The words the text defines ``short`` as, right before it in brackets ("glatiramer acetate
    (GA)" → ["glatiramer", "acetate"]), else None (up to three words)."""
    m = re.search(rf"((?:[\w-]+\s+){{0,2}}[\w-]+)\s*[(（]\s*{short}\s*[)）]", text)
    return m.group(1).lower().split() if m else None


def _listed_as(words: list[str], lexicon: Lexicon) -> str | None:
    """The listed therapy the last of ``words`` name ("… of glatiramer acetate"), else None."""
    for k in range(len(words)):
        known = lexicon.canonical(" ".join(words[k:]))
        if known is not None:
            return known
    return None


def _initials_of(text: str, short: str, lexicon: Lexicon) -> str | None:
    """The listed therapy of the several-word name the text holds whose initials ``short`` is."""
    initials = r"\s+".join(rf"{c}[\w-]*" for c in short.lower())
    for m in re.finditer(rf"\b{initials}\b", text, re.IGNORECASE):
        known = lexicon.canonical(m.group())
        if known is not None:
            return known
    return None


# A Chinese name beside a Latin one in brackets, either way round: "“神经连接”(Neuralink)",
# "Neuralink（神经连接）" (the Chinese name quoted, or standing after no other Han character).
_GLOSSED_CHINESE = re.compile(
    rf"(?:[“\"「『](?P<cn>[{CJK_CHARACTERS}]{{2,8}})[”\"」』]|(?<![{CJK_CHARACTERS}])(?P<cn2>[{CJK_CHARACTERS}]{{2,6}}))"
    r"\s*[(（]\s*(?P<latin>[a-z][a-z0-9 .-]{1,30}?)\s*[)）]"
    rf"|(?<![a-z0-9])(?P<latin2>[a-z][a-z0-9.-]{{1,30}})\s*[(（]\s*[“\"「『]?(?P<cn3>[{CJK_CHARACTERS}]{{2,8}})[”\"」』]?\s*[)）]"
)


# Words a bracket beside a name may hold that name nothing: "ASO药物（tofersen）", "Qalsody（加速批准）".
_NOT_A_GLOSS = re.compile(
    r"药物|新药|药品|疗法|产品|批准|获批|上市|试验|研究|治疗|公司|申请|名称|商品名|通用名|简称|英文|中文"
)


_OPEN_BRACKET = re.compile(r"[(（]")


def glossed_chinese_names(text: str) -> list[tuple[str, str]]:
    """(Chinese name, Latin name) for each name glossed in brackets (read around each bracket
    only: a scan of the whole text would cost a few per cent of an ingest)."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for bracket in _OPEN_BRACKET.finditer(text):
        at = bracket.start()
        inside = text[at + 1 : at + 3].lstrip()
        before = text[max(0, at - 2) : at].rstrip()
        if not (inside[:1].isascii() and inside[:1].isalpha()) and not (
            before[-1:].isascii() and before[-1:].isalnum()
        ):
            continue  # no Latin name inside the bracket nor right before it
        m = _GLOSSED_CHINESE.search(text, max(0, at - 12), at + 40)
        if m is None or m.span() in found:
            continue
        cn = m.group("cn") or m.group("cn2") or m.group("cn3")
        if not _NOT_A_GLOSS.search(cn):
            found[m.span()] = (cn, m.group("latin") or m.group("latin2"))
    return list(found.values())


def _a_product_name(name: str, lexicon: Lexicon) -> bool:
    """A Chinese product named with its form ("藿苓生肌颗粒", "益髓通络方"); not a drug's bare name
    ("替扎尼定" a page's patients may keep taking), nor a listed drug's form ("依达拉奉舌下片")."""
    if patterns.CN_FORMULA_FORM_END.search(name) is None:
        return False
    return lexicon.canonical(patterns.CN_DOSAGE_FORM_END.sub("", name)) is None


# A table's drug column: its header cell ("Drug", "Intervention", "药物") and the cells that
# separate a row's columns (" / ", "|", a tab).
# (not "Therapy" or "Treatment": a column of approaches, "Small Molecules", "Gene therapy")
_DRUG_HEADER = re.compile(r"(?:drugs?|interventions?|agents?|药物|干预措施)", re.IGNORECASE)
_SEPARATORS = (" / ", "|", "\t")


def pinyin_split(word: str) -> list[str]:
    """``word`` cut into pinyin syllables ("sijunzi": si, jun, zi); [] when it is no pinyin.
    Only the first may open on a vowel (pinyin writes "xi'an" for two): "tea" is no pinyin."""
    word = word.lower()
    back: list[int | None] = [0] + [None] * len(word)  # where the syllable ending here began
    for i in range(len(word)):
        if back[i] is None or (i and word[i] in "aoe"):
            continue
        for j in range(i + 1, min(len(word), i + 6) + 1):
            if back[j] is None and word[i:j] in patterns.PINYIN_SYLLABLES:
                back[j] = i
    if back[-1] is None or not word:
        return []
    cuts, at = [], len(word)
    while at:
        cuts.append(word[back[at] : at])
        at = back[at]
    return cuts[::-1]


def formula_names(text: str, folded: str, herbal: bool = False) -> list[tuple[str, str | None]]:
    """Chinese medicine formulas named in English by their pinyin, with the acronym the text
    gives them: "Jiawei Sijunzi (JWSJZ) decoction" is ("jiawei sijunzi", "jwsjz"); only the
    pinyin words right before the form name it ("Modified Xiaoxuming Decoction": "xiaoxuming"),
    at least three syllables of them. Injections and plasters are any medicine's forms: a pinyin
    name before them ("Shenmai injection", "Ji-Wu-Li plaster", two syllables and more) only in
    an article about Chinese or herbal medicine (``herbal``), not "Routine injections"."""
    if not _FORMULA_FORM.search(folded):
        return []  # most sentences: no form named
    found = []
    for m in patterns.EN_FORMULA.finditer(text):
        form = m.group("form").lower()
        any_medicines = form.startswith(("injection", "plaster"))
        if any_medicines and not herbal:
            continue  # "Routine injections": any medicine's form, outside Chinese medicine
        kept: list[str] = []  # the pinyin words right before the form, each with its mark after
        syllables: list[str] = []  # ... and their syllables
        for word in reversed(re.findall(r"[A-Za-z]+[ -]", m.group("words"))):
            split = pinyin_split(word[:-1])
            if word[:-1].lower() in patterns.NOT_PINYIN or not split:
                break
            kept.insert(0, word.lower())
            syllables[:0] = split
        # (a "formula" named by one word is as likely a person's: "the Tanaka formula")
        if len(syllables) >= (2 if any_medicines else 3) and (
            len(kept) >= 2 or not form.startswith("formula")
        ):
            acronym = (m.group("acr") or "").lower()
            # an acronym of four letters or more, the initials of its words or of its syllables
            # ("JWSJZ": Jia Wei Si Jun Zi): not "(SD)", "(SMS)", "(AND)", that other words are
            initials = {"".join(w[0] for w in kept), "".join(s[0] for s in syllables)}
            if len(acronym) < 4 or acronym not in initials:
                acronym = ""
            # the name as the text joins its words: "ji-wu-li", "buzhong yiqi"
            found.append(("".join(kept)[:-1], acronym or None))
    return found


# EN_FORMULA's forms
_FORMULA_FORM = re.compile("decoction|granule|formula|pill|powder|injection|plaster")


def _device_name(words: list[str], initials: str) -> str | None:
    """ "NeuRx Diaphragm Pacing System" (DPS) is "neurx dps": the brand before the words the
    initials stand for (hyphenated words give one letter a part)."""
    parts = [p for w in words for p in w.split("-")]
    n = len(initials)
    if len(parts) <= n or "".join(p[0] for p in parts[-n:]) != initials:
        return None
    brand = parts[-n - 1]
    if brand in patterns.NOT_A_BRAND or patterns.ADJECTIVE_ENDING.search(brand.lower()):
        return None  # "Implanted Diaphragm Pacing System (DPS)": a kind of device, no brand
    return f"{brand} {initials}".lower()


def glued_row_names(
    sentences: Sequence[SentenceInput], lexicon: Lexicon, rows: frozenset[int]
) -> set[str]:
    """Names at the head of table rows a PDF glued together (``rows``: "Lithium (2012)133D, T,
    N16…" under "Treatment (year) No. patients") that the lexicon does not know."""
    found: set[str] = set()
    for item in sentences:
        row = patterns.GLUED_ROW.match(item.view.folded) if item.sentence.index in rows else None
        if row and _unlisted(row.group("name"), lexicon):
            found.add(row.group("name"))
    return found


def glued_row_sentences(sentences: Sequence[SentenceInput]) -> list[int]:
    """Rows a PDF glued together ("Creatine (2003)175D, T, N16…"), one after another right under
    their header "Treatment (year) No. patients", until a sentence that is no such row."""
    rows: list[int] = []
    under = False
    for item in sentences:
        view = item.view.folded
        if "year" in view and patterns.GLUED_ROW_HEADER.search(view):
            under = True
        elif under and patterns.GLUED_ROW.match(view):
            rows.append(item.sentence.index)
        elif under and rows:
            under = False  # the table ended
    return rows


def drug_column_names(sentences: Sequence[SentenceInput], lexicon: Lexicon) -> set[str]:
    """Folded names in a table's drug column that the lexicon does not know ("Gabapentin /
    Miller et al., 2001 / 204 patients" under "Drug / Study / Patients"): one word, in a row with
    as many cells as its header, until the table ends."""
    found: set[str] = set()
    column: tuple[str, int, int] | None = None  # separator, drug column, cells
    for item in sentences:
        text = item.view.text.strip().strip("|").strip()
        separator = next((sep for sep in _SEPARATORS if sep in text), None)
        if separator is None:
            if len(text) > 60 or text.endswith((".", "。")):
                column = None  # prose: the table ended (a short label row keeps it)
            continue
        cells = [cell.strip() for cell in text.split(separator)]
        k = next((i for i, cell in enumerate(cells) if _DRUG_HEADER.fullmatch(cell)), None)
        if k is not None and len(cells) >= 3:
            column = (separator, k, len(cells))
            continue
        if _HEADER_ROW.fullmatch(cells[0]):
            column = None  # another table's header: "Outcome / Active / Placebo"
            continue
        if column is None or column[0] != separator or len(cells) != column[2]:
            continue
        name = cells[column[1]]
        if (
            _CELL_NAME.fullmatch(name)
            and name.lower() not in _NO_DRUG_CELL
            and name.lower() not in patterns.NOT_A_CONTEXT_NAME
            and _unlisted(name.lower(), lexicon)
        ):
            found.add(name.lower())
    return found


# A drug's name in a cell: one word, a code or a name ("Gabapentin", "AB-1005"), not two
# ("Standard care", "High dose", "Conventional treatment"), nor a table's word for no drug.
_CELL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]{3,}")
_NO_DRUG_CELL = frozenset(
    ["none", "unknown", "other", "others", "control", "standard", "exercise", "total", "overall"]
)
_HEADER_ROW = re.compile(
    r"(?:outcomes?|endpoints?|measures?|characteristics?|variables?|groups?)", re.IGNORECASE
)


def context_names(
    drug_names: re.Pattern,
    masked: str,
    original: str,
    lexicon: Lexicon,
    taken: Sequence[TherapyMention] = (),
    same_as: Mapping[str, str] | None = None,
) -> list[TherapyMention]:
    """The names of ``drug_names`` (the article names them where only a drug can stand) in one
    sentence, apart from those overlapping a mention ``taken`` already."""
    found: list[TherapyMention] = []
    for m in _names_in(drug_names, masked, original):
        if any(x.start < m.end() and m.start() < x.end for x in (*taken, *found)):
            continue
        name = m.group()
        if len(name) <= 5 and name.isalpha() and not original[m.start() : m.end()].isupper():
            continue  # "ILB" is a drug where written in capitals, not "us" where "US" is one
        misspelt = lexicon.misspelt(name)
        if misspelt:
            rule = "a listed name with one letter wrong"
            found.append(TherapyMention(m.start(), m.end(), misspelt, False, rule))
            continue
        therapy = (same_as or {}).get(name) or _therapy_id(name, lexicon)
        rule = "CONTEXT_NAME: the article names it where only a drug can stand"
        found.append(TherapyMention(m.start(), m.end(), therapy, True, rule))
    return found


def _names_in(names: re.Pattern, masked: str, original: str) -> list[re.Match]:
    """Matches of ``names`` (built by :class:`UnlistedNames`), also where a name is glued to the
    next word by a case change in the ``original`` ("…FactorSponsor")."""
    found = list(names.finditer(masked))
    if GLUED_WORDS.search(original):
        loose = _loose(names)
        for m in loose.finditer(masked):
            glued = GLUED_WORDS.match(original, m.end() - 1)
            if glued and not any(f.start() == m.start() for f in found):
                found.append(m)
    return found


_NAME_END = "(?![a-z0-9-])"


@lru_cache(maxsize=64)
def _loose(names: re.Pattern) -> re.Pattern:
    """``names`` without its word end, compiled once per article's pattern."""
    return re.compile(names.pattern.removesuffix(_NAME_END))


# A dose after the drug in an intervention field: "40 mg daily", "10mg/kg"; or a figure the field's
# name stops at, its dose going on past it ("2" of "2.5 mg/kg", "20" of "20 % cream", "2" of
# "2×10^6 cells").
_A_DOSE_IN_NAME = re.compile(
    r"\s\d+(?:[.,]\d+)?\s?(?:mg|g|µg|μg|mcg|ml|mL|iu|IU|units?|cells|%)(?:/\w+)?\b"
)
_A_FIGURE_AT_THE_END = re.compile(r"\s\d+$")
_A_DOSE_GOES_ON = re.compile(r"[.,]\d|\s?%|\s?[×x]\s?10")
_A_PLACEBO_NAME = re.compile(r"(?:matching\s+|matched\s+)?placebos?\b")


def intervention_fields(text: str) -> list[str]:
    """Folded names a registry's intervention fields give ("Drug: Granulocyte Colony
    Stimulating FactorSponsor: …" → "granulocyte colony stimulating factor")."""
    found = []
    for m in patterns.INTERVENTION_FIELD.finditer(text):
        name = m.group("name")
        key = patterns.FIELD_KEY_AFTER_NAME.search(name, 1)
        name = name[: key.start()] if key else name
        dose = _A_DOSE_IN_NAME.search(name, 1)
        name = name[: dose.start()] if dose else name  # "tamoxifen 40 mg daily": tamoxifen
        figure = _A_FIGURE_AT_THE_END.search(name)
        if figure and _A_DOSE_GOES_ON.match(text, m.start("name") + len(name)):
            name = name[: figure.start()]
        name = name.strip()
        if (
            len(name) >= 3
            and name.lower() not in patterns.NOT_A_CONTEXT_NAME
            # ("Drug: Placebo Oral Tablet", "Other: Matching placebo": the control, no drug)
            and not _A_PLACEBO_NAME.match(name.lower())
        ):
            found.append(name.lower())
    return found


def chinese_context_names(view: str) -> list[tuple[int, int]]:
    """Spans of Chinese names where only a drug can stand (patterns.CN_NAME_CONTEXTS): the whole
    run of transliteration characters that ends, or starts, at the context."""
    found = []
    shortest, longest = patterns.CN_NAME_LENGTH
    letters = patterns.TRANSLIT_SET
    for m in (m for regex in patterns.CN_NAME_CONTEXTS for m in finditer(regex, view)):
        if m.lastgroup == "unit":
            dose = patterns.DOSE_BEFORE_UNIT.search(view, max(0, m.start() - 16), m.start())
            if dose is None:
                continue
            end = start = dose.start()
            while start > 0 and view[start - 1] in letters:
                start -= 1
        elif m.lastgroup == "before":
            end = start = m.start()
            while start > 0 and view[start - 1] in letters:
                start -= 1
        else:
            start = end = m.end()
            while end < len(view) and view[end] in letters:
                end += 1
        if shortest <= end - start <= longest:
            found.append((start, end))
    for m in finditer(patterns.CN_FORMULA_TREATS, view):
        head = max(0, m.start() - 30)
        name = patterns.CN_FORMULA_NAME.search(view[head : m.start()])
        if name and not patterns.GENERIC_ARM.match(name.group("name")):
            start, end = head + name.start("name"), head + name.end("name")
            # "一项评估渐冻症基础方治疗…": what the study does to the formula is no part of its name
            found.append((end - len(_without_lead_in(view[start:end])), end))
    for m in finditer(patterns.CN_ARM_NAME, view):
        group = "name" if m.group("name") else "name2"
        if not patterns.GENERIC_ARM.match(m.group(group)):
            found.append(m.span(group))
    return found


def _any_of(names: set[str], template: str) -> re.Pattern | None:
    """One pattern for ``names``, longest first (None for none)."""
    if not names:
        return None
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(template.format(alternatives))


def _cell_class(name: str, lexicon: Lexicon) -> str | None:
    """The lexicon's class of a cell therapy named by its source, if the name says it."""
    return next(
        (c for c, words in patterns.CELL_CLASSES if words.search(name) and lexicon.canonical(c)),
        None,
    )


# An English verb or adverb ("administrated", "receiving", "orally"): no drug name ends so.
_INFLECTED = re.compile(r"(?:ed|ing|ly)$")
# A word in an arm's place that is a status or an adverb, no drug: "completed", "undisclosed",
# "unfortunately", "placebo".
_NOT_AN_ARMS_NAME = re.compile(r"(?:ed|ly|ing|ous|ive|al)$|^placebo$")
# Names that are written capitalised where they are names: a device's maker or a name introduced
# by "called" / "名为" ("a wireless BCI", "a device called home" are no names).
_CAPITALISED_GROUPS = frozenset(["device", "implanter", "developer", "named", "named2", "named3"])
_NAMED_GROUPS = frozenset(["named", "named2", "named3"])
# A capitalised phrase, not a name: another capitalised word or "of" after it.
_PHRASE_GOES_ON = re.compile(r"\s+(?:of\b|[A-Z])")
# What a name introduced by its kind looks like as written: a digit or hyphen, capitals only, or
# a capital inside ("ALN-SOD", "AB101", "NurOwn"); a headline's title-case word is none.
_NAME_SHAPE = re.compile(r"[\d-]|^[A-Z]{3,}$|^.+[A-Z]")
# A study named, its gloss and a closing quote between: "名为“PRIME(…的缩写)”研究".
_A_STUDY_AFTER = re.compile(
    r"\s*(?:[(（][^()（）]{0,40}[)）])?\s*[”\"」』]?\s*(?:研究|试验|临床试验|study|trial)"
)
# A study or a filing named after a short abbreviation: "新药DDI研究", "新药CTA申请".
_STUDY_OR_FILING_AFTER = re.compile(r"\s*(?:研究|申请|试验|临床|资格|认定|study|application)")


def _therapy_id(name: str, lexicon: Lexicon) -> str:
    """A name's therapy id: the lexicon's, also for a recombinant form of a listed protein
    ("rhCNTF" is CNTF's), else the name's letters and digits."""
    bare = patterns.RECOMBINANT_PREFIX.sub("", name)
    return (
        lexicon.canonical(name)
        or (lexicon.canonical(bare) if bare != name else None)
        or code_id(name)
    )


def code_id(name: str) -> str:
    """An unlisted name's therapy id: its letters and digits ("ARO-SOD1" -> "arosod1")."""
    return re.sub(r"[^a-z0-9]", "", name)


def without_glosses(view: str, mentions: list[TherapyMention]) -> list[TherapyMention]:
    """A name given as another name of what came before ("sodium phenylbutyrate and taurursodiol
    [also known as ursodoxicoltaurine]", "依达拉奉（又称MCI-186）") is no mention of its own."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return [
        m
        for i, m in enumerate(ordered)
        if not (i > 0 and patterns.ALSO_KNOWN_AS.fullmatch(view, ordered[i - 1].end, m.start))
    ]


def as_combinations(
    view: str, mentions: list[TherapyMention], combinations: Mapping[str, str]
) -> list[TherapyMention]:
    """Parts of a fixed combination joined by a hyphen or slash name the combination."""
    out: list[TherapyMention] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    i = 0
    while i < len(ordered):
        m = ordered[i]
        combination = combinations.get(m.therapy)
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if combination is None:
            out.append(m)
            i += 1
            continue
        rule = f"COMBINATION: parts of {combination} joined as one name"
        if (
            nxt is not None
            and combinations.get(nxt.therapy) == combination
            and nxt.therapy != m.therapy
            and patterns.COMBINATION_GLUE.fullmatch(view, m.end, nxt.start)
        ):
            out.append(TherapyMention(m.start, nxt.end, combination, False, rule))
            i += 2
            continue
        part = patterns.UNLISTED_PART.match(view, m.end)
        if part and (nxt is None or nxt.start >= part.end()):
            out.append(TherapyMention(m.start, part.end(), combination, False, rule))
        else:
            out.append(m)
        i += 1
    return out


def not_a_therapy(m: re.Match) -> bool:
    """A code or INN name that is a gene, scale, registry number or the like, or a code whose
    first part is one ("COVID-19-related" goes no further than "covid-19")."""
    return _no_therapy_name(m.group("name"), m.groupdict().get("base"))


def _no_therapy_name(name: str, base: str | None = None) -> bool:
    return bool(patterns.NOT_A_THERAPY.match(name) or (base and patterns.NOT_A_THERAPY.match(base)))


def _unlisted(name: str, lexicon: Lexicon, base: str | None = None) -> bool:
    """A name the lexicon does not know that is no gene, scale or registry number (nor is the
    code it goes on from, ``base``)."""
    return not _no_therapy_name(name, base) and lexicon.canonical(name) is None


def _word_spans(view: str, words: Sequence[str]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for word in words:
        start = view.find(word, position)
        if start < 0:
            continue
        spans.append((start, start + len(word)))
        position = start + len(word)
    return spans


def list_members(view: str, mentions: Sequence[TherapyMention]) -> list[tuple[int, int]]:
    """Unlisted names in a list of therapies: "…, memantine, AMX0035, trazodone, CNM-Au8, …"."""
    if len(mentions) < 2:
        return []
    ends = {m.end for m in mentions}
    starts = {m.start for m in mentions}
    found = []
    for m in patterns.LIST_MEMBER.finditer(view):
        before = view[: m.start("name")].rstrip(" ,、")
        before = re.sub(r"\s*\b(and|or)$", "", before)
        after = patterns.LIST_SEPARATOR.match(view, m.end("name"))
        if (len(before) in ends or (after and after.end() in starts)) and not (
            # "matched for age, gender and riluzole use": a covariate, no therapy
            has_cue(patterns.COVARIATE_BEFORE, view)
            and patterns.COVARIATE_BEFORE.search(
                view, max(0, m.start("name") - 60), m.start("name")
            )
        ):
            found.append(m.span("name"))
    return found


# Between a description and the name it introduces: "the drug riluzole", "its drug, masitinib",
# "该药物（依达拉奉）".
APPOSITION = re.compile(r"[\s,，:：(（]{0,3}")


def _descriptions(
    masked: str, mentions: list[TherapyMention], antecedent: str | None, ahead: str | None = None
) -> list[TherapyMention]:
    """ "该药" / "the drug": the therapy named last before it in the sentence, else the antecedent;
    before any therapy is named ("… after the drug failed", a news lead), the one the text goes on
    to name first (``ahead``). A description with the name right after it ("the drug riluzole",
    "its drug, masitinib") is that name's, not another's."""
    found = []
    descriptions = [*finditer(patterns.ANAPHOR, masked)]
    # A company's product by description stands for a name only where the sentence has none.
    products = (
        []
        if mentions
        else [
            *finditer(patterns.PRODUCT_DESCRIPTION, masked),
            *finditer(patterns.PRODUCT_DEVELOPED_BY, masked),
        ]
    )
    if products:
        descriptions = sorted([*descriptions, *products], key=lambda m: m.start())
    for m in descriptions:
        if any(x.start < m.end() and m.start() < x.end for x in mentions):
            continue
        if any(
            APPOSITION.fullmatch(masked, m.end(), x.start) for x in mentions if x.start >= m.end()
        ):
            continue
        earlier = [x for x in mentions if x.end <= m.start()]
        if earlier:
            therapy, unlisted = earlier[-1].therapy, earlier[-1].unlisted
            rule = f"ANAPHOR '{m.group()}': the therapy named before it in the sentence"
        elif antecedent is not None:
            therapy, unlisted = antecedent, False
            rule = f"ANAPHOR '{m.group()}': the therapy the text was last about"
        elif ahead is not None:
            therapy, unlisted = ahead, False
            rule = f"ANAPHOR '{m.group()}': no therapy named yet, the one the text names first"
        else:
            continue
        found.append(TherapyMention(m.start(), m.end(), therapy, unlisted, rule))
    return found


def components(view: str, mentions: Sequence[TherapyMention]) -> set[int]:
    """Indexes of mentions that are parts of a named combination, not therapies of their own:
    a parenthesis right after a name describes it ("AMX0035 (sodium phenylbutyrate and
    taurursodiol)"), and a name alone in a parenthesis names what the words before it describe
    ("苯丁酸钠和牛磺二醇口服固定剂量配方(AMX0035)")."""
    found: set[int] = set()
    if len(mentions) > 2:
        found.update(_combined(view, mentions))
    for start, end in paren_groups(view) if len(mentions) > 1 else ():
        inside = [i for i, m in enumerate(mentions) if start < m.start and m.end <= end]
        if not inside:
            continue
        named = mentions[inside[0]]
        before = [i for i, m in enumerate(mentions) if m.end <= start]
        if before and not view[mentions[before[-1]].end : start].strip():
            owner = mentions[before[-1]].therapy
            found.update(i for i in inside if mentions[i].therapy != owner)
        elif (
            len(inside) == 1
            and not view[start + 1 : end - 1].replace(view[named.start : named.end], "").strip()
            # "…on top of standard of care (riluzole)": the words describe the background.
            and not _is_background(view, named)
        ):
            clause_start = max(view.rfind(c, 0, start) for c in "，,；;。:：") + 1
            found.update(
                i
                for i in before
                if mentions[i].start >= clause_start and mentions[i].therapy != named.therapy
            )
    return found


def _combined(view: str, mentions: Sequence[TherapyMention]) -> set[int]:
    """ "Relyvrio是两种药物苯丁酸钠和牛磺酸二醇的复方制剂": the names after the product, up to the
    word that says it combines them, are its parts."""
    cue = patterns.COMBINATION_OF.search(view)
    if cue is None:
        return set()
    product = mentions[0]
    if product.end > cue.start():
        return set()
    return {
        i
        for i, m in enumerate(mentions)
        if i > 0 and m.therapy != product.therapy and m.start < cue.end() + 60
    }


def background_mentions(view: str, mentions: list[TherapyMention]) -> set[int]:
    """Indexes of background mentions; the cue reaches along a list ("stable doses of riluzole and/or edaravone")."""
    found: set[int] = set()
    on_care = _on_care_beside_another(view, mentions)
    for i, mention in enumerate(mentions):
        gap = view[mentions[i - 1].end : mention.start] if i else ""
        # "… and/or edaravone", "在利鲁唑(Riluzole)的基础上": the list goes on, or the name again.
        follows_background = i - 1 in found and (
            patterns.LIST_GLUE.match(gap)
            # "利鲁唑(Riluzole)", "利鲁唑(商品名Tiglutik)": the same drug named again in brackets
            or (
                mentions[i - 1].therapy == mention.therapy
                and (
                    gap.strip() in ("(", "（")
                    # after a label, only the name: not an aside with facts of its own
                    or (_BRACKET_LABEL.fullmatch(gap) and _BRACKET_CLOSE.match(view, mention.end))
                )
            )
        )
        if i in on_care or _is_background(view, mention) or follows_background:
            found.add(i)
    # (a drug another is likened to starts no list: "Like riluzole, QX-12 …")
    found |= {i for i in range(len(mentions)) if _a_comparison(view, mentions, i)}
    if len(found) == len(mentions) > 1:
        # "标准治疗药物利鲁唑搭配依达拉奉", "在利鲁唑治疗基础上联合依达拉奉": when every name is
        # background, the one joined to the standard care is what the trial adds to it.
        found -= {
            i
            for i in range(1, len(mentions))
            if mentions[i].therapy != mentions[i - 1].therapy
            and _ADDED_TO_CARE.fullmatch(view[mentions[i - 1].end : mentions[i].start])
            and not _eligibility(view, mentions[i - 1])  # "入选标准：在利鲁唑治疗基础上联合X"
        }
    # "一组给予锂和利鲁唑；另一组给予利鲁唑和安慰剂": a drug both arms take is background wherever
    # the sentence names it.
    under = _under_the_added_drug(view, mentions)
    # ... and the drug added to it ("riluzole plus mexiletine") is what the trial tests.
    added = {
        i
        for i in range(1, len(mentions))
        if mentions[i - 1].therapy in under
        and mentions[i].therapy not in under
        and _ADDED_TO.fullmatch(view[mentions[i - 1].end : mentions[i].start])
    }
    both_arms = _in_both_arms(view, mentions) | under
    # "对照组口服利鲁唑；治疗组在口服利鲁唑基础上给予针刺": the control arm's drug is background
    # wherever the sentence names it
    both_arms |= {mentions[i].therapy for i in found if control_arm(view, mentions[i])}
    return (found - added) | {i for i, m in enumerate(mentions) if m.therapy in both_arms}


def _a_comparison(view: str, mentions: list[TherapyMention], i: int) -> bool:
    """ "Like metformin, LB-220 lowers …", "与利鲁唑类似，X…": a drug the sentence likens another
    drug named after it to, no subject of its own."""
    mention = mentions[i]
    if not patterns.LIKENED_BEFORE.search(view, max(0, mention.start - 24), mention.start):
        return False
    after = patterns.LIKENED_AFTER.match(view, mention.end)
    # (the other drug right after the comma: not "Like edaravone, which the FDA approved in
    # 2017, NRX-51 …", a clause of the likened drug's own facts)
    # (… and not the head of a list: "like verdiperstat, zilucoplan and CNM-Au8")
    return after is not None and any(
        m.therapy != mention.therapy
        and after.end() <= m.start <= after.end() + 16
        and not re.search(r"[,，]", view[after.end() : m.start])
        and not _LIST_GOES_ON.match(view, m.end)
        for m in mentions
    )


_LIST_GOES_ON = re.compile(r"\s*(?:[(（][^()（）]{0,30}[)）]\s*)?(?:[,，、]|and\b|or\b|和|及|与)")


def _on_care_beside_another(view: str, mentions: list[TherapyMention]) -> set[int]:
    """ "纳入400余名正在接受利鲁唑治疗的患者…比较马赛替尼与安慰剂": the care the trial's patients
    are on, beside another drug the sentence names (alone, it may be the study's own drug); "X
    showed no benefit in patients treated with riluzole", "X alongside riluzole": the care named
    after another drug."""
    if len(mentions) < 2:
        return set()
    after_another = care_after_another(view, mentions)
    if "接受" not in view:
        return after_another
    on_care = {i for i, m in enumerate(mentions) if on_care_of_patients(view, m)}
    cared = {mentions[i].therapy for i in on_care}
    if not on_care or all(m.therapy in cared for m in mentions):
        return after_another
    return after_another | (on_care if patterns.TRIAL_ACTIVITY.search(view) else set())


def care_after_another(view: str, mentions: Sequence[TherapyMention]) -> set[int]:
    """Indexes of drugs named as what patients of another drug named before also take: "X showed
    no benefit in patients treated with riluzole", "X alongside riluzole", "还接受…熊去氧胆酸"."""
    found = set()
    for i, m in enumerate(mentions):
        others = [n for n in mentions[:i] if n.therapy != m.therapy]
        if others and (
            _care_closing_the_sentence(view, m, others[-1])
            or _care_beside_in_its_clause(view, m, mentions[i - 1], others)
        ):
            found.add(i)
    return found


def _care_closing_the_sentence(view: str, m: TherapyMention, other: TherapyMention) -> bool:
    """ "Olesoxime, although well tolerated, did not show a benefit in ALS patients treated with
    riluzole.": the patients' care closes the sentence (not "patients treated with edaravone
    declined more slowly": the group studied)."""
    return bool(
        patterns.EN_ON_CARE_BEFORE.search(view, max(0, m.start - 40), m.start)
        and _POPULATION_TAIL.match(view, m.end)
        and not _SENTENCE_PART_BREAK.search(view, other.end, m.start)
    )


def _care_beside_in_its_clause(
    view: str, m: TherapyMention, last: TherapyMention, others: Sequence[TherapyMention]
) -> bool:
    """Another drug named before it in the same clause, and it given as well ("还接受300mg的…",
    "also received") or taken alongside ("taking X alongside riluzole"; ``last`` the mention right
    before it)."""
    if all(_CLAUSE_BREAK.search(view, n.end, m.start) for n in others):
        return False
    return bool(
        patterns.ALSO_GIVEN_BEFORE.search(view, max(0, m.start - 40), m.start)
        or (
            patterns.ALONGSIDE_GAP.fullmatch(view, last.end, m.start)
            and patterns.TAKEN_BEFORE.search(view, max(0, last.start - 30), last.start)
            # ("riluzole in addition to AMX0035 or placebo": the drug tried against placebo)
            and not _OR_PLACEBO_AFTER.match(view, m.end)
        )
    )


_CLAUSE_BREAK = re.compile(r"[,;，；。]")
_SENTENCE_PART_BREAK = re.compile(r"[;；。]")
_POPULATION_TAIL = re.compile(r"\s*(?:[.;,)。，；]|$)")
_OR_PLACEBO_AFTER = re.compile(r"\s*(?:or|versus|vs\.?)\s+(?:a\s+)?(?:matching\s+)?placebo\b")


def on_care_of_patients(view: str, mention: TherapyMention) -> bool:
    """ "正在接受利鲁唑(商品名Tiglutik)治疗的患者": a care the patients already receive."""
    return bool(
        patterns.ON_CARE_BEFORE.search(view, max(0, mention.start - 6), mention.start)
        and patterns.ON_CARE_AFTER.match(view, mention.end)
    )


# What stands between a name and the same drug's other name in brackets: "(", "(商品名", "(brand name ".
_BRACKET_LABEL = re.compile(r"\s*[(（]\s*(?:[^\s,，;；()（）]{1,6}\s*[:：]?\s*)?")


# ... and what may follow that name before the bracket closes: "及仿制药)", not "于2023年…)".
_BRACKET_CLOSE = re.compile(r"[^()（）,，;；。\d]{0,6}[)）]")


def _under_the_added_drug(view: str, mentions: Sequence[TherapyMention]) -> set[str]:
    """A drug named as one arm and again under the drug added to it in the other ("riluzole
    100 mg or riluzole plus mexiletine 300 mg", "利鲁唑组与利鲁唑联合X组"): both arms take it."""
    named = [m.therapy for m in mentions]
    return {
        a.therapy
        for a, b in itertools.pairwise(mentions)
        if a.therapy != b.therapy
        and named.count(a.therapy) >= 2
        and _ADDED_TO.fullmatch(view[a.end : b.start])
    }


# What joins a drug to the one added to it: "plus", "+", "联合", a dose between.
_ADDED_TO = re.compile(
    r"\s*(?:\d+(?:\.\d+)?\s*(?:mg|g|毫克)(?:/(?:kg|day|d|天))?\s*)?(?:plus|\+|联合|加用|合用)\s*"
)


# What joins the standard care to the drug added to it: "搭配", "治疗基础上联合", ") plus".
_ADDED_TO_CARE = re.compile(
    r"\s*[)）]?\s*(?:治疗|疗法|用药)?的?(?:基础上)?[,，]?\s*(?:再|并|同时)?\s*"
    r"(?:联合|搭配|加用|加上|联用|合用|并用|配合|plus|\+|in combination with|combined with)\s*"
)


def _in_both_arms(view: str, mentions: Sequence[TherapyMention]) -> set[str]:
    """Therapies named beside the placebo ("利鲁唑和安慰剂") and, elsewhere in the sentence, beside
    another therapy ("锂和利鲁唑"): both arms take them, so they are the trial's background."""
    if not has_cue(patterns.AND_PLACEBO_AFTER, view):
        return set()
    with_placebo = {
        m.therapy for m in mentions if patterns.AND_PLACEBO_AFTER.match(view, m.end, m.end + 12)
    }
    found = set()
    for a, b in itertools.pairwise(mentions):
        if a.therapy != b.therapy and patterns.LIST_GLUE.match(view[a.end : b.start]):
            found.update(t for t in (a.therapy, b.therapy) if t in with_placebo)
    # Named in each arm: twice at least ("A, B and placebo" names B once, beside the placebo,
    # as one of the drugs compared with it).
    named = [m.therapy for m in mentions]
    return {t for t in found if named.count(t) >= 2}


def control_arm(view: str, mention: TherapyMention) -> bool:
    """The control arm's drug: "Riluzole was administered to the control group", "以利鲁唑为对照",
    "对照组13例，口服利鲁唑片"
    — not a placebo matching the study drug, a low dose of it, those without it, nor the control
    group's switch to it in an extension."""
    return bool(
        (
            patterns.CONTROL_ARM_AFTER.match(view, mention.end, mention.end + 60)
            or patterns.CONTROL_ARM_BEFORE.search(view, max(0, mention.start - 40), mention.start)
        )
        and not patterns.NOT_THE_CONTROL_DRUG.search(
            view, max(0, mention.start - 40), mention.start
        )
        and not patterns.SWITCHED_TO.search(view)
    )


def _eligibility(view: str, mention: TherapyMention) -> bool:
    if has_cue(patterns.ELIGIBILITY, view) and patterns.ELIGIBILITY.search(view, 0, mention.start):
        return True
    return has_cue(patterns.ELIGIBILITY_BEFORE, view) and bool(
        patterns.ELIGIBILITY_BEFORE.search(view, max(0, mention.start - 80), mention.start)
    )


# Whether a span of the sentence last asked about is background: a sentence's mentions are
# asked about twice (when selected, and with the descriptions found then). One slot holding
# (view, answers), replaced whole: threads extracting at once never mix two sentences' answers.
_background_memo: list[tuple[str | None, dict]] = [(None, {})]


def _allowed_alongside(view: str, mention: TherapyMention) -> bool:
    """A drug a trial page names in its field on use alongside the trial ("Edaravone Usage")."""
    return bool(patterns.ALONGSIDE_AFTER.match(view, mention.end))


def _is_background(view: str, mention: TherapyMention) -> bool:
    memo = _background_memo[0]
    if memo[0] is not view:
        memo = (view, {})
        _background_memo[0] = memo
    known = memo[1]
    span = (mention.start, mention.end)
    if span not in known:
        known[span] = _reads_as_background(view, mention)
    return known[span]


_AN_ARM_RECEIVES = re.compile(
    r"\b(?:arm|group)\b[^.;]{0,20}\breceiv\w*\s+$|组[^。；;]{0,8}接受\s*$"
)
_UNDER_TREATMENT = re.compile(r"\bunder treatment with\s*$")
# A drug every arm takes: "… and riluzole twice a day in all", "riluzole for all participants".
_IN_ALL_AFTER = re.compile(
    r"[^,;.()]{0,25}?\b(?:in|to|for) all(?:\s+(?:patients|participants|subjects|arms|groups))?\s*(?:[,;.]|$)"
)


def _reads_as_background(view: str, mention: TherapyMention) -> bool:
    if _eligibility(view, mention):
        return True
    if patterns.EXCLUDED_TAKERS_BEFORE.search(
        view, max(0, mention.start - 50), mention.start
    ) and patterns.EXCLUDED_AFTER.match(view, mention.end):
        return True  # "Patients taking topiramate or gabapentin were excluded from …"
    before = view[max(0, mention.start - 24) : mention.start]
    after = view[mention.end : mention.end + 8]
    if (
        patterns.BACKGROUND_BEFORE.search(before)
        or patterns.HISTORY_AFTER.match(view, mention.end)
        or patterns.ALONGSIDE_AFTER.match(view, mention.end)
    ):
        return True
    if patterns.CARE_PURPOSE_AFTER.match(view, mention.end) and not patterns.TESTED_BEFORE.search(
        view, max(0, mention.start - 40), mention.start
    ):
        return True  # "took tacrolimus to prevent rejection": a care beside the trial's drug
    if (
        has_cue(patterns.COVARIATE_BEFORE, view)
        and patterns.COVARIATE_BEFORE.search(view, max(0, mention.start - 60), mention.start)
        and (
            patterns.COVARIATE_AFTER.match(view, mention.end)
            or patterns.COVARIATE_USE_OF.search(view, max(0, mention.start - 8), mention.start)
        )
    ):
        return True
    if has_cue(patterns.WITH_PLACEBO_AFTER, view) and patterns.WITH_PLACEBO_AFTER.match(
        view, mention.end, mention.end + 40
    ):
        return True
    if has_cue(patterns.COMPARATOR_BEFORE, before) and patterns.COMPARATOR_BEFORE.search(before):
        return True
    if _AN_ARM_RECEIVES.search(before) and patterns.AND_PLACEBO_AFTER.match(view, mention.end):
        return True  # "Arm two will receive riluzole and placebo": the care of the placebo arm
    if control_arm(view, mention):
        return True
    if "placebo" in view and _UNDER_TREATMENT.search(before):
        return True  # "34 patients under treatment with riluzole were randomized to placebo or X"
    if 0 <= view.find("placebo") < mention.start and _IN_ALL_AFTER.match(view, mention.end):
        return True  # "X daily or matching placebo and 50 mg riluzole twice a day in all"
    if patterns.COMPARISON_AFTER.match(after) and re.search(r"(与|和|同)\s*$", before):
        return True
    if patterns.ADJUNCT_AFTER.match(after) and re.search(r"作为\s*$", before):
        return True
    if patterns.PATIENTS_ON_BEFORE.search(before) and patterns.PATIENTS_ON_AFTER.match(
        view[mention.end : mention.end + 50]
    ):
        return True
    if patterns.UNDERGOING_BEFORE.search(view, max(0, mention.start - 60), mention.start):
        return True
    if has_cue(patterns.BALANCED_FACTOR_BEFORE, view) and patterns.BALANCED_FACTOR_BEFORE.search(
        view, max(0, mention.start - 140), mention.start
    ):
        return True
    if "分层因素" in view and patterns.BALANCED_FACTOR_AFTER.match(view, mention.end):
        return True
    return bool(
        re.search(r"在\s*$", before)
        and patterns.BACKGROUND_AFTER.match(view[mention.end : mention.end + 40])
    )
