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

  // -- filters ----------------------------------------------------------------
  let F = null;
  const visibleNodes = new Set();
  const visibleEdges = new Set();
  const shownCount = new Map();  // edge id -> statements in the selected documents
  function checkedIn(id) {
    return new Set(Array.from(document.querySelectorAll("#" + id + " input:checked"),
                              function (i) { return i.value; }));
  }
  function readFilters() {
    F = { status: checkedIn("f-status"), relation: checkedIn("f-relation"), cls: checkedIn("f-class"),
          doc: checkedIn("f-document"), isolated: $("f-isolated").checked };
  }
  function compute() {
    visibleNodes.clear();
    visibleEdges.clear();
    const touched = new Set();
    for (const e of data.edges) {
      let k = 0;
      for (const d in e.statements_by_document) if (F.doc.has(d)) k += e.statements_by_document[d];
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
    for (const e of data.edges) {
      const label = edgeLabel(e, shownCount.get(e.id));
      if (visibleEdges.has(e.id) && edges.get(e.id).label !== label) relabel.push({ id: e.id, label: label });
    }
    if (relabel.length) edges.update(relabel);
    nodeView.refresh();
    edgeView.refresh();
    updateShown();
    search();
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
  $("reset").addEventListener("click", function () {
    document.querySelectorAll("fieldset input[type=checkbox]").forEach(function (i) { i.checked = i.id !== "f-isolated"; });
    $("f-isolated").checked = isolatedByDefault;
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
      add(ev, el("q", null, full ? st.sentence : shorten(st.sentence, 240)));
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
    else details.hidden = true;
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
})();
