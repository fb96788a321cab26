// The quiz page: save an answer the moment it changes (a dropped connection loses nothing), count
// down a time limit and submit when it ends, confirm before submitting. Without this script the
// page still works: every button posts and saves.
(function () {
  var form = document.getElementById('questionForm');
  if (!form) { return; }
  var saved = document.getElementById('saved');
  var timerId = null;
  function save() {
    var data = new URLSearchParams(new FormData(form));
    data.set('go', 'stay');
    if (saved) { saved.textContent = saved.getAttribute('data-saving'); }
    // form.action would be the hidden field named "action": read the attribute.
    fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      .then(function (r) {
        if (r.status === 409) { window.location.reload(); return; }
        if (saved) { saved.textContent = r.ok ? saved.getAttribute('data-ok') : saved.getAttribute('data-failed'); }
      })
      .catch(function () { if (saved) { saved.textContent = saved.getAttribute('data-failed'); } });
  }
  form.addEventListener('change', save);
  var typing = null;
  form.addEventListener('input', function (e) {
    if (e.target.type === 'text') { clearTimeout(typing); typing = setTimeout(save, 800); }
  });
  form.addEventListener('submit', function (e) {
    var b = e.submitter;
    if (b && b.getAttribute('data-confirm') && !form.getAttribute('data-auto') && !window.confirm(b.getAttribute('data-confirm'))) {
      e.preventDefault();
    }
  });
  var timer = document.getElementById('timer');
  if (timer) {
    var left = parseInt(timer.getAttribute('data-seconds'), 10);
    var span = timer.querySelector('span');
    var end = Date.now() + left * 1000;
    var show = function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      span.textContent = Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2);
      timer.className = s < 60 ? 'timer low' : 'timer';
      if (s === 0) {
        clearInterval(timerId);
        form.setAttribute('data-auto', '1');
        var go = document.createElement('input');
        go.type = 'hidden'; go.name = 'go'; go.value = 'submit';
        form.appendChild(go);
        form.submit();
      }
    };
    show();
    timerId = setInterval(show, 1000);
  }
})();
