"""The ``alsingest`` command. Each command is a few lines calling one library function."""

from __future__ import annotations

import atexit
import functools
import gc
import logging
import os
import sqlite3
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table
from rich.text import Text

from . import __version__, queries, store
from .config import ConfigError, Options, load_config
from .lexicon import LexiconError
from .output import FORMATS, Field, PipeConsole, emit, plural
from .queries import Page

if TYPE_CHECKING:
    from rich.progress import Progress
from .readers import shown_name
from .records import FETCH_STATUSES

# The machines this runs on have no internet: do not try to send Prefect telemetry.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

# At exit, after every other exit handler (they run last registered first), the objects
# alive are kept from Python's final garbage collections: they walked every object Prefect
# and pydantic made (0.2 s of each `ingest` and `reingest`). The process is ending; the
# system takes its memory back whole.
atexit.register(gc.freeze)

# Article and source text, titles and file names are printed everywhere, and none of them is
# rich markup ("[/i]" in an article, a file named "[blink]x.txt"): markup is off, and the
# few styled words are Text with a style.
console = PipeConsole(markup=False, emoji=False)
errors = PipeConsole(stderr=True, markup=False, emoji=False)


def print_error(what: str, reason: str, *, label: str = "error", style: str = "red") -> None:
    """``error: WHAT: REASON`` on standard error, on one line whatever WHAT holds."""
    line = Text.assemble((label, style), f": {shown_name(what)}: {shown_name(reason)}")
    errors.print(line, highlight=False, soft_wrap=True)


def format_option(command):
    """--format on every listing command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people; json, jsonl or csv for programs (every field, whole).",
    )(command)


def show(
    rows: list[dict],
    fmt: str,
    fields: list[Field],
    noun: str | None,
    *,
    total: int | None = None,
    offset: int = 0,
    listing: str,
) -> None:
    """The rows of a listing command in the format asked for (tables count rows on stderr);
    one page of ``total`` rows from ``offset`` says so on stderr in every format. CSV has
    the ``listing``'s header row (queries.LISTING_COLUMNS) even with no rows."""
    emit(
        rows,
        fmt,
        fields,
        console=console,
        out=sys.stdout,
        noun=noun,
        errors=errors,
        total=total,
        offset=offset,
        columns=queries.LISTING_COLUMNS[listing],
    )


def page_options(command):
    """--limit, --offset and --all on every listing command: a page, not a dump."""

    @click.option(
        "--limit",
        default=50,
        show_default=True,
        type=click.IntRange(min=1),
        help="Rows to show (one page).",
    )
    @click.option(
        "--offset", default=0, show_default=True, type=click.IntRange(min=0), help="Rows to skip."
    )
    @click.option("--all", "every", is_flag=True, help="Every row, not one page.")
    @functools.wraps(command)
    def wrapper(*args, limit, offset, every, **kwargs):
        return command(*args, page=Page(None if every else limit, 0 if every else offset), **kwargs)

    return wrapper


def common_options(command):
    """--db and --config on every command."""

    @click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        help="Corpus SQLite file (default from config: alsingest.db).",
    )
    @click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="TOML file laid over the shipped defaults.",
    )
    @functools.wraps(command)
    def wrapper(*args, db_path=None, config_path=None, **kwargs):
        try:
            options = load_config(config_path)
        except ConfigError as e:
            raise click.ClickException(str(e)) from None
        try:
            return command(
                *args,
                options=options,
                db_path=db_path or options.db,
                config_path=config_path,
                **kwargs,
            )
        except store.CorpusError as e:
            raise click.ClickException(str(e)) from None

    return wrapper


