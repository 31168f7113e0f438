"""Mentions: which stretches of a parsed document name an entity, and which.

The ``claimgraph_mentions`` component runs after the parser and the entity
recogniser and writes ``doc.spans["cg_mentions"]``. Each span has

- ``label_``: the entity class (``"Anaphor"`` for "the group" and the like),
- ``kb_id_``: the document-level key: a gazetteer id, or ``new:<Class>:<name>``
  for a name the gazetteer does not know, or ``anaphor:<noun>``,
- ``id_``: the kind of rule that found it.

Rules, each a construction of news English:

- gazetteer names (found before the recogniser ran);
- the recogniser's names, in prose only (a headline's Title Case makes
  people out of "Complicit Networks"), with "the" and possessives trimmed
  and the class of an organisation told from words in its name;
- a capital that acts ("Islamabad accuses", "angered Islamabad",
  "Kabul's willingness") stands for its state's government; after a place
  preposition ("in Kabul") it stays a place;
- demonym phrases: "Afghan soil" (the state), "Afghan authorities" (its
  government), "Pakistani forces" (its military);
- "<person>'s faction" (a faction of an armed group, led by that person);
- a specific incident: "the attack on the FC camp in Bannu", "carried out
  airstrikes on ... in Kabul";
- anaphors: "the group", "this regime".
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer, fold, load_gazetteer
from ..model import BlockKind, EntityType, Mention
from .docdata import USER_KEY, offsets_of
from .ruler import KIND as GAZETTEER_KIND
from .ruler import PLACE_CANDIDATES
from .wordlists import MentionWords, load_mention_words

MENTIONS = "cg_mentions"
# offices of state before a name: "Ukrainian leader X", "the Chinese Premier X"
_OFFICE_NOUNS = frozenset({"leader", "president", "premier", "minister", "chancellor", "king", "emir", "monarch",
                           "ambassador", "envoy", "speaker", "spokesman", "spokesperson", "spokeswoman",
                           "diplomat", "official", "governor", "general", "commander", "chief", "secretary",
                           "foreign", "vice", "deputy", "parliamentary"})
# nouns of an armed attack, whose demonym names the state that attacks ("Turkish airstrikes");
# the extractor reads the same list for an attack as the doer of a verb
ATTACK_NOUNS = frozenset({"strike", "strikes", "airstrike", "airstrikes", "bombing", "bombings", "bombardment",
                           "shelling", "attack", "attacks", "raid", "raids", "incursion", "incursions", "offensive",
                           "invasion", "barrage"})
GAZETTEER_SPANS = "cg_gazetteer"
REGION_OF = "region-of"  # the state's name inside a region's ("Lebanon" in "southern Lebanon")
ANAPHOR = "Anaphor"

LOCATIVE_PREPS = frozenset({
    "in", "at", "from", "to", "into", "inside", "near", "around", "across", "through", "toward",
    "towards", "outside", "within", "via", "over", "throughout", "beyond", "along", "onto", "of",
})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_DEFINITE = frozenset({"the", "this", "that"})
_PATRON_WORDS = frozenset({"backed", "sponsored", "funded", "supported", "financed", "armed", "trained", "led",
                           "based", "controlled", "ruled", "occupied", "allied", "aligned", "linked", "affiliated"})
_PLACE_NOUNS = frozenset({"province", "district", "valley", "city", "town", "village", "region", "area",
                          "tehsil", "border", "crossing", "camp", "base", "airport", "port", "river"})
_FACTION_NOUNS = frozenset({"faction", "group", "wing", "militia", "network", "outfit"})
_NER_TYPES = {"PERSON": EntityType.PERSON, "GPE": EntityType.PLACE, "LOC": EntityType.PLACE,
              "FAC": EntityType.PLACE, "ORG": EntityType.ORGANIZATION, "EVENT": EntityType.EVENT}


def new_key(etype: EntityType, label: str) -> str:
    return f"new:{etype.value}:{fold(label)}"


def prose_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of prose blocks (the whole doc when no layout is known)."""
    data = doc.user_data.get(USER_KEY)
    if not data or "blocks" not in data:
        return [(0, len(doc.text))]
    return [(s, e) for kind, s, e in data["blocks"] if BlockKind(kind).is_prose]


def in_prose(ranges: list[tuple[int, int]], start_char: int) -> bool:
    return any(s <= start_char < e for s, e in ranges)


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct or doc[start].is_space
                           or doc[start].pos_ in {"CCONJ", "ADP"}):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].text in ("'s", "'") or doc[end - 1].pos_ in {"CCONJ", "ADP"}):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)


def strip_titles(words: list[str], titles: frozenset[str]) -> list[str]:
    out = list(words)
    while len(out) > 1 and out[0] in titles:
        out.pop(0)
    return out


def _org_type(text: str, words: MentionWords, gz: Gazetteer | None = None) -> EntityType:
    """The class an organisation's own words give it. "Army", "Forces",
    "Brigade" name a state's body after a state's name or demonym ("Pakistan
    Army", "Lebanese Armed Forces") and an armed group otherwise ("Arakan
    Army", "Rapid Support Forces")."""
    padded = f" {text.lower()} "
    tokens = text.replace("-", " ").split()
    if gz is not None and tokens:
        stated = gz.state_of_demonym(tokens[0]) is not None or any(
            e.type is EntityType.STATE for e in gz.lookup(tokens[0]))
        if any(f" {w.lower()} " in padded for w in words.state_body_words):
            if stated:
                return EntityType.SECURITY_FORCE
            if any(t in words.armed_name_words for t in tokens):
                return EntityType.ARMED_GROUP
    for word, etype in words.org_types:
        if f" {word.lower()} " in padded:
            return etype
    if any(t in words.armed_name_words for t in tokens):
        return EntityType.ARMED_GROUP
    return EntityType.ORGANIZATION


def context_type(span: Span, words: MentionWords) -> EntityType | None:
    """The class the words around a name give it: a head noun it modifies
    ("the M23 rebels"), an apposition ("X, an ethnic armed group"; "the
    paramilitary group X"), a descriptor right before it ("the paramilitary
    X", "Islamist militants of X")."""
    doc = span.doc
    root = span.root
    cands: list[Token] = []
    if root.dep_ in {"compound", "nmod", "amod"} and root.head.i >= span.end:
        cands.append(root.head)  # "the M23 rebels", "the Fano militia"
    if root.dep_ == "appos":
        cands.append(root.head)  # "the rebel group M23"
    cands += [c for c in root.children if c.dep_ == "appos"]  # "M23, a rebel group"
    for noun in cands:
        found = _phrase_type(noun, words)
        if found is not None:
            return found
    # "the paramilitary Rapid Support Forces": a descriptor among the name's own modifiers
    for i in range(max(0, span.start - 2), span.start):
        t = doc[i]
        if t.head.i in range(span.start, span.end) and t.dep_ in {"amod", "compound", "nmod"}:
            for phrase, etype in words.context_types:
                if phrase == t.lower_ and etype is EntityType.ARMED_GROUP:
                    return etype
    return None


def _phrase_type(noun: Token, words: MentionWords) -> EntityType | None:
    mods = [c.lower_ for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i]
    phrases = [" ".join([*mods[-2:], noun.lower_]), " ".join([*mods[-1:], noun.lower_]), noun.lower_,
               noun.lemma_.lower()] + mods
    for phrase in phrases:
        for p, etype in words.context_types:
            if p == phrase:
                return etype
    return None


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


