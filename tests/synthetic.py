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


def dated_graph(n_docs: int = 6):
    """A corpus made in code: states and places of three countries, attacks, controls and
    accusations dated at every precision (and undated), in several documents."""
    import random

    from claimgraph.graph import KnowledgeGraph
    from claimgraph.model import Claim, Document, Entity, EntityType, Evidence, Mention, Relation, Source, Status, When

    rnd = random.Random(7)
    # (id, label, class, country, subdivision, aliases, (lat, lon))
    specs = [("nigeria", "Nigeria", EntityType.STATE, "NG", None, ("Federal Republic of Nigeria",), (9.06, 7.49)),
             ("borno-ng", "Borno", EntityType.PLACE, "NG", "Borno", (), (11.5, 12.9)),
             ("maiduguri-ng", "Maiduguri", EntityType.PLACE, "NG", "Borno", (), (11.85, 13.16)),
             ("mali", "Mali", EntityType.STATE, "ML", None, (), (12.65, -8.0)),
             ("gao-ml", "Gao", EntityType.PLACE, "ML", "Gao", (), (16.27, -0.04)),
             ("ukraine", "Ukraine", EntityType.STATE, "UA", None, (), (50.45, 30.52)),
             ("kharkiv-ua", "Kharkiv", EntityType.PLACE, "UA", "Kharkivska", (), (49.99, 36.23)),
             ("iswap", "ISWAP", EntityType.ARMED_GROUP, None, None, (), None),
             ("jnim", "JNIM", EntityType.ARMED_GROUP, None, None, (), None),
             ("russia", "Russia", EntityType.STATE, "RU", None, (), (55.75, 37.62))]
    dates = [None, When("on 3 May 2024", "2024-05-03", "day"), When("in March 2024", "2024-03", "month"),
             When("in 2023", "2023", "year"), When("last week", "2024-04-29", "week", "2024-05-05"),
             When("between March and May 2024", "2024-03", "month", "2024-05"),
             When("since April 2023", "2023-04", "month", qualifier="since"), When("on Tuesday"),
             When("in the 1990s", "1990", "decade", "1999")]
    docs, claims = [], []
    mentions = {s[0]: [] for s in specs}
    for i in range(n_docs):
        doc_id = f"gen-{i}"
        text = " ".join(f"Sentence {j} of document {i}." for j in range(12))
        docs.append(Document(id=doc_id, text=text, source=f"{doc_id}.txt", date="2024-05-07", date_source="option"))
        for eid in mentions:
            mentions[eid].append(Mention(doc_id, 0, 8, eid, None, eid))
        for j in range(12):
            actor = rnd.choice(["iswap", "jnim", "russia"])
            target = rnd.choice(["borno-ng", "maiduguri-ng", "gao-ml", "kharkiv-ua", "nigeria", "mali"])
            relation = rnd.choice([Relation.ATTACKS, Relation.ATTACKS, Relation.CONTROLS])
            status = rnd.choice(list(Status))
            source = Source(entity="ukraine") if status is Status.ALLEGED and rnd.random() < 0.5 else None
            place = target if rnd.random() < 0.8 else None
            start = j * len(f"Sentence {j} of document {i}. ")
            claims.append(Claim(actor, relation, target, status,
                                Evidence(doc_id, f"Sentence {j} of document {i}.", start, start + 10, "generated"),
                                cue="cue", attributed_to=source, when=rnd.choice(dates), place=place))
    entities = [Entity(id=eid, label=label, type=t, aliases=aliases, mentions=tuple(mentions[eid]),
                       country=cc, subdivision=sub, lat=at[0] if at else None, lon=at[1] if at else None)
                for eid, label, t, cc, sub, aliases, at in specs]
    return KnowledgeGraph(tuple(docs), tuple(entities), tuple(claims))


def outlet_documents(config):
    """Two articles of two outlets (one from its URL, one named by its record) reporting the same
    attack; the first credits Reuters and carries Pakistan's allegation, the second the denial."""
    from claimgraph.ingest.document import document_from_text

    return [document_from_text("a", "KABUL (Reuters) - The TTP attacked the Frontier Constabulary in Bannu. "
                                    "Pakistan accused the Taliban of sheltering the TTP.", config=config,
                               url="https://www.dawn.com/news/1"),
            document_from_text("b", "The TTP attacked the Frontier Constabulary in Bannu. Al-Shabaab attacked "
                                    "Mogadishu. The Taliban denied sheltering the TTP.", config=config,
                               publisher="Tolo News")]