def progress_bar(label: str) -> Progress:
    """The progress bar of long commands, on standard error, gone when done."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(label, style="bold", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
        console=errors,
        transient=True,
        disable=not errors.is_terminal,  # a log file gets no bar, not even its blank line
    )


def open_corpus(db_path: str, must_exist: bool = True):
    if must_exist and not Path(db_path).exists():
        raise click.ClickException(
            f"{db_path}: no corpus here yet; run `alsingest ingest PATH` first"
        )
    try:
        return store.open_db(db_path)
    except store.CorpusError as e:
        raise click.ClickException(str(e)) from None
    except sqlite3.DatabaseError as e:
        raise click.ClickException(f"{db_path}: unreadable corpus: {e}") from None


def check_corpus(db_path: str) -> None:
    """--db checked before anything starts (an existing file must be an SQLite database)."""
    try:
        store.check_corpus_file(db_path)
    except store.CorpusError as e:
        raise click.ClickException(str(e)) from None


def resolve_article(db, name: str | None) -> str | None:
    """--article: the article a unique start or end of its name stands for, or one line why not."""
    if name is None:
        return None
    try:
        return queries.resolve_article(db, name)
    except queries.UnknownName as e:
        raise click.ClickException(str(e)) from None


def resolve_therapy(db, name: str | None, options: Options) -> str | None:
    """--therapy: a canonical id from any alias, or a name claims use; else one line with the
    nearest names."""
    if name is None:
        return None
    from .lexicon import Lexicon

    try:
        lexicon = Lexicon.load(options.lexicon_path)
    except LexiconError as e:
        raise click.ClickException(str(e)) from None
    try:
        return queries.resolve_therapy(db, name, lexicon)
    except queries.UnknownName as e:
        raise click.ClickException(str(e)) from None


def toolkit(options: Options, *, lookup: bool = False):
    """``lookup``: for commands that segment a few words or none (``Toolkit.build``)."""
    from .toolkit import Toolkit

    try:
        return Toolkit.build(options, lookup=lookup)
    except LexiconError as e:
        raise click.ClickException(str(e)) from None


@click.group()
@click.version_option(__version__, prog_name="alsingest")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def cli(verbose: bool) -> None:
    """Track what Chinese and English articles claim about ALS therapies."""
    configure_logging(verbose)


# Prefect's chatter: a warning each time it waits at exit for events to reach its server.
QUIET_LOGGERS = ("EventsWorker",)


def quiet_prefect(record: logging.LogRecord) -> bool:
    """Without -v: Prefect's warnings and errors only (no temporary-server lines, docs link,
    "Finished in state Completed()"), and none of its exit-time event chatter."""
    if record.name in QUIET_LOGGERS and record.levelno < logging.ERROR:
        return False
    return record.levelno >= logging.WARNING


def configure_logging(verbose: bool) -> logging.Handler:
    """Log to standard error: every stage's INFO with -v; else warnings only, Prefect quiet.

    Prefect sets its own loggers to INFO, so the level is on the handler, not only the root.
    """
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    if verbose:
        handler.setLevel(logging.INFO)
    else:
        handler.setLevel(logging.WARNING)
        handler.addFilter(quiet_prefect)
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
    return handler


def iso_date(ctx, param, value: str | None) -> str | None:
    """A click callback: YYYY-MM-DD, YYYY-MM or YYYY, checked to be a real date."""
    from datetime import date

    if value is None:
        return None
    parts = value.split("-")
    try:
        if not (1 <= len(parts) <= 3 and len(parts[0]) == 4):
            raise ValueError
        date(*(int(p) for p in parts), *([1] * (3 - len(parts))))
    except (ValueError, TypeError):
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None
    return "-".join(f"{int(p):02d}" if i else p for i, p in enumerate(parts))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    callback=iso_date,
    metavar="YYYY-MM-DD",
    help="The articles' publication date, when their text has no dateline: "
    "year-less dates (6月10日, 去年3月) take their year from it.",
)
@common_options
def ingest(paths, published, options, db_path, config_path):
    """Ingest article files and folders (.txt .md .html .pdf) into the corpus, with the Prefect
    flow. `-` reads a list of paths, one a line, from standard input."""
    from .readers import discover, expand_paths

    paths = expand_paths(paths, sys.stdin)
    if not paths:
        raise click.UsageError("no paths given (standard input had none)")
    check_corpus(db_path)
    files, refused = discover(paths, options.extensions)
    if not files:  # nothing to ingest: say why without starting Prefect
        for error in refused:
            print_error(error.path, error.reason)
        sys.exit(1)

    from flows import ad_hoc_runs
    from flows.ingest import ingest as ingest_flow

    with ad_hoc_runs(), progress_bar("ingest") as progress:
        bar = progress.add_task("", total=len(files))

        def advance(path: str) -> None:
            progress.update(bar, advance=1, description=shown_name(Path(path).name))

        summary = ingest_flow(
            list(paths), db=db_path, config=config_path, on_file=advance, published=published
        )
    for path, reason in summary["errors"]:
        print_error(path, reason)
    console.print(ingest_summary(summary, db_path, queries.current_totals(open_corpus(db_path))))
    if summary["errors"]:
        sys.exit(1)


def ingest_summary(summary: dict, db_path: str, totals: dict[str, int]) -> Text:
    """What an ingest did, and the corpus after it: the current versions of its articles, as
    `claims` and the other listings count them (older versions are kept, but not counted)."""
    return Text(
        f"{len(summary['new'])} new, {len(summary['changed'])} changed, "
        f"{len(summary['unchanged'])} unchanged, {len(summary['errors'])} failed — corpus "
        f"{db_path}: {plural(totals['articles'], 'article')}; current versions: "
        f"{plural(totals['sentences'], 'sentence')}, "
        f"{plural(totals['article_references'], 'reference')}, "
        f"{plural(totals['citation_markers'], 'citation marker')}, "
        f"{plural(totals['claims'], 'claim')}"
    )


ARTICLE_FIELDS = [
    Field("article", "name"),
    *(
        Field(key, key)
        for key in ("script", "version", "paragraphs", "sentences", "references", "markers")
    ),
]


@cli.command()
@page_options
@format_option
@common_options
def articles(page, fmt, options, db_path, config_path):
    """One line per article: name, script, version, paragraphs, sentences, references."""
    rows, total = queries.articles_page(open_corpus(db_path), page.limit, page.offset)
    show(rows, fmt, ARTICLE_FIELDS, "article", total=total, offset=page.offset, listing="articles")


SEARCH_FIELDS = [
    Field("article", "article", no_wrap=True),
    Field("#", "sentence"),
    Field("span", lambda row: f"{row['start']}:{row['end']}"),
    Field("sentence", "text", highlight=lambda row: row["matches"]),
]


@cli.command()
@click.argument("query")
@page_options
@format_option
@common_options
def search(query, page, fmt, options, db_path, config_path):
    """Sentences matching QUERY, in simplified or traditional Chinese or English."""
    db = open_corpus(db_path)
    kit = toolkit(options, lookup=True)
    rows, total = queries.search_page(
        db, query, kit.segmenter, kit.converter, lexicon=kit.lexicon, **page.sql
    )
    if not total and fmt == "table":
        errors.print(f"no sentence matches {query!r}", highlight=False)
        sys.exit(1)
    show(rows, fmt, SEARCH_FIELDS, "sentence", total=total, offset=page.offset, listing="search")
    if not total:
        sys.exit(1)


CLAIM_FIELDS = [
    Field("id", "claim_id", short=8, no_wrap=True),  # what `--explain` takes
    Field("article", "article", short=12),
    Field("therapy", lambda row: row["therapy"] + (" (unlisted)" if row["unlisted"] else "")),
    Field("type", "type"),
    Field("date", "date"),
    Field("phase", "phase"),
    Field("n", "enrollment"),
    Field("status", "status"),
    Field("refs", "refs"),
    Field("verdicts", lambda row: verdict_cell(row)),  # per source, a contradiction first
    Field("quote", lambda row: " ".join(row["quote"].splitlines()).replace("\t", " ")),
]


@cli.command()
@click.option(
    "--article", help="Only this article (its file name, or any unique start or end of it)."
)
@click.option("--therapy", help="Only this therapy (canonical id or any alias).")
@click.option(
    "--explain",
    "explain_id",
    metavar="CLAIM_ID",
    help="Print one claim (its id, or a unique start of it) and the rule behind each field.",
)
@page_options
@format_option
@common_options
def claims(article, therapy, explain_id, page, fmt, options, db_path, config_path):
    """Extracted claims as a table: id, therapy, type, date, phase, enrollment, refs, quote
    (a claim some source contradicts first: that is what a reader must see)."""
    db = open_corpus(db_path)
    if explain_id:
        explain_claim(db, explain_id.strip())
        return
    article = resolve_article(db, article)
    therapy = resolve_therapy(db, therapy, options)
    rows, total = queries.claims_page(db, article=article, therapy=therapy, **page.sql)
    show(rows, fmt, CLAIM_FIELDS, "claim", total=total, offset=page.offset, listing="claims")


def verdict_cell(row: dict) -> str:
    """A claim's verdict per source, a contradiction first: "contradicted [2] supported [1]"."""
    per_source = [
        f"{v['verdict']} " + (f"[{v['ref']}]" if v["ref"] is not None else v["kind"])
        for v in row["verdicts"]
    ]
    return " ".join(per_source) or (row["verdict"] or "")


