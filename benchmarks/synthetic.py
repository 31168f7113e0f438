"""A synthetic corpus shaped like claimgraph's output, of any size, without spaCy.

:func:`corpus` makes one :class:`~claimgraph.graph.KnowledgeGraph` per
document, as :meth:`claimgraph.Builder.build_each` does: documents whose
text holds one sentence per claim, entities of the eight classes (each with
its mentions in that document), and claims whose relations fit the
ontology's signatures, with a realistic mix of statuses and sources. A
share of the claims retell popular "stories" (the same subject, relation
and object), so that some claims are corroborated and some contested.
Deterministic for a given seed.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

from claimgraph.extract.lexicon import SIGNATURES
from claimgraph.graph import KnowledgeGraph
from claimgraph.model import Claim, Document, Entity, EntityType, Evidence, Mention, Relation, Source, Status

#: triples one document adds, about (5 for the document, ~13.5 per claim, entity links)
TRIPLES_PER_DOCUMENT = 430
CLAIMS_PER_DOCUMENT = 30

_CLASSES = [(EntityType.PERSON, 30), (EntityType.ARMED_GROUP, 16), (EntityType.ORGANIZATION, 14),
            (EntityType.PLACE, 20), (EntityType.STATE, 5), (EntityType.SECURITY_FORCE, 7),
            (EntityType.GOVERNMENT, 3), (EntityType.EVENT, 5)]
_RELATIONS = [(Relation.SUPPORTS, 14), (Relation.ATTACKS, 14), (Relation.OPPOSES, 10), (Relation.ALLIED_WITH, 8),
              (Relation.ACCUSES, 8), (Relation.OPERATES_IN, 10), (Relation.MEMBER_OF, 6), (Relation.LEADS, 5),
              (Relation.CARRIED_OUT, 5), (Relation.THREATENS, 5), (Relation.LOCATED_IN, 4),
              (Relation.CONTROLS, 3), (Relation.KILLS, 3), (Relation.MEDIATES, 2), (Relation.RELEASES, 1),
              (Relation.SPOKESPERSON_OF, 2)]
_STATUSES = [(Status.ASSERTED, 58), (Status.ALLEGED, 27), (Status.DENIED, 6), (Status.HYPOTHETICAL, 9)]
_PHRASES = ["analysts", "intelligence sources", "officials", "observers", "local residents", "diplomats"]
_SYLLABLES = ["ka", "ro", "mi", "tan", "zar", "qu", "shel", "vor", "lin", "da", "ghu", "bek", "nor", "sa",
              "pel", "yun", "hra", "tol", "ix", "mun", "dre", "fa", "los", "wen", "kir", "ot", "bra", "jam"]


def _pick(rng: random.Random, weighted):
    items, weights = zip(*weighted)
    return rng.choices(items, weights)[0]


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        words = [("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))).capitalize()
                 for _ in range(rng.randint(2, 3))]
        name = " ".join(words)
        if name not in taken:
            taken.add(name)
            return name


def corpus(triples: int, *, seed: int = 1) -> Iterator[KnowledgeGraph]:
    """Per-document graphs whose RDF holds about ``triples`` triples."""
    rng = random.Random(seed)
    documents = max(3, round(triples / TRIPLES_PER_DOCUMENT))
    pool_size = max(40, documents * 2)
    taken: set[str] = set()
    pool: dict[EntityType, list[tuple[str, str]]] = {t: [] for t, _w in _CLASSES}
    for i in range(pool_size):
        # two of each class first, so that every relation finds a subject and an object
        etype = _CLASSES[i // 2][0] if i < 2 * len(_CLASSES) else _pick(rng, _CLASSES)
        label = _name(rng, taken)
        pool[etype].append((f"syn-{i:06d}-{label.lower().replace(' ', '-')}", label))
    actors = [t for t in pool if t.is_actor]
    # popular stories: the same (subject, relation, object) told by many documents
    stories = []
    for _ in range(max(10, documents // 2)):
        relation = _pick(rng, _RELATIONS)
        stories.append((relation, *_pair(rng, pool, relation)))
    for d in range(documents):
        yield _document(rng, f"syn-{d:06d}", pool, actors, stories)


def _pair(rng: random.Random, pool, relation: Relation):
    domain, range_ = SIGNATURES[relation]
    subject_type = rng.choice(sorted((t for t in domain if pool[t]), key=lambda t: t.value))
    object_type = rng.choice(sorted((t for t in range_ if pool[t]), key=lambda t: t.value))
    # a skewed choice: some entities are in the news far more than others
    s = pool[subject_type][min(int(rng.paretovariate(1.2)) - 1, len(pool[subject_type]) - 1)]
    o = pool[object_type][min(int(rng.paretovariate(1.2)) - 1, len(pool[object_type]) - 1)]
    while o == s and len(pool[object_type]) > 1:
        o = rng.choice(pool[object_type])
    return (s, subject_type), (o, object_type)


def _document(rng: random.Random, doc_id: str, pool, actors, stories) -> KnowledgeGraph:
    text_parts: list[str] = []
    offset = 0
    mentions: dict[str, list[Mention]] = {}
    info: dict[str, tuple[str, EntityType]] = {}
    claims: list[Claim] = []

    def mention(entity: tuple[str, str], etype: EntityType, start: int) -> None:
        (eid, label) = entity
        info[eid] = (label, etype)
        mentions.setdefault(eid, []).append(Mention(doc_id, start, start + len(label), label, etype, eid, "gazetteer"))

    for _ in range(CLAIMS_PER_DOCUMENT):
        if rng.random() < 0.35:
            relation, (s, st), (o, ot) = rng.choice(stories)
        else:
            relation = _pick(rng, _RELATIONS)
            (s, st), (o, ot) = _pair(rng, pool, relation)
        status = _pick(rng, _STATUSES)
        roll = rng.random()
        source = None
        source_entity = None
        if status is Status.DENIED and roll < 0.6 and st.is_actor:
            source_entity = (s, st)  # the accused denies it
        elif roll < 0.45:
            t = rng.choice(actors)
            source_entity = (rng.choice(pool[t]), t)
        elif roll < 0.65:
            source = Source(phrase=rng.choice(_PHRASES))
        verb = {Status.DENIED: "did not", Status.HYPOTHETICAL: "could"}.get(status, "")
        sentence = f"{s[1]} {verb + ' ' if verb else ''}{relation.value} {o[1]}."
        if source_entity is not None and source_entity[0] != s:
            sentence = f"{source_entity[0][1]} said {sentence}"
            mention(source_entity[0], source_entity[1], offset)
        start = offset
        mention(s, st, start + sentence.index(s[1]))
        mention(o, ot, start + sentence.rindex(o[1]))
        if source_entity is not None:
            source = Source(entity=source_entity[0][0])
        claims.append(Claim(s[0], relation, o[0], status, Evidence(doc_id, sentence, start, start + len(sentence),
                                                                    "synthetic"),
                            cue=verb or relation.value, attributed_to=source,
                            confidence=rng.choice([0.55, 0.7, 0.75, 0.85])))
        text_parts.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(text_parts)
    document = Document(id=doc_id, text=text, source=f"{doc_id}.txt", title=f"Synthetic report {doc_id}")
    entities = tuple(Entity(eid, info[eid][0], info[eid][1], mentions=tuple(sorted(ms)))
                     for eid, ms in sorted(mentions.items()))
    return KnowledgeGraph((document,), entities, tuple(claims))
