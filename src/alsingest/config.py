"""Configuration: shipped defaults under ``config/`` with an optional user file laid on top.

Resolved once into a frozen :class:`Options` that is passed to every stage, as
trafilatura's ``use_config`` does.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
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


def load_config(path: str | Path | None = None) -> Options:
    """Read the shipped defaults and lay the user file at ``path`` (if any) over them."""
    default_file = defaults_dir() / "defaults.toml"
    data = _read_toml(default_file)
    lexicon_base = default_file.parent
    if path is not None:
        user_file = Path(path)
        user = _read_toml(user_file)
        data = _merge(data, user, user_file)
        if "path" in user.get("lexicon", {}):
            lexicon_base = user_file.parent
    try:
        options = Options(
            db=str(data["corpus"]["db"]),
            max_bytes=int(data["ingest"]["max_bytes"]),
            extensions=tuple(e.lower() for e in data["ingest"]["extensions"]),
            batch_size=max(1, int(data["ingest"]["batch_size"])),
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
    if options.max_bytes <= 0:
        raise ConfigError("ingest.max_bytes must be positive")
    if options.workers < 0:
        raise ConfigError("ingest.workers must be 0 (one per core) or more")
    return options