def explain_claim(db, prefix: str) -> None:
    """`claims --explain`: one claim's fields, each with the rule that gave it."""
    ids = queries.claim_ids_starting(db, prefix) if prefix else []
    if not ids:
        raise click.ClickException(f"no current claim has an id starting {prefix!r}")
    if len(ids) > 1:
        raise click.ClickException(
            f"{len(ids)} claims have ids starting {prefix!r}: {', '.join(ids[:10])}; give more of it"
        )
    claim = queries.claim_by_id(db, ids[0])
    lines = [
        f"claim {claim['claim_id']} in {claim['article']} (sentence {claim['sentence']})",
        f"quote: {claim['quote']}",
    ]
    for field in (
        "therapy",
        "type",
        "date",
        "phase",
        "enrollment",
        "outcome",
        "design",
        "status",
        "refs",
    ):
        value = claim[field]
        if field in ("refs", "design"):
            value = ", ".join(map(str, value)) or "none"
        lines.append(f"{field}: {value if value not in (None, '') else '-'}")
    lines.append("why:")
    if not claim["provenance"]:
        lines.append("  (not recorded: re-extract the article with `alsingest refresh`)")
    lines.extend(f"  {field}: {rule}" for field, rule in claim["provenance"])
    click.echo("\n".join(lines))


