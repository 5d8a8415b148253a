// On the mobile ticket page: a customer who typed no number at the dispenser asks for the SMS reminders
// (when a few are ahead, and an apology if the wait runs past the target). The number goes to the hall only.
(function () {
  'use strict';
  var token = location.pathname.split('/').pop();
  var box = document.createElement('form');
  box.id = 'reminders';
  box.className = 'reminders';
  box.innerHTML = '<div>快到我时短信提醒 <span class="en">Text me when my turn is near</span></div>'
    + '<input id="reminder-phone" type="tel" inputmode="numeric" maxlength="11" placeholder="手机号 mobile number"'
    + ' autocomplete="tel">'
    + '<button type="submit">提醒我 <span class="en">Remind me</span></button>'
    + '<div id="reminder-result" class="en"></div>';
  document.querySelector('main').appendChild(box);
  box.addEventListener('submit', function (e) {
    e.preventDefault();
    var phone = document.getElementById('reminder-phone').value.trim();
    var out = document.getElementById('reminder-result');
    fetch('/m/' + encodeURIComponent(token) + '/reminders', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone: phone })
    }).then(function (r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); })
      .then(function (r) {
        out.textContent = r.status === 200
          ? '将发送至 ' + r.body.phoneMasked + ' / We will text ' + r.body.phoneMasked
          : (r.body && r.body.message) || ('HTTP ' + r.status);
        if (r.status === 200) box.querySelector('button').disabled = true;
      })
      .catch(function () { out.textContent = '网络错误 / network error'; });
  });
})();
