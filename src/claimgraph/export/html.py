"""``graph.html``: an interactive page built with pyvis, fully offline.

pyvis assembles the network (its ``Network``, ``Node`` and ``Edge``
records); the page is rendered with claimgraph's own Jinja2 template
(autoescaped) instead of pyvis's, because pyvis's page links Bootstrap from
a CDN and writes titles and node ids into the page unescaped (see
``FIELD-NOTES.md``). vis-network's JavaScript and CSS, which pyvis ships,
are inlined, so no request leaves the page; a Content-Security-Policy that
allows only those inline scripts (by hash) and no connection at all makes
the browser enforce it.

Every text that came from an article reaches the page only as JSON inside a
``<script type="application/json">`` element, serialised by Jinja2's
``tojson`` filter (which escapes ``<``, ``>``, ``&`` and ``'``), or through
Jinja2's autoescaping; the page's script puts text into the DOM only with
``textContent``, and tooltips are our own DOM elements, so no text from an
article is ever parsed as HTML.

Parallel claims with the same relation and status between two entities are
merged into one edge that shows their number and lists their statements;
edges between the same two entities are curved apart. Node positions are
precomputed with networkx (connected components laid out one by one and
packed in rows); small graphs then settle with vis-network's physics, which
stops once stable, large ones are drawn at once with physics off.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.edge import Edge as PyvisEdge
from pyvis.network import Network

from ..dates import first_day
from ..errors import Code, ConfigError, one_of
from ..model import Claim, Entity, EntityType, Relation, Status
from ..sources import source_label, source_of
from .base import RecordExporter

# Okabe-Ito colours (safe for colour-blind readers) and a distinct shape per class;
# a place is a ring (white dot with a thick grey border)
CLASS_STYLE: dict[EntityType, tuple[str, str]] = {
    EntityType.STATE: ("#0072B2", "square"),
    EntityType.ARMED_GROUP: ("#D55E00", "triangle"),
    EntityType.GOVERNMENT: ("#CC79A7", "diamond"),
    EntityType.SECURITY_FORCE: ("#009E73", "hexagon"),
    EntityType.ORGANIZATION: ("#E69F00", "dot"),
    EntityType.PERSON: ("#56B4E9", "triangleDown"),
    EntityType.PLACE: ("#FFFFFF", "ring"),
    EntityType.EVENT: ("#F0E442", "star"),
}
PLACE_BORDER = "#6F6F6F"
RELATION_COLORS: dict[Relation, str] = {
    Relation.SUPPORTS: "#D55E00", Relation.ATTACKS: "#B2182B", Relation.CARRIED_OUT: "#8C510A",
    Relation.ALLIED_WITH: "#009E73", Relation.OPPOSES: "#762A83", Relation.ACCUSES: "#E7298A",
    Relation.MEMBER_OF: "#0072B2", Relation.LEADS: "#1B9E77", Relation.SPOKESPERSON_OF: "#56B4E9",
    Relation.OPERATES_IN: "#7F7F7F", Relation.CONTROLS: "#4D4D4D", Relation.MEDIATES: "#66A61E",
    Relation.LOCATED_IN: "#A6A6A6", Relation.THREATENS: "#E6AB02", Relation.KILLS: "#000000",
    Relation.RELEASES: "#A6761D",
}
# line style by status: asserted solid, alleged dashed, denied dotted and struck through
# (a bar across the middle of the edge, a cross before its label), hypothetical faint
STATUS_STYLE: dict[Status, dict] = {
    Status.ASSERTED: {"dashes": False, "opacity": 1.0, "width": 2.0, "mark": "", "suffix": ""},
    Status.ALLEGED: {"dashes": [10, 6], "opacity": 1.0, "width": 2.0, "mark": "", "suffix": " (alleged)"},
    Status.DENIED: {"dashes": [2, 5], "opacity": 1.0, "width": 2.0, "mark": "\u2717 ", "suffix": " (denied)"},
    Status.HYPOTHETICAL: {"dashes": [3, 7], "opacity": 0.4, "width": 1.5, "mark": "",
                          "suffix": " (hypothetical)"},
}
LAYOUTS = ("auto", "networkx", "physics")
SIZE_BY = ("degree", "mentions")
OPTIONS = ("max_nodes", "layout", "size_by", "title")
PHYSICS_MAX_NODES = 300  # "auto": vis physics settles graphs up to this size; larger ones are drawn as laid out
MAX_STATEMENTS = 25  # statements listed per edge (the rest are counted)
MAX_LABEL = 40
SPACING = 60.0  # pixels per sqrt(node) of a component's laid-out radius
GRID_CELL = (220.0, 80.0)  # entities without claims: a grid of cells this wide and high (the page uses the same)
DEFAULT_TITLE = "claimgraph: who claims what"

_TEMPLATES = Path(__file__).with_name("templates")
_VENDOR = Path(__file__).with_name("vendor")  # the map's world outline and its decoder (tools/vendor/build.py)
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_ENV = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                   keep_trailing_newline=True)
# deterministic, compact JSON; tojson makes it safe inside <script> (escapes < > & ')
_ENV.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}


def check_options(options: dict) -> dict:
    """The exporter's options, checked; raises :class:`ConfigError` naming the valid values."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise ConfigError(Code.BAD_CONFIG, f"html option {one_of(unknown[0], OPTIONS)}")
    out = {"max_nodes": 0, "layout": "auto", "size_by": "degree", "title": ""}
    out.update({k: v for k, v in options.items() if v is not None})
    if isinstance(out["max_nodes"], bool) or not isinstance(out["max_nodes"], int) or out["max_nodes"] < 0:
        raise ConfigError(Code.BAD_CONFIG, f"html max_nodes must be an integer, 0 or more, not {out['max_nodes']!r}")
    if out["layout"] not in LAYOUTS:
        raise ConfigError(Code.BAD_CONFIG, f"html layout {one_of(out['layout'], LAYOUTS)}")
    if out["size_by"] not in SIZE_BY:
        raise ConfigError(Code.BAD_CONFIG, f"html size_by {one_of(out['size_by'], SIZE_BY)}")
    if not isinstance(out["title"], str):
        raise ConfigError(Code.BAD_CONFIG, f"html title must be a string, not {out['title']!r}")
    return out