# verbs of an army's movement on a city ("march on Tripoli")
_ADVANCING = frozenset({"march", "advance", "move", "converge", "close", "push", "descend", "roll"})
_NAME_LABELS = frozenset({EntityType.PLACE.value, EntityType.STATE.value, EntityType.ARMED_GROUP.value,
                          EntityType.ORGANIZATION.value, EntityType.GOVERNMENT.value})
_LED_BODIES = frozenset({"coalition", "alliance", "force", "forces", "mission", "bloc", "intervention", "operation"})
_IN_PLACE = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "into", "toward", "towards",
                       "within", "throughout"})


_OF_PLACE = frozenset({"village", "town", "city", "district", "province", "region", "outskirts", "suburb",
                       "suburbs", "siege", "fall", "capture", "bombing", "shelling", "bombardment", "township", "county", "governorate", "municipality", "locality", "area"})


def _in_place(span: Span) -> bool:
    """The object of a preposition of place ("in Tal Maaz", "near Zalambessa"),
    of "of" after a place or siege noun ("the village of Tal Maaz", "the siege
    of el-Fasher"), of "on" after an attack noun ("the attack on Kamanyola")."""
    root = _first_conjunct(span.root)
    if root.dep_ != "pobj":
        return False
    prep, noun = root.head.lower_, root.head.head
    if prep == "of":
        return noun.lower_ in _OF_PLACE or noun.lemma_.lower() in _OF_PLACE
    if prep in {"on", "upon"}:
        return noun.lower_ in ATTACK_NOUNS
    return prep in _IN_PLACE and noun.lower_ not in \
        {"according", "interest", "role", "part", "involvement", "confidence", "trust", "faith", "belief"}


def _locative(span: Span) -> bool:
    """Used as a location: the object of a place preposition, or a name
    followed by a place noun ("Tirah Valley", "the Kurram district")."""
    root = _first_conjunct(span.root)
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"of"}:
        return True
    return root.dep_ == "compound" and root.head.lower_ in _PLACE_NOUNS


def used_politically(span: Span, place_verbs: frozenset[str] = frozenset(),
                     place_nouns: frozenset[str] = frozenset()) -> bool:
    """A place name that acts (subject, object, possessor, agent) rather than
    locates (object of a place preposition or of a verb of movement or
    force, or a modifier of a noun; possessor of a place noun, "Khartoum's
    airport"; in apposition to one, "the capital, Tripoli")."""
    root = _first_conjunct(span.root)
    if root.dep_ == "compound":
        return False
    if root.dep_ in {"poss", "appos"} and root.head.lower_ in place_nouns:
        return False
    if any(c.dep_ == "appos" and c.lower_ in place_nouns for c in root.children):
        return False
    if root.dep_ == "pobj":
        prep, governor = root.head.lower_, root.head.head
        if prep in {"on", "upon"} and (governor.lower_ in ATTACK_NOUNS or governor.lemma_.lower() in _ADVANCING or
                                       any(c.dep_ == "dobj" and c.lower_ in ATTACK_NOUNS for c in governor.children)):
            return False  # "the offensive on Tripoli", "march on Tripoli": the city is where, not whom
        return prep not in LOCATIVE_PREPS
    if root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_.lower() in place_verbs:
        return False
    return root.dep_ in {"nsubj", "nsubjpass", "dobj", "iobj", "poss", "agent", "dative", "appos"}


