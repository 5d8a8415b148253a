// Manager page: live queue by service and class, counters and profiles, alarms; switch services, open and
// close counters, change profiles, post a board notice. Every change goes through the API and is journaled as an
// event with the manager's name.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var esc = hallq.esc;
  var view = null;
  var STATUS = { OPEN: '开 Open', PAUSED: '暂停 Paused', CLOSED: '关 Closed' };
  var staffingKey = null;

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
    hallq.signedIn(session, 'desk');
    hallq.feed('/api/feed/manager', 'hall', render, hallq.live);
  }

  function render(v) {
    view = v;
    document.body.dataset.seq = v.seq;
    $('hall').textContent = v.hallZh;
    $('hall-en').textContent = v.hallEn;
    $('alarms').innerHTML = v.alarms.map(function (a) {
      return '<div class="alarm">⚠ ' + esc(a.messageZh) + ' <span class="en">' + esc(a.messageEn) + '</span></div>';
    }).join('');
    renderNotice(v.notice);
    renderServices(v);
    renderCounters(v);
    refreshStaffing(v);
    $('tickets').innerHTML = v.tickets.filter(function (t) { return t.status === 'WAITING'; }).map(function (t) {
      return '<span class="' + (t.vipRoom ? 'vip' : '') + (t.waitedSeconds > 600 ? ' over' : '') + '">'
        + esc(t.number) + ' ' + esc(t.customerClass) + ' ' + hallq.minutes(t.waitedSeconds) + '′</span>';
    }).join('') || '—';
  }

  function renderNotice(n) {
    var now = $('notice-now');
    if (n) {
      var until = new Date(n.until);
      now.innerHTML = '📢 ' + esc(n.textZh) + ' <span class="en">' + esc(n.textEn) + '</span> · 至 <span class="en">until</span> '
        + (until.getHours() < 10 ? '0' : '') + until.getHours() + ':' + (until.getMinutes() < 10 ? '0' : '')
        + until.getMinutes() + (n.by ? ' · ' + esc(n.by) : '');
      now.dataset.shown = n.textEn;
    } else {
      now.textContent = '大厅屏幕上没有公告 — no notice on the board';
      delete now.dataset.shown;
    }
    $('notice-withdraw').classList.toggle('hidden', !n);
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

  // The advice changes with the open counters, the alarms and the hour: ask again only when one of them changed.
  function refreshStaffing(v) {
    var open = v.counters.filter(function (c) { return c.status === 'OPEN'; }).length;
    var key = v.day + '|' + open + '|' + new Date(v.at).getHours() + '|' + v.alarms.map(function (a) {
      return a.alarmId + ':' + JSON.stringify(a.figures || {});
    }).join(',');
    if (key === staffingKey) return;
    staffingKey = key;
    hallq.api('GET', '/api/staffing').then(function (r) {
      if (r.status === 200) renderStaffing(r.body);
      else $('staffing-now').textContent = '人手建议暂不可用 Staffing advice unavailable: '
        + (r.body ? r.body.message : r.status);
    });
  }

  function hh(h) { return (h < 10 ? '0' : '') + h + ':00'; }

  function renderStaffing(s) {
    var more = $('open-more');
    if (s.openMore) {
      more.innerHTML = '⚠ ' + esc(s.openMore.messageZh) + ' <span class="en">' + esc(s.openMore.messageEn) + '</span>';
      more.dataset.counters = s.openMore.counters;
      more.classList.remove('hidden');
    } else {
      more.innerHTML = '';
      delete more.dataset.counters;
      more.classList.add('hidden');
    }
    var now = $('staffing-now');
    now.dataset.open = s.openNow;
    now.dataset.needed = s.neededNow == null ? '' : s.neededNow;
    now.innerHTML = '现在开放 <b>' + s.openNow + '</b> 个窗口 <span class="en">open now</span>'
      + (s.neededNow == null ? '' : ' · 本时段建议 <b>' + s.neededNow + '</b> 个 <span class="en">advised for '
        + hh(s.currentHour) + '</span>');
    var head = '<tr><th>时段 Hour</th>' + s.hours.map(function (h) {
      return '<th' + (h.hour === s.currentHour ? ' class="now"' : '') + '>' + hh(h.hour) + '</th>';
    }).join('') + '</tr>';
    var row = function (zh, en, cls, cell) {
      return '<tr class="' + cls + '"><th>' + zh + ' <span class="en">' + en + '</span></th>' + s.hours.map(function (h) {
        return cell(h, h.hour === s.currentHour);
      }).join('') + '</tr>';
    };
    $('staffing').innerHTML = head
      + row('建议窗口数', 'Counters needed', 'needed', function (h, isNow) {
        var short = isNow && h.counters > s.openNow;
        return '<td data-hour="' + h.hour + '" data-enough="' + h.enough + '" data-judged="' + h.judged
          + '" class="' + (isNow ? 'now' : '') + (short ? ' short' : '') + (h.enough ? '' : ' not-enough') + '">'
          + h.counters + (h.enough ? '' : '!') + '</td>';
      })
      + row('排班', 'Hall\'s roster', 'hall-roster', function (h, isNow) {
        return '<td data-roster-hour="' + h.hour + '" class="' + (isNow ? 'now' : '')
          + (h.counters > h.hallRoster ? ' short' : '') + '">' + h.hallRoster + '</td>';
      })
      + row('预计到达/小时', 'Arrivals per hour', 'arrivals', function (h, isNow) {
        return '<td class="' + (isNow ? 'now' : '') + '">' + (h.arrivalsPerHour ? h.arrivalsPerHour.toFixed(1) : '—') + '</td>';
      })
      + row('等候目标(分)', 'Wait target (min)', 'target', function (h, isNow) {
        return '<td class="' + (isNow ? 'now' : '') + '">' + Math.round(h.targetSeconds / 60) + '</td>';
      })
      + row('现在开放', 'Open now', 'open', function (h, isNow) {
        return '<td class="' + (isNow ? 'now' : '') + '">' + (isNow ? s.openNow : '') + '</td>';
      });
    $('roster').innerHTML = '建议排班 <span class="en">Roster</span>: ' + (s.roster.map(function (r) {
      return hh(r.fromHour) + '–' + hh(r.toHour) + ' ' + r.counters + ' 个窗口 <span class="en">counter'
        + (r.counters === 1 ? '' : 's') + '</span>';
    }).join(' · ') || '—');
    var shortBox = $('staffing-short');
    if (s.shortHours.length) {
      var at = s.shortHours.map(hh).join(', ');
      shortBox.innerHTML = '全部 ' + s.hallCounters + ' 个窗口开放仍达不到等候目标: ' + at
        + ' <span class="en">Not enough even with all ' + s.hallCounters + ' counters open at ' + at
        + ': open the duty manager\'s desk or send customers to a neighbouring hall</span>';
      shortBox.classList.remove('hidden');
    } else {
      shortBox.innerHTML = '';
      shortBox.classList.add('hidden');
    }
    var method = s.method === 'SIMULATION'
      ? '按本厅 ' + s.daysObserved + ' 个同星期日的忙闲时档案模拟求得最少窗口数 <span class="en">Fewest counters found by'
        + ' simulating the hall\'s own profile (' + s.daysObserved + ' days of this weekday)</span>'
      : 'Erlang C 估算(同星期日记录 ' + s.daysObserved + ' 天,少于 ' + s.minDays + ' 天不做模拟) <span class="en">'
        + 'Erlang C estimate (' + s.daysObserved + ' days of this weekday; the simulation needs ' + s.minDays
        + ')</span>';
    $('staffing-basis').dataset.method = s.method;
    $('staffing-basis').innerHTML = method + ' · ' + (s.profileFrom
      ? '依据 ' + esc(s.profileFrom) + ' 至 ' + esc(s.profileTo) + ' 的忙闲时档案,' + Math.round(s.serviceLevel * 100)
        + '% 客户在目标时间内 <span class="en">From the busy/idle profile ' + esc(s.profileFrom) + ' to '
        + esc(s.profileTo) + ', ' + Math.round(s.serviceLevel * 100) + '% of customers within the wait target</span>'
      : '近 ' + s.weeks + ' 周尚无记录 <span class="en">No closed business days in the last ' + s.weeks
        + ' weeks yet</span>');
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
  $('notice-form').addEventListener('submit', function (e) {
    e.preventDefault();
    hallq.api('PUT', '/api/notice', { textZh: $('notice-zh').value, textEn: $('notice-en').value,
      minutes: parseInt($('notice-minutes').value, 10) || 0 }).then(function (r) {
      show(r, '公告已发布 Notice posted');
      if (r.status === 200) { $('notice-zh').value = ''; $('notice-en').value = ''; }
    });
  });
  $('notice-withdraw').onclick = function () {
    hallq.api('DELETE', '/api/notice').then(function (r) { show(r, '公告已撤下 Notice withdrawn'); });
  };
  hallq.signIn(start);
})();