def options_from_config(html_config) -> dict:
    """Exporter options from a :class:`~claimgraph.config.HtmlConfig`."""
    return {"max_nodes": html_config.max_nodes, "layout": html_config.layout,
            "size_by": html_config.size_by, "title": html_config.title}


def keep_top(entities: list[Entity], claims: list[Claim], max_nodes: int) -> tuple[list[Entity], list[Claim]]:
    """The ``max_nodes`` entities with most claims (ties: more mentions, then id) and the claims among them."""
    if not max_nodes or len(entities) <= max_nodes:
        return entities, claims
    degree: Counter[str] = Counter()
    for c in claims:
        degree[c.subject] += 1
        degree[c.object] += 1
    ranked = sorted(entities, key=lambda e: (-degree[e.id], -len(e.mentions), e.id))
    keep = {e.id for e in ranked[:max_nodes]}
    return [e for e in entities if e.id in keep], [c for c in claims if c.subject in keep and c.object in keep]


def layout_positions(nodes: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions in page pixels: each connected component laid out with
    networkx's spring layout (radius growing with the square root of its
    size), components packed in rows from the largest, entities without
    claims in a grid after them. Deterministic for the same input."""
    g = nx.Graph()
    g.add_nodes_from(sorted(nodes))
    edges = sorted({tuple(sorted(p)) for p in pairs if p[0] != p[1]})
    g.add_edges_from(edges)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    boxes: list[tuple[float, float, dict[str, tuple[float, float]]]] = []
    isolated = [c[0] for c in comps if len(c) == 1]
    comp_of = {n: i for i, comp in enumerate(comps) for n in comp}
    edges_of: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for e in edges:
        edges_of[comp_of[e[0]]].append(e)
    for i, comp in enumerate(comps):
        if len(comp) == 1:
            continue
        # a graph of its own, built in sorted order: a subgraph view of a small part iterates
        # its nodes in set order, which changes with the string hash seed (PYTHONHASHSEED)
        sub = nx.Graph()
        sub.add_nodes_from(comp)
        sub.add_edges_from(edges_of[i])
        radius = SPACING * math.sqrt(len(comp))
        pos = nx.spring_layout(sub, seed=7, iterations=50 if len(comp) < 500 else 35, scale=radius,
                               method="force")
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        x0, y0 = min(xs), min(ys)
        boxes.append((max(xs) - x0, max(ys) - y0, {n: (p[0] - x0, p[1] - y0) for n, p in pos.items()}))
    if isolated:  # a grid of wide cells, for the labels
        cell_w, cell_h = GRID_CELL
        cols = max(1, math.ceil(math.sqrt(len(isolated) * cell_h / cell_w)))
        rows = math.ceil(len(isolated) / cols)
        grid = {n: ((i % cols) * cell_w, (i // cols) * cell_h) for i, n in enumerate(isolated)}
        boxes.append(((cols - 1) * cell_w, (rows - 1) * cell_h, grid))
    if not boxes:
        return {}
    gap = 2 * SPACING
    width = max(max(b[0] for b in boxes), math.sqrt(sum((b[0] + gap) * (b[1] + gap) for b in boxes)) * 1.3)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for w, h, pos in boxes:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for n, (px, py) in pos.items():
            out[n] = (px + x, py + y)
        x += w + gap
        row_h = max(row_h, h)
    cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
    cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
    return {n: (round(float(px - cx), 1), round(float(py - cy), 1)) for n, (px, py) in sorted(out.items())}


def _shade(hex_color: str, factor: float = 0.62) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(round(v * factor) for v in (r, g, b)))


def _node_style(kind: EntityType) -> dict:
    color, shape = CLASS_STYLE[kind]
    if shape == "ring":
        border = PLACE_BORDER
        return {"shape": "dot", "borderWidth": 3,
                "color": {"background": color, "border": border,
                          "highlight": {"background": "#FFF7C2", "border": "#000000"},
                          "hover": {"background": "#F2F2F2", "border": "#000000"}}}
    border = _shade(color)
    return {"shape": shape, "borderWidth": 1.5,
            "color": {"background": color, "border": border,
                      "highlight": {"background": color, "border": "#000000"},
                      "hover": {"background": color, "border": "#000000"}}}


def _short(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def edge_label(relation: str, status: str, count: int) -> str:
    """An edge's label (the page recomputes it with the same rule when documents are filtered)."""
    style = STATUS_STYLE[Status(status)]
    label = f"{style['mark']}{relation}{style['suffix']}"
    return label + (f" \u00d7{count}" if count > 1 else "")


