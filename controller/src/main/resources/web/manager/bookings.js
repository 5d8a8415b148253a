// Manager page, bookings card: today's bookings per slot (service, time, capacity, booked, left) and who booked
// (masked numbers only). Asked again when the live view moves on, at most every 5 seconds.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var esc = hallq.esc;
  var last = 0, pending = null;
  var STATUS = { BOOKED: '已预约 Booked', CHECKED_IN: '已签到 Checked in', CANCELLED: '已取消 Cancelled', LAPSED: '已过期 Lapsed' };

  var zone;

  function time(iso) { // as the hall's clocks show it
    return new Date(iso).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false });
  }

  function render(d) {
    zone = d.zone;
    var slots = d.slots.filter(function (s) { return s.capacity > 0 || s.bookings.length > 0; });
    var booked = 0;
    d.slots.forEach(function (s) { booked += s.booked; });
    $('bookings-sum').textContent = d.day + ' · 预约 ' + booked + ' 个 / ' + booked + ' booked';
    if (!slots.length) {
      $('bookings').innerHTML = '<tr><td>今天没有可预约的时段 <span class="en">No booking slots today</span></td></tr>';
      return;
    }
    $('bookings').innerHTML = '<tr><th>业务 Service</th><th>时段 Slot</th><th>容量 Capacity</th><th>已约 Booked</th>'
      + '<th>剩余 Left</th><th>预约 Bookings</th></tr>' + slots.map(function (s) {
        return '<tr data-service="' + esc(s.service) + '" data-start="' + esc(s.start) + '"><td>' + esc(s.service)
          + '</td><td>' + time(s.start) + '–' + time(s.end) + '</td><td>' + s.capacity + '</td><td class="booked">'
          + s.booked + '</td><td class="left' + (s.left === 0 ? ' left0' : '') + '">' + s.left + '</td><td>'
          + s.bookings.map(function (b) {
            return '<span class="who ' + esc(b.status) + '" title="' + esc(STATUS[b.status] || b.status) + '">'
              + esc(b.phoneMasked) + (b.ticket ? ' → ' + esc(b.ticket) : '') + '</span>';
          }).join('') + '</td></tr>';
      }).join('');
  }

  function refresh() {
    pending = null;
    last = Date.now();
    hallq.api('GET', '/api/bookings').then(function (r) { if (r.status === 200) render(r.body); });
  }

  // the manager page's live view sets body[data-seq]: follow it
  new MutationObserver(function () {
    if (pending) return;
    pending = setTimeout(refresh, Math.max(0, 5000 - (Date.now() - last)));
  }).observe(document.body, { attributes: true, attributeFilter: ['data-seq'] });
})();
