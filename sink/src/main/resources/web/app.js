'use strict';
// The moderator page: renders the live feed ranked by queue priority, then score, then recency.
// Media arrive as blurred previews; the original is fetched only when a moderator asks, with their id.

const state = { alerts: new Map(), nodes: new Map(), queue: '', moderatorHeader: 'X-Moderator-Id' };
const $ = (id) => document.getElementById(id);

function moderator() {
  return $('moderator').value.trim();
}

function rank(a, b) {
  return a.priority - b.priority || b.score - a.score || b.enqueuedAt - a.enqueuedAt;
}

function ago(millis) {
  const seconds = Math.max(0, Math.round((Date.now() - millis) / 1000));
  if (seconds < 60) return seconds + ' s ago';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
  return Math.round(seconds / 3600) + ' h ago';
}

function groupLine(alert) {
  const g = alert.group;
  if (!g) return 'Unknown chat ' + alert.chatId;
  const members = new Intl.NumberFormat('en').format(g.memberCount);
  const strikes = g.strikeCount ? ' · ' + g.strikeCount + ' past violation(s)' : '';
  return (g.title || alert.chatId) + ' · ' + g.visibility + ' ' + g.kind + ' · ' + members + ' members' + strikes;
}

function renderAlert(alert) {
  const node = $('alert-template').content.firstElementChild.cloneNode(true);
  node.classList.add(alert.level);
  node.dataset.itemId = alert.itemId;
  node.querySelector('.level').textContent = alert.level;
  node.querySelector('.score').textContent = Math.round(alert.score * 100) + '%';
  node.querySelector('.queue-name').textContent = 'queue ' + alert.queue;
  node.querySelector('.when').textContent = ago(alert.sentAt);
  node.querySelector('.group').textContent = groupLine(alert);
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
  for (const media of alert.media) {
    node.querySelector('.media').append(renderMedia(alert, media));
  }
  for (const button of node.querySelectorAll('.actions button')) {
    button.addEventListener('click', () => decide(alert, button.dataset.action, node));
  }
  if (alert.decision) markDecided(node, alert.decision);
  return node;
}

function renderMedia(alert, media) {
  const box = document.createElement('div');
  box.className = 'thumb';
  const img = document.createElement('img');
  img.alt = media.kind + ' (blurred)';
  img.loading = 'lazy';
  img.src = media.previewUrl;
  img.className = 'blurred-preview';
  img.addEventListener('error', () => {
    const missing = document.createElement('div');
    missing.className = 'no-preview';
    missing.textContent = 'no preview (' + media.kind + ')';
    img.replaceWith(missing);
    box.querySelector('button')?.remove();
  });
  box.append(img);
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
  const reveal = document.createElement('button');
  reveal.textContent = 'Reveal';
  reveal.addEventListener('click', () => revealMedia(media));
  box.append(reveal);
  return box;
}

async function revealMedia(media) {
  if (!moderator()) { alert('Enter your moderator id first.'); return; }
  if (!confirm('Show this media unblurred? Your view will be recorded.')) return;
  const response = await fetch(media.previewUrl + '?view=original', { headers: { [state.moderatorHeader]: moderator() } });
  if (!response.ok) { alert('Could not load the media (' + response.status + ').'); return; }
  const url = URL.createObjectURL(await response.blob());
  $('reveal-image').src = url;
  $('reveal').showModal();
  $('reveal').addEventListener('close', () => URL.revokeObjectURL(url), { once: true });
}

async function decide(alert, action, node) {
  if (!moderator()) { window.alert('Enter your moderator id first.'); return; }
  const response = await fetch('/api/items/' + encodeURIComponent(alert.itemId) + '/decision', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [state.moderatorHeader]: moderator() },
    body: JSON.stringify({ platform: alert.platform, chatId: alert.chatId, messageId: alert.messageId, queue: alert.queue, action }),
  });
  if (response.ok) {
    alert.decision = action;
    markDecided(node, action);
  } else {
    node.querySelector('.decision').textContent = 'not recorded (' + response.status + '), try again';
  }
}

function markDecided(node, action) {
  node.classList.add('decided');
  node.querySelector('.decision').textContent = 'decided: ' + action.toLowerCase().replaceAll('_', ' ');
  node.querySelectorAll('.actions button').forEach((b) => { b.disabled = true; });
}

// Cards are kept per item and only moved when the ranking changes, so a moderator's focus and scroll stay put.
function render() {
  const ranked = [...state.alerts.values()].sort(rank);
  const list = $('alerts');
  let visible = 0;
  ranked.forEach((alert, position) => {
    const node = state.nodes.get(alert.itemId);
    node.hidden = Boolean(state.queue) && alert.queue !== state.queue;
    if (!node.hidden) visible++;
    node.querySelector('.when').textContent = ago(alert.sentAt);
    if (list.children[position] !== node) list.insertBefore(node, list.children[position] || null);
  });
  $('empty').hidden = visible > 0;
  $('count-all').textContent = state.alerts.size;
  for (const button of document.querySelectorAll('.queue[data-queue]')) {
    const name = button.dataset.queue;
    if (name) button.querySelector('.count').textContent = ranked.filter((a) => a.queue === name).length;
  }
}

function upsert(alert) {
  const known = state.alerts.get(alert.itemId);
  if (known && known.decision) alert.decision = known.decision;
  state.alerts.set(alert.itemId, alert);
  const fresh = renderAlert(alert);
  const old = state.nodes.get(alert.itemId);
  if (old) old.replaceWith(fresh);
  state.nodes.set(alert.itemId, fresh);
  render();
}

async function loadQueues() {
  const settings = await (await fetch('/api/settings')).json();
  state.moderatorHeader = settings.moderatorHeader;
  for (const [name] of settings.queues) {
    const button = document.createElement('button');
    button.className = 'queue';
    button.dataset.queue = name;
    button.innerHTML = '<span></span> <span class="count">0</span>';
    button.firstChild.textContent = name;
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

function connect() {
  const source = new EventSource('/api/feed');
  source.addEventListener('open', () => { $('status').textContent = 'live'; $('status').className = 'status live'; });
  source.addEventListener('error', () => { $('status').textContent = 'reconnecting…'; $('status').className = 'status connecting'; });
  source.addEventListener('alert', (event) => upsert(JSON.parse(event.data)));
}

$('moderator').value = localStorage.getItem('vigil.moderator') || '';
$('moderator').addEventListener('change', () => localStorage.setItem('vigil.moderator', moderator()));
loadQueues().then(connect);
setInterval(render, 30000);
