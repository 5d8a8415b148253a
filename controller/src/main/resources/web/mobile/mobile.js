// Mobile ticket page, opened from the ticket's QR code (/m/<token>): position, estimated wait and a clear
// "go to counter N now" when called. Live over SSE; shows nothing personal.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var token = location.pathname.split('/').pop();
  var number = null, es = null;

  function minutes(sec) { return Math.max(1, Math.ceil(sec / 60)); }

  function state(cls, zh, en) {
    $('state').className = 'state ' + cls;
    $('state-zh').textContent = zh;
    $('state-en').textContent = en;
  }

  function render(v) {
    document.body.dataset.seq = v.seq;
    document.body.dataset.status = v.status;
    $('hall').textContent = v.hallZh;
    $('hall-en').textContent = v.hallEn;
    if (v.ticket) { number = v.ticket; $('ticket').textContent = v.ticket; }
    if (v.serviceZh) {
      // text nodes only: service names come from the hall file and central, never parsed as HTML
      var en = document.createElement('span');
      en.className = 'en';
      en.textContent = v.serviceEn || '';
      $('service').replaceChildren(document.createTextNode(v.serviceZh), en);
    }
    $('facts').classList.toggle('hidden', v.status !== 'WAITING');
    document.body.dataset.checkedIn = v.checkedIn === false ? 'no' : 'yes';
    if (v.status === 'WAITING' && v.checkedIn === false) {
      // a ticket taken from a phone: counters pass it over until the customer checks in at the dispenser
      state('checkin', '到大厅后请在取号机输入手机号签到,签到后才会叫号',
        'When you arrive, type your phone number at the ticket dispenser to check in: you are called only after that');
      $('ahead').textContent = v.peopleAhead;
      $('wait').textContent = v.waitSeconds < 0 ? '—' : minutes(v.waitSeconds) + '′';
    } else if (v.status === 'WAITING') {
      state('waiting', '请耐心等候', 'Please wait, we will call you');
      $('ahead').textContent = v.peopleAhead;
      $('wait').textContent = v.waitSeconds < 0 ? '—' : minutes(v.waitSeconds) + '′';
    } else if (v.status === 'CALLED') {
      state('called', '请现在到 ' + v.counter + ' 号窗口', 'Go to counter ' + v.counter + ' now');
      if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
    } else {
      state('done', '本号已办理或已离开队列', 'This ticket has been served or has left the queue');
      if (es) es.close();
      $('live').classList.add('hidden');
    }
  }

  function connect() {
    es = new EventSource('/api/feed/ticket/' + encodeURIComponent(token));
    es.addEventListener('ticket', function (e) { render(JSON.parse(e.data)); });
    es.onopen = function () { $('live').className = 'live'; };
    es.onerror = function () {
      $('live').className = 'live down';
      // a 404 closes the stream for good: the link is wrong or the ticket is gone
      if (es.readyState === EventSource.CLOSED && number === null) {
        state('done', '该号码不在今日队列中', 'This link does not belong to a ticket of today');
      }
    };
  }
  connect();
})();
