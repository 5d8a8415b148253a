// Staff terminal: one counter's current customer, today's counts and the counter keys (with shortcuts).
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var counter = null, view = null, feed = null, busy = false;

  function show(msg, good) {
    var m = $('message');
    m.textContent = msg;
    m.className = 'message ' + (good ? 'good' : 'bad');
  }

  function start(session) {
    hallq.signedIn(session, 'terminal');
    var counters = session.counters;
    var params = new URLSearchParams(location.search);
    var wanted = parseInt(params.get('counter'), 10);
    if (session.role === 'MANAGER' && !counters.length) counters = [wanted || 1];
    if (counters.indexOf(wanted) < 0) wanted = counters[0];
    if (counters.length > 1) {
      var pick = $('counter-pick');
      pick.innerHTML = counters.map(function (c) { return '<option>' + c + '</option>'; }).join('');
      pick.value = wanted;
      pick.classList.remove('hidden');
      pick.onchange = function () { follow(parseInt(pick.value, 10)); };
    }
    follow(wanted);
  }

  function follow(n) {
    counter = n;
    if (feed) feed.close();
    feed = hallq.feed('/api/feed/counter/' + n, 'counter', render, hallq.live);
  }

  function render(v) {
    view = v;
    document.body.dataset.seq = v.seq;
    $('counter-name').textContent = v.counter.nameZh;
    $('counter-name-en').textContent = v.counter.nameEn;
    var st = $('status');
    st.className = 'status ' + v.counter.status;
    st.textContent = { OPEN: '服务中 Open', PAUSED: '暂停 Paused', CLOSED: '关闭 Closed' }[v.counter.status];
    var c = v.current;
    $('customer').classList.toggle('hidden', !c);
    $('no-customer').classList.toggle('hidden', !!c);
    if (c) {
      $('c-ticket').textContent = c.ticket + (c.vipRoom ? ' ★' : '');
      $('c-service').textContent = c.serviceZh + ' ' + c.serviceEn;
      $('c-class').textContent = c.classZh + ' ' + c.classEn;
      $('c-waited').textContent = hallq.duration(c.waitedSeconds);
      $('c-phone').textContent = c.phoneMasked || '—';
      $('c-recalls').textContent = c.recalls;
    }
    $('t-called').textContent = v.today.called;
    $('t-served').textContent = v.today.served;
    $('t-noshow').textContent = v.today.noShows;
    $('t-transferred').textContent = v.today.transferred;
    $('queues').innerHTML = v.queues.map(function (q) {
      return '<tr><td>' + hallq.esc(q.nameZh) + ' <span class="en">' + hallq.esc(q.nameEn) + '</span></td><td><b>'
        + q.waiting + '</b></td></tr>';
    }).join('');
    $('transfer-to').innerHTML = v.services.filter(function (s) { return s.enabled; }).map(function (s) {
      return '<option value="' + hallq.esc(s.code) + '">' + hallq.esc(s.nameZh) + ' ' + hallq.esc(s.nameEn) + '</option>';
    }).join('');
    var paused = v.counter.status === 'PAUSED';
    $('k-pause').innerHTML = (paused ? '恢复 <span class="en">Resume</span>' : '暂停 <span class="en">Pause</span>')
      + '<kbd>P</kbd>';
    var open = v.counter.status === 'OPEN';
    ['k-call'].forEach(function (id) { $(id).disabled = !open; });
    ['k-recall', 'k-noshow', 'k-finish', 'k-transfer'].forEach(function (id) { $(id).disabled = !open || !c; });
    $('k-pause').disabled = v.counter.status === 'CLOSED';
    tickServing();
  }

  function tickServing() {
    if (view && view.current && view.current.calledAt) {
      $('c-serving').textContent = hallq.duration((Date.now() - Date.parse(view.current.calledAt)) / 1000);
    }
  }

  function press(action, body, okText) {
    if (busy || counter === null) return;
    busy = true;
    hallq.api('POST', '/api/counters/' + counter + '/' + action, body).then(function (r) {
      busy = false;
      if (r.status === 200) {
        var t = r.body.result;
        show(okText + (t ? ': ' + t : ''), true);
      } else {
        show('未执行 Not done: ' + (r.body ? r.body.message : r.status), false);
      }
    });
  }

  var actions = {
    C: function () { press('call-next', undefined, '已叫号 Called'); },
    R: function () { press('recall', undefined, '已重呼 Recalled'); },
    X: function () { press('no-show', undefined, '已过号 No-show recorded'); },
    F: function () { press('finish', undefined, '已完成 Finished'); },
    T: function () { $('transfer-box').classList.remove('hidden'); $('transfer-to').focus(); },
    P: function () {
      if (!view) return;
      if (view.counter.status === 'PAUSED') press('resume', undefined, '已恢复 Resumed');
      else press('pause', undefined, '已暂停 Paused');
    }
  };

  document.querySelectorAll('.keys button').forEach(function (b) {
    b.addEventListener('click', function () { actions[b.dataset.key](); });
  });
  $('transfer-go').onclick = function () {
    $('transfer-box').classList.add('hidden');
    press('transfer', { service: $('transfer-to').value }, '已转移 Transferred');
  };
  $('transfer-cancel').onclick = function () { $('transfer-box').classList.add('hidden'); };

  document.addEventListener('keydown', function (e) {
    if ($('terminal').classList.contains('hidden') || e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT')) return;
    var k = e.key === 'Enter' ? 'C' : e.key.toUpperCase();
    var btn = document.querySelector('.keys button[data-key="' + k + '"]');
    if (actions[k] && btn && !btn.disabled) { e.preventDefault(); actions[k](); }
  });

  setInterval(tickServing, 1000);
  hallq.signIn(start);
})();
