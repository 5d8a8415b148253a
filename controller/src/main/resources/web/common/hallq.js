// Shared by the staff, manager and mobile pages: API calls with the session's CSRF token, login, escaping.
var hallq = (function () {
  'use strict';
  var csrf = null;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Resolves with {status, body}; never rejects for HTTP errors (the page shows body.message).
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
                         body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          var b = null;
          try { b = t ? JSON.parse(t) : null; } catch (e) { b = { error: 'BAD_RESPONSE', message: t }; }
          return { status: r.status, body: b };
        });
      })
      .catch(function (e) { return { status: 0, body: { error: 'NETWORK', message: String(e) } }; });
  }

  function session() {
    return api('GET', '/api/session').then(function (r) {
      if (r.status === 200) { csrf = r.body.csrfToken; return r.body; }
      return null;
    });
  }

  function login(user, password) {
    return api('POST', '/api/login', { user: user, password: password }).then(function (r) {
      if (r.status === 200) csrf = r.body.csrfToken;
      return r;
    });
  }

  function logout() {
    return api('POST', '/api/logout').then(function () { csrf = null; location.reload(); });
  }

  function minutes(sec) { return Math.max(1, Math.ceil(sec / 60)); }

  function duration(sec) {
    sec = Math.max(0, Math.floor(sec));
    var m = Math.floor(sec / 60), s = sec % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }

  // Opens an SSE feed; onView gets each parsed message, onState(true|false) the connection state.
  function feed(path, event, onView, onState) {
    var es = new EventSource(path);
    es.addEventListener(event, function (e) { onView(JSON.parse(e.data)); });
    es.onopen = function () { if (onState) onState(true); };
    es.onerror = function () { if (onState) onState(false); };
    return es;
  }

  // Wires a login form (#login-form with #login-user, #login-password, #login-error) to call done(session).
  function loginForm(done) {
    var form = document.getElementById('login-form');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var err = document.getElementById('login-error');
      err.textContent = '';
      login(document.getElementById('login-user').value, document.getElementById('login-password').value)
        .then(function (r) {
          if (r.status === 200) { done(r.body); return; }
          var zh = r.status === 429 ? '尝试次数过多,已锁定' : '用户名或密码错误';
          err.textContent = zh + ' / ' + (r.body && r.body.message ? r.body.message : 'login failed');
        });
    });
  }

  // The parts every signed-in page shares, filled in where the page marks them: the bar's user name and log-out
  // button (after the bar's own items, in <header class="bar" data-signed-in>) and the login form
  // (<form id="login-form" data-zh=".." data-en="..">, titled by those). Runs as this script loads.
  function signInParts() {
    var bar = document.querySelector('header.bar[data-signed-in]');
    if (bar) {
      bar.insertAdjacentHTML('beforeend', '<span id="who"></span>'
        + '<button id="logout" class="hidden">退出 <span class="en">Log out</span></button>');
      document.getElementById('logout').onclick = logout;
    }
    var form = document.querySelector('form#login-form[data-zh]');
    if (form) {
      form.innerHTML = '<h1>' + esc(form.dataset.zh) + ' <span class="en">' + esc(form.dataset.en) + '</span></h1>'
        + '<label for="login-user">用户名 <span class="en">User</span></label>'
        + '<input id="login-user" autocomplete="username">'
        + '<label for="login-password">密码 <span class="en">Password</span></label>'
        + '<input id="login-password" type="password" autocomplete="current-password">'
        + '<button type="submit" id="login-submit">登录 <span class="en">Log in</span></button>'
        + '<div id="login-error" class="error"></div>';
    }
  }

  // Signs the page in: start(session) runs after a login on the form, or at once for a session still open.
  function signIn(start) {
    loginForm(start);
    session().then(function (s) { if (s) start(s); });
  }

  // Swaps the login form for the page's main part (id main) and names the user in the bar.
  function signedIn(session, main) {
    document.getElementById('login-form').classList.add('hidden');
    if (document.activeElement) document.activeElement.blur(); // keys work at once, not in the hidden form
    document.getElementById(main).classList.remove('hidden');
    document.getElementById('logout').classList.remove('hidden');
    document.getElementById('who').textContent = session.user;
  }

  // The bar's live dot: up while the page's feed is connected (a feed's onState).
  function live(up) {
    document.getElementById('live').className = 'live ' + (up ? 'up' : 'down');
  }

  signInParts();

  return { api: api, session: session, login: login, logout: logout, esc: esc, minutes: minutes,
           duration: duration, feed: feed, loginForm: loginForm, signIn: signIn, signedIn: signedIn, live: live };
})();