class MentionFinder:
    def __init__(self, gazetteer: Gazetteer, words: MentionWords) -> None:
        self.gz = gazetteer
        # the demonyms' word ids (LOWER hashes), to find candidates in a Doc's array
        self._demonym_ids = frozenset(hash_string(w) for w in gazetteer.demonym_words())
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[MENTIONS] = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Span]:
        prose = prose_ranges(doc)
        ents = doc.ents  # each access walks the whole Doc
        gaz = [e for e in ents if e.id_ == GAZETTEER_KIND or e.kb_id_ in self.gz]
        covered = {i for e in gaz for i in range(e.start, e.end)}
        out: list[Span] = []
        out.extend(self._gazetteer(gaz))
        places = list(self._world_places(doc, prose, gaz, covered, ents))
        out.extend(places)
        covered |= {i for e in places for i in range(e.start, e.end)}
        named = list(self._recognised(doc, prose, covered, ents))
        out.extend(named)
        out = self._acronyms(doc, out)
        out = self._regions(doc, out)
        covered = {i for e in out for i in range(e.start, e.end)}
        phrases = list(self._demonyms(doc, prose, covered))
        out.extend(phrases)
        covered |= {i for e in phrases for i in range(e.start, e.end)}
        possessive = list(self._possessive_state_bodies(doc, prose, out, covered))
        out.extend(possessive)
        covered |= {i for e in possessive for i in range(e.start, e.end)}
        armies = list(self._the_army(doc, prose, out, covered))
        out.extend(armies)
        covered |= {i for e in armies for i in range(e.start, e.end)}
        coalitions = list(self._led_bodies(doc, prose, out, covered))
        out.extend(coalitions)
        covered |= {i for e in coalitions for i in range(e.start, e.end)}
        juntas = list(self._juntas(doc, prose, out, covered))
        out.extend(juntas)
        covered |= {i for e in juntas for i in range(e.start, e.end)}
        out.extend(self._factions(doc, out))
        out.extend(self._events(doc, prose, out))
        out.extend(self._named_events(doc, prose, out))
        out.extend(self._anaphors(doc, prose, covered))
        unique = {(s.start, s.end, s.label_, s.kb_id_): s for s in out}
        return [unique[k] for k in sorted(unique)]

    # -- names -------------------------------------------------------------

    def _gazetteer(self, spans: Iterable[Span]) -> Iterable[Span]:
        for span in spans:
            entry = self.gz[span.kb_id_]
            if entry.capital_of and used_politically(span, self.words.place_verbs, self.words.place_nouns):
                target = self.gz.government_of(entry.capital_of)
                yield Span(span.doc, span.start, span.end, label=target.type.value,
                           kb_id=target.id, span_id="metonym")
            else:
                yield Span(span.doc, span.start, span.end, label=entry.type.value,
                           kb_id=entry.id, span_id=GAZETTEER_KIND)

    def _world_places(self, doc: Doc, prose, gaz: list[Span], covered: set[int], ents=None) -> Iterable[Span]:
        """Towns and divisions of the world data that the ruler could not
        confirm alone ("Goma", "Sialkot"): a place when the recogniser calls
        it one, when the text uses it as a place ("in Goma", "seized Goma",
        "the Damboa area"), or when the document names its country; never
        when the recogniser calls it a person and it follows a title."""
        if PLACE_CANDIDATES not in doc.spans:
            return
        states = {self.gz.state_of(self.gz[s.kb_id_]) for s in gaz if s.kb_id_ in self.gz}
        ents = doc.ents if ents is None else ents
        labels = {(e.start, e.end): e.label_ for e in ents}
        inside = {i for e in ents for i in range(e.start, e.end)}
        for span in doc.spans[PLACE_CANDIDATES]:
            if any(i in covered for i in range(span.start, span.end)) or not in_prose(prose, span.start_char):
                continue
            label = labels.get((span.start, span.end), "")
            if not label and any(i in inside for i in range(span.start, span.end)):
                continue  # a word of a longer name: "Vladimir Zelensky", "the Horn of Africa"
            if not label and ((span.start and doc[span.start - 1].text[:1].isupper() and not
                               doc[span.start - 1].is_sent_start) or
                              (span.end < len(doc) and doc[span.end].text[:1].isupper())):
                continue  # inside a run of capitalised words: "African Union Mission"
            if len(span) == 1 and self.gz.state_of_demonym(span.text) is not None:
                continue
            entry = self.gz[span.kb_id_]
            before = doc[span.start - 1] if span.start else None
            titled = before is not None and before.text in self.words.titles
            target_of = span.root.dep_ == "pobj" and span.root.head.lower_ in {"on", "against", "upon"} and \
                span.root.head.head.lower_ in ATTACK_NOUNS  # "strikes on Kharkiv", "the attack on Goma"
            used_as_place = _locative(span) or target_of or (span.root.dep_ in {"dobj", "nsubjpass"} and
                                                span.root.head.lemma_.lower() in self.words.place_verbs) or \
                (span.root.dep_ == "compound" and (span.root.head.lemma_.lower() in self.words.event_heads or
                                                   span.root.head.lower_ in self.words.event_heads))
            if label == "PERSON" and (titled or not (used_as_place or entry.country in states)):
                continue
            if label in {"GPE", "LOC", "FAC"} or used_as_place or entry.country in states:
                yield Span(doc, span.start, span.end, label=EntityType.PLACE.value, kb_id=entry.id,
                           span_id=GAZETTEER_KIND)

    def _regions(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """"southern Lebanon", "north-eastern Syria", "Western Tigray": a
        direction word before a known state's or place's name makes a region
        of it, a Place (its key keeps the whole:
        ``new:Place:region:<direction>:<id>``). A name the data knows with
        its direction ("South Sudan", "North Kivu") is its own entry."""
        dirs = self.words.directions
        lows = doc.to_array("LOWER").tolist()
        marks = {hash_string(w.split("-")[-1]) for w in dirs}  # "north-eastern" ends "eastern"
        if not any(low in marks for low in lows):
            return spans
        out = []
        for span in spans:
            start = span.start
            if lows[start - 1 if start else 0] not in marks and lows[start] not in marks:
                out.append(span)
                continue
            if span.id_ == "ner" and span.label_ == EntityType.PLACE.value and len(span) > 1 and \
                    span[0].lower_ in dirs:
                # "Western Tigray" recognised as one name: a region when the rest is a known place
                known = [e for e in self.gz.lookup(doc[start + 1:span.end].text)
                         if e.type is EntityType.STATE or (e.type is EntityType.PLACE and e.kind == "admin1")]
                if known:
                    whole = known[0]
                    key = f"new:{EntityType.PLACE.value}:region:{dirs[span[0].lower_]}:{whole.id}"
                    out.append(Span(doc, start, span.end, label=EntityType.PLACE.value, kb_id=key, span_id="region"))
                    out.append(Span(doc, start + 1, span.end, label=whole.type.value, kb_id=whole.id,
                                    span_id=REGION_OF))
                    continue
            if span.label_ not in (EntityType.STATE.value, EntityType.PLACE.value) or span.id_ == "metonym" or \
                    start == 0 or not span.kb_id_ or span.kb_id_.startswith("new:"):
                out.append(span)
                continue
            first = start - 1
            word = doc[first].lower_
            if first >= 2 and doc[first - 1].text == "-" and f"{doc[first - 2].lower_}-{word}" in dirs:
                first -= 2
                word = f"{doc[first].lower_}-{doc[start - 1].lower_}"
            if word not in dirs or doc[start - 1].head.i not in range(span.start, span.end) or \
                    not self._has_regions(span):
                out.append(span)
                continue
            key = f"new:{EntityType.PLACE.value}:region:{dirs[word]}:{span.kb_id_}"
            out.append(Span(doc, first, span.end, label=EntityType.PLACE.value, kb_id=key, span_id="region"))
            # the state is named too, but the phrase stands for the region: the extractor's look-ups skip it
            out.append(Span(doc, span.start, span.end, label=span.label_, kb_id=span.kb_id_, span_id=REGION_OF))
        return out

    def _has_regions(self, span: Span) -> bool:
        """A state, or a first-level division not written with its generic
        word: "western Tigray" is part of Tigray, but "eastern Paktika
        province" is Paktika, described by where it lies, and "eastern
        Aleppo" (a city) is a quarter, not a region."""
        entry = self.gz[span.kb_id_] if span.kb_id_ in self.gz else None
        if entry is None:
            return False
        if entry.type is EntityType.STATE:
            return True
        doc = span.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        generic = _PLACE_NOUNS | {"state", "governorate", "county"}
        designated = span[-1].lower_ in generic or (nxt is not None and nxt.lower_ in generic)
        return entry.type is EntityType.PLACE and entry.kind == "admin1" and not designated

    def _recognised(self, doc: Doc, prose: list[tuple[int, int]], covered: set[int],
                    ents=None) -> Iterable[Span]:
        for ent in (doc.ents if ents is None else ents):
            if ent.id_ == GAZETTEER_KIND or ent.kb_id_ in self.gz:
                continue
            etype = _NER_TYPES.get(ent.label_)
            if etype is None or not in_prose(prose, ent.start_char):
                continue
            if any(i in covered for i in range(ent.start, ent.end)):
                continue
            span = _trim(ent)
            if span is None:
                continue
            text = span.text
            if not any(c.isupper() for c in text) or (sum(c.isalpha() for c in text) < 2 and
                                                      not re.fullmatch(r"[A-Z]+\d+|\d+[A-Z]+", text)):
                continue  # keep "M23", "G5"
            words = [t.text for t in span]
            if all(w in self.words.not_names for w in words):
                continue  # "Southwest" on its own
            if len(words) == 1 and self.gz.state_of_demonym(words[0]) is not None:
                continue  # "Emirati", "Ukrainian" alone: an adjective of a state, for the demonym rules
            if len(words) >= 2 and self.gz.state_of_demonym(words[0]) is not None and \
                    all(w.lower() in self.words.generic_nouns for w in words[1:]):
                continue  # "Pakistani Faction": a description, not a name
            if len(span) == 1 and span.root.dep_ == "compound" and span.root.head.text in self.words.titles:
                continue  # "Interior" in "Deputy Interior Minister"
            if ent.label_ in {"LOC", "FAC"} and not self.gz.lookup(text) and not _locative(span):
                continue  # "a revival of the Great Game": a name, but not used as a place
            if etype is EntityType.ORGANIZATION:
                etype = _org_type(text, self.words, self.gz)
            if etype is not EntityType.PLACE and (_in_place(span) or _locative(span)) and any(
                    e.type is EntityType.PLACE for e in self.gz.lookup(text)):
                etype = EntityType.PLACE  # "the siege of el-Fasher": a town of the world data, used as one
            if etype in (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PLACE) and \
                    not self.gz.lookup(text):
                by_context = context_type(span, self.words)
                if by_context is not None and not (etype is EntityType.PLACE and _locative(span)):
                    etype = by_context
                elif etype is not EntityType.PLACE and _in_place(span) and not \
                        (span.start and doc[span.start - 1].text in self.words.titles):
                    etype = EntityType.PLACE  # "clashes in Tal Maaz": a town the recogniser took for a person
            if etype is EntityType.EVENT:
                if not any(w in text.lower() for w in self.words.named_event_words):
                    continue
            label = text
            if etype is EntityType.PERSON:
                kept = strip_titles([t.text for t in span], self.words.titles)
                if not kept or all(w in self.words.titles for w in kept):
                    continue
                label = " ".join(kept)
            known = [e for e in self.gz.lookup(label) if e.type is etype or etype is EntityType.PLACE]
            if known:
                yield Span(doc, span.start, span.end, label=known[0].type.value, kb_id=known[0].id,
                           span_id="alias")
            else:
                yield Span(doc, span.start, span.end, label=etype.value, kb_id=new_key(etype, label),
                           span_id="ner")

    def _acronyms(self, doc: Doc, names: list[Span]) -> list[Span]:
        """"Long Name (ACR)" and "ACR (Long Name)" define an acronym for this
        document: both get one identity (a gazetteer entry's if either is
        known), and every other use of the acronym becomes a mention."""
        by_start = {s.start: s for s in names}
        key_of: dict[tuple[int, int], tuple[str, str, str]] = {}
        learned: dict[str, tuple[str, str]] = {}
        n = len(doc)
        orths = doc.to_array("ORTH").tolist()
        paren = doc.vocab.strings["("]
        opens = {i for i, t in enumerate(orths) if t == paren}
        for span in names:
            if span.end not in opens:
                continue
            close = span.end + 1
            while close < n and close <= span.end + 6 and doc[close].text != ")":
                close += 1
            if close >= n or doc[close].text != ")" or close == span.end + 1:
                continue
            inner_tokens = doc[span.end + 1:close]
            inner = by_start.get(span.end + 1)
            long_text, short_text = span.text, inner_tokens.text
            if not is_acronym(short_text, long_text):
                long_text, short_text = short_text, long_text
                if not is_acronym(short_text, long_text):
                    continue
            candidates = [span] + ([inner] if inner is not None and inner.end == close else [])
            known = [c for c in candidates if c.kb_id_ in self.gz]
            chosen = known[0] if known else span
            ident = (chosen.label_, chosen.kb_id_)
            for c in candidates:
                key_of[(c.start, c.end)] = (ident[0], ident[1], c.id_ if c is chosen else "acronym")
            if inner is None:
                key_of[(span.end + 1, close)] = (ident[0], ident[1], "acronym")
            learned[short_text] = ident
        if not key_of and not learned:
            return names
        out = []
        for span in names:
            label, kb, kind = key_of.get((span.start, span.end), (span.label_, span.kb_id_, span.id_))
            if (span.start, span.end) not in key_of and span.text in learned:
                label, kb = learned[span.text]
                kind = "acronym"
            out.append(Span(doc, span.start, span.end, label=label, kb_id=kb, span_id=kind))
        covered = {i for s in out for i in range(s.start, s.end)}
        for (start, end), (label, kb, kind) in key_of.items():
            if not any(i in covered for i in range(start, end)):
                out.append(Span(doc, start, end, label=label, kb_id=kb, span_id=kind))
                covered.update(range(start, end))
        if learned:
            starts: dict[int, list[int]] = {}
            for i, orth in enumerate(orths):
                starts.setdefault(orth, []).append(i)
            for short, (label, kb) in learned.items():
                first = re.match(r"[A-Za-z0-9]+|.", short).group(0)
                for i in starts.get(doc.vocab.strings[first], ()):
                    width = _match_width(doc, i, short)
                    if width and not any(j in covered for j in range(i, i + width)):
                        out.append(Span(doc, i, i + width, label=label, kb_id=kb, span_id="acronym"))
                        covered.update(range(i, i + width))
        return out

    # -- phrases -----------------------------------------------------------

    def _demonyms(self, doc: Doc, prose: list[tuple[int, int]], covered: set[int]) -> Iterable[Span]:
        w = self.words
        # a pass over the Doc's array finds the few candidates without
        # making a Token for every word
        for i, lower in enumerate(doc.to_array("LOWER").tolist()):
            if lower not in self._demonym_ids or i in covered:
                continue
            tok = doc[i]
            if not tok.text[:1].isupper():
                continue
            state = self.gz.state_of_demonym(tok.text)
            if state is None:
                continue
            if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _PATRON_WORDS \
                    and in_prose(prose, tok.idx):
                # "Indian-sponsored militants", "Iranian-backed groups": the demonym is the state
                yield Span(doc, tok.i, tok.i + 1, label=state.type.value, kb_id=state.id, span_id="demonym")
                continue
            if tok.dep_ not in {"amod", "compound", "nmod"}:
                continue
            head = tok.head
            office = head
            while office.dep_ in {"compound", "amod"} and office.head.i > office.i and office.head.i - tok.i <= 5 \
                    and office.lower_ not in _OFFICE_NOUNS:
                office = office.head
            if head.i > tok.i and office.lower_ in _OFFICE_NOUNS and in_prose(prose, tok.idx) and \
                    office.i + 1 < len(doc) and (doc[office.i + 1].pos_ == "PROPN" or doc[office.i + 1].text == ","):
                # "Ukrainian leader Volodymyr Zelensky", "Russian Deputy Defence Minister X", "the Chinese
                # Premier X": the state whose office the person holds (the title may be in the name's span)
                yield Span(doc, tok.i, tok.i + 1, label=state.type.value, kb_id=state.id, span_id="demonym")
                continue
            if head.i <= tok.i or any(i in covered for i in range(tok.i, head.i + 1)):
                continue
            if any(doc[i].dep_ not in {"amod", "compound", "nmod", "punct"} or doc[i].head.i != head.i
                   for i in range(tok.i + 1, head.i)):
                continue
            if not in_prose(prose, tok.idx):
                continue
            noun = head.lower_
            two = f"{doc[head.i - 1].lower_} {noun}" if head.i - 1 > tok.i else noun
            if noun in w.people_nouns:
                continue
            if noun in w.government_nouns and _interim(head) is not None:
                continue  # "the Syrian interim government": a government of its own (_juntas)
            attack = head
            while attack.dep_ == "compound" and attack.head.i > attack.i and attack.head.i - tok.i <= 4:
                attack = attack.head  # "Russian missile strikes": the demonym hangs on "missile"
            if noun in w.patron_nouns or attack.lower_ in ATTACK_NOUNS:
                # "Indian proxy": the patron state; the proxy is named elsewhere. "Israeli bombing of
                # Damascus", "Turkish airstrikes", "Russian missile strikes": the state that strikes
                yield Span(doc, tok.i, tok.i + 1, label=state.type.value, kb_id=state.id, span_id="demonym")
                continue
            if noun in w.intelligence_nouns or two in w.intelligence_nouns:
                target = self.gz.intelligence_of(state.id) or state
            elif noun in w.military_nouns or two in w.military_nouns:
                target = self.gz.military_of(state.id) or state
            elif noun in w.government_nouns or two in w.government_nouns:
                target = self.gz.government_of(state.id)
            elif noun in w.state_nouns or two in w.state_nouns or head.lemma_ in w.state_nouns:
                target = state
            else:
                continue
            yield Span(doc, tok.i, head.i + 1, label=target.type.value, kb_id=target.id, span_id="demonym")

    def _possessive_state_bodies(self, doc: Doc, prose, found: list[Span], covered: set[int]) -> Iterable[Span]:
        """"Afghanistan's new rulers", "Pakistan's military": a state's
        government or military named through the state."""
        w = self.words
        for span in found:
            if span.label_ != EntityType.STATE.value or span.kb_id_ not in self.gz:
                continue
            root = span.root
            head = root.head
            if root.dep_ != "poss" or head.i <= root.i or head.i in covered or not in_prose(prose, head.idx):
                continue
            noun = head.lower_
            end = head.i + 1
            if noun not in w.military_nouns:
                # "Sudan's military chief": the body is the word between the state and the noun
                body = next((c for c in head.children if c.dep_ in {"compound", "amod"} and c.i == span.end + 1
                             and c.lower_ in w.military_nouns), None)
                if body is not None:
                    noun, end = body.lower_, body.i + 1
            if noun in w.military_nouns:
                target = self.gz.military_of(span.kb_id_)
            elif noun in w.government_nouns:
                target = self.gz.government_of(span.kb_id_)
                target = target if target.id != span.kb_id_ else None
            else:
                target = None
            if target is not None:
                yield Span(doc, span.start, end, label=target.type.value, kb_id=target.id,
                           span_id="demonym")

    def _the_army(self, doc: Doc, prose, found: list[Span], covered: set[int]) -> Iterable[Span]:
        """"the army", "the regular army", "the country's military": the
        military of the state the document is about, when one state is named
        at least twice as often as any other (in an article on Sudan, "the
        army" is Sudan's)."""
        lows = doc.to_array("LOWER").tolist()
        wanted = {hash_string("army"), hash_string("military")}
        if not any(low in wanted for low in lows):
            return
        counts: dict[str, int] = {}
        for span in found:
            if span.label_ == EntityType.STATE.value and span.kb_id_ in self.gz:
                counts[span.kb_id_] = counts.get(span.kb_id_, 0) + 1
        if not counts:
            return
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return
        military = self.gz.military_of(ranked[0][0])
        if military is None or military.id == ranked[0][0]:
            return
        # candidates from the Doc's array: making a Token for every word costs more than the rule
        for i in [i for i, low in enumerate(lows) if low in wanted]:
            tok = doc[i]
            if tok.pos_ != "NOUN" or tok.i in covered or not in_prose(prose, tok.idx):
                continue
            if tok.dep_ in {"compound", "amod"} and tok.head.pos_ == "NOUN":
                continue  # "army chief", "military base"
            lefts = list(tok.lefts)
            det = [c for c in lefts if c.dep_ == "det" and c.lower_ == "the"]
            owner = [c for c in lefts if c.dep_ == "poss"]
            country = owner and owner[0].lower_ in {"country", "nation"}
            others = [c for c in lefts if c.dep_ not in {"det", "poss", "case", "punct"} and
                      c.lower_ not in {"regular", "national", "country", "nation", "'s", "’s"}]
            if others or not (det and not owner or country) or any(c.dep_ == "prep" and c.lower_ == "of"
                                                                  for c in tok.rights):
                continue
            start = min(c.left_edge.i for c in lefts) if country else tok.i - 1 if det else tok.i
            start = next((c.i for c in lefts if c.dep_ in {"det", "poss"}), start)
            yield Span(doc, start, tok.i + 1, label=military.type.value, kb_id=military.id, span_id="metonym")

    def _led_bodies(self, doc: Doc, prose, found: list[Span], covered: set[int]) -> Iterable[Span]:
        """"the Saudi-led coalition", "a US-led global coalition", "the
        Russian-backed force": a body named by who leads or backs it (an
        Organization, or a SecurityForce for a force or mission)."""
        by_end = {s.end: s for s in found if s.label_ != ANAPHOR}
        wanted = {doc.vocab.strings.add("led"), doc.vocab.strings.add("backed")}
        for i in (i for i, low in enumerate(doc.to_array("LOWER").tolist()) if low in wanted):
            tok = doc[i]
            if i < 2 or doc[i - 1].text != "-":
                continue
            who = by_end.get(i - 1)
            demonym = self.gz.state_of_demonym(doc[i - 2].text)
            if who is None and demonym is None:
                continue
            head = tok.head
            for _ in range(3):
                if head.pos_ in {"NOUN", "PROPN"} or head.i == head.head.i:
                    break
                head = head.head
            noun = head.lower_
            if head.i <= i or noun not in _LED_BODIES or head.i in covered or not in_prose(prose, head.idx):
                continue
            etype = EntityType.SECURITY_FORCE if noun in {"force", "forces", "mission"} else EntityType.ORGANIZATION
            owner = who.kb_id_ if who is not None else demonym.id
            name = self.gz[owner].label if owner in self.gz else (who.text if who is not None else doc[i - 2].text)
            start = who.start if who is not None else i - 2
            yield Span(doc, start, head.i + 1, label=etype.value,
                       kb_id=new_key(etype, f"{name}-{tok.lower_} {noun}"), span_id="described")

    def _juntas(self, doc: Doc, prose, found: list[Span], covered: set[int]) -> Iterable[Span]:
        """"Myanmar's junta", "the Malian junta", "the military government in
        Bamako", "the junta": a ruling authority that is not simply the
        country, a Government entity of its state (the state named with it,
        else the state the document names most)."""
        # candidates from the Doc's arrays: making a Token for every word costs more than the rule
        wanted = {doc.vocab.strings.add(w) for w in ("junta", "juntas", "government", "regime", "ruler", "rulers",
                                                     "authority", "authorities")}
        idx = [i for i, low in enumerate(doc.to_array("LOWER").tolist()) if low in wanted and i not in covered]
        if not idx:
            return
        heads = [t for t in (doc[i] for i in idx) if t.pos_ == "NOUN" and (
            t.lemma_.lower() == "junta" or (t.lemma_.lower() in {"government", "regime", "ruler", "authority"} and any(
                c.lower_ in {"military", "army-backed", "military-led", "military-run", "junta-led"} or
                (c.lower_ in {"backed", "led", "run"} and c.i > 1 and doc[c.i - 1].text == "-" and
                 doc[c.i - 2].lower_ in {"army", "military", "junta"})  # not "the UN-backed government"
                for c in t.children if c.dep_ in {"amod", "compound"})) or _interim(t) is not None)]
        if not heads:
            return
        states: dict[int, str] = {}
        counts: dict[str, int] = {}
        for span in found:
            entry = self.gz[span.kb_id_] if span.kb_id_ in self.gz else None
            sid = self.gz.state_of(entry) if entry is not None else None
            if sid is not None:
                states[span.root.i] = sid
                if entry.type is EntityType.STATE or entry.capital_of:
                    counts[sid] = counts.get(sid, 0) + 1
        main = max(sorted(counts), key=counts.get) if counts else None
        for tok in heads:
            if not in_prose(prose, tok.idx):
                continue
            sid = None
            for c in tok.children:  # "Myanmar's junta", "the Myanmar junta", "the Malian junta"
                if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < tok.i:
                    sid = states.get(c.i) or (self.gz.state_of_demonym(c.text).id
                                              if self.gz.state_of_demonym(c.text) else None)
                    if sid:
                        break
            if sid is None:  # "the junta in Bamako"
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in {"in", "of"}:
                        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                        if obj is not None and obj.i in states:
                            sid = states[obj.i]
            sid = sid or main
            if sid is None:
                continue
            start = tok.i
            while start > 0 and doc[start - 1].lower_ in {"military", "ruling"} and doc[start - 1].head.i == tok.i:
                start -= 1
            state = self.gz[sid]
            kind = _interim(tok)
            if kind is not None and tok.lemma_.lower() != "junta":
                # "the Syrian interim government", "a self-styled government based in Tobruk": a
                # government of its state, one per kind ("self-declared" and "self-styled" are two)
                first = _interim_word(tok)[1]
                yield Span(doc, first, tok.i + 1, label=EntityType.GOVERNMENT.value,
                           kb_id=f"new:{EntityType.GOVERNMENT.value}:{state.label} {kind} government",
                           span_id="junta")
                continue
            # one identity per state, whichever words the text uses; the key keeps the
            # state's name as written, for the entity's label
            yield Span(doc, start, tok.i + 1, label=EntityType.GOVERNMENT.value,
                       kb_id=f"new:{EntityType.GOVERNMENT.value}:{state.label} junta", span_id="junta")

    def _factions(self, doc: Doc, found: list[Span]) -> Iterable[Span]:
        for span in found:
            if span.label_ != EntityType.PERSON.value:
                continue
            root = span.root
            head = root.head
            if root.dep_ not in {"poss", "compound"} or head.lower_ not in _FACTION_NOUNS or head.i < span.end:
                continue
            person = " ".join(strip_titles([t.text for t in span], self.words.titles))
            label = f"{person} {head.lower_}"
            known = [e for e in self.gz.lookup(label) if e.type is EntityType.ARMED_GROUP]
            key = known[0].id if known else new_key(EntityType.ARMED_GROUP, label)
            yield Span(doc, span.start, head.i + 1, label=EntityType.ARMED_GROUP.value, kb_id=key,
                       span_id="faction")

    def _events(self, doc: Doc, prose: list[tuple[int, int]], found: list[Span]) -> Iterable[Span]:
        """Incidents, wars and talks described by a noun phrase: "an
        unprecedented Israeli bombing of Damascus' center", "the LNA's
        offensive on Tripoli", "Sudan's civil war", "clashes between Fano
        fighters and the army", "carried out air strikes in Iraq". The phrase
        is an event when something ties it to this occasion: a place it
        happens in, a doer (possessor, demonym, name before the noun, "by"
        phrase), a target or party named in its phrase, or a verb that
        carries it out. A later "the attack", "the ambush" or "Friday's
        strike" with nothing of its own names the last event of its kind."""
        w = self.words
        places = {s.root.i for s in found
                  if s.label_ in (EntityType.PLACE.value, EntityType.STATE.value)}
        named: dict[int, Span] = {}
        for s in found:
            if s.label_ != EntityType.EVENT.value:
                for i in range(s.start, s.end):
                    named[i] = s
        wanted = {doc.vocab.strings.add(noun) for noun in w.event_nouns if " " not in noun}
        lemmas = doc.to_array("LEMMA")
        last: dict[int, str] = {}  # kind of incident -> key of the last event of that kind
        doing_verbs = {v.split()[0] for v in w.event_verbs}  # "carried out by", "launched by"
        for i in (i for i, lemma in enumerate(lemmas) if lemma in wanted):
            tok = doc[i]
            if tok.pos_ != "NOUN" or not in_prose(prose, tok.idx) or tok.i in named:
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
                continue  # "strike aircraft", "war crimes": the noun describes another
            lemma = tok.lemma_.lower()
            dets = [c for c in tok.children if c.dep_ == "det"]
            definite = any(c.lower_ in _DEFINITE for c in dets)
            # "carried out airstrikes on ...": a specific incident; "conducting
            # attacks inside Pakistan": a habit, not an incident
            governed = tok.dep_ == "dobj" and _verb_phrase(tok.head) in w.event_verbs and \
                (tok.tag_ == "NN" or tok.head.tag_ in {"VBD", "VBN"})
            end = _phrase_end(tok, w.event_nouns)
            if governed and end < len(doc) and doc[end].dep_ == "prep" and doc[end].head.i == tok.head.i \
                    and doc[end].lower_ in {"at", "in", "near", "on", "inside"}:
                # "carried out a bombing at a camp in X": the verb's place phrase, to its first comma
                stop = doc[end].right_edge.i + 1
                end = next((i for i in range(end, stop) if doc[i].text in {",", ";", "(", ")", ":"}), stop)
            located = any(i in places and _located_by_prep(doc[i], tok) for i in range(tok.i + 1, end))
            owners = [c for c in tok.children if c.dep_ == "poss"]
            doer = any(c.i in named for c in owners) or any(
                named[i].id_ == "demonym" or named[i].label_ not in (EntityType.PLACE.value,)
                for i in range(tok.left_edge.i, tok.i) if i in named and doc[i].head.i == tok.i) or any(
                o.i in named for o in _pobjs(tok, {"by"}))
            target = any(o.i in named for o in _pobjs(tok, {"on", "against", "of", "between", "with", "at",
                                                           "near", "across", "inside", "in"}))
            # "a strike carried out by Pakistani forces"
            doing = [c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in doing_verbs and
                     any(g.dep_ == "agent" for g in c.children)]
            done = bool(doing)
            if doing and doing[0].i == end or (doing and doing[0].i - end <= 2 and
                                               all(doc[k].pos_ == "ADV" for k in range(end, doing[0].i))):
                # "an attack purportedly carried out by X": the phrase runs to its doer
                stop = doing[0].right_edge.i + 1
                end = next((k for k in range(doing[0].i, stop) if doc[k].text in {",", ";", "(", ")", ":"}), stop)
            # "the attack on the base": one incident, though its target has no name
            aimed = definite and tok.tag_ == "NN" and any(
                c.dep_ == "prep" and c.lower_ in {"on", "against", "near", "at"} for c in tok.children)
            dated = any(c.ent_type_ in {"DATE", "TIME"} for c in owners)  # "Friday's strike"
            plural_habit = tok.tag_ == "NNS" and not dets and not governed and not owners and \
                not any(c.like_num for c in tok.children)
            kind = w.event_kinds.get(lemma)
            if doer or governed or done or ((located or aimed or target) and not plural_habit):
                first = _event_start(tok)
                label = doc[first:end].text
                key = new_key(EntityType.EVENT, label)
                if kind is not None:
                    last[kind] = key
                yield Span(doc, first, end, label=EntityType.EVENT.value, kb_id=key, span_id="event")
            elif (definite or dated) and kind is not None and kind in last and end == tok.i + 1:
                # "the attack", "the deadly ambush": the event of that kind the text last described
                yield Span(doc, _event_start(tok), end, label=EntityType.EVENT.value, kb_id=last[kind],
                           span_id="event")

    def _named_events(self, doc: Doc, prose, found: list[Span]) -> Iterable[Span]:
        """"the Istanbul talks", "the Pahalgam attack", "the 2008 Mumbai
        attacks", "the Tigray war", "the Washington Accord": an event named by
        a name (or a year and a name) before its noun; "the ceasefire", "the
        peace deal": the one the article is about (one per document)."""
        w = self.words
        by_end = {s.end: s for s in found if s.label_ in _NAME_LABELS}
        taken = {i for s in found if s.label_ == EntityType.EVENT.value for i in range(s.start, s.end)}
        actors = {i for s in found if s.label_ not in (EntityType.PLACE.value, EntityType.STATE.value,
                                                       EntityType.EVENT.value) for i in range(s.start, s.end)}
        seen_definite: set[str] = set()
        heads = {doc.vocab.strings.add(x) for x in (*w.event_heads, *(p.split()[-1] for p in w.definite_events))}
        arr = doc.to_array(["LOWER", "LEMMA"]).tolist()
        for i in (i for i, (low, lem) in enumerate(arr) if low in heads or lem in heads):
            tok = doc[i]
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.i in taken or not in_prose(prose, tok.idx):
                continue
            low = tok.lower_
            two = f"{doc[tok.i - 1].lower_} {low}" if tok.i else low
            if low in w.event_heads or tok.lemma_.lower() in w.event_heads:
                name = by_end.get(tok.i)
                if name is not None and name.label_ not in (EntityType.PLACE.value, EntityType.STATE.value) \
                        and not tok.text[:1].isupper():
                    name = None  # "the Taliban attack" is an attack by the Taliban, not a named event
                if name is None and tok.i and doc[tok.i - 1].text[:1].isupper() and doc[tok.i - 1].pos_ == "PROPN" \
                        and not doc[tok.i - 1].is_sent_start and tok.i - 1 not in taken and tok.i - 1 not in actors:
                    name = doc[tok.i - 1:tok.i]  # "the Washington Accord", "the Pahalgam attack"
                if name is not None and doc[name.root.i].head.i == tok.i or (
                        name is not None and name.end == tok.i and name.root.dep_ in {"compound", "nmod", "amod"}):
                    start = name.start
                    if start and doc[start - 1].like_num and len(doc[start - 1].text) == 4:
                        start -= 1  # "the 2008 Mumbai attacks"
                    label = doc[start:tok.i + 1].text
                    yield Span(doc, start, tok.i + 1, label=EntityType.EVENT.value,
                               kb_id=new_key(EntityType.EVENT, label), span_id="event")
                    continue
            for phrase in (two, low):
                if phrase in w.definite_events and phrase not in seen_definite:
                    first = tok.i - (1 if phrase == two and " " in phrase else 0)
                    dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
                    if dets:  # every "the ceasefire" of the article is the same one
                        yield Span(doc, first, tok.i + 1, label=EntityType.EVENT.value,
                                   kb_id=new_key(EntityType.EVENT, phrase), span_id="event")
                    break

    def _anaphors(self, doc: Doc, prose: list[tuple[int, int]], covered: set[int]) -> Iterable[Span]:
        wanted = {doc.vocab.strings.add(w) for w in (*self.words.pronouns, *self.words.anaphors)}
        lowers = doc.to_array("LOWER")
        lemmas = doc.to_array("LEMMA")
        for i in (i for i in range(len(lowers)) if lowers[i] in wanted or lemmas[i] in wanted):
            tok = doc[i]
            if tok.lower_ in self.words.pronouns and tok.pos_ == "PRON" and in_prose(prose, tok.idx):
                if tok.lower_ == "it" and tok.dep_ in {"expl", "nsubjpass"} or _dummy_it(tok):
                    continue  # "it is feared that", "it remains unclear"
                yield Span(doc, tok.i, tok.i + 1, label=ANAPHOR, kb_id=f"pronoun:{tok.lower_}", span_id="anaphor")
                continue
            if tok.tag_ != "NN" or tok.lemma_.lower() not in self.words.anaphors or tok.i in covered:
                continue
            dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in _DEFINITE]
            if not dets or not in_prose(prose, tok.idx):
                continue
            if any(c.dep_ in {"compound", "poss"} or c.pos_ == "PROPN" for c in tok.children):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                continue  # "the group of ..." names its own referent
            yield Span(doc, dets[0].i, tok.i + 1, label=ANAPHOR, kb_id=f"anaphor:{tok.lemma_.lower()}",
                       span_id="anaphor")


