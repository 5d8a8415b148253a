// The public booking page (/book/): confirm a phone with an SMS code, then join a service's queue from a distance,
// book a time, list and cancel bookings. The customer token lives in this tab's sessionStorage and goes in the
// X-Customer-Token header; the page never shows the number except masked. Text nodes only (no innerHTML for data).
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var KEY = 'hallq.customer';
  var customer = null; // {token, phoneMasked}
  var hall = null;

  try { customer = JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (e) { customer = null; }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function bi(zh, en) { // "中文" with the English beneath, as text nodes
    var span = el('span', null, zh);
    span.appendChild(el('span', 'en', en));
    return span;
  }

  var sayTimer = null;

  function say(text, ok) {
    $('message').textContent = text || '';
    $('message').className = 'message' + (ok ? ' ok' : '');
    clearTimeout(sayTimer);
    if (ok) sayTimer = setTimeout(function () { $('message').textContent = ''; }, 8000); // errors stay
  }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (customer) headers['X-Customer-Token'] = customer.token;
    return fetch(path, { method: method, headers: headers, credentials: 'omit',
                         body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          var b = null;
          try { b = t ? JSON.parse(t) : null; } catch (e) { b = { error: 'BAD_RESPONSE', message: t }; }
          if (r.status === 401 && b && b.error === 'VERIFY_PHONE') signOut(b.message);
          return { status: r.status, body: b };
        });
      })
      .catch(function (e) { return { status: 0, body: { error: 'NETWORK', message: '网络错误 / network error' } }; });
  }

  function fail(r) { say((r.body && r.body.message) || ('HTTP ' + r.status)); }

  // a time as the hall's clocks show it (the phone may be set to another zone)
  function time(iso) {
    return new Date(iso).toLocaleTimeString('en-GB', { timeZone: hall ? hall.zone : undefined, hour: '2-digit',
                                                       minute: '2-digit', hour12: false });
  }

  function minutes(sec) { return Math.max(1, Math.ceil(sec / 60)); }

  function signedIn() {
    var on = !!customer;
    document.body.dataset.verified = on ? 'yes' : 'no';
    $('phone-form').classList.toggle('hidden', on);
    $('code-form').classList.add('hidden');
    $('who').classList.toggle('hidden', !on);
    $('who-phone').textContent = on ? customer.phoneMasked : '';
    Array.prototype.forEach.call(document.querySelectorAll('.needs-phone'), function (s) {
      s.classList.toggle('locked', !on);
    });
    if (on) { loadBookings(); loadSlots(); }
  }

  function signOut(why) {
    if (customer) api('DELETE', '/api/public/sessions');
    customer = null;
    sessionStorage.removeItem(KEY);
    $('bookings').replaceChildren();
    signedIn();
    if (why) say(why);
  }

  $('phone-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var phone = $('phone').value.trim();
    if (!/^1[0-9]{10}$/.test(phone)) { say('请输入 11 位手机号 / Please enter an 11-digit mobile number'); return; }
    $('send-code').disabled = true;
    api('POST', '/api/public/codes', { phone: phone }).then(function (r) {
      if (r.status === 202) {
        say('验证码已发送至 ' + r.body.phoneMasked + ' / Code sent to ' + r.body.phoneMasked, true);
        $('code-form').classList.remove('hidden');
        $('code').focus();
        setTimeout(function () { $('send-code').disabled = false; }, r.body.resendSeconds * 1000);
      } else {
        fail(r);
        $('send-code').disabled = false;
      }
    });
  });

  $('code-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    api('POST', '/api/public/sessions', { phone: $('phone').value.trim(), code: $('code').value.trim() })
      .then(function (r) {
        if (r.status !== 200) { fail(r); return; }
        customer = { token: r.body.customerToken, phoneMasked: r.body.phoneMasked };
        sessionStorage.setItem(KEY, JSON.stringify(customer));
        $('code').value = '';
        say('手机号已确认 / Phone confirmed', true);
        signedIn();
      });
  });

  $('not-me').addEventListener('click', function () { signOut(''); });

  function renderHall(h) {
    hall = h;
    $('hall').textContent = h.hallZh;
    $('hall-en').textContent = h.hallEn;
    $('window-before').textContent = $('window-before-en').textContent = h.checkInBeforeMinutes;
    $('window-after').textContent = $('window-after-en').textContent = h.checkInAfterMinutes;
    var list = $('services');
    list.replaceChildren();
    var select = $('book-service');
    var chosen = select.value;
    select.replaceChildren();
    var joinable = h.services.filter(function (s) { return s.remote; });
    if (!joinable.length) list.appendChild(el('li', null, '暂不支持线上取号 / No joining from a phone here now'));
    h.services.forEach(function (s) {
      if (s.bookable) {
        var o = el('option', null, s.nameZh + ' ' + s.nameEn);
        o.value = s.code;
        select.appendChild(o);
      }
      if (!s.remote) return;
      var li = el('li');
      li.dataset.service = s.code;
      var name = el('div', 'name');
      name.appendChild(bi(s.nameZh, s.nameEn));
      var facts = el('div', 'facts', s.enabled
        ? '等候 ' + s.waiting + ' 人' + (s.waitSeconds >= 0 ? ',约 ' + minutes(s.waitSeconds) + ' 分钟' : '')
          + ' / ' + s.waiting + ' waiting' + (s.waitSeconds >= 0 ? ', about ' + minutes(s.waitSeconds) + ' min' : '')
        : (s.messageZh || '暂停办理') + ' / ' + (s.messageEn || 'Paused'));
      name.appendChild(facts);
      li.appendChild(name);
      var b = el('button', 'join');
      b.appendChild(bi('取号', 'Join'));
      b.disabled = !s.enabled;
      b.addEventListener('click', function () { join(s); });
      li.appendChild(b);
      list.appendChild(li);
    });
    if (chosen) select.value = chosen;
    var days = $('book-day');
    var day = days.value;
    days.replaceChildren();
    h.bookingDays.forEach(function (d, i) {
      var o = el('option', null, d + (i === 0 ? ' 今天 today' : i === 1 ? ' 明天 tomorrow' : ''));
      o.value = d;
      days.appendChild(o);
    });
    if (day) days.value = day;
  }

  function loadHall() {
    return api('GET', '/api/public/hall').then(function (r) {
      if (r.status === 200) renderHall(r.body); else fail(r);
    });
  }

  function join(s) {
    if (!customer) { say('请先确认手机号 / Please confirm your phone first'); return; }
    api('POST', '/api/public/remote', { service: s.code }).then(function (r) {
      if (r.status !== 200) { fail(r); return; }
      var t = r.body;
      var box = $('remote');
      box.replaceChildren();
      box.appendChild(bi('您的号码', 'Your number'));
      box.appendChild(el('div', 'ticket', t.ticket));
      box.appendChild(el('div', null, '前面 ' + t.peopleAhead + ' 人 / ' + t.peopleAhead + ' ahead'));
      box.appendChild(bi('到大厅后请在取号机输入手机号签到,签到后才会叫号。',
        'Check in at the ticket dispenser with your phone number when you arrive: you are called only after that.'));
      if (t.smsReminder) {
        box.appendChild(bi('快轮到您时,我们会发短信到 ' + customer.phoneMasked + '。',
          'We will text ' + customer.phoneMasked + ' when your turn is near.'));
      }
      var a = el('a', 'follow');
      a.href = t.mobileUrl;
      a.appendChild(bi('查看排队进度', 'Follow my ticket'));
      box.appendChild(a);
      box.classList.remove('hidden');
      box.dataset.ticket = t.ticket;
      say('已取号 ' + t.ticket + ' / Joined: ' + t.ticket, true);
      loadHall();
    });
  }

  function loadSlots() {
    var service = $('book-service').value, day = $('book-day').value;
    var list = $('slots');
    if (!service || !day) { list.replaceChildren(); return; }
    api('GET', '/api/public/slots?service=' + encodeURIComponent(service) + '&day=' + encodeURIComponent(day))
      .then(function (r) {
        list.replaceChildren();
        if (r.status !== 200) { fail(r); return; }
        r.body.slots.forEach(function (s) {
          var li = el('li', s.left > 0 ? '' : 'full');
          li.dataset.start = s.start;
          li.appendChild(el('span', 'time', time(s.start) + '–' + time(s.end)));
          li.appendChild(el('span', 'left', s.left > 0 ? '余 ' + s.left + ' / ' + s.left + ' left' : '已满 / full'));
          var b = el('button', 'book');
          b.appendChild(bi('预约', 'Book'));
          b.disabled = s.left <= 0 || !customer;
          b.addEventListener('click', function () { book(service, s.start); });
          li.appendChild(b);
          list.appendChild(li);
        });
        if (!r.body.slots.length) list.appendChild(el('li', 'full', '当天没有可预约的时间 / No times to book on this day'));
      });
  }

  function book(service, start) {
    api('POST', '/api/public/bookings', { service: service, start: start }).then(function (r) {
      if (r.status !== 200) { fail(r); loadSlots(); return; }
      say('已预约 ' + time(r.body.start) + ' / Booked for ' + time(r.body.start), true);
      loadSlots();
      loadBookings();
    });
  }

  function loadBookings() {
    if (!customer) return;
    api('GET', '/api/public/bookings').then(function (r) {
      var list = $('bookings');
      list.replaceChildren();
      if (r.status !== 200) { fail(r); return; }
      r.body.bookings.forEach(function (b) {
        var li = el('li');
        li.dataset.booking = b.id;
        li.dataset.status = b.status;
        var what = el('div', 'what');
        what.appendChild(bi(b.day + ' ' + time(b.start) + '–' + time(b.end) + ' ' + b.serviceZh, b.serviceEn + ' · ' + b.statusEn));
        li.appendChild(what);
        if (b.cancellable) {
          var c = el('button', 'cancel');
          c.appendChild(bi('取消', 'Cancel'));
          c.addEventListener('click', function () { cancel(b.id); });
          li.appendChild(c);
        }
        list.appendChild(li);
      });
      if (!r.body.bookings.length) list.appendChild(el('li', null, '暂无预约 / No bookings'));
    });
  }

  function cancel(id) {
    api('DELETE', '/api/public/bookings/' + encodeURIComponent(id)).then(function (r) {
      if (r.status !== 200) { fail(r); return; }
      say('已取消预约 / Booking cancelled', true);
      loadBookings();
      loadSlots();
    });
  }

  $('book-service').addEventListener('change', loadSlots);
  $('book-day').addEventListener('change', loadSlots);
  loadHall().then(function () { signedIn(); });
  setInterval(loadHall, 30000);
})();
