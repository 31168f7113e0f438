"""The gazetteer: canonical actors and places, read from ``ontology/gazetteer.toml``.

One place knows every entry, its class, its aliases and the links between
entries (a state's capital, de facto government and military), checked when
the file is loaded so that a typo fails at once with the entry it is in.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import Code, ConfigError, one_of
from .model import EntityType
from .resources import ontology_file, read_toml

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"id", "label", "type", "aliases", "demonyms", "capital", "capital_of",
         "government", "military", "intelligence", "wikidata"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    id: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    capital_of: str | None = None
    government: str | None = None
    military: str | None = None
    intelligence: str | None = None
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The label first, then the aliases (as written)."""
        return (self.label, *self.aliases)


def fold(name: str) -> str:
    """Fold a name for comparison: NFKC, case, quotes, hyphens, 'the', possessive."""
    s = unicodedata.normalize("NFKC", name).casefold()
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b|s'$", "", s)
    s = re.sub(r"[-\u2010-\u2015_/]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()


class Gazetteer:
    """Entries by id, with look-ups by folded name and by demonym."""

    def __init__(self, entries: list[GazetteerEntry], source: str = "<memory>") -> None:
        self.source = source
        self.entries: dict[str, GazetteerEntry] = {}
        for e in entries:
            if e.id in self.entries:
                raise ConfigError(Code.BAD_DATA_FILE, f"{source}: id {e.id!r} is used twice")
            self.entries[e.id] = e
        self._by_name: dict[str, list[str]] = defaultdict(list)
        self._demonyms: dict[str, str] = {}
        for e in entries:
            for name in e.names:
                ids = self._by_name[fold(name)]
                if e.id not in ids:
                    ids.append(e.id)
            for d in e.demonyms:
                self._demonyms[d.casefold()] = e.id
        self._check_links()

    def _check_links(self) -> None:
        for e in self.entries.values():
            for attr in ("capital", "capital_of", "government", "military", "intelligence"):
                target = getattr(e, attr)
                if target is not None and target not in self.entries:
                    raise ConfigError(Code.BAD_DATA_FILE,
                                      f"{self.source}: entry {e.id!r} has {attr} {target!r}, which is not an entry")

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entries

    def __getitem__(self, entity_id: str) -> GazetteerEntry:
        return self.entries[entity_id]

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Entries one of whose names folds to the same string as ``name``."""
        return [self.entries[i] for i in self._by_name.get(fold(name), ())]

    def demonym_words(self) -> frozenset[str]:
        """Every demonym, case-folded ("afghan", "pakistani", ...)."""
        return frozenset(self._demonyms)

    def state_of_demonym(self, word: str) -> GazetteerEntry | None:
        sid = self._demonyms.get(word.casefold())
        return self.entries[sid] if sid else None

    def government_of(self, state_id: str) -> GazetteerEntry:
        """The de facto government of a state, or the state itself."""
        state = self.entries[state_id]
        return self.entries[state.government] if state.government else state

    def military_of(self, state_id: str) -> GazetteerEntry | None:
        state = self.entries[state_id]
        return self.entries[state.military] if state.military else None

    def intelligence_of(self, state_id: str) -> GazetteerEntry | None:
        state = self.entries[state_id]
        return self.entries[state.intelligence] if state.intelligence else None


def _entry(raw: dict, source: str, n: int) -> GazetteerEntry:
    where = f"{source}: entry {n} ({raw.get('id', '?')})"
    unknown = set(raw) - _KEYS
    if unknown:
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: unknown key {one_of(sorted(unknown)[0], _KEYS)}")
    for key in ("id", "label", "type"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ConfigError(Code.BAD_DATA_FILE, f"{where}: {key} must be a non-empty string")
    if not _ID.match(raw["id"]):
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: id must be a lower-case slug like 'al-qaeda'")
    try:
        etype = EntityType(raw["type"])
    except ValueError:
        raise ConfigError(Code.BAD_DATA_FILE,
                          f"{where}: type {one_of(raw['type'], [t.value for t in EntityType])}") from None
    lists = {}
    for key in ("aliases", "demonyms"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(Code.BAD_DATA_FILE, f"{where}: {key} must be a list of non-empty strings")
        lists[key] = tuple(dict.fromkeys(v for v in value if v != raw["label"]))
    return GazetteerEntry(
        id=raw["id"], label=raw["label"], type=etype,
        aliases=lists["aliases"], demonyms=lists["demonyms"],
        capital=raw.get("capital"), capital_of=raw.get("capital_of"),
        government=raw.get("government"), military=raw.get("military"),
        intelligence=raw.get("intelligence"), wikidata=raw.get("wikidata"),
    )


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Read a gazetteer file (the packaged one by default)."""
    path = Path(path) if path is not None else ontology_file("gazetteer.toml")
    return _load(str(path))


@cache
def _load(path: str) -> Gazetteer:
    data = read_toml(path, "gazetteer")
    raw_entries = data.get("entity", [])
    if not isinstance(raw_entries, list):
        raise ConfigError(Code.BAD_DATA_FILE, f"{path}: expected [[entity]] tables")
    return Gazetteer([_entry(r, path, n) for n, r in enumerate(raw_entries, 1)], source=path)
