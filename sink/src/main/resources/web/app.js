'use strict';
// The moderator page. Signs in with the identity provider (authorization code flow with PKCE, a public client) and
// sends the access token as a bearer token on every call; shows cases of items in work order with their spread,
// SLA clocks and claims; claims, escalates, decides and reveals through the sink's API. Media arrive as blurred
// previews; an original is fetched only after the moderator gives a reason, and is hidden again after a while.

const state = {
  settings: null, token: null, me: null, queue: '', cases: [], now: Date.now(), skew: 0,
  prefs: { grayscale: false, blur: 6 }, refreshTimer: null, results: new Map(),
};
const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'vigil.token';
const LOGIN_KEY = 'vigil.login';

// ---- signing in -------------------------------------------------------------------------------------------------

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return location.origin + '/index.html';
}

async function startSignIn() {
  const s = state.settings;
  const verifier = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const login = { verifier, state: randomString(), nonce: randomString() };
  sessionStorage.setItem(LOGIN_KEY, JSON.stringify(login));
  const params = new URLSearchParams({
    response_type: 'code', client_id: s.clientId, redirect_uri: redirectUri(), scope: s.scope,
    state: login.state, nonce: login.nonce, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(s.authorizationEndpoint + '?' + params);
}

async function finishSignIn(params) {
  const login = JSON.parse(sessionStorage.getItem(LOGIN_KEY) || 'null');
  sessionStorage.removeItem(LOGIN_KEY);
  history.replaceState(null, '', '/index.html');
  if (!login || params.get('state') !== login.state) throw new Error('the sign-in answer does not match this page');
  const response = await fetch(state.settings.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: state.settings.clientId, code_verifier: login.verifier,
    }),
  });
  if (!response.ok) throw new Error('the identity provider refused the sign-in (' + response.status + ')');
  const tokens = await response.json();
  const stored = { token: tokens.access_token, expiresAt: Date.now() + tokens.expires_in * 1000 };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(stored));
  return stored.token;
}

function storedToken() {
  const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
  return stored && stored.expiresAt > Date.now() + 5000 ? stored.token : null;
}

function signedOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  $('signed-out').hidden = false;
  $('sign-in-error').textContent = message || '';
  $('status').textContent = 'signed out';
  $('status').className = 'status connecting';
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (state.token) headers.Authorization = 'Bearer ' + state.token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401 && state.settings.mode === 'oidc') signedOut('Your sign-in has expired; sign in again.');
  return response;
}

