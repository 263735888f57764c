/**
 * The page's script, plain ES2017 run as it is (no bundler). Every name from the build reaches the page through
 * textContent, setAttribute or a JSON string: never through innerHTML.
 */
export const CLIENT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('packwise-data').textContent);
  var d3 = window.d3;
  var state = { metric: 'brotli', chunk: -1, selected: -1, query: '' };
  var METRIC_LABEL = { brotli: 'brotli', gzip: 'gzip', raw: 'raw' };

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) for (var key in attrs) if (attrs[key] !== undefined && attrs[key] !== null) node.setAttribute(key, String(attrs[key]));
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function bytes(n) {
    var sign = n < 0 ? '-' : '';
    n = Math.abs(n);
    n = Math.round(n);
    if (n < 1000) return sign + n + ' B';
    if (n < 1e6) return sign + (n / 1000).toFixed(1) + ' kB';
    return sign + (n / 1e6).toFixed(2) + ' MB';
  }
  function signed(n) { return (n > 0 ? '+' : '') + bytes(n); }
  function status(s) { return el('span', { 'class': 'status ' + s }, s === 'near' ? 'within 10 %' : s === 'none' ? 'no budget' : s); }
  function cell(text, cls) { return el('td', cls ? { 'class': cls } : null, text); }
  function table(caption, heads, rows) {
    var head = el('tr');
    heads.forEach(function (h) { head.appendChild(el('th', { scope: 'col', 'class': /bytes|brotli|gzip|raw|size|delta/i.test(h) ? 'num' : null }, h)); });
    var body = el('tbody');
    rows.forEach(function (row) { body.appendChild(row); });
    return el('table', null, el('caption', null, caption), el('thead', null, head), body);
  }
  function pkgLabel(p) { return p.name + (p.version ? '@' + p.version : ''); }

  /** A module's share of a chunk's compressed size: the chunk's bytes split by the modules' raw bytes. */
  function share(moduleIndex, chunkIndex, metric) {
    var chunk = data.chunks[chunkIndex];
    var module = data.modules[moduleIndex];
    return chunk.moduleBytes ? (module.size * chunk.sizes[metric]) / chunk.moduleBytes : 0;
  }
  function chunkTree(chunkIndex) {
    var chunk = data.chunks[chunkIndex];
    var byPackage = {};
    var order = [];
    chunk.modules.forEach(function (m) {
      var p = data.modules[m].package;
      if (!byPackage[p]) { byPackage[p] = []; order.push(p); }
      byPackage[p].push({ kind: 'module', index: m, value: share(m, chunkIndex, state.metric) });
    });
    var children = order.map(function (p) { return { kind: 'package', index: p, chunk: chunkIndex, children: byPackage[p] }; });
    if (!children.length) return { kind: 'chunk', index: chunkIndex, value: chunk.sizes[state.metric] };
    return { kind: 'chunk', index: chunkIndex, children: children };
  }
  function nameOf(d) {
    if (d.kind === 'chunk') return data.chunks[d.index].name;
    if (d.kind === 'package') return data.packages[d.index].name;
    return data.modules[d.index].name;
  }
  function colourOf(node) {
    var chunk = node.data.kind === 'chunk' ? node.data.index : node.data.kind === 'package' ? node.data.chunk : node.parent.data.chunk;
    var s = data.chunks[chunk] ? data.chunks[chunk].status : 'none';
    var hue = { pass: 145, near: 40, fail: 2, none: 222 }[s];
    var depth = node.data.kind === 'chunk' ? 0 : node.data.kind === 'package' ? 1 : 2;
    var light = [34, 42, 50][depth] + (depth === 2 ? (node.data.index % 4) * 3 : depth === 1 ? (node.data.index % 3) * 3 : 0);
    return 'hsl(' + hue + ', 55%, ' + light + '%)';
  }

  var treemap = document.getElementById('treemap');
  function drawTreemap() {
    clear(treemap);
    var width = treemap.clientWidth || 900;
    var height = treemap.clientHeight || 560;
    var rootData = state.chunk < 0
      ? { kind: 'root', children: data.chunks.map(function (_c, i) { return chunkTree(i); }) }
      : chunkTree(state.chunk);
    var root = d3.hierarchy(rootData).sum(function (d) { return d.children ? 0 : d.value || 0; })
      .sort(function (a, b) { return b.value - a.value; });
    d3.treemap().tile(d3.treemapSquarify).size([width, height]).round(true).paddingInner(1)
      .paddingTop(function (n) { return n.depth === 0 ? 0 : 16; }).paddingLeft(1).paddingRight(1).paddingBottom(1)(root);
    var nodes = state.chunk < 0 ? root.descendants().filter(function (n) { return n.depth === 1 || n.depth === 2; })
      : root.descendants().filter(function (n) { return n.depth <= 2 && n.depth >= 1; });
    if (state.chunk >= 0) nodes.unshift(root);
    nodes.forEach(function (n) {
      var d = n.data;
      var name = nameOf(d);
      var w = n.x1 - n.x0, h = n.y1 - n.y0;
      var focusable = (state.chunk < 0 && d.kind === 'chunk') || d.kind === 'module';
      var text = name + ' ' + bytes(Math.round(n.value));
      var node = el('div', {
        'class': 'cell' + (focusable ? '' : ' inert') + (d.kind === 'module' && d.index === state.selected ? ' selected' : ''),
        'data-kind': d.kind, 'data-name': name, 'data-index': d.index,
        title: text, 'aria-label': d.kind + ' ' + text,
        role: focusable ? 'button' : null, tabindex: focusable ? 0 : null,
        style: 'left:' + n.x0 + 'px;top:' + n.y0 + 'px;width:' + w + 'px;height:' + h + 'px;background:' + colourOf(n)
      });
      if (w > 36 && h > 13) node.appendChild(el('span', { 'class': 'label' }, name + (w > 90 ? ' · ' + bytes(Math.round(n.value)) : '')));
      if (focusable) {
        var act = d.kind === 'chunk' ? function () { openChunk(d.index); } : function () { select(d.index); };
        node.addEventListener('click', act);
        node.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); act(); } });
      }
      treemap.appendChild(node);
    });
    applySearch();
    drawCrumbs();
  }
  function drawCrumbs() {
    var crumbs = clear(document.getElementById('crumbs'));
    var all = el('button', { type: 'button' }, 'All chunks');
    all.addEventListener('click', function () { state.chunk = -1; drawTreemap(); });
    crumbs.appendChild(all);
    if (state.chunk >= 0) {
      var c = data.chunks[state.chunk];
      crumbs.appendChild(el('span', null, '› ' + c.name + ' (' + bytes(c.sizes[state.metric]) + ' ' + METRIC_LABEL[state.metric] + ')'));
    }
  }
  function openChunk(index) { state.chunk = index; drawTreemap(); var first = treemap.querySelector('[tabindex]'); if (first) first.focus(); }

  function chainOf(index) {
    var chain = [];
    var seen = {};
    var current = index;
    while (current >= 0 && !seen[current]) {
      seen[current] = true;
      chain.unshift(data.modules[current].name);
      var m = data.modules[current];
      if (m.issuer < 0 && m.issuerName) chain.unshift(m.issuerName);
      current = m.issuer;
    }
    return chain;
  }
  function select(index) {
    state.selected = index;
    var m = data.modules[index];
    var p = data.packages[m.package];
    var why = clear(document.getElementById('why'));
    why.appendChild(el('h2', null, 'Why is this here?'));
    why.appendChild(el('p', null, el('strong', null, m.name)));
    why.appendChild(el('p', null, 'Package: ', pkgLabel(p), p.path ? ' (' + p.path + ')' : ''));
    why.appendChild(el('p', null, 'Source size: ' + bytes(m.size)));
    m.chunks.forEach(function (c) {
      var chunk = data.chunks[c];
      why.appendChild(el('p', null, 'Chunk: ', chunk.name, ' (' + bytes(Math.round(share(index, c, state.metric))) + ' ' + METRIC_LABEL[state.metric] + ' of ' + bytes(chunk.sizes[state.metric]) + ')',
        chunk.reason ? el('span', { 'class': 'muted' }, ' — ' + chunk.reason) : null));
    });
    var list = el('ol', { 'aria-label': 'import chain from the entry' });
    chainOf(index).forEach(function (name) { list.appendChild(el('li', null, name)); });
    why.appendChild(el('p', null, 'Imported from the entry through:'));
    why.appendChild(list);
    treemap.querySelectorAll('.selected').forEach(function (n) { n.classList.remove('selected'); });
    var own = treemap.querySelector('[data-kind="module"][data-index="' + index + '"]');
    if (own) own.classList.add('selected');
  }
  function reveal(index) {
    var m = data.modules[index];
    showTab('treemap');
    if (m.chunks.length && m.chunks.indexOf(state.chunk) < 0) { state.chunk = m.chunks[0]; drawTreemap(); }
    select(index);
  }

  function applySearch() {
    var q = state.query;
    treemap.querySelectorAll('.cell').forEach(function (n) {
      var kind = n.getAttribute('data-kind');
      var hit = !q || kind === 'chunk' && state.chunk >= 0 || (n.getAttribute('data-name') || '').toLowerCase().indexOf(q) >= 0;
      if (!hit && kind === 'chunk' && state.chunk < 0) {
        var c = data.chunks[Number(n.getAttribute('data-index'))];
        hit = c.modules.some(function (m) { return matches(m); });
      }
      n.classList.toggle('dim', !hit);
    });
  }
  function matches(m) {
    var module = data.modules[m];
    return module.name.toLowerCase().indexOf(state.query) >= 0 || data.packages[module.package].name.toLowerCase().indexOf(state.query) >= 0;
  }
  function search(value) {
    state.query = value.trim().toLowerCase();
    var results = clear(document.getElementById('results'));
    applySearch();
    if (!state.query) return;
    var found = [];
    for (var i = 0; i < data.modules.length && found.length < 30; i++) if (matches(i)) found.push(i);
    found.forEach(function (m) {
      var b = el('button', { type: 'button' }, data.modules[m].name);
      b.addEventListener('click', function () { reveal(m); });
      results.appendChild(el('li', null, b));
    });
    if (!found.length) results.appendChild(el('li', { 'class': 'muted' }, 'No module or package matches.'));
  }

  function drawRoutes() {
    var section = clear(document.getElementById('routes'));
    data.routes.forEach(function (route) {
      var rows = route.files.map(function (f) {
        return el('tr', null, cell(f.name + (f.loaded ? ' (already loaded by the first page)' : '')), cell(bytes(f.raw), 'num'), cell(bytes(f.gzip), 'num'), cell(bytes(f.brotli), 'num'));
      });
      var title = (route.kind === 'entry' ? 'First page: ' : 'Lazy route: ') + route.name + ' — downloads ' + bytes(route.sizes[state.metric]) + ' ' + METRIC_LABEL[state.metric] + ' in ' + route.files.filter(function (f) { return !f.loaded; }).length + ' files';
      section.appendChild(el('div', { 'data-route': route.name }, table(title, ['File', 'raw', 'gzip', 'brotli'], rows)));
    });
    if (!data.routes.length) section.appendChild(el('p', null, 'No entry points in the stats.'));
  }
  function drawDuplicates() {
    var section = clear(document.getElementById('duplicates'));
    if (!data.duplicates.length) { section.appendChild(el('p', null, 'No package is bundled twice.')); return; }
    var rows = [];
    data.duplicates.forEach(function (d) {
      d.copies.forEach(function (c) { rows.push(el('tr', null, cell(d.name), cell(c.version || '?'), cell(c.path), cell(bytes(c.size), 'num'))); });
    });
    section.appendChild(table('Packages bundled in more than one copy', ['Package', 'Version', 'Installed at', 'Source size'], rows));
  }
  function drawBudgets() {
    var section = clear(document.getElementById('budgets'));
    if (!data.budgets.length) { section.appendChild(el('p', null, 'No budget results (no packwise-report.json).')); return; }
    section.appendChild(table('Budgets', ['Status', 'Budget', 'Target', 'Size', 'Limit'], data.budgets.map(function (b) {
      return el('tr', null, el('td', null, status(b.status)), cell(b.budget), cell(b.target), cell(bytes(b.actual) + ' ' + b.compression, 'num'), cell(b.limit === undefined ? '' : bytes(b.limit), 'num'));
    })));
  }
  function drawDiff() {
    var section = clear(document.getElementById('diff'));
    var diff = data.diff;
    if (!diff) { section.appendChild(el('p', null, 'No baseline given.')); return; }
    if (diff.returning) section.appendChild(el('p', { 'class': 'summary' }, 'A returning visitor downloads ' + bytes(diff.returning.bytes) + ' brotli (a new visitor ' + bytes(diff.returning.newVisitor) + ').'));
    section.appendChild(table('Packages', ['Package', 'Change', 'Before', 'After', 'Source size delta'], diff.packages.map(function (p) {
      var side = function (s) { return s ? s.name + (s.version ? '@' + s.version : '') + ' ' + bytes(s.size) : '—'; };
      return el('tr', { 'data-package': p.name }, cell(p.name), cell(p.change, 'nowrap'), cell(side(p.before)), cell(side(p.after)), cell(signed((p.after ? p.after.size : 0) - (p.before ? p.before.size : 0)), 'num'));
    })));
    section.appendChild(table('Routes', ['Route', 'Before', 'After', 'Delta (' + METRIC_LABEL[state.metric] + ')'], diff.routes.map(function (r) {
      return el('tr', null, cell(r.name), cell(r.before ? bytes(r.before[state.metric]) : '—', 'num'), cell(r.after ? bytes(r.after[state.metric]) : '—', 'num'), cell(signed(r.delta[state.metric]), 'num'));
    })));
    section.appendChild(table('Files', ['File', 'Change', 'Before', 'After', 'Delta (brotli)'], diff.files.filter(function (f) { return f.change !== 'unchanged'; }).map(function (f) {
      return el('tr', { 'data-file': f.key }, cell(f.key), cell(f.change, 'nowrap'), cell(f.before ? f.before.name + ' ' + bytes(f.before.brotli) : '—'), cell(f.after ? f.after.name + ' ' + bytes(f.after.brotli) : '—'), cell(signed(f.delta.brotli), 'num'));
    })));
  }
  function drawTable() {
    var section = clear(document.getElementById('table'));
    var rows = [];
    data.chunks.forEach(function (c, ci) {
      c.modules.forEach(function (m) {
        var module = data.modules[m];
        rows.push(el('tr', null, cell(module.name), cell(pkgLabel(data.packages[module.package])), cell(c.name), cell(bytes(module.size), 'num'), cell(bytes(Math.round(share(m, ci, state.metric))), 'num')));
      });
    });
    section.appendChild(table('Chunks', ['Chunk', 'Files', 'Status', 'raw', 'gzip', 'brotli'], data.chunks.map(function (c) {
      return el('tr', null, cell(c.name), cell(c.files.join(', ')), el('td', null, status(c.status)), cell(bytes(c.sizes.raw), 'num'), cell(bytes(c.sizes.gzip), 'num'), cell(bytes(c.sizes.brotli), 'num'));
    })));
    section.appendChild(table('Modules', ['Module', 'Package', 'Chunk', 'Source size', 'Share (' + METRIC_LABEL[state.metric] + ')'], rows));
  }

  var TABS = ['treemap', 'routes', 'duplicates', 'budgets', 'diff', 'table'];
  function showTab(name) {
    TABS.forEach(function (t) {
      document.getElementById('tab-' + t).setAttribute('aria-selected', String(t === name));
      document.getElementById('view-' + t).hidden = t !== name;
    });
    if (name === 'treemap') drawTreemap();
  }
  function drawAll() { drawRoutes(); drawDuplicates(); drawBudgets(); drawDiff(); drawTable(); }

  TABS.forEach(function (t) { document.getElementById('tab-' + t).addEventListener('click', function () { showTab(t); }); });
  document.getElementById('metric').addEventListener('change', function (e) { state.metric = e.target.value; drawAll(); drawTreemap(); if (state.selected >= 0) select(state.selected); });
  var input = document.getElementById('search');
  input.addEventListener('input', function () { search(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    var first = document.querySelector('#results button');
    if (first) first.click();
  });
  var total = data.files.reduce(function (sum, f) { return sum + f.brotli; }, 0);
  document.getElementById('summary').textContent = data.files.length + ' files, ' + bytes(total) + ' brotli, ' + data.chunks.length + ' chunks, ' + data.modules.length + ' modules, ' + data.packages.length + ' packages';
  drawAll();
  showTab('treemap');
  var resizing;
  window.addEventListener('resize', function () { clearTimeout(resizing); resizing = setTimeout(drawTreemap, 100); });
})();
`;