@cli.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder of gold .jsonl files.",
)
@click.option(
    "--show", default=20, show_default=True, help="Misses and spurious facts to list per kind."
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@common_options
def eval_command(gold_dir, show, as_json, options, db_path, config_path):
    """Score the corpus's claims against gold JSONL files (per-kind P/R/F1 and micro F1)."""
    import json

    from .evaluate import GoldError, evaluate, gold_aliases, load_gold
    from .lexicon import Lexicon

    try:
        gold = load_gold(gold_dir)
        aliases = gold_aliases(gold_dir)
    except GoldError as e:
        raise click.ClickException(str(e)) from None
    db = open_corpus(db_path)
    lexicon = Lexicon.load(options.lexicon_path)
    present = {row["name"] for row in db.query("select name from articles")}
    absent = sorted({row["article"] for row in gold} - present)
    for name in absent:
        print_error(
            name,
            "is in the gold but not in the corpus: its facts count as missed",
            label="warning",
            style="yellow",
        )
    result = evaluate(gold, queries.export_claims(db), lexicon, aliases)
    if as_json:
        console.print_json(json.dumps(result.as_dict()))
        return
    table = Table("facts", "precision", "recall", "F1", "tp", "fp", "fn")
    for kind, score in [*result.kinds.items(), ("micro", result.micro)]:
        table.add_row(
            kind,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    console.print(table)
    for label, listing in (("missed", result.missed), ("spurious", result.spurious)):
        for kind, items in listing.items():
            for item in items[:show]:
                console.print(f"{label} {kind}: " + " | ".join(map(str, item)), highlight=False)


VERDICT_FIELDS = [Field("verdict", "verdict"), Field("claims verified now", "claims")]


@cli.command()
@click.option(
    "--force", is_flag=True, help="Verify again even claims whose sources did not change."
)
@format_option
@common_options
def verify(force, fmt, options, db_path, config_path):
    """Check each claim against the sources it cites; assemble facts; flag contradictions."""
    from .pipeline import verify_corpus

    # Verify segments nothing: the segmenter's dictionary is not loaded for it.
    report = verify_corpus(open_corpus(db_path), toolkit(options, lookup=True), force=force)
    verified = sum(report.verdicts.values())
    rows = [{"verdict": v, "claims": n} for v, n in sorted(report.verdicts.items())]
    if fmt != "table" or verified:
        show(rows, fmt, VERDICT_FIELDS, None, listing="verify")
    summary = console if fmt == "table" else errors
    if not verified:
        summary.print(
            "nothing to verify: "
            + (
                f"{plural(report.unchanged, 'claim')} unchanged since last verified "
                "(--force verifies them again)"
                if report.unchanged
                else "the corpus has no claims"
            ),
            highlight=False,
            soft_wrap=True,
        )
    summary.print(
        f"{plural(verified, 'claim')} verified, {report.unchanged} unchanged; "
        f"{plural(report.facts, 'fact')}; {plural(report.conflicts, 'contradiction')} "
        f"({len(report.new_conflicts)} new)"
        + (" — see `alsingest conflicts`" if report.conflicts else ""),
        highlight=False,
        soft_wrap=True,
    )


def articles_cell(row: dict) -> str:
    """A fact's articles: the first five, then how many more (a table's row has five and the
    count, ``facts_page(full=False)``; a full row has them all)."""
    names = [a[:12] for a in row["articles"]]
    more = row.get("article_count", len(names)) - len(names)
    return some(names) if not more else f"{', '.join(names)} … {more} more"


def some(names: Iterable[str], shown: int = 5) -> str:
    """The first ``shown`` names, then how many more: a fact of 2,000 articles is one line."""
    names = list(names)
    more = f" … {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


FACT_FIELDS = [
    Field("therapy", "therapy"),
    Field("type", "type"),
    Field("date", "date"),
    Field("phase", "phase"),
    Field("n", "enrollment"),
    Field("mentions", lambda row: row["mentions"] if "mentions" in row else len(row["claim_ids"])),
    Field("articles", lambda row: articles_cell(row)),
    Field("verdicts", lambda row: " ".join(f"{v}:{n}" for v, n in row["verdicts"].items())),
]


@cli.command()
@click.option("--therapy", help="Only this therapy (canonical id or any alias).")
@page_options
@format_option
@common_options
def facts(therapy, page, fmt, options, db_path, config_path):
    """One line per fact (claims of all articles about the same event), with mentions and verdicts."""
    db = open_corpus(db_path)
    therapy = resolve_therapy(db, therapy, options)
    rows, total = queries.facts_page(db, therapy=therapy, **page.sql, full=fmt != "table")
    show(rows, fmt, FACT_FIELDS, "fact", total=total, offset=page.offset, listing="facts")


CONFLICT_FIELDS = [
    Field("kind", "kind"),
    Field("detail", "detail"),
    Field("first seen", "first_seen"),
    Field(
        "claims",
        lambda row: "\n".join(
            [f"{c['article']} {c['claim_id'][:8]}: {c['quote']}" for c in row["claims"][:5]]
            + ([f"… {row['claim_count'] - 5} more"] if row["claim_count"] > 5 else [])
        ),
    ),
]


@cli.command()
@page_options
@format_option
@common_options
def conflicts(page, fmt, options, db_path, config_path):
    """Contradictions found by `alsingest verify`: dates, outcomes, aliases; with the claims
    involved. --all lists every one, those a later run no longer found too."""
    db = open_corpus(db_path)
    rows, total = queries.contradictions_page(
        db,
        current_only=page.limit is not None,
        **page.sql,
        claims_shown=5 if fmt == "table" else None,  # a table shows five and the count
    )
    show(
        rows,
        fmt,
        CONFLICT_FIELDS,
        "contradiction",
        total=total,
        offset=page.offset,
        listing="conflicts",
    )


class Duration(click.ParamType):
    """A duration such as 7d, 12h, 30m or 1d12h, checked before anything runs."""

    name = "duration"

    def convert(self, value, param, ctx):
        from .sources import parse_duration

        try:
            parse_duration(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)
        return value


@cli.command()
@click.option(
    "--stale-after",
    type=Duration(),
    help="Only URLs not fetched within this long (7d, 12h, 30m); default: every URL.",
)
@click.option("--only-failed", is_flag=True, help="Only URLs whose last fetch failed.")
@common_options
def fetch(stale_after, only_failed, options, db_path, config_path):
    """Fetch every URL the articles cite, with the Prefect flow, and store what came back."""
    from flows import ad_hoc_runs
    from flows.fetch import fetch_references

    from .sources import fetch_options, parse_duration, plan_fetch, source_templates

    try:
        fetch_options(options)
        templates = source_templates(options)
    except ConfigError as e:
        raise click.ClickException(str(e)) from None
    db = open_corpus(db_path)
    stale = parse_duration(stale_after) if stale_after else None
    plan = plan_fetch(db, stale_after=stale, only_failed=only_failed, templates=templates)
    total = len(plan.targets)
    with ad_hoc_runs(), progress_bar("fetch") as progress:
        bar = progress.add_task("", total=total)

        def advance(result) -> None:
            progress.update(bar, advance=1, description=f"{result.status} {result.url[:60]}")

        summary = fetch_references(
            db=db_path,
            config=config_path,
            stale_after=stale_after,
            only_failed=only_failed,
            on_result=advance,
        )
    corpus = Counter(row["status"] for row in queries.list_references(db))
    table = Table("status", "URLs this run", "references in corpus")
    for status in sorted(set(summary["statuses"]) | set(corpus)):
        table.add_row(status, str(summary["statuses"].get(status, 0)), str(corpus[status]))
    console.print(table)
    fetched = sum(summary["statuses"].values())
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(summary["skipped"].items()))
    console.print(
        f"{plural(fetched, 'URL')} fetched: "
        f"{plural(summary['new_versions'], 'new document version')}, "
        f"{summary['unchanged']} unchanged, {len(summary['failed'])} failed"
        + (
            f" ({summary['archived']} read from an archived copy)"
            if summary.get("archived")
            else ""
        )
        + (f"; skipped {skipped}" if skipped else "")
        + (" — see `alsingest references --status STATUS`" if summary["failed"] else ""),
        highlight=False,
        soft_wrap=True,
    )
    checked = summary.get("verification")
    if checked:
        verdicts = (
            ", ".join(f"{n} {v}" for v, n in sorted(checked["verdicts"].items()))
            or "no claim to re-check"
        )
        console.print(
            f"verified: {verdicts}; {plural(checked['conflicts'], 'contradiction')} "
            f"({len(checked['new_conflicts'])} new)",
            highlight=False,
            soft_wrap=True,
        )


REFERENCE_STATUSES = sorted({*FETCH_STATUSES, queries.UNFETCHED})


def reference_status(row: dict) -> str:
    status = row["status"]
    if status == "http_error":
        return f"{status} {row['http_status']}"
    return status + (" (attached)" if row["document_source"] == "attached" else "")


REFERENCE_FIELDS = [
    Field("article", "article", short=12, no_wrap=True),
    Field("n", "n"),
    Field("status", reference_status, no_wrap=True),
    Field("vers", "document_versions"),
    # URLs are cut short on a terminal (export references has them whole); reasons wrap.
    Field("url or title", lambda r: r["url_normalized"] or r["url"] or r["title"], short=48),
    Field("reason / title", lambda r: r["reason"] or r["document_title"]),
]


@cli.command()
@click.option(
    "--status", type=click.Choice(REFERENCE_STATUSES), help="Only references in this status."
)
@page_options
@format_option
@common_options
def references(status, page, fmt, options, db_path, config_path):
    """References of every article with the status of their URL's last fetch and the reason."""
    rows, total = queries.references_page(open_corpus(db_path), status=status, **page.sql)
    show(
        rows,
        fmt,
        REFERENCE_FIELDS,
        "reference",
        total=total,
        offset=page.offset,
        listing="references",
    )


@cli.command()
@click.argument("url")
@click.argument("file", type=click.Path(dir_okay=False))
@common_options
def attach(url, file, options, db_path, config_path):
    """Store FILE, a copy of URL saved from a browser (HTML, PDF or text), as its current version."""
    from .sources import SourceError, fetch_options
    from .sources import attach as attach_copy

    try:
        max_bytes = fetch_options(options).max_bytes
        attached = attach_copy(open_corpus(db_path), url, file, max_bytes=max_bytes)
    except (ConfigError, SourceError) as e:
        raise click.ClickException(str(e)) from None
    what = "stored as" if attached.new else "already stored: now current as"
    console.print(
        f"{file}: {what} version {attached.version} of {attached.url} "
        f"({attached.chars} characters{', ' + repr(attached.title) if attached.title else ''})",
        highlight=False,
        soft_wrap=True,
    )


EXPORTS = {
    "references": queries.export_references,
    "sentences": queries.export_sentences,
    "claims": queries.export_claims,
    "documents": queries.export_documents,
}


@cli.command()
@click.argument("what", type=click.Choice(sorted(EXPORTS)))
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="File to write (default, or -: standard output).",
)
@click.option(
    "--reviewed",
    is_flag=True,
    help="claims only: the claims reviewers accepted, with their corrections applied.",
)
@click.option(
    "--excel",
    is_flag=True,
    help="csv only: start with a UTF-8 byte-order mark, so that Excel reads Chinese right.",
)
@common_options
def export(what, fmt, output, reviewed, excel, options, db_path, config_path):
    """Export references, sentences, claims or documents (every stored version) as JSON lines or CSV."""
    from .output import write_rows

    if reviewed and what != "claims":
        raise click.UsageError("--reviewed applies to claims only")
    if excel and fmt != "csv":
        raise click.UsageError("--excel applies to --format csv only")
    export_rows = queries.export_reviewed_claims if reviewed else EXPORTS[what]
    columns = queries.EXPORT_COLUMNS["reviewed claims" if reviewed else what]
    rows = export_rows(open_corpus(db_path))
    if output and output != "-":
        with open(output, "w", encoding="utf-8", newline="") as out:
            count = write_rows(rows, fmt, out, fieldnames=columns, excel=excel)
        errors.print(f"wrote {plural(count, what.removesuffix('s'), what)} to {output}")
    else:
        write_rows(rows, fmt, sys.stdout, fieldnames=columns, excel=excel)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8765, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--token",
    envvar="ALSINGEST_REVIEW_TOKEN",
    help="Secret of at least 16 characters every request must carry (required to bind an address other than loopback).",
)
@common_options
def review(host, port, token, options, db_path, config_path):
    """Serve the review web app: claim queue with evidence, decisions, timeline, contradictions."""
    from .lexicon import Lexicon
    from .web.app import check_token, is_loopback, serve

    try:
        check_token(token)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    if not is_loopback(host) and not token:
        raise click.UsageError(
            f"{host} is reachable from other machines: give --token SECRET to bind it"
        )
    open_corpus(db_path).close()
    try:
        lexicon = Lexicon.load(options.lexicon_path)
    except LexiconError as e:
        raise click.ClickException(str(e)) from None
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    errors.print(f"reviewing {db_path} at {address} (Ctrl+C to stop)", highlight=False)
    serve(db_path, host=host, port=port, token=token, lexicon=lexicon)