function postJson(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

// ---- preferences (per moderator, in this browser) ----------------------------------------------------------------

function prefsKey() {
  return 'vigil.prefs.' + (state.me ? state.me.subject : '');
}

function applyPrefs() {
  const gray = state.prefs.grayscale ? ' grayscale(1)' : '';
  document.body.style.setProperty('--preview-filter', 'blur(' + state.prefs.blur + 'px)' + gray);
  document.body.style.setProperty('--reveal-filter', gray ? 'grayscale(1)' : 'none');
  $('pref-grayscale').checked = state.prefs.grayscale;
  $('pref-blur').value = state.prefs.blur;
}

function loadPrefs() {
  Object.assign(state.prefs, JSON.parse(localStorage.getItem(prefsKey()) || '{}'));
  applyPrefs();
}

function savePrefs() {
  state.prefs.grayscale = $('pref-grayscale').checked;
  state.prefs.blur = Number($('pref-blur').value);
  localStorage.setItem(prefsKey(), JSON.stringify(state.prefs));
  applyPrefs();
}

// ---- rendering -----------------------------------------------------------------------------------------------------

function may(permission) {
  return state.me && state.me.may.includes(permission);
}

function duration(millis) {
  const seconds = Math.round(Math.abs(millis) / 1000);
  if (seconds < 60) return seconds + ' s';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min ' + String(seconds % 60).padStart(2, '0') + ' s';
  return Math.floor(seconds / 3600) + ' h ' + String(Math.floor(seconds / 60) % 60).padStart(2, '0') + ' min';
}

function ago(millis) {
  return duration(Date.now() - millis) + ' ago';
}

function when(millis) {
  return new Date(millis).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function slaText(node, dueAt, breached, decided) {
  if (decided || !dueAt) { node.hidden = true; return; }
  node.hidden = false;
  const left = dueAt - (Date.now() + state.skew);
  node.classList.toggle('breached', breached || left <= 0);
  node.classList.toggle('near', left > 0 && left < 5 * 60 * 1000);
  node.textContent = left > 0 ? 'SLA ' + duration(left) + ' left' : 'SLA breached ' + duration(left) + ' ago';
  node.dataset.dueAt = dueAt;
}

function groupLine(alert) {
  const g = alert.group;
  if (!g) return 'Unknown chat ' + alert.chatId;
  const members = new Intl.NumberFormat('en').format(g.memberCount);
  const strikes = g.strikeCount ? ' · ' + g.strikeCount + ' past violation(s)' : '';
  return (g.title || alert.chatId) + ' · ' + g.visibility + ' ' + g.kind + ' · ' + members + ' members' + strikes;
}

function renderCase(view) {
  const node = $('case-template').content.firstElementChild.cloneNode(true);
  node.dataset.caseId = view.caseId;
  node.classList.add(view.level);
  node.classList.toggle('closed', view.open === 0);
  node.querySelector('.level').textContent = view.level;
  node.querySelector('.case-title').textContent = view.items.length === 1 ? 'Item' : 'Case of ' + view.items.length + ' items';
  const fmt = new Intl.NumberFormat('en');
  node.querySelector('.spread').textContent = view.chats + ' chat(s) · ' + fmt.format(view.reach) + ' members reached · first seen '
    + when(view.firstSeen) + ' · latest ' + when(view.lastSeen);
  node.querySelector('.summary').textContent = view.summary || '';
  if (view.lineage) {
    const lineage = node.querySelector('.lineage');
    lineage.hidden = false;
    lineage.textContent = 'Lineage: ' + (view.lineage.summary || (view.lineage.relation + ' of chat ' + view.lineage.predecessorChatId));
  }
  slaText(node.querySelector('.head .sla'), view.dueAt, view.items.some((i) => i.breached && !i.decision), view.open === 0);
  node.querySelector('.claim-state').textContent = view.open === 0 ? 'decided'
    : view.claimedBy.length ? 'claimed by ' + view.claimedBy.join(', ') : view.open + ' open';
  for (const button of node.querySelectorAll('[data-case-command]')) {
    button.hidden = !may('claim') || view.open === 0;
    button.addEventListener('click', () => caseCommand(view, 'claim', {}));
  }
  for (const button of node.querySelectorAll('[data-case-decision]')) {
    button.hidden = !may('decide') || view.open === 0 || view.items.length < 2;
    button.addEventListener('click', () => caseCommand(view, 'decision', { action: button.dataset.caseDecision }));
  }
  for (const item of view.items) node.querySelector('.items').append(renderItem(item, view));
  node.querySelector('.case-result').textContent = state.results.get(view.caseId) || '';
  return node;
}

function renderItem(view) {
  const alert = view.item;
  const node = $('item-template').content.firstElementChild.cloneNode(true);
  node.dataset.itemId = alert.itemId;
  node.classList.add(alert.level);
  const decided = Boolean(view.decision);
  const claimedByOther = view.claim && view.claim.expiresAt > Date.now() && state.me && view.claim.moderatorId !== state.me.subject;
  node.classList.toggle('decided', decided);
  node.classList.toggle('claimed-by-other', Boolean(claimedByOther));
  node.querySelector('.level').textContent = alert.level;
  node.querySelector('.score').textContent = Math.round(alert.score * 100) + '%';
  node.querySelector('.queue-name').textContent = 'queue ' + view.currentQueue + (view.escalation ? ' (escalated from ' + view.escalation.fromQueue + ')' : '');
  slaText(node.querySelector('.sla'), view.dueAt, view.breached, decided);
  node.querySelector('.status').textContent = decided
    ? 'decided: ' + view.decision.action.toLowerCase().replaceAll('_', ' ') + ' by ' + view.decision.moderatorId
    : view.claim && view.claim.expiresAt > Date.now() ? 'claimed by ' + view.claim.moderatorId : 'unclaimed';
  node.querySelector('.when').textContent = ago(alert.sentAt);
  node.querySelector('.group').textContent = groupLine(alert);
  node.querySelector('.sender').textContent = 'Sender ' + alert.senderId + ': ' + view.senderItemsInCase + ' item(s) in this case';
  for (const category of alert.categories) {
    const li = document.createElement('li');
    li.textContent = category;
    node.querySelector('.categories').append(li);
  }
  for (const reason of alert.reasons) {
    const li = document.createElement('li');
    li.textContent = reason.description;
    node.querySelector('.reasons').append(li);
  }
  if (alert.maskedText) {
    // Personal data arrive already masked (the detector's previews); textContent keeps the text from being markup.
    const text = node.querySelector('.message-text');
    text.hidden = false;
    text.textContent = alert.maskedText;
  }
  if (alert.exposedData.length) {
    const exposed = node.querySelector('.exposed');
    exposed.hidden = false;
    for (const data of alert.exposedData) {
      const span = document.createElement('span');
      span.className = 'datum';
      span.textContent = data.type.replaceAll('_', ' ') + ' ' + data.maskedPreview;
      exposed.append(span);
    }
  }
  for (const media of alert.media) node.querySelector('.media').append(renderMedia(view, media));
  node.querySelector('.result').textContent = state.results.get(alert.itemId) || '';
  const reveals = node.querySelector('.reveals');
  for (const request of view.reveals || []) {
    const line = document.createElement('div');
    const approved = request.approvedBy && request.expiresAt > Date.now() + state.skew;
    line.textContent = 'Reveal ' + (approved ? 'approved for ' + request.moderatorId + ' by ' + request.approvedBy
      + ' until ' + when(request.expiresAt) : (request.approvedBy ? 'approval expired for ' : 'requested by ') + request.moderatorId)
      + ': ' + request.reason;
    if (!request.approvedBy && may('reveal_unclaimed') && state.me && request.moderatorId !== state.me.subject && !decided) {
      const approve = document.createElement('button');
      approve.className = 'approve-reveal';
      approve.dataset.moderator = request.moderatorId;
      approve.textContent = 'Approve';
      approve.addEventListener('click', () => itemCommand(view, 'reveal-approvals', { moderatorId: request.moderatorId }));
      line.append(' ', approve);
    }
    reveals.append(line);
  }
  const commands = { claim: !decided && may('claim'), release: !decided && may('claim') && view.claim && state.me
      && view.claim.moderatorId === state.me.subject, escalate: !decided && may('escalate') };
  for (const button of node.querySelectorAll('[data-command]')) {
    button.hidden = !commands[button.dataset.command];
    button.addEventListener('click', () => itemCommand(view, button.dataset.command));
  }
  for (const button of node.querySelectorAll('[data-decision]')) {
    button.hidden = decided || !may('decide');
    button.addEventListener('click', () => itemCommand(view, 'decision', { action: button.dataset.decision }));
  }
  return node;
}

function renderMedia(view, media) {
  const box = document.createElement('div');
  box.className = 'thumb';
  const img = document.createElement('img');
  img.alt = media.kind + ' (blurred)';
  img.className = 'blurred-preview';
  box.append(img);
  loadPreview(img, media, box);
  if (media.explicitNudity !== null && media.explicitNudity !== undefined) {
    const nudity = document.createElement('div');
    nudity.className = 'nudity';
    nudity.textContent = 'explicit ' + Math.round(media.explicitNudity * 100) + '%';
    box.append(nudity);
  }
  if (media.matchedBanks.length) {
    const banks = document.createElement('div');
    banks.className = 'banks';
    banks.textContent = 'matches ' + media.matchedBanks.join(', ');
    box.append(banks);
  }
  for (const line of media.provenance || []) {
    const provenance = document.createElement('div');
    provenance.className = 'provenance';
    provenance.textContent = line;
    box.append(provenance);
  }
  if (may('reveal') && !view.decision) {
    const reveal = document.createElement('button');
    reveal.textContent = 'Reveal';
    reveal.className = 'reveal';
    reveal.addEventListener('click', () => askReveal(view, media));
    box.append(reveal);
  }
  return box;
}

const previews = new Map();

async function loadPreview(img, media, box) {
  let url = previews.get(media.previewUrl);
  if (!url) {
    const response = await api(media.previewUrl);
    if (!response.ok) {
      const missing = document.createElement('div');
      missing.className = 'no-preview';
      missing.textContent = 'no preview (' + media.kind + ')';
      img.replaceWith(missing);
      return;
    }
    url = URL.createObjectURL(await response.blob());
    previews.set(media.previewUrl, url);
  }
  img.src = url;
}

function render() {
  const list = $('cases');
  list.replaceChildren();
  let visible = 0;
  const counts = {};
  for (const view of state.cases) {
    for (const item of view.items) {
      if (!item.decision) counts[item.currentQueue] = (counts[item.currentQueue] || 0) + 1;
    }
    if (state.queue && !view.items.some((i) => i.currentQueue === state.queue)) continue;
    list.append(renderCase(view));
    visible++;
  }
  $('empty').hidden = visible > 0;
  $('count-all').textContent = Object.values(counts).reduce((a, b) => a + b, 0);
  for (const button of document.querySelectorAll('.queue[data-queue]')) {
    if (button.dataset.queue) button.querySelector('.count').textContent = counts[button.dataset.queue] || 0;
  }
}

function tickClocks() {
  for (const node of document.querySelectorAll('.sla[data-due-at]')) {
    if (!node.hidden) slaText(node, Number(node.dataset.dueAt), node.classList.contains('breached'), false);
  }
}

// ---- acting --------------------------------------------------------------------------------------------------------

function notice(text) {
  $('notice').hidden = !text;
  $('notice').textContent = text || '';
}

function describe(result, status) {
  if (status === 409 && result.holder) return 'conflict: ' + (result.detail || 'taken') + ' (' + result.holder + ')';
  if (result.status === 'pending') return 'recorded; waiting for the queue to confirm';
  return (result.status || result.title || 'refused') + (result.detail ? ': ' + result.detail : '') + ' (' + status + ')';
}

async function itemCommand(view, command, extra = {}) {
  let reason;
  if (command === 'escalate') {
    reason = await askFor('escalate-ask', 'escalate-reason');
    if (!reason) return;
  }
  const body = Object.assign({ chatId: view.item.chatId, queue: view.currentQueue, reason }, extra);
  const response = await postJson('/api/items/' + encodeURIComponent(view.item.itemId) + '/' + command, body);
  const result = await response.json().catch(() => ({}));
  state.results.set(view.item.itemId, response.ok ? (result.status === 'pending' ? describe(result, response.status) : 'done')
    : describe(result, response.status));
  state.casesJson = null;
  await refresh();
}

async function caseCommand(view, command, extra) {
  const response = await postJson('/api/cases/' + encodeURIComponent(view.caseId) + '/' + command, extra);
  const result = await response.json().catch(() => ({}));
  const text = response.ok ? 'done' : (result.items || []).map((i) => i.status + (i.holder ? ' (' + i.holder + ')' : '')).join(', ')
    || describe(result, response.status);
  state.results.set(view.caseId, text);
  state.casesJson = null;
  await refresh();
}

function askFor(dialogId, inputId) {
  return new Promise((resolve) => {
    const dialog = $(dialogId);
    $(inputId).value = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue !== 'cancel' && $(inputId).value.trim().length >= 3
      ? $(inputId).value.trim() : null), { once: true });
    dialog.showModal();
  });
}

