"""Declarative, layered configuration.

Packaged defaults (``defaults.toml``) < a user TOML file < explicit
overrides from the API or command line, loaded into one typed, frozen
:class:`Config`. An unknown key or a value of the wrong type fails at once
with a message naming the valid keys.
"""
from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from .errors import Code, ConfigError, one_of

_DEFAULTS = Path(__file__).with_name("defaults.toml")
HTML_FOCUS = ("balanced", "precision", "recall")


@dataclass(frozen=True, slots=True)
class NlpConfig:
    model: str
    batch_size: int
    workers: int
    chunk_chars: int
    batch_chars: int


@dataclass(frozen=True, slots=True)
class IngestConfig:
    max_bytes: int
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    encoding: str
    encodings: tuple[str, ...]
    html_focus: str
    boilerplate: tuple[str, ...]
    heading_max_words: int
    # the date of a document whose metadata and text give none ("" for none)
    document_date: str = ""
    # the outlet of a document whose metadata, text and URL name none ("" for none)
    publisher: str = ""


@dataclass(frozen=True, slots=True)
class HtmlConfig:
    max_nodes: int
    layout: str
    size_by: str
    title: str


@dataclass(frozen=True, slots=True)
class GazetteerConfig:
    # an analyst's own gazetteer (the format of ontology/gazetteer.toml),
    # laid over the packaged one; "" for none. A relative path is relative to
    # the config file that names it.
    user: str


@dataclass(frozen=True, slots=True)
class Config:
    nlp: NlpConfig
    ingest: IngestConfig
    html: HtmlConfig
    gazetteer: GazetteerConfig

    def with_overrides(self, **sections: dict[str, Any]) -> "Config":
        """A copy with some keys replaced, e.g. ``nlp={"model": "x"}``."""
        return _build(_merge(_as_dict(self), sections), "overrides", template=self)


_SECTIONS = {"nlp": NlpConfig, "ingest": IngestConfig, "html": HtmlConfig, "gazetteer": GazetteerConfig}


def _as_dict(cfg: Config) -> dict[str, dict[str, Any]]:
    return {
        name: {f.name: getattr(getattr(cfg, name), f.name) for f in fields(cls)}
        for name, cls in _SECTIONS.items()
    }


def _merge(base: dict, over: dict) -> dict:
    out = {k: dict(v) for k, v in base.items()}
    for section, values in over.items():
        if section not in _SECTIONS:
            raise ConfigError(Code.BAD_CONFIG, f"unknown section {one_of(section, _SECTIONS)}")
        if not isinstance(values, dict):
            raise ConfigError(Code.BAD_CONFIG, f"[{section}] must be a table")
        out.setdefault(section, {}).update(values)
    return out


def _coerce(section: str, name: str, value: Any, default: Any) -> Any:
    want = type(default)
    if want is tuple:
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(Code.BAD_CONFIG, f"{section}.{name} must be a list of strings")
        return tuple(value)
    if want is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(Code.BAD_CONFIG, f"{section}.{name} must be an integer, not {value!r}")
    if want is str and not isinstance(value, str):
        raise ConfigError(Code.BAD_CONFIG, f"{section}.{name} must be a string, not {value!r}")
    return value


def _build(data: dict, origin: str, template: Config | None = None) -> Config:
    sections = {}
    for name, cls in _SECTIONS.items():
        values = data.get(name, {})
        valid = {f.name for f in fields(cls)}
        unknown = set(values) - valid
        if unknown:
            raise ConfigError(
                Code.BAD_CONFIG,
                f"{origin}: unknown key [{name}] {one_of(sorted(unknown)[0], valid)}",
            )
        base = getattr(template, name) if template else None
        kwargs = {}
        for f in fields(cls):
            if f.name not in values:
                if base is None:
                    raise ConfigError(Code.BAD_CONFIG, f"{origin}: [{name}] {f.name} is missing")
                kwargs[f.name] = getattr(base, f.name)
                continue
            default = getattr(base, f.name) if base else values[f.name]
            if base is None and isinstance(default, list):
                default = tuple(default)
            kwargs[f.name] = _coerce(name, f.name, values[f.name], default)
        sections[name] = cls(**kwargs)
    cfg = Config(**sections)
    _validate(cfg, origin)
    return cfg


