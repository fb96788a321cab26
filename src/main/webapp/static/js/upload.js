/*
 * Resumable uploads for the library (no framework, ~4 KB). Each file is sent in 1 MB chunks to
 * /api/uploads; a dropped connection is retried with growing pauses, asking the server how much
 * it already has, so a weak mobile link resumes instead of starting over. Re-choosing the same
 * file after closing the page resumes too (the session id is remembered in localStorage).
 * Markup: <div data-upload data-api="/api/uploads" data-material="…" data-edit="/author/edit.xhtml?id=">
 * with an <input type=file>, a drop zone and an <ol> for the rows; texts come from data-t-* attributes.
 */
(function () {
  'use strict';
  function t(root, key) { return root.getAttribute('data-t-' + key) || key; }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function fmt(bytes) {
    if (bytes < 1048576) return Math.round(bytes / 1024) + ' KB';
    return (bytes / 1048576).toFixed(1).replace('.', ',') + ' MB';
  }

  function request(root, method, url, body, type) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': document.documentElement.lang || 'vi' };
    if (type) headers['Content-Type'] = type;
    return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' })
      .then(function (res) {
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { status: res.status, json: json };
        });
      });
  }

  function key(file, material) { return 'hoctap-upload:' + (material || '') + ':' + file.name + ':' + file.size + ':' + file.lastModified; }

  async function send(root, file, row) {
    var api = root.getAttribute('data-api');
    var material = root.getAttribute('data-material') || null;
    var bar = row.querySelector('progress');
    var status = row.querySelector('.status');
    var remembered = localStorage.getItem(key(file, material));
    var session = null;
    if (remembered) {
      var s = await request(root, 'GET', api + '/' + remembered).catch(function () { return null; });
      if (s && s.status === 200 && s.json.status === 'OPEN') session = s.json;
    }
    if (!session) {
      var started = await request(root, 'POST', api, JSON.stringify({ fileName: file.name, size: file.size,
        materialId: material ? Number(material) : null }), 'application/json');
      if (started.status !== 201) {
        fail(row, started.json && started.json.message ? started.json.message : t(root, 'failed'));
        return;
      }
      session = started.json;
      localStorage.setItem(key(file, material), session.id);
    }
    var offset = session.received, pause = 1000;
    while (offset < file.size) {
      bar.value = offset / file.size;
      status.textContent = t(root, 'sending') + ' ' + fmt(offset) + ' / ' + fmt(file.size);
      var chunk = file.slice(offset, Math.min(file.size, offset + session.chunkSize));
      var res;
      try {
        res = await request(root, 'PUT', api + '/' + session.id + '?offset=' + offset, chunk, 'application/octet-stream');
      } catch (e) {
        res = null;
      }
      if (res && (res.status === 200 || res.status === 409) && res.json) {
        offset = res.json.received;
        pause = 1000;
      } else if (res && res.status >= 400 && res.status < 500) {
        fail(row, res.json && res.json.message ? res.json.message : t(root, 'failed'));
        localStorage.removeItem(key(file, material));
        return;
      } else {
        status.textContent = t(root, 'retrying');
        await sleep(pause);
        pause = Math.min(pause * 2, 30000);
        var again = await request(root, 'GET', api + '/' + session.id).catch(function () { return null; });
        if (again && again.status === 200) offset = again.json.received;
      }
    }
    bar.value = 1;
    status.textContent = t(root, 'checking');
    var done = await request(root, 'POST', api + '/' + session.id + '/complete');
    localStorage.removeItem(key(file, material));
    var result = done.json || {};
    if (done.status !== 200 || result.status === 'REFUSED') {
      fail(row, result.message || t(root, 'failed'));
      return;
    }
    row.classList.add(result.duplicate ? 'duplicate' : 'done');
    status.textContent = result.message || t(root, 'done');
    if (result.materialId) {
      var link = document.createElement('a');
      link.href = (result.duplicate ? root.getAttribute('data-view') : root.getAttribute('data-edit')) + result.materialId;
      link.textContent = result.duplicate ? t(root, 'open') : t(root, 'describe');
      status.appendChild(document.createTextNode(' '));
      status.appendChild(link);
    }
  }

  function fail(row, message) {
    row.classList.add('refused');
    row.querySelector('.status').textContent = message;
  }

  function add(root, files) {
    var list = root.querySelector('ol');
    Array.prototype.forEach.call(files, function (file) {
      var row = document.createElement('li');
      row.innerHTML = '<span class="name"></span> <span class="size"></span><progress max="1" value="0"></progress>'
        + '<span class="status" role="status"></span>';
      row.querySelector('.name').textContent = file.name;
      row.querySelector('.size').textContent = fmt(file.size);
      list.appendChild(row);
      queue = queue.then(function () { return send(root, file, row); });
    });
  }

  var queue = Promise.resolve();
  document.querySelectorAll('[data-upload]').forEach(function (root) {
    var input = root.querySelector('input[type=file]');
    var zone = root.querySelector('.drop');
    input.addEventListener('change', function () { add(root, input.files); input.value = ''; });
    ['dragenter', 'dragover'].forEach(function (e) {
      zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (e) {
      zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (ev) { add(root, ev.dataTransfer.files); });
  });
})();
