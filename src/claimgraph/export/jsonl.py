"""``entities.jsonl`` and ``claims.jsonl``: the interchange format of
``../shared/eval/README.md`` (one JSON object a line), with a few more
fields (claim id, rule, corroboration, date and place; a place's
coordinates, country and subdivision), and ``documents.jsonl`` (each
document's id, title, URL and date with its source)."""
from __future__ import annotations

import json
from pathlib import Path

from ..model import Claim, Document, Entity
from .base import Exporter


# characters that JSON leaves raw but that many line readers (Python's
# str.splitlines, JavaScript before ES2019) take for a line break: escaped,
# so that one record is always one line
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")).translate(_LINE_BREAKS) + "\n"


def entity_record(e: Entity) -> dict:
    rec = {"id": e.id, "label": e.label, "type": e.type.value, "aliases": list(e.aliases)}
    if e.wikidata:
        rec["wikidata"] = e.wikidata
    if e.state:
        rec["state"] = e.state
    if e.lat is not None and e.lon is not None:
        rec["lat"], rec["lon"] = e.lat, e.lon
    for key in ("country", "subdivision", "subdivision_code"):
        if getattr(e, key):
            rec[key] = getattr(e, key)
    rec["mentions"] = [{"document": m.document, "text": m.text, "char_start": m.char_start,
                        "char_end": m.char_end} for m in e.mentions]
    return rec


def document_record(d: Document) -> dict:
    return {"id": d.id, "title": d.title, "url": d.url, "source": d.source, "date": d.date,
            "date_source": d.date_source, "publisher": d.publisher, "publisher_source": d.publisher_source,
            "credits": list(d.credits), "publisher_entity": d.publisher_entity}


def claim_record(c: Claim, corroboration=None) -> dict:
    rec = {
        "id": c.id,
        "subject": c.subject,
        "relation": c.relation.value,
        "object": c.object,
        "status": c.status.value,
        "attributed_to": c.attributed_to.value if c.attributed_to else None,
        "attributed_to_kind": ("entity" if c.attributed_to.entity else "phrase") if c.attributed_to else None,
        "cue": c.cue,
        "document": c.evidence.document,
        "sentence": c.evidence.sentence,
        "char_start": c.evidence.char_start,
        "char_end": c.evidence.char_end,
        "confidence": c.confidence,
        "rule": c.evidence.rule,
    }
    if c.when is not None:
        rec["date"] = c.when.to_dict()
    if c.place is not None:
        rec["place"] = c.place
    if corroboration is not None:
        rec["corroboration"] = {"documents": corroboration.documents, "sources": corroboration.sources,
                                "denied": corroboration.denied}
    return rec


class JsonlExporter(Exporter):
    name = "jsonl"
    description = "entities.jsonl and claims.jsonl (the evaluation interchange format)"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._documents: list[str] = []
        self._entities: list[str] = []
        self._claims: list[str] = []

    def write_document(self, document: Document) -> None:
        self._documents.append(_line(document_record(document)))

    def write_entity(self, entity: Entity) -> None:
        self._entities.append(_line(entity_record(entity)))

    def write_claim(self, claim: Claim) -> None:
        self._claims.append(_line(claim_record(claim, self.context.corroboration.get(claim.triple))))

    def finalize(self) -> list[Path]:
        paths = []
        for name, lines in (("documents.jsonl", self._documents), ("entities.jsonl", self._entities),
                            ("claims.jsonl", self._claims)):
            path = self.out / name
            with self.tx.open(path) as fh:
                fh.writelines(lines)
            paths.append(path)
        return paths