@cli.command()
@click.option("--port", default=8001, show_default=True, type=int, help="Port for Datasette.")
@click.option(
    "--metadata",
    "metadata_path",
    type=click.Path(dir_okay=False),
    help="Where to write the Datasette metadata (default: a temporary file).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open a browser on the corpus.")
@common_options
def browse(port, metadata_path, open_browser, options, db_path, config_path):
    """Open the corpus in Datasette, with table descriptions and facets (optional dependency)."""
    import tempfile

    from .browse import (
        INSTALL_HINT,
        datasette_command,
        run_datasette,
        serve_command,
        write_metadata,
    )
    from .normalize import Converter

    base = datasette_command()
    if base is None:
        raise click.ClickException(INSTALL_HINT)
    db = open_corpus(db_path)
    temporary = None
    if metadata_path is None:
        temporary = Path(tempfile.mkdtemp(prefix="alsingest-browse-"))
        metadata_path = temporary / "metadata.json"
    # Datasette's search box finds traditional forms and word parts (渐冻 in 渐冻症): ingest
    # leaves those index terms to here, so that it does not pay for them.
    from .pipeline import search_texts

    kit = toolkit(options)
    completed = store.complete_search_terms(
        db,
        Converter().to_traditional_characters,
        lambda simplified, spans: search_texts(simplified, spans, kit.segmenter),
    )
    if completed:
        errors.print(f"search index completed for {plural(completed, 'sentence')}")
    write_metadata(db, db_path, metadata_path, kit.options.lexicon_path)
    db.close()
    errors.print(
        f"Datasette on http://127.0.0.1:{port}/ (metadata {metadata_path})", highlight=False
    )
    command = serve_command(base, db_path, metadata_path, port, open_browser)
    sys.exit(run_datasette(command, temporary))