function myReveal(view) {
  return (view.reveals || []).find((r) => state.me && r.moderatorId === state.me.subject);
}

// A moderator asks first and a senior approves (a second person); a senior reveals with a reason of its own.
async function askReveal(view, media) {
  const mine = myReveal(view);
  const approved = mine && mine.approvedBy && mine.expiresAt > Date.now() + state.skew;
  if (!may('reveal_unclaimed') && !approved) {
    const why = await askFor('reveal-ask', 'reveal-reason');
    if (!why) return;
    const asked = await postJson('/api/items/' + encodeURIComponent(view.item.itemId) + '/reveal-requests',
      { chatId: view.item.chatId, queue: view.currentQueue, reason: why });
    const result = await asked.json().catch(() => ({}));
    state.results.set(view.item.itemId, asked.ok ? 'reveal requested; a senior must approve it' : describe(result, asked.status));
    state.casesJson = null;
    await refresh();
    return;
  }
  const reason = approved ? mine.reason : await askFor('reveal-ask', 'reveal-reason');
  if (!reason) return;
  const response = await postJson('/api/items/' + encodeURIComponent(view.item.itemId) + '/media/' + media.index + '/reveal',
    { chatId: view.item.chatId, reason });
  if (!response.ok) {
    const result = await response.json().catch(() => ({}));
    notice('Not revealed: ' + (result.title || result.error || response.status));
    return;
  }
  const seconds = Number(response.headers.get('X-Reveal-Seconds') || 30);
  const url = URL.createObjectURL(await response.blob());
  $('reveal-image').src = url;
  $('reveal-countdown').textContent = 'Hides in ' + seconds + ' s.';
  $('reveal').showModal();
  const hideAt = Date.now() + seconds * 1000;
  const timer = setInterval(() => {
    const left = Math.max(0, Math.round((hideAt - Date.now()) / 1000));
    $('reveal-countdown').textContent = 'Hides in ' + left + ' s.';
    if (left === 0) $('reveal').close();
  }, 250);
  $('reveal').addEventListener('close', () => {
    clearInterval(timer);
    $('reveal-image').removeAttribute('src');
    URL.revokeObjectURL(url);
  }, { once: true });
}

