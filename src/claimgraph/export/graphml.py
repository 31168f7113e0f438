"""``graph.graphml``: the NetworkX view for Gephi, yEd, Cytoscape."""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from ..model import Claim, Entity
from .base import Exporter


# characters XML 1.0 cannot hold, not even escaped (control characters,
# U+FFFE, U+FFFF, lone surrogates): they would make the file unreadable
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """``value`` with each character XML 1.0 cannot hold shown as U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


class GraphMLExporter(Exporter):
    name = "graphml"
    description = "graph.graphml (one node per entity, one edge per claim)"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.g = nx.MultiDiGraph()

    def write_entity(self, e: Entity) -> None:
        where = {}
        if e.lat is not None and e.lon is not None:  # Gephi's Geo Layout reads these
            where = {"lat": e.lat, "lon": e.lon}
        for key in ("country", "subdivision", "state"):
            if getattr(e, key):
                where[key] = xml_text(getattr(e, key))
        self.g.add_node(xml_text(e.id), label=xml_text(e.label), type=e.type.value,
                        aliases=xml_text("; ".join(e.aliases)), mentions=len(e.mentions),
                        documents=xml_text("; ".join(e.documents)), wikidata=e.wikidata or "", **where)

    def write_claim(self, c: Claim) -> None:
        corr = self.context.corroboration.get(c.triple)
        self.g.add_edge(
            xml_text(c.subject), xml_text(c.object), key=c.id, relation=c.relation.value, status=c.status.value,
            attributed_to=xml_text(c.attributed_to.value) if c.attributed_to else "", cue=xml_text(c.cue),
            evidence=xml_text(c.evidence.sentence), document=xml_text(c.evidence.document),
            char_start=c.evidence.char_start, char_end=c.evidence.char_end, confidence=c.confidence,
            corroborating_documents=corr.documents if corr else 1,
            **_when_where(c),
        )

    def finalize(self) -> list[Path]:
        path = self.out / "graph.graphml"
        text = "\n".join(nx.generate_graphml(self.g, prettyprint=True)) + "\n"
        with self.tx.open(path) as fh:
            fh.write(text)
        return [path]


def _when_where(c: Claim) -> dict:
    """A claim's date (ISO 8601 strings at their precision) and place, as edge attributes."""
    out = {}
    if c.when is not None:
        out["date_text"] = xml_text(c.when.text)
        for key, value in (("date", c.when.value), ("date_end", c.when.end), ("date_precision", c.when.precision),
                           ("date_qualifier", c.when.qualifier)):
            if value is not None:
                out[key] = value
    if c.place is not None:
        out["place"] = xml_text(c.place)
    return out