# Orchestration: refresh, re-ingest one article, the run history, the scheduled server.


def fetch_progress(label: str):
    """A progress line for fetches whose number is not known in advance."""
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(label, style="bold", markup=False),
        TextColumn("{task.completed} URLs"),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
        console=errors,
        transient=True,
        disable=not errors.is_terminal,  # a log file gets no bar, not even its blank line
    )


def print_run(report: dict, db_path: str) -> None:
    """What a refresh or re-ingest run did, from its report (the ``runs`` row and more)."""
    statuses = report["fetch_statuses"]
    if statuses:
        table = Table("status", "URLs this run")
        for status, count in sorted(statuses.items()):
            table.add_row(status, str(count))
        console.print(table)
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(report["skipped"].items()))
    console.print(
        f"{plural(sum(statuses.values()), 'URL')} fetched, "
        f"{plural(report['new_versions'], 'new document version')}"
        + (f"; skipped {skipped}" if skipped else ""),
        highlight=False,
        soft_wrap=True,
    )
    if report["kind"] == "reingest":
        console.print(f"{report['articles'][0]}: {report['outcome']}", highlight=False)
    else:
        names = report["articles"]
        console.print(
            f"{plural(len(names), 'article')} re-extracted (older parser version)"
            + (f": {', '.join(names)}" if names else ""),
            highlight=False,
            soft_wrap=True,
        )
    flagged = report["review_flagged"]
    console.print(
        Text.assemble(
            f"claims: {len(report['new_claims'])} new, {len(report['changed_claims'])} changed, "
            f"{len(report['removed_claims'])} removed",
            *(
                ("; ", (f"{len(flagged)} reviewed claims changed since review", "yellow"))
                if flagged
                else ()
            ),
            " — see `alsingest review`" if flagged else "",
        ),
        highlight=False,
        soft_wrap=True,
    )
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(report["verdicts"].items()))
    console.print(
        f"verified: {verdicts or 'no claim to re-check'}; "
        f"{plural(report['conflicts'], 'contradiction')} "
        f"({len(report['new_conflicts'])} new)",
        highlight=False,
        soft_wrap=True,
    )
    for what, reason in report["errors"]:
        print_error(what, reason)
    errors.print(
        f"run {report['id']} took {report['duration_s']:.1f} s; recorded in {db_path} "
        "(`alsingest runs`)",
        highlight=False,
        soft_wrap=True,
    )


