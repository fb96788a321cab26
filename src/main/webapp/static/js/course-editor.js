/*
 * The course editor (/author/course.xhtml), no framework. It holds the course as the JSON a
 * version stores, renders four panels (details, modules and lessons, question bank, authors) and
 * saves the draft to /api/author/courses/{code}/draft a moment after each change (and on Ctrl+S),
 * naming the revision it started from, so two editors never overwrite each other silently.
 * Lessons and modules reorder by drag and drop, or with the Up / Down buttons (keyboard, phone).
 * Lesson text is edited in place (contenteditable, a small toolbar); the server keeps it as Markdown.
 * Markup: <div id="editor" data-api data-preview data-materials data-material-page data-course-page
 *   data-texts> (the texts, as JSON).
 */
(function () {
  'use strict';
  var root = document.getElementById('editor');
  if (!root) return;
  var T = JSON.parse(root.getAttribute('data-texts'));
  var api = root.getAttribute('data-api');
  var state = { draft: null, course: null, revision: null, seq: 0, savedSeq: 0, saving: false, timer: null,
    lesson: [0, 0], tab: 'content', stale: false, failed: false };

  function t(key) {
    var s = T[key] || key;
    for (var i = 1; i < arguments.length; i++) s = s.replace('{' + (i - 1) + '}', arguments[i]);
    return s;
  }
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') e.textContent = v;
      else if (k.indexOf('on') === 0) e.addEventListener(k.substring(2), v);
      else if (k === 'value') e.value = v;
      else if (k === 'checked') e.checked = !!v;
      else e.setAttribute(k, v === true ? '' : v);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  var uid = 0;
  function field(label, input, hint) {
    var id = input.id || ('f' + (++uid));
    input.id = id;
    return el('div', { 'class': 'field' }, el('label', { 'for': id, text: label }),
      hint ? el('span', { 'class': 'hint', text: hint }) : null, input);
  }
  function check(label, checked, on) {
    var box = el('input', { type: 'checkbox', checked: checked, onchange: function () { on(box.checked); } });
    return el('label', { 'class': 'check' }, box, ' ' + label);
  }
  function select(options, value, on) {
    var s = el('select', { onchange: function () { on(s.value); } });
    options.forEach(function (o) { s.appendChild(el('option', { value: o[0], text: o[1] })); });
    s.value = value;
    return s;
  }
  function text(value, on, attrs) {
    var i = el('input', Object.assign({ type: 'text', value: value || '' }, attrs || {}));
    i.addEventListener('input', function () { on(i.value); });
    return i;
  }
  function area(value, on, rows) {
    var a = el('textarea', { rows: rows || 3 });
    a.value = value || '';
    a.addEventListener('input', function () { on(a.value); });
    return a;
  }
  function number(value, on, min, max) {
    var i = el('input', { type: 'number', value: value === null || value === undefined ? '' : String(value),
      min: min, max: max, inputmode: 'numeric' });
    i.addEventListener('input', function () { on(i.value === '' ? null : parseInt(i.value, 10)); });
    return i;
  }
  function icon(symbol, label, on) {
    return button(symbol, on, 'icon', { title: label, 'aria-label': label });
  }
  function button(label, on, cls, attrs) {
    return el('button', Object.assign({ type: 'button', 'class': cls || 'button small secondary', onclick: on, text: label }, attrs || {}));
  }

  function request(method, url, body) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': document.documentElement.lang || 'vi' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        return res.text().then(function (txt) {
          var json = null;
          try { json = txt ? JSON.parse(txt) : null; } catch (e) { json = null; }
          return { status: res.status, json: json };
        });
      });
  }
  function problemsOf(res) {
    if (res.json && res.json.problems && res.json.problems.length) return res.json.problems;
    return [{ key: '', message: res.json && res.json.message ? res.json.message : t('editor.saveFailed') }];
  }

  /* ---- status bar ---- */
  var bar = el('div', { 'class': 'ed-bar', role: 'region', 'aria-label': t('editor.title') });
  var status = el('span', { 'class': 'ed-status', id: 'edStatus', 'aria-live': 'polite' });
  var saveBtn = button(t('editor.save'), function () { save(); }, 'primary', { id: 'edSave' });
  var previewBtn = button(t('editor.preview'), preview, 'button secondary', { id: 'edPreview' });
  var publishBtn = button(t('editor.publish'), publish, 'primary', { id: 'edPublish' });
  var discardBtn = button(t('editor.discard'), discard, 'link', { id: 'edDiscard' });
  var zip = el('a', { href: api + '/export', id: 'edZip', text: t('editor.download') });
  bar.appendChild(el('div', { 'class': 'ed-actions' }, saveBtn, previewBtn, publishBtn, discardBtn, zip));
  bar.appendChild(status);
  var notice = el('div', { id: 'edNotice', role: 'status' });
  var problems = el('div', { 'class': 'ed-problems', id: 'edProblems' });
  var tabs = el('nav', { 'class': 'ed-tabs', role: 'tablist' });
  var panel = el('div', { 'class': 'ed-panel', id: 'edPanel' });
  root.textContent = '';
  [bar, notice, problems, tabs, panel].forEach(function (n) { root.appendChild(n); });

  function showStatus() {
    var d = state.draft;
    if (state.stale) return;
    if (state.saving) status.textContent = t('editor.saving');
    else if (state.failed) status.textContent = t('editor.saveFailed');
    else if (state.seq !== state.savedSeq) status.textContent = t('editor.unsaved');
    else if (d.saved) status.textContent = t('editor.saved', new Date(d.savedAt).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' }));
    else status.textContent = d.publishedNumber ? t('editor.publishedState', d.publishedNumber) : t('editor.neverPublished');
    discardBtn.hidden = !d.saved || !d.publishedNumber;
    status.className = 'ed-status' + (state.failed ? ' bad' : state.seq !== state.savedSeq ? ' dirty' : '');
  }
  function showProblems(list) {
    problems.textContent = '';
    if (!state.draft.saved && !list.length) return;
    if (!list.length) { problems.appendChild(el('p', { 'class': 'ok', text: '✓ ' + t('editor.ready') })); return; }
    var ul = el('ul');
    list.forEach(function (p) { ul.appendChild(el('li', { text: typeof p === 'string' ? p : p.message })); });
    problems.appendChild(el('details', { open: list.length <= 6 }, el('summary', { text: t('editor.problems') + ' (' + list.length + ')' }), ul));
  }
  function say(kind, message, action) {
    notice.textContent = '';
    if (!message) return;
    notice.appendChild(el('ul', { 'class': 'messages' }, el('li', { 'class': kind }, message, action ? ' ' : null, action || null)));
  }

  /* ---- changes and saving ---- */
  function changed() {
    state.seq++;
    state.failed = false;
    showStatus();
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { save(); }, 2500);
  }
  function save() {
    clearTimeout(state.timer);
    if (state.stale) return Promise.resolve(false);
    if (state.saving) return state.saving.then(function (ok) { return ok && save(); });
    if (state.seq === state.savedSeq && state.draft.saved) return Promise.resolve(true);
    var seq = state.seq;
    state.saving = request('PUT', api + '/draft', { revision: state.revision, course: state.course }).then(function (res) {
      state.saving = false;
      if (res.status === 200) {
        state.failed = false;
        state.draft = res.json;
        state.revision = res.json.revision;
        state.savedSeq = seq;
        adoptKeys(res.json.course);
        showProblems(res.json.problems);
        showStatus();
        if (state.seq !== seq) changed();
        return true;
      }
      if (res.json && res.json.problems && res.json.problems.some(function (p) { return p.key === 'course.editor.stale'; })) {
        state.stale = true;
        status.textContent = '';
        say('error', res.json.problems[0].message, button(t('editor.reload'), function () { state.seq = state.savedSeq; location.reload(); }));
        return false;
      }
      state.failed = true;
      showStatus();
      say('error', problemsOf(res)[0].message);
      return false;
    }, function () {
      state.saving = false;
      state.failed = true;
      showStatus();
      state.timer = setTimeout(function () { save(); }, 5000);
      return false;
    });
    showStatus();
    return state.saving;
  }
  /* The server names new lessons and questions; take its keys without redrawing what is being typed in. */
  function adoptKeys(saved) {
    saved.modules.forEach(function (m, i) {
      var mine = state.course.modules[i];
      if (!mine) return;
      m.lessons.forEach(function (l, j) { if (mine.lessons[j] && !mine.lessons[j].key) mine.lessons[j].key = l.key; });
    });
    saved.questions.forEach(function (q, i) { if (state.course.questions[i] && !state.course.questions[i].key) state.course.questions[i].key = q.key; });
  }
  function preview() {
    save().then(function (ok) {
      if (!ok) return;
      var l = current();
      window.open(root.getAttribute('data-preview') + (l && l.key ? '&l=' + encodeURIComponent(l.key) : ''), 'hoctap-preview');
    });
  }
  function publish() {
    save().then(function (ok) {
      if (!ok) return;
      publishBtn.disabled = true;
      status.textContent = t('editor.publishing');
      request('POST', api + '/publish', { revision: state.revision }).then(function (res) {
        publishBtn.disabled = false;
        if (res.status === 200) {
          var link = el('a', { href: root.getAttribute('data-course-page'), text: state.course.title });
          say('info', t(res.json.outcome === 'UNCHANGED' ? 'editor.unchanged' : 'editor.published'), link);
          load(true);
        } else {
          showStatus();
          showProblems(problemsOf(res));
          problems.scrollIntoView({ block: 'nearest' });
        }
      }, function () {
        publishBtn.disabled = false;
        showStatus();
        say('error', t('editor.saveFailed'));
      });
    });
  }
  function discard() {
    if (!window.confirm(t('editor.confirmDiscard'))) return;
    clearTimeout(state.timer);
    request('DELETE', api + '/draft?revision=' + encodeURIComponent(state.revision)).then(function (res) {
      if (res.status === 200) { say('', null); load(false); } else say('error', problemsOf(res)[0].message);
    });
  }
  window.addEventListener('beforeunload', function (e) {
    if (state.seq !== state.savedSeq && !state.stale) { e.preventDefault(); e.returnValue = t('editor.leave'); return e.returnValue; }
  });
  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); save(); }
  });

  /* ---- tabs ---- */
  var TABS = ['facts', 'content', 'questions', 'authors'];
  function drawTabs() {
    tabs.textContent = '';
    TABS.forEach(function (name) {
      var label = t('editor.tab.' + name) + (name === 'questions' ? ' (' + state.course.questions.length + ')' : '');
      tabs.appendChild(el('button', { type: 'button', role: 'tab', id: 'tab-' + name, 'aria-selected': String(state.tab === name),
        'class': state.tab === name ? 'on' : '', text: label, onclick: function () { state.tab = name; draw(); } }));
    });
  }
  function draw() {
    drawTabs();
    panel.textContent = '';
    ({ facts: drawFacts, content: drawContent, questions: drawQuestions, authors: drawAuthors })[state.tab]();
  }

  /* ---- details ---- */
  function drawFacts() {
    var c = state.course;
    function set(k) { return function (v) { c[k] = v; changed(); }; }
    var hours = el('input', { type: 'number', min: '0', step: '0.5', value: String(c.creditedMinutes / 60), inputmode: 'decimal' });
    hours.addEventListener('input', function () { c.creditedMinutes = Math.round((parseFloat(hours.value.replace(',', '.')) || 0) * 60); changed(); });
    var form = el('div', { 'class': 'ed-form' },
      field(t('editor.f.title'), text(c.title, function (v) { c.title = v; changed(); }, { id: 'edTitle', maxlength: '300' })),
      field(t('editor.f.titleEn'), text(c.titleEn, set('titleEn'), { maxlength: '300' })),
      field(t('editor.f.summary'), area(c.summary, set('summary'), 4)),
      field(t('editor.f.topic'), text(c.topic, set('topic'), { id: 'edTopic', maxlength: '120', list: 'edTopics' })),
      field(t('editor.f.audience'), select(['CIVIL_SERVANTS', 'COMMUNITY', 'EVERYONE'].map(function (a) { return [a, t('library.audience.' + a)]; }), c.audience, set('audience'))),
      field(t('editor.f.level'), select(['BASIC', 'INTERMEDIATE', 'ADVANCED'].map(function (a) { return [a, t('library.level.' + a)]; }), c.level, set('level'))),
      field(t('editor.f.language'), select(['vi', 'en', 'th', 'hmn', 'blt'].map(function (a) { return [a, t('library.language.' + a)]; }), c.language, set('language'))),
      field(t('editor.f.hours'), hours),
      check(t('editor.f.inOrder'), c.inOrder, set('inOrder')),
      materialPicker(c, 'cover', { type: 'IMAGE', label: t('editor.f.cover'), id: 'edCover' }));
    panel.appendChild(form);
  }

  /* ---- modules and lessons ---- */
  function current() {
    var m = state.course.modules[state.lesson[0]];
    return m ? m.lessons[state.lesson[1]] : null;
  }
  function newLesson() { return { key: null, title: '', kind: 'TEXT', minutes: 10, optional: false, html: '' }; }
  function move(list, from, to) { var x = list.splice(from, 1)[0]; list.splice(to, 0, x); }
  var drag = null;
  document.addEventListener('dragend', function () { drag = null; });
  function drawContent() {
    var c = state.course;
    var outline = el('div', { 'class': 'ed-outline', id: 'edOutline' });
    c.modules.forEach(function (m, mi) {
      var mod = el('section', { 'class': 'ed-module', draggable: 'true' });
      mod.addEventListener('dragstart', function (e) { if (e.target === mod) { drag = { module: mi }; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', 'm' + mi); } });
      mod.addEventListener('dragover', function (e) { if (drag) { e.preventDefault(); mod.classList.add('over'); } });
      mod.addEventListener('dragleave', function () { mod.classList.remove('over'); });
      mod.addEventListener('drop', function (e) {
        e.preventDefault();
        mod.classList.remove('over');
        if (!drag) return;
        if (drag.module !== undefined) {
          if (drag.module !== mi) { moveModule(drag.module, mi); }
        } else if (drag.lesson) { moveLesson(drag.lesson, [mi, m.lessons.length]); changed(); draw(); }
        drag = null;
      });
      var head = el('div', { 'class': 'ed-module-head' },
        el('span', { 'class': 'handle', title: t('editor.drag'), 'aria-hidden': 'true', text: '⋮⋮' }),
        el('label', { 'class': 'skip', 'for': 'mt' + mi, text: t('editor.moduleTitle') }),
        text(m.title, function (v) { m.title = v; changed(); }, { id: 'mt' + mi, placeholder: t('editor.module', mi + 1), 'class': 'ed-module-title' }),
        icon('↑', t('editor.moveUp'), function () { moveModule(mi, mi - 1); }),
        icon('↓', t('editor.moveDown'), function () { moveModule(mi, mi + 1); }),
        icon('✕', t('editor.removeModule'), function () {
          if (c.modules.length > 1 && window.confirm(t('editor.confirmRemoveModule'))) { c.modules.splice(mi, 1); state.lesson = [0, 0]; changed(); draw(); }
        }));
      mod.appendChild(head);
      var ol = el('ol', { 'class': 'ed-lessons' });
      m.lessons.forEach(function (l, li) {
        var on = state.lesson[0] === mi && state.lesson[1] === li;
        var item = el('li', { 'class': on ? 'on' : '', draggable: 'true' },
          el('span', { 'class': 'handle', title: t('editor.drag'), 'aria-hidden': 'true', text: '⋮⋮' }),
          el('button', { type: 'button', 'class': 'ed-lesson-pick', 'aria-current': on ? 'true' : null,
            onclick: function () { state.lesson = [mi, li]; draw(); } },
            l.title || t('editor.untitled'), el('small', { text: ' · ' + t('editor.kind.' + l.kind) + (l.optional ? ' · ○' : '') })),
          icon('↑', t('editor.moveUp'), function () { shift(mi, li, -1); }),
          icon('↓', t('editor.moveDown'), function () { shift(mi, li, 1); }));
        item.addEventListener('dragstart', function (e) { e.stopPropagation(); drag = { lesson: [mi, li] }; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', 'l' + mi + '.' + li); });
        item.addEventListener('dragover', function (e) { if (drag && drag.lesson) { e.preventDefault(); e.stopPropagation(); item.classList.add('over'); } });
        item.addEventListener('dragleave', function () { item.classList.remove('over'); });
        item.addEventListener('drop', function (e) {
          e.preventDefault(); e.stopPropagation();
          if (drag && drag.lesson && (drag.lesson[0] !== mi || drag.lesson[1] !== li)) { moveLesson(drag.lesson, [mi, li]); changed(); draw(); }
          drag = null;
        });
        ol.appendChild(item);
      });
      mod.appendChild(ol);
      mod.appendChild(button(t('editor.addLesson'), function () {
        m.lessons.push(newLesson()); state.lesson = [mi, m.lessons.length - 1]; changed(); draw();
        var title = document.getElementById('edLessonTitle'); if (title) title.focus();
      }, 'link ed-add', { id: 'addLesson' + mi }));
      outline.appendChild(mod);
    });
    outline.appendChild(button(t('editor.addModule'), function () {
      c.modules.push({ title: '', lessons: [newLesson()] }); state.lesson = [c.modules.length - 1, 0]; changed(); draw();
    }, 'button small secondary', { id: 'addModule' }));
    var layout = el('div', { 'class': 'ed-content' }, outline, drawLesson());
    panel.appendChild(layout);
  }
  /** Moves a module; the lesson open in the editor stays open. */
  function moveModule(from, to) {
    var mods = state.course.modules;
    var open = mods[state.lesson[0]];
    if (to < 0 || to >= mods.length) return;
    move(mods, from, to);
    state.lesson[0] = mods.indexOf(open);
    changed(); draw();
  }
  function shift(mi, li, by) {
    var mods = state.course.modules;
    var to = li + by;
    if (to >= 0 && to < mods[mi].lessons.length) moveLesson([mi, li], [mi, to]);
    else if (by < 0 && mi > 0) moveLesson([mi, li], [mi - 1, mods[mi - 1].lessons.length]);
    else if (by > 0 && mi < mods.length - 1) moveLesson([mi, li], [mi + 1, 0]);
    else return;
    changed(); draw();
    var icons = document.querySelectorAll('.ed-lessons li.on button.icon');
    if (icons.length) icons[by < 0 ? 0 : 1].focus();
  }
  /* Moves a lesson; a module left empty keeps a new empty lesson (a module needs one). */
  function moveLesson(from, to) {
    var mods = state.course.modules;
    var lesson = mods[from[0]].lessons.splice(from[1], 1)[0];
    mods[to[0]].lessons.splice(Math.min(to[1], mods[to[0]].lessons.length), 0, lesson);
    if (!mods[from[0]].lessons.length) mods[from[0]].lessons.push(newLesson());
    state.lesson = [to[0], mods[to[0]].lessons.indexOf(lesson)];
  }

  function drawLesson() {
    var l = current();
    var box = el('div', { 'class': 'ed-lesson', id: 'edLesson' });
    if (!l) return box;
    function set(k) { return function (v) { l[k] = v; changed(); }; }
    box.appendChild(field(t('editor.l.title'), text(l.title, function (v) {
      l.title = v; changed();
      var pick = document.querySelector('.ed-lessons li.on .ed-lesson-pick');
      if (pick && pick.firstChild) pick.firstChild.textContent = v || t('editor.untitled');
    }, { id: 'edLessonTitle', maxlength: '300' })));
    var row = el('div', { 'class': 'ed-row' },
      field(t('editor.l.kind'), select(['TEXT', 'MATERIAL', 'LINK', 'QUIZ'].map(function (k) { return [k, t('editor.kind.' + k)]; }), l.kind, function (v) {
        l.kind = v;
        if (v === 'QUIZ' && !l.quiz) l.quiz = { draw: 0, passPercent: 70, timeLimitMinutes: null, attempts: 0 };
        changed(); draw();
      })),
      field(t('editor.l.minutes'), number(l.minutes, function (v) { l.minutes = v || 0; changed(); }, 0, 600)));
    row.querySelector('select').id = 'edKind';
    box.appendChild(row);
    box.appendChild(check(t('editor.l.optional'), l.optional, set('optional')));
    if (l.kind === 'LINK') box.appendChild(field(t('editor.l.link'), text(l.link, set('link'), { type: 'url', id: 'edLink', placeholder: 'https://' })));
    if (l.kind === 'MATERIAL') box.appendChild(materialPicker(l, 'materialId', { pin: 'materialVersion', label: t('editor.l.material') }));
    if (l.kind === 'QUIZ') {
      var q = l.quiz;
      function setq(k) { return function (v) { q[k] = v === null && k !== 'timeLimitMinutes' ? 0 : v; changed(); }; }
      box.appendChild(el('p', { 'class': 'muted', text: t('editor.l.bank', state.course.questions.length) }));
      box.appendChild(el('div', { 'class': 'ed-row' },
        field(t('editor.l.draw'), number(q.draw, setq('draw'), 0, 500)),
        field(t('editor.l.pass'), number(q.passPercent, setq('passPercent'), 0, 100)),
        field(t('editor.l.time'), number(q.timeLimitMinutes, setq('timeLimitMinutes'), 1, 600)),
        field(t('editor.l.attempts'), number(q.attempts, setq('attempts'), 0, 100))));
    }
    box.appendChild(richText(l, l.kind === 'TEXT' ? t('editor.l.text') : t('editor.l.intro')));
    return box;
  }

  /*
   * Picks a library material into obj[idKey], by search. opts.pin: obj[pin] holds a pinned version
   * number (null: the latest published one); opts.type: only that kind (IMAGE for a cover, shown small);
   * opts.label, opts.id: the field's label and the id prefix of its elements.
   */
  function materialPicker(obj, idKey, opts) {
    var pre = opts.id || 'edMaterial';
    var box = el('div', { 'class': 'field ed-material' }, el('span', { 'class': 'label', text: opts.label }));
    var chosen = el('div', { id: pre + 'Chosen' });
    var shownFor = null;
    /* The chosen material: its title and, once loaded, which version learners see (the latest published, or a pinned one). */
    function showChosen() {
      chosen.textContent = '';
      if (!obj[idKey]) { chosen.appendChild(el('p', { text: t('editor.l.materialNone') })); return; }
      var line = el('p', null, t('editor.l.materialChosen', obj[idKey]) + ' · ',
        el('a', { href: root.getAttribute('data-material-page') + obj[idKey], target: '_blank', text: t('editor.l.materialOpen') }),
        ' · ', button(t('editor.l.materialRemove'), function () {
          obj[idKey] = null; if (opts.pin) obj[opts.pin] = null; changed(); showChosen();
        }, 'button small secondary'));
      chosen.appendChild(line);
      var id = shownFor = obj[idKey];
      request('GET', root.getAttribute('data-materials') + '/' + id).then(function (res) {
        if (shownFor !== id || res.status !== 200 || !res.json) return;
        var m = res.json;
        line.firstChild.textContent = m.title + ' · ';
        if (!m.published) chosen.appendChild(el('p', { 'class': 'ed-warning', id: pre + 'Unpublished', text: t('editor.l.materialUnpublished') }));
        if (opts.type === 'IMAGE' && m.published) {
          chosen.appendChild(el('img', { 'class': 'ed-cover', alt: '', src: (root.getAttribute('data-context') || '') + m.published.url + '?w=480' }));
        }
        if (!opts.pin) return;
        var published = (m.versions || []).filter(function (v) { return v.publishedAt; });
        var options = [['', t('editor.l.materialFollow') + (m.published ? ' (' + m.published.number + ')' : '')]];
        published.forEach(function (v) { options.push([String(v.number), t('editor.l.materialPin', v.number) + ' · ' + v.fileName]); });
        if (obj[opts.pin] && !published.some(function (v) { return v.number === obj[opts.pin]; })) {
          options.push([String(obj[opts.pin]), t('editor.l.materialPin', obj[opts.pin])]);
        }
        var pick = select(options, obj[opts.pin] ? String(obj[opts.pin]) : '', function (v) {
          obj[opts.pin] = v ? Number(v) : null; changed();
        });
        pick.id = pre + 'Version';
        chosen.appendChild(field(t('editor.l.materialVersion'), pick));
      });
    }
    showChosen();
    var results = el('ul', { 'class': 'ed-results' });
    var search = el('input', { type: 'search', id: pre + 'Q', placeholder: t('editor.l.materialSearch'), 'aria-label': t('editor.l.materialSearch') });
    var pending;
    search.addEventListener('input', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        var q = search.value.trim();
        results.textContent = '';
        if (!q) return;
        request('GET', root.getAttribute('data-materials') + '?size=8&q=' + encodeURIComponent(q)
            + (opts.type ? '&type=' + opts.type : '')).then(function (res) {
          results.textContent = '';
          var hits = res.json && res.json.hits ? res.json.hits : [];
          if (!hits.length) results.appendChild(el('li', { 'class': 'muted', text: t('editor.l.noResults') }));
          hits.forEach(function (h) {
            var title = el('span');
            title.innerHTML = h.titleHtml; // the server's escaped title with <mark> highlights
            results.appendChild(el('li', null, title, ' ', button(t('editor.l.choose'), function () {
              obj[idKey] = h.id; if (opts.pin) obj[opts.pin] = null; changed(); showChosen(); results.textContent = ''; search.value = '';
            }, 'button small secondary')));
          });
        });
      }, 250);
    });
    box.appendChild(chosen);
    box.appendChild(search);
    box.appendChild(results);
    return box;
  }

  /* A small rich-text editor: the toolbar covers what a lesson needs, the server sanitises the rest. */
  function richText(l, label) {
    var id = 'rt' + (++uid);
    var body = el('div', { 'class': 'ed-rich lesson-text', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true',
      'aria-labelledby': id + 'l', id: 'edText' });
    body.innerHTML = l.html || '';
    function edited() { l.html = body.innerHTML; l.markdown = null; changed(); }
    body.addEventListener('input', edited);
    body.addEventListener('paste', function (e) {
      var html = e.clipboardData && e.clipboardData.getData('text/html');
      if (!html) return;
      e.preventDefault();
      var doc = new DOMParser().parseFromString(html, 'text/html');
      doc.querySelectorAll('style,script,meta,link,img,iframe,object').forEach(function (n) { n.remove(); });
      doc.querySelectorAll('*').forEach(function (n) { n.removeAttribute('style'); n.removeAttribute('class'); });
      document.execCommand('insertHTML', false, doc.body.innerHTML);
      edited();
    });
    function cmd(label, title, run) {
      return el('button', { type: 'button', title: title, 'aria-label': title, onmousedown: function (e) { e.preventDefault(); },
        onclick: function () { body.focus(); run(); edited(); }, text: label });
    }
    function block(tag) { return function () { document.execCommand('formatBlock', false, tag); }; }
    var bar = el('div', { 'class': 'ed-toolbar', role: 'toolbar', 'aria-label': label },
      cmd('B', t('editor.rt.bold'), function () { document.execCommand('bold'); }),
      cmd('I', t('editor.rt.italic'), function () { document.execCommand('italic'); }),
      cmd('H2', t('editor.rt.h2'), block('h2')),
      cmd('H3', t('editor.rt.h3'), block('h3')),
      cmd('¶', t('editor.rt.p'), block('p')),
      cmd('•', t('editor.rt.ul'), function () { document.execCommand('insertUnorderedList'); }),
      cmd('1.', t('editor.rt.ol'), function () { document.execCommand('insertOrderedList'); }),
      cmd('❝', t('editor.rt.quote'), block('blockquote')),
      cmd(t('editor.rt.link'), t('editor.rt.link'), function () {
        var url = window.prompt(t('editor.rt.linkPrompt'), 'https://');
        if (url && /^(https?:|mailto:|tel:)/.test(url)) document.execCommand('createLink', false, url);
      }),
      cmd(t('editor.rt.unlink'), t('editor.rt.unlink'), function () { document.execCommand('unlink'); }));
    bar.firstChild.style.fontWeight = '700';
    bar.childNodes[1].style.fontStyle = 'italic';
    return el('div', { 'class': 'field' }, el('span', { 'class': 'label', id: id + 'l', text: label }), bar, body);
  }

  /* ---- question bank ---- */
  function newQuestion() { return { key: null, type: 'SINGLE', prompt: '', options: [{ text: '', correct: true }, { text: '', correct: false }], answers: [], pairs: [], feedback: null }; }
  function drawQuestions() {
    var qs = state.course.questions;
    var list = el('ol', { 'class': 'ed-questions', id: 'edQuestions' });
    if (!qs.length) panel.appendChild(el('p', { 'class': 'empty', text: t('editor.q.none') }));
    qs.forEach(function (q, qi) { list.appendChild(drawQuestion(q, qi)); });
    panel.appendChild(list);
    panel.appendChild(button(t('editor.q.add'), function () {
      qs.push(newQuestion()); changed(); draw();
      var prompts = document.querySelectorAll('.ed-question textarea.prompt');
      if (prompts.length) prompts[prompts.length - 1].focus();
    }, 'button small secondary', { id: 'addQuestion' }));
  }
  function drawQuestion(q, qi) {
    var qs = state.course.questions;
    var li = el('li', { 'class': 'ed-question' });
    function redraw() { var fresh = drawQuestion(q, qi); li.replaceWith(fresh); }
    li.appendChild(el('div', { 'class': 'ed-question-head' },
      el('strong', { text: t('editor.q.number', qi + 1) }),
      select(['SINGLE', 'MULTIPLE', 'TRUEFALSE', 'SHORT', 'MATCHING'].map(function (k) { return [k, t('quiz.type.' + k)]; }), q.type, function (v) {
        q.type = v;
        if ((v === 'SINGLE' || v === 'MULTIPLE') && q.options.length < 2) q.options = [{ text: '', correct: true }, { text: '', correct: false }, { text: '', correct: false }];
        if (v === 'SINGLE') { var first = q.options.findIndex(function (o) { return o.correct; }); q.options.forEach(function (o, i) { o.correct = i === Math.max(first, 0); }); }
        if (v === 'TRUEFALSE' && q.answer === undefined) q.answer = true;
        if (v === 'MATCHING' && q.pairs.length < 2) q.pairs = [{ left: '', right: '' }, { left: '', right: '' }];
        changed(); redraw();
      }),
      icon('↑', t('editor.moveUp'), function () { if (qi > 0) { move(qs, qi, qi - 1); changed(); draw(); } }),
      icon('↓', t('editor.moveDown'), function () { if (qi < qs.length - 1) { move(qs, qi, qi + 1); changed(); draw(); } }),
      icon('✕', t('editor.remove'), function () { if (window.confirm(t('editor.q.confirmRemove'))) { qs.splice(qi, 1); changed(); draw(); } })));
    var prompt = area(q.prompt, function (v) { q.prompt = v; changed(); }, 2);
    prompt.className = 'prompt';
    li.appendChild(field(t('editor.q.prompt'), prompt));
    if (q.type === 'SINGLE' || q.type === 'MULTIPLE') {
      var opts = el('div', { 'class': 'ed-options', role: 'group', 'aria-label': t('editor.q.options') }, el('span', { 'class': 'label', text: t('editor.q.options') }));
      var group = 'correct' + qi + '-' + (++uid);
      q.options.forEach(function (o, oi) {
        var mark = el('input', { type: q.type === 'SINGLE' ? 'radio' : 'checkbox', name: group, checked: o.correct,
          'aria-label': t('editor.q.correct') });
        mark.addEventListener('change', function () {
          if (q.type === 'SINGLE') q.options.forEach(function (x, i) { x.correct = i === oi; }); else o.correct = mark.checked;
          changed();
        });
        opts.appendChild(el('div', { 'class': 'ed-option' }, mark,
          text(o.text, function (v) { o.text = v; changed(); }, { 'aria-label': t('editor.q.option') + ' ' + (oi + 1), placeholder: t('editor.q.option') + ' ' + (oi + 1) }),
          icon('✕', t('editor.remove'), function () { if (q.options.length > 2) { q.options.splice(oi, 1); changed(); redraw(); } })));
      });
      opts.appendChild(button(t('editor.q.addOption'), function () { q.options.push({ text: '', correct: false }); changed(); redraw(); }, 'link ed-add'));
      li.appendChild(opts);
    }
    if (q.type === 'TRUEFALSE') {
      var name = 'tf' + qi + '-' + (++uid);
      li.appendChild(el('div', { 'class': 'ed-options', role: 'radiogroup', 'aria-label': t('editor.q.answer') },
        el('span', { 'class': 'label', text: t('editor.q.answer') }),
        el('label', { 'class': 'check' }, el('input', { type: 'radio', name: name, checked: q.answer === true, onchange: function () { q.answer = true; changed(); } }), ' ' + t('editor.q.true')),
        el('label', { 'class': 'check' }, el('input', { type: 'radio', name: name, checked: q.answer === false, onchange: function () { q.answer = false; changed(); } }), ' ' + t('editor.q.false'))));
    }
    if (q.type === 'SHORT') {
      li.appendChild(field(t('editor.q.answers'), area((q.answers || []).join('\n'), function (v) {
        q.answers = v.split('\n').map(function (s) { return s.trim(); }).filter(Boolean); changed();
      }, 3)));
    }
    if (q.type === 'MATCHING') {
      var pairs = el('div', { 'class': 'ed-options' }, el('span', { 'class': 'label', text: t('editor.q.pairs') }));
      q.pairs.forEach(function (p, pi) {
        pairs.appendChild(el('div', { 'class': 'ed-pair' },
          text(p.left, function (v) { p.left = v; changed(); }, { placeholder: t('editor.q.left'), 'aria-label': t('editor.q.left') + ' ' + (pi + 1) }),
          el('span', { 'aria-hidden': 'true', text: '↔' }),
          text(p.right, function (v) { p.right = v; changed(); }, { placeholder: t('editor.q.right'), 'aria-label': t('editor.q.right') + ' ' + (pi + 1) }),
          icon('✕', t('editor.remove'), function () { if (q.pairs.length > 2) { q.pairs.splice(pi, 1); changed(); redraw(); } })));
      });
      pairs.appendChild(button(t('editor.q.addPair'), function () { q.pairs.push({ left: '', right: '' }); changed(); redraw(); }, 'link ed-add'));
      li.appendChild(pairs);
    }
    li.appendChild(field(t('editor.q.feedback'), area(q.feedback, function (v) { q.feedback = v || null; changed(); }, 2)));
    return li;
  }

  /* ---- authors ---- */
  function drawAuthors() {
    panel.appendChild(el('p', { 'class': 'muted', text: t('editor.a.intro') }));
    var list = el('ul', { 'class': 'ed-authors', id: 'edAuthors' });
    function show(res) {
      list.textContent = '';
      if (res.status !== 200) { say('error', problemsOf(res)[0].message); return; }
      say('', null);
      res.json.forEach(function (a) {
        list.appendChild(el('li', null, a.fullName + ' ', el('code', { text: a.username }), ' ',
          button(t('editor.a.remove'), function () { request('DELETE', api + '/authors/' + encodeURIComponent(a.username)).then(show); }, 'link')));
      });
    }
    request('GET', api + '/authors').then(show);
    var name = el('input', { type: 'text', id: 'edAuthorName', autocomplete: 'off' });
    var add = el('form', { 'class': 'ed-row', onsubmit: function (e) {
      e.preventDefault();
      request('POST', api + '/authors', { username: name.value.trim() }).then(function (res) { if (res.status === 200) name.value = ''; show(res); });
    } }, field(t('editor.a.username'), name), el('button', { type: 'submit', 'class': 'button small secondary', text: t('editor.a.add') }));
    panel.appendChild(list);
    panel.appendChild(add);
  }

  /* ---- loading ---- */
  function load(keepNotice) {
    if (!keepNotice) say('', null);
    status.textContent = t('editor.loading');
    request('GET', api + '/draft').then(function (res) {
      if (res.status !== 200) { say('error', problemsOf(res)[0].message); return; }
      clearTimeout(state.timer);
      state.failed = false;
      state.draft = res.json;
      state.course = JSON.parse(JSON.stringify(res.json.course));
      state.revision = res.json.revision;
      state.seq = state.savedSeq = 0;
      state.stale = false;
      if (!current()) state.lesson = [0, 0];
      showStatus();
      showProblems(res.json.problems);
      draw();
    }, function () { say('error', t('editor.saveFailed')); });
  }
  load(false);
})();
