// Actor network: fetches /api/network and draws it with a small force layout in SVG.
// No external libraries; every name is set with textContent (never as HTML).
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = { STATE: "#1f5fa8", ORG: "#2e8b57", PERSON: "#d9822b", LOCATION: "#8e6bbf" };
  var svg = document.getElementById("net-svg");
  var form = document.getElementById("net-filters");
  var status = document.getElementById("net-status");
  var legend = document.getElementById("net-legend");
  if (!svg || !form) { return; }

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function params() {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (v) { p.append(k, v); } });  // types may repeat
    return p;
  }

  function load() {
    var p = params();
    history.replaceState(null, "", "?" + p.toString());
    status.textContent = "loading…";
    fetch("/api/network?" + p.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (!res.ok) { status.textContent = res.body.error || "error"; return; }
        draw(res.body);
      })
      .catch(function (e) { status.textContent = "could not load the network: " + e; });
  }

  // Fruchterman-Reingold with a cooling schedule; deterministic start on a circle.
  function layout(nodes, edges, W, H) {
    var n = nodes.length, i, j, it;
    var k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.55;
    nodes.forEach(function (d, idx) {
      var a = (2 * Math.PI * idx) / Math.max(n, 1);
      d.x = W / 2 + (W / 3) * Math.cos(a); d.y = H / 2 + (H / 3) * Math.sin(a);
    });
    var iters = n > 100 ? 220 : 320, temp = W / 8;
    for (it = 0; it < iters; it++) {
      nodes.forEach(function (d) { d.dx = 0; d.dy = 0; });
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01, f = (k * k) / d2;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      edges.forEach(function (e) {
        var dx = e.s.x - e.t.x, dy = e.s.y - e.t.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var f = (d / k) * Math.min(1 + Math.log(e.weight), 3);
        e.s.dx -= dx * f; e.s.dy -= dy * f; e.t.dx += dx * f; e.t.dy += dy * f;
      });
      nodes.forEach(function (d) {
        d.dx += (W / 2 - d.x) * 0.02 * k / 10; d.dy += (H / 2 - d.y) * 0.02 * k / 10;  // gravity
        var len = Math.sqrt(d.dx * d.dx + d.dy * d.dy) + 0.01, step = Math.min(len, temp);
        d.x += (d.dx / len) * step; d.y += (d.dy / len) * step;
      });
      temp *= 0.985;
    }
  }

  function draw(data) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var W = svg.clientWidth || 1000, H = svg.clientHeight || 600;
    var byId = {};
    data.nodes.forEach(function (d) { byId[d.id] = d; });
    var edges = data.edges.filter(function (e) { return byId[e.source] && byId[e.target]; })
      .map(function (e) { return { s: byId[e.source], t: byId[e.target], weight: e.weight, types: e.types, raw: e }; });
    status.textContent = data.nodes.length + " actors, " + edges.length + " links" +
      (data.truncated ? " (the most connected actors only)" : "");
    if (!data.nodes.length) { status.textContent = "no events match"; return; }
    layout(data.nodes, edges, W, H);
    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6,
      markerHeight: 6, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9db0c8" }, marker);
    var gEdges = el("g", {}, svg), gNodes = el("g", {}, svg);
    var maxDeg = Math.max.apply(null, data.nodes.map(function (d) { return d.degree; }).concat([1]));
    function radius(d) { return 5 + 14 * Math.sqrt(d.degree / maxDeg); }
    edges.forEach(function (e) {
      var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var rt = radius(e.t) + 2, rs = radius(e.s);
      var a = el("a", { href: "/relations?a=" + encodeURIComponent(e.s.id) + "&b=" + encodeURIComponent(e.t.id) }, gEdges);
      var line = el("line", { x1: e.s.x + (dx / d) * rs, y1: e.s.y + (dy / d) * rs, x2: e.t.x - (dx / d) * rt,
        y2: e.t.y - (dy / d) * rt, "stroke-width": 1 + Math.log(e.weight) * 1.5, "marker-end": "url(#arrow)",
        "class": "edge" }, a);
      var title = el("title", {}, line);
      title.textContent = e.s.name + " → " + e.t.name + ": " + Object.keys(e.types).sort()
        .map(function (t) { return t + " " + e.types[t]; }).join(", ");
    });
    data.nodes.forEach(function (d) {
      var a = el("a", { href: "/actors/" + encodeURIComponent(d.id), "class": "node" }, gNodes);
      var c = el("circle", { cx: d.x, cy: d.y, r: radius(d), fill: COLORS[d.type] || "#777" }, a);
      var title = el("title", {}, c);
      title.textContent = d.name + " (" + (d.type || "?") + "), " + d.degree + " events";
      var label = el("text", { x: d.x + radius(d) + 3, y: d.y + 4 }, a);
      label.textContent = d.name;
    });
    var xs = data.nodes.map(function (d) { return d.x; }), ys = data.nodes.map(function (d) { return d.y; });
    var pad = 60, x0 = Math.min.apply(null, xs) - pad, y0 = Math.min.apply(null, ys) - pad;
    var w = Math.max.apply(null, xs) - x0 + pad + 80, h = Math.max.apply(null, ys) - y0 + pad;
    svg.setAttribute("viewBox", [x0, y0, w, h].join(" "));
    legend.textContent = "";
    Object.keys(COLORS).forEach(function (t) {
      var s = document.createElement("span"); s.className = "swatch"; s.style.background = COLORS[t];
      legend.appendChild(s); legend.appendChild(document.createTextNode(t));
    });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); load(); });
  load();
})();
