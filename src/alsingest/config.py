"""Configuration: shipped defaults under ``config/`` with an optional user file laid on top.

Resolved once into a frozen :class:`Options` that is passed to every stage, as
trafilatura's ``use_config`` does.
"""

from __future__ import annotations

import logging
import math
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

logger = logging.getLogger(__name__)


def defaults_dir() -> Path:
    """The shipped ``config/`` folder: inside the wheel, or the repository's own."""
    packaged = Path(__file__).parent / "_config"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "config"


class ConfigError(ValueError):
    """A configuration file is missing, unreadable or has a bad value."""


@dataclass(frozen=True)
class Options:
    db: str
    max_bytes: int
    extensions: tuple[str, ...]
    batch_size: int
    workers: int  # extraction processes; resolved from 0 = one per core
    dask_address: str
    lexicon_path: Path
    extra_words: tuple[str, ...]
    therapy_classes: frozenset[str]
    segment_hmm: bool
    source: (
        str | None
    )  # the user file laid over the defaults, for processes that rebuild these options
    # Sections owned by later stages (fetch, schedule, ...) stay as read-only mappings.
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def section(self, name: str) -> Mapping[str, Any]:
        return self.sections.get(name, MappingProxyType({}))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None


def _merge(base: dict[str, Any], over: dict[str, Any], source: Path) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if key not in base:
            raise ConfigError(f"{source}: unknown section or key {key!r}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: {key!r} must be a table")
            merged[key] = _merge(base[key], value, source)
        else:
            merged[key] = value
    return merged


# What every key must hold: (kind, test, what the test asks for). Checked at load, so a
# mistake is one line naming the key before any command starts; the stages that read
# a section (fetch, schedule) check its deeper meaning again.
def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    return _whole(value) or (isinstance(value, float) and math.isfinite(value))


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _extensions(value: Any) -> bool:
    return (
        _words(value)
        and bool(value)
        and all(v.startswith(".") and len(v) > 1 and "/" not in v for v in value)
    )


def _template(value: Any, placeholder: str) -> bool:
    """A source URL template: empty (turned off), or an http(s) URL holding ``placeholder``."""
    return _text(value) and (
        value == "" or (value.lower().startswith(("http://", "https://")) and placeholder in value)
    )


Rule = tuple[Callable[[Any], bool], str]
SCHEMA: dict[tuple[str, str], Rule] = {
    ("corpus", "db"): (lambda v: _text(v) and bool(v.strip()), "a file name"),
    ("ingest", "max_bytes"): (lambda v: _whole(v) and v > 0, "a whole number above 0"),
    ("ingest", "extensions"): (_extensions, 'a list of extensions such as [".txt", ".md"]'),
    ("ingest", "batch_size"): (lambda v: _whole(v) and v >= 1, "a whole number, at least 1"),
    ("ingest", "workers"): (lambda v: _whole(v) and v >= 0, "0 (one per core) or more"),
    ("ingest", "dask_address"): (_text, "a string (empty: this machine)"),
    ("lexicon", "path"): (lambda v: _text(v) and bool(v.strip()), "the lexicon file's path"),
    ("lexicon", "extra_words"): (_words, "a list of words"),
    ("lexicon", "classes"): (_words, "a list of therapy class ids"),
    ("segment", "hmm"): (lambda v: isinstance(v, bool), "true or false"),
    ("fetch", "concurrency"): (lambda v: _whole(v) and v >= 1, "a whole number, at least 1"),
    ("fetch", "per_host"): (lambda v: _whole(v) and v >= 1, "a whole number, at least 1"),
    ("fetch", "connect_timeout"): (lambda v: _number(v) and v > 0, "seconds above 0"),
    ("fetch", "read_timeout"): (lambda v: _number(v) and v > 0, "seconds above 0"),
    ("fetch", "total_timeout"): (lambda v: _number(v) and v > 0, "seconds above 0"),
    ("fetch", "retries"): (lambda v: _whole(v) and v >= 0, "a whole number, 0 or more"),
    ("fetch", "backoff_base"): (lambda v: _number(v) and v >= 0, "seconds, 0 or more"),
    ("fetch", "backoff_max"): (lambda v: _number(v) and v >= 0, "seconds, 0 or more"),
    ("fetch", "max_redirects"): (lambda v: _whole(v) and v >= 0, "a whole number, 0 or more"),
    ("fetch", "max_bytes"): (lambda v: _whole(v) and v > 0, "a whole number above 0"),
    ("fetch", "user_agent"): (lambda v: _text(v) and bool(v.strip()), "a non-empty string"),
    ("fetch", "allow_private_hosts"): (lambda v: isinstance(v, bool), "true or false"),
    ("fetch", "respect_robots"): (lambda v: isinstance(v, bool), "true or false"),
    ("schedule", "refresh_cron"): (_text, "a cron string such as '0 3 * * *'"),
    ("schedule", "timezone"): (_text, "an IANA timezone such as 'Asia/Shanghai'"),
    ("schedule", "stale_after"): (_text, "a duration such as 7d, 12h or 30m"),
    ("sources", "clinicaltrials"): (
        lambda v: _template(v, "{id}"),
        "an http(s) URL holding {id}, or empty (off)",
    ),
    ("sources", "chictr"): (
        lambda v: _template(v, "{id}"),
        "an http(s) URL holding {id}, or empty (off)",
    ),
    ("sources", "wayback"): (
        lambda v: _template(v, "{url}"),
        "an http(s) URL holding {url}, or empty (off)",
    ),
}


def check_values(data: Mapping[str, Any], source: Path) -> None:
    """:class:`ConfigError` naming the first key whose value has the wrong type or range."""
    for (section, key), (test, wanted) in SCHEMA.items():
        if key not in data.get(section, {}):
            continue  # the defaults name every key; a key the user dropped is not possible
        value = data[section][key]
        if not test(value):
            raise ConfigError(
                f"{source}: bad config value {section}.{key} = {value!r}: must be {wanted}"
            )


def load_config(path: str | Path | None = None) -> Options:
    """Read the shipped defaults and lay the user file at ``path`` (if any) over them."""
    default_file = defaults_dir() / "defaults.toml"
    data = _read_toml(default_file)
    lexicon_base = default_file.parent
    source = default_file
    if path is not None:
        user_file = source = Path(path)
        user = _read_toml(user_file)
        data = _merge(data, user, user_file)
        if "path" in user.get("lexicon", {}):
            lexicon_base = user_file.parent
    check_values(data, source)
    try:
        options = Options(
            db=str(data["corpus"]["db"]),
            max_bytes=int(data["ingest"]["max_bytes"]),
            extensions=tuple(e.lower() for e in data["ingest"]["extensions"]),
            batch_size=int(data["ingest"]["batch_size"]),
            workers=int(data["ingest"]["workers"]) or (os.cpu_count() or 1),
            dask_address=str(data["ingest"]["dask_address"]).strip(),
            lexicon_path=(lexicon_base / data["lexicon"]["path"]).resolve(),
            extra_words=tuple(data["lexicon"]["extra_words"]),
            therapy_classes=frozenset(data["lexicon"]["classes"]),
            segment_hmm=bool(data["segment"]["hmm"]),
            source=str(path) if path is not None else None,
            sections=MappingProxyType(
                {k: MappingProxyType(v) for k, v in data.items() if isinstance(v, dict)}
            ),
        )
    except (TypeError, ValueError) as e:
        raise ConfigError(f"bad config value: {e}") from None
    if not options.lexicon_path.is_file():
        raise ConfigError(f"{source}: lexicon.path: no lexicon file at {options.lexicon_path}")
    return options
