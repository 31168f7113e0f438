"""The mention word lists of ``ontology/mentions.toml``, typed and checked."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import Code, ConfigError
from ..model import EntityType
from ..resources import ontology_file, read_toml


@dataclass(frozen=True, slots=True)
class MentionWords:
    titles: frozenset[str]
    state_nouns: frozenset[str]
    government_nouns: frozenset[str]
    military_nouns: frozenset[str]
    intelligence_nouns: frozenset[str]
    patron_nouns: frozenset[str]
    people_nouns: frozenset[str]
    anaphors: dict[str, tuple[EntityType, ...]]  # classes in order of preference
    pronouns: dict[str, tuple[EntityType, ...]]
    event_nouns: frozenset[str]
    event_verbs: frozenset[str]
    named_event_words: frozenset[str]
    event_heads: frozenset[str]
    definite_events: frozenset[str]
    event_kinds: dict[str, int]
    directions: dict[str, str]  # "southern" -> "south": the regions of a state  # noun -> its kind of incident ("raid" and "attack" are one kind)
    org_types: tuple[tuple[str, EntityType], ...]
    place_verbs: frozenset[str]
    place_nouns: frozenset[str]
    context_types: tuple[tuple[str, EntityType], ...]  # longest phrase first
    state_body_words: frozenset[str]
    armed_name_words: frozenset[str]
    not_names: frozenset[str]
    generic_nouns: frozenset[str]


def _strings(data: dict, section: str, key: str, where: str) -> frozenset[str]:
    value = data.get(section, {}).get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: [{section}] {key} must be a list of strings")
    return frozenset(value)


def _directions(data: dict, where: str) -> dict[str, str]:
    groups = data.get("regions", {}).get("directions")
    if not isinstance(groups, list) or not all(
            isinstance(g, list) and g and all(isinstance(w, str) for w in g) for g in groups):
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: [regions] directions must be a list of lists of strings")
    return {w.lower(): g[0].lower() for g in groups for w in g}


def _kinds(data: dict, where: str) -> dict[str, int]:
    groups = data.get("events", {}).get("kinds")
    if not isinstance(groups, list) or not all(
            isinstance(g, list) and all(isinstance(w, str) for w in g) for g in groups):
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: [events] kinds must be a list of lists of strings")
    return {w: n for n, g in enumerate(groups) for w in g}


def _type(name: str, where: str) -> EntityType:
    try:
        return EntityType(name)
    except ValueError:
        raise ConfigError(Code.BAD_DATA_FILE, f"{where}: {name!r} is not an entity class") from None


def _context_types(data: dict, path: str) -> tuple[tuple[str, EntityType], ...]:
    """Context nouns and their class: the curated lists, then PETRARCH2's agent
    nouns of armed groups and forces (``ontology/world/descriptors.tsv``)."""
    out: dict[str, EntityType] = {}
    for cls, words in data.get("context_types", {}).items():
        for w in words:
            out.setdefault(w.lower(), _type(cls, path))
    desc = ontology_file("world/descriptors.tsv")
    for line in desc.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("word\t"):
            continue
        word, cls, _code = line.split("\t")
        if cls == "ArmedGroup":  # "the X rebels"; a force's agent nouns are people ("X commander")
            out.setdefault(word, EntityType(cls))
            out.setdefault(word + "s", EntityType(cls))
    return tuple(sorted(out.items(), key=lambda kv: (-len(kv[0].split()), kv[0])))


def load_mention_words(path: str | Path | None = None) -> MentionWords:
    return _load(str(path) if path else str(ontology_file("mentions.toml")))


@cache
def _load(path: str) -> MentionWords:
    data = read_toml(path, "mention word lists")
    anaphors = {
        noun: tuple(_type(t, path) for t in types)
        for noun, types in data.get("anaphors", {}).items()
    }
    pronouns = {
        word: tuple(_type(t, path) for t in types)
        for word, types in data.get("pronouns", {}).items()
    }
    org_types = tuple(
        (word, _type(cls, path))
        for cls, words in data.get("org_types", {}).items()
        for word in words
    )
    return MentionWords(
        titles=_strings(data, "titles", "words", path),
        state_nouns=_strings(data, "demonym_nouns", "state", path),
        government_nouns=_strings(data, "demonym_nouns", "government", path),
        military_nouns=_strings(data, "demonym_nouns", "military", path),
        intelligence_nouns=_strings(data, "demonym_nouns", "intelligence", path),
        patron_nouns=_strings(data, "demonym_nouns", "patron", path),
        people_nouns=_strings(data, "demonym_nouns", "people", path),
        anaphors=anaphors,
        pronouns=pronouns,
        event_nouns=_strings(data, "events", "nouns", path),
        event_verbs=_strings(data, "events", "verbs", path),
        named_event_words=_strings(data, "events", "named", path),
        event_heads=_strings(data, "events", "named_by_modifier", path),
        definite_events=_strings(data, "events", "definite", path),
        event_kinds=_kinds(data, path),
        directions=_directions(data, path),
        org_types=org_types,
        place_verbs=_strings(data, "metonymy", "place_verbs", path),
        place_nouns=_strings(data, "metonymy", "place_nouns", path),
        context_types=_context_types(data, path),
        state_body_words=_strings(data, "name_words", "state_bodies", path),
        armed_name_words=_strings(data, "name_words", "armed", path),
        not_names=_strings(data, "not_names", "words", path),
        generic_nouns=_strings(data, "demonym_nouns", "generic", path),
    )
