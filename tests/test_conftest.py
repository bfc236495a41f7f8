"""The test session cleans up after itself: the segmenter cache folder conftest makes for it
(``ALSINGEST_CACHE_DIR``, about 18 MB) is gone when pytest ends."""

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

# A plugin for the inner session: what the cache folder holds just before pytest ends.
PROBE = """
import json, os
from pathlib import Path


def pytest_sessionfinish(session):
    folder = Path(os.environ["ALSINGEST_CACHE_DIR"])
    files = sorted(p.name for p in folder.iterdir())
    Path(os.environ["PROBE_OUT"]).write_text(json.dumps({"folder": str(folder), "files": files}))
"""
# A test that segments, so the session's cache folder gets its dictionary file.
SEGMENTING_TEST = (
    "tests/test_queries.py::test_a_plain_query_highlights_what_it_matched_in_either_script"
)


def run_session(tmp_path, args: list[str], cache_dir=None) -> dict:
    """Run pytest on this suite with its own TMPDIR; what the probe saw at its end."""
    (tmp_path / "probe.py").write_text(PROBE)
    env = {k: v for k, v in os.environ.items() if k != "ALSINGEST_CACHE_DIR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path), env.get("PYTHONPATH")]))
    env.update(TMPDIR=str(tmp_path / "tmp"), PROBE_OUT=str(tmp_path / "probe.json"))
    if cache_dir is not None:
        env["ALSINGEST_CACHE_DIR"] = str(cache_dir)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "probe"]
    result = subprocess.run(
        [*command, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: nothing ran
    return json.loads((tmp_path / "probe.json").read_text())


@pytest.mark.parametrize(
    "args", [[SEGMENTING_TEST], [SEGMENTING_TEST, "--collect-only"]], ids=["run", "collect"]
)
def test_the_session_removes_the_cache_folder_it_made(tmp_path, args):
    (tmp_path / "tmp").mkdir()
    seen = run_session(tmp_path, args)
    folder = seen["folder"]
    assert folder.startswith(str(tmp_path / "tmp" / "alsingest-cache-"))
    if "--collect-only" not in args:
        assert any(name.startswith("segmenter-") for name in seen["files"]), seen
    assert not os.path.exists(folder)
    assert list((tmp_path / "tmp").glob("alsingest-cache-*")) == []


def test_a_cache_folder_the_caller_names_is_left_alone(tmp_path):
    (tmp_path / "tmp").mkdir()
    mine = tmp_path / "mine"
    mine.mkdir()
    seen = run_session(tmp_path, [SEGMENTING_TEST], cache_dir=mine)
    assert seen["folder"] == str(mine)
    assert sorted(p.name for p in mine.iterdir()) == seen["files"] != []
    assert list((tmp_path / "tmp").glob("alsingest-cache-*")) == []
