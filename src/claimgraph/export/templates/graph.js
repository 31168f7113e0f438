/* claimgraph's page script (inlined into graph.html; allowed by the page's CSP by hash).
 * Text from articles is only ever put into the DOM with textContent or as a
 * property (title), never parsed as HTML. */
"use strict";
(function () {
  const state = { ready: false, timings: {} };
  window.claimgraph = state;
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const meta = data.meta;
  const $ = function (id) { return document.getElementById(id); };
  const docTitle = new Map(meta.documents.map(function (d) { return [d.id, d.title]; }));
  const statusStyle = new Map(meta.statuses.map(function (s) { return [s.name, s]; }));
  const classes = new Map(meta.classes.map(function (c) { return [c.name, c]; }));
  const big = data.nodes.length > 500 || data.edges.length > 1500;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }
  function shorten(text, n) { return text.length <= n ? text : text.slice(0, n - 1).trimEnd() + "\u2026"; }
  function edgeLabel(e, count) {
    const s = statusStyle.get(e.status);
    return s.mark + e.relation + s.suffix + (count > 1 ? " \u00d7" + count : "");
  }
  function sourceName(st) { return st.source === null ? "the article itself" : st.source; }

  // -- the data -------------------------------------------------------------
  data.edges.forEach(function (e, i) { e.id = "e" + i; });
  const nodeById = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  const edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  const edgesOf = new Map(data.nodes.map(function (n) { return [n.id, []]; }));
  data.edges.forEach(function (e) {
    edgesOf.get(e.from).push(e);
    if (e.to !== e.from) edgesOf.get(e.to).push(e);
  });
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  // each edge's own colour (relation), restored when a comparison of sources ends
  const baseColor = new Map(data.edges.map(function (e) { return [e.id, Object.assign({}, e.color)]; }));

  // -- filters ----------------------------------------------------------------
  let F = null;
  let view = "graph";  // or "map"
  let selected = null;  // the entity whose details are open: kept when the view changes
  const visibleNodes = new Set();
  const visibleEdges = new Set();
  const shownCount = new Map();  // edge id -> statements in the selected documents
  function checkedIn(id) {
    return new Set(Array.from(document.querySelectorAll("#" + id + " input:checked"),
                              function (i) { return i.value; }));
  }
  function readFilters() {
    const lo = $("t-from").value, hi = $("t-to").value;
    F = { status: checkedIn("f-status"), relation: checkedIn("f-relation"), cls: checkedIn("f-class"),
          doc: checkedIn("f-document"), isolated: $("f-isolated").checked,
          undated: $("f-undated").checked, lo: lo || null, hi: hi || null, source: $("f-source").value || null,
          compare: $("f-compare").value || null };
  }
  // statements of an edge in the selected documents and period ("" is a statement without a date)
  function inTime(day) {
    if (day === "") return F.undated;
    return (!F.lo || day >= F.lo) && (!F.hi || day <= F.hi);
  }
  // the source filter: one source, or in compare mode either of two
  function bySource(src) {
    if (F.source && F.compare) return src === F.source || src === F.compare;
    return !F.source || src === F.source;
  }
  function countFrom(e, src) {
    let k = 0;
    for (const st of e.stmts) if (st[0][2] === src && F.doc.has(st[0][0]) && inTime(st[0][1])) k += st[1];
    return k;
  }
  const COMPARE = { a: "#2166ac", b: "#e08214", both: "#1b7837", conflict: "#b2182b" };
  // each edge's part in a comparison of two sources: only A, only B, both, or a disagreement (one
  // states the relation, the other denies it: the edges of one triple with different statuses)
  function compareColors() {
    const out = new Map();
    if (!(F.source && F.compare)) return out;
    const said = new Map();  // triple -> {a: [stated, denied], b: [...]}
    for (const e of data.edges) {
      const t = e.from + "|" + e.relation + "|" + e.to;
      const x = said.get(t) || { a: [false, false], b: [false, false] };
      const denied = e.status === "denied" ? 1 : 0;
      if (countFrom(e, F.source)) x.a[denied] = true;
      if (countFrom(e, F.compare)) x.b[denied] = true;
      said.set(t, x);
    }
    for (const e of data.edges) {
      const a = countFrom(e, F.source) > 0, b = countFrom(e, F.compare) > 0;
      if (!a && !b) continue;
      const x = said.get(e.from + "|" + e.relation + "|" + e.to);
      const conflict = (x.a[0] && x.b[1]) || (x.a[1] && x.b[0]);
      out.set(e.id, conflict ? COMPARE.conflict : a && b ? COMPARE.both : a ? COMPARE.a : COMPARE.b);
    }
    return out;
  }
  state.compareColors = function () { return Object.fromEntries(compareColors()); };
  function countShown(e) {
    let k = 0;
    for (const st of e.stmts) {  // [[document, first day or "", source], count]
      const key = st[0];
      if (F.doc.has(key[0]) && inTime(key[1]) && bySource(key[2])) k += st[1];
    }
    return k;
  }
  function compute() {
    visibleNodes.clear();
    visibleEdges.clear();
    const touched = new Set();
    for (const e of data.edges) {
      const k = countShown(e);
      shownCount.set(e.id, k);
      if (k > 0 && F.status.has(e.status) && F.relation.has(e.relation) &&
          F.cls.has(nodeById.get(e.from).cls) && F.cls.has(nodeById.get(e.to).cls)) {
        visibleEdges.add(e.id);
        touched.add(e.from);
        touched.add(e.to);
      }
    }
    for (const n of data.nodes) {
      if (!F.cls.has(n.cls)) continue;
      if (touched.has(n.id) || (F.isolated && n.documents.some(function (d) { return F.doc.has(d); }))) {
        visibleNodes.add(n.id);
      }
    }
  }
  const isolatedByDefault = $("f-isolated").checked;  // a graph without claims shows its entities
  readFilters();
  compute();
  const nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  const edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });

  // -- the network --------------------------------------------------------------
  const options = {
    nodes: {
      font: { size: 14, face: "system-ui, sans-serif", color: "#1d2330", strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: {
        min: 9, max: 36,
        customScalingFunction: function (min, max, total, value) {
          return max === min ? 0.3 : Math.sqrt((value - min) / (max - min));
        },
        label: { enabled: true, min: 18, max: 30, drawThreshold: 5, maxVisible: 34 }
      }
    },
    edges: {
      font: { size: 11, face: "system-ui, sans-serif", color: "#39404d", strokeWidth: 3, strokeColor: "#ffffff" },
      selectionWidth: 1.5, hoverWidth: 1,
      scaling: { label: { drawThreshold: 7 } }
    },
    interaction: {
      hover: true, tooltipDelay: 100, keyboard: { enabled: true, bindToWindow: false, autoFocus: false },
      multiselect: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big
    },
    physics: meta.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -240, centralGravity: 0.015, springLength: 150, springConstant: 0.05,
                          damping: 0.5, avoidOverlap: 1 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 25, fit: true }
    } : { enabled: false },
    layout: { improvedLayout: false, randomSeed: 7 }
  };
  const container = $("network");
  const statusLine = $("status");
  // the data comes after the listeners: with physics off, vis draws synchronously in setData
  const network = new vis.Network(container, {}, options);
  // vis-network's own frame takes the keyboard focus (Tab); keys act only while it has it
  const frame = container.querySelector(".vis-network");
  frame.setAttribute("role", "application");
  frame.setAttribute("aria-label", "Graph of entities and claims. Arrow keys pan, + and - zoom; " +
                     "use the search box to select an entity.");
  state.network = network;
  state.nodes = nodes;
  state.edges = edges;
  state.visibleNodes = visibleNodes;
  state.visibleEdges = visibleEdges;

  function ready() {
    if (state.ready) return;
    state.ready = true;
    if (network.getScale() > 1) network.moveTo({ scale: 1 });  // a small graph is not blown up
    state.timings.ready = performance.now();
    statusLine.textContent = meta.physics ? "Layout settled; physics stopped. Drag nodes to rearrange."
                                          : "Precomputed layout; physics off. Drag nodes to rearrange.";
    document.body.setAttribute("data-state", "ready");
  }
  let settled = !meta.physics;
  network.on("afterDrawing", function onDraw() {
    if (state.timings.firstDraw === undefined) state.timings.firstDraw = performance.now();
    if (settled) {
      network.off("afterDrawing", onDraw);
      ready();
    }
  });
  if (meta.physics) {
    statusLine.textContent = "Laying out\u2026";
    network.on("stabilizationProgress", function (p) {
      statusLine.textContent = "Laying out\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      state.timings.stabilized = performance.now();
      settled = true;
      network.redraw();
    });
  }
  network.setData({ nodes: nodeView, edges: edgeView });
  if (!data.nodes.length) {  // nothing to lay out or draw
    settled = true;
    ready();
    statusLine.textContent = "This graph has no entities.";
  }

  // -- shown counts and refreshes ---------------------------------------------------
  function updateShown() {
    let claims = 0;
    visibleEdges.forEach(function (id) { claims += shownCount.get(id); });
    const hidden = data.nodes.filter(function (n) {
      return !visibleNodes.has(n.id) && F.cls.has(n.cls) && edgesOf.get(n.id).length === 0;
    }).length;
    $("shown").textContent = "Showing " + visibleNodes.size + " of " + plural(data.nodes.length, "entity", "entities") +
      " and " + visibleEdges.size + " of " + plural(data.edges.length, "edge") + " (" + claims + " of " +
      plural(meta.claims, "claim") + ")" + (hidden && !F.isolated ? "; " + plural(hidden, "unlinked entity", "unlinked entities") + " hidden" : "") + ".";
  }
  function keepPositions() {
    const pos = network.getPositions();
    const moved = [];
    for (const id in pos) {
      const n = nodes.get(id);
      if (n && (n.x !== pos[id].x || n.y !== pos[id].y)) moved.push({ id: id, x: pos[id].x, y: pos[id].y });
    }
    if (moved.length) nodes.update(moved);
  }
  // Entities first shown after physics has moved the others (those without claims) would appear at
  // their precomputed places, inside the settled graph: they go in a grid below it instead.
  const placed = new Set(visibleNodes);
  function placeNewcomers() {
    const fresh = Array.from(visibleNodes).filter(function (id) { return !placed.has(id); });
    fresh.forEach(function (id) { placed.add(id); });
    if (!meta.physics || !fresh.length) return;
    const pos = network.getPositions();
    let minX = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const id in pos) {
      minX = Math.min(minX, pos[id].x); maxX = Math.max(maxX, pos[id].x); maxY = Math.max(maxY, pos[id].y);
    }
    if (minX === Infinity) { minX = 0; maxX = 0; maxY = 0; }
    const cols = Math.max(1, Math.floor((maxX - minX) / 220) + 1);
    nodes.update(fresh.map(function (id, i) {
      return { id: id, x: minX + (i % cols) * 220, y: maxY + 140 + Math.floor(i / cols) * 80 };
    }));
  }
  function refresh() {
    keepPositions();
    readFilters();
    compute();
    placeNewcomers();
    const relabel = [];
    const colors = compareColors();
    for (const e of data.edges) {
      const label = edgeLabel(e, shownCount.get(e.id));
      const now = edges.get(e.id);
      const base = baseColor.get(e.id);
      const want = colors.get(e.id) || base.color;
      const change = {};
      if (visibleEdges.has(e.id) && now.label !== label) change.label = label;
      if (now.color.color !== want) change.color = { color: want, highlight: want, hover: want, opacity: base.opacity };
      if (Object.keys(change).length) { change.id = e.id; relabel.push(change); }
    }
    if (relabel.length) edges.update(relabel);
    $("compare-key").hidden = !(F.source && F.compare);
    nodeView.refresh();
    edgeView.refresh();
    updateShown();
    search();
    drawTimeline();
    if (view === "map") drawMap();
  }
  document.querySelectorAll("aside input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", refresh);
  });
  document.querySelectorAll("[data-all], [data-none]").forEach(function (b) {
    b.addEventListener("click", function () {
      const id = b.getAttribute("data-all") || b.getAttribute("data-none");
      const on = b.hasAttribute("data-all");
      document.querySelectorAll("#" + id + " input").forEach(function (i) { i.checked = on; });
      refresh();
    });
  });
  document.querySelectorAll("input[name=size]").forEach(function (r) {
    r.addEventListener("change", function () {
      nodes.update(data.nodes.map(function (n) { return { id: n.id, value: r.value === "mentions" ? n.mentions : n.degree }; }));
    });
  });
  document.querySelectorAll("#t-from, #t-to").forEach(function (box) { box.addEventListener("change", refresh); });
  $("f-source").addEventListener("change", refresh);
  $("f-compare").addEventListener("change", refresh);
  // the accusation network: only the accusations (who accuses whom); each accusation's card lists
  // what the accuser alleges in the same sentence
  $("accusation-view").addEventListener("click", function () {
    const on = $("accusation-view").getAttribute("aria-pressed") !== "true";
    $("accusation-view").setAttribute("aria-pressed", on);
    document.querySelectorAll("#f-relation input").forEach(function (i) { i.checked = !on || i.value === "accuses"; });
    refresh();
  });
  $("t-clear").addEventListener("click", function () { $("t-from").value = ""; $("t-to").value = ""; refresh(); });
  $("reset").addEventListener("click", function () {
    document.querySelectorAll("fieldset input[type=checkbox]").forEach(function (i) { i.checked = i.id !== "f-isolated"; });
    $("f-isolated").checked = isolatedByDefault;
    $("t-from").value = "";
    $("t-to").value = "";
    $("f-source").value = "";
    $("f-compare").value = "";
    $("accusation-view").setAttribute("aria-pressed", "false");
    $("search").value = "";
    refresh();
    network.fit({ animation: { duration: 300 } });
  });
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  updateShown();

  // -- cards: tooltips and the details panel ------------------------------------
  function entityCard(n, full) {
    const card = el("div", "card");
    add(card, el("h3", null, n.info.label));
    const c = classes.get(n.cls);
    add(card, el("p", null, n.cls + " \u00b7 " + plural(n.degree, "claim") + " \u00b7 " +
                 plural(n.mentions, "mention") + " in " + plural(n.documents.length, "document")));
    if (n.info.aliases.length) {
      const shown = full ? n.info.aliases : n.info.aliases.slice(0, 6);
      add(card, el("p", "muted", "also: " + shown.join("; ") +
                   (shown.length < n.info.aliases.length ? " \u2026 (" + n.info.aliases.length + ")" : "")));
    }
    if (n.info.wikidata) add(card, el("p", "muted", "Wikidata " + n.info.wikidata));
    if (!full) {
      add(card, el("p", "muted", "Click for its claims and documents."));
      return card;
    }
    add(card, el("h4", null, "Documents"));
    const ul = add(card, el("ul"));
    for (const d of n.documents) {
      add(ul, el("li", null, (docTitle.get(d) || d) + " \u2014 " + plural(n.info.mentions_by_document[d] || 0, "mention")));
    }
    const mine = edgesOf.get(n.id).slice().sort(function (a, b) {
      const oa = a.from === n.id ? 0 : 1, ob = b.from === n.id ? 0 : 1;
      return oa - ob || a.relation.localeCompare(b.relation) ||
        nodeById.get(oa ? a.from : a.to).info.label.localeCompare(nodeById.get(ob ? b.from : b.to).info.label);
    });
    add(card, el("h4", null, "Claims (" + plural(n.degree, "statement") + " on " + plural(mine.length, "edge") + ")"));
    if (!mine.length) add(card, el("p", "muted", "No claim links this entity to another."));
    const list = add(card, el("ul", "claims"));
    for (const e of mine) {
      const li = add(list, el("li"));
      const out = e.from === n.id;
      const other = nodeById.get(out ? e.to : e.from).info.label;
      const b = add(li, el("button", "link", (out ? "\u2192 " : "\u2190 ") + edgeLabel(e, e.count) + (out ? " \u2192 " : " \u2190 ") + other));
      b.type = "button";
      b.addEventListener("click", function () { selectEdge(e.id); });
      if (!visibleEdges.has(e.id)) add(li, el("span", "muted", " (hidden by filters)"));
    }
    return card;
  }
  function sourcesOf(e) {
    const counts = new Map();
    for (const st of e.info.statements) counts.set(sourceName(st), (counts.get(sourceName(st)) || 0) + 1);
    return Array.from(counts, function (kv) { return kv[0] + (kv[1] > 1 ? " (" + kv[1] + ")" : ""); }).join(", ");
  }
  function claimCard(e, full) {
    const card = el("div", "card");
    const h = add(card, el("h3"));
    if (full) {
      const s = add(h, el("button", "link", e.info.subject));
      s.type = "button";
      s.addEventListener("click", function () { selectNode(e.from); });
      add(h, el("span", null, " \u2192 " + e.relation + " \u2192 "));
      const o = add(h, el("button", "link", e.info.object));
      o.type = "button";
      o.addEventListener("click", function () { selectNode(e.to); });
    } else {
      h.textContent = e.info.subject + " \u2192 " + e.relation + " \u2192 " + e.info.object;
    }
    const p = add(card, el("p"));
    add(p, el("span", "badge " + e.status, (statusStyle.get(e.status).mark + e.status).trim()));
    const shown = shownCount.get(e.id);
    add(p, el("span", "muted", " " + plural(e.count, "statement") + " in " +
              plural(Object.keys(e.statements_by_document).length, "document") +
              (shown < e.count ? " (" + shown + " in the selected documents)" : "")));
    add(card, el("p", "muted", "Stated by: " + sourcesOf(e) + (e.info.more ? " and others" : "")));
    add(card, el("p", "muted", "Corroboration: this relation between them appears in " +
                 plural(e.info.corroborating_documents, "document") + " from " +
                 plural(e.info.corroborating_sources, "source") + " (as " + e.info.triple_statuses.join(", ") + ")."));
    if (e.status !== "denied" && e.info.triple_statuses.indexOf("denied") >= 0) {
      add(card, el("p", "warn", "\u26a0 At least one source denies it."));
    }
    if (full && e.info.triple_sources) {  // who states, alleges or denies this relation, on any edge
      const who = add(card, el("ul", "muted"));
      for (const st of ["asserted", "alleged", "denied", "hypothetical"]) {
        const names = e.info.triple_sources[st];
        if (names && names.length) add(who, el("li", null, st + " by: " + names.join("; ")));
      }
    }
    const list = full ? e.info.statements : e.info.statements.slice(0, 2);
    let lastDoc = null;
    for (const st of list) {
      if (full && st.document !== lastDoc) {
        add(card, el("h4", null, docTitle.get(st.document) || st.document));
        lastDoc = st.document;
      }
      const ev = add(card, el("div", "ev"));
      add(ev, el("div", "muted", "according to " + sourceName(st) + (st.cue ? " \u00b7 cue \u201c" + st.cue + "\u201d" : "") +
                 (full ? " \u00b7 confidence " + st.confidence : "")));
      if (st.date || st.place) {
        const when = st.date ? (st.date.value ? dateText(st.date) + " (\u201c" + st.date.text + "\u201d)"
                                              : "\u201c" + st.date.text + "\u201d (not placed in time)") : null;
        add(ev, el("div", "muted", [when ? "when: " + when : null, st.place ? "where: " + st.place : null]
          .filter(Boolean).join(" \u00b7 ")));
      }
      add(ev, el("q", null, full ? st.sentence : shorten(st.sentence, 240)));
      if (st.allegations && st.allegations.length) {
        add(ev, el("div", "muted", "alleging: " + st.allegations.join("; ")));
      }
      add(ev, el("div", "muted", full ? st.document + ", characters " + st.char_start + "\u2013" + st.char_end
                                      : docTitle.get(st.document) || st.document));
    }
    const rest = e.count - list.length;
    if (rest > 0) {
      add(card, el("p", "muted", full ? "and " + plural(rest, "more statement") + " (all are in claims.jsonl)"
                                      : "+ " + plural(rest, "more statement") + ": click the edge to read them"));
    } else if (!full) {
      add(card, el("p", "muted", "Click for details."));
    }
    return card;
  }

  const tip = $("tip");
  function showTip(card, pointer) {
    tip.replaceChildren(card);
    tip.hidden = false;
    const box = container.getBoundingClientRect();
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    let x = pointer.x + 14;
    let y = pointer.y + 14;
    if (x + w > box.width - 8) x = Math.max(8, pointer.x - w - 14);
    if (y + h > box.height - 8) y = Math.max(8, box.height - h - 8);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(entityCard(nodeById.get(p.node), false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(claimCard(edgeById.get(p.edge), false), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  const details = $("details");
  let lastFocus = null;
  function showDetails(card) {
    hideTip();
    lastFocus = document.activeElement;
    const close = el("button", "link close", "close \u2715");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", closeDetails);
    details.replaceChildren(close, card);
    details.hidden = false;
  }
  function closeDetails() {
    details.hidden = true;
    if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
  }
  function selectNode(id) {
    const n = nodeById.get(id);
    selected = id;
    if (view === "map") markSelection();
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300 } });
    }
    showDetails(entityCard(n, true));
  }
  function selectEdge(id) {
    const e = edgeById.get(id);
    if (visibleEdges.has(id)) network.selectEdges([id]);
    showDetails(claimCard(e, true));
  }
  state.selectNode = selectNode;
  state.selectEdge = selectEdge;
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0]);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else { details.hidden = true; selected = null; }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !details.hidden) { closeDetails(); ev.preventDefault(); }
  });

  // -- search -------------------------------------------------------------------------
  const fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  const names = data.nodes.map(function (n) {
    return { n: n, keys: [n.info.label].concat(n.info.aliases).map(fold) };
  });
  const input = $("search");
  const matchList = $("matches");
  const note = $("match-note");
  function search() {
    const q = fold(input.value.trim());
    matchList.replaceChildren();
    if (!q) { note.textContent = ""; network.unselectAll(); return []; }
    const hits = [];
    for (const x of names) {
      let rank = -1;
      for (const k of x.keys) {
        if (k.startsWith(q)) { rank = 0; break; }
        if (k.includes(q)) rank = 1;
      }
      if (rank >= 0) hits.push({ n: x.n, rank: rank });
    }
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.n.degree - a.n.degree || a.n.info.label.localeCompare(b.n.info.label);
    });
    const shown = hits.filter(function (h) { return visibleNodes.has(h.n.id); });
    note.textContent = hits.length ? plural(hits.length, "match", "matches") +
      (shown.length < hits.length ? " (" + (hits.length - shown.length) + " hidden by filters)" : "") : "No entity matches.";
    for (const h of hits.slice(0, 30)) {
      const li = add(matchList, el("li"));
      const b = add(li, el("button", "link"));
      b.type = "button";
      add(b, el("span", null, h.n.info.label));
      add(b, el("span", "hidden-note", h.n.cls + (visibleNodes.has(h.n.id) ? "" : ", hidden")));
      b.addEventListener("click", function () { selectNode(h.n.id); });
      b.addEventListener("keydown", function (ev) {
        const items = Array.from(matchList.querySelectorAll("button"));
        const i = items.indexOf(b);
        if (ev.key === "ArrowDown" && i + 1 < items.length) { items[i + 1].focus(); ev.preventDefault(); }
        if (ev.key === "ArrowUp") { (i > 0 ? items[i - 1] : input).focus(); ev.preventDefault(); }
      });
    }
    network.selectNodes(shown.map(function (h) { return h.n.id; }));
    return hits;
  }
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (ev) {
    const first = matchList.querySelector("button");
    if (ev.key === "Enter" && first) { first.click(); ev.preventDefault(); }
    if (ev.key === "ArrowDown" && first) { first.focus(); ev.preventDefault(); }
    if (ev.key === "Escape") { input.value = ""; search(); }
  });
  state.search = function (text) { input.value = text; return search().map(function (h) { return h.n.id; }); };
  state.refresh = refresh;
  // -- dates ------------------------------------------------------------------------------
  function dateText(d) {
    const q = d.qualifier ? d.qualifier + " " : "";
    const v = d.precision === "decade" ? d.value + "s" : d.value;
    return q + v + (d.end && d.end !== d.value ? " \u2013 " + d.end : "") + (d.precision ? " (" + d.precision + ")" : "");
  }

  // -- the timeline ------------------------------------------------------------------------
  // a bar per month (per day when the dates span two months or less) of the statements that the
  // other filters show, stacked by status; dragging across it sets the period (the from/to boxes)
  const SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  const allDays = [];
  for (const e of data.edges) for (const st of e.stmts) if (st[0][1]) allDays.push(st[0][1]);
  allDays.sort();
  const timeline = $("timeline");
  const tlHeight = 96;
  document.getElementById("graph").style.setProperty("--tl", tlHeight + "px");
  function addDays(day, n) {
    const t = new Date(day + "T00:00:00Z");
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  }
  function monthOf(day) { return day.slice(0, 7); }
  function nextMonth(m) {
    let y = +m.slice(0, 4), mo = +m.slice(5, 7) + 1;
    if (mo > 12) { mo = 1; y += 1; }
    return String(y).padStart(4, "0") + "-" + String(mo).padStart(2, "0");
  }
  function lastOfMonth(m) { return addDays(nextMonth(m) + "-01", -1); }
  const bins = [];  // {key, lo, hi}
  if (allDays.length) {
    const first = allDays[0], last = allDays[allDays.length - 1];
    const span = (Date.parse(last) - Date.parse(first)) / 864e5;
    if (span <= 62) {
      for (let d = first; d <= last; d = addDays(d, 1)) bins.push({ key: d, lo: d, hi: d });
    } else if (span <= 15 * 366) {
      for (let m = monthOf(first); m <= monthOf(last); m = nextMonth(m)) bins.push({ key: m, lo: m + "-01", hi: lastOfMonth(m) });
    } else {  // decades of dates (a claim about the 1990s beside this week's): a bar per year
      for (let y = +first.slice(0, 4); y <= +last.slice(0, 4); y++) {
        const k = String(y).padStart(4, "0");
        bins.push({ key: k, lo: k + "-01-01", hi: k + "-12-31" });
      }
    }
  }
  state.timelineBins = bins;
  function binOf(day) {  // binary search: the bin holding a day
    let lo = 0, hi = bins.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (day < bins[mid].lo) hi = mid - 1; else if (day > bins[mid].hi) lo = mid + 1; else return mid;
    }
    return -1;
  }
  function timelineCounts() {
    // by bin and status: statements passing every filter but the period itself
    const counts = bins.map(function () { return { asserted: 0, alleged: 0, denied: 0, hypothetical: 0 }; });
    for (const e of data.edges) {
      if (!F.status.has(e.status) || !F.relation.has(e.relation) ||
          !F.cls.has(nodeById.get(e.from).cls) || !F.cls.has(nodeById.get(e.to).cls)) continue;
      for (const st of e.stmts) {
        const key = st[0];
        if (!key[1] || !F.doc.has(key[0]) || !bySource(key[2])) continue;
        const b = binOf(key[1]);
        if (b >= 0) counts[b][e.status] += st[1];
      }
    }
    return counts;
  }
  const PAD_L = 34, PAD_R = 12, PAD_T = 8, PAD_B = 22;
  function drawTimeline() {
    const w = Math.max(200, timeline.clientWidth || 800);
    const svg = svgEl("svg", { viewBox: "0 0 " + w + " " + tlHeight, role: "img",
                               "aria-label": "Claims by " + (bins.length && bins[0].key.length === 10 ? "day" : "month") });
    timeline.replaceChildren(svg);
    if (!bins.length) {
      add(svg, svgEl("text", { x: 12, y: tlHeight / 2 + 4, class: "none" },
                     "No claim carries a date that could be placed (" + plural(meta.claims, "claim") +
                     " without one). A document date (its metadata, a dateline, or --document-date) lets relative dates resolve."));
      state.timelineTotal = 0;
      return;
    }
    const counts = timelineCounts();
    const totals = counts.map(function (c) { return c.asserted + c.alleged + c.denied + c.hypothetical; });
    state.timelineTotal = totals.reduce(function (a, b) { return a + b; }, 0);
    const top = Math.max(1, Math.max.apply(null, totals));
    const bw = (w - PAD_L - PAD_R) / bins.length;
    const ih = tlHeight - PAD_T - PAD_B;
    add(svg, svgEl("text", { x: 4, y: PAD_T + 8, class: "axis" }, top));
    add(svg, svgEl("text", { x: 4, y: PAD_T + ih, class: "axis" }, 0));
    counts.forEach(function (c, i) {
      let y = PAD_T + ih;
      for (const st of ["asserted", "alleged", "denied", "hypothetical"]) {
        if (!c[st]) continue;
        const h = ih * c[st] / top;
        y -= h;
        const r = add(svg, svgEl("rect", { x: PAD_L + i * bw + Math.min(1, bw * 0.1), y: y, width: Math.max(0.5, bw - Math.min(2, bw * 0.2)),
                                           height: h, class: "bar " + st }));
        add(r, svgEl("title", {}, bins[i].key + ": " + plural(c[st], st + " claim")));
      }
    });
    // axis labels: about eight, at bin starts
    const step = Math.max(1, Math.ceil(bins.length / 8));
    for (let i = 0; i < bins.length; i += step) {
      add(svg, svgEl("text", { x: PAD_L + i * bw, y: tlHeight - 6, class: "axis" }, bins[i].key));
    }
    if (F.lo || F.hi) {
      const a = F.lo ? Math.max(0, binOf(F.lo) >= 0 ? binOf(F.lo) : (F.lo < bins[0].lo ? 0 : bins.length)) : 0;
      const b = F.hi ? (binOf(F.hi) >= 0 ? binOf(F.hi) : (F.hi < bins[0].lo ? -1 : bins.length - 1)) : bins.length - 1;
      if (b >= a) add(svg, svgEl("rect", { x: PAD_L + a * bw, y: 2, width: (b - a + 1) * bw, height: tlHeight - PAD_B, class: "sel" }));
    }
    svg.addEventListener("pointerdown", function (ev) {
      const box = svg.getBoundingClientRect();
      const at = function (cx) {
        const x = (cx - box.left) * w / box.width;
        return Math.max(0, Math.min(bins.length - 1, Math.floor((x - PAD_L) / bw)));
      };
      const start = at(ev.clientX);
      let endBin = start;
      const sel = add(svg, svgEl("rect", { x: PAD_L + start * bw, y: 2, width: bw, height: tlHeight - PAD_B, class: "sel" }));
      svg.setPointerCapture(ev.pointerId);
      function move(e2) {
        endBin = at(e2.clientX);
        const a = Math.min(start, endBin), b = Math.max(start, endBin);
        sel.setAttribute("x", PAD_L + a * bw);
        sel.setAttribute("width", (b - a + 1) * bw);
      }
      function up() {
        svg.removeEventListener("pointermove", move);
        svg.removeEventListener("pointerup", up);
        setRange(bins[Math.min(start, endBin)].lo, bins[Math.max(start, endBin)].hi);
      }
      svg.addEventListener("pointermove", move);
      svg.addEventListener("pointerup", up);
    });
  }
  function setRange(lo, hi) {
    $("t-from").value = lo || "";
    $("t-to").value = hi || "";
    refresh();
  }
  state.setRange = setRange;
  state.setSource = function (name) { $("f-source").value = name || ""; refresh(); };
  window.addEventListener("resize", function () { drawTimeline(); });

  // -- the map -----------------------------------------------------------------------------
  // places at their coordinates on Natural Earth's 1:110m countries (equirectangular), actors
  // beside the places they are claimed to operate in, attack, control or be located in
  const mapBox = $("map");
  const mapNote = $("map-note");
  const W = 960, H = 480;
  const px = function (lon) { return (lon + 180) * W / 360; };
  const py = function (lat) { return (90 - lat) * H / 180; };
  let world = null;
  function worldPath() {
    if (world !== null) return world;
    const topo = JSON.parse(document.getElementById("world-data").textContent);
    const fc = topojson.feature(topo, topo.objects.countries);
    const parts = [];
    for (const f of fc.features) {
      if (!f.geometry) continue;
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const poly of polys) for (const ring of poly) {
        let prev = null;
        ring.forEach(function (p, i) {
          const jump = prev !== null && Math.abs(p[0] - prev[0]) > 180;  // across the antimeridian: a new line
          parts.push((i === 0 || jump ? "M" : "L") + px(p[0]).toFixed(1) + "," + py(p[1]).toFixed(1));
          prev = p;
        });
        parts.push("Z");
      }
    }
    world = parts.join("");
    return world;
  }
  const PLACING = new Set(["operatesIn", "attacks", "controls", "locatedIn", "threatens"]);
  let mapView = null;  // the viewBox: [x, y, w, h]
  let mapSvg = null;
  state.mapMarkers = function () {
    return mapSvg ? Array.from(mapSvg.querySelectorAll(".marker"), function (m) { return m.getAttribute("data-id"); }) : [];
  };
  function drawMap() {
    const cmp = compareColors();
    const svg = svgEl("svg", { role: "img", "aria-label": "Map of the places shown and the actors claimed to act there" });
    const g = add(svg, svgEl("g"));
    add(g, svgEl("path", { d: worldPath(), class: "land" }));
    const placed = data.nodes.filter(function (n) { return visibleNodes.has(n.id) && n.lat !== undefined && n.lat !== null; });
    const at = new Map(placed.map(function (n) { return [n.id, [px(n.lon), py(n.lat)]]; }));
    // actors beside places: one marker per (actor, place) the shown claims link
    const beside = new Map();  // place id -> [actor ids]
    const links = [];
    for (const id of visibleEdges) {
      const e = edgeById.get(id);
      if (!PLACING.has(e.relation) || !at.has(e.to) || at.has(e.from)) continue;
      const list = beside.get(e.to) || [];
      if (list.indexOf(e.from) < 0) list.push(e.from);
      beside.set(e.to, list);
      links.push(e);
    }
    if (!mapView) mapView = fitView(placed);
    const scale = mapView[2] / W;  // markers and labels keep their size on screen at every zoom
    const actorAt = new Map();  // "actor|place" -> [x, y]
    beside.forEach(function (actors, place) {
      const c = at.get(place);
      actors.sort();
      actors.forEach(function (a, i) {
        const ang = i * 2.39996 - Math.PI / 2, r = (13 + 4 * Math.floor(i / 6)) * scale;
        actorAt.set(a + "|" + place, [c[0] + r * Math.cos(ang), c[1] + r * Math.sin(ang)]);
      });
    });
    for (const e of links) {
      const p = at.get(e.to), q = actorAt.get(e.from + "|" + e.to);
      const s = statusStyle.get(e.status);
      const line = add(g, svgEl("line", { x1: q[0], y1: q[1], x2: p[0], y2: p[1], class: "link",
                                          stroke: cmp.get(e.id) || baseColor.get(e.id).color,
                                          "stroke-opacity": s.opacity }));
      if (s.dashes && s.dashes.length) line.setAttribute("stroke-dasharray", s.dashes.map(function (d) { return d / 3; }).join(","));
      add(line, svgEl("title", {}, e.info.subject + " \u2192 " + edgeLabel(e, shownCount.get(e.id)) + " \u2192 " + e.info.object));
      line.addEventListener("click", function () { selectEdge(e.id); });
    }
    function marker(n, x, y, r) {
      const c = classes.get(n.cls);
      const m = add(g, svgEl("circle", { cx: x, cy: y, r: r, class: "marker", fill: c.color, stroke: c.border,
                                         "data-id": n.id, tabindex: 0, role: "button", "aria-label": n.info.label + " (" + n.cls + ")" }));
      add(m, svgEl("title", {}, n.info.label + " \u00b7 " + n.cls + " \u00b7 " + plural(n.degree, "claim")));
      m.addEventListener("click", function (ev) { ev.stopPropagation(); selectNode(n.id); });
      m.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { selectNode(n.id); ev.preventDefault(); } });
    }
    placed.sort(function (a, b) { return b.degree - a.degree || a.id.localeCompare(b.id); });
    for (const n of placed.slice().reverse()) {
      const c = at.get(n.id);
      marker(n, c[0], c[1], (4 + Math.min(6, Math.sqrt(n.degree))) * scale);
    }
    actorAt.forEach(function (xy, key) {
      marker(nodeById.get(key.split("|")[0]), xy[0], xy[1], 3.5 * scale);
    });
    const taken = [];  // labels for the places with most claims, none over another
    for (const n of placed.slice(0, 60)) {
      const c = at.get(n.id), text = shorten(n.info.label, 28);
      const box = [c[0] + 9 * scale, c[1] - 16 * scale, c[0] + (11 + 6.4 * text.length) * scale, c[1] - 2 * scale];
      if (taken.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; })) continue;
      taken.push(box);
      add(g, svgEl("text", { x: c[0] + 9 * scale, y: c[1] - 6 * scale, class: "mlabel",
                             "font-size": (11 * scale).toFixed(2) + "px", "stroke-width": (3 * scale).toFixed(2) + "px" },
                   text));
    }
    svg.setAttribute("viewBox", mapView.join(" "));
    mapBox.querySelectorAll("svg").forEach(function (o) { o.remove(); });
    mapBox.insertBefore(svg, mapNote);
    mapSvg = svg;
    const unplaced = Array.from(visibleNodes).filter(function (id) {
      const n = nodeById.get(id);
      return (n.cls === "Place" || n.cls === "State") && (n.lat === undefined || n.lat === null);
    }).length;
    mapNote.textContent = plural(placed.length, "place") + " on the map, " + plural(actorAt.size, "actor marker") +
      (unplaced ? "; " + plural(unplaced, "place") + " without coordinates" : "") + ". Scroll to zoom, drag to pan.";
    panZoom(svg);
    markSelection();
    state.timings.map = performance.now();
  }
  function fitView(placed) {
    // the region most claims are about: the middle 80% of the places weighted by their claims (a
    // far-away state that a few claims name stays a scroll away, not a reason to show the world)
    if (!placed.length) return [0, 0, W, H];
    function quantiles(values) {
      const pts = placed.map(function (n) { return [values(n), Math.max(1, n.degree)]; })
                        .sort(function (a, b) { return a[0] - b[0]; });
      const total = pts.reduce(function (t, p) { return t + p[1]; }, 0);
      let acc = 0, lo = pts[0][0], hi = pts[pts.length - 1][0], gotLo = false;
      for (const p of pts) {
        acc += p[1];
        if (!gotLo && acc >= 0.1 * total) { lo = p[0]; gotLo = true; }
        if (acc >= 0.9 * total) { hi = p[0]; break; }
      }
      return [lo, hi];
    }
    const xs = quantiles(function (n) { return px(n.lon); }), ys = quantiles(function (n) { return py(n.lat); });
    const pad = 25;
    let w = Math.max(40, xs[1] - xs[0] + 2 * pad), h = Math.max(20, ys[1] - ys[0] + 2 * pad);
    if (w / h > 2) h = w / 2; else w = h * 2;
    w = Math.min(W, w); h = Math.min(H, h);
    const cx = (xs[0] + xs[1]) / 2, cy = (ys[0] + ys[1]) / 2;
    return [Math.max(0, Math.min(W - w, cx - w / 2)), Math.max(0, Math.min(H - h, cy - h / 2)), w, h];
  }
  function panZoom(svg) {
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      const box = svg.getBoundingClientRect();
      const f = ev.deltaY > 0 ? 1.2 : 1 / 1.2;
      const mx = mapView[0] + (ev.clientX - box.left) / box.width * mapView[2];
      const my = mapView[1] + (ev.clientY - box.top) / box.height * mapView[3];
      const w = Math.min(W, Math.max(8, mapView[2] * f)), h = w / 2;
      mapView = [mx - (mx - mapView[0]) * w / mapView[2], my - (my - mapView[1]) * h / mapView[3], w, h];
      drawMap();
    }, { passive: false });
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.target.classList.contains("marker")) return;
      const box = svg.getBoundingClientRect();
      const start = [ev.clientX, ev.clientY], from = mapView.slice();
      svg.classList.add("dragging");
      svg.setPointerCapture(ev.pointerId);
      function move(e2) {
        mapView = [from[0] - (e2.clientX - start[0]) / box.width * from[2], from[1] - (e2.clientY - start[1]) / box.height * from[3],
                   from[2], from[3]];
        svg.setAttribute("viewBox", mapView.join(" "));
      }
      function up() {
        svg.classList.remove("dragging");
        svg.removeEventListener("pointermove", move);
        svg.removeEventListener("pointerup", up);
        drawMap();
      }
      svg.addEventListener("pointermove", move);
      svg.addEventListener("pointerup", up);
    });
  }
  function markSelection() {
    if (!mapSvg) return;
    const hits = new Set(network.getSelectedNodes());
    mapSvg.querySelectorAll(".marker").forEach(function (m) {
      const id = m.getAttribute("data-id");
      m.classList.toggle("selected", id === selected);
      m.classList.toggle("hit", id !== selected && hits.has(id));
    });
  }
  function setView(v) {
    view = v;
    $("view-graph").setAttribute("aria-pressed", v === "graph");
    $("view-map").setAttribute("aria-pressed", v === "map");
    mapBox.hidden = v !== "map";
    container.style.visibility = v === "map" ? "hidden" : "visible";
    statusLine.hidden = v === "map";
    if (v === "map") drawMap();
    else if (selected && visibleNodes.has(selected)) network.selectNodes([selected]);
    state.view = v;
  }
  $("view-graph").addEventListener("click", function () { setView("graph"); });
  $("view-map").addEventListener("click", function () { setView("map"); });
  state.setView = setView;
  state.view = view;
  input.addEventListener("input", function () { if (view === "map") markSelection(); });
  drawTimeline();
})();
