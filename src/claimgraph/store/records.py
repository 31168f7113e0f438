"""The store's records as JSON: documents, entity views and claims, and back.

A plain, versioned JSON form (not pickle), so that a store written by one
version of claimgraph can be read by the next, and so that a person can
inspect it with ``sqlite3``. ``decode_*(encode_*(x)) == x`` for every record
(tested).
"""
from __future__ import annotations

import json
from typing import Any

from ..model import Block, BlockKind, Claim, Document, Entity, EntityType, Evidence, Mention, Relation, Source, Status, When


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# -- documents -------------------------------------------------------------------------


def document_to_json(d: Document) -> dict:
    return {"id": d.id, "text": d.text, "source": d.source, "title": d.title, "date": d.date, "url": d.url,
            "date_source": d.date_source, "publisher": d.publisher, "publisher_source": d.publisher_source,
            "credits": list(d.credits), "publisher_entity": d.publisher_entity, "content_hash": d.content_hash, "blocks": [[b.kind.value, b.start, b.end] for b in d.blocks]}


def document_from_json(o: dict) -> Document:
    return Document(id=o["id"], text=o["text"], source=o["source"], title=o["title"], date=o["date"], url=o["url"],
                    date_source=o.get("date_source"), publisher=o.get("publisher"),
                    publisher_source=o.get("publisher_source"), credits=tuple(o.get("credits") or ()),
                    publisher_entity=o.get("publisher_entity"), content_hash=o["content_hash"],
                    blocks=tuple(Block(BlockKind(k), s, e) for k, s, e in o["blocks"]))


# -- mentions and entities ------------------------------------------------------------------


def mention_to_json(m: Mention) -> list:
    return [m.document, m.char_start, m.char_end, m.text, m.type.value if m.type else None, m.key, m.kind]


def mention_from_json(o: list) -> Mention:
    document, start, end, text, etype, key, kind = o
    return Mention(document, start, end, text, EntityType(etype) if etype else None, key, kind)


def entity_to_json(e: Entity) -> dict:
    return {"id": e.id, "label": e.label, "type": e.type.value, "aliases": list(e.aliases),
            "wikidata": e.wikidata, "mentions": [mention_to_json(m) for m in e.mentions],
            "state": e.state, "lat": e.lat, "lon": e.lon, "country": e.country, "subdivision": e.subdivision,
            "subdivision_code": e.subdivision_code}


def entity_from_json(o: dict) -> Entity:
    # records written before entities had a state and coordinates have none
    return Entity(id=o["id"], label=o["label"], type=EntityType(o["type"]), aliases=tuple(o["aliases"]),
                  wikidata=o["wikidata"], mentions=tuple(mention_from_json(m) for m in o["mentions"]),
                  state=o.get("state"), lat=o.get("lat"), lon=o.get("lon"), country=o.get("country"),
                  subdivision=o.get("subdivision"), subdivision_code=o.get("subdivision_code"))


# -- claims --------------------------------------------------------------------------------


def claim_to_json(c: Claim) -> dict:
    ev = c.evidence
    source = None
    if c.attributed_to is not None:
        source = {"entity": c.attributed_to.entity} if c.attributed_to.entity is not None else \
            {"phrase": c.attributed_to.phrase}
    return {"subject": c.subject, "relation": c.relation.value, "object": c.object, "status": c.status.value,
            "evidence": {"document": ev.document, "sentence": ev.sentence, "char_start": ev.char_start,
                         "char_end": ev.char_end, "rule": ev.rule},
            "cue": c.cue, "attributed_to": source, "confidence": c.confidence,
            "when": c.when.to_dict() if c.when else None, "place": c.place}


def claim_from_json(o: dict) -> Claim:
    ev = o["evidence"]
    src = o["attributed_to"]
    return Claim(subject=o["subject"], relation=Relation(o["relation"]), object=o["object"],
                 status=Status(o["status"]),
                 evidence=Evidence(ev["document"], ev["sentence"], ev["char_start"], ev["char_end"], ev["rule"]),
                 cue=o["cue"], attributed_to=Source(**src) if src else None, confidence=o["confidence"],
                 when=When.from_dict(o["when"]) if o.get("when") else None, place=o.get("place"))
