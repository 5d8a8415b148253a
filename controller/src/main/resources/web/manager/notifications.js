// The manager's view of today's SMS: what was sent, what waits, what failed. Numbers are masked by the server.
(function () {
  'use strict';
  var STATES = { PENDING: '待发送 pending', SENT: '已发送 sent', DELIVERED: '已送达 delivered', FAILED: '失败 failed' };
  var PURPOSES = { 'reminder-ahead': '即将叫号 turn near', 'reminder-overdue': '超时致歉 overdue',
                   'staff-alert': '员工告警 staff alert', 'stock-warning': '耗材预警 stock' };

  function load() {
    hallq.api('GET', '/api/notifications').then(function (r) {
      var summary = document.getElementById('summary');
      if (r.status !== 200) {
        summary.textContent = (r.body && r.body.message) || ('HTTP ' + r.status);
        return;
      }
      if (!r.body.enabled) {
        summary.textContent = '本厅未开通短信通知 (notify: in hall.yaml) / SMS notifications are off';
        return;
      }
      summary.textContent = '今日 ' + r.body.lines.length + ' 条,待发送 ' + r.body.pending + ' 条 / today '
        + r.body.lines.length + ', pending ' + r.body.pending;
      var rows = r.body.lines.slice().reverse().map(function (l) {
        return '<tr class="' + hallq.esc(l.state.toLowerCase()) + '"><td>' + hallq.esc(new Date(l.at).toLocaleTimeString())
          + '</td><td>' + hallq.esc(l.to) + '</td><td>' + hallq.esc(PURPOSES[l.purpose] || l.purpose)
          + '</td><td>' + hallq.esc(l.ticket || ('tier ' + l.tier)) + '</td><td>' + hallq.esc(STATES[l.state] || l.state)
          + '</td><td>' + hallq.esc(l.error || '') + '</td></tr>';
      });
      document.querySelector('#lines tbody').innerHTML = rows.join('');
      var p = r.body.paper;
      if (p) {
        var days = p.daysLeft < 0 ? '—' : p.daysLeft.toFixed(1);
        document.getElementById('paper-estimate').textContent = '库存 ' + p.rolls + ' 卷,日均 '
          + Math.round(p.ticketsPerDay) + ' 张,预计可用 ' + days + ' 天' + (p.nearEnd ? '(当前纸卷将尽)' : '')
          + ' / ' + p.rolls + ' rolls, ' + Math.round(p.ticketsPerDay) + ' tickets a day, about ' + days
          + ' days left' + (p.nearEnd ? ' (loaded roll near its end)' : '') + (p.low ? ' ⚠' : '');
      }
    });
  }

  document.getElementById('paper-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var rolls = parseInt(document.getElementById('paper-rolls').value, 10);
    hallq.api('POST', '/api/notifications/paper', { rolls: rolls }).then(function (r) {
      document.getElementById('paper-result').textContent = r.status === 200 ? '已保存 saved'
        : (r.body && r.body.message) || ('HTTP ' + r.status);
      load();
    });
  });
  hallq.session().then(function (s) {
    if (!s) {
      document.getElementById('summary').textContent = '请先在经理页登录 / Log in on the manager page first';
      return;
    }
    load();
    setInterval(load, 5000);
  });
})();
