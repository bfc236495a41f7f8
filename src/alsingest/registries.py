"""Trial registries as sources: registry ids in claims, registry records, and their verdicts.

1. :func:`trial_ids` reads the registry ids a claim's sentence names (NCT06973629,
   ChiCTR2000029308, ChiCTR-TRC-12002345, EudraCT 2017-000123-45, jRCT2051190069, ...);
   the pipeline stores them with the claim after extraction (``claims.trial_ids``).
2. :func:`parse_record` turns what a registry served — ClinicalTrials.gov API v2 JSON, a
   ChiCTR HTML page — into a :class:`RegistryRecord`; :func:`render` writes it as the
   text of the document version that is stored for it, one field a line.
3. :func:`verify_record` judges a claim's phase, enrollment, status and dates against the
   record's structured fields, with each telling line of the stored text as evidence.

Pure functions: fetching and storing are ``sources`` and ``store``'s.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from . import patterns
from .dates import find_dates
from .normalize import fold
from .verify import CONTRADICTED, PARTIAL, SUPPORTED, Evidence, Verdict

logger = logging.getLogger(__name__)

CLINICALTRIALS = "clinicaltrials"
CHICTR = "chictr"
# Registries whose records can be fetched, each at a URL template in ``[sources]``.
FETCHABLE = (CLINICALTRIALS, CHICTR)

PLANNED = "planned"
ONGOING = "ongoing"
COMPLETED = "completed"
STOPPED = "stopped"

# ClinicalTrials.gov overallStatus -> what it says of the trial.
CT_STATUS = {
    "NOT_YET_RECRUITING": PLANNED,
    "WITHDRAWN": STOPPED,
    "RECRUITING": ONGOING,
    "ENROLLING_BY_INVITATION": ONGOING,
    "ACTIVE_NOT_RECRUITING": ONGOING,
    "SUSPENDED": STOPPED,
    "TERMINATED": STOPPED,
    "COMPLETED": COMPLETED,
}
# ChiCTR's recruiting status, in either language.
CHICTR_STATUS = (
    (re.compile(r"尚未开始|not yet recruiting", re.IGNORECASE), PLANNED),
    (re.compile(r"正在进行|recruiting", re.IGNORECASE), ONGOING),
    (re.compile(r"结束|completed|closed", re.IGNORECASE), COMPLETED),
    (re.compile(r"暂停|终止|suspended|terminated|withdrawn", re.IGNORECASE), STOPPED),
)
# ChiCTR's page: a label cell (Chinese and English) and its value in the next cell.
CHICTR_LABELS = {
    "title": ("注册题目", "public title"),
    "phase": ("研究所处阶段", "study phase"),
    "enrollment": ("样本量", "sample size", "例数"),
    "status": ("征募研究对象情况", "recruiting status"),
    "period": ("研究实施时间", "study execute time"),
    "registered": ("注册时间", "date of registration"),
}
EVENT_TYPES_STARTED = ("trial_start", "dosing", "trial_result")


class RegistryError(ValueError):
    """What the registry served is not a record we can read."""


@dataclass(frozen=True)
class RegistryRecord:
    registry: str
    trial_id: str
    title: str | None = None
    phase: str | None = None  # "3", "2/3", "1/2"
    enrollment: int | None = None
    enrollment_type: str | None = None  # actual | anticipated
    status: str | None = None  # planned | ongoing | completed | stopped
    status_text: str | None = None  # as the registry words it
    start_date: str | None = None  # ISO, at the registry's precision
    completion_date: str | None = None
    interventions: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str | Mapping) -> RegistryRecord:
        values = dict(json.loads(data) if isinstance(data, str) else data)
        values["interventions"] = tuple(values.get("interventions") or ())
        return cls(**values)


# --- ids ------------------------------------------------------------------------------


def canonical_id(registry: str, raw: str) -> str:
    """One spelling per id: NCT and ISRCTN upper case, ChiCTR and jRCT as the registries write them."""
    if registry == CHICTR:
        return "ChiCTR" + raw[6:].upper()
    if registry == "jrct":
        return "jRCT" + raw[4:].lower()
    if registry == "eudract":
        return f"EudraCT {raw}"
    return raw.upper()


def trial_ids(text: str) -> tuple[str, ...]:
    """The registry ids ``text`` names, in order, each once."""
    found: list[str] = []
    for m in patterns.REGISTRY_ID.finditer(text):
        registry = m.lastgroup or ""
        trial_id = canonical_id(registry, m.group(registry))
        if trial_id not in found:
            found.append(trial_id)
    return tuple(found)


def registry_of(trial_id: str) -> str | None:
    """The registry an id belongs to (``clinicaltrials``, ``chictr``, ``eudract``, ...)."""
    match = patterns.REGISTRY_ID.fullmatch(trial_id)
    return match.lastgroup if match else None


def record_url(trial_id: str, templates: Mapping[str, str]) -> str | None:
    """The URL of an id's record from the ``[sources]`` templates; None when it has none."""
    registry = registry_of(trial_id)
    template = templates.get(registry or "")
    return template.format(id=trial_id) if template else None


