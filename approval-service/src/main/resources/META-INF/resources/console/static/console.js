// MailGate review console: sign-in from the link's fragment, live queue rows, keyboard shortcuts.
// Loaded as a file (the Content-Security-Policy allows no inline script); it never builds HTML
// from data itself: rows come rendered and escaped by the server.
(function () {
  'use strict';
  var page = document.body.getAttribute('data-page');

  function signIn(token) {
    var status = document.getElementById('signin-status');
    status.textContent = 'Signing in…';
    fetch('/console/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: token })
    }).then(function (response) {
      if (response.ok) {
        window.location.assign('/console/queue');
        return;
      }
      response.text().then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var message = doc.getElementById('signin-status') || doc.getElementById('error-message');
        status.textContent = message ? message.textContent : 'Sign-in refused (' + response.status + ').';
      });
    }, function () {
      status.textContent = 'The console could not be reached.';
    });
  }

  if (page === 'signin') {
    var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
    if (match) {
      // Drop the token from the address bar and history before anything else happens.
      history.replaceState(null, '', window.location.pathname);
      signIn(decodeURIComponent(match[1]));
    } else if (document.getElementById('signed-in')) {
      window.location.replace('/console/queue');
    }
    document.getElementById('signin-form').addEventListener('submit', function (event) {
      event.preventDefault();
      signIn(document.getElementById('token').value.trim());
    });
  }

  // Live rows: the same listing, re-rendered by the server every few seconds.
  var rows = document.getElementById('rows');
  if (rows) {
    var seconds = parseInt(rows.getAttribute('data-poll-seconds'), 10) || 5;
    var last = rows.innerHTML;
    var refresh = function () {
      fetch('/console/queue/rows' + window.location.search, { credentials: 'same-origin' })
        .then(function (response) {
          if (response.status === 401) {
            window.location.reload();
            return null;
          }
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html === null || html === last) {
            return;
          }
          var checked = {};
          rows.querySelectorAll('input[name=id]:checked').forEach(function (box) {
            checked[box.value] = true;
          });
          var current = rows.querySelector('tr.current');
          var currentId = current ? current.getAttribute('data-id') : null;
          rows.innerHTML = html;
          last = html;
          var counts = document.getElementById('counts');
          if (counts) {
            fetch('/console/queue/counts', { credentials: 'same-origin' }).then(function (r) {
              return r.ok ? r.text() : null;
            }).then(function (text) {
              if (text !== null) { counts.innerHTML = text; }
            }, function () {});
          }
          rows.querySelectorAll('input[name=id]').forEach(function (box) {
            box.checked = !!checked[box.value];
          });
          if (currentId) {
            var again = rows.querySelector('tr[data-id="' + CSS.escape(currentId) + '"]');
            if (again) {
              again.classList.add('current');
            }
          }
        }, function () {});
    };
    window.setInterval(refresh, seconds * 1000);
    var all = document.getElementById('select-all');
    if (all) {
      all.addEventListener('change', function () {
        rows.querySelectorAll('input[name=id]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    }
  }

  // Keyboard shortcuts.
  var help = document.getElementById('help');
  var helpButton = document.getElementById('help-button');
  function toggleHelp(show) {
    help.hidden = !show;
    helpButton.setAttribute('aria-expanded', show ? 'true' : 'false');
  }
  helpButton.addEventListener('click', function () {
    toggleHelp(help.hidden);
  });

  function move(step) {
    var list = Array.prototype.slice.call(document.querySelectorAll('#rows tr[data-href]'));
    if (list.length === 0) {
      return;
    }
    var at = list.findIndex(function (tr) { return tr.classList.contains('current'); });
    var next = Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + step));
    list.forEach(function (tr) { tr.classList.remove('current'); });
    list[next].classList.add('current');
    list[next].querySelector('a').focus();
  }

  function currentRow() {
    return document.querySelector('#rows tr.current');
  }

  function openCurrent(hash) {
    var row = currentRow();
    if (row) {
      window.location.assign(row.getAttribute('data-href') + hash);
    }
  }

  function focusEdit() {
    var details = document.getElementById('edit-details');
    if (details) {
      details.open = true;
      document.getElementById('edit-subject').focus();
    }
  }

  if (page === 'item') {
    // The chain badge: verifying walks the mailbox's whole chain, so it comes after the page.
    var badge = document.getElementById('chain-badge');
    if (badge) {
      fetch(badge.getAttribute('data-src'), { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null) { badge.innerHTML = html; }
        }, function () {});
    }
    if (window.location.hash === '#edit') {
      focusEdit();
    } else if (window.location.hash === '#reject') {
      var reason = document.getElementById('reject-reason');
      if (reason) { reason.focus(); }
    } else if (window.location.hash === '#approve') {
      var approve = document.getElementById('approve');
      if (approve) { approve.focus(); }
    }
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) {
      if (event.key === 'Escape') { target.blur(); }
      return;
    }
    switch (event.key) {
      case '?': toggleHelp(help.hidden); break;
      case 'Escape': toggleHelp(false); break;
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'x': {
        var row = currentRow();
        if (row) { var box = row.querySelector('input[name=id]'); box.checked = !box.checked; }
        break;
      }
      case 'a':
        if (page === 'item' && document.getElementById('approve')) {
          document.getElementById('approve-form').requestSubmit();
        } else { openCurrent('#approve'); }
        break;
      case 'e':
        if (page === 'item') { focusEdit(); } else { openCurrent('#edit'); }
        break;
      case 'r':
        if (page === 'item' && document.getElementById('reject-reason')) {
          document.getElementById('reject-reason').focus();
        } else { openCurrent('#reject'); }
        break;
      default: return;
    }
    event.preventDefault();
  });
})();
