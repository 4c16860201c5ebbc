// The page of bouncekit serve: polls the API v1 and shows what arrives. No build step, no libraries.
'use strict';

const api = (path, options) => fetch('/api/v1' + path, options).then(r => {
  if (!r.ok && r.status !== 204) { throw new Error(path + ': ' + r.status); }
  return r.status === 204 ? null : (r.headers.get('Content-Type') || '').includes('json') ? r.json() : r.text();
});

const el = id => document.getElementById(id);
const cell = (row, text, cls) => { const td = row.insertCell(); td.textContent = text == null ? '' : text; if (cls) { td.className = cls; } return td; };
const time = iso => iso ? new Date(iso).toLocaleTimeString() : '';
let openId = null;
let lastMessages = '';
let lastRejections = '';

async function refreshMessages() {
  const q = encodeURIComponent(el('search').value);
  const page = await api('/messages?limit=100&query=' + q);
  const key = JSON.stringify(page.messages.map(m => m.id));
  el('message-count').textContent = page.total + (page.evicted ? ' (' + page.evicted + ' older evicted)' : '');
  if (key === lastMessages) { return; }
  lastMessages = key;
  const body = el('messages').tBodies[0];
  body.replaceChildren();
  for (const m of page.messages) {
    const row = body.insertRow();
    row.dataset.id = m.id;
    cell(row, m.id); cell(row, m.from); cell(row, m.to.join(', ')); cell(row, m.subject); cell(row, time(m.receivedAt));
    row.addEventListener('click', () => openMessage(m.id));
  }
}

async function refreshRejections() {
  const list = await api('/rejections');
  el('rejection-count').textContent = list.total + (list.evicted ? ' (' + list.evicted + ' older evicted)' : '');
  const key = JSON.stringify(list.rejections.map(r => r.id));
  if (key === lastRejections) { return; }
  lastRejections = key;
  const body = el('rejections').tBodies[0];
  body.replaceChildren();
  for (const r of list.rejections.slice(0, 200)) {
    const row = body.insertRow();
    row.className = 'rejection';
    row.title = 'Show the connection';
    row.addEventListener('click', () => openConnection(r.connectionId));
    cell(row, time(r.at)); cell(row, r.stage);
    cell(row, r.recipient || r.command);
    cell(row, r.text, 'code' + String(r.code).charAt(0));
    const by = cell(row, (r.catalogId || 'custom reply') + ' — ' + r.classification.reason
      + (r.classification.hard ? ', hard' : ', soft'));
    if (r.rule) {
      const rule = document.createElement('span');
      rule.className = 'rule';
      rule.textContent = r.rule.startsWith('magic:') ? 'magic address' : 'rule: ' + r.rule;
      by.append(rule);
    }
  }
}

async function openMessage(id) {
  openId = id;
  const m = await api('/messages/' + id);
  el('detail-pane').hidden = false;
  el('detail-title').textContent = '#' + m.id + ' ' + m.subject;
  el('detail-text').textContent = m.text;
  el('detail-html').srcdoc = m.html || '<p>(no HTML part)</p>';
  const headers = el('detail-headers').tBodies[0];
  headers.replaceChildren();
  for (const h of m.headers) { const row = headers.insertRow(); cell(row, h.name); cell(row, h.value); }
  el('attachments').textContent = (m.truncated ? m.truncated + '. ' : '') + (m.attachments.length === 0 ? 'No attachments'
    : 'Attachments: ' + m.attachments.map(a => (a.name || '(unnamed)') + ' (' + a.type + ', ' + a.size + ' bytes)').join('; '));
  el('detail-raw').textContent = await api('/messages/' + id + '/raw');
  el('message-parts').hidden = false;
  await showTranscript(m.connectionId);
  show('text');
}

async function showTranscript(connectionId) {
  const transcript = await api('/transcript');
  const connection = transcript.connections.find(c => c.id === connectionId);
  el('detail-transcript').textContent = connection ? connection.exchanges.map(e =>
    (e.command == null ? '' : 'C: ' + e.command + '\n') + e.reply.map(l => 'S: ' + l).join('\n')
    + (e.rule ? '\n   (' + e.rule + ')' : '')).join('\n') : '(transcript evicted)';
}

async function openConnection(connectionId) {
  openId = null;
  el('detail-pane').hidden = false;
  el('detail-title').textContent = 'Connection ' + connectionId;
  el('message-parts').hidden = true;
  await showTranscript(connectionId);
}

function show(tab) {
  el('detail-text').hidden = tab !== 'text';
  el('detail-html').hidden = tab !== 'html';
  el('detail-headers').hidden = tab !== 'headers';
  el('detail-raw').hidden = tab !== 'raw';
}

async function loadRulesAndCatalog() {
  el('rules').textContent = JSON.stringify(await api('/rules'), null, 2);
  const catalog = await api('/catalog');
  const body = el('catalog').tBodies[0];
  const filter = () => {
    const f = el('catalog-filter').value.toLowerCase();
    body.replaceChildren();
    for (const e of catalog.filter(e => e.id.includes(f)).slice(0, 300)) {
      const row = body.insertRow();
      cell(row, e.id); cell(row, e.stage); cell(row, e.lines.join(' '));
      const code = document.createElement('code');
      code.className = 'magic'; code.textContent = e.magicAddress; code.title = 'Click to copy';
      code.addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText(e.magicAddress));
      row.insertCell().append(code);
    }
  };
  el('catalog-filter').addEventListener('input', filter);
  filter();
}

async function tick() {
  try {
    await Promise.all([refreshMessages(), refreshRejections()]);
    el('status').textContent = 'live, updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    el('status').textContent = 'not reachable: ' + e.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('nav button[data-tab]').forEach(b => b.addEventListener('click', () => show(b.dataset.tab)));
  el('close-detail').addEventListener('click', () => { el('detail-pane').hidden = true; openId = null; });
  el('search').addEventListener('input', () => { lastMessages = ''; tick(); });
  el('reset').addEventListener('click', async () => { await api('/reset', { method: 'POST' }); lastMessages = ''; lastRejections = ''; tick(); loadRulesAndCatalog(); });
  loadRulesAndCatalog();
  tick();
  setInterval(tick, 1000);
});
