"""The ``alsingest`` command. Each command is a few lines calling one library function."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

from . import __version__, queries, store
from .config import ConfigError, Options, load_config
from .fetch import STATUSES
from .lexicon import LexiconError

# The machines this runs on have no internet: do not try to send Prefect telemetry.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

console = Console()
errors = Console(stderr=True)


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
        return command(
            *args, options=options, db_path=db_path or options.db, config_path=config_path, **kwargs
        )

    return wrapper


def progress_bar(label: str) -> Progress:
    """The progress bar of long commands, on standard error, gone when done."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=errors,
        transient=True,
    )


def open_corpus(db_path: str, must_exist: bool = True):
    if must_exist and not Path(db_path).exists():
        raise click.ClickException(
            f"{db_path}: no corpus here yet; run `alsingest ingest PATH` first"
        )
    return store.open_db(db_path)


def toolkit(options: Options):
    from .pipeline import Toolkit

    try:
        return Toolkit.build(options)
    except LexiconError as e:
        raise click.ClickException(str(e)) from None


@click.group()
@click.version_option(__version__, prog_name="alsingest")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def cli(verbose: bool) -> None:
    """Track what Chinese and English articles claim about ALS therapies."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


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
    """Ingest article files and folders (.txt .md .html) into the corpus, with the Prefect flow."""
    from flows import ad_hoc_runs
    from flows.ingest import ingest as ingest_flow

    from .readers import discover

    files, _ = discover(paths, options.extensions)
    with ad_hoc_runs(), progress_bar("ingest") as progress:
        bar = progress.add_task("", total=len(files))

        def advance(path: str) -> None:
            progress.update(bar, advance=1, description=Path(path).name)

        summary = ingest_flow(
            list(paths), db=db_path, config=config_path, on_file=advance, published=published
        )
    for path, reason in summary["errors"]:
        errors.print(f"[red]error[/red]: {path}: {reason}", highlight=False, soft_wrap=True)
    db = open_corpus(db_path)
    totals = {
        table: db[table].count
        for table in ("articles", "sentences", "article_references", "citation_markers", "claims")
    }
    console.print(
        f"{len(summary['new'])} new, {len(summary['changed'])} changed, {len(summary['unchanged'])} unchanged, "
        f"{len(summary['errors'])} failed — corpus {db_path}: {totals['articles']} articles, "
        f"{totals['sentences']} sentences, {totals['article_references']} references, "
        f"{totals['citation_markers']} citation markers, {totals['claims']} claims",
        highlight=False,
    )
    if summary["errors"]:
        sys.exit(1)


@cli.command()
@common_options
def articles(options, db_path, config_path):
    """One line per article: name, script, version, paragraphs, sentences, references."""
    rows = queries.list_articles(open_corpus(db_path))
    table = Table(
        "article", "script", "version", "paragraphs", "sentences", "references", "markers"
    )
    for row in rows:
        table.add_row(
            *(
                str(row[k])
                for k in (
                    "name",
                    "script",
                    "version",
                    "paragraphs",
                    "sentences",
                    "references",
                    "markers",
                )
            )
        )
    console.print(table)


@cli.command()
@click.argument("query")
@click.option("--limit", default=50, show_default=True, help="Most sentences to show.")
@common_options
def search(query, limit, options, db_path, config_path):
    """Sentences matching QUERY, in simplified or traditional Chinese or English."""
    db = open_corpus(db_path)
    kit = toolkit(options)
    rows = queries.search(db, query, kit.nlp, kit.converter, limit=limit)
    if not rows:
        errors.print(f"no sentence matches {query!r}")
        sys.exit(1)
    for row in rows:
        console.print(
            f"[bold]{row['article']}[/bold] #{row['sentence']} [{row['start']}:{row['end']}]  {row['text']}",
            highlight=False,
        )


@cli.command()
@click.option("--article", help="Only this article (its source file name).")
@click.option("--therapy", help="Only this therapy (canonical id or any alias).")
@click.option(
    "--explain",
    "explain_id",
    metavar="CLAIM_ID",
    help="Print one claim (its id, or a unique start of it) and the rule behind each field.",
)
@common_options
def claims(article, therapy, explain_id, options, db_path, config_path):
    """Extracted claims as a table: id, therapy, type, date, phase, enrollment, refs, quote."""
    db = open_corpus(db_path)
    if explain_id:
        explain_claim(db, explain_id.strip())
        return
    if therapy:
        from .lexicon import Lexicon

        therapy = Lexicon.load(options.lexicon_path).canonical(therapy) or therapy
    rows = list(queries.export_claims(db, article=article, therapy=therapy))
    # A claim some source contradicts comes first: that is what a reader must see.
    rows.sort(key=lambda row: row["verdict"] != "contradicted")
    table = Table(
        Column("id", no_wrap=True, min_width=8),  # what `--explain` takes
        "article",
        "therapy",
        "type",
        "date",
        "phase",
        "n",
        "status",
        "refs",
        "verdicts",
        "quote",
        show_lines=False,
    )
    for row in rows:
        table.add_row(
            row["claim_id"][:8],
            row["article"][:12],
            row["therapy"] + (" (unlisted)" if row["unlisted"] else ""),
            row["type"],
            row["date"] or "",
            row["phase"] or "",
            str(row["enrollment"] or ""),
            row["status"],
            ",".join(map(str, row["refs"])),
            verdict_cell(row),
            row["quote"].replace("\n", " "),
        )
    console.print(table)
    errors.print(f"{len(rows)} claims")


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
        errors.print(
            f"[yellow]warning[/yellow]: {name} is in the gold but not in the corpus: its facts count as missed"
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


@cli.command()
@click.option(
    "--force", is_flag=True, help="Verify again even claims whose sources did not change."
)
@common_options
def verify(force, options, db_path, config_path):
    """Check each claim against the sources it cites; assemble facts; flag contradictions."""
    from .pipeline import verify_corpus

    report = verify_corpus(open_corpus(db_path), toolkit(options), force=force)
    table = Table("verdict", "claims verified now")
    for verdict, count in sorted(report.verdicts.items()):
        table.add_row(verdict, str(count))
    console.print(table)
    console.print(
        f"{sum(report.verdicts.values())} claims verified, {report.unchanged} unchanged; "
        f"{report.facts} facts; {report.conflicts} contradictions ({len(report.new_conflicts)} new)"
        + (" — see `alsingest conflicts`" if report.conflicts else ""),
        highlight=False,
        soft_wrap=True,
    )


@cli.command()
@click.option("--therapy", help="Only this therapy (canonical id or any alias).")
@common_options
def facts(therapy, options, db_path, config_path):
    """One line per fact (claims of all articles about the same event), with mentions and verdicts."""
    from .assemble import assemble
    from .lexicon import Lexicon

    if therapy:
        therapy = Lexicon.load(options.lexicon_path).canonical(therapy) or therapy
    assembled = assemble(queries.export_claims(open_corpus(db_path), therapy=therapy))
    table = Table("therapy", "type", "date", "phase", "n", "mentions", "articles", "verdicts")
    for fact in assembled:
        table.add_row(
            fact.therapy,
            fact.type,
            fact.date or "",
            fact.phase or "",
            str(fact.enrollment or ""),
            str(len(fact.mentions)),
            ", ".join(a[:12] for a in fact.articles),
            " ".join(f"{v}:{n}" for v, n in sorted(fact.verdicts.items())),
        )
    console.print(table)
    errors.print(f"{len(assembled)} facts")


@cli.command()
@click.option(
    "--all", "show_all", is_flag=True, help="Also contradictions a later run no longer found."
)
@common_options
def conflicts(show_all, options, db_path, config_path):
    """Contradictions found by `alsingest verify`: dates, outcomes, aliases; with the claims involved."""
    db = open_corpus(db_path)
    rows = queries.contradictions(db, current_only=not show_all)
    quotes = {r["claim_id"]: r for r in queries.export_claims(db)}
    for row in rows:
        console.print(
            f"[bold]{row['kind']}[/bold] {row['detail']}  (first seen {row['first_seen']})",
            highlight=False,
        )
        for claim_id in row["claim_ids"]:
            claim = quotes.get(claim_id)
            if claim:
                console.print(
                    f"    {claim['article']} {claim_id}: {claim['quote']}",
                    highlight=False,
                    soft_wrap=True,
                )
    errors.print(f"{len(rows)} contradictions")


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
        f"{fetched} URLs fetched: {summary['new_versions']} new document versions, "
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
            f"verified: {verdicts}; {checked['conflicts']} contradictions ({len(checked['new_conflicts'])} new)",
            highlight=False,
            soft_wrap=True,
        )


REFERENCE_STATUSES = sorted({*STATUSES, queries.UNFETCHED})


@cli.command()
@click.option(
    "--status", type=click.Choice(REFERENCE_STATUSES), help="Only references in this status."
)
@common_options
def references(status, options, db_path, config_path):
    """References of every article with the status of their URL's last fetch and the reason."""
    rows = queries.list_references(open_corpus(db_path), status=status)
    # URLs are cut short (export references has them whole); reasons wrap, they matter.
    spare = max(30, console.width - (12 + 3 + 16 + 4) - 2 * 5)
    table = Table(
        Column("article", width=12, no_wrap=True, overflow="ellipsis"),
        Column("n", width=3, no_wrap=True),
        Column("status", width=16, no_wrap=True),
        Column("vers", width=4, no_wrap=True),
        Column("url or title", width=spare * 2 // 5, no_wrap=True, overflow="ellipsis"),
        Column("reason / title", width=spare - spare * 2 // 5, overflow="fold"),
        box=None,
        pad_edge=False,
    )
    for row in rows:
        status = row["status"]
        if status == "http_error":
            status += f" {row['http_status']}"
        elif row["document_source"] == "attached":
            status += " (attached)"
        table.add_row(
            row["article"],
            str(row["n"] if row["n"] is not None else ""),
            status,
            str(row["document_versions"] or ""),
            row["url_normalized"] or row["url"] or row["title"] or "",
            row["reason"] or row["document_title"] or "",
        )
    console.print(table)
    errors.print(f"{len(rows)} references")


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
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (default: standard output).",
)
@click.option(
    "--reviewed",
    is_flag=True,
    help="claims only: the claims reviewers accepted, with their corrections applied.",
)
@common_options
def export(what, fmt, output, reviewed, options, db_path, config_path):
    """Export references, sentences, claims or documents (every stored version) as JSON lines or CSV."""
    if reviewed and what != "claims":
        raise click.UsageError("--reviewed applies to claims only")
    export_rows = queries.export_reviewed_claims if reviewed else EXPORTS[what]
    rows = export_rows(open_corpus(db_path))
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            count = queries.write_rows(rows, fmt, out)
        errors.print(f"wrote {count} {what} to {output}")
    else:
        queries.write_rows(rows, fmt, sys.stdout)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8765, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--token",
    envvar="ALSINGEST_REVIEW_TOKEN",
    help="Secret every request must carry (required to bind an address other than loopback).",
)
@common_options
def review(host, port, token, options, db_path, config_path):
    """Serve the review web app: claim queue with evidence, decisions, timeline, contradictions."""
    from .lexicon import Lexicon
    from .web.app import is_loopback, serve

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
    import subprocess
    import tempfile

    from .browse import INSTALL_HINT, datasette_command, serve_command, write_metadata

    base = datasette_command()
    if base is None:
        raise click.ClickException(INSTALL_HINT)
    db = open_corpus(db_path)
    if metadata_path is None:
        metadata_path = Path(tempfile.mkdtemp(prefix="alsingest-browse-")) / "metadata.json"
    write_metadata(db, db_path, metadata_path)
    db.close()
    errors.print(
        f"Datasette on http://127.0.0.1:{port}/ (metadata {metadata_path})", highlight=False
    )
    try:
        sys.exit(subprocess.call(serve_command(base, db_path, metadata_path, port, open_browser)))
    except KeyboardInterrupt:
        sys.exit(130)


