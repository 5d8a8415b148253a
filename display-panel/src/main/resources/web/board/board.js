// The hall board: renders BoardView documents pushed over SSE (/api/feed/board). The same page runs in the
// controller and on a standalone board Pi; it never polls.
(function () {
  'use strict';
  var shownSeq = -1;
  var shownAt = null;
  // A standalone board's link to the hall (SSE event "upstream"); inside the controller there is none.
  var upstream = null;
  var upstreamDetail = '';
  var newestKey = null;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, html) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function minutes(sec) { return Math.max(1, Math.ceil(sec / 60)); }

  function renderCounters(counters) {
    var box = $('counters');
    box.innerHTML = '';
    counters.forEach(function (c) {
      var d = el('div', 'counter ' + c.status.toLowerCase());
      d.dataset.counter = c.number;
      var body;
      if (c.status === 'CLOSED') body = '暂停服务 <span class="en">Closed</span>';
      else if (c.status === 'PAUSED') body = '暂停 <span class="en">Paused</span>';
      else body = c.ticket ? esc(c.ticket) : '—';
      d.innerHTML = '<div class="name">' + esc(c.nameZh) + ' <span class="en">' + esc(c.nameEn) + '</span></div>'
        + '<div class="ticket">' + body + '</div>';
      box.appendChild(d);
    });
  }

  function renderCalls(calls) {
    var newest = $('newest');
    var list = $('calls');
    list.innerHTML = '';
    if (!calls.length) { newest.className = 'newest empty'; newest.textContent = '—'; newestKey = null; return; }
    var n = calls[0];
    newest.innerHTML = esc(n.ticket) + '<span class="to">请到 ' + n.counter + ' 号窗口'
      + '<span class="en">Please go to counter ' + n.counter + (n.recall ? ' (again)' : '') + '</span></span>';
    newest.dataset.ticket = n.ticket;
    newest.dataset.counter = n.counter;
    if (newestKey !== n.seq) {
      newest.className = 'newest';
      void newest.offsetWidth; // restart the animation
      newest.className = 'newest blink';
    }
    newestKey = n.seq;
    calls.slice(1, 6).forEach(function (c) {
      list.appendChild(el('li', '', '<span class="t">' + esc(c.ticket) + '</span><span class="c">'
        + c.counter + ' 号窗口 <span class="en">Counter ' + c.counter + '</span></span>'));
    });
  }

  function renderServices(services) {
    var box = $('services');
    box.innerHTML = '';
    services.forEach(function (s) {
      var d = el('div', 'service' + (s.enabled ? '' : ' off'));
      d.dataset.service = s.code;
      var q;
      if (!s.enabled) q = esc(s.messageZh) + '<span class="en">' + esc(s.messageEn) + '</span>';
      else if (s.waitSeconds < 0) q = '等候 <b>' + s.waiting + '</b> 人<span class="en">' + s.waiting + ' waiting</span>';
      else q = '<b>' + s.waiting + '</b> 人 · 约 <b>' + minutes(s.waitSeconds) + '</b> 分钟'
        + '<span class="en">' + s.waiting + ' waiting · about ' + minutes(s.waitSeconds) + ' min</span>';
      d.innerHTML = '<span class="n">' + esc(s.nameZh) + '<br><span class="en">' + esc(s.nameEn) + '</span></span>'
        + '<span class="q">' + q + '</span>';
      box.appendChild(d);
    });
  }

  // The hall's pre-call (early warning active): per busy service, the next customers asked to get ready.
  function renderPreCalls(preCalls) {
    var box = $('precalls');
    if (!box) return;
    box.innerHTML = '';
    (preCalls || []).forEach(function (p) {
      var d = el('div', 'precall');
      d.dataset.service = p.service;
      d.dataset.tickets = p.tickets.join(',');
      d.innerHTML = '<span class="n">' + esc(p.nameZh) + ' <span class="en">' + esc(p.nameEn) + '</span></span>'
        + '<span class="t">' + esc(p.zh) + '<span class="en">' + esc(p.en) + '</span></span>';
      box.appendChild(d);
    });
    box.hidden = !(preCalls && preCalls.length);
  }

  function renderNotices(notices) {
    var text = notices.map(function (n) { return n.zh + ' ' + n.en; }).join('　　◆　　');
    var t = $('notices');
    if (t.textContent !== text) t.textContent = text || '欢迎光临 Welcome';
  }

  var pageLinked = false;
  // The header dot: this page's own feed, and on a standalone board also the hall behind it.
  function renderLink() {
    var up = pageLinked && (upstream === null || upstream === 'LIVE');
    $('link').className = 'link ' + (up ? 'up' : 'down');
    $('link').textContent = !pageLinked ? '● 重新连接 Reconnecting'
      : upstream === 'OFFLINE' ? '● 离线 Offline'
      : upstream === 'REFUSED' ? '● 订阅被拒绝 Refused'
      : upstream === 'CONNECTING' ? '● 连接中 Connecting' : '● 在线 Live';
  }

  function hhmm(iso) {
    var d = new Date(iso);
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    return p(d.getHours()) + ':' + p(d.getMinutes());
  }

  // The notice over the board while it shows nothing current, in both languages.
  function renderState() {
    var box = $('state');
    var state = upstream === 'OFFLINE' || upstream === 'REFUSED' ? upstream
      : (upstream === 'CONNECTING' || shownSeq < 0) ? 'CONNECTING' : 'LIVE';
    box.dataset.state = state;
    document.body.dataset.upstream = state;
    box.hidden = state === 'LIVE';
    box.className = 'state' + (state === 'OFFLINE' ? ' offline' : state === 'REFUSED' ? ' refused' : '');
    $('state-detail').textContent = state === 'REFUSED' ? upstreamDetail : '';
    if (state === 'OFFLINE') {
      $('state-zh').textContent = '叫号系统离线';
      $('state-en').textContent = 'Hall controller offline';
    } else if (state === 'REFUSED') {
      $('state-zh').textContent = '叫号屏订阅被拒绝，请检查访问权限';
      $('state-en').textContent = 'The MQTT broker refused the board\'s subscription: check its access rules (ACL)';
    } else {
      $('state-zh').textContent = '正在连接叫号系统…';
      $('state-en').textContent = 'Connecting to the hall controller…';
    }
    $('state-note').textContent = state !== 'LIVE' && shownAt
      ? '下方为 ' + hhmm(shownAt) + ' 的信息 · Board as of ' + hhmm(shownAt) : '';
  }

  function render(view) {
    // No check of view.seq here: the server sends views in order on each stream, and a lower seq than the
    // one shown means the hall started a new journal (its sequence began again), so the page shows it.
    shownSeq = view.seq;
    shownAt = view.at;
    $('hall-zh').textContent = view.hallZh;
    $('hall-en').textContent = view.hallEn;
    renderCounters(view.counters);
    renderCalls(view.calls);
    renderServices(view.services);
    renderNotices(view.notices);
    renderPreCalls(view.preCalls);
    document.body.dataset.seq = view.seq;
    renderState();
  }

  function tick() {
    var d = new Date();
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    $('clock').textContent = p(d.getHours()) + ':' + p(d.getMinutes());
  }

  function connect() {
    var es = new EventSource('/api/feed/board');
    es.addEventListener('board', function (e) { render(JSON.parse(e.data)); });
    es.addEventListener('upstream', function (e) {
      var u = JSON.parse(e.data);
      upstream = u.state;
      upstreamDetail = u.detail || '';
      renderState();
      renderLink();
    });
    es.onopen = function () { pageLinked = true; renderLink(); };
    es.onerror = function () { pageLinked = false; renderLink(); };
  }

  tick();
  setInterval(tick, 10000);
  renderState();
  connect();
})();
