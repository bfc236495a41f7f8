"""House rules that a test can check."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "alsingest"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_library_does_not_import_prefect():
    offenders = [p.name for p in SRC.rglob("*.py") if "prefect" in imported_modules(p)]
    assert offenders == []


def test_library_does_not_import_the_flows():
    offenders = [
        p.name for p in SRC.rglob("*.py") if p.name != "cli.py" and "flows" in imported_modules(p)
    ]
    assert offenders == []


def test_extraction_workers_do_not_import_spacy():
    """Worker processes import the pipeline at every ingest run; spaCy alone took 0.7 s of that."""
    import subprocess
    import sys

    code = (
        "import sys, alsingest.workers; from alsingest.config import load_config; "
        "from alsingest.pipeline import Toolkit; Toolkit.build(load_config(None)); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def declared_distributions() -> set[str]:
    import re
    import tomllib

    project = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    project = project["project"]
    requirements = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements.extend(extra)
    return {
        re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements
    }


def test_every_third_party_import_is_declared():
    """A module the code imports must not arrive only because another package needs it
    (starlette, uvicorn and jinja2 came with Prefect)."""
    import importlib.metadata
    import sys

    distributions = importlib.metadata.packages_distributions()
    declared = declared_distributions()
    sources = [*SRC.rglob("*.py"), *(SRC.parents[1] / "flows").glob("*.py")]
    undeclared = {}
    for path in sources:
        for module in (
            imported_modules(path) - set(sys.stdlib_module_names) - {"alsingest", "flows"}
        ):
            names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
            if not names & declared:
                undeclared[module] = path.name
    assert undeclared == {}


def test_lxml_html_clean_stays_declared():
    """Not redundant: justext asks for lxml[html_clean], and the pip a fresh venv has does not
    match that to lxml's html-clean extra, so nothing else installs it."""
    assert "lxml-html-clean" in declared_distributions()


def test_ingest_and_search_never_import_spacy_nor_an_html_parser_for_text(tmp_path):
    """spaCy is an optional extra: the pipeline and search run on the segmenter alone. A text
    article, ingested or re-ingested, loads no HTML parser (bs4, trafilatura: 0.15 s)."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("2025年6月，托夫生注射液在中国上市。", encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from alsingest import queries, store\n"
        "from alsingest.config import load_config\n"
        "from alsingest.pipeline import Toolkit, ingest_files\n"
        "import alsingest.refresh, alsingest.sources\n"
        "kit = Toolkit.build(load_config())\n"
        "db = store.open_db(':memory:')\n"
        f"ingest_files(db, [Path({str(article)!r})], kit)\n"
        "rows = queries.search(db, '托夫生', kit.segmenter, kit.converter, lexicon=kit.lexicon)\n"
        "assert rows, rows\n"
        "assert 'spacy' not in sys.modules\n"
        "assert 'bs4' not in sys.modules and 'trafilatura' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_search_loads_neither_jieba_nor_the_stages(seeded_db, tmp_path):
    """A query is a few words: ``alsingest search`` looks them up in the segmenter's
    dictionary file; jieba, the claim stages, the fetcher and HTML reading stay unloaded."""
    import subprocess
    import sys

    from conftest import copy_corpus

    copy_corpus(seeded_db, tmp_path / "c.db").close()
    code = (
        "import sys\n"
        "from alsingest.cli import cli\n"
        "try:\n"
        f"    cli(['search', '托夫生', '--db', {str(tmp_path / 'c.db')!r}])\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "loaded = [m for m in ('jieba', 'spacy', 'alsingest.claims', 'alsingest.pipeline',\n"
        "    'httpx', 'bs4', 'prefect') if m in sys.modules]\n"
        "print('loaded', loaded, file=sys.stderr)\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "托夫生" in result.stdout


def relative_imports(path: Path) -> set[str]:
    """The alsingest modules ``path`` imports when it runs, lazy imports included (those for
    type checkers only are not imports at run time)."""
    package = path.relative_to(SRC.parent).with_suffix("").parts[:-1]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            node.body = []
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = [*base, *(node.module.split(".") if node.module else [])]
            names.add(".".join(target[1:2]) or node.names[0].name)
    return names


def test_store_imports_no_stage_above_it():
    """The store stands below the stages: the records it writes come from ``records``."""
    above = {"pipeline", "sources", "refresh", "verify", "workers", "cli", "web", "assemble"}
    offenders = {
        p.name: sorted(relative_imports(p) & above)
        for p in [*(SRC / "store").glob("*.py"), SRC / "records.py"]
        if relative_imports(p) & above
    }
    assert offenders == {}