def check_run_config(options: Options) -> None:
    from .refresh import schedule_settings
    from .sources import fetch_options

    try:
        schedule_settings(options)
        fetch_options(options)
    except ConfigError as e:
        raise click.ClickException(str(e)) from None


@cli.command("refresh")
@click.option(
    "--stale-after",
    type=Duration(),
    help="Re-fetch references fetched longer ago than this (default: [schedule] stale_after, 7d).",
)
@common_options
def refresh_command(stale_after, options, db_path, config_path):
    """Re-extract articles of an older parser version, re-fetch stale and failed references,
    verify what changed, and report it (also recorded for `alsingest runs`)."""
    from flows import ad_hoc_runs
    from flows.refresh import refresh as refresh_flow

    check_run_config(options)
    open_corpus(db_path).close()
    with ad_hoc_runs(), fetch_progress("refresh") as progress:
        bar = progress.add_task("", total=None)

        def advance(result) -> None:
            progress.update(bar, advance=1, description=f"{result.status} {result.url[:60]}")

        report = refresh_flow(
            db=db_path, config=config_path, stale_after=stale_after, on_result=advance
        )
    print_run(report, db_path)
    if report["errors"]:
        sys.exit(1)


@cli.command()
@click.argument("target", metavar="PATH_OR_URL")
@common_options
def reingest(target, options, db_path, config_path):
    """Re-ingest one article (a file, or an http(s) URL whose page is fetched and its main text
    extracted), then fetch the references it cites and verify its claims."""
    from flows import ad_hoc_runs
    from flows.reingest import run_reingest

    from .refresh import ArticleError

    check_run_config(options)
    if Path(db_path).exists():  # a refused article must not leave an empty corpus behind
        open_corpus(db_path).close()
    with ad_hoc_runs(), fetch_progress("reingest") as progress:
        bar = progress.add_task("", total=None)

        def advance(result) -> None:
            progress.update(bar, advance=1, description=f"{result.status} {result.url[:60]}")

        try:
            report = run_reingest(target, db=db_path, config=config_path, on_result=advance)
        except ArticleError as e:
            raise click.ClickException(str(e)) from None
    print_run(report, db_path)