def _validate(cfg: Config, origin: str) -> None:
    if cfg.nlp.batch_size < 1:
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: nlp.batch_size must be at least 1")
    if cfg.nlp.workers < 1:
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: nlp.workers must be at least 1")
    if cfg.ingest.max_bytes < 1:
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: ingest.max_bytes must be at least 1")
    if not 1_000 <= cfg.nlp.chunk_chars <= 1_000_000:
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: nlp.chunk_chars must be between 1000 and 1000000 "
                                           f"(spaCy's max_length)")
    if cfg.nlp.batch_chars < cfg.nlp.chunk_chars:
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: nlp.batch_chars ({cfg.nlp.batch_chars}) must be at least "
                                           f"nlp.chunk_chars ({cfg.nlp.chunk_chars})")
    if cfg.ingest.document_date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cfg.ingest.document_date):
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: ingest.document_date must be a date such as 2024-03-18, "
                                           f"not {cfg.ingest.document_date!r}")
    if cfg.ingest.document_date:
        try:
            date.fromisoformat(cfg.ingest.document_date)
        except ValueError:
            raise ConfigError(Code.BAD_CONFIG, f"{origin}: ingest.document_date {cfg.ingest.document_date!r} "
                                               f"is not a day of the calendar") from None
    if cfg.ingest.html_focus not in HTML_FOCUS:
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: ingest.html_focus {one_of(cfg.ingest.html_focus, HTML_FOCUS)}")
    named = [("encodings", n) for n in cfg.ingest.encodings]
    if cfg.ingest.encoding != "auto":
        named.append(("encoding", cfg.ingest.encoding))
    for key, name in named:
        try:
            codecs.lookup(name)
        except LookupError:
            raise ConfigError(Code.BAD_CONFIG, f"{origin}: ingest.{key}: {name!r} is not an encoding Python "
                                               f"knows (e.g. 'utf-8', 'cp1252'; or 'auto' for ingest.encoding)"
                              ) from None
    if cfg.gazetteer.user and not Path(cfg.gazetteer.user).expanduser().is_file():
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: gazetteer.user: {cfg.gazetteer.user} is not a file")
    if cfg.html.max_nodes < 0:
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: html.max_nodes must be 0 or more")
    if cfg.html.layout not in ("auto", "networkx", "physics"):
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: html.layout {one_of(cfg.html.layout, ('auto', 'networkx', 'physics'))}")
    if cfg.html.size_by not in ("degree", "mentions"):
        raise ConfigError(Code.BAD_CONFIG, f"{origin}: html.size_by {one_of(cfg.html.size_by, ('degree', 'mentions'))}")


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(Code.BAD_CONFIG, f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Code.BAD_CONFIG, f"config file {path} is not valid TOML: {exc}") from None


def default_config() -> Config:
    return _build(_read_toml(_DEFAULTS), str(_DEFAULTS))


def load_config(path: str | Path | None = None, **overrides: dict[str, Any]) -> Config:
    """Packaged defaults, then the user file at ``path``, then ``overrides``."""
    cfg = default_config()
    if path is not None:
        user = _read_toml(Path(path))
        named = user.get("gazetteer", {}).get("user") if isinstance(user.get("gazetteer"), dict) else None
        if isinstance(named, str) and named and not Path(named).expanduser().is_absolute():
            user["gazetteer"]["user"] = str((Path(path).resolve().parent / named).resolve())
        cfg = _build(_merge(_as_dict(cfg), user), str(path), template=cfg)
    if overrides:
        cfg = _build(_merge(_as_dict(cfg), overrides), "overrides", template=cfg)
    return cfg
