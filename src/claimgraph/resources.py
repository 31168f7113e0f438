"""Where the packaged data lives.

The ontology folder (``ontology/`` at the top of the repository) is copied
into the wheel as ``claimgraph/ontology``; a source checkout or an editable
install reads it from the repository instead.
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from .errors import Code, ConfigError


@cache
def ontology_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "ontology"
    checkout = Path(__file__).resolve().parents[2] / "ontology"
    for candidate in (packaged, checkout):
        if (candidate / "claimgraph.ttl").is_file():
            return candidate
    raise ConfigError(
        Code.BAD_DATA_FILE,
        f"the ontology folder was not found (looked in {packaged} and {checkout}); "
        "reinstall claimgraph",
    )


def ontology_file(name: str) -> Path:
    path = ontology_dir() / name
    if not path.is_file():
        raise ConfigError(Code.BAD_DATA_FILE, f"missing data file {path}")
    return path


def read_toml(path: str | Path, what: str) -> dict:
    """Read a TOML data file; a missing or malformed file is a coded error
    that names it (``what``: "gazetteer", "cue lexicon" ...)."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(Code.BAD_DATA_FILE, f"{what} {path} does not exist") from None
    except OSError as exc:
        raise ConfigError(Code.BAD_DATA_FILE, f"cannot read {what} {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Code.BAD_DATA_FILE, f"{what} {path} is not valid TOML: {exc}") from None