# --- records --------------------------------------------------------------------------


def normalize_phase(values: list[str]) -> str | None:
    """``["PHASE2", "PHASE3"]`` -> ``"2/3"``; ``"Ⅱ期"``, ``"Phase 1/2"`` likewise."""
    digits: list[str] = []
    for value in values:
        text = fold(str(value)).replace("ⅰ", "1").replace("ⅱ", "2").replace("ⅲ", "3")
        text = text.replace("Ⅰ", "1").replace("Ⅱ", "2").replace("Ⅲ", "3").replace("Ⅳ", "4")
        text = re.sub(r"\biv\b", "4", re.sub(r"\biii\b", "3", re.sub(r"\bii\b", "2", text)))
        digits.extend(d for d in re.findall(r"[1-4]", text) if d not in digits)
    return "/".join(sorted(digits)) if digits else None


def _iso(text: str | None) -> str | None:
    if not text:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text.strip()):
        return text.strip()
    dates = [d.iso for d in find_dates(fold(text))[0] if d.iso]
    return dates[0] if dates else None


def parse_clinicaltrials(body: bytes, trial_id: str) -> RegistryRecord:
    """A ClinicalTrials.gov API v2 study (``/api/v2/studies/{id}``) as a record."""
    try:
        study = json.loads(body.decode("utf-8"))
        protocol = study["protocolSection"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        raise RegistryError("not a ClinicalTrials.gov API v2 study (no protocolSection)") from None
    ident = protocol.get("identificationModule") or {}
    status = protocol.get("statusModule") or {}
    design = protocol.get("designModule") or {}
    enrollment = design.get("enrollmentInfo") or {}
    arms = protocol.get("armsInterventionsModule") or {}
    overall = status.get("overallStatus")
    count = enrollment.get("count")
    kind = (enrollment.get("type") or "").upper()
    return RegistryRecord(
        registry=CLINICALTRIALS,
        trial_id=ident.get("nctId") or trial_id,
        title=ident.get("briefTitle") or ident.get("officialTitle"),
        phase=normalize_phase(design.get("phases") or []),
        enrollment=int(count) if isinstance(count, int | float) else None,
        enrollment_type={"ACTUAL": "actual", "ESTIMATED": "anticipated"}.get(kind),
        status=CT_STATUS.get(overall or ""),
        status_text=overall,
        start_date=_iso((status.get("startDateStruct") or {}).get("date")),
        completion_date=_iso(
            (
                status.get("primaryCompletionDateStruct")
                or status.get("completionDateStruct")
                or {}
            ).get("date")
        ),
        interventions=tuple(
            i.get("name", "") for i in arms.get("interventions") or [] if i.get("name")
        ),
    )


def _label_values(body: bytes) -> dict[str, str]:
    from bs4 import BeautifulSoup  # here: ingest reads registry ids, never a registry page

    soup = BeautifulSoup(body, "html.parser")
    cells = [" ".join(cell.get_text(" ").split()) for cell in soup.find_all(["td", "th"])]
    values: dict[str, str] = {}
    for label, value in zip(cells, cells[1:], strict=False):
        key = label.lower().rstrip(":：")
        for field_name, names in CHICTR_LABELS.items():
            if field_name not in values and any(
                key.startswith(n) or key.endswith(n) for n in names
            ):
                values[field_name] = value
    return values


def parse_chictr(body: bytes, trial_id: str) -> RegistryRecord:
    """A ChiCTR registration page (label cell, value cell; Chinese or English labels) as a record."""
    values = _label_values(body)
    if not values:
        raise RegistryError("not a ChiCTR registration page (no labelled fields)")
    enrollment = None
    if values.get("enrollment"):
        counts = [int(n) for n in re.findall(r"\d+", values["enrollment"])]
        enrollment = sum(counts) if counts else None
    status = next(
        (state for regex, state in CHICTR_STATUS if regex.search(values.get("status", ""))), None
    )
    period = [d.iso for d in find_dates(fold(values.get("period", "")))[0] if d.iso]
    return RegistryRecord(
        registry=CHICTR,
        trial_id=trial_id,
        title=values.get("title"),
        phase=normalize_phase([values["phase"]]) if values.get("phase") else None,
        enrollment=enrollment,
        enrollment_type="anticipated" if enrollment is not None else None,
        status=status,
        status_text=values.get("status"),
        start_date=period[0] if period else None,
        completion_date=period[1] if len(period) > 1 else None,
    )


PARSERS = {CLINICALTRIALS: parse_clinicaltrials, CHICTR: parse_chictr}


def parse_record(trial_id: str, body: bytes) -> RegistryRecord:
    """What the registry of ``trial_id`` served, as a record; :class:`RegistryError` otherwise."""
    registry = registry_of(trial_id)
    if registry not in PARSERS:
        raise RegistryError(f"{trial_id}: no reader for this registry")
    return PARSERS[registry](body, trial_id)


FIELD_LABELS = (
    ("title", "Title"),
    ("phase", "Phase"),
    ("enrollment", "Enrollment"),
    ("status", "Status"),
    ("start_date", "Start date"),
    ("completion_date", "Completion date"),
    ("interventions", "Interventions"),
)


def render(record: RegistryRecord) -> str:
    """The record as the stored document's text: a heading, then one ``Label: value`` line a field."""
    lines = [f"{record.trial_id} ({record.registry} registry record)"]
    for name, label in FIELD_LABELS:
        value = getattr(record, name)
        if value in (None, (), ""):
            continue
        if name == "enrollment" and record.enrollment_type:
            value = f"{value} ({record.enrollment_type})"
        elif name == "status" and record.status_text:
            value = f"{value} ({record.status_text})"
        elif name == "interventions":
            value = ", ".join(value)
        lines.append(f"{label}: {value}")
    return "\n".join(lines) + "\n"


def _line(text: str, name: str) -> Evidence | None:
    label = dict(FIELD_LABELS)[name]
    match = re.search(rf"^{re.escape(label)}: .*$", text, re.MULTILINE)
    return Evidence(match.start(), match.end(), match.group(0)) if match else None


# --- verdicts ---------------------------------------------------------------------------


def _dates_agree(claimed: str, stated: str) -> bool:
    return claimed.startswith(stated) or stated.startswith(claimed)


def record_checks(claim: Mapping, record: RegistryRecord) -> dict[str, tuple[str, str]]:
    """attribute -> (found | conflict | missing, the record field that tells)."""
    checks: dict[str, tuple[str, str]] = {}
    if claim.get("phase"):
        claimed = re.sub(r"[ab]", "", str(claim["phase"]))
        state = (
            "missing" if not record.phase else ("found" if claimed == record.phase else "conflict")
        )
        checks["phase"] = (state, "phase")
    if claim.get("enrollment"):
        if record.enrollment is None:
            checks["enrollment"] = ("missing", "enrollment")
        else:
            same = int(claim["enrollment"]) == record.enrollment
            checks["enrollment"] = ("found" if same else "conflict", "enrollment")
    kind = claim.get("type")
    if record.status and kind in EVENT_TYPES_STARTED:
        # A trial the registry says has not started cannot have started, dosed or read out.
        planned_claim = claim.get("status") == "planned"
        if record.status == PLANNED:
            checks["status"] = ("found" if planned_claim else "conflict", "status")
        elif not planned_claim or kind != "trial_start":
            checks["status"] = ("found", "status")
    if claim.get("date") and kind in ("trial_start", "dosing") and record.start_date:
        same = _dates_agree(str(claim["date"]), record.start_date)
        checks["date"] = ("found" if same else "conflict", "start_date")
    return checks


def verify_record(claim: Mapping, record: RegistryRecord, text: str) -> Verdict:
    """Judge a claim against the registry record of a trial it names.

    The claim names the trial by its id, so the record is about it: no therapy search.
    One field contradicted makes the verdict ``contradicted``.
    """
    checks = record_checks(claim, record)
    states = {attribute: state for attribute, (state, _) in checks.items()}
    conflicts = sorted(a for a, s in states.items() if s == "conflict")
    missing = sorted(a for a, s in states.items() if s == "missing")
    wanted = conflicts or sorted(a for a, s in states.items() if s == "found")
    evidence = tuple(e for a in wanted if (e := _line(text, checks[a][1])) is not None)
    if conflicts:
        stated = "; ".join(f"{a} {_stated(record, checks[a][1])}" for a in conflicts)
        reason = (
            f"the {record.trial_id} registry record gives another {', '.join(conflicts)}: {stated}"
        )
        return Verdict(CONTRADICTED, reason, evidence, states)
    if missing or not checks:
        what = ", ".join(missing) or "phase, enrollment, status or start date"
        return Verdict(
            PARTIAL,
            f"the {record.trial_id} registry record does not state its {what}",
            evidence,
            states,
        )
    return Verdict(
        SUPPORTED,
        f"the {record.trial_id} registry record states {', '.join(sorted(checks))}",
        evidence,
        states,
    )


def _stated(record: RegistryRecord, name: str) -> str:
    value = getattr(record, name)
    if name == "enrollment" and record.enrollment_type:
        return f"{value} ({record.enrollment_type})"
    if name == "status" and record.status_text:
        return f"{value} ({record.status_text})"
    return str(value)
