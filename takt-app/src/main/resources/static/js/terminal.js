/*
 * Takt operator terminal (plain JS, no libraries).
 *
 * Every booking gets an Idempotency-Key the moment the operator presses the button and goes into a
 * queue in localStorage; the queue is sent in order. A network error leaves the booking queued and
 * it is sent again later with the SAME key (the server replays the first answer instead of booking
 * twice), so nothing pressed is lost when the network drops or the page reloads. A 4xx answer
 * removes it and shows the problem; a 2xx removes it and refreshes the screen.
 *
 * Barcodes the scan field understands (keyboard-wedge scanners type the code, then Enter):
 *   OP:<operationId>        an operation (UUID)
 *   <orderNumber>/<sequence> an operation of an order, e.g. PO-10001/20
 *   <orderNumber>           the first operation of that order on this machine's work list
 * Anything else, while an operation runs on this machine, is a lot number to consume.
 */
(function () {
  'use strict';

  var body = document.body;
  var SITE = body.dataset.site;
  var UNIT = body.dataset.workUnit;
  var USER = body.dataset.operator;
  var BASE = (body.dataset.base || '/').replace(/\/$/, '');
  var T = window.TAKT_TERMINAL_TEXT || {};
  var QUEUE_KEY = 'takt.terminal.queue';
  var SELECTED_KEY = 'takt.terminal.selected.' + SITE + '.' + UNIT;

  var $ = function (id) { return document.getElementById(id); };
  var scan = $('scan');

  var state = {
    dispatch: [],        // [{operation, progress}]
    selected: localStorage.getItem(SELECTED_KEY), // operation id
    downtime: null,      // the open downtime of this unit
    tickets: [],         // open time tickets of the selected operation at this unit
    components: {},      // orderNumber -> [component]
    pending: null        // what the open overlay is collecting
  };

  // ---------------------------------------------------------------- helpers

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      try { return crypto.randomUUID(); } catch (e) { /* insecure context: below */ }
    }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = {};
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  function num(q) {
    if (q == null) { return '0'; }
    var v = typeof q === 'object' ? q.value : q;
    var n = Number(v);
    return isNaN(n) ? String(v) : String(Math.round(n * 1000000) / 1000000);
  }

  function hms(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    return h + ':' + (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  }

  function hm(date) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  var bannerTimer = null;
  function banner(kind, text) {
    var b = $('banner');
    b.className = 't-banner ' + kind;
    b.textContent = text;
    b.hidden = false;
    clearTimeout(bannerTimer);
    if (kind === 'ok') {
      body.classList.remove('flash-ok');
      void body.offsetWidth; // restart the animation
      body.classList.add('flash-ok');
      bannerTimer = setTimeout(function () { b.hidden = true; }, 4000);
    }
  }

  function refocus() {
    if ($('pad').hidden && $('reasons').hidden) {
      scan.focus();
    } else if (!$('pad').hidden) {
      $('amount').focus();
    }
  }

  // ---------------------------------------------------------------- the queue

  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || '[]'); } catch (e) { return []; }
  }
  function saveQueue(q) { localStorage.setItem(QUEUE_KEY, JSON.stringify(q)); showQueue(); }
  function mine(q) { return q.filter(function (b) { return b.user === USER; }); }

  function showQueue() {
    var n = mine(loadQueue()).length;
    var el = $('queue');
    el.hidden = n === 0;
    el.textContent = n + ' ' + (T.queued || 'waiting');
  }

  /** Queues a booking (the key is made now, at the press of the button) and starts sending. */
  function book(method, path, payload, done) {
    var q = loadQueue();
    q.push({ key: uuid(), method: method, path: path, body: payload, done: done, user: USER, at: Date.now() });
    saveQueue(q);
    send();
  }

  var sending = false, retryDelay = 1000, retryTimer = null;

  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(send, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 15000);
  }

  function send() {
    if (sending) { return; }
    var next = mine(loadQueue())[0];
    if (!next) { return; }
    sending = true;
    var headers = Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json',
      'Idempotency-Key': next.key }, csrf());
    fetch(BASE + next.path, {
      method: next.method, headers: headers, credentials: 'same-origin', redirect: 'manual',
      body: next.body == null ? null : JSON.stringify(next.body)
    }).then(function (response) {
      if (response.type === 'opaqueredirect' || response.status === 401) {
        // the session is gone: keep the booking for after the next login
        banner('error', T.relogin);
        return false;
      }
      if (response.status >= 500 || response.status === 0) {
        retryLater();
        return false;
      }
      drop(next.key);
      retryDelay = 1000;
      if (response.ok) {
        banner('ok', (T.actions && T.actions[next.done]) || T.saved);
        refresh();
        return true;
      }
      return problem(response).then(function (text) { banner('error', text); refresh(); return true; });
    }, function () {
      // network error: the booking stays queued and goes again later with the same key
      banner('error', T.offline);
      retryLater();
      return false;
    }).then(function (goOn) {
      sending = false;
      if (goOn) { send(); }
    });
  }

  function drop(key) {
    saveQueue(loadQueue().filter(function (b) { return b.key !== key; }));
  }

  /** The problem's own words: its detail, or the fields at fault when the detail is generic. */
  function problem(response) {
    return response.json().then(function (p) {
      var errors = (p.errors || []).filter(function (e) { return e.message; });
      if (p.detail && (!errors.length || p.detail.indexOf(errors[0].message) >= 0)) {
        return p.detail;
      }
      if (errors.length) {
        return errors.map(function (e) { return (e.field ? e.field + ': ' : '') + e.message; }).join(' · ');
      }
      return p.detail || p.title || ('HTTP ' + response.status);
    }).catch(function () { return 'HTTP ' + response.status; });
  }

  window.addEventListener('online', function () { retryDelay = 1000; send(); refresh(); });

  // ---------------------------------------------------------------- loading

  function get(path) {
    return fetch(BASE + path, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw r; } return r.json(); });
  }

  function refresh() {
    var q = '?site=' + encodeURIComponent(SITE) + '&workUnit=' + encodeURIComponent(UNIT);
    get('/api/v1/dispatch-list' + q).then(function (items) {
      state.dispatch = items;
      if (!state.selected || !find(state.selected)) {
        var mineNow = items.filter(function (i) { return onUnit(i); })[0];
        select(mineNow ? mineNow.operation.id : null);
      }
      render();
      loadTickets();
    }).catch(function () { /* offline: keep showing what we have */ });
    get('/api/v1/work-units/' + encodeURIComponent(SITE) + '/' + encodeURIComponent(UNIT) + '/downtimes?open=true')
      .then(function (list) { state.downtime = list[0] || null; renderDowntime(); })
      .catch(function () {});
  }

  function find(id) {
    return state.dispatch.filter(function (i) { return i.operation.id === id; })[0];
  }

  function onUnit(item) {
    return (item.progress.workUnits || []).filter(function (u) { return u.workUnit === UNIT; })[0];
  }

  function select(id) {
    if (state.selected !== id) { state.tickets = []; }
    state.selected = id;
    loadTickets();
    if (id) { localStorage.setItem(SELECTED_KEY, id); } else { localStorage.removeItem(SELECTED_KEY); }
  }

  // ---------------------------------------------------------------- rendering

  function stateOf(item) {
    var u = onUnit(item);
    if (u) { return u.state; }
    return item.progress.status === 'ACTIVE' ? 'ACTIVE' : 'WAITING';
  }

  function render() {
    var list = $('dispatch');
    list.innerHTML = '';
    $('dispatch-empty').hidden = state.dispatch.length > 0;
    state.dispatch.forEach(function (item) {
      var op = item.operation, s = stateOf(item);
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.dataset.operation = op.id;
      b.setAttribute('aria-pressed', String(op.id === state.selected));
      b.innerHTML = '<span class="d-order"></span><span class="d-state"></span><span class="d-meta"></span>';
      b.querySelector('.d-order').textContent = op.orderNumber + ' / ' + op.sequence;
      var st = b.querySelector('.d-state');
      st.textContent = T.states[s] || s;
      st.classList.add(s);
      b.querySelector('.d-meta').textContent = op.material + ' · ' + (op.description || '') + ' · '
        + num(item.progress.good) + ' ' + T.of + ' ' + num(op.plannedQuantity) + ' ' + op.plannedQuantity.unit
        + ' · ' + T.due + ' ' + new Date(op.dueDate).toLocaleDateString();
      b.addEventListener('click', function () { select(op.id); render(); refocus(); });
      li.appendChild(b);
      list.appendChild(li);
    });
    renderOperation();
  }

  function renderOperation() {
    var item = state.selected && find(state.selected);
    $('op-none').hidden = !!item;
    $('op').hidden = !item;
    if (!item) { return; }
    var op = item.operation, p = item.progress, u = onUnit(item), s = stateOf(item);
    $('op-order').textContent = op.orderNumber + ' / ' + op.sequence;
    $('op-desc').textContent = (op.description || '') + ' · ' + op.material;
    var st = $('op-state');
    st.className = 'd-state ' + s;
    st.textContent = T.states[s] || s;
    $('c-good').textContent = num(p.good);
    $('c-scrap').textContent = num(p.scrap);
    $('c-rework').textContent = num(p.rework);
    $('c-planned').textContent = T.of + ' ' + num(op.plannedQuantity) + ' ' + op.plannedQuantity.unit;
    var show = {
      setup: !u,
      run: !u || u.state === 'SETUP',
      resume: !!u && u.state === 'PAUSED',
      pause: !!u && u.state !== 'PAUSED',
      good: !!u, scrap: !!u, rework: !!u, complete: !!u,
      'clock-on': !clockedOn(USER),
      'clock-off': clockedOn(USER)
    };
    var crew = state.tickets.map(function (t) { return t.operator; });
    $('op-crew').hidden = false;
    $('op-crew-names').textContent = crew.length ? crew.join(', ') : T.nobody;
    document.querySelectorAll('.op-actions [data-action]').forEach(function (b) {
      b.hidden = !show[b.dataset.action];
    });
    tick();
  }

  // Labour: who is clocked on to the selected operation at this work unit (open time tickets).
  function clockedOn(user) {
    return state.tickets.some(function (t) { return t.operator === user; });
  }

  function loadTickets() {
    var id = state.selected;
    if (!id) { state.tickets = []; return; }
    get('/api/v1/operations/' + id + '/time-tickets').then(function (list) {
      if (state.selected !== id) { return; }
      state.tickets = list.filter(function (t) { return !t.clockedOffAt && t.workUnit === UNIT; });
      renderOperation();
    }).catch(function () { /* offline: keep showing what we have */ });
  }

  function renderDowntime() {
    var d = state.downtime;
    $('downtime').hidden = !d;
    document.querySelector('[data-action="downtime-open"]').hidden = !!d;
    if (d) {
      $('downtime-text').textContent = T.downSince + ' ' + hm(new Date(d.openedAt))
        + ' · ' + (d.reason ? reasonName('DOWNTIME', d.reason) : T.unclassified);
    }
  }

  function reasonName(kind, code) {
    var tile = document.querySelector('.tiles[data-kind="' + kind + '"] [data-reason="' + code + '"] span');
    return tile ? tile.textContent : code;
  }

  function tick() {
    var now = new Date();
    $('clock').textContent = hm(now);
    var item = state.selected && find(state.selected);
    if (!item) { return; }
    var u = onUnit(item);
    var since = u ? u.since : null;
    $('op-elapsed').textContent = since ? hms((now - new Date(since)) / 1000)
      : hms(Number(item.progress.setupSeconds || 0) + Number(item.progress.runSeconds || 0));
  }

  // ---------------------------------------------------------------- overlays

  function openReasons(kind, title, then) {
    var o = $('reasons');
    $('reasons-title').textContent = title;
    o.querySelectorAll('.tiles').forEach(function (t) { t.hidden = t.dataset.kind !== kind; });
    o.querySelectorAll('[data-later]').forEach(function (t) { t.hidden = !state.pending || !state.pending.allowLater; });
    state.reasonThen = then;
    o.hidden = false;
  }

  function openPad(title, amount, then) {
    $('pad-title').textContent = title;
    $('amount').value = amount == null ? '' : String(amount);
    $('lot-choice').hidden = true;
    state.padThen = then;
    $('pad').hidden = false;
    $('amount').focus();
    $('amount').select();
  }

  function closeOverlays() {
    $('pad').hidden = true;
    $('reasons').hidden = true;
    state.pending = null;
    refocus();
  }

  $('pad').addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b) { return; }
    var a = $('amount');
    if (b.dataset.key) {
      if (b.dataset.key === 'back') { a.value = a.value.slice(0, -1); } else { a.value += b.dataset.key; }
    } else if (b.dataset.bump) {
      a.value = String(Math.round(((Number(a.value) || 0) + Number(b.dataset.bump)) * 1000000) / 1000000);
    }
    if (!b.dataset.action) { a.focus(); }
  });
  $('amount').addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); padOk(); }
    if (e.key === 'Escape') { closeOverlays(); }
  });

  function padOk() {
    var v = $('amount').value.trim().replace(',', '.');
    var n = Number(v);
    if (!v || isNaN(n) || n <= 0) { banner('error', T.badAmount); $('amount').focus(); return; }
    var then = state.padThen;
    $('pad').hidden = true;
    then(n);
  }

  $('reasons').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-reason]');
    if (!b) { return; }
    var then = state.reasonThen;
    $('reasons').hidden = true;
    then(b.dataset.reason || null);
    state.pending = null;
    refocus();
  });

  // ---------------------------------------------------------------- actions

  function opPath(action) { return '/api/v1/operations/' + state.selected + '/' + action; }

  var actions = {
    setup: function () { book('POST', opPath('start'), { workUnit: UNIT, phase: 'SETUP' }, 'setup'); },
    run: function () { book('POST', opPath('start'), { workUnit: UNIT, phase: 'RUN' }, 'run'); },
    resume: function () { book('POST', opPath('resume'), { workUnit: UNIT }, 'resume'); },
    complete: function () { book('POST', opPath('complete'), { workUnit: UNIT }, 'complete'); },
    'clock-on': function () { book('POST', opPath('clock-on'), { workUnit: UNIT, operator: USER }, 'clockOn'); },
    'clock-off': function () { book('POST', opPath('clock-off'), { workUnit: UNIT, operator: USER }, 'clockOff'); },
    pause: function () {
      var path = opPath('pause');
      openReasons('DOWNTIME', T.titlePause, function (reason) {
        if (reason) { book('POST', path, { workUnit: UNIT, reason: reason }, 'pause'); }
      });
    },
    good: function () {
      var path = opPath('report');
      openPad(T.titleGood, 1, function (n) {
        book('POST', path, { workUnit: UNIT, good: n }, 'report');
        refocus();
      });
    },
    scrap: function () { quantityWithReason('scrap', 'SCRAP', T.titleScrap, T.titleScrapWhy); },
    rework: function () { quantityWithReason('rework', 'REWORK', T.titleRework, T.titleReworkWhy); },
    'downtime-open': function () {
      state.pending = { allowLater: true };
      openReasons('DOWNTIME', T.titleDown, function (reason) {
        book('POST', downtimePath(''), reason ? { reason: reason } : {}, 'downOpen');
      });
    },
    classify: function () {
      if (!state.downtime) { return; }
      var path = downtimePath('/' + state.downtime.id);
      openReasons('DOWNTIME', T.titleDown, function (reason) {
        if (reason) { book('PUT', path, { reason: reason }, 'downClassify'); }
      });
    },
    'downtime-close': function () {
      if (!state.downtime) { return; }
      book('POST', downtimePath('/' + state.downtime.id + '/close'), {}, 'downClose');
    },
    cancel: closeOverlays,
    'pad-ok': padOk
  };

  function downtimePath(rest) {
    return '/api/v1/work-units/' + encodeURIComponent(SITE) + '/' + encodeURIComponent(UNIT) + '/downtimes' + rest;
  }

  function quantityWithReason(field, kind, title, why) {
    var path = opPath('report');
    openPad(title, 1, function (n) {
      openReasons(kind, why + ' (' + num(n) + ')', function (reason) {
        if (!reason) { return; }
        var b = { workUnit: UNIT };
        b[field] = n;
        b[field + 'Reason'] = reason;
        book('POST', path, b, 'report');
      });
    });
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-action]');
    if (b && actions[b.dataset.action]) {
      actions[b.dataset.action]();
    }
    if (!e.target.closest('.t-overlay')) { refocus(); }
  });

  // ---------------------------------------------------------------- scanning

  scan.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') { return; }
    e.preventDefault();
    var code = scan.value.trim();
    scan.value = '';
    if (code) { scanned(code); }
  });

  function scanned(code) {
    var m = /^OP:([0-9a-f-]{36})$/i.exec(code);
    var hit = null;
    if (m) {
      hit = find(m[1].toLowerCase());
    } else {
      hit = state.dispatch.filter(function (i) {
        return i.operation.orderNumber + '/' + i.operation.sequence === code;
      })[0] || state.dispatch.filter(function (i) { return i.operation.orderNumber === code; })[0];
    }
    if (hit) {
      select(hit.operation.id);
      render();
      banner('info', T.selected + ': ' + hit.operation.orderNumber + ' / ' + hit.operation.sequence);
      return;
    }
    if (m) { banner('error', T.notHere + ': ' + code); return; }
    var item = state.selected && find(state.selected);
    if (!item || !onUnit(item)) { banner('error', T.unknownCode + ': ' + code); return; }
    consumeLot(item, code);
  }

  function componentsOf(orderNumber) {
    if (state.components[orderNumber]) { return Promise.resolve(state.components[orderNumber]); }
    return get('/api/v1/production-orders/' + encodeURIComponent(orderNumber) + '/components')
      .then(function (list) { state.components[orderNumber] = list; return list; });
  }

  function consumeLot(item, lot) {
    var op = item.operation, path = opPath('consumptions');
    componentsOf(op.orderNumber).then(function (all) {
      var lotTracked = all.filter(function (c) { return c.tracking === 'LOT'; });
      if (!lotTracked.length) { banner('error', T.noLotMaterial); return; }
      var chosen = lotTracked[0];
      var perPiece = function (c) {
        var total = Number(c.requiredQuantity.value), pieces = Number(op.plannedQuantity.value);
        return pieces > 0 && total > 0 ? Math.round(total / pieces * 1000000) / 1000000 : 1;
      };
      openPad(T.titleLot + ' ' + lot + ' · ' + chosen.material, perPiece(chosen), function (n) {
        book('POST', path, { workUnit: UNIT, material: chosen.material, lot: lot, quantity: n }, 'consume');
        refocus();
      });
      if (lotTracked.length > 1) {
        var box = $('lot-materials');
        box.innerHTML = '';
        lotTracked.forEach(function (c) {
          var t = document.createElement('button');
          t.type = 'button';
          t.className = 'tile plain';
          t.setAttribute('aria-pressed', String(c === chosen));
          t.textContent = c.material;
          t.addEventListener('click', function () {
            chosen = c;
            $('pad-title').textContent = T.titleLot + ' ' + lot + ' · ' + c.material;
            $('amount').value = String(perPiece(c));
            box.querySelectorAll('button').forEach(function (x) { x.setAttribute('aria-pressed', String(x === t)); });
          });
          box.appendChild(t);
        });
        $('lot-choice').hidden = false;
      }
    }).catch(function () { banner('error', T.offline); });
  }

  // ---------------------------------------------------------------- logout

  $('logout').addEventListener('submit', function (e) {
    // back to this terminal's badge login afterwards, not to the office login
    e.preventDefault();
    fetch(this.action, { method: 'POST', headers: csrf(), credentials: 'same-origin' })
      .finally(function () { window.location.href = window.location.pathname + window.location.search; });
  });

  // ---------------------------------------------------------------- start

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { closeOverlays(); }
  });
  showQueue();
  refresh();
  send();
  setInterval(tick, 1000);
  setInterval(function () { refresh(); send(); }, 20000);
  tick();
  scan.focus();
})();
