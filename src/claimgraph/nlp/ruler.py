"""The gazetteer ruler: a spaCy component that marks known names as entities.

It runs before the statistical recogniser, which then keeps these spans and
labels the rest. Names are matched on lower-case tokens and then checked
for case: a capitalised word of a name must be capitalised in the text
("Islamic State" never matches "an Islamic state") and an acronym must be
written exactly ("US" never matches "us"; "LeT" never matches "Let").
An acronym that two entries share ("FC") goes to the entry whose other
names the document uses, else to the first entry listed.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Gazetteer, GazetteerEntry, fold, load_gazetteer
from ..model import EntityType
from ..names import translit_key

KIND = "gazetteer"
# a place of the world data that the ruler cannot confirm on its own (a
# town called "Police", a region called "Plateau"): the mention finder
# decides with the recogniser's label and the document's countries
PLACE_CANDIDATES = "cg_place_candidates"
# how many tokens a name of the world data has at most, and the lower-case
# words a name may start with ("al-Shabaab")
_MAX_RUN = 6
_TITLE_WORDS = ("President", "Prime", "Minister", "Secretary", "Secretary-General", "General", "Chief", "Commander",
                "Spokesman", "Spokesperson", "Leader", "Governor", "Foreign", "Defence", "Defense", "Interior",
                "Ambassador", "Deputy", "Head", "Director", "Colonel", "Major", "Lieutenant", "Captain", "Emir")
_LOWER_STARTS = frozenset({"al", "el", "ul", "ash", "as", "ad", "ar", "an", "ad"})
# single capitalised words that are names of divisions somewhere but mostly
# something else in English prose
_COMMON = frozenset({"north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
                     "eastern", "western", "capital", "coast", "lakes", "upper", "lower", "plateau", "delta", "unity",
                     "littoral", "islands", "border", "federal", "national", "union", "nord", "sud", "est", "ouest",
                     "mountain", "mountains", "valley", "river", "lake", "sea", "gulf", "bay", "city", "state",
                     "province", "region", "district", "county", "island", "highlands", "hills", "ocean",
                     "march", "may", "june", "july", "august", "january", "april", "september", "october",
                     "november", "december", "february", "monday", "tuesday", "wednesday", "thursday", "friday",
                     "saturday", "sunday", "reuters", "police", "army", "government"})

# The label a gazetteer span carries in ``doc.ents``: one the recogniser
# already knows. A label it does not know makes spaCy's recogniser add an
# action for it and grow its output layer with untrained weights: every
# later step scores more actions (about a fifth of the recogniser's time on
# en_core_web_sm) and the untrained ones can win on words nobody marked.
# Nothing downstream reads this label: a gazetteer span's class is its
# entry's (``kb_id``).
NER_LABELS = {
    EntityType.STATE: ("GPE",),
    EntityType.PLACE: ("GPE", "LOC"),
    EntityType.ARMED_GROUP: ("ORG",),
    EntityType.GOVERNMENT: ("ORG",),
    EntityType.SECURITY_FORCE: ("ORG",),
    EntityType.ORGANIZATION: ("ORG",),
    EntityType.PERSON: ("PERSON", "PER"),
    EntityType.EVENT: ("EVENT",),
}


def ner_label_map(nlp: Language) -> dict[EntityType, str]:
    """Each entity class's label among those of the pipeline's recogniser
    (its first known preference, else the recogniser's first label)."""
    known = list(nlp.get_pipe("ner").labels) if "ner" in nlp.pipe_names else []
    out = {}
    for etype in EntityType:
        wanted = [lab for lab in NER_LABELS.get(etype, ()) if lab in known]
        out[etype] = wanted[0] if wanted else (sorted(known)[0] if known else etype.value)
    return out


@lru_cache(maxsize=65536)
def _needs_exact(word: str) -> bool:
    """An acronym or a mixed-case word must match exactly."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and any(c.isupper() for c in word[1:])


# generic words at the end of a name that writers often leave in lower case
# ("the Islamic State in Khorasan province", "Paktika province")
_GENERIC = frozenset({"province", "district", "valley", "region", "city", "port", "agency", "faction", "group",
                      "network", "corridor"})


def _case_ok(name_words: tuple[str, ...], text_words) -> bool:
    return _case_ok_cached(name_words, tuple(text_words))


@lru_cache(maxsize=65536)
def _case_ok_cached(name_words: tuple[str, ...], text_words: tuple[str, ...]) -> bool:
    for want, got in zip(name_words, text_words, strict=True):
        if not any(c.isupper() for c in want) or want.lower() in _GENERIC:
            continue
        if _needs_exact(want):
            if got != want:
                return False
        elif not got[:1].isupper():
            return False
    return True


class GazetteerRuler:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels = ner_label_map(nlp)
        # words that may follow a name without being part of it ("Hezbollah Secretary-General ...")
        self.titles = frozenset(_TITLE_WORDS)
        # key -> [(words as written, entry ids in gazetteer order)]
        self.forms: dict[str, list[tuple[tuple[str, ...], list[str]]]] = defaultdict(list)
        order = {e.id: n for n, e in enumerate(gazetteer)}
        by_form: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for entry in gazetteer:
            if entry.tokens and not entry.source.startswith("curated"):
                continue  # a world entry in memory (a country, a capital): the world look-up finds it
            for name_ in entry.names:
                if name_.lower().startswith("the "):
                    name_ = name_[4:]
                words = tuple(t.text for t in nlp.make_doc(name_))
                if entry.id not in by_form[words]:
                    by_form[words].append(entry.id)
        patterns: dict[str, Doc] = {}
        for words, ids in by_form.items():
            key = " ".join(w.lower() for w in words)
            self.forms[key].append((words, sorted(ids, key=order.__getitem__)))
            if key not in patterns:
                patterns[key] = nlp.make_doc(" ".join(words))
        for key, pattern in patterns.items():
            self.matcher.add(key, [pattern])
        # transliteration keys of names of two words or more, for fuzzy matching
        self._fuzzy_keys: list[str] = []
        self._fuzzy_ids: list[str] = []
        self._fuzzy_seen: dict[str, str | None] = {}
        for entry in gazetteer:
            if not entry.source.startswith("curated"):
                continue  # transliteration variants of the curated names (the world data lists its own)
            for name_ in entry.names:
                parts = [w for w in re.split(r"[\s\-]+", name_) if w]
                if len(parts) >= 2 and not any(_needs_exact(w) for w in parts):
                    self._fuzzy_keys.append(translit_key(name_))
                    self._fuzzy_ids.append(entry.id)

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[tuple[int, int, list[str]]] = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            text_words = [t.text for t in doc[start:end]]
            ids: list[str] = []
            for words, form_ids in self.forms[key]:
                if _case_ok(words, text_words):
                    ids.extend(i for i in form_ids if i not in ids)
            if ids:
                candidates.append((start, end, ids))
        words = _Words.of(doc)
        places = self._world(doc, words, candidates)
        candidates.extend(self._elliptical(doc, candidates))
        candidates.extend(self._fuzzy(doc, words, candidates))
        # entries named unambiguously somewhere in this document
        named_here = {ids[0] for _, _, ids in candidates if len(ids) == 1}
        spans = []
        for start, end, ids in candidates:
            chosen = next((i for i in ids if i in named_here), ids[0])
            entry = self.gazetteer[chosen]
            spans.append(Span(doc, start, end, label=self.labels[entry.type], kb_id=chosen, span_id=KIND))
        keep = filter_spans(spans + [e for e in doc.ents])
        doc.set_ents(keep, default="unmodified")
        taken = {i for e in keep for i in range(e.start, e.end)}
        doc.spans[PLACE_CANDIDATES] = [p for p in places if not any(i in taken for i in range(p.start, p.end))]
        return doc

    def _world(self, doc: Doc, words: "_Words", candidates: list[tuple[int, int, list[str]]]) -> list[Span]:
        """Names of the world data (countries, divisions, cities, armed groups,
        international bodies), looked up by the token runs of the text in one
        query. Countries and actors join ``candidates``; a place joins them
        when the document names its country or when its name has two words
        or more ("Rakhine State"), else it is only a place candidate."""
        if self.gazetteer.world is None:
            return []
        texts, lowers, starts = words.texts, words.lowers, words.sent_starts
        n = len(texts)
        runs: dict[str, list[tuple[int, int]]] = defaultdict(list)
        firsts = self.gazetteer.world.first_words()
        for i in range(n):
            first = texts[i]
            if not (first[:1].isupper() or lowers[i] in _LOWER_STARTS or first[:1].isdigit()) or \
                    lowers[i] not in firsts:
                continue
            for j in range(i + 1, min(n, i + _MAX_RUN) + 1):
                last = texts[j - 1]
                if j > i + 1 and starts[j - 1]:
                    break  # a name does not run into the next sentence
                if last[:1].isupper() or last.lower() in _GENERIC or last[:1].isdigit():
                    runs[" ".join(lowers[i:j])].append((i, j))
        if not runs:
            return []
        hits = self.gazetteer.runs(runs)
        curated = {(s, e) for s, e, _ids in candidates}
        found: list[tuple[int, int, list[GazetteerEntry]]] = []
        for run, entries in hits.items():
            for start, end in runs[run]:
                if (start, end) in curated:
                    continue  # the curated name of the same words wins
                words = texts[start:end]
                ok = [e for tokens, e in entries if len(tokens) == end - start and _case_ok(tokens, words)]
                if end - start == 1 and lowers[start] in _COMMON:
                    continue
                if (end < n and texts[end][:1].isupper() and texts[end].isalpha() and not starts[end]
                        and texts[end] not in self.titles) or \
                        (start and texts[start - 1][:1].isupper() and texts[start - 1].isalpha()
                         and not starts[start - 1] and self.gazetteer.state_of_demonym(texts[start - 1]) is None):
                    continue  # a word of a longer name: "Islamic Resistance Council", "African Union Mission"
                if ok:
                    found.append((start, end, list(dict.fromkeys(ok))))
        # the document's countries: states it names, and the states of its unambiguous places
        named = {c for _s, _e, ids in candidates for c in ids[:1]}
        states = {e.id for _s, _e, es in found for e in es[:1] if e.type is EntityType.STATE}
        states |= {self.gazetteer.state_of(self.gazetteer[i]) for i in named if i in self.gazetteer}
        places: list[Span] = []
        for start, end, entries in sorted(found, key=lambda f: (f[0], f[1])):
            # the document's country first; of a town and its division named alike, the town;
            # then one the words name by its own name, not an alternate one ("Borno" is the state,
            # not an old name of Borna); then the most populous (the Gao of Mali, not of Burkina
            # Faso, when the text names neither)
            towns = {o.country for o in entries if o.kind == "city"}
            surface = fold(doc[start:end].text)
            entries.sort(key=lambda e: (self.gazetteer.state_of(e) not in states,
                                        e.kind == "admin1" and e.country in towns,
                                        not surface.startswith(fold(e.label)), -e.population))
            best = entries[0]
            if best.type is not EntityType.PLACE or best.capital_of:
                candidates.append((start, end, [e.id for e in entries]))
            elif best.country in states or (end - start > 1 and best.kind == "admin1"):
                candidates.append((start, end, [e.id for e in entries]))
            else:
                places.append(Span(doc, start, end, label=self.labels[EntityType.PLACE], kb_id=best.id,
                                   span_id="world"))
        return places


    def _fuzzy(self, doc: Doc, words: "_Words", candidates: list[tuple[int, int, list[str]]]):
        """A run of capitalised words that spells a known name with a
        transliteration variant ("Tehreek-e-Taliban Pakistaan")."""
        exact = {(s, e) for s, e, _ in candidates}
        out = []
        for start, end in _name_runs(words):
            if (start, end) in exact or end - start < 2 or any(o[0] <= start and end <= o[1] for o in out):
                continue
            hit = self._fuzzy_hit(doc[start:end].text)
            if hit is not None:
                out.append((start, end, [hit]))
        return out

    def _fuzzy_hit(self, text: str) -> str | None:
        """The curated entry a run of words spells with a variant, if any
        (remembered: the same runs recur from article to article)."""
        if text in self._fuzzy_seen:
            return self._fuzzy_seen[text]
        key = translit_key(text)
        hit = None
        if len(key) >= 8:
            found = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=90)
            hit = None if found is None else self._fuzzy_ids[found[2]]
        if len(self._fuzzy_seen) >= 100_000:
            self._fuzzy_seen.clear()
        self._fuzzy_seen[text] = hit
        return hit

    def _elliptical(self, doc: Doc, candidates: list[tuple[int, int, list[str]]]):
        """"North and South Waziristan": the word before "and" takes the rest
        of the following name ("North Waziristan") when that is a name too."""
        out = []
        for start, end, ids in candidates:
            if start < 2 or end - start < 2 or doc[start - 1].lower_ not in {"and", "or", "&"}:
                continue
            first = doc[start - 2]
            if not first.text[:1].isupper():
                continue
            rest = " ".join(t.text for t in doc[start + 1:end])
            entries = [e for e in self.gazetteer.lookup(f"{first.text} {rest}")
                       if e.type is self.gazetteer[ids[0]].type]
            if entries:
                out.append((first.i, first.i + 1, [entries[0].id]))
        return out

_PARTICLES = frozenset({"e", "i", "al", "ul", "ur", "ud", "el", "-"})


class _Words:
    """A Doc's words as plain lists, read once from its arrays: making a
    Token object for every word costs more than the look-ups that use them."""

    __slots__ = ("texts", "lowers", "sent_starts", "alpha", "glued")

    def __init__(self, texts, lowers, sent_starts, alpha, glued) -> None:
        self.texts, self.lowers, self.sent_starts, self.alpha, self.glued = texts, lowers, sent_starts, alpha, glued

    @classmethod
    def of(cls, doc: Doc) -> "_Words":
        strings = doc.vocab.strings
        arr = doc.to_array(["ORTH", "LOWER", "SENT_START", "IS_ALPHA", "SPACY"])
        texts = [strings[h] for h in arr[:, 0].tolist()]
        lowers = [strings[h] for h in arr[:, 1].tolist()]
        return cls(texts, lowers, [v == 1 for v in arr[:, 2].tolist()], [bool(v) for v in arr[:, 3].tolist()],
                   [not v for v in arr[:, 4].tolist()])


def _name_runs(words: _Words):
    """Maximal runs of capitalised words (with hyphens and name particles glued
    inside: "Tehreek-e-Taliban"), and their trimmed variants."""
    texts, alpha, glued = words.texts, words.alpha, words.glued
    n = len(texts)

    def capital(j: int) -> bool:
        return alpha[j] and texts[j][:1].isupper()

    def continues(j: int) -> bool:
        # "Tehreek-e-Taliban", and "Tehrik-e Taliban" (a particle glued on one side only)
        return capital(j) or ((glued[j - 1] or glued[j]) and j + 1 < n and texts[j].lower() in _PARTICLES
                              and (capital(j + 1) or texts[j + 1].lower() in _PARTICLES))

    i = 0
    while i < n:
        if not capital(i):
            i += 1
            continue
        j = i + 1
        while j < n and continues(j):
            j += 1
        while j > i and texts[j - 1].lower() in _PARTICLES:
            j -= 1
        if j - i >= 2:
            yield i, j
            if j - i >= 3:
                yield i + 1, j  # a capitalised word before the name ("Banned Tehrik-i-Taliban ...")
                yield i, j - 1
        i = max(j, i + 1)


@Language.factory(
    "claimgraph_gazetteer",
    default_config={"gazetteer_path": "", "user_gazetteer": ""},
)
def make_gazetteer_ruler(nlp: Language, name: str, gazetteer_path: str, user_gazetteer: str) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, load_gazetteer(gazetteer_path or None, user=user_gazetteer or None))
