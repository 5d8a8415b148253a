// Digital twin: every click presses a virtual device of the emulator (the same ones the tests press); the
// view comes back over SSE (/twin/api/feed) whenever a device changes.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var esc = function (s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  };
  var KEYS = [['1', '叫号', 'Call'], ['2', '重呼', 'Recall'], ['3', '过号', 'No-show'], ['4', '转移', 'Transfer'],
              ['5', '暂停', 'Pause'], ['6', '完成', 'Finish'], ['7', '', ''], ['8', '', ''], ['9', '', ''],
              ['*', '取消', 'Cancel'], ['0', '', ''], ['#', '', '']];
  var RATINGS = { 3: [['不满意', 'Unhappy'], ['一般', 'Fair'], ['满意', 'Happy']],
                  4: [['不满意', 'Unhappy'], ['一般', 'Fair'], ['满意', 'Happy'], ['非常满意', 'Very happy']] };
  var soundOn = false, heard = null, typed = '';

  function post(path) {
    return fetch(path, { method: 'POST' }).then(function (r) {
      return r.json().then(function (b) { $('message').textContent = r.ok ? '' : b.message; });
    });
  }

  function renderButtons(v) {
    $('buttons').innerHTML = v.buttons.map(function (b) {
      return '<button class="svc' + (b.lit ? ' lit' : '') + '" data-service="' + esc(b.service) + '"'
        + (b.wired ? '' : ' disabled title="not wired in devices.dispenser.buttons"') + '>' + esc(b.nameZh)
        + '<small>' + esc(b.nameEn) + (b.wired ? '' : ' · 未接线 not wired') + '</small></button>';
    }).join('');
    $('phone').classList.toggle('hidden', !v.phoneKeypad);
  }

  function renderCounters(v) {
    $('counters').innerHTML = v.counters.map(function (c) {
      var led = c.display === null ? '<div class="led dark">——</div>'
        : '<div class="led' + (c.displayLit ? '' : ' dark') + '" data-led="' + c.number + '">' + esc(c.display || ' ') + '</div>'
          + '<div class="chain">MAX7219 链 chain ' + c.chainPosition + '/' + c.chainLength + '</div>';
      var rating = c.ratingKeys ? '<div class="rating">' + RATINGS[c.ratingKeys].map(function (r, i) {
        return '<button data-rating-counter="' + c.number + '" data-rating="' + (i + 1) + '">' + r[0] + '<small>'
          + r[1] + '</small></button>';
      }).join('') + '</div>' : '';
      var pad = c.keypad ? '<div class="pad">' + KEYS.map(function (k) {
        return '<button data-counter="' + c.number + '" data-key="' + k[0] + '">' + k[0] + (k[1] ? ' ' + k[1]
          + '<small>' + k[2] + '</small>' : '') + '</button>';
      }).join('') + '</div>'
        : '<div class="nokeypad">未接呼叫器 No keypad wired · 当前 serving: <b>' + esc(c.serving || '—')
          + '</b><br><a href="/staff/?counter=' + c.number + '" target="_blank">窗口终端 Staff terminal</a></div>';
      return '<div class="counter" data-counter-card="' + c.number + '"><h3>' + esc(c.nameZh) + ' <span class="en">'
        + esc(c.nameEn) + '</span></h3>' + led + pad + rating + '</div>';
    }).join('');
  }

  function renderTickets(v) {
    $('tickets').innerHTML = v.tickets.map(function (t, i) {
      var lines = t.lines.map(esc).join('\n');
      return '<div class="slip' + (i === 0 ? ' newest' : '') + '">'
        + (i === 0 ? '<img class="ticket-image" src="' + esc(t.image) + '" alt="打印出的号票 The printed ticket">' : '')
        + lines
        + (t.mobilePath ? '\n<a class="mobile" href="' + esc(t.mobilePath) + '" target="_blank">手机查看 Open on phone ▸</a>' : '')
        + '</div>';
    }).join('') || '—';
  }

  function renderAnnouncements(v) {
    $('announcements').innerHTML = v.announcements.map(function (a, i) {
      return '<li' + (i === 0 && a === heard ? ' class="playing"' : '') + '>' + esc(a) + '</li>';
    }).join('');
    var newest = v.announcements[0];
    if (newest && newest !== heard) {
      var first = heard === null;
      heard = newest;
      if (soundOn && !first) {
        $('player').src = '/twin/audio/' + encodeURIComponent(newest);
        $('player').play().catch(function () {});
      }
    }
  }

  function render(v) {
    document.body.dataset.seq = v.seq;
    $('hall').textContent = v.hallZh;
    $('hall-en').textContent = v.hallEn;
    renderButtons(v);
    renderCounters(v);
    renderTickets(v);
    renderAnnouncements(v);
  }

  document.addEventListener('click', function (e) {
    var b = e.target.closest('button');
    if (!b) return;
    if (b.dataset.service) post('/twin/api/button/' + encodeURIComponent(b.dataset.service));
    else if (b.dataset.ratingCounter) post('/twin/api/counter/' + b.dataset.ratingCounter + '/rating/' + b.dataset.rating);
    else if (b.dataset.counter) post('/twin/api/counter/' + b.dataset.counter + '/key/' + encodeURIComponent(b.dataset.key));
    else if (b.dataset.phone) {
      typed = b.dataset.phone === '*' ? '' : b.dataset.phone === '#' ? '' : typed + b.dataset.phone;
      $('typed').textContent = typed;
      post('/twin/api/phone/' + encodeURIComponent(b.dataset.phone));
    }
  });
  $('phone-pad').innerHTML = '123456789*0#'.split('').map(function (k) {
    return '<button data-phone="' + k + '">' + k + '</button>';
  }).join('');
  $('paper-out').onchange = function () { post('/twin/api/printer/paper/' + (this.checked ? 'out' : 'in')); };
  $('sound').onclick = function () {
    soundOn = true;
    this.textContent = '声音已开 Sound on';
  };

  var es = new EventSource('/twin/api/feed');
  es.addEventListener('twin', function (e) { render(JSON.parse(e.data)); });
})();
