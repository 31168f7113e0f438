"""Knowledge graphs made of records, without NLP: for page tests and benchmarks.

``synthetic_graph`` makes a graph shaped like a large corpus's (a few hubs,
many entities with one or two claims, a third mentioned without any claim);
``hostile_graph`` puts script tags, event handlers and quote-breaking strings
into every text field a page shows.
"""
from __future__ import annotations

import random

from claimgraph import KnowledgeGraph
from claimgraph.model import Claim, Document, Entity, EntityType, Evidence, Mention, Relation, Source, Status

STATUS_WEIGHTS = {Status.ASSERTED: 60, Status.ALLEGED: 25, Status.DENIED: 8, Status.HYPOTHETICAL: 7}


def synthetic_graph(n_entities: int = 2000, claims_per_entity: float = 1.5, seed: int = 7) -> KnowledgeGraph:
    rnd = random.Random(seed)
    n_docs = max(1, n_entities // 20)
    types = list(EntityType)
    docs = []
    for d in range(n_docs):
        text = f"Synthetic report {d}. " + "Lorem ipsum dolor sit amet. " * 40
        docs.append(Document(id=f"doc-{d:04d}", text=text, source=f"synthetic/{d}.txt", title=f"Synthetic report {d}"))
    entities = []
    for i in range(n_entities):
        in_docs = rnd.sample(range(n_docs), k=min(n_docs, rnd.choice((1, 1, 1, 2, 3))))
        mentions = tuple(Mention(f"doc-{d:04d}", 22 + j * 5, 26 + j * 5, f"E{i}", None, f"e{i}")
                         for d in sorted(in_docs) for j in range(rnd.randint(1, 4)))
        entities.append(Entity(id=f"entity-{i:05d}", label=f"Entity {i} {rnd.choice(('North', 'South', 'Red', 'Blue'))}",
                               type=types[i % len(types)], aliases=(f"E-{i}",), mentions=mentions))
    linked = [e for e in entities if rnd.random() < 0.7]
    weights = [1.0 / (k + 1) ** 0.8 for k in range(len(linked))]  # a few hubs, a long tail
    relations = list(Relation)
    statuses = list(STATUS_WEIGHTS)
    claims = []
    for k in range(int(n_entities * claims_per_entity)):
        s, o = rnd.choices(linked, weights=weights, k=2)
        if s.id == o.id:
            continue
        doc = rnd.choice(s.documents)
        start = 22 + 28 * rnd.randint(0, 30)
        status = rnd.choices(statuses, weights=[STATUS_WEIGHTS[x] for x in statuses])[0]
        claims.append(Claim(
            subject=s.id, relation=rnd.choice(relations), object=o.id, status=status,
            evidence=Evidence(doc, f"Sentence {k}: {s.label} and {o.label}, as one source put it, in a report "
                                   "of some length that reads like a real one.", start, start + 27, "synthetic"),
            cue="said", attributed_to=Source(entity=rnd.choice(entities).id) if rnd.random() < 0.5 else None,
            confidence=0.7))
    return KnowledgeGraph(tuple(docs), tuple(entities), tuple(claims))


PAYLOADS = (
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "\"><svg onload=\"window.__pwned='svg'\">",
    "'; window.__pwned='quote'; '",
    "</script><script>window.__pwned='close'</script>",
    "{{7*7}} ${window.__pwned='template'} `backtick` \\u003c &lt;b&gt; \u2028",
)


def hostile_graph() -> KnowledgeGraph:
    """Two documents and three entities whose every text is an attack on the page."""
    p = PAYLOADS
    doc_id = "doc<script>window.__pwned='docid'</script>\"'"
    text = " ".join(p) * 3
    docs = (Document(id=doc_id, text=text, source="hostile.txt", title="Title " + p[1] + p[4]),
            Document(id="plain", text=text, source="plain.txt", title=None))
    labels = ["Brigade " + p[0], "Front " + p[1] + p[3], "Group " + p[2] + p[4]]
    types = (EntityType.ARMED_GROUP, EntityType.STATE, EntityType.PERSON)
    entities = tuple(
        Entity(id=f"x{i}", label=labels[i], type=types[i], aliases=tuple(p[i:i + 3]), wikidata=None,
               mentions=(Mention(doc_id, 0, 10, labels[i], types[i], f"x{i}"),
                         Mention("plain", 0, 10, labels[i], types[i], f"x{i}")))
        for i in range(3))
    entities += (Entity(id="lonely", label="Lonely " + p[5], type=EntityType.PLACE,
                        mentions=(Mention("plain", 0, 5, "x", EntityType.PLACE, "lonely"),)),)
    claims = []
    for k, status in enumerate(Status):
        for j, doc in enumerate((doc_id, "plain")):
            claims.append(Claim(
                subject=f"x{k % 3}", relation=list(Relation)[k], object=f"x{(k + 1) % 3}", status=status,
                evidence=Evidence(doc, f"Sentence {p[(k + j) % len(p)]} and {p[(k + j + 1) % len(p)]}.",
                                  10 * k, 10 * k + 9, "hostile"),
                cue="cue " + p[(k + 2) % len(p)],
                attributed_to=Source(phrase="officials " + p[k % len(p)]) if j else Source(entity="x2"),
                confidence=0.6))
    return KnowledgeGraph(docs, entities, tuple(claims))