def _match_width(doc: Doc, start: int, text: str) -> int:
    """How many tokens from ``start`` spell ``text`` exactly, with no space
    inside it (0 if they do not)."""
    built = ""
    for i in range(start, min(len(doc), start + 8)):
        built += doc[i].text
        if built == text:
            return i - start + 1
        if doc[i].whitespace_ or not text.startswith(built):
            return 0
    return 0


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "e", "i", "al", "ul", "wal", "de", "la", "&", "on"})


def is_acronym(short: str, long: str) -> bool:
    """"TTP" for "Tehreek-e-Taliban Pakistan", "IS-KP" for "Islamic State
    Khorasan Province": the short form's letters are the long form's
    initials, in order; small words ("of", "e", "al") may be skipped."""
    letters = [c.lower() for c in short if c.isalpha()]
    if not (2 <= len(letters) <= 10) or sum(c.isupper() for c in short) < 2 or " " in short.strip():
        return False
    words = [w for w in re.split(r"[\s\-]+", long) if w]
    if len(words) < 2:
        return False
    initials = [w[0].lower() for w in words]
    optional = [w.lower() in _ACRONYM_SKIP for w in words]

    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return all(optional[j:])
        if j == len(initials):
            return False
        if initials[j] == letters[i] and match(i + 1, j + 1):
            return True
        return optional[j] and match(i, j + 1)

    return match(0, 0)


