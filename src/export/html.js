// newsgraph's page: a small SVG renderer with search, filters and evidence on click.
// Written for newsgraph; no third-party code. The graph is in #graph-data (see html.rs).
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const svg = document.getElementById("graph");
  const details = document.getElementById("details");
  const results = document.getElementById("results");
  const search = document.getElementById("search");
  const status = document.getElementById("status");

  const COLORS = {
    person: "#cfe2ff", country: "#d1e7dd", place: "#e2f0d9",
    organization: "#fff3cd", event: "#f8d7da", other: "#e9ecef",
  };
  const KINDS = ["person", "country", "organization", "place", "event", "other"];

  // ---- the same light normalisation as the library's normalize(): diacritics, tatweel and
  // bidi marks dropped, letter variants unified, Arabic-Indic digits as ASCII, lower case.
  function norm(s) {
    let out = "";
    for (const ch of String(s)) {
      const c = ch.codePointAt(0);
      if ((c >= 0x610 && c <= 0x61a) || (c >= 0x64b && c <= 0x65f) || c === 0x670 ||
          (c >= 0x6d6 && c <= 0x6ed) || c === 0x640 || (c >= 0x200b && c <= 0x200f) ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
          c === 0xfeff || c === 0xad || c === 0x61c) continue;
      if ("أإآٱ\u0672\u0673".includes(ch)) out += "ا";
      else if ("ىیې".includes(ch)) out += "ي";
      else if ("ةۃ".includes(ch)) out += "ه";
      else if ("کگ".includes(ch)) out += "ك";
      else if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(48 + c - 0x660);
      else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(48 + c - 0x6f0);
      else out += ch.toLowerCase();
    }
    return out.replace(/\s+/g, " ").trim();
  }

  // ---- graph structure
  const nodes = data.nodes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = data.links.filter((l) => byId.has(l.source) && byId.has(l.target));
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  for (const n of nodes) { n.out = []; n.in = []; }
  for (const l of links) { byId.get(l.source).out.push(l); byId.get(l.target).in.push(l); }

  // ---- layout: each connected part gets a deterministic force layout (repulsion between all
  // its nodes, springs along links, a pull to its centre, cooled over a fixed number of
  // rounds); then the parts are packed in rows, largest first, so none drifts off.
  function forceLayout(part, edges) {
    const n = part.length;
    const x = new Float64Array(n), y = new Float64Array(n);
    const golden = Math.PI * (3 - Math.sqrt(5));
    for (let i = 0; i < n; i++) {
      const r = 30 * Math.sqrt(i + 0.5);
      x[i] = r * Math.cos(i * golden);
      y[i] = r * Math.sin(i * golden);
    }
    const k = 60;
    const rounds = n > 400 ? 200 : 300;
    let temp = 40 + 4 * Math.sqrt(n);
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let r = 0; r < rounds && n > 1; r++) {
      dx.fill(0); dy.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let ex = x[i] - x[j], ey = y[i] - y[j];
          let d2 = ex * ex + ey * ey;
          if (d2 < 0.01) { ex = 0.1 * ((i % 7) - 3); ey = 0.1; d2 = 0.02; }
          const f = (k * k) / d2;
          dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
        }
      }
      for (const [a, b] of edges) {
        const ex = x[a] - x[b], ey = y[a] - y[b];
        const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
        const f = d / k;
        dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
      }
      for (let i = 0; i < n; i++) {
        dx[i] -= 0.05 * x[i]; dy[i] -= 0.05 * y[i];
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
        const step = Math.min(d, temp);
        x[i] += (dx[i] / d) * step; y[i] += (dy[i] / d) * step;
      }
      temp *= 0.985;
    }
    part.forEach((d, i) => { d.x = x[i]; d.y = y[i]; });
  }
  function layout() {
    const seen = new Set(), parts = [];
    for (const start of nodes) {
      if (seen.has(start.id)) continue;
      const part = [start];
      seen.add(start.id);
      for (let i = 0; i < part.length; i++) {
        for (const l of part[i].out.concat(part[i].in)) {
          for (const id of [l.source, l.target]) {
            if (!seen.has(id)) { seen.add(id); part.push(byId.get(id)); }
          }
        }
      }
      parts.push(part);
    }
    parts.sort((a, b) => b.length - a.length);
    const boxes = parts.map((part) => {
      const idx = new Map(part.map((d, i) => [d.id, i]));
      const edges = [];
      for (const d of part) for (const l of d.out) edges.push([idx.get(l.source), idx.get(l.target)]);
      forceLayout(part, edges);
      const xs = part.map((d) => d.x), ys = part.map((d) => d.y);
      const x0 = Math.min(...xs) - 90, y0 = Math.min(...ys) - 40;
      return { part, x0, y0, w: Math.max(...xs) + 90 - x0, h: Math.max(...ys) + 50 - y0 };
    });
    // rows as wide as the largest part, or as the square root of the total area
    const area = boxes.reduce((s, b) => s + b.w * b.h, 0);
    const width = Math.max(boxes.length ? boxes[0].w : 0, Math.sqrt(area) * 1.3);
    let cx = 0, cy = 0, rowH = 0;
    for (const b of boxes) {
      if (cx > 0 && cx + b.w > width) { cx = 0; cy += rowH; rowH = 0; }
      for (const d of b.part) { d.x += cx - b.x0; d.y += cy - b.y0; }
      cx += b.w; rowH = Math.max(rowH, b.h);
    }
  }

  // ---- drawing
  function el(name, attrs, parent) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }
  function short(s, max) { return s.length > max ? s.slice(0, max - 1) + "…" : s; }
  function nodeText(n) {
    if (n.kind === "event") return n.event_type + (n.date ? " " + n.date.start : "");
    return short(n.label, 28);
  }
  function linkText(l) {
    let t = l.role || l.relation;
    if (l.date) t += " " + l.date.start;
    return t;
  }
  function radius(n) { return n.kind === "event" ? 9 : 8 + Math.min(10, 2 * Math.sqrt(n.mentions || 0)); }

  const defs = el("defs", {}, svg);
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
    markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#888" }, marker);
  const world = el("g", { id: "world" }, svg);
  const linkLayer = el("g", { class: "links" }, world);
  const nodeLayer = el("g", { class: "nodes" }, world);

  function draw() {
    for (const l of links) {
      const a = byId.get(l.source), b = byId.get(l.target);
      const g = el("g", { class: "link" + (l.basis ? " static" : "") +
        (l.modality && l.modality !== "asserted" ? " " + l.modality : "") }, linkLayer);
      const ex = b.x - a.x, ey = b.y - a.y, d = Math.sqrt(ex * ex + ey * ey) || 1;
      const rb = radius(b) + 2;
      el("line", { x1: a.x, y1: a.y, x2: b.x - (ex / d) * rb, y2: b.y - (ey / d) * rb,
        "marker-end": "url(#arrow)" }, g);
      const t = el("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 3 }, g);
      t.textContent = linkText(l);
      l.g = g;
    }
    for (const n of nodes) {
      const g = el("g", { class: "node kind-" + n.kind, "data-id": n.id, tabindex: "0",
        transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})` }, nodeLayer);
      const r = radius(n);
      const fill = COLORS[n.kind] || COLORS.other;
      if (n.kind === "event") el("rect", { x: -r, y: -r, width: 2 * r, height: 2 * r,
        transform: "rotate(45)", fill }, g);
      else el("circle", { r, fill }, g);
      const t = el("text", { y: r + 12, "text-anchor": "middle" }, g);
      t.textContent = nodeText(n);
      const title = el("title", {}, g);
      title.textContent = [n.label, n.names && n.names.ar].filter(Boolean).join(" · ");
      g.addEventListener("click", (e) => { e.stopPropagation(); select(n.id); });
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") select(n.id); });
      n.g = g;
    }
  }

  // ---- pan and zoom through the viewBox
  let view = { x: -400, y: -300, w: 800, h: 600 };
  function setView() { svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`); }
  function fit() {
    if (!nodes.length) { setView(); return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    }
    const pad = 60, box = svg.getBoundingClientRect();
    const aspect = box.width && box.height ? box.width / box.height : 4 / 3;
    let w = x1 - x0 + 2 * pad, h = y1 - y0 + 2 * pad;
    if (w / h < aspect) w = h * aspect; else h = w / aspect;
    view = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h };
    setView();
  }
  function toWorld(cx, cy) {
    const box = svg.getBoundingClientRect();
    return [view.x + ((cx - box.left) / box.width) * view.w, view.y + ((cy - box.top) / box.height) * view.h];
  }
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const [px, py] = toWorld(e.clientX, e.clientY);
    const f = e.deltaY > 0 ? 1.15 : 1 / 1.15;
    view = { x: px - (px - view.x) * f, y: py - (py - view.y) * f, w: view.w * f, h: view.h * f };
    setView();
  }, { passive: false });
  let drag = null;
  svg.addEventListener("mousedown", (e) => { drag = { x: e.clientX, y: e.clientY, moved: false }; });
  window.addEventListener("mousemove", (e) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    const ddx = ((e.clientX - drag.x) / box.width) * view.w, ddy = ((e.clientY - drag.y) / box.height) * view.h;
    if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 2) drag.moved = true;
    view.x -= ddx; view.y -= ddy; drag.x = e.clientX; drag.y = e.clientY;
    setView();
  });
  window.addEventListener("mouseup", () => { drag = null; });

  // ---- filters
  const typeNames = [...new Set(nodes.map((n) => n.event_type).concat(links.map((l) => l.event_type))
    .filter(Boolean))].sort();
  const kindsPresent = KINDS.filter((k) => nodes.some((n) => n.kind === k))
    .concat([...new Set(nodes.map((n) => n.kind))].filter((k) => !KINDS.includes(k)));
  function checkboxes(container, values, attr) {
    for (const v of values) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.checked = true; box.setAttribute(attr, v);
      box.addEventListener("change", apply);
      const count = attr === "data-kind" ? nodes.filter((n) => n.kind === v).length
        : nodes.filter((n) => n.event_type === v).length + links.filter((l) => l.event_type === v).length;
      label.append(box, " " + v + " (" + count + ")");
      container.appendChild(label);
    }
  }
  checkboxes(document.getElementById("kinds"), kindsPresent, "data-kind");
  checkboxes(document.getElementById("types"), typeNames, "data-type");
  const dateFrom = document.getElementById("date-from"), dateTo = document.getElementById("date-to");
  const undated = document.getElementById("undated"), isolated = document.getElementById("isolated");
  for (const input of [dateFrom, dateTo, undated, isolated]) {
    input.addEventListener("change", apply);
    input.addEventListener("input", apply);
  }
  function checked(attr) {
    return new Set([...document.querySelectorAll(`input[${attr}]`)].filter((b) => b.checked)
      .map((b) => b.getAttribute(attr)));
  }
  // true when an item with this type and day span passes the type and date filters
  function passes(type, span, types) {
    if (type && !types.has(type)) return false;
    const from = dateFrom.value, to = dateTo.value;
    if (!type) return true;
    if (!span) return undated.checked;
    if (from && span[1] < from) return false;
    if (to && span[0] > to) return false;
    return true;
  }
  function apply() {
    const kinds = checked("data-kind"), types = checked("data-type");
    for (const n of nodes) n.visible = kinds.has(n.kind) && passes(n.event_type, n.span, types);
    for (const l of links) {
      l.visible = byId.get(l.source).visible && byId.get(l.target).visible &&
        passes(l.event_type, l.span, types);
    }
    if (!isolated.checked) {
      const linked = new Set();
      for (const l of links) if (l.visible) { linked.add(l.source); linked.add(l.target); }
      for (const n of nodes) if (!linked.has(n.id)) n.visible = false;
    }
    for (const n of nodes) n.g.classList.toggle("hidden", !n.visible);
    for (const l of links) l.g.classList.toggle("hidden", !l.visible);
    const shown = nodes.filter((n) => n.visible).length;
    status.textContent = `${shown} of ${nodes.length} nodes shown`;
  }

  // ---- search
  function runSearch() {
    const q = norm(search.value);
    results.textContent = "";
    const matches = q ? nodes.filter((n) => n.key.includes(q)) : [];
    for (const n of nodes) {
      n.g.classList.toggle("match", matches.includes(n));
      n.g.classList.toggle("dim", q !== "" && !matches.includes(n));
    }
    // matches on top, so nothing hides them
    for (const n of matches) nodeLayer.appendChild(n.g);
    for (const n of matches.slice(0, 30)) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button"; b.dir = "auto"; b.setAttribute("data-id", n.id);
      b.textContent = n.kind === "event" ? nodeText(n) : n.label + (n.names && n.names.ar && n.names.ar !== n.label ? " · " + n.names.ar : "");
      b.addEventListener("click", () => select(n.id));
      li.appendChild(b); results.appendChild(li);
    }
    if (q && !matches.length) {
      const li = document.createElement("li"); li.className = "none";
      li.textContent = "no name matches"; results.appendChild(li);
    }
  }
  search.addEventListener("input", runSearch);

  // ---- details
  function add(parent, tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    e.dir = "auto";
    parent.appendChild(e);
    return e;
  }
  function dateText(d) {
    if (!d) return "undated";
    return d.start + (d.end ? " – " + d.end : "") + (d.inferred ? " (inferred)" : "");
  }
  function evidenceList(parent, evidence) {
    for (const ev of evidence || []) {
      const q = add(parent, "blockquote", ev.text, "evidence");
      const doc = docs.get(ev.doc);
      add(q, "cite", (doc && doc.title ? doc.title : ev.doc) + (doc && doc.published ? ", " + doc.published : ""));
    }
  }
  function nameOf(id) { const n = byId.get(id); return n ? (n.kind === "event" ? nodeText(n) : n.label) : id; }
  function select(id) {
    const n = byId.get(id);
    if (!n) return;
    for (const m of nodes) m.g.classList.remove("selected", "neighbour");
    n.g.classList.add("selected");
    for (const l of n.out) byId.get(l.target).g.classList.add("neighbour");
    for (const l of n.in) byId.get(l.source).g.classList.add("neighbour");
    details.textContent = "";
    details.setAttribute("data-selected", id);
    add(details, "h2", n.kind === "event" ? nodeText(n) : n.label, "label");
    const facts = add(details, "dl");
    function fact(k, v) { if (v === undefined || v === null || v === "") return; add(facts, "dt", k); add(facts, "dd", String(v)); }
    fact("kind", n.kind);
    if (n.names) for (const [lang, name] of Object.entries(n.names)) fact("name (" + lang + ")", name);
    if (n.aliases && n.aliases.length) fact("written as", n.aliases.join(" · "));
    fact("mentions", n.mentions);
    fact("id", n.id);
    if (n.kind === "event") {
      fact("type", n.event_type + (n.code ? " (CAMEO " + n.code + ")" : ""));
      fact("date", dateText(n.date));
      fact("modality", n.modality);
      add(details, "h3", "Participants");
      const ul = add(details, "ul", undefined, "participants");
      for (const l of n.out) add(ul, "li", l.relation + ": " + nameOf(l.target));
      add(details, "h3", "Evidence");
      evidenceList(details, n.evidence);
      return;
    }
    const roles = n.out.filter((l) => l.relation === "role");
    if (roles.length) {
      add(details, "h3", "Roles");
      const ul = add(details, "ul");
      for (const l of roles) add(ul, "li", l.role + " of " + nameOf(l.target));
    }
    const events = n.in.filter((l) => byId.get(l.source).kind === "event");
    const folded = n.out.concat(n.in).filter((l) => l.event_type);
    if (events.length || folded.length) add(details, "h3", "Events and evidence");
    for (const l of events) {
      const ev = byId.get(l.source);
      const others = ev.out.filter((o) => o.target !== n.id && byId.get(o.target).kind === "person")
        .map((o) => nameOf(o.target));
      const item = add(details, "div", undefined, "event");
      add(item, "p", nodeText(ev) + " · " + l.relation + (others.length ? " · with " + others.join(", ") : "") +
        (ev.modality && ev.modality !== "asserted" ? " · " + ev.modality : ""), "event-head");
      evidenceList(item, ev.evidence);
    }
    for (const l of folded) {
      const other = l.source === n.id ? l.target : l.source;
      const item = add(details, "div", undefined, "event");
      add(item, "p", l.event_type + " " + dateText(l.date) + " · with " + nameOf(other) +
        (l.modality && l.modality !== "asserted" ? " · " + l.modality : ""), "event-head");
      evidenceList(item, l.evidence);
    }
    const others = n.out.concat(n.in).filter((l) => l.relation !== "role" && !l.event_type &&
      byId.get(l.source).kind !== "event");
    if (others.length) {
      add(details, "h3", "Links");
      const ul = add(details, "ul");
      for (const l of others) add(ul, "li", nameOf(l.source) + " → " + (l.role || l.relation) + " → " + nameOf(l.target));
    }
  }
  svg.addEventListener("click", (e) => { if (e.target === svg && !(drag && drag.moved)) {
    for (const m of nodes) m.g.classList.remove("selected", "neighbour");
  } });

  layout();
  draw();
  fit();
  apply();
  window.addEventListener("resize", fit);
  document.body.setAttribute("data-ready", "true");
})();