// ---- data ------------------------------------------------------------------------------------------------------------

async function refresh() {
  const response = await api('/api/cases');
  if (!response.ok) return;
  const body = await response.json();
  state.skew = body.now - Date.now();
  notice(body.complete ? '' : 'Some sink instances did not answer; the list may be incomplete.');
  // Re-drawn only when something changed, so a moderator's focus, scroll and half-made click stay put.
  const text = JSON.stringify(body.cases);
  if (text === state.casesJson) return;
  state.casesJson = text;
  state.cases = body.cases;
  render();
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(refresh, 300);
}

// The live feed (Server-Sent Events) read with fetch, so that it carries the bearer token like every other call.
async function connect() {
  let lastEventId = null;
  for (;;) {
    if (!state.token && state.settings.mode === 'oidc') return;
    try {
      const headers = { Accept: 'text/event-stream' };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await api('/api/feed', { headers });
      if (!response.ok) throw new Error('feed ' + response.status);
      $('status').textContent = 'live';
      $('status').className = 'status live';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of event.split('\n')) {
            if (line.startsWith('id:')) lastEventId = line.slice(3).trim();
          }
          if (event.includes('data:')) scheduleRefresh();
        }
      }
    } catch (e) {
      // reconnect below
    }
    $('status').textContent = 'reconnecting…';
    $('status').className = 'status connecting';
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function loadQueues() {
  for (const [name] of state.settings.queues) {
    if (state.me && !state.me.queues.includes(name)) continue;
    const button = document.createElement('button');
    button.className = 'queue';
    button.dataset.queue = name;
    const label = document.createElement('span');
    label.textContent = name;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = '0';
    button.append(label, ' ', count);
    $('queues').append(button);
  }
  for (const button of document.querySelectorAll('.queue')) {
    button.addEventListener('click', () => {
      document.querySelectorAll('.queue').forEach((b) => b.classList.toggle('active', b === button));
      state.queue = button.dataset.queue;
      render();
    });
  }
}

