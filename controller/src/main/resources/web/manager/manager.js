// Manager page: live queue by service and class, counters and profiles, alarms; switch services, open and
// close counters, change profiles. Every change goes through the API and is journaled as an event.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var esc = hallq.esc;
  var view = null;
  var STATUS = { OPEN: '开 Open', PAUSED: '暂停 Paused', CLOSED: '关 Closed' };

  function show(r, okText) {
    var m = $('message');
    if (r.status === 200) { m.textContent = okText; m.className = 'message good'; }
    else { m.textContent = '未执行 Not done: ' + (r.body ? r.body.message : r.status); m.className = 'message bad'; }
  }

  function start(session) {
    if (session.role !== 'MANAGER') {
      $('login-error').textContent = '需要经理账号 / a manager login is needed';
      return;
    }
    $('login-form').classList.add('hidden');
    $('desk').classList.remove('hidden');
    $('logout').classList.remove('hidden');
    $('who').textContent = session.user;
    hallq.feed('/api/feed/manager', 'hall', render, function (up) {
      $('live').className = 'live ' + (up ? 'up' : 'down');
    });
  }

  function render(v) {
    view = v;
    document.body.dataset.seq = v.seq;
    $('hall').textContent = v.hallZh;
    $('hall-en').textContent = v.hallEn;
    $('alarms').innerHTML = v.alarms.map(function (a) {
      return '<div class="alarm">⚠ ' + esc(a.messageZh) + ' <span class="en">' + esc(a.messageEn) + '</span></div>';
    }).join('');
    renderServices(v);
    renderCounters(v);
    $('tickets').innerHTML = v.tickets.filter(function (t) { return t.status === 'WAITING'; }).map(function (t) {
      return '<span class="' + (t.vipRoom ? 'vip' : '') + (t.waitedSeconds > 600 ? ' over' : '') + '">'
        + esc(t.number) + ' ' + esc(t.customerClass) + ' ' + hallq.minutes(t.waitedSeconds) + '′</span>';
    }).join('') || '—';
  }

  function renderServices(v) {
    // keep what the manager is typing across live updates
    var typed = {}, focused = document.activeElement;
    var focusKey = focused && focused.classList.contains('msg') ? (focused.dataset.zh ? 'zh:' + focused.dataset.zh
      : 'en:' + focused.dataset.en) : null;
    document.querySelectorAll('#services input.msg').forEach(function (i) {
      typed[i.dataset.zh ? 'zh:' + i.dataset.zh : 'en:' + i.dataset.en] = i.value;
    });
    var head = '<tr><th>业务 Service</th><th>等候 Waiting</th>' + v.classes.map(function (c) {
      return '<th>' + esc(c.nameZh) + ' ' + esc(c.nameEn) + '</th>';
    }).join('') + '<th>预计 Est.</th><th>今日完成 Served</th><th>状态 State</th><th></th></tr>';
    $('services').innerHTML = head + v.services.map(function (s) {
      var counts = v.countsByService[s.code] || { served: 0 };
      var cells = v.classes.map(function (c) { return '<td>' + (s.waitingByClass[c.code] || 0) + '</td>'; }).join('');
      var action = s.enabled
        ? '<input class="msg" placeholder="原因 (中文)" data-zh="' + s.code + '"> <input class="msg" placeholder="Reason (English)" data-en="'
          + s.code + '"> <button data-off="' + s.code + '">暂停 Switch off</button>'
        : esc(s.messageZh) + ' / ' + esc(s.messageEn) + ' <button data-on="' + s.code + '">恢复 Switch on</button>';
      return '<tr class="' + (s.enabled ? '' : 'off') + '" data-service="' + s.code + '"><td>' + esc(s.nameZh)
        + ' <span class="en">' + esc(s.nameEn) + '</span></td><td><b>' + s.waiting + '</b></td>' + cells + '<td>'
        + (s.walkInWaitSeconds < 0 ? '—' : hallq.minutes(s.walkInWaitSeconds) + ' min') + '</td><td>'
        + counts.served + '</td><td>' + (s.enabled ? '办理中 On' : '暂停 Off') + '</td><td>' + action + '</td></tr>';
    }).join('');
    document.querySelectorAll('#services input.msg').forEach(function (i) {
      var key = i.dataset.zh ? 'zh:' + i.dataset.zh : 'en:' + i.dataset.en;
      if (typed[key]) i.value = typed[key];
      if (key === focusKey) i.focus();
    });
  }

  function renderCounters(v) {
    var head = '<tr><th>窗口 Counter</th><th>状态 State</th><th>当前 Serving</th><th>今日 Today</th>'
      + '<th>业务优先级 Profile</th><th></th></tr>';
    $('counters').innerHTML = head + v.counters.map(function (c) {
      var t = v.countsByCounter[c.number] || { served: 0, called: 0 };
      var profile = c.profile.map(function (p) {
        return esc(p.service) + (p.classes.length ? '[' + p.classes.join(' ') + ']' : '')
          + (p.weightSeconds ? '+' + Math.round(p.weightSeconds / 60) + 'm' : '');
      }).join(', ') || '—';
      var toggle = c.status === 'CLOSED' ? '<button data-open="' + c.number + '">开 Open</button>'
        : '<button data-close="' + c.number + '">关 Close</button>';
      return '<tr data-counter="' + c.number + '"><td>' + esc(c.nameZh) + ' <span class="en">' + esc(c.nameEn)
        + '</span></td><td class="st-' + c.status + '">' + STATUS[c.status] + '</td><td>' + esc(c.current || '—')
        + '</td><td>' + t.served + ' / ' + t.called + '</td><td>' + profile + '</td><td>' + toggle
        + ' <button data-profile="' + c.number + '">改 Edit profile</button></td></tr>';
    }).join('');
  }

  function editProfile(n) {
    var c = view.counters.filter(function (x) { return x.number === n; })[0];
    var box = $('profile-editor');
    box.dataset.counter = n;
    box.innerHTML = '<b>' + esc(c.nameZh) + ' ' + esc(c.nameEn) + '</b>: ' + view.services.map(function (s) {
      var line = c.profile.filter(function (p) { return p.service === s.code; })[0];
      return '<label><input type="checkbox" data-svc="' + s.code + '"' + (line ? ' checked' : '') + '> '
        + esc(s.nameZh) + ' +<input type="number" min="0" data-w="' + s.code + '" value="'
        + (line ? Math.round(line.weightSeconds / 60) : 0) + '">min</label>';
    }).join('') + ' <button id="profile-save">保存 Save</button> <button id="profile-cancel">取消 Cancel</button>';
    box.classList.remove('hidden');
    $('profile-save').onclick = function () {
      var lines = [];
      box.querySelectorAll('input[data-svc]').forEach(function (cb) {
        if (!cb.checked) return;
        var old = c.profile.filter(function (p) { return p.service === cb.dataset.svc; })[0];
        var w = parseInt(box.querySelector('input[data-w="' + cb.dataset.svc + '"]').value, 10) || 0;
        lines.push({ service: cb.dataset.svc, classes: old ? old.classes : [], weightSeconds: w * 60 });
      });
      hallq.api('PUT', '/api/counters/' + n + '/profile', { profile: lines }).then(function (r) {
        show(r, '窗口 ' + n + ' 业务已更改 Profile of counter ' + n + ' changed');
        if (r.status === 200) box.classList.add('hidden');
      });
    };
    $('profile-cancel').onclick = function () { box.classList.add('hidden'); };
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b || !view) return;
    var d = b.dataset;
    if (d.off) {
      var zh = document.querySelector('input[data-zh="' + d.off + '"]').value;
      var en = document.querySelector('input[data-en="' + d.off + '"]').value;
      hallq.api('PUT', '/api/services/' + d.off, { enabled: false, messageZh: zh, messageEn: en })
        .then(function (r) { show(r, d.off + ' 已暂停 switched off'); });
    } else if (d.on) {
      hallq.api('PUT', '/api/services/' + d.on, { enabled: true })
        .then(function (r) { show(r, d.on + ' 已恢复 switched on'); });
    } else if (d.open) {
      hallq.api('POST', '/api/counters/' + d.open + '/open').then(function (r) { show(r, '已开 Opened ' + d.open); });
    } else if (d.close) {
      hallq.api('POST', '/api/counters/' + d.close + '/close').then(function (r) { show(r, '已关 Closed ' + d.close); });
    } else if (d.profile) {
      editProfile(parseInt(d.profile, 10));
    }
  });
  $('logout').onclick = hallq.logout;
  hallq.loginForm(start);
  hallq.session().then(function (s) { if (s) start(s); });
})();