class HtmlExporter(RecordExporter):
    name = "html"
    description = "graph.html (interactive page, offline: filters, search, evidence tooltips)"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options = check_options(self.options)

    # -- the network -------------------------------------------------------------

    def network(self) -> tuple[Network, dict]:
        """The pyvis network of the graph, and the page's metadata."""
        opts = self.options
        entities, claims = keep_top(self.entities, self.claims, opts["max_nodes"])
        net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
        degree: Counter[str] = Counter()
        for c in claims:
            degree[c.subject] += 1
            degree[c.object] += 1
        merged: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:
            merged[(c.subject, c.relation.value, c.object, c.status.value)].append(c)
        keys = sorted(merged)
        positions = layout_positions((e.id for e in entities), ((k[0], k[2]) for k in keys))
        physics = opts["layout"] == "physics" or (opts["layout"] == "auto" and len(entities) <= PHYSICS_MAX_NODES)

        for e in entities:
            x, y = positions[e.id]
            where = {"lat": e.lat, "lon": e.lon} if e.lat is not None and e.lon is not None else {}
            net.add_node(
                e.id, label=_short(e.label), x=x, y=y, cls=e.type.value,
                value=degree[e.id] if opts["size_by"] == "degree" else len(e.mentions),
                degree=degree[e.id], mentions=len(e.mentions), documents=list(e.documents),
                info={"label": e.label, "type": e.type.value, "aliases": list(e.aliases),
                      "wikidata": e.wikidata,
                      "mentions_by_document": dict(sorted(Counter(m.document for m in e.mentions).items())),
                      "country": e.country, "subdivision": e.subdivision},
                **where, **_node_style(e.type),
            )

        per_pair = Counter(tuple(sorted((k[0], k[2]))) for k in keys)
        seen_pair: Counter[tuple[str, str]] = Counter()
        node_ids = set(net.get_nodes())
        for key in keys:
            s, rel, o, status = key
            group = sorted(merged[key], key=lambda c: (c.evidence.document, c.evidence.char_start, c.id))
            pair = tuple(sorted((s, o)))
            k = seen_pair[pair]
            seen_pair[pair] += 1
            if per_pair[pair] > 1:
                clockwise = (k % 2 == 0) == (s <= o)  # the same side seen from the pair's first entity
                smooth = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                          "roundness": round(0.18 + 0.16 * (k // 2), 2)}
            else:
                smooth = {"enabled": False}
            style = STATUS_STYLE[Status(status)]
            corr = self.context.corroboration.get(group[0].triple)
            arrows = {"to": {"enabled": True, "scaleFactor": 0.55}}
            extra = {}
            if status == Status.DENIED.value:  # struck through: a bar across the middle, the label above it in red
                arrows["middle"] = {"enabled": True, "type": "bar", "scaleFactor": 0.8}
                extra["font"] = {"vadjust": -9, "color": "#B2182B"}
            by_doc = dict(sorted(Counter(c.evidence.document for c in group).items()))
            # what the filters count: statements by document, first day of their date ("" undated)
            # and source (the source lens: the actor, the phrase, or the outlet of the article's voice)
            keyed: Counter = Counter()
            for c in group:
                day = first_day(c.when.value) if c.when and c.when.value else ""
                keyed[(c.evidence.document, day, self._lens_label(c))] += 1
            stmts = [[list(k), n] for k, n in sorted(keyed.items())]
            # pyvis's add_edge checks both ends with a linear scan of the node list for every edge
            # (quadratic); the same check against a set, then pyvis's own Edge record
            if s not in node_ids or o not in node_ids:
                raise AssertionError(f"edge between unknown entities {s!r}, {o!r}")
            edge = PyvisEdge(
                s, o, True,
                label=edge_label(rel, status, len(group)), relation=rel, status=status, count=len(group),
                statements_by_document=by_doc, stmts=stmts, arrows=arrows, dashes=style["dashes"],
                width=round(style["width"] + min(3.0, 1.2 * math.log2(len(group))), 2),
                color={"color": RELATION_COLORS[Relation(rel)], "highlight": RELATION_COLORS[Relation(rel)],
                       "hover": RELATION_COLORS[Relation(rel)], "opacity": style["opacity"]},
                smooth=smooth, **extra,
                info={
                    "subject": self.context.entities[s].label, "object": self.context.entities[o].label,
                    "corroborating_documents": corr.documents if corr else len(by_doc),
                    "corroborating_sources": corr.sources if corr else 1,
                    "triple_statuses": list(corr.statuses) if corr else [status],
                    # every source that states, alleges or denies this relation between them (any edge)
                    "triple_sources": self._triple_sources(group[0]),
                    "statements": [{
                        "source": self._source_label(c), "cue": c.cue, "sentence": c.evidence.sentence,
                        "document": c.evidence.document, "char_start": c.evidence.char_start,
                        "char_end": c.evidence.char_end, "confidence": c.confidence,
                        "date": _date_label(c), "place": self.context.entities[c.place].label
                        if c.place and c.place in self.context.entities else None,
                        "allegations": self._allegations(c),
                    } for c in group[:MAX_STATEMENTS]],
                    "more": max(0, len(group) - MAX_STATEMENTS),
                },
            )
            net.edges.append(edge.options)

        ent_docs: Counter[str] = Counter(d for e in entities for d in e.documents)
        claim_docs: Counter[str] = Counter(c.evidence.document for c in claims)
        meta = {
            "entities": len(entities), "claims": len(claims), "edges": len(net.edges),
            "total_entities": len(self.entities), "total_claims": len(self.claims),
            "max_nodes": opts["max_nodes"],
            "with_claims": sum(1 for e in entities if degree[e.id]),
            "documents": [{"id": d.id, "title": d.title or d.id, "entities": ent_docs[d.id],
                           "claims": claim_docs[d.id]} for d in self.documents],
            "corpus": self.context.corpus, "built": _build_date(),
            "classes": [{"name": t.value, "color": CLASS_STYLE[t][0], "shape": CLASS_STYLE[t][1],
                         "border": PLACE_BORDER if CLASS_STYLE[t][1] == "ring" else _shade(CLASS_STYLE[t][0]),
                         "count": sum(1 for e in entities if e.type is t)} for t in EntityType],
            "relations": [{"name": r.value, "color": RELATION_COLORS[r],
                           "count": sum(1 for c in claims if c.relation is r)} for r in Relation],
            "statuses": [{"name": s.value, "dashes": STATUS_STYLE[s]["dashes"] or [],
                          "opacity": STATUS_STYLE[s]["opacity"], "mark": STATUS_STYLE[s]["mark"],
                          "suffix": STATUS_STYLE[s]["suffix"],
                          "count": sum(1 for c in claims if c.status is s)} for s in Status],
            "physics": physics, "size_by": opts["size_by"],
            "dated": sum(1 for c in claims if c.when and c.when.value),
            "sources": [{"name": name, "count": n} for name, n in sorted(
                Counter(self._lens_label(c) for c in claims).items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))],
            "placed": sum(1 for e in entities if e.lat is not None and e.lon is not None),
        }
        return net, meta

    def _triple_sources(self, c: Claim) -> dict[str, list[str]]:
        if getattr(self, "_by_triple", None) is None:
            self._by_triple = defaultdict(lambda: defaultdict(set))
            for x in self.claims:
                self._by_triple[x.triple][x.status.value].add(self._lens_label(x))
        found = self._by_triple.get(c.triple, {})
        return {st: sorted(found[st], key=lambda n: (n.casefold(), n)) for st in sorted(found)}

    def _allegations(self, c: Claim) -> list[str]:
        """For an accusation, what the accuser alleges in the same sentence ("Afghan Taliban
        supports TTP (alleged)"): the accusation network's allegations."""
        if c.relation is not Relation.ACCUSES:
            return []
        if getattr(self, "_by_sentence", None) is None:
            self._by_sentence = defaultdict(list)
            for x in self.claims:
                if x.relation is not Relation.ACCUSES and x.attributed_to and x.attributed_to.entity:
                    self._by_sentence[(x.evidence.document, x.evidence.char_start, x.attributed_to.entity)].append(x)
        ents = self.context.entities
        name = lambda eid: ents[eid].label if eid in ents else eid  # noqa: E731
        found = self._by_sentence.get((c.evidence.document, c.evidence.char_start, c.subject), [])
        return sorted({f"{name(x.subject)} {x.relation.value} {name(x.object)} ({x.status.value})" for x in found})

    def _lens_label(self, c: Claim) -> str:
        """Who states a claim, as the source lens reads it (claimgraph.sources)."""
        if getattr(self, "_lens", None) is None:
            self._lens = ({d.id: d for d in self.documents}, {eid: e.label for eid, e in self.context.entities.items()})
        documents, labels = self._lens
        return source_label(source_of(c, documents), labels, documents)

    def _source_label(self, c: Claim) -> str | None:
        if c.attributed_to is None:
            return None
        if c.attributed_to.entity is not None:
            ent = self.context.entities.get(c.attributed_to.entity)
            return ent.label if ent else c.attributed_to.entity
        return c.attributed_to.phrase

    # -- the page ----------------------------------------------------------------

    def render(self) -> str:
        net, meta = self.network()
        nodes, edges, _heading, _height, _width, _options = net.get_network_data()
        vis_js = (_VIS / "vis-network.min.js").read_text(encoding="utf-8")
        app_js = (_TEMPLATES / "graph.js").read_text(encoding="utf-8")
        topo_js = (_VENDOR / "topojson-client.min.js").read_text(encoding="utf-8")
        world = json.loads((_VENDOR / "countries-110m.json").read_text(encoding="utf-8"))
        for name, code in (("vis-network.min.js", vis_js), ("graph.js", app_js), ("topojson-client.min.js", topo_js)):
            if "</script" in code.lower():  # would end the inline <script> early
                raise AssertionError(f"{name} cannot be inlined: it contains '</script'")
        return _ENV.get_template("graph.html.j2").render(
            title=self.options["title"] or DEFAULT_TITLE, meta=meta,
            data={"nodes": nodes, "edges": edges, "meta": meta},
            vis_js=vis_js, app_js=app_js, topo_js=topo_js, world=world, csp=_csp(vis_js, topo_js, app_js),
            vis_css=(_VIS / "vis-network.css").read_text(encoding="utf-8"),
        )

    def finalize(self) -> list[Path]:
        path = self.out / "graph.html"
        with self.tx.open(path) as fh:
            fh.write(self.render())
        return [path]


def _date_label(c: Claim) -> dict | None:
    """A statement's date for the page: the words, and the value when it was placed."""
    if c.when is None:
        return None
    return {"text": c.when.text, "value": c.when.value, "end": c.when.end, "precision": c.when.precision,
            "qualifier": c.when.qualifier}


def _csp(*scripts: str) -> str:
    """Only our inline scripts run (by hash: an injected script or event handler
    would not), nothing is fetched, nothing is submitted."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


def _build_date() -> str | None:
    """The build date, only when SOURCE_DATE_EPOCH fixes it (reproducible
    builds: the same input gives the same page; ``make demo`` sets it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%d")
