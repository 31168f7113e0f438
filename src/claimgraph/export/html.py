"""``graph.html``: an interactive page built with pyvis, fully offline.

pyvis assembles the network (nodes, edges, options); the page is rendered
with claimgraph's own Jinja2 template (autoescaped) instead of pyvis's,
because pyvis's page links Bootstrap from a CDN and writes titles and node
ids into the page unescaped. vis-network's JavaScript and CSS, which pyvis
ships, are inlined, so no request leaves the page.

The graph's data reaches the page as JSON inside a
``<script type="application/json">`` element ("<", ">" and "&" escaped as
``\\u003c`` etc.); tooltips are built in the browser with ``textContent``,
so no text from an article is ever parsed as HTML.

Parallel claims with the same relation and status between two entities
are merged into one edge that shows their number and lists their evidence;
different relations between the same two entities are curved apart.
"""
from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from ..model import Claim, Document, Entity, EntityType, Relation, Status
from .base import Exporter

# Okabe-Ito colours (safe for colour-blind readers) and distinct shapes per class
CLASS_STYLE: dict[EntityType, tuple[str, str]] = {
    EntityType.STATE: ("#0072B2", "square"),
    EntityType.ARMED_GROUP: ("#D55E00", "triangle"),
    EntityType.GOVERNMENT: ("#CC79A7", "diamond"),
    EntityType.SECURITY_FORCE: ("#009E73", "hexagon"),
    EntityType.ORGANIZATION: ("#E69F00", "dot"),
    EntityType.PERSON: ("#56B4E9", "triangleDown"),
    EntityType.PLACE: ("#999999", "dot"),
    EntityType.EVENT: ("#F0E442", "star"),
}
RELATION_COLORS: dict[Relation, str] = {
    Relation.SUPPORTS: "#D55E00", Relation.ATTACKS: "#B2182B", Relation.CARRIED_OUT: "#8C510A",
    Relation.ALLIED_WITH: "#009E73", Relation.OPPOSES: "#762A83", Relation.ACCUSES: "#E7298A",
    Relation.MEMBER_OF: "#0072B2", Relation.LEADS: "#1B9E77", Relation.SPOKESPERSON_OF: "#56B4E9",
    Relation.OPERATES_IN: "#7F7F7F", Relation.CONTROLS: "#4D4D4D", Relation.MEDIATES: "#66A61E",
    Relation.LOCATED_IN: "#A6A6A6", Relation.THREATENS: "#E6AB02", Relation.KILLS: "#000000",
    Relation.RELEASES: "#A6761D",
}
# line style by status: asserted solid, alleged dashed, denied dotted and red-crossed, hypothetical faint
STATUS_STYLE: dict[Status, dict] = {
    Status.ASSERTED: {"dashes": False, "opacity": 1.0, "width": 2.0},
    Status.ALLEGED: {"dashes": [10, 6], "opacity": 0.95, "width": 2.0},
    Status.DENIED: {"dashes": [2, 5], "opacity": 0.9, "width": 2.0},
    Status.HYPOTHETICAL: {"dashes": [4, 6], "opacity": 0.35, "width": 1.5},
}
MAX_EVIDENCE = 6
_TEMPLATES = Path(__file__).with_name("templates")
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


