"""The ``alsingest`` command. Each command is a few lines calling one library function."""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, queries, store
from .config import ConfigError, Options, load_config
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


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@common_options
def ingest(paths, options, db_path, config_path):
    """Ingest article files and folders (.txt .md .html) into the corpus, with the Prefect flow."""
    from flows.ingest import ingest as ingest_flow

    from .readers import discover

    files, _ = discover(paths, options.extensions)
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=errors,
        transient=True,
    ) as progress:
        bar = progress.add_task("", total=len(files))

        def advance(path: str) -> None:
            progress.update(bar, advance=1, description=Path(path).name)

        summary = ingest_flow(list(paths), db=db_path, config=config_path, on_file=advance)
    for path, reason in summary["errors"]:
        errors.print(f"[red]error[/red]: {path}: {reason}", highlight=False)
    db = open_corpus(db_path)
    totals = {
        table: db[table].count
        for table in ("articles", "sentences", "article_references", "citation_markers")
    }
    console.print(
        f"{len(summary['new'])} new, {len(summary['changed'])} changed, {len(summary['unchanged'])} unchanged, "
        f"{len(summary['errors'])} failed — corpus {db_path}: {totals['articles']} articles, "
        f"{totals['sentences']} sentences, {totals['article_references']} references, "
        f"{totals['citation_markers']} citation markers",
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


EXPORTS = {"references": queries.export_references, "sentences": queries.export_sentences}


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
@common_options
def export(what, fmt, output, options, db_path, config_path):
    """Export references or sentences as JSON lines or CSV."""
    rows = EXPORTS[what](open_corpus(db_path))
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            count = queries.write_rows(rows, fmt, out)
        errors.print(f"wrote {count} {what} to {output}")
    else:
        queries.write_rows(rows, fmt, sys.stdout)