async function main() {
  state.settings = await (await fetch('/api/settings')).json();
  $('sign-in').addEventListener('click', () => startSignIn().catch((e) => signedOut(e.message)));
  $('sign-out').addEventListener('click', () => { signedOut(''); location.assign('/index.html'); });
  $('pref-grayscale').addEventListener('change', savePrefs);
  $('pref-blur').addEventListener('input', savePrefs);
  if (state.settings.mode === 'oidc') {
    const params = new URLSearchParams(location.search);
    try {
      state.token = params.has('code') ? await finishSignIn(params) : storedToken();
    } catch (e) {
      signedOut(e.message);
      return;
    }
    if (!state.token) { signedOut(''); return; }
  }
  const me = await api('/api/me');
  if (!me.ok) { signedOut('Signed in, but the sink refused the token (' + me.status + ').'); return; }
  state.me = await me.json();
  const login = await api('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  if (!login.ok) notice('Your sign-in could not be recorded in the audit log (' + login.status + ').');
  $('user').textContent = state.me.name + ' · ' + (state.me.roles.join(', ') || 'no role');
  $('sign-out').hidden = state.settings.mode !== 'oidc';
  loadPrefs();
  await loadQueues();
  await refresh();
  connect();
  setInterval(refresh, 5000);
  setInterval(tickClocks, 1000);
}

main();