# Orchestration: refresh, re-ingest one article, the run history, the scheduled server.


def fetch_progress(label: str):
    """A progress line for fetches whose number is not known in advance."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        TextColumn("{task.completed} URLs"),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=errors,
        transient=True,
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
        f"{sum(statuses.values())} URLs fetched, {report['new_versions']} new document versions"
        + (f"; skipped {skipped}" if skipped else ""),
        highlight=False,
        soft_wrap=True,
    )
    if report["kind"] == "reingest":
        console.print(f"{report['articles'][0]}: {report['outcome']}", highlight=False)
    else:
        names = report["articles"]
        console.print(
            f"{len(names)} articles re-extracted (older parser version)"
            + (f": {', '.join(names)}" if names else ""),
            highlight=False,
            soft_wrap=True,
        )
    flagged = report["review_flagged"]
    console.print(
        f"claims: {len(report['new_claims'])} new, {len(report['changed_claims'])} changed, "
        f"{len(report['removed_claims'])} removed"
        + (
            f"; [yellow]{len(flagged)} reviewed claims changed since review[/yellow]"
            " — see `alsingest review`"
            if flagged
            else ""
        ),
        highlight=False,
        soft_wrap=True,
    )
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(report["verdicts"].items()))
    console.print(
        f"verified: {verdicts or 'no claim to re-check'}; {report['conflicts']} contradictions "
        f"({len(report['new_conflicts'])} new)",
        highlight=False,
        soft_wrap=True,
    )
    for what, reason in report["errors"]:
        errors.print(f"[red]error[/red]: {what}: {reason}", highlight=False, soft_wrap=True)
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
    with ad_hoc_runs(), fetch_progress("reingest") as progress:
        bar = progress.add_task("", total=None)

        def advance(result) -> None:
            progress.update(bar, advance=1, description=f"{result.status} {result.url[:60]}")

        try:
            report = run_reingest(target, db=db_path, config=config_path, on_result=advance)
        except ArticleError as e:
            raise click.ClickException(str(e)) from None
    print_run(report, db_path)


@cli.command()
@click.option("--limit", default=20, show_default=True, help="Most recent runs to show.")
@common_options
def runs(limit, options, db_path, config_path):
    """One line per refresh or re-ingest run (oldest first): start (UTC), kind, duration,
    articles, claims +new ~changed -removed, reviewed claims changed since review, new
    contradictions, errors, URLs fetched by status."""
    rows = queries.list_runs(open_corpus(db_path), limit=limit)
    for row in rows:
        articles = row["articles"]
        # A refresh re-extracts many articles (count them); a re-ingest names its one.
        what = (
            f"article {articles[0]}"
            if row["kind"] == "reingest" and articles
            else f"{len(articles)} articles re-extracted"
        )
        fetched = ", ".join(f"{n} {s}" for s, n in sorted(row["fetch_statuses"].items()))
        console.print(
            f"{(row['started_at'] or '')[:19].replace('T', ' ')}  [bold]{row['kind']:<8}[/bold] "
            f"{row['duration_s'] or 0:6.1f} s  {what}  claims +{len(row['new_claims'])} "
            f"~{len(row['changed_claims'])} -{len(row['removed_claims'])}  "
            f"{len(row['review_flagged'])} changed since review  "
            f"{len(row['new_conflicts'])} new contradictions  {len(row['errors'])} errors  "
            f"fetched: {fetched or 'nothing'}",
            highlight=False,
            soft_wrap=True,
        )
    errors.print(f"{len(rows)} runs")


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