def _json_for_script(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _keep_top(entities: list[Entity], claims: list[Claim], max_nodes: int) -> tuple[list[Entity], list[Claim]]:
    if not max_nodes or len(entities) <= max_nodes:
        return entities, claims
    degree: dict[str, int] = defaultdict(int)
    for c in claims:
        degree[c.subject] += 1
        degree[c.object] += 1
    keep = {e.id for e in sorted(entities, key=lambda e: (-degree[e.id], -len(e.mentions), e.id))[:max_nodes]}
    return [e for e in entities if e.id in keep], [c for c in claims if c.subject in keep and c.object in keep]


class HtmlExporter(Exporter):
    name = "html"
    description = "graph.html (interactive, offline page)"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.entities: list[Entity] = []
        self.claims: list[Claim] = []
        self.documents: list[Document] = []

    def write_document(self, document: Document) -> None:
        self.documents.append(document)

    def write_entity(self, entity: Entity) -> None:
        self.entities.append(entity)

    def write_claim(self, claim: Claim) -> None:
        self.claims.append(claim)

    def network(self) -> tuple[Network, dict]:
        """The pyvis network of the graph, and the page's metadata."""
        max_nodes = int(self.options.get("max_nodes") or 0)
        entities, claims = _keep_top(self.entities, self.claims, max_nodes)
        net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
        degree: dict[str, int] = defaultdict(int)
        for c in claims:
            degree[c.subject] += 1
            degree[c.object] += 1
        positions = self._layout(entities, claims) if self.options.get("layout", len(entities) > 300) else {}
        for e in entities:
            color, shape = CLASS_STYLE[e.type]
            extra = {}
            if e.id in positions:
                extra = {"x": positions[e.id][0], "y": positions[e.id][1]}
            net.add_node(
                e.id, label=e.label, shape=shape, color=color,
                size=round(10 + 4 * math.sqrt(len(e.mentions) + degree[e.id]), 1),
                group=e.type.value, info={
                    "kind": "entity", "label": e.label, "type": e.type.value, "aliases": list(e.aliases),
                    "documents": list(e.documents), "mentions": len(e.mentions), "degree": degree[e.id],
                    "wikidata": e.wikidata,
                }, **extra,
            )
        merged: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:
            merged[(c.subject, c.relation, c.object, c.status)].append(c)
        pair_count: dict[tuple[str, str], int] = defaultdict(int)
        for (s, rel, o, status), group in sorted(merged.items(), key=lambda kv: (kv[0][0], kv[0][1].value,
                                                                                  kv[0][2], kv[0][3].value)):
            pair = tuple(sorted((s, o)))
            k = pair_count[pair]
            pair_count[pair] += 1
            style = STATUS_STYLE[status]
            corr = self.context.corroboration.get(group[0].triple)
            label = rel.value if status is Status.ASSERTED else f"{rel.value} ({status.value})"
            if len(group) > 1:
                label += f" \u00d7{len(group)}"
            net.add_edge(
                s, o, label=label, arrows="to", dashes=style["dashes"], width=style["width"],
                color={"color": RELATION_COLORS[rel], "opacity": style["opacity"]},
                smooth={"enabled": True, "type": "curvedCW" if k % 2 == 0 else "curvedCCW",
                        "roundness": round(0.12 + 0.14 * (k // 2), 2)},
                relation=rel.value, status=status.value,
                documents=sorted({c.evidence.document for c in group}),
                info={
                    "kind": "claims", "relation": rel.value, "status": status.value, "count": len(group),
                    "subject": self.context.entities[s].label, "object": self.context.entities[o].label,
                    "corroborating_documents": corr.documents if corr else len(group),
                    "corroborating_sources": corr.sources if corr else 1,
                    "denied_elsewhere": bool(corr.denied) if corr else False,
                    "evidence": [{
                        "source": self._source_label(c), "cue": c.cue, "sentence": c.evidence.sentence,
                        "document": c.evidence.document, "char_start": c.evidence.char_start,
                        "confidence": c.confidence,
                    } for c in group[:MAX_EVIDENCE]],
                    "more": max(0, len(group) - MAX_EVIDENCE),
                },
            )
        meta = {
            "entities": len(entities), "claims": len(claims), "edges": len(net.edges),
            "documents": [{"id": d.id, "title": d.title or d.id} for d in self.documents],
            "total_entities": len(self.entities), "total_claims": len(self.claims),
            "corpus": self.context.corpus, "built": _build_date(),
            "classes": [{"name": t.value, "color": CLASS_STYLE[t][0], "shape": CLASS_STYLE[t][1]}
                        for t in EntityType],
            "relations": [{"name": r.value, "color": RELATION_COLORS[r]} for r in Relation],
            "statuses": [{"name": s.value, "dashes": STATUS_STYLE[s]["dashes"],
                          "opacity": STATUS_STYLE[s]["opacity"]} for s in Status],
            "positions": bool(positions),
        }
        return net, meta

    def _source_label(self, c: Claim) -> str | None:
        if c.attributed_to is None:
            return None
        if c.attributed_to.entity is not None:
            ent = self.context.entities.get(c.attributed_to.entity)
            return ent.label if ent else c.attributed_to.entity
        return c.attributed_to.phrase

    def _layout(self, entities: list[Entity], claims: list[Claim]) -> dict[str, tuple[float, float]]:
        g = nx.Graph()
        g.add_nodes_from(e.id for e in entities)
        g.add_edges_from((c.subject, c.object) for c in claims)
        scale = 120 * math.sqrt(max(len(entities), 1))
        pos = nx.spring_layout(g, seed=7, iterations=50, scale=scale)
        return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in sorted(pos.items())}

    def render(self) -> str:
        net, meta = self.network()
        nodes, edges, _heading, _h, _w, options = net.get_network_data()
        env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                          keep_trailing_newline=True)
        template = env.get_template("graph.html.j2")
        title = self.options.get("title") or "claimgraph: who claims what"
        data = {"nodes": nodes, "edges": edges, "meta": meta}
        return template.render(
            title=title, meta=meta, data_json=_json_for_script(data),
            vis_js=(_VIS / "vis-network.min.js").read_text(encoding="utf-8"),
            vis_css=(_VIS / "vis-network.css").read_text(encoding="utf-8"),
        )

    def finalize(self) -> list[Path]:
        path = self.out / "graph.html"
        with self.tx.open(path) as fh:
            fh.write(self.render())
        return [path]


def _build_date() -> str | None:
    """The build date, only when SOURCE_DATE_EPOCH fixes it (reproducible builds):
    the same input must give the same page."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%d")
