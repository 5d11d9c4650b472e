/* rcmap interactive report: the viewer of report.html.
 *
 * Plain ES2019, no library, no build step, no network: everything it shows
 * comes from the JSON object in <script id="rcmap-data" type="application/json">
 * (schema: docs/html-report.md). The viewer has no language of its own: every
 * display word is looked up in data.words, numbers are formatted with
 * data.number_format. Colours follow the figures: RC on the orange-grey-purple
 * scale after ColorBrewer PuOr with steps at the thresholds, sides in the
 * Okabe-Ito palette (both given in the data by the writer).
 *
 * Views: Findings, Map (SVG), Matrix (table), Change (kind compare),
 * Benchmark (kind sites), Network (kind network, canvas 2D with a spatial grid
 * for hit testing). window.rcmapViewer exposes read-only state and timings for
 * the browser test (tests/browser/drive.py).
 */
(function () {
  'use strict';

  const T_START = performance.now();
  const SVGNS = 'http://www.w3.org/2000/svg';
  const D = JSON.parse(document.getElementById('rcmap-data').textContent);
  const T_PARSED = performance.now();
  const W = D.words || {};
  const PAL = D.palette || {};
  const NF = Object.assign({ decimal: '.', group: ',', minus: '\u2212' }, D.number_format || {});
  const TH = Object.assign({ weak_below: 3.5, strong_from: 4.0, min_n: 5, asymmetry: 0.5 }, D.thresholds || {});
  const DIMS = D.dimensions || [];
  const SIDES = D.sides || [];
  const SIDE = new Map(SIDES.map((s, i) => [s.id, Object.assign({ rank: i }, s)]));
  const GAP = D.gap_sides || (SIDES.length >= 2 ? [SIDES[0].id, SIDES[1].id] : []);
  const missingWords = new Set();

  // ------------------------------------------------------------------ text
  // w(key, a0, a1, ...): the word for key with {0}, {1}, ... filled in. A key
  // missing from data.words is shown as the key and reported once on the
  // console (the browser test fails on any console error).
  function w(key) {
    let s;
    if (Object.prototype.hasOwnProperty.call(W, key)) {
      s = String(W[key]);
    } else {
      s = key;
      if (!missingWords.has(key)) {
        missingWords.add(key);
        console.error('rcmap report: no word for "' + key + '" in data.words');
      }
    }
    for (let i = 1; i < arguments.length; i++) s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
    return s;
  }

  // Fixed decimals of |v| with exact ties rounded half to even, as the C++
  // figures do (std::to_chars); toFixed alone rounds exact ties up.
  function fixedAbs(a, dec) {
    const m = Math.pow(10, dec);
    const x = a * m;
    if (Number.isInteger(x * 2) && !Number.isInteger(x) && x / m === a && x < 9e15) {
      let n = Math.floor(x);
      if (n % 2 === 1) n += 1;
      const s = String(n).padStart(dec + 1, '0');
      return dec ? s.slice(0, s.length - dec) + '.' + s.slice(s.length - dec) : s;
    }
    return a.toFixed(dec);
  }
  function isNum(v) { return typeof v === 'number' && isFinite(v); }
  // A number in the report's language: decimal mark, digit grouping from 1,000.
  function fmt(v, dec) {
    if (!isNum(v)) return w('na');
    const parts = fixedAbs(Math.abs(v), dec).split('.');
    let ip = parts[0];
    if (ip.length > 3) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, NF.group);
    let s = parts.length > 1 ? ip + NF.decimal + parts[1] : ip;
    if (v < 0 && /[1-9]/.test(s)) s = NF.minus + s;
    return s;
  }
  function signed(v, dec) {
    if (!isNum(v)) return w('na');
    const s = fmt(v, dec);
    return v > 0 && /[1-9]/.test(s) ? '+' + s : s;
  }
  const fint = (v) => fmt(v, 0);
  const frc = (v) => fmt(v, 2);
  const fpct = (v) => (isNum(v) ? w('percent', fmt(v * 100, 0)) : w('na'));

  // ------------------------------------------------------------------ DOM
  function put(e, attrs, kids) {
    if (attrs) {
      for (const k of Object.keys(attrs)) {
        const v = attrs[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') e.textContent = v;
        else if (k.slice(0, 2) === 'on' && typeof v === 'function') e.addEventListener(k.slice(2), v);
        else e.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
      }
    }
    for (const c of kids.flat(3)) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }
  const h = (tag, attrs, ...kids) => put(document.createElement(tag), attrs, kids);
  const sv = (tag, attrs, ...kids) => put(document.createElementNS(SVGNS, tag), attrs, kids);
  const clear = (e) => { while (e.firstChild) e.removeChild(e.firstChild); return e; };
  const clamp = (v, a, b) => Math.min(b, Math.max(a, v));
  const r2 = (v) => Math.round(v * 100) / 100;

  // ------------------------------------------------------------------ colour
  function hexRgb(c) {
    const v = parseInt(String(c).replace('#', ''), 16);
    return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
  }
  function rgbHex(c) {
    return '#' + c.map((x) => Math.round(clamp(x, 0, 1) * 255).toString(16).padStart(2, '0')).join('');
  }
  function mix(a, b, t) {
    t = clamp(t, 0, 1);
    const A = hexRgb(a), B = hexRgb(b);
    return rgbHex([A[0] + (B[0] - A[0]) * t, A[1] + (B[1] - A[1]) * t, A[2] + (B[2] - A[2]) * t]);
  }
  const RCP = Object.assign({
    weak: ['#7f3b08', '#f1a340'], weak_span: 1.0, moderate: ['#b8b8b8', '#9a9a9a'],
    strong: ['#998ec3', '#542788'], missing: '#999999'
  }, PAL.rc || {});
  // map.png's grading of weak ties and its bridge ring (render/figures/map_parts.hpp).
  const WEAK = Object.assign({ clear: '#b35806', borderline: '#f1a340', dash: [4, 2.2] }, PAL.weak_ties || {});
  const RING = Object.assign({ colour: '#000000', gap: 5, width: 1.5 }, PAL.bridge_ring || {});
  const DLP = Object.assign({
    stops: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'], limit: 0.5, missing: '#999999'
  }, PAL.delta || {});
  // RC colour (include/rcmap/outputs/palette.hpp rc_scale_colour).
  function rcColour(rc) {
    if (!isNum(rc)) return RCP.missing;
    if (rc < TH.weak_below) return mix(RCP.weak[0], RCP.weak[1], 1 - (TH.weak_below - rc) / RCP.weak_span);
    if (rc < TH.strong_from) {
      return mix(RCP.moderate[0], RCP.moderate[1], (rc - TH.weak_below) / Math.max(1e-9, TH.strong_from - TH.weak_below));
    }
    return mix(RCP.strong[0], RCP.strong[1], (rc - TH.strong_from) / Math.max(1e-9, 5 - TH.strong_from));
  }
  // Change colour (palette.hpp delta_scale_colour).
  function deltaColour(d) {
    if (!isNum(d)) return DLP.missing;
    const x = (clamp(d / DLP.limit, -1, 1) + 1) * 3;
    const i = Math.min(5, Math.floor(x));
    return mix(DLP.stops[i], DLP.stops[i + 1], x - i);
  }
  // Black or white text on a fill (WCAG relative luminance, as canvas.cpp text_on).
  function textOn(fill) {
    const c = hexRgb(fill).map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] > 0.25 ? '#000000' : '#ffffff';
  }
  function sideColour(id) { const s = SIDE.get(id); return s ? s.colour : '#777777'; }
  function sideLabel(id) { const s = SIDE.get(id); return s ? s.label : id; }
  function strengthOf(rc) {
    if (!isNum(rc)) return null;
    return rc < TH.weak_below ? 'weak' : rc < TH.strong_from ? 'moderate' : 'strong';
  }
  function chip(rc, text) {
    const c = rcColour(rc);
    return h('span', { class: 'chip', style: 'background:' + c + ';color:' + textOn(c) }, text || frc(rc));
  }
  function sideDot(id) { return h('span', { class: 'dot', style: 'background:' + sideColour(id), 'aria-hidden': 'true' }); }

  // ------------------------------------------------------------------ blocks
  // An analyze-like block (the whole data for kind analyze, one wave or one
  // site otherwise) gets lookup tables once.
  function prepare(b) {
    if (!b || b._ready) return b;
    const units = b.units || [];
    const N = units.length;
    b.ties = b.ties || [];
    b.hidden = b.hidden || [];
    b.byKey = new Map();
    b.hiddenKey = new Set();
    b.unitIndex = new Map(units.map((u, i) => [u.id, i]));
    b.out = units.map(() => []);
    b.inn = units.map(() => []);
    b.ties.forEach((t, i) => {
      t.i = i;
      b.byKey.set(t.s * N + t.t, t);
      b.out[t.s].push(t);
      b.inn[t.t].push(t);
    });
    for (const p of b.hidden) b.hiddenKey.add(p[0] * N + p[1]);
    b.N = N;
    for (const t of b.ties) {
      if (t.cross_side === undefined) t.cross_side = units[t.s].side !== units[t.t].side;
      const rev = b.byKey.get(t.t * N + t.s);
      if (t.one_sided === undefined) t.one_sided = !!rev && Math.abs(t.rc - rev.rc) >= TH.asymmetry;
      if (t.emphasis === undefined) {  // as map.cpp: weak, one-sided, or a non-strong gap-side tie
        const weak = t.rc < TH.weak_below, gp = isGapPair(units[t.s].side, units[t.t].side);
        const emph = weak || t.one_sided || (gp && t.rc < TH.strong_from);
        t.emphasis = emph ? (!weak && !t.one_sided ? 1 : 2) : 0;
      }
    }
    b._ready = true;
    return b;
  }
  function isGapPair(a, c) { return GAP.length === 2 && ((a === GAP[0] && c === GAP[1]) || (a === GAP[1] && c === GAP[0])); }
  function onGapSide(side) { return GAP.indexOf(side) >= 0; }
  function tieOf(b, s, t) { return b.byKey.get(s * b.N + t) || null; }
  function isHidden(b, s, t) { return b.hiddenKey.has(s * b.N + t); }

  const kind = D.kind || 'analyze';
  const switchable = kind === 'compare' ? (D.waves || []) : kind === 'sites' ? (D.sites || []) : [];
  const S = {
    view: null, cur: 0, selected: -1, hiddenSides: new Set(), filter: 'all', highlight: null,
    sort: 'side', block: null
  };
  if (kind === 'sites' && D.highlight) {
    const k = switchable.findIndex((x) => x.id === D.highlight);
    if (k >= 0) S.cur = k;
  }
  function currentBlock() {
    if (kind === 'compare' || kind === 'sites') return prepare(switchable[S.cur] ? switchable[S.cur].block : null);
    return prepare(D);
  }

  // ------------------------------------------------------------------ tooltip
  const tip = h('div', { id: 'tip', role: 'tooltip', class: 'tip', hidden: true });
  let tipOwner = null;
  function showTip(content, where, owner) {
    clear(tip);
    put(tip, null, [content]);
    tip.hidden = false;
    tipOwner = owner || null;
    const pad = 12, vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    const r = tip.getBoundingClientRect();
    let x, y;
    if (where.rect) {  // keyboard focus: next to the element
      x = where.rect.right + pad;
      y = where.rect.top;
      if (x + r.width > vw - 4) x = Math.max(4, where.rect.left - r.width - pad);
    } else {
      x = where.x + 16;
      y = where.y + 16;
      if (x + r.width > vw - 4) x = Math.max(4, where.x - r.width - 16);
    }
    if (y + r.height > vh - 4) y = Math.max(4, vh - r.height - 4);
    tip.style.left = Math.round(x) + 'px';
    tip.style.top = Math.round(y) + 'px';
  }
  function hideTip(owner) {
    if (owner && tipOwner && owner !== tipOwner) return;
    tip.hidden = true;
    tipOwner = null;
  }
  function eventPos(ev) { return ev && isNum(ev.clientX) && (ev.clientX || ev.clientY) ? { x: ev.clientX, y: ev.clientY } : null; }

  // Details of a tie A->B (tooltip and panel).
  function tieDetails(b, t) {
    const U = b.units;
    const rows = [];
    rows.push(h('div', { class: 'tip-title' }, w('tie_title', U[t.s].label, U[t.t].label)));
    const strength = t.strength || strengthOf(t.rc);
    rows.push(h('div', { class: 'tip-main' }, chip(t.rc, w('rc_value', frc(t.rc))), ' ',
      h('span', { class: 'tip-strength' }, strength ? w('strength_' + strength) : ''),
      t.one_sided ? h('span', { class: 'tag' }, w('one_sided')) : null));
    if (isNum(t.ci_low) && isNum(t.ci_high)) rows.push(h('div', null, w('interval', frc(t.ci_low), frc(t.ci_high))));
    if (t.certainty) rows.push(h('div', null, w('certainty_label'), ' ', h('b', null, w('certainty_' + t.certainty))));
    rows.push(h('div', { class: 'tip-n' }, w('n_respondents', fint(t.n))));
    if (t.dims) {
      const tb = h('table', { class: 'dims' });
      DIMS.forEach((d, k) => {
        const v = t.dims[k];
        tb.appendChild(h('tr', null, h('th', { scope: 'row' }, d.label),
          h('td', { class: 'bar' }, isNum(v) ? h('span', { class: 'barfill', style: 'width:' + r2(clamp((v - 1) / 4, 0, 1) * 100) + '%;background:' + rcColour(v) }) : null),
          h('td', { class: 'num' }, isNum(v) ? fmt(v, 2) : w('dim_hidden', TH.min_n))));
      });
      rows.push(tb);
    }
    if (t.communication !== undefined || t.relationship !== undefined) {
      rows.push(h('div', { class: 'tip-idx' }, w('communication'), ' ', isNum(t.communication) ? frc(t.communication) : w('dim_hidden', TH.min_n),
        ' · ', w('relationship'), ' ', isNum(t.relationship) ? frc(t.relationship) : w('dim_hidden', TH.min_n)));
    }
    const rev = tieOf(b, t.t, t.s);
    let revText;
    if (rev) revText = [w('rc_value', frc(rev.rc)), ' (', w('n_short', fint(rev.n)), ')'];
    else if (isHidden(b, t.t, t.s)) revText = [w('hidden_pair', TH.min_n)];
    else revText = [w('not_rated')];
    rows.push(h('div', { class: 'tip-rev' }, w('reverse', U[t.t].label, U[t.s].label), ': ',
      rev ? chip(rev.rc, frc(rev.rc)) : null, rev ? ' ' + w('n_short', fint(rev.n)) : revText));
    return h('div', null, rows);
  }
  function withinText(u) {
    if (!u.within) return w('not_rated');
    if (u.within.hidden) return w('hidden_pair', TH.min_n);
    return w('rc_value', frc(u.within.rc)) + ' (' + w('n_short', fint(u.within.n)) + ')';
  }
  function unitDetails(b, i, bridged) {
    const u = b.units[i];
    return h('div', null,
      h('div', { class: 'tip-title' }, u.label),
      h('div', null, sideDot(u.side), ' ', sideLabel(u.side)),
      h('div', null, w('respondents'), ': ', fint(u.respondents),
        isNum(u.headcount) ? ' / ' + fint(u.headcount) : '', isNum(u.response_rate) ? ' (' + fpct(u.response_rate) + ')' : ''),
      h('div', null, w('rc_given'), ': ', isNum(u.rc_given) ? frc(u.rc_given) : w('na'), ' · ',
        w('rc_received'), ': ', isNum(u.rc_received) ? frc(u.rc_received) : w('na')),
      h('div', null, w('rc_within'), ': ', withinText(u)),
      bridged ? h('div', null, bridged) : null,
      h('div', { class: 'tip-hint' }, w('unit_hint')));
  }

  // ------------------------------------------------------------------ map
  // Geometry of a curved directed tie, as render/figures/map.cpp draw_arrow: bent to
  // the right of travel (A->B and B->A separate), arrowhead along the end
  // tangent. Returns the SVG path (curve and open arrowhead) or null.
  function arrowPath(p, rp, q, rq, width) {
    const dx = q.x - p.x, dy = q.y - p.y, L = Math.hypot(dx, dy);
    if (L < rp + rq + 2) return null;
    const bend = Math.min(0.1 * L, 22);
    const m = { x: (p.x + q.x) / 2 - dy / L * bend, y: (p.y + q.y) / 2 + dx / L * bend };
    const toward = (f, to, d) => {
      const ux = to.x - f.x, uy = to.y - f.y, l = Math.hypot(ux, uy);
      return { x: f.x + ux / l * d, y: f.y + uy / l * d };
    };
    const s = toward(p, m, rp + 0.5), e = toward(q, m, rq + 1.0);
    const ah = 3.2 + 1.6 * width;
    const e2 = toward(e, m, ah * 0.5);
    const c1 = { x: s.x + 2 / 3 * (m.x - s.x), y: s.y + 2 / 3 * (m.y - s.y) };
    const c2 = { x: e2.x + 2 / 3 * (m.x - e2.x), y: e2.y + 2 / 3 * (m.y - e2.y) };
    const tx = e.x - m.x, ty = e.y - m.y, tl = Math.hypot(tx, ty), ux = tx / tl, uy = ty / tl, hw = ah * 0.45;
    const f = (v) => v.toFixed(1);
    return 'M' + f(s.x) + ' ' + f(s.y) + 'C' + f(c1.x) + ' ' + f(c1.y) + ' ' + f(c2.x) + ' ' + f(c2.y) + ' ' + f(e2.x) + ' ' + f(e2.y) +
      'M' + f(e.x - ux * ah - uy * hw) + ' ' + f(e.y - uy * ah + ux * hw) + 'L' + f(e.x) + ' ' + f(e.y) +
      'L' + f(e.x - ux * ah + uy * hw) + ' ' + f(e.y - uy * ah - ux * hw);
  }
  const tieWidth = (n) => clamp(0.35 * Math.sqrt(Math.max(n || 1, 1)), 0.6, 2.6);
  const crowding = (units) => (units <= 16 ? 1 : Math.max(0.6, Math.sqrt(16 / units)));
  function nodeRadius(u, k) {
    if (isNum(u.r)) return u.r;
    return k * clamp(1.9 * Math.sqrt(Math.max(u.respondents || 1, 1)), 3.5, 13);
  }
  // Label lines: given by the writer, else wrapped at about 24 characters.
  function labelLines(u) {
    if (Array.isArray(u.label_lines) && u.label_lines.length) return u.label_lines;
    const words = String(u.label).split(' ');
    const lines = [];
    let cur = '';
    for (const x of words) {
      if (cur && (cur + ' ' + x).length > 24) { lines.push(cur); cur = x; } else cur = cur ? cur + ' ' + x : x;
    }
    if (cur) lines.push(cur);
    return lines.length > 3 ? lines.slice(0, 2).concat([lines.slice(2).join(' ')]) : lines;
  }

  // A map view: two stacked SVG layers (ties below, units above) that share
  // one viewBox. Units come first in the DOM so Tab reaches them before the
  // ties, while they are painted on top.
  function MapView(root, mode) {
    this.root = root;
    this.mode = mode;  // 'rc' or 'change'
    this.vb = null;
    this.base = null;
  }
  MapView.prototype.build = function (b, ties) {
    const self = this;
    this.b = b;
    this.ties = ties;
    const units = b.units;
    const k = crowding(units.length);
    this.k = k;
    clear(this.root);
    // No positions from the writer (e.g. no figures above 120 units): units on
    // a circle in side order, so the map still works.
    const placed = units.some((u) => !isNum(u.x) || !isNum(u.y));
    if (placed) {
      const order = units.map((u, i) => i).sort((a, c) => ((SIDE.get(units[a].side) || { rank: 99 }).rank - (SIDE.get(units[c].side) || { rank: 99 }).rank) || a - c);
      const R = Math.max(180, units.length * 9);
      order.forEach((i, j) => {
        const a = 2 * Math.PI * j / units.length - Math.PI / 2;
        units[i].x = r2(420 + R * Math.cos(a));
        units[i].y = r2(300 + R * Math.sin(a));
      });
    }
    // View box: writer's map area, else the units' extent with room for labels.
    const area = placed ? null : (b.map && b.map.area) || (D.map && D.map.area);
    let x0, y0, x1, y1;
    if (area) { x0 = area[0]; y0 = area[1]; x1 = area[2]; y1 = area[3]; } else {
      x0 = Math.min(...units.map((u) => u.x)) - 140; x1 = Math.max(...units.map((u) => u.x)) + 140;
      y0 = Math.min(...units.map((u) => u.y)) - 40; y1 = Math.max(...units.map((u) => u.y)) + 40;
    }
    this.base = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    this.vb = Object.assign({}, this.base);
    this.centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    const box = h('div', { class: 'mapbox', style: 'aspect-ratio:' + r2(this.base.w) + '/' + r2(this.base.h) });
    const nodes = sv('svg', { class: 'layer nodes', 'aria-label': w('map_units_label'), role: 'group', focusable: 'false' });
    const lines = sv('svg', { class: 'layer ties', 'aria-label': w('map_ties_label'), role: 'group', focusable: 'false' });
    this.svgs = [nodes, lines];
    box.appendChild(nodes);
    box.appendChild(lines);
    this.root.appendChild(box);
    this.box = box;
    const bg = sv('rect', { class: 'bg', x: x0 - 5000, y: y0 - 5000, width: this.base.w + 10000, height: this.base.h + 10000 });
    lines.appendChild(bg);
    this.rad = units.map((u) => nodeRadius(u, k));
    const P = units.map((u) => ({ x: u.x, y: u.y }));
    // Ties: visible paths (path.tie, one per shown tie) and wider transparent
    // hit paths on top of them (path.tie-hit), which take focus and pointer.
    const gLines = sv('g', { class: 'tie-lines' });
    const gHits = sv('g', { class: 'tie-hits' });
    const order = ties.map((t, i) => i);
    const layer = (t) => (this.mode === 'change' ? (t.credible ? 2 : 0) : t.emphasis);
    const key = (t) => (this.mode === 'change' ? -Math.abs(t.delta) : -t.rc);
    order.sort((a, c) => layer(ties[a]) - layer(ties[c]) || key(ties[a]) - key(ties[c]) || ties[a].s - ties[c].s || ties[a].t - ties[c].t);
    this.tieEls = new Array(ties.length);
    this.hitEls = new Array(ties.length);
    this.caseEls = new Array(ties.length);
    this.weakDrawn = { clear: 0, borderline: 0 };
    for (const i of order) {
      const t = ties[i];
      const fullW = k * tieWidth(this.mode === 'change' ? Math.min(t.n_before || 1, t.n_after || 1) : t.n);
      const d = arrowPath(P[t.s], this.rad[t.s], P[t.t], this.rad[t.t], fullW);
      if (!d) continue;
      // Weak ties as map.png grades them (the writer's weak_certainty): clearly
      // weak solid dark orange, borderline dashed light orange.
      const wc = this.mode === 'rc' && (t.weak_certainty === 'clear' || t.weak_certainty === 'borderline') ? t.weak_certainty : null;
      const colour = this.mode === 'change' ? deltaColour(t.delta) : wc ? WEAK[wc] : rcColour(t.rc);
      if (this.mode === 'change' && t.credible) {
        this.caseEls[i] = sv('path', { class: 'casing', d: d, 'stroke-width': r2(fullW + 1.6) });
        gLines.appendChild(this.caseEls[i]);
      }
      const el = sv('path', {
        class: 'tie', d: d, stroke: colour, 'data-s': units[t.s].id, 'data-t': units[t.t].id, 'data-i': i, 'data-weak': wc,
        'stroke-dasharray': wc === 'borderline' ? WEAK.dash.join(' ') : null
      });
      el._full = fullW;
      gLines.appendChild(el);
      const hit = sv('path', {
        class: 'tie-hit', d: d, tabindex: 0, role: 'button', 'data-i': i, 'data-s': units[t.s].id, 'data-t': units[t.t].id,
        'aria-label': this.mode === 'change'
          ? w('tie_title', units[t.s].label, units[t.t].label) + ': ' + signed(t.delta, 2)
          : w('tie_title', units[t.s].label, units[t.t].label) + ': ' + w('rc_value', frc(t.rc)) + ', ' + w('n_short', fint(t.n)) +
            (wc ? ', ' + w(wc === 'clear' ? 'tie_clearly_weak' : 'tie_borderline_weak') : '')
      });
      gHits.appendChild(hit);
      this.tieEls[i] = el;
      this.hitEls[i] = hit;
      if (wc) this.weakDrawn[wc]++;
      const show = (ev) => {
        el.classList.add('hover');
        const pos = eventPos(ev);
        showTip(this.mode === 'change' ? changeDetails(b, t) : tieDetails(b, t), pos || { rect: hit.getBoundingClientRect() }, hit);
      };
      const hide = () => { el.classList.remove('hover'); hideTip(hit); };
      hit.addEventListener('mousemove', show);
      hit.addEventListener('focus', show);
      hit.addEventListener('mouseleave', hide);
      hit.addEventListener('blur', hide);
      hit.addEventListener('click', (ev) => { ev.stopPropagation(); show(ev); });
      hit.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); show(null); } });
    }
    // Unmeasured gap-side pairs (gap view only): dotted, no value.
    const gDots = sv('g', { class: 'unmeasured' });
    this.dotEls = [];
    if (this.mode === 'rc') {
      for (let a = 0; a < units.length; a++) {
        for (let c = 0; c < units.length; c++) {
          if (a === c || !isGapPair(units[a].side, units[c].side) || tieOf(b, a, c)) continue;
          const d = arrowPath(P[a], this.rad[a], P[c], this.rad[c], 0.9);
          if (!d) continue;
          const el = sv('path', { class: 'unmeasured-tie', d: d, 'data-s': units[a].id, 'data-t': units[c].id });
          gDots.appendChild(el);
          this.dotEls.push({ el: el, s: a, t: c });
        }
      }
    }
    lines.appendChild(gDots);
    lines.appendChild(gLines);
    lines.appendChild(gHits);
    // Units: disc in the side colour, label with a white halo; the
    // best-placed bridges (the writer's bridge_ring, as map.png) ringed in black.
    const ring = this.mode === 'rc' && b.bridge_ring ? b.bridge_ring : { gap_pairs: 0, units: [] };
    const ringed = new Map((ring.units || []).map((x) => [x.unit, x.pairs]));
    this.unitEls = [];
    const gUnits = sv('g', { class: 'units' });
    units.forEach((u, i) => {
      const r = this.rad[i];
      const bridged = ringed.has(u.id) ? w('bridge_ring_unit', fint(ringed.get(u.id)), fint(ring.gap_pairs)) : null;
      const g = sv('g', {
        class: 'unit', tabindex: 0, role: 'button', 'data-id': u.id, 'data-side': u.side,
        'aria-label': u.label + ', ' + sideLabel(u.side) + ', ' + w('respondents') + ' ' + fint(u.respondents) + (bridged ? ', ' + bridged : '')
      });
      if (bridged) {
        g.appendChild(sv('circle', { class: 'bridge-ring', cx: u.x, cy: u.y, r: r2(r + RING.gap), fill: 'none', stroke: RING.colour, 'stroke-width': RING.width }));
      }
      g.appendChild(sv('circle', { class: 'focus-ring', cx: u.x, cy: u.y, r: r + 3.5 }));
      g.appendChild(sv('circle', { class: 'disc', cx: u.x, cy: u.y, r: r, fill: sideColour(u.side) }));
      const ls = labelLines(u);
      const fs = (b.map && b.map.label_font) || (D.map && D.map.label_font) || 8.5;
      let tx, ty, anchor;
      if (Array.isArray(u.label_box)) {
        const lb = u.label_box, al = u.label_align || 'left';
        anchor = al === 'center' ? 'middle' : al === 'right' ? 'end' : 'start';
        tx = al === 'center' ? (lb[0] + lb[2]) / 2 : al === 'right' ? lb[2] : lb[0];
        ty = lb[1] + fs * 0.95;
      } else {
        // Writer's side of the node (label_side), else outward from the centre.
        const dx = (u.x - this.centre.x) / this.base.w, dy = (u.y - this.centre.y) / this.base.h;
        const where = u.label_side || (Math.abs(dx) >= Math.abs(dy) ? (dx < 0 ? 'left' : 'right') : (dy < 0 ? 'above' : 'below'));
        if (where === 'left' || where === 'right') {
          anchor = where === 'left' ? 'end' : 'start';
          tx = u.x + (where === 'left' ? -1 : 1) * (r + 4);
          ty = u.y - (ls.length - 1) * fs * 0.6 + fs * 0.35;
        } else {
          anchor = 'middle';
          tx = u.x;
          ty = where === 'above' ? u.y - r - 5 - (ls.length - 1) * fs * 1.15 : u.y + r + 4 + fs * 0.95;
        }
      }
      const text = sv('text', { class: 'label', x: r2(tx), y: r2(ty), 'text-anchor': anchor, 'font-size': fs, 'aria-hidden': 'true' });
      ls.forEach((line, j) => text.appendChild(sv('tspan', { x: r2(tx), dy: j ? r2(fs * 1.15) : 0 }, line)));
      g.appendChild(text);
      const show = (ev) => showTip(unitDetails(b, i, bridged), eventPos(ev) || { rect: g.getBoundingClientRect() }, g);
      g.addEventListener('mousemove', show);
      g.addEventListener('focus', show);
      g.addEventListener('mouseleave', () => hideTip(g));
      g.addEventListener('blur', () => hideTip(g));
      g.addEventListener('click', (ev) => { ev.stopPropagation(); hideTip(); selectUnit(S.selected === i ? -1 : i); });
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); selectUnit(S.selected === i ? -1 : i); }
      });
      gUnits.appendChild(g);
      this.unitEls.push(g);
    });
    nodes.appendChild(gUnits);
    if (this.legendSlot) emphasisLegend(this.legendSlot, this.weakDrawn, ring, units);
    this.setViewBox();
    // Zoom (wheel, buttons, + - 0 keys) and pan (drag on the background).
    const zoomAt = (f, cx, cy) => {
      const nw = clamp(this.vb.w / f, this.base.w / 12, this.base.w * 1.5);
      const g = nw / this.vb.w;
      this.vb.x = cx - (cx - this.vb.x) * g;
      this.vb.y = cy - (cy - this.vb.y) * g;
      this.vb.w = nw;
      this.vb.h = this.vb.h * g;
      this.setViewBox();
    };
    this.zoomAt = zoomAt;
    box.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const p = self.toUser(ev.clientX, ev.clientY);
      zoomAt(Math.exp(-ev.deltaY * 0.0015), p.x, p.y);
    }, { passive: false });
    let drag = null;
    lines.addEventListener('pointerdown', (ev) => {
      if (ev.target !== bg && ev.target !== lines) return;
      drag = { x: ev.clientX, y: ev.clientY, vx: this.vb.x, vy: this.vb.y, moved: false, scale: lines.getScreenCTM().a };
      lines.setPointerCapture(ev.pointerId);
    });
    lines.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      this.vb.x = drag.vx - dx / drag.scale;
      this.vb.y = drag.vy - dy / drag.scale;
      this.setViewBox();
    });
    lines.addEventListener('pointerup', (ev) => {
      if (drag && !drag.moved && (ev.target === bg || ev.target === lines) && S.selected >= 0) selectUnit(-1);
      drag = null;
    });
    box.addEventListener('keydown', (ev) => {
      const c = { x: this.vb.x + this.vb.w / 2, y: this.vb.y + this.vb.h / 2 };
      if (ev.key === '+' || ev.key === '=') { zoomAt(1.25, c.x, c.y); ev.preventDefault(); }
      else if (ev.key === '-') { zoomAt(0.8, c.x, c.y); ev.preventDefault(); }
      else if (ev.key === '0') { this.reset(); ev.preventDefault(); }
    });
  };
  MapView.prototype.toUser = function (cx, cy) {
    const svg = this.svgs[1];
    const pt = svg.createSVGPoint();
    pt.x = cx; pt.y = cy;
    const m = svg.getScreenCTM();
    return m ? pt.matrixTransform(m.inverse()) : { x: this.vb.x + this.vb.w / 2, y: this.vb.y + this.vb.h / 2 };
  };
  MapView.prototype.setViewBox = function () {
    const v = this.vb;
    for (const s of this.svgs) s.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map(r2).join(' '));
  };
  MapView.prototype.reset = function () { this.vb = Object.assign({}, this.base); this.setViewBox(); };
  MapView.prototype.zoom = function (f) { this.zoomAt(f, this.vb.x + this.vb.w / 2, this.vb.y + this.vb.h / 2); };
  // Applies sides, tie filter, selection and highlight: a tie is shown when
  // both its units are shown and it passes the filter (and touches the
  // selected unit, if any); its style is full, medium, routine or faded.
  MapView.prototype.apply = function () {
    const b = this.b, U = b.units, ties = this.ties;
    const gap = this.mode === 'rc' && S.filter === 'gap';
    const unitShown = U.map((u) => !u.absent && !S.hiddenSides.has(u.side) && (!gap || onGapSide(u.side)));
    const hl = S.highlight;
    const sel = S.selected;
    const touched = new Set();
    for (let i = 0; i < ties.length; i++) {
      const t = ties[i], el = this.tieEls[i], hit = this.hitEls[i];
      if (!el) continue;
      let show = unitShown[t.s] && unitShown[t.t];
      let style = 'full';
      if (this.mode === 'rc') {
        if (S.filter === 'weak') show = show && t.rc < TH.weak_below;
        else if (S.filter === 'borderline') show = show && t.certainty === 'borderline';
        else if (S.filter === 'cross') show = show && t.cross_side;
        else if (S.filter === 'gap') style = isGapPair(U[t.s].side, U[t.t].side) && (t.rc < TH.weak_below || t.one_sided) ? 'full' : 'faded';
        else style = t.emphasis === 2 ? 'full' : t.emphasis === 1 ? 'medium' : 'routine';
      } else {
        style = t.credible ? 'full' : 'faded';
      }
      if (sel >= 0) { show = show && (t.s === sel || t.t === sel); if (show) style = 'full'; }
      if (hl && show) style = hl.ties.has(t.s * b.N + t.t) ? 'full' : 'ghost';
      el.style.display = show ? '' : 'none';
      hit.style.display = show ? '' : 'none';
      if (this.caseEls[i]) this.caseEls[i].style.display = show && style === 'full' ? '' : 'none';
      el.setAttribute('class', 'tie ' + style);
      el.setAttribute('stroke-width', r2(style === 'full' ? el._full : style === 'medium' ? el._full * 0.6 : 0.6));
      if (show) { touched.add(t.s); touched.add(t.t); }
    }
    for (const d of this.dotEls) {
      const show = gap && unitShown[d.s] && unitShown[d.t] && (sel < 0 || d.s === sel || d.t === sel);
      d.el.style.display = show ? '' : 'none';
    }
    U.forEach((u, i) => {
      const g = this.unitEls[i];
      g.style.display = unitShown[i] ? '' : 'none';
      let cls = 'unit';
      if (sel >= 0) cls += i === sel ? ' selected' : touched.has(i) ? '' : ' dim';
      if (hl) cls += hl.units.has(i) ? ' marked' : ' dim';
      g.setAttribute('class', cls);
      g.setAttribute('aria-pressed', i === sel ? 'true' : 'false');
    });
  };

  function changeDetails(b, t) {
    const U = b.units;
    const dirWord = t.direction === 'improved' ? w('improved') : t.direction === 'worse' ? w('worse') : w('no_change');
    const c = deltaColour(t.delta);
    return h('div', null,
      h('div', { class: 'tip-title' }, w('tie_title', U[t.s].label, U[t.t].label)),
      h('div', { class: 'tip-main' }, h('span', { class: 'chip', style: 'background:' + c + ';color:' + textOn(c) }, w('change_value', signed(t.delta, 2))), ' ', h('b', null, dirWord)),
      isNum(t.ci_low) ? h('div', null, w('interval', signed(t.ci_low, 2), signed(t.ci_high, 2))) : null,
      isNum(t.q) ? h('div', null, w('q_value', fmt(t.q, 3))) : null,
      h('div', null, w('wave_value', waveLabel(0), frc(t.rc_before), fint(t.n_before))),
      h('div', null, w('wave_value', waveLabel(switchable.length - 1), frc(t.rc_after), fint(t.n_after))));
  }
  function waveLabel(k) { return switchable[k] ? switchable[k].label : ''; }

  // ------------------------------------------------------------------ layout
  const app = document.getElementById('app');
  const views = [];
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': w('views') });
  const main = h('main', { id: 'main', class: 'main' });
  const panel = h('aside', { id: 'panel', class: 'panel', 'aria-live': 'polite' });
  const viewsBox = h('div', { class: 'views' });
  main.appendChild(viewsBox);
  main.appendChild(panel);

  function addView(id, label, build) {
    const sec = h('section', { id: 'v-' + id, class: 'view', role: 'tabpanel', 'aria-labelledby': 'tab-' + id, hidden: true });
    const tab = h('button', { id: 'tab-' + id, class: 'tab', role: 'tab', type: 'button', 'aria-selected': 'false', 'aria-controls': 'v-' + id, 'data-view': id }, label);
    tab.addEventListener('click', () => showView(id));
    tab.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
      const k = views.findIndex((v) => v.id === id);
      const n = views[(k + (ev.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length];
      showView(n.id);
      n.tab.focus();
    });
    tabs.appendChild(tab);
    viewsBox.appendChild(sec);
    const v = { id: id, sec: sec, tab: tab, build: build };
    views.push(v);
    return v;
  }
  function showView(id) {
    S.view = id;
    for (const v of views) {
      const on = v.id === id;
      v.sec.hidden = !on;
      v.tab.setAttribute('aria-selected', on ? 'true' : 'false');
      v.tab.tabIndex = on ? 0 : -1;
    }
    main.classList.toggle('with-panel', id === 'map' || id === 'matrix' || id === 'network');
    hideTip();
    renderPanel();
  }

  // Header: title, subtitle, wave or site switch, print.
  function header() {
    const right = h('div', { class: 'head-tools' });
    if (switchable.length) {
      const label = kind === 'compare' ? w('wave') : w('site');
      if (switchable.length <= 6) {
        const grp = h('div', { class: 'seg', role: 'radiogroup', 'aria-label': label });
        switchable.forEach((x, k) => {
          const bt = h('button', { type: 'button', role: 'radio', class: 'seg-btn', 'aria-checked': k === S.cur ? 'true' : 'false', 'data-k': k }, x.label);
          bt.addEventListener('click', () => switchTo(k));
          grp.appendChild(bt);
        });
        right.appendChild(h('span', { class: 'seg-label' }, label));
        right.appendChild(grp);
      } else {
        const sel = h('select', { class: 'switch', 'aria-label': label });
        switchable.forEach((x, k) => sel.appendChild(h('option', { value: k, selected: k === S.cur }, x.label)));
        sel.addEventListener('change', () => switchTo(Number(sel.value)));
        right.appendChild(h('label', { class: 'seg-label' }, label, ' ', sel));
      }
    }
    right.appendChild(h('button', { type: 'button', class: 'btn ghost', onclick: () => window.print() }, w('print')));
    return h('header', { class: 'top' },
      h('div', { class: 'titles' }, h('h1', null, D.title || ''), D.subtitle ? h('p', { class: 'sub' }, D.subtitle) : null),
      right);
  }
  function switchTo(k) {
    S.cur = k;
    S.selected = -1;
    S.highlight = null;
    document.querySelectorAll('.seg-btn').forEach((b) => b.setAttribute('aria-checked', Number(b.dataset.k) === k ? 'true' : 'false'));
    renderBlock();
    renderPanel();
  }

  // ------------------------------------------------------------------ findings
  // A headline figure; `extra`: a line of small print, or a list of lines.
  function kpi(label, value, extra, key) {
    const lines = Array.isArray(extra) ? extra.filter((x) => x) : extra ? [extra] : [];
    return h('div', { class: 'kpi', 'data-kpi': key }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-label' }, label),
      lines.map((x) => h('div', { class: 'kpi-extra' }, x)));
  }
  function findingCard(b, f, target) {
    const units = (f.units || []).map((id) => b.unitIndex.get(id)).filter((i) => i !== undefined);
    const ties = (f.ties || []).map((p) => [b.unitIndex.get(p[0]), b.unitIndex.get(p[1])]).filter((p) => p[0] !== undefined && p[1] !== undefined);
    const canShow = units.length || ties.length || (f.sides && f.sides.length);
    return h('li', { class: 'finding f-' + (f.kind || 'note') },
      h('div', { class: 'finding-text' }, h('p', null, f.text),
      f.items && f.items.length ? h('ul', { class: 'finding-items' }, f.items.map((x) => h('li', null, x))) : null),
      canShow ? h('button', {
        type: 'button', class: 'btn link',
        onclick: () => showHighlight(b, f, units, ties, target)
      }, w('show_on_map'), ' \u2192') : null);
  }
  function showHighlight(b, f, units, ties, target) {
    const us = new Set(units);
    const ts = new Set();
    for (const p of ties) { ts.add(p[0] * b.N + p[1]); us.add(p[0]); us.add(p[1]); }
    if (f.sides && f.sides.length && !units.length && !ties.length) {
      b.units.forEach((u, i) => { if (f.sides.indexOf(u.side) >= 0) us.add(i); });
      for (const t of b.ties) if (us.has(t.s) && us.has(t.t) && isGapPair(b.units[t.s].side, b.units[t.t].side)) ts.add(t.s * b.N + t.t);
    }
    S.highlight = { units: us, ties: ts, text: f.text };
    S.selected = -1;
    const v = target || 'map';
    showView(v);
    refreshMaps();
    const banner = document.querySelector('#v-' + v + ' .banner');
    if (banner) banner.focus();
  }

  function buildFindings(sec, b) {
    clear(sec);
    const o = b.overall || {};
    const wrap = h('div', { class: 'findings' });
    const kpis = h('div', { class: 'kpis' });
    if (isNum(o.rc)) kpis.appendChild(kpi(w('overall_rc'), chip(o.rc, frc(o.rc)), w('n_ratings', fint(o.n))));
    if (isNum(o.respondents)) kpis.appendChild(kpi(w('respondents'), fint(o.respondents), isNum(o.response_rate) ? w('response_rate_value', fpct(o.response_rate)) : null));
    kpis.appendChild(kpi(w('units'), fint(b.units.length), w('sides_count', fint(new Set(b.units.map((u) => u.side)).size))));
    // Ties between units (the map's and summary.json's network.ties), then
    // with the ties within units the totals of the run's closing summary
    // (summary.json counts.ties minus counts.ties_suppressed, and the latter).
    const withinShown = b.units.filter((u) => u.within && !u.within.hidden).length;
    const withinHidden = b.units.filter((u) => u.within && u.within.hidden).length;
    kpis.appendChild(kpi(w('ties_between_shown'), fint(b.ties.length), [w('ties_hidden_count', fint(b.hidden.length), TH.min_n),
      withinShown + withinHidden ? w('ties_with_within', fint(b.ties.length + withinShown), fint(b.hidden.length + withinHidden)) : null], 'ties'));
    const cross = b.ties.filter((t) => isGapPair(b.units[t.s].side, b.units[t.t].side));
    if (GAP.length === 2 && cross.length) {
      const weak = cross.filter((t) => t.rc < TH.weak_below).length;
      kpis.appendChild(kpi(w('weak_between', sideLabel(GAP[0]), sideLabel(GAP[1])), fint(weak) + ' / ' + fint(cross.length), w('weak_below', frc(TH.weak_below))));
    }
    wrap.appendChild(kpis);
    const fl = (kind === 'compare' ? [] : b.findings || []);
    if (kind === 'compare' && D.findings) {
      wrap.appendChild(h('h2', null, w('change_findings_title', waveLabel(0), waveLabel(switchable.length - 1))));
      wrap.appendChild(h('ul', { class: 'finding-list' }, D.findings.map((f) => findingCard(prepare(switchable[switchable.length - 1].block), f, 'change'))));
    }
    if (fl.length) {
      wrap.appendChild(h('h2', null, w('findings_title')));
      wrap.appendChild(h('ul', { class: 'finding-list' }, fl.map((f) => findingCard(b, f, 'map'))));
    }
    const grid = h('div', { class: 'cols' });
    if (b.gaps && b.gaps.length) grid.appendChild(gapsCard(b));
    if (b.profile && b.profile.groups) grid.appendChild(profileCard(b));
    if (b.bridges && b.bridges.length) grid.appendChild(bridgesCard(b));
    const dia = b.dialogue || D.dialogue;
    if (dia && dia.length) grid.appendChild(dialogueCard(dia));
    wrap.appendChild(grid);
    sec.appendChild(wrap);
  }

  function gapsCard(b) {
    const U = b.units;
    const LIMIT = 12;
    const card = h('section', { class: 'card wide' }, h('h3', null, w('gaps_title')), h('p', { class: 'note' }, w('gaps_note', sideLabel(GAP[0] || ''), sideLabel(GAP[1] || ''))));
    const tb = h('table', { class: 'data gaps' });
    tb.appendChild(h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, w('from')), h('th', { scope: 'col' }, w('to')), h('th', { scope: 'col' }, w('kind')),
      h('th', { scope: 'col', class: 'num' }, w('rc')), h('th', { scope: 'col', class: 'num' }, w('n')), h('th', { scope: 'col' }, w('certainty_label')))));
    const body = h('tbody');
    b.gaps.forEach((g, k) => {
      const tr = h('tr', { class: 'gap-' + g.kind + (k >= LIMIT ? ' extra' : ''), tabindex: 0 },
        h('td', null, sideDot(U[g.s].side), ' ', U[g.s].label), h('td', null, sideDot(U[g.t].side), ' ', U[g.t].label),
        h('td', null, h('span', { class: 'kind kind-' + g.kind }, w('gap_' + g.kind.replace('-', '_')))),
        h('td', { class: 'num' }, isNum(g.rc) ? chip(g.rc) : w('na')),
        h('td', { class: 'num' }, isNum(g.n) ? fint(g.n) : w('na')),
        h('td', null, g.certainty ? w('certainty_' + g.certainty) : ''));
      const go = () => showHighlight(b, { text: w('tie_title', U[g.s].label, U[g.t].label) }, [], [[g.s, g.t]], 'map');
      tr.addEventListener('click', go);
      tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') go(); });
      tr.title = w('show_on_map');
      body.appendChild(tr);
    });
    tb.appendChild(body);
    card.appendChild(h('div', { class: 'scroll' }, tb));
    if (b.gaps.length > LIMIT) {
      const more = h('button', { type: 'button', class: 'btn link', 'aria-expanded': 'false' }, w('show_all', fint(b.gaps.length)));
      more.addEventListener('click', () => {
        const open = tb.classList.toggle('open');
        more.setAttribute('aria-expanded', open ? 'true' : 'false');
        more.textContent = open ? w('show_fewer') : w('show_all', fint(b.gaps.length));
      });
      card.appendChild(more);
    }
    return card;
  }

  // Bridges: a weak pair A->C and a unit B that works well with both (A->B
  // and B->C shown and not weak), best first.
  function bridgesCard(b) {
    const U = b.units;
    const card = h('section', { class: 'card' }, h('h3', null, w('bridges_title')), h('p', { class: 'note' }, w('bridges_note')));
    const ol = h('ol', { class: 'bridges' });
    for (const x of b.bridges) {
      const li = h('li', { tabindex: 0 },
        h('div', { class: 'pair' }, h('span', null, sideDot(U[x.s].side), U[x.s].label, ' \u2192 ', sideDot(U[x.t].side), U[x.t].label), isNum(x.rc) ? chip(x.rc) : null),
        h('div', { class: 'via' }, h('span', null, w('bridge_via', ''), sideDot(U[x.bridge].side), U[x.bridge].label),
          h('span', null, isNum(x.rc_in) ? chip(x.rc_in) : null, ' ', isNum(x.rc_out) ? chip(x.rc_out) : null)));
      const go = () => showHighlight(b, { text: w('bridge_via', U[x.bridge].label) + ': ' + w('tie_title', U[x.s].label, U[x.t].label) }, [x.bridge], [[x.s, x.t], [x.s, x.bridge], [x.bridge, x.t]], 'map');
      li.addEventListener('click', go);
      li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') go(); });
      ol.appendChild(li);
    }
    card.appendChild(ol);
    return card;
  }

  // Dimension profile: per dimension one horizontal bar per group, RC axis 1-5,
  // threshold lines dashed (as the profile figure, turned sideways).
  function profileCard(b) {
    const G = b.profile.groups;
    const card = h('section', { class: 'card' }, h('h3', null, w('profile_title')), h('p', { class: 'note' }, w('profile_note')));
    const lw = 200, pw = 250, bh = 8, gap = 12, W0 = lw + pw + 30;
    const rowH = G.length * (bh + 1) + gap;
    const H = DIMS.length * rowH + 26;
    const xOf = (v) => lw + (clamp(v, 1, 5) - 1) / 4 * pw;
    const svg = sv('svg', { class: 'profile', viewBox: '0 0 ' + W0 + ' ' + H, role: 'img', 'aria-label': w('profile_title') });
    for (let v = 1; v <= 5; v++) {
      svg.appendChild(sv('line', { x1: xOf(v), x2: xOf(v), y1: 0, y2: H - 18, class: 'grid' }));
      svg.appendChild(sv('text', { x: xOf(v), y: H - 6, 'text-anchor': 'middle', class: 'axis' }, fint(v)));
    }
    DIMS.forEach((d, k) => {
      const y0 = k * rowH + 4;
      svg.appendChild(sv('text', { x: lw - 8, y: y0 + rowH / 2 - 3, 'text-anchor': 'end', class: 'dimlabel' }, d.label));
      G.forEach((g, gi) => {
        const v = g.means ? g.means[k] : null;
        if (!isNum(v)) return;
        const y = y0 + gi * (bh + 1);
        const rect = sv('rect', { x: lw, y: y, width: r2(xOf(v) - lw), height: bh, fill: g.colour || '#888', stroke: g.border || g.colour || '#888', 'stroke-width': 0.6 });
        rect.appendChild(sv('title', null, g.label + ', ' + d.label + ': ' + frc(v)));
        svg.appendChild(rect);
        svg.appendChild(sv('text', { x: xOf(v) + 3, y: y + bh - 0.8, class: 'val' }, fmt(v, 1)));
      });
    });
    [['weak', TH.weak_below], ['strong', TH.strong_from]].forEach((p) => {
      svg.appendChild(sv('line', { x1: xOf(p[1]), x2: xOf(p[1]), y1: 0, y2: H - 18, class: 'th th-' + p[0], stroke: rcColour(p[0] === 'weak' ? TH.weak_below - 0.6 : 4.9) }));
    });
    card.appendChild(svg);
    card.appendChild(h('ul', { class: 'legend-list' }, G.map((g) => h('li', null,
      h('span', { class: 'swatch', style: 'background:' + (g.colour || '#888') + ';border-color:' + (g.border || g.colour || '#888') }),
      g.label, ' ', h('span', { class: 'muted' }, isNum(g.n) && g.n > 0 ? '(' + w('n_short', fint(g.n)) + ')' : '(' + w('no_data') + ')')))));
    return card;
  }

  function dialogueCard(dia) {
    const card = h('section', { class: 'card' }, h('h3', null, w('dialogue_title')), h('p', { class: 'note' }, w('dialogue_note')));
    const S2 = S.block;
    for (const d of dia) {
      const dim = DIMS.find((x) => x.key === d.dimension);
      card.appendChild(h('h4', null, dim ? dim.label : d.dimension));
      if (d.units && d.units.length === 2 && S2) {
        const a = S2.unitIndex.get(d.units[0]), c = S2.unitIndex.get(d.units[1]);
        if (a !== undefined && c !== undefined) card.appendChild(h('p', { class: 'note' }, w('dialogue_intro', S2.units[a].label, S2.units[c].label)));
      }
      card.appendChild(h('ul', { class: 'questions' }, (d.questions || []).map((q) => h('li', null, q))));
    }
    return card;
  }

  // ------------------------------------------------------------------ map view
  const maps = {};
  function mapToolbar(v) {
    const bar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': w('filters') });
    const sides = h('fieldset', { class: 'group' }, h('legend', null, w('sides')));
    for (const s of SIDES) {
      const cb = h('input', { type: 'checkbox', checked: !S.hiddenSides.has(s.id), 'data-side': s.id });
      cb.addEventListener('change', () => {
        if (cb.checked) S.hiddenSides.delete(s.id); else S.hiddenSides.add(s.id);
        syncControls();
        refreshMaps();
      });
      sides.appendChild(h('label', { class: 'check' }, cb, sideDot(s.id), s.label));
    }
    bar.appendChild(sides);
    if (v === 'map') {
      const f = h('fieldset', { class: 'group' }, h('legend', null, w('ties')));
      const opts = [['all', w('filter_all')], ['weak', w('filter_weak')], ['borderline', w('filter_borderline')], ['cross', w('filter_cross')]];
      if (GAP.length === 2) opts.push(['gap', w('filter_gap', sideLabel(GAP[0]), sideLabel(GAP[1]))]);
      for (const o of opts) {
        const rb = h('input', { type: 'radio', name: 'tiefilter', value: o[0], checked: S.filter === o[0] });
        rb.addEventListener('change', () => { if (rb.checked) { S.filter = o[0]; refreshMaps(); } });
        f.appendChild(h('label', { class: 'radio' }, rb, o[1]));
      }
      bar.appendChild(f);
    }
    const z = h('div', { class: 'zoom' },
      h('button', { type: 'button', class: 'btn icon', 'aria-label': w('zoom_in'), title: w('zoom_in'), onclick: () => maps[v].zoom(1.3) }, '+'),
      h('button', { type: 'button', class: 'btn icon', 'aria-label': w('zoom_out'), title: w('zoom_out'), onclick: () => maps[v].zoom(1 / 1.3) }, '\u2212'),
      h('button', { type: 'button', class: 'btn', onclick: () => maps[v].reset() }, w('zoom_reset')));
    bar.appendChild(z);
    return bar;
  }
  function syncControls() {
    document.querySelectorAll('input[data-side]').forEach((cb) => { cb.checked = !S.hiddenSides.has(cb.dataset.side); });
  }
  function banner(v) {
    const el = h('div', { class: 'banner', tabindex: -1, hidden: true });
    el._v = v;
    return el;
  }
  function syncBanners() {
    document.querySelectorAll('.banner').forEach((el) => {
      clear(el);
      const parts = [];
      if (S.highlight) parts.push(h('span', null, w('highlighted', S.highlight.text)));
      if (S.selected >= 0 && S.block) parts.push(h('span', null, w('showing_unit', S.block.units[S.selected].label)));
      el.hidden = !parts.length;
      if (!parts.length) return;
      put(el, null, [parts, h('button', { type: 'button', class: 'btn', onclick: () => { S.highlight = null; selectUnit(-1); } }, w('show_all_ties'))]);
    });
  }
  function rcLegend() {
    const lo = 2, hi = 5, Wd = 240;
    const svg = sv('svg', { class: 'scale', viewBox: '0 0 ' + (Wd + 20) + ' 40', role: 'img', 'aria-label': w('legend_rc') });
    const xOf = (v) => 10 + (v - lo) / (hi - lo) * Wd;
    for (let i = 0; i < 60; i++) {
      const v = lo + (hi - lo) * (i + 0.5) / 60;
      svg.appendChild(sv('rect', { x: r2(xOf(lo + (hi - lo) * i / 60)), y: 2, width: r2(Wd / 60 + 0.4), height: 10, fill: rcColour(v) }));
    }
    svg.appendChild(sv('rect', { x: 10, y: 2, width: Wd, height: 10, fill: 'none', stroke: '#555', 'stroke-width': 0.5 }));
    for (let v = lo; v <= hi; v++) svg.appendChild(sv('text', { x: xOf(v), y: 22, 'text-anchor': 'middle', class: 'tick' }, fint(v)));
    for (const th of [TH.weak_below, TH.strong_from]) svg.appendChild(sv('line', { x1: xOf(th), x2: xOf(th), y1: 0, y2: 14, stroke: '#000', 'stroke-width': 1.2 }));
    const cls = [[w('strength_weak') + ' < ' + fmt(TH.weak_below, 1), lo, TH.weak_below], [w('strength_moderate'), TH.weak_below, TH.strong_from], [w('strength_strong') + ' \u2265 ' + fmt(TH.strong_from, 1), TH.strong_from, hi]];
    for (const c of cls) svg.appendChild(sv('text', { x: r2((xOf(c[1]) + xOf(c[2])) / 2), y: 34, 'text-anchor': 'middle', class: 'cls' }, c[0]));
    return svg;
  }
  function deltaLegend() {
    const Wd = 240, lim = DLP.limit;
    const svg = sv('svg', { class: 'scale', viewBox: '0 0 ' + (Wd + 20) + ' 40', role: 'img', 'aria-label': w('legend_change') });
    const xOf = (v) => 10 + (v + lim) / (2 * lim) * Wd;
    for (let i = 0; i < 60; i++) {
      const v = -lim + 2 * lim * (i + 0.5) / 60;
      svg.appendChild(sv('rect', { x: r2(xOf(-lim + 2 * lim * i / 60)), y: 2, width: r2(Wd / 60 + 0.4), height: 10, fill: deltaColour(v) }));
    }
    svg.appendChild(sv('rect', { x: 10, y: 2, width: Wd, height: 10, fill: 'none', stroke: '#555', 'stroke-width': 0.5 }));
    for (const v of [-lim, 0, lim]) svg.appendChild(sv('text', { x: xOf(v), y: 22, 'text-anchor': 'middle', class: 'tick' }, signed(v, 1)));
    svg.appendChild(sv('text', { x: xOf(-lim / 2), y: 34, 'text-anchor': 'middle', class: 'cls' }, w('worse_axis')));
    svg.appendChild(sv('text', { x: xOf(lim / 2), y: 34, 'text-anchor': 'middle', class: 'cls' }, w('better_axis')));
    return svg;
  }
  // Under the RC scale, as map.png's legend: one line sample per weak-tie
  // class drawn, and the ring with the bridged pairs of each ringed unit.
  function emphasisLegend(slot, drawn, ring, units) {
    clear(slot);
    const items = [];
    const sample = (cls, colour, dashed) => sv('svg', { class: 'key-sample ' + cls, viewBox: '0 0 22 10', width: 22, height: 10, 'aria-hidden': 'true' },
      sv('line', { x1: 1, y1: 5, x2: 21, y2: 5, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dashed ? WEAK.dash.join(' ') : null }));
    if (drawn.clear) items.push(h('li', { class: 'key-clear' }, sample('clear', WEAK.clear, false), w('map_clearly_weak', fmt(TH.weak_below, 1))));
    if (drawn.borderline) items.push(h('li', { class: 'key-borderline' }, sample('borderline', WEAK.borderline, true), w('map_borderline_weak', fmt(TH.weak_below, 1))));
    const byId = new Map(units.map((u) => [u.id, u]));
    const named = (ring.units || []).filter((x) => byId.has(x.unit)).map((x) => byId.get(x.unit).label + ' (' + fint(x.pairs) + ')');
    if (named.length) {
      const list = named.length > 1 ? w('list_and', named.slice(0, -1).join(', '), named[named.length - 1]) : named[0];
      items.push(h('li', { class: 'key-bridges' },
        sv('svg', { class: 'key-sample ring', viewBox: '0 0 22 10', width: 22, height: 10, 'aria-hidden': 'true' },
          sv('circle', { cx: 11, cy: 5, r: 3.6, fill: 'none', stroke: RING.colour, 'stroke-width': RING.width })),
        w('map_bridges', fint(ring.gap_pairs), list)));
    }
    slot.hidden = !items.length;
    if (items.length) slot.appendChild(h('ul', { class: 'legend-keys' }, items));
  }
  function mapLegend(mode) {
    const sides = h('div', { class: 'legend-block' }, h('div', { class: 'legend-title' }, w('sides')),
      h('ul', { class: 'legend-list' }, SIDES.map((s) => h('li', null, sideDot(s.id), s.label))));
    const scale = h('div', { class: 'legend-block' }, h('div', { class: 'legend-title' }, mode === 'change' ? w('legend_change') : w('legend_rc')), mode === 'change' ? deltaLegend() : rcLegend(),
      mode === 'change' ? null : h('div', { class: 'legend-emphasis', hidden: true }));
    const notes = mode === 'change'
      ? [w('change_note'), w('hidden_note', TH.min_n)]
      : [w('node_area'), w('line_width'), w('routine_note'), w('gap_dotted_note'), w('hidden_note', TH.min_n)];
    return h('div', { class: 'legend' }, sides, scale, h('ul', { class: 'legend-notes' }, notes.map((x) => h('li', null, x))));
  }
  function buildMapView(sec, v) {
    clear(sec);
    const root = h('div', { class: 'mapwrap' });
    sec.appendChild(h('h2', { class: 'print-only' }, v === 'change' ? w('tab_change') : w('tab_map')));
    sec.appendChild(mapToolbar(v));
    sec.appendChild(banner(v));
    sec.appendChild(h('p', { class: 'hint' }, w(v === 'change' ? 'change_hint' : 'map_hint')));
    sec.appendChild(root);
    sec.appendChild(mapLegend(v === 'change' ? 'change' : 'rc'));
    maps[v] = new MapView(root, v === 'change' ? 'change' : 'rc');
    maps[v].legendSlot = sec.querySelector('.legend-emphasis');
  }
  function refreshMaps() {
    for (const k of Object.keys(maps)) if (maps[k].b) maps[k].apply();
    if (matrixState.table) applyMatrixMarks();
    syncBanners();
  }
  function selectUnit(i) {
    S.selected = i;
    if (i >= 0) S.highlight = null;
    refreshMaps();
    renderPanel();
  }

  // ------------------------------------------------------------------ panel
  function tieRow(b, t, other, dir) {
    const U = b.units;
    const li = h('li', { class: 'tie-row', tabindex: 0 },
      h('span', { class: 'tie-who' }, sideDot(U[other].side), ' ', U[other].label),
      chip(t.rc), h('span', { class: 'muted' }, w('n_short', fint(t.n))));
    const mv = maps[S.view === 'change' ? 'change' : 'map'];
    const on = () => {
      if (mv && mv.tieEls && mv.tieEls[t.i]) mv.tieEls[t.i].classList.add('hover');
      showTip(tieDetails(b, t), { rect: li.getBoundingClientRect() }, li);
    };
    const off = () => {
      if (mv && mv.tieEls && mv.tieEls[t.i]) mv.tieEls[t.i].classList.remove('hover');
      hideTip(li);
    };
    li.addEventListener('mouseenter', on);
    li.addEventListener('focus', on);
    li.addEventListener('mouseleave', off);
    li.addEventListener('blur', off);
    li.setAttribute('aria-label', (dir === 'out' ? w('tie_title', U[t.s].label, U[t.t].label) : w('tie_title', U[t.s].label, U[t.t].label)) + ': ' + w('rc_value', frc(t.rc)) + ', ' + w('n_short', fint(t.n)));
    return li;
  }
  function renderPanel() {
    clear(panel);
    if (kind === 'network') { renderNetworkPanel(); return; }
    const b = S.block;
    if (!b) return;
    if (S.selected < 0) {
      panel.appendChild(h('div', { class: 'panel-empty' }, h('h2', null, w('panel_title')), h('p', null, w('panel_hint'))));
      const list = h('ul', { class: 'unit-list' });
      b.units.forEach((u, i) => list.appendChild(h('li', null, h('button', { type: 'button', class: 'btn link', onclick: () => selectUnit(i) }, sideDot(u.side), ' ', u.label))));
      panel.appendChild(list);
      return;
    }
    const i = S.selected, u = b.units[i];
    panel.appendChild(h('h2', { class: 'ego-title' }, u.label));
    panel.appendChild(h('p', { class: 'ego-side' }, sideDot(u.side), ' ', sideLabel(u.side)));
    const dl = h('dl', { class: 'facts' });
    const fact = (k, v) => { dl.appendChild(h('dt', null, k)); dl.appendChild(h('dd', null, v)); };
    fact(w('respondents'), fint(u.respondents) + (isNum(u.headcount) ? ' / ' + fint(u.headcount) : ''));
    fact(w('response_rate'), isNum(u.response_rate) ? fpct(u.response_rate) : w('na'));
    fact(w('rc_given'), isNum(u.rc_given) ? chip(u.rc_given) : w('na'));
    fact(w('rc_received'), isNum(u.rc_received) ? chip(u.rc_received) : w('na'));
    fact(w('rc_within'), u.within && !u.within.hidden ? [chip(u.within.rc), ' ', w('n_short', fint(u.within.n)), u.within.certainty ? ' · ' + w('certainty_' + u.within.certainty) : ''] : withinText(u));
    panel.appendChild(dl);
    if (isNum(u.respondents) && u.respondents < TH.min_n) panel.appendChild(h('p', { class: 'note' }, w('unit_below_min_n', TH.min_n)));
    const byRc = (a, c) => a.rc - c.rc;
    const section = (title, list, dir) => {
      panel.appendChild(h('h3', null, title));
      const hidden = [];
      for (let j = 0; j < b.N; j++) {
        if (j === i) continue;
        if (dir === 'out' ? isHidden(b, i, j) : isHidden(b, j, i)) hidden.push(j);
      }
      if (!list.length && !hidden.length) { panel.appendChild(h('p', { class: 'muted' }, w('no_ties'))); return; }
      const ul = h('ul', { class: 'tie-list' });
      list.slice().sort(byRc).forEach((t) => ul.appendChild(tieRow(b, t, dir === 'out' ? t.t : t.s, dir)));
      for (const j of hidden) {
        ul.appendChild(h('li', { class: 'tie-row hidden-pair' }, h('span', { class: 'tie-who' }, sideDot(b.units[j].side), ' ', b.units[j].label), h('span', { class: 'muted' }, w('hidden_pair', TH.min_n))));
      }
      panel.appendChild(ul);
    };
    section(w('ties_out', u.label), b.out[i], 'out');
    section(w('ties_in', u.label), b.inn[i], 'in');
    panel.appendChild(h('button', { type: 'button', class: 'btn', onclick: () => selectUnit(-1) }, w('show_all_ties')));
  }

  // ------------------------------------------------------------------ matrix
  const matrixState = { table: null, order: null, cells: null };
  function matrixOrder(b) {
    const idx = b.units.map((u, i) => i);
    if (S.sort === 'given' || S.sort === 'received') {
      const key = S.sort === 'given' ? 'rc_given' : 'rc_received';
      const val = (i) => (isNum(b.units[i][key]) ? b.units[i][key] : -Infinity);
      idx.sort((a, c) => val(c) - val(a) || a - c);
    } else {
      idx.sort((a, c) => (SIDE.has(b.units[a].side) ? SIDE.get(b.units[a].side).rank : 99) - (SIDE.has(b.units[c].side) ? SIDE.get(b.units[c].side).rank : 99) || a - c);
    }
    return idx;
  }
  function buildMatrix(sec, b) {
    clear(sec);
    sec.appendChild(h('h2', { class: 'print-only' }, w('tab_matrix')));
    const bar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': w('filters') });
    const f = h('fieldset', { class: 'group' }, h('legend', null, w('sort_label')));
    for (const o of [['side', w('sort_side')], ['given', w('sort_given')], ['received', w('sort_received')]]) {
      const rb = h('input', { type: 'radio', name: 'msort', value: o[0], checked: S.sort === o[0] });
      rb.addEventListener('change', () => { if (rb.checked) { S.sort = o[0]; buildMatrix(sec, b); sec.querySelector('input[value="' + o[0] + '"]').focus(); } });
      f.appendChild(h('label', { class: 'radio' }, rb, o[1]));
    }
    bar.appendChild(f);
    sec.appendChild(bar);
    sec.appendChild(h('p', { class: 'hint' }, w('matrix_hint')));
    const order = matrixOrder(b);
    const U = b.units;
    const table = h('table', { class: 'matrix', role: 'grid', 'aria-label': w('matrix_title') });
    const head = h('tr', null, h('th', { class: 'corner', scope: 'col' }, h('span', null, w('rating_unit')), h('span', null, w('rated_unit'))));
    order.forEach((j, c) => {
      const prev = c > 0 ? U[order[c - 1]].side : null;
      head.appendChild(h('th', { scope: 'col', class: 'col' + (S.sort === 'side' && prev !== null && prev !== U[j].side ? ' sep' : ''), title: U[j].label, style: 'border-top-color:' + sideColour(U[j].side) }, h('span', null, U[j].label)));
    });
    table.appendChild(h('thead', null, head));
    const body = h('tbody');
    const cells = [];
    order.forEach((i, r) => {
      const prev = r > 0 ? U[order[r - 1]].side : null;
      const tr = h('tr', { class: S.sort === 'side' && prev !== null && prev !== U[i].side ? 'sep' : null });
      const rh = h('th', { scope: 'row', class: 'rowhead', style: 'border-left-color:' + sideColour(U[i].side) }, h('button', { type: 'button', class: 'btn link', tabindex: -1, onclick: () => selectUnit(S.selected === i ? -1 : i) }, U[i].label));
      tr.appendChild(rh);
      const row = [];
      order.forEach((j, c) => {
        const prevc = c > 0 ? U[order[c - 1]].side : null;
        let td;
        const cls = 'cell' + (S.sort === 'side' && prevc !== null && prevc !== U[j].side ? ' sep' : '');
        if (i === j) {
          const wi = U[i].within;
          if (wi && !wi.hidden && isNum(wi.rc)) {
            const col = rcColour(wi.rc);
            td = h('td', { class: cls + ' diag', style: 'background:' + col + ';color:' + textOn(col) }, fmt(wi.rc, 1));
          } else if (wi && wi.hidden) td = h('td', { class: cls + ' diag hidden-cell' }, w('matrix_hidden', TH.min_n));
          else td = h('td', { class: cls + ' diag empty' });
        } else {
          const t = tieOf(b, i, j);
          if (t) {
            const col = rcColour(t.rc);
            td = h('td', { class: cls, style: 'background:' + col + ';color:' + textOn(col) }, fmt(t.rc, 1));
          } else if (isHidden(b, i, j)) td = h('td', { class: cls + ' hidden-cell' }, w('matrix_hidden', TH.min_n));
          else td = h('td', { class: cls + ' empty' });
        }
        td.setAttribute('role', 'gridcell');
        td.tabIndex = -1;
        td._rc = [i, j];
        row.push(td);
        tr.appendChild(td);
      });
      cells.push(row);
      body.appendChild(tr);
    });
    table.appendChild(body);
    if (cells.length && cells[0].length) cells[0][0].tabIndex = 0;
    const cellTip = (td, ev) => {
      const [i, j] = td._rc;
      let content;
      if (i === j) content = h('div', null, h('div', { class: 'tip-title' }, w('within', U[i].label)), h('div', null, withinText(U[i])));
      else {
        const t = tieOf(b, i, j);
        content = t ? tieDetails(b, t) : h('div', null, h('div', { class: 'tip-title' }, w('tie_title', U[i].label, U[j].label)), h('div', null, isHidden(b, i, j) ? w('hidden_pair', TH.min_n) : w('not_rated')));
      }
      showTip(content, eventPos(ev) || { rect: td.getBoundingClientRect() }, td);
    };
    table.addEventListener('mousemove', (ev) => { const td = ev.target.closest && ev.target.closest('td'); if (td) cellTip(td, ev); });
    table.addEventListener('mouseleave', () => hideTip());
    table.addEventListener('focusin', (ev) => { if (ev.target.tagName === 'TD') cellTip(ev.target, null); });
    table.addEventListener('focusout', () => hideTip());
    table.addEventListener('keydown', (ev) => {
      const td = ev.target;
      if (td.tagName !== 'TD') return;
      let r = order.indexOf(td._rc[0]), c = order.indexOf(td._rc[1]);
      const mv = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0], Home: [0, -999], End: [0, 999] }[ev.key];
      if (ev.key === 'Enter') { ev.preventDefault(); selectUnit(td._rc[0]); return; }
      if (!mv) return;
      ev.preventDefault();
      r = clamp(r + mv[0], 0, cells.length - 1);
      c = clamp(c + mv[1], 0, cells.length - 1);
      td.tabIndex = -1;
      cells[r][c].tabIndex = 0;
      cells[r][c].focus();
    });
    sec.appendChild(h('div', { class: 'matrix-wrap' }, table));
    sec.appendChild(h('div', { class: 'legend' },
      h('div', { class: 'legend-block' }, h('div', { class: 'legend-title' }, w('legend_rc')), rcLegend()),
      h('ul', { class: 'legend-notes' }, h('li', null, w('matrix_note_rows')), h('li', null, w('matrix_note_hidden', TH.min_n)), h('li', null, w('matrix_note_diag')))));
    matrixState.table = table;
    matrixState.order = order;
    matrixState.cells = cells;
    applyMatrixMarks();
  }
  function applyMatrixMarks() {
    const { order, cells, table } = matrixState;
    if (!table || !S.block) return;
    const U = S.block.units;
    const sel = S.selected;
    order.forEach((i, r) => {
      order.forEach((j, c) => {
        const td = cells[r][c];
        const off = S.hiddenSides.has(U[i].side) || S.hiddenSides.has(U[j].side);
        td.classList.toggle('off', off);
        td.classList.toggle('sel', sel >= 0 && (i === sel || j === sel));
        td.classList.toggle('mute', sel >= 0 && i !== sel && j !== sel);
      });
    });
    table.querySelectorAll('tbody tr').forEach((tr, r) => tr.classList.toggle('sel', order[r] === sel));
  }

  // ------------------------------------------------------------------ change (compare)
  function buildChangeView(sec) {
    buildMapView(sec, 'change');
    const last = prepare(switchable[switchable.length - 1].block);
    const base = prepare(D.change_units ? { units: D.change_units } : switchable[0].block);
    const ties = (D.changes && D.changes.ties) || [];
    maps.change.build(base, ties);
    maps.change.apply();
    // Credible changes ranked by |delta|.
    const cred = ties.filter((t) => t.credible).sort((a, c) => Math.abs(c.delta) - Math.abs(a.delta));
    const card = h('section', { class: 'card wide' }, h('h3', null, w('credible_title')), h('p', { class: 'note' }, w('credible_note')));
    if (!cred.length) card.appendChild(h('p', null, w('no_credible')));
    else {
      const tb = h('table', { class: 'data' }, h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, w('from')), h('th', { scope: 'col' }, w('to')), h('th', { scope: 'col', class: 'num' }, waveLabel(0)),
        h('th', { scope: 'col', class: 'num' }, waveLabel(switchable.length - 1)), h('th', { scope: 'col', class: 'num' }, w('change')),
        h('th', { scope: 'col' }, w('interval_head')), h('th', { scope: 'col', class: 'num' }, 'q'))));
      const bd = h('tbody');
      for (const t of cred) {
        const c = deltaColour(t.delta);
        bd.appendChild(h('tr', null, h('td', null, base.units[t.s].label), h('td', null, base.units[t.t].label),
          h('td', { class: 'num' }, frc(t.rc_before)), h('td', { class: 'num' }, frc(t.rc_after)),
          h('td', { class: 'num' }, h('span', { class: 'chip', style: 'background:' + c + ';color:' + textOn(c) }, signed(t.delta, 2))),
          h('td', null, signed(t.ci_low, 2) + ' \u2013 ' + signed(t.ci_high, 2)), h('td', { class: 'num' }, fmt(t.q, 3))));
      }
      tb.appendChild(bd);
      card.appendChild(h('div', { class: 'scroll' }, tb));
    }
    void last;
    sec.appendChild(card);
  }

  // ------------------------------------------------------------------ benchmark (sites)
  function buildBenchmark(sec) {
    clear(sec);
    const bm = D.benchmark || { series: [], rows: [] };
    sec.appendChild(h('h2', null, w('benchmark_title')));
    sec.appendChild(h('p', { class: 'note' }, w('benchmark_note')));
    const vals = [];
    for (const r of bm.rows) for (const s of bm.series) if (r.values[s.key] && isNum(r.values[s.key].rc)) vals.push(r.values[s.key].rc);
    let lo = vals.length ? Math.floor(Math.min(...vals) * 2) / 2 : 1, hi = vals.length ? Math.ceil(Math.max(...vals) * 2) / 2 : 5;
    if (hi - lo < 1) { hi = Math.min(5, lo + 1); lo = hi - 1; }
    const lw = 140, pw = 520, rh = 30, H = bm.rows.length * rh + 40, W0 = lw + pw + 30;
    const xOf = (v) => lw + (v - lo) / (hi - lo) * pw;
    const svg = sv('svg', { class: 'bench', viewBox: '0 0 ' + W0 + ' ' + H, role: 'img', 'aria-label': w('benchmark_title') });
    for (let v = lo; v <= hi + 1e-9; v += 0.5) {
      svg.appendChild(sv('line', { x1: xOf(v), x2: xOf(v), y1: 4, y2: H - 26, class: 'grid' }));
      svg.appendChild(sv('text', { x: xOf(v), y: H - 12, 'text-anchor': 'middle', class: 'axis' }, fmt(v, 1)));
    }
    for (const th of [TH.weak_below, TH.strong_from]) if (th > lo && th < hi) svg.appendChild(sv('line', { x1: xOf(th), x2: xOf(th), y1: 4, y2: H - 26, class: 'th', stroke: rcColour(th === TH.weak_below ? th - 0.6 : 4.9) }));
    bm.rows.forEach((r, k) => {
      const y = 8 + k * rh + rh / 2;
      const cur = switchable[S.cur] && switchable[S.cur].id === r.site;
      if (cur) svg.appendChild(sv('rect', { x: 0, y: y - rh / 2 + 2, width: W0, height: rh - 4, class: 'band' }));
      const label = sv('text', { x: lw - 10, y: y + 4, 'text-anchor': 'end', class: cur ? 'site cur' : 'site' }, (switchable.find((x) => x.id === r.site) || { label: r.site }).label);
      svg.appendChild(label);
      bm.series.forEach((s) => {
        const v = r.values[s.key];
        if (!v || !isNum(v.rc)) return;
        const c = sv('circle', { cx: r2(xOf(v.rc)), cy: y, r: cur ? 6 : 5, fill: s.colour, 'fill-opacity': cur ? 1 : 0.75, stroke: '#fff', 'stroke-width': 1, tabindex: 0, class: 'bdot' });
        const content = () => h('div', null, h('div', { class: 'tip-title' }, (switchable.find((x) => x.id === r.site) || { label: r.site }).label),
          h('div', null, s.label, ': ', chip(v.rc)), isNum(v.pct) ? h('div', null, w('percentile', fmt(v.pct, 0))) : null);
        c.addEventListener('mousemove', (ev) => showTip(content(), eventPos(ev), c));
        c.addEventListener('focus', () => showTip(content(), { rect: c.getBoundingClientRect() }, c));
        c.addEventListener('mouseleave', () => hideTip(c));
        c.addEventListener('blur', () => hideTip(c));
        svg.appendChild(c);
      });
    });
    sec.appendChild(h('div', { class: 'card wide' }, svg, h('ul', { class: 'legend-list' }, bm.series.map((s) => h('li', null, h('span', { class: 'dot', style: 'background:' + s.colour }), s.label)))));
    const tb = h('table', { class: 'data' });
    tb.appendChild(h('thead', null, h('tr', null, h('th', { scope: 'col' }, w('site')), h('th', { scope: 'col', class: 'num' }, w('respondents')), h('th', { scope: 'col', class: 'num' }, w('response_rate')),
      bm.series.map((s) => h('th', { scope: 'col', class: 'num' }, s.label)))));
    const bd = h('tbody');
    for (const r of bm.rows) {
      const cur = switchable[S.cur] && switchable[S.cur].id === r.site;
      bd.appendChild(h('tr', { class: cur ? 'cur' : null }, h('td', null, (switchable.find((x) => x.id === r.site) || { label: r.site }).label),
        h('td', { class: 'num' }, fint(r.respondents)), h('td', { class: 'num' }, fpct(r.response_rate)),
        bm.series.map((s) => {
          const v = r.values[s.key];
          return h('td', { class: 'num' }, v && isNum(v.rc) ? [chip(v.rc), ' ', h('span', { class: 'muted' }, w('percentile_short', fmt(v.pct, 0)))] : w('na'));
        })));
    }
    tb.appendChild(bd);
    sec.appendChild(h('div', { class: 'card wide scroll' }, tb));
  }

  // ------------------------------------------------------------------ network (persons)
  const NET = {};
  function buildNetwork(sec) {
    clear(sec);
    const P = D.people;
    const n = P.id.length;
    const units = D.units || [];
    NET.n = n;
    NET.unitIndex = new Map(units.map((u, i) => [u.id, i]));
    NET.idIndex = new Map(P.id.map((id, i) => [String(id).toLowerCase(), i]));
    NET.sel = -1;
    NET.colourBy = 'side';
    NET.showBrokers = true;
    NET.brokerRank = new Map((D.brokers || []).map((b) => [b.person, b]));
    const E = D.edges || [];
    // Degree for drawing order (most connected on top) and cross-gap edges.
    const gapEdge = new Uint8Array(E.length / 2);
    for (let k = 0; k < E.length; k += 2) {
      const a = units[P.unit[E[k]]], c = units[P.unit[E[k + 1]]];
      gapEdge[k / 2] = a && c && isGapPair(a.side, c.side) ? 1 : 0;
    }
    NET.gapEdge = gapEdge;
    // Adjacency (for the selected person's ties).
    const adj = Array.from({ length: n }, () => []);
    for (let k = 0; k < E.length; k += 2) { adj[E[k]].push(E[k + 1]); adj[E[k + 1]].push(E[k]); }
    NET.adj = adj;
    // Unit colours when colouring by unit (Paul Tol's muted scheme, repeating).
    const TOL = PAL.units || ['#332288', '#88ccee', '#44aa99', '#117733', '#999933', '#ddcc77', '#cc6677', '#882255', '#aa4499', '#dddddd'];
    NET.unitColour = units.map((u, i) => TOL[i % TOL.length]);
    // Data extent and a spatial grid of people for hit testing.
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < n; i++) { x0 = Math.min(x0, P.x[i]); x1 = Math.max(x1, P.x[i]); y0 = Math.min(y0, P.y[i]); y1 = Math.max(y1, P.y[i]); }
    for (const u of units) if (isNum(u.x)) { x0 = Math.min(x0, u.x - u.r); x1 = Math.max(x1, u.x + u.r); y0 = Math.min(y0, u.y - u.r - 14); y1 = Math.max(y1, u.y + u.r); }
    NET.ext = { x0: x0, y0: y0, x1: x1, y1: y1 };
    const cell = Math.max((x1 - x0), (y1 - y0)) / 64 || 1;
    const grid = new Map();
    for (let i = 0; i < n; i++) {
      const key = Math.floor(P.x[i] / cell) + ':' + Math.floor(P.y[i] / cell);
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(i);
    }
    NET.grid = grid;
    NET.cell = cell;
    // Toolbar: search, colour, brokers, zoom.
    const bar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': w('filters') });
    const input = h('input', { type: 'search', class: 'search', id: 'person-search', placeholder: w('search_placeholder', P.id[0] || ''), 'aria-label': w('search'), list: 'person-ids', autocomplete: 'off', spellcheck: 'false' });
    const dl = h('datalist', { id: 'person-ids' });
    const msg = h('span', { class: 'search-msg', role: 'status' });
    const find = () => {
      const q = input.value.trim().toLowerCase();
      if (!q) return;
      let k = NET.idIndex.get(q);
      if (k === undefined) {
        const hits = P.id.map((x, i) => [String(x).toLowerCase(), i]).filter((x) => x[0].indexOf(q) === 0);
        if (hits.length === 1) k = hits[0][1];
      }
      if (k === undefined) { msg.textContent = w('not_found', input.value.trim()); return; }
      msg.textContent = '';
      selectPerson(k, true);
    };
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); find(); } });
    input.addEventListener('focus', () => {  // fill the suggestions only when needed
      if (dl.childElementCount) return;
      const frag = document.createDocumentFragment();
      for (const id of P.id) frag.appendChild(h('option', { value: id }));
      dl.appendChild(frag);
    }, { once: true });
    bar.appendChild(h('div', { class: 'group' }, h('label', { for: 'person-search', class: 'seg-label' }, w('search')), input, dl,
      h('button', { type: 'button', class: 'btn', onclick: find }, w('find')), msg));
    const colour = h('fieldset', { class: 'group' }, h('legend', null, w('colour_by')));
    for (const o of [['side', w('by_side')], ['unit', w('by_unit')]]) {
      const rb = h('input', { type: 'radio', name: 'netcolour', value: o[0], checked: NET.colourBy === o[0] });
      rb.addEventListener('change', () => { if (rb.checked) { NET.colourBy = o[0]; drawNet(); renderPanel(); } });
      colour.appendChild(h('label', { class: 'radio' }, rb, o[1]));
    }
    bar.appendChild(colour);
    const bcb = h('input', { type: 'checkbox', checked: true });
    bcb.addEventListener('change', () => { NET.showBrokers = bcb.checked; drawNet(); });
    bar.appendChild(h('label', { class: 'check' }, bcb, w('highlight_brokers')));
    bar.appendChild(h('div', { class: 'zoom' },
      h('button', { type: 'button', class: 'btn icon', 'aria-label': w('zoom_in'), title: w('zoom_in'), onclick: () => zoomNet(1.3) }, '+'),
      h('button', { type: 'button', class: 'btn icon', 'aria-label': w('zoom_out'), title: w('zoom_out'), onclick: () => zoomNet(1 / 1.3) }, '\u2212'),
      h('button', { type: 'button', class: 'btn', onclick: () => { NET.view = null; drawNet(); } }, w('zoom_reset'))));
    sec.appendChild(bar);
    sec.appendChild(h('p', { class: 'hint' }, w('network_hint')));
    const canvas = h('canvas', { class: 'net', tabindex: 0, role: 'img', 'aria-label': w('network_label', fint(n), fint(E.length / 2)) });
    const box = h('div', { class: 'netbox' }, canvas);
    sec.appendChild(box);
    sec.appendChild(h('div', { class: 'legend' }, h('div', { class: 'legend-block' }, h('div', { class: 'legend-title' }, w('sides')),
      h('ul', { class: 'legend-list' }, SIDES.map((s) => h('li', null, sideDot(s.id), s.label)))),
    h('ul', { class: 'legend-notes' }, h('li', null, w('network_note_ties', sideLabel(GAP[0] || ''), sideLabel(GAP[1] || ''))), h('li', null, w('network_note_brokers')),
      D.counts && D.counts.people_not_listed ? h('li', null, w('people_hidden_note', TH.min_n)) : null)));
    NET.canvas = canvas;
    NET.box = box;
    NET.view = null;
    // Pointer: hover tooltip, click selects, wheel zooms, drag pans.
    let drag = null;
    canvas.addEventListener('pointerdown', (ev) => { drag = { x: ev.clientX, y: ev.clientY, moved: false }; canvas.setPointerCapture(ev.pointerId); });
    canvas.addEventListener('pointermove', (ev) => {
      if (drag) {
        const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
        if (drag.moved || Math.abs(dx) + Math.abs(dy) > 3) {
          drag.moved = true;
          NET.view.tx += dx; NET.view.ty += dy;
          drag.x = ev.clientX; drag.y = ev.clientY;
          hideTip();
          scheduleDraw();
          return;
        }
      }
      const k = personAt(ev.clientX, ev.clientY);
      if (k >= 0) showTip(personDetails(k), eventPos(ev), canvas); else hideTip(canvas);
      canvas.style.cursor = k >= 0 ? 'pointer' : 'grab';
    });
    canvas.addEventListener('pointerup', (ev) => {
      if (drag && !drag.moved) selectPerson(personAt(ev.clientX, ev.clientY), false);
      drag = null;
    });
    canvas.addEventListener('pointerleave', () => hideTip(canvas));
    canvas.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const r = canvas.getBoundingClientRect();
      zoomNet(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    canvas.addEventListener('keydown', (ev) => {
      const step = 40;
      const keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (keys[ev.key]) { NET.view.tx += keys[ev.key][0]; NET.view.ty += keys[ev.key][1]; drawNet(); ev.preventDefault(); }
      else if (ev.key === '+' || ev.key === '=') { zoomNet(1.25); ev.preventDefault(); }
      else if (ev.key === '-') { zoomNet(0.8); ev.preventDefault(); }
      else if (ev.key === '0') { NET.view = null; drawNet(); ev.preventDefault(); }
      else if (ev.key === 'Escape') selectPerson(-1, false);
    });
    if (window.ResizeObserver) new ResizeObserver(() => { if (!sec.hidden) drawNet(); }).observe(box);
    window.addEventListener('beforeprint', () => drawNet());
  }
  function fitView(cw, ch) {
    const e = NET.ext, pad = 16;
    const s = Math.min((cw - 2 * pad) / (e.x1 - e.x0 || 1), (ch - 2 * pad) / (e.y1 - e.y0 || 1));
    return { s: s, tx: (cw - (e.x1 - e.x0) * s) / 2 - e.x0 * s, ty: (ch - (e.y1 - e.y0) * s) / 2 - e.y0 * s };
  }
  function zoomNet(f, px, py) {
    const c = NET.canvas, cw = c.clientWidth, ch = c.clientHeight;
    if (!NET.view) NET.view = fitView(cw, ch);
    if (px === undefined) { px = cw / 2; py = ch / 2; }
    const fit = fitView(cw, ch).s;
    const ns = clamp(NET.view.s * f, fit * 0.5, fit * 40);
    const g = ns / NET.view.s;
    NET.view.tx = px - (px - NET.view.tx) * g;
    NET.view.ty = py - (py - NET.view.ty) * g;
    NET.view.s = ns;
    drawNet();
  }
  let drawPending = false;
  function scheduleDraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => { drawPending = false; drawNet(); });
  }
  function personColour(i) {
    const u = D.units[D.people.unit[i]];
    return NET.colourBy === 'unit' ? NET.unitColour[D.people.unit[i]] : sideColour(u ? u.side : '');
  }
  // Draws the person network: unit discs, faint ties (authority<->provider
  // darker), people batched by colour, brokers ringed, the selected person's
  // ties on top. Every draw's duration is kept in rcmapViewer.timings.draws.
  function drawNet() {
    const t0 = performance.now();
    const c = NET.canvas;
    if (!c) return;
    const cw = c.clientWidth, ch = c.clientHeight;
    if (!cw || !ch) return;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(cw * dpr) || c.height !== Math.round(ch * dpr)) { c.width = Math.round(cw * dpr); c.height = Math.round(ch * dpr); }
    if (!NET.view) NET.view = fitView(cw, ch);
    const V = NET.view, P = D.people, E = D.edges || [], n = NET.n;
    const ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, cw, ch);
    const X = (x) => x * V.s + V.tx, Y = (y) => y * V.s + V.ty;
    // Unit discs and ids.
    const units = D.units || [];
    ctx.lineWidth = 1;
    units.forEach((u) => {
      if (!isNum(u.x) || !isNum(u.r)) return;
      ctx.beginPath();
      ctx.arc(X(u.x), Y(u.y), u.r * V.s, 0, Math.PI * 2);
      ctx.fillStyle = mix(sideColour(u.side), '#ffffff', 0.9);
      ctx.fill();
      ctx.strokeStyle = mix(sideColour(u.side), '#ffffff', 0.55);
      ctx.stroke();
    });
    // Ties: one path per class.
    const sel = NET.sel;
    const strokeEdges = (want, style, width) => {
      ctx.beginPath();
      for (let k = 0; k < E.length; k += 2) {
        if (NET.gapEdge[k / 2] !== want) continue;
        const a = E[k], b = E[k + 1];
        ctx.moveTo(X(P.x[a]), Y(P.y[a]));
        ctx.lineTo(X(P.x[b]), Y(P.y[b]));
      }
      ctx.strokeStyle = style;
      ctx.lineWidth = width;
      ctx.stroke();
    };
    const faint = sel >= 0 ? 0.35 : 1;
    strokeEdges(0, 'rgba(90,90,110,' + (0.07 * faint).toFixed(3) + ')', 0.6);
    strokeEdges(1, 'rgba(40,40,60,' + (0.22 * faint).toFixed(3) + ')', 0.7);
    // People, batched by colour; radius grows gently with zoom.
    const fit = fitView(cw, ch).s;
    const rad = clamp(2.2 * Math.sqrt(V.s / fit), 1.6, 7);
    const groups = new Map();
    for (let i = 0; i < n; i++) {
      const col = personColour(i);
      if (!groups.has(col)) groups.set(col, []);
      groups.get(col).push(i);
    }
    for (const [col, list] of groups) {
      ctx.beginPath();
      for (const i of list) {
        const x = X(P.x[i]), y = Y(P.y[i]);
        if (x < -10 || y < -10 || x > cw + 10 || y > ch + 10) continue;
        ctx.moveTo(x + rad, y);
        ctx.arc(x, y, rad, 0, Math.PI * 2);
      }
      ctx.fillStyle = col;
      ctx.fill();
    }
    // Brokers: dark ring, rank beside when zoomed in.
    if (NET.showBrokers && D.brokers) {
      ctx.lineWidth = 1.6;
      ctx.strokeStyle = '#111111';
      ctx.fillStyle = '#111111';
      ctx.font = '11px ' + getComputedStyle(document.body).fontFamily;
      for (const b of D.brokers) {
        const x = X(P.x[b.person]), y = Y(P.y[b.person]);
        ctx.beginPath();
        ctx.arc(x, y, rad + 2.8, 0, Math.PI * 2);
        ctx.stroke();
        if (V.s / fit > 2.5) ctx.fillText(String(b.rank), x + rad + 4, y - rad - 2);
      }
    }
    // Selected person: their ties and a highlight ring.
    if (sel >= 0) {
      ctx.beginPath();
      for (const j of NET.adj[sel]) { ctx.moveTo(X(P.x[sel]), Y(P.y[sel])); ctx.lineTo(X(P.x[j]), Y(P.y[j])); }
      ctx.strokeStyle = 'rgba(20,20,20,0.75)';
      ctx.lineWidth = 1.1;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(X(P.x[sel]), Y(P.y[sel]), rad + 5, 0, Math.PI * 2);
      ctx.strokeStyle = '#d55e00';
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    // Unit ids above the discs.
    ctx.fillStyle = '#222222';
    ctx.font = '600 12px ' + getComputedStyle(document.body).fontFamily;
    ctx.textAlign = 'center';
    units.forEach((u) => { if (isNum(u.x) && isNum(u.r)) ctx.fillText(u.id, X(u.x), Y(u.y - u.r) - 5); });
    ctx.textAlign = 'start';
    const dt = performance.now() - t0;
    timings.draws.push(r2(dt));
    if (timings.draws.length > 50) timings.draws.shift();
  }
  function personAt(cx, cy) {
    const c = NET.canvas, r = c.getBoundingClientRect(), V = NET.view;
    if (!V) return -1;
    const x = (cx - r.left - V.tx) / V.s, y = (cy - r.top - V.ty) / V.s;
    const reach = 7 / V.s;
    const gx = Math.floor(x / NET.cell), gy = Math.floor(y / NET.cell);
    const span = Math.ceil(reach / NET.cell);
    let best = -1, bd = reach * reach;
    for (let a = gx - span; a <= gx + span; a++) {
      for (let b = gy - span; b <= gy + span; b++) {
        const list = NET.grid.get(a + ':' + b);
        if (!list) continue;
        for (const i of list) {
          const d = (D.people.x[i] - x) ** 2 + (D.people.y[i] - y) ** 2;
          if (d <= bd) { bd = d; best = i; }
        }
      }
    }
    return best;
  }
  function personDetails(i) {
    const P = D.people, u = D.units[P.unit[i]];
    const br = NET.brokerRank.get(i);
    return h('div', null, h('div', { class: 'tip-title' }, String(P.id[i])),
      h('div', null, sideDot(u.side), ' ', u.label, ' (', u.id, ')'),
      h('div', null, w('degree_out'), ': ', fint(P.degree_out[i]), ' · ', w('degree_in'), ': ', fint(P.degree_in[i])),
      P.betweenness ? h('div', null, w('betweenness'), ': ', fmt(P.betweenness[i], 0)) : null,
      br ? h('div', { class: 'tip-strong' }, w('broker_rank', fint(br.rank)), ' · ', w('broker_pairs', fint(br.cross_side_pairs))) : null);
  }
  function selectPerson(k, centre) {
    NET.sel = k;
    if (k >= 0 && centre) {
      const c = NET.canvas;
      if (!NET.view) NET.view = fitView(c.clientWidth, c.clientHeight);
      const fit = fitView(c.clientWidth, c.clientHeight).s;
      NET.view.s = Math.max(NET.view.s, fit * 2.2);
      NET.view.tx = c.clientWidth / 2 - D.people.x[k] * NET.view.s;
      NET.view.ty = c.clientHeight / 2 - D.people.y[k] * NET.view.s;
    }
    drawNet();
    renderPanel();
  }
  function renderNetworkPanel() {
    const P = D.people, C = D.counts || {};
    panel.appendChild(h('h2', null, w('network_panel_title')));
    const dl = h('dl', { class: 'facts' });
    const fact = (k, v) => { dl.appendChild(h('dt', null, k)); dl.appendChild(h('dd', null, v)); };
    fact(w('people'), fint(P.id.length));
    fact(w('person_ties'), fint((D.edges || []).length / 2));
    fact(w('units'), fint((D.units || []).length));
    panel.appendChild(dl);
    if (NET.sel >= 0) {
      const i = NET.sel, u = D.units[P.unit[i]];
      const br = NET.brokerRank.get(i);
      panel.appendChild(h('h3', null, String(P.id[i])));
      const d2 = h('dl', { class: 'facts' });
      const f2 = (k, v) => { d2.appendChild(h('dt', null, k)); d2.appendChild(h('dd', null, v)); };
      f2(w('unit'), [sideDot(u.side), ' ', u.label]);
      f2(w('degree_out'), fint(P.degree_out[i]));
      f2(w('degree_in'), fint(P.degree_in[i]));
      if (P.betweenness) f2(w('betweenness'), fmt(P.betweenness[i], 0));
      if (br) f2(w('broker'), w('broker_rank', fint(br.rank)) + ' · ' + w('broker_pairs', fint(br.cross_side_pairs)));
      panel.appendChild(d2);
      panel.appendChild(h('button', { type: 'button', class: 'btn', onclick: () => selectPerson(-1, false) }, w('clear_selection')));
    }
    if (D.brokers && D.brokers.length) {
      panel.appendChild(h('h3', null, w('brokers_title', sideLabel(GAP[0] || ''), sideLabel(GAP[1] || ''))));
      const ol = h('ol', { class: 'broker-list' });
      for (const b of D.brokers) {
        const u = D.units[P.unit[b.person]];
        ol.appendChild(h('li', null, h('button', { type: 'button', class: 'btn link' + (NET.sel === b.person ? ' on' : ''), onclick: () => selectPerson(b.person, true) },
          h('span', { class: 'rank' }, fint(b.rank)), ' ', String(P.id[b.person]), ' ', h('span', { class: 'muted' }, u.id + ' · ' + w('broker_pairs', fint(b.cross_side_pairs))))));
      }
      panel.appendChild(ol);
    }
    if (NET.colourBy === 'unit') {
      panel.appendChild(h('h3', null, w('units')));
      panel.appendChild(h('ul', { class: 'legend-list' }, (D.units || []).map((u, i) => h('li', null, h('span', { class: 'dot', style: 'background:' + NET.unitColour[i] }), u.label))));
    }
  }

  // ------------------------------------------------------------------ assemble
  const timings = { draws: [] };
  function renderBlock() {
    const b = currentBlock();
    S.block = b;
    if (!b) return;
    for (const v of views) {
      if (v.id === 'findings') buildFindings(v.sec, b);
      else if (v.id === 'map') { if (!maps.map) buildMapView(v.sec, 'map'); maps.map.build(b, b.ties); }
      else if (v.id === 'matrix') buildMatrix(v.sec, b);
      else if (v.id === 'benchmark') buildBenchmark(v.sec);
    }
    refreshMaps();
  }
  function start() {
    document.documentElement.lang = D.lang || document.documentElement.lang;
    app.appendChild(h('a', { class: 'skip', href: '#main' }, w('skip')));
    app.appendChild(header());
    app.appendChild(tabs);
    app.appendChild(main);
    app.appendChild(tip);
    app.appendChild(h('footer', { class: 'foot' }, h('span', null, D.footer || ''), ' ', h('span', { class: 'muted' }, w('offline_note'))));
    if (kind === 'network') {
      const v = addView('network', w('tab_network'), null);
      buildNetwork(v.sec);
      timings.built = r2(performance.now() - T_START);
      showView('network');
      drawNet();
    } else {
      addView('findings', w('tab_findings'));
      addView('map', w('tab_map'));
      addView('matrix', w('tab_matrix'));
      if (kind === 'compare') buildChangeView(addView('change', w('tab_change')).sec);
      if (kind === 'sites') addView('benchmark', w('tab_benchmark'));
      renderBlock();
      showView('findings');
    }
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        hideTip();
        if (kind !== 'network' && (S.selected >= 0 || S.highlight)) { S.highlight = null; selectUnit(-1); }
      }
    });
    window.addEventListener('scroll', () => hideTip(), { passive: true });
    timings.ready = r2(performance.now());
    timings.script = r2(performance.now() - T_START);
    timings.parse = r2(T_PARSED - T_START);
  }
  start();

  // Read-only hooks for tests and for the curious reader's console.
  window.rcmapViewer = {
    timings: timings,
    state: () => ({ view: S.view, cur: S.cur, selected: S.selected, filter: S.filter, hiddenSides: Array.from(S.hiddenSides), highlighted: !!S.highlight, person: NET.sel === undefined ? -1 : NET.sel }),
    redraw: () => { const t = performance.now(); drawNet(); return performance.now() - t; },
    missingWords: () => Array.from(missingWords),
    // Client coordinates of a person (network), or null when not drawn.
    locate: (id) => {
      if (kind !== 'network' || !NET.view) return null;
      const i = NET.idIndex.get(String(id).toLowerCase());
      if (i === undefined) return null;
      const r = NET.canvas.getBoundingClientRect();
      return [r.left + D.people.x[i] * NET.view.s + NET.view.tx, r.top + D.people.y[i] * NET.view.s + NET.view.ty];
    }
  };
})();
