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
    assert load_config(user).lexicon_path == (tmp_path / "my.json").resolve()


@pytest.mark.parametrize(
    "content, message",
    [
        ("[corpus\n", "not valid TOML"),
        ("[nosuch]\nx = 1\n", "unknown section or key 'nosuch'"),
        ("[ingest]\nmax_bytes = -5\n", "max_bytes must be positive"),
        ("[ingest]\nmax_bytes = 'many'\n", "bad config value"),
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