def _dummy_it(tok: Token) -> bool:
    """"It is clear that ...", "it remains unclear whether ...": no referent."""
    if tok.lower_ != "it" or tok.dep_ != "nsubj":
        return False
    return any(c.dep_ in {"ccomp", "xcomp", "acomp"} and any(g.dep_ == "mark" or g.lower_ in {"that", "whether", "to"}
                                                              for g in c.children) for c in tok.head.children) \
        or tok.head.lemma_ in {"be", "seem", "appear", "remain"} and any(
            c.dep_ in {"ccomp", "csubj"} for c in tok.head.children)


# a government that is not simply the country ("the interim government", "a self-declared government")
_INTERIM = frozenset({"interim", "transitional", "provisional", "caretaker", "rival", "parallel", "self-declared",
                      "self-styled", "self-proclaimed", "breakaway", "unrecognised", "unrecognized"})


def _interim_word(tok: Token) -> tuple[str, int] | None:
    """The word that makes a government noun one of its own kind ("interim",
    "self-declared", "de facto") and where the name starts: at that word,
    with a demonym right before it ("the Syrian interim government")."""
    doc = tok.doc
    for c in tok.lefts:
        if c.dep_ not in {"amod", "compound"}:
            continue
        start = c.i - 2 if c.i >= 2 and doc[c.i - 1].text == "-" else c.i  # "self - declared"
        if c.lower_ == "facto" and c.i > 0 and doc[c.i - 1].lower_ == "de":
            start = c.i - 1
        word = doc[start:c.i + 1].text.lower()
        if word in _INTERIM or word == "de facto":
            if start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].head.i == tok.i:
                start -= 1
            return word, start
    return None