def run_articles(row: dict) -> str:
    # A refresh re-extracts many articles (count them); a re-ingest names its one.
    articles = row["articles"]
    if row["kind"] == "reingest" and articles:
        return f"article {articles[0]}"
    return f"{plural(len(articles), 'article')} re-extracted"


RUN_FIELDS = [
    Field("started (UTC)", lambda r: (r["started_at"] or "")[:19].replace("T", " "), no_wrap=True),
    Field("kind", "kind"),
    Field("s", lambda r: f"{r['duration_s'] or 0:.1f}"),
    Field("articles", run_articles),
    Field(
        "claims",
        lambda r: (
            f"+{len(r['new_claims'])} ~{len(r['changed_claims'])} -{len(r['removed_claims'])}"
        ),
        no_wrap=True,
    ),
    Field("changed since review", lambda r: len(r["review_flagged"])),
    Field("new contradictions", lambda r: len(r["new_conflicts"])),
    Field("errors", lambda r: len(r["errors"])),
    Field(
        "fetched",
        lambda r: (
            ", ".join(f"{n} {s}" for s, n in sorted(r["fetch_statuses"].items())) or "nothing"
        ),
    ),
]


@cli.command()
@click.option("--limit", default=20, show_default=True, help="Most recent runs to show.")
@format_option
@common_options
def runs(limit, fmt, options, db_path, config_path):
    """One line per refresh or re-ingest run (oldest first): start (UTC), kind, duration,
    articles, claims +new ~changed -removed, reviewed claims changed since review, new
    contradictions, errors, URLs fetched by status."""
    show(
        queries.list_runs(open_corpus(db_path), limit=limit), fmt, RUN_FIELDS, "run", listing="runs"
    )


@cli.command()
@common_options
def serve(options, db_path, config_path):
    """Serve the Prefect flows: `refresh` on the [schedule] cron, `reingest-article` on demand
    (on PREFECT_API_URL's server, else on a Prefect server started for the purpose)."""
    from flows.serve import ServerError, refresh_schedule
    from flows.serve import serve as serve_flows

    check_run_config(options)
    try:
        schedule = refresh_schedule(options)
    except ConfigError as e:
        raise click.ClickException(str(e)) from None
    open_corpus(db_path).close()
    if not os.environ.get("PREFECT_API_URL"):
        errors.print("starting a Prefect server (set PREFECT_API_URL to use yours) …")

    def started(api_url: str) -> None:
        errors.print(
            f"serving refresh of {db_path} on cron '{schedule.cron}' ({schedule.timezone}); "
            f"runs and reports in the Prefect UI at {api_url.removesuffix('/api')} "
            "(Ctrl+C to stop)",
            highlight=False,
            soft_wrap=True,
        )

    try:
        serve_flows(db_path, config_path, on_server=started)
    except ServerError as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        sys.exit(130)
