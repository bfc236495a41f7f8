import pytest

from alsingest.config import ConfigError, load_config


def test_defaults_are_shipped(options):
    assert options.db == "alsingest.db"
    assert options.max_bytes == 5_000_000
    assert options.lexicon_path.name == "therapies.json" and options.lexicon_path.exists()


def test_user_file_is_laid_over_defaults(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('[corpus]\ndb = "other.db"\n[ingest]\nmax_bytes = 10\n', encoding="utf-8")
    options = load_config(user)
    assert options.db == "other.db" and options.max_bytes == 10
    assert options.batch_size == load_config().batch_size


def test_user_lexicon_path_is_relative_to_the_user_file(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('[lexicon]\npath = "my.json"\n', encoding="utf-8")
    (tmp_path / "my.json").write_text("{}", encoding="utf-8")
    assert load_config(user).lexicon_path == (tmp_path / "my.json").resolve()


@pytest.mark.parametrize(
    "content, message",
    [
        ("[corpus\n", "not valid TOML"),
        ("[nosuch]\nx = 1\n", "unknown section or key 'nosuch'"),
        ("[ingest]\nmax_bytes = -5\n", "ingest.max_bytes = -5: must be a whole number above 0"),
        ("[ingest]\nmax_bytes = 'many'\n", "bad config value ingest.max_bytes = 'many'"),
    ],
)
def test_bad_config_gives_a_clear_error(tmp_path, content, message):
    user = tmp_path / "bad.toml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(user)


def test_missing_config_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    "content, message",
    [
        ('[lexicon]\npath = "absent.json"\n', "lexicon.path: no lexicon file at .*absent.json"),
        ("[ingest]\nmax_bytes = inf\n", "ingest.max_bytes = inf: must be a whole number"),
        ("[ingest]\nmax_bytes = 1.5\n", "ingest.max_bytes = 1.5: must be a whole number"),
        ('[ingest]\nextensions = ".txt"\n', "ingest.extensions = '.txt': must be a list"),
        ('[ingest]\nextensions = ["txt"]\n', "ingest.extensions = \\['txt'\\]: must be a list"),
        ("[ingest]\nbatch_size = -10\n", "ingest.batch_size = -10: must be a whole number"),
        ("[ingest]\nworkers = -1\n", "ingest.workers = -1: must be 0"),
        ("[ingest]\nworkers = true\n", "ingest.workers = True"),
        ("[fetch]\nmax_bytes = 0\n", "fetch.max_bytes = 0: must be a whole number above 0"),
        ("[fetch]\ntotal_timeout = nan\n", "fetch.total_timeout = nan: must be seconds"),
        ("[fetch]\nallow_private_hosts = 1\n", "fetch.allow_private_hosts = 1: must be true"),
        ("[segment]\nhmm = 'yes'\n", "segment.hmm = 'yes': must be true or false"),
        ("[lexicon]\nextra_words = '渐冻症'\n", "lexicon.extra_words = '渐冻症': must be a list"),
        ("[corpus]\ndb = 5\n", "corpus.db = 5: must be a file name"),
        ("[schedule]\nstale_after = 7\n", "schedule.stale_after = 7: must be a duration"),
        ("[fetch]\nrespect_robots = 'yes'\n", "fetch.respect_robots = 'yes': must be true"),
        ("[sources]\nwayback = 5\n", "sources.wayback = 5: must be an http"),
        (
            "[sources]\nclinicaltrials = 'http://x/none'\n",
            "clinicaltrials = .http://x/none.: must be an http",
        ),
    ],
)
def test_every_key_is_checked_at_load_in_one_line(tmp_path, content, message):
    user = tmp_path / "bad.toml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as excinfo:
        load_config(user)
    assert "\n" not in str(excinfo.value) and str(excinfo.value).startswith(str(user))


@pytest.mark.parametrize("command", ["ingest", "fetch", "refresh", "serve", "review", "claims"])
def test_a_missing_lexicon_stops_every_command_with_one_line(tmp_path, command):
    from click.testing import CliRunner

    from alsingest.cli import cli

    user = tmp_path / "bad.toml"
    user.write_text('[lexicon]\npath = "absent.json"\n', encoding="utf-8")
    args = [command, *(["x.txt"] if command == "ingest" else [])]
    result = CliRunner().invoke(cli, [*args, "--config", str(user), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {user}: lexicon.path: no lexicon file at {(tmp_path / 'absent.json').resolve()}"
    ]