def _interim(tok: Token) -> str | None:
    found = _interim_word(tok)
    return found[0] if found else None


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    """The objects (and their conjuncts) of ``tok``'s prepositions in ``preps``."""
    out = []
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            for o in p.children:
                if o.dep_ == "pobj":
                    out.append(o)
                    out.extend(c for c in o.children if c.dep_ == "conj")
    return out


def _event_start(noun: Token) -> int:
    """The first word of an event's phrase: its modifiers and possessor, not
    its determiner or a pronoun ("an unprecedented Israeli bombing" from
    "unprecedented"; "its offensive" from "offensive")."""
    start = noun.i
    for c in noun.lefts:
        if c.dep_ in {"det", "predet"} or (c.dep_ == "poss" and c.pos_ == "PRON") or c.is_punct:
            continue
        start = min(start, c.left_edge.i)
        break
    while start < noun.i and (noun.doc[start].dep_ in {"det", "predet", "punct"} or
                              noun.doc[start].pos_ == "PRON"):
        start += 1
    return start


def _verb_phrase(verb: Token) -> str:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def _phrase_end(noun: Token, event_lemmas: frozenset[str] = frozenset()) -> int:
    """End (exclusive) of a noun and its prepositional phrases, stopping at
    the first comma, semicolon, dash or bracket after the noun."""
    doc = noun.doc
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "cc":
            conj = next((c for c in noun.rights if c.dep_ == "conj" and c.i > child.i), None)
            if conj is None or conj.lemma_.lower() not in event_lemmas:
                break  # "attacks in Bajaur or the martyrdom of soldiers": another noun's phrase
            continue  # "a suicide bombing and gun attack at a camp": one incident
        if child.dep_ == "conj" and child.pos_ == "NOUN" and child.lemma_.lower() in event_lemmas:
            end = max(end, child.right_edge.i + 1)
            continue
        if child.dep_ == "prep" or (child.dep_ == "amod" and child.i > noun.i):
            end = max(end, child.right_edge.i + 1)
    for i in range(noun.i + 1, end):
        tok = doc[i]
        if tok.text in {",", ";", "(", ")", "—", "–", ":"} or tok.is_sent_start or \
                (tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound"}):
            return i  # a clause starts: "the bombing in X that killed ...", "... attributed to Y"
    return end


def _located_by_prep(place: Token, event: Token) -> bool:
    """True if the path from ``place`` up to ``event`` (or its verb) passes a place preposition."""
    tok = _first_conjunct(place)
    seen = 0
    while tok.i not in (event.i, event.head.i) and seen < 12:
        if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at", "near", "inside", "outside"}:
            return True
        tok = tok.head
        seen += 1
    return False


@Language.factory(
    "claimgraph_mentions",
    default_config={"gazetteer_path": "", "words_path": "", "user_gazetteer": ""},
)
def make_mention_finder(nlp: Language, name: str, gazetteer_path: str, words_path: str,
                        user_gazetteer: str) -> MentionFinder:
    return MentionFinder(load_gazetteer(gazetteer_path or None, user=user_gazetteer or None),
                         load_mention_words(words_path or None))


def embedding(span: Span) -> int:
    """How many modifiers (appositions, relative clauses, participles,
    brackets) hold a name, up to its clause: 0 for an argument of the clause."""
    return Embedder(span.doc)(span)


_EMBEDDING_DEPS = ("appos", "acl", "relcl")
_CLAUSE_DEPS = ("ROOT", "ccomp")


class Embedder:
    """:func:`embedding` for many spans of one Doc, walking its head array
    (a Token object made at each step of each walk costs more than the walk)."""

    __slots__ = ("doc", "heads", "embeds", "stops")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arr = doc.to_array(["HEAD", "DEP"])
        self.heads = [i + r for i, r in enumerate(arr[:, 0].astype("int64").tolist())]
        deps = arr[:, 1].tolist()
        # the store's ids of the labels (most dependency labels are spaCy symbols, not string hashes)
        strings = doc.vocab.strings
        embeds = {strings[d] for d in _EMBEDDING_DEPS}
        stops = {strings[d] for d in _CLAUSE_DEPS}
        self.embeds = [d in embeds for d in deps]
        self.stops = [d in stops for d in deps]

    def __call__(self, span: Span) -> int:
        depth = 1 if span.start > 0 and self.doc[span.start - 1].text == "(" else 0
        i = span.root.i
        for _ in range(16):
            if self.embeds[i]:
                depth += 1
            head = self.heads[i]
            if head == i or self.stops[i]:
                break
            i = head
        return depth


def to_mention(span: Span, document: str, offsets, text: str, embedder: Embedder | None = None) -> Mention:
    """A span of the normalised text as a Mention of the document as read."""
    start = offsets.start(span.start_char)
    end = offsets.end(span.end_char)
    label = span.label_
    etype = None if label == ANAPHOR else EntityType(label)
    depth = (embedder or Embedder(span.doc))(span)
    names = event_names(span) if etype is EntityType.EVENT else ()
    return Mention(document, start, end, text[start:end], etype, span.kb_id_, span.id_ or "ner", depth, names)


def event_names(span: Span) -> tuple[str, ...]:
    """The shorter names an event phrase gives: without its date ("on
    Wednesday"), without words of judgement before the doer ("unprecedented"),
    without its phrases ("Israeli bombing"), its noun alone with the nouns
    before it ("rocket attack")."""
    doc = span.doc
    head = span.root
    if not span.start <= head.i < span.end:
        return ()
    compound = head.i
    while compound > span.start and doc[compound - 1].dep_ == "compound" and doc[compound - 1].head.i == head.i:
        compound -= 1
    while compound < head.i and (doc[compound].pos_ == "PROPN" or doc[compound].ent_type_):
        compound += 1  # "Hamas attack": the name is its doer, not its noun
    starts = {i for i in (span.start, compound) if i == span.start or doc[i - 1].text != "-"}
    doer = next((i for i in range(span.start, head.i) if doc[i].ent_type_ in {"NORP", "GPE", "ORG"} or
                 doc[i].pos_ == "PROPN"), None)
    if doer is not None and (doer == span.start or doc[doer - 1].text != "-"):
        starts.add(doer)
    ends = {span.end, head.i + 1}
    pps = [c for c in head.rights if c.dep_ == "prep" and c.right_edge.i < span.end]
    if pps:
        ends.add(pps[0].right_edge.i + 1)
    for t in doc[head.i + 1:span.end]:
        # a date phrase closing the event's phrase, wherever it hangs: "... crossing on 7 October"
        if t.dep_ == "prep" and t.right_edge.i == span.end - 1 and t.i > head.i + 1 and all(
                w.ent_type_ in {"DATE", "TIME"} for w in doc[t.i + 1:span.end]):
            ends.add(t.i)
            break
    full = span.text
    out = {doc[a:b].text for a in starts for b in ends if b - a > 1}
    return tuple(sorted(n for n in out if n != full))


def mentions_of(doc: Doc, text: str | None = None) -> list[Mention]:
    """Every mention of a parsed document, in document order."""
    data = doc.user_data.get(USER_KEY) or {}
    offsets = offsets_of(doc)
    source = text if text is not None else doc.text
    spans = doc.spans[MENTIONS] if MENTIONS in doc.spans else []
    embedder = Embedder(doc)
    return sorted(to_mention(s, data.get("document", ""), offsets, source, embedder) for s in spans)
