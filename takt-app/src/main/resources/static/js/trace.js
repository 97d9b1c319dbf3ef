/*
 * The trace page: reads the backward and forward trace of one lot from the API and draws the
 * genealogy as a graph (Apache ECharts): inputs to the left of the lot, what was made from it to
 * the right, one column per step. Clicking a lot moves the page there. Below the graph every link
 * is listed with the records behind it (order, operation, work unit, operator, time); its lot
 * numbers are links too, for keyboard users.
 */
(function () {
  'use strict';

  var root = document.getElementById('trace-page');
  if (!root) { return; }
  var lotId = root.dataset.lot;
  var api = root.dataset.api;
  var pages = root.dataset.page;
  var T = {
    backward: root.dataset.tBackward, forward: root.dataset.tForward,
    noLinks: root.dataset.tNolinks, truncated: root.dataset.tTruncated,
    failed: root.dataset.tFailed, shipped: root.dataset.tShipped
  };
  var COLOURS = { RELEASED: '#1e7d32', QUARANTINE: '#9a6700', BLOCKED: '#b3261e', CONSUMED: '#78909c' };

  function get(direction) {
    return fetch(api + encodeURIComponent(lotId) + '/trace?direction=' + direction + '&maxLots=2000',
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); });
  }

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function lotLink(lot) {
    var a = el('a', lot ? lot.lotNumber : '?');
    if (lot) {
      a.href = pages + lot.id + '/trace';
      a.title = lot.material;
    }
    return a;
  }

  function draw(backward, forward) {
    var nodes = {};
    function add(list, sign) {
      list.forEach(function (n) {
        var depth = sign * n.depth;
        if (!nodes[n.lot.id] || Math.abs(nodes[n.lot.id].depth) > Math.abs(depth)) {
          nodes[n.lot.id] = { lot: n.lot, depth: depth };
        }
      });
    }
    add(backward.lots, -1);
    add(forward.lots, 1);
    var shippedTo = {};
    forward.shipments.forEach(function (s) {
      (shippedTo[s.lotId] = shippedTo[s.lotId] || []).push(s.customer);
    });
    var columns = {};
    Object.keys(nodes).forEach(function (id) {
      var d = nodes[id].depth;
      (columns[d] = columns[d] || []).push(id);
    });
    var data = [];
    Object.keys(columns).forEach(function (d) {
      var ids = columns[d].sort(function (a, b) {
        return nodes[a].lot.lotNumber < nodes[b].lot.lotNumber ? -1 : 1;
      });
      ids.forEach(function (id, i) {
        var lot = nodes[id].lot;
        // Rich text: '{' and '}' cannot occur in lot numbers or material numbers; strip them from
        // customer names, which are free text.
        var label = '{lot|' + lot.lotNumber + '}\n{mat|' + lot.material + '}';
        if (shippedTo[id]) {
          label += '\n{ship|' + (T.shipped + ' ' + shippedTo[id].join(', ')).replace(/[{}|]/g, ' ') + '}';
        }
        data.push({
          id: id, name: id, lotNumber: lot.lotNumber, value: lot.status,
          x: Number(d) * 220, y: (i - (ids.length - 1) / 2) * 80,
          symbolSize: id === lotId ? 26 : 16,
          itemStyle: { color: COLOURS[lot.status] || '#0b5cad',
                       borderColor: id === lotId ? '#14213d' : '#fff', borderWidth: id === lotId ? 3 : 1 },
          label: {
            show: true, position: 'bottom', distance: 8, formatter: label, lineHeight: 14,
            rich: {
              lot: { fontWeight: 'bold', fontSize: 12, color: '#1b1f24' },
              mat: { fontSize: 11, color: '#5b6470' },
              ship: { fontSize: 11, color: '#0b5cad' }
            }
          },
          tooltip: { formatter: lot.lotNumber + ' · ' + lot.material + '<br>' + lot.status + ' · '
            + lot.remaining.value + ' ' + lot.remaining.unit }
        });
      });
    });
    var seen = {};
    var edges = [];
    var rows = [];
    [[backward, T.backward], [forward, T.forward]].forEach(function (pair) {
      pair[0].links.forEach(function (l) {
        if (seen[l.id]) { return; }
        seen[l.id] = true;
        edges.push({ source: l.parentId, target: l.childId, value: l.kind });
        rows.push({ link: l, direction: pair[1] });
      });
    });

    var box = document.getElementById('trace-graph');
    var chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { confine: true },
      series: [{
        type: 'graph', layout: 'none', roam: true, data: data, edges: edges,
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
        lineStyle: { color: '#8a94a3', width: 1.5, curveness: 0.1 },
        edgeLabel: { show: true, formatter: function (p) { return p.data.value; }, fontSize: 10, color: '#5b6470' },
        emphasis: { focus: 'adjacency' }
      }]
    });
    chart.on('click', function (p) {
      if (p.dataType === 'node' && p.data.id !== lotId) {
        window.location.href = pages + p.data.id + '/trace';
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    // For browser tests and the curious: the chart and where each lot is drawn.
    window.taktTrace = {
      chart: chart,
      position: function (id) {
        var node = data.filter(function (n) { return n.id === id; })[0];
        return node ? chart.convertToPixel({ seriesIndex: 0 }, [node.x, node.y]) : null;
      },
      lots: data.map(function (n) { return { id: n.id, lotNumber: n.lotNumber }; })
    };
    box.dataset.ready = 'true';

    var byId = function (id) { return nodes[id] ? nodes[id].lot : null; };
    var body = document.querySelector('#trace-links tbody');
    if (!rows.length) {
      var tr = el('tr');
      var td = el('td', T.noLinks);
      td.colSpan = 9;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    rows.forEach(function (r) {
      var l = r.link;
      var tr = el('tr');
      tr.appendChild(el('td', r.direction));
      var from = el('td'); from.appendChild(lotLink(byId(l.parentId))); tr.appendChild(from);
      var into = el('td'); into.appendChild(lotLink(byId(l.childId))); tr.appendChild(into);
      tr.appendChild(el('td', l.kind));
      var q = el('td', l.quantity.value + ' ' + l.quantity.unit); q.className = 'num'; tr.appendChild(q);
      tr.appendChild(el('td', (l.orderNumber || '') + (l.operationSequence != null ? ' / ' + l.operationSequence : '')));
      tr.appendChild(el('td', l.workUnit || ''));
      tr.appendChild(el('td', l.operator || ''));
      tr.appendChild(el('td', l.at ? l.at.replace('T', ' ').substring(0, 16) : ''));
      body.appendChild(tr);
    });
    var status = document.getElementById('trace-status');
    status.textContent = backward.truncated || forward.truncated ? T.truncated : '';
  }

  Promise.all([get('backward'), get('forward')])
    .then(function (both) { draw(both[0], both[1]); })
    .catch(function (e) {
      document.getElementById('trace-status').textContent = T.failed + ' (' + e.message + ')';
    });
})();
