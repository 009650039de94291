// Vigil console: live alerts, actions and customer drill-down. GPL-3.0-or-later.
'use strict';
const vigil = { alerts: new Map(), csrf: null, name: null, customer: null, lastCustomerJson: null };
const $ = id => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}
const time = ms => ms == null ? '' : new Date(ms).toLocaleTimeString();
const dateTime = ms => ms == null ? '' : new Date(ms).toLocaleString();

async function init() {
  const res = await fetch('/api/session');
  if (res.status === 401) { location.href = '/login'; return; }
  const session = await res.json();
  vigil.csrf = session.csrf; vigil.name = session.name;
  $('user').textContent = session.name;
  $('logout').addEventListener('click', logout);
  $('lookup').addEventListener('submit', e => { e.preventDefault(); openCustomer($('lookup-id').value.trim()); });
  for (const id of ['f-severity', 'f-topic', 'f-queue', 'f-state']) $(id).addEventListener('change', render);
  connect();
}

function connect() {
  const events = new EventSource('/api/events');
  events.onopen = () => setStatus('live', 'live');
  events.onerror = () => {
    setStatus(events.readyState === EventSource.CLOSED ? 'down' : '', events.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…');
    if (events.readyState === EventSource.CLOSED) setTimeout(() => fetch('/api/session').then(r => r.status === 401 ? location.href = '/login' : connect()), 3000);
  };
  events.addEventListener('snapshot', e => {
    const data = JSON.parse(e.data);
    vigil.alerts = new Map(data.alerts.map(a => [a.alertId, a]));
    render();
  });
  events.addEventListener('alert', e => { const a = JSON.parse(e.data); vigil.alerts.set(a.alertId, a); render(); });
  events.addEventListener('customers', e => {
    if (vigil.customer && JSON.parse(e.data).includes(vigil.customer)) openCustomer(vigil.customer, true);
  });
  events.addEventListener('chart', e => drawChart(JSON.parse(e.data)));
}

function setStatus(cls, text) { const s = $('status'); s.className = 'status ' + cls; s.textContent = text; }

async function logout() {
  await fetch('/logout', { method: 'POST', headers: { 'X-CSRF-Token': vigil.csrf } });
  location.href = '/login';
}

function fillSelect(select, values) {
  const current = select.value;
  const known = new Set([...select.options].map(o => o.value));
  for (const v of [...values].sort()) if (!known.has(v)) select.append(el('option', { value: v }, v));
  select.value = current;
}

function matches(a) {
  const sev = $('f-severity').value, topic = $('f-topic').value, queue = $('f-queue').value, state = $('f-state').value;
  return (!sev || a.severity === sev) && (!topic || a.topic === topic) && (!queue || a.queues.includes(queue))
    && (!state || a.state === state || (state === 'OPEN' && a.state !== 'RESOLVED'));
}

function render() {
  const all = [...vigil.alerts.values()];
  fillSelect($('f-topic'), new Set(all.map(a => a.topic).filter(Boolean)));
  fillSelect($('f-queue'), new Set(all.flatMap(a => a.queues)));
  const shown = all.filter(matches).sort((a, b) => b.openedAt - a.openedAt || b.updatedAt - a.updatedAt);
  $('count').textContent = shown.length + ' of ' + all.length + ' alerts';
  const list = $('alerts');
  list.textContent = '';
  for (const a of shown) list.append(alertCard(a));
}

function customerLink(id) {
  return el('a', { class: 'customer-link', onclick: () => openCustomer(id) }, id);
}

function alertCard(a) {
  const stateText = a.state === 'ASSIGNED' ? 'ASSIGNED to ' + a.assignee
    : a.state === 'RESOLVED' ? 'RESOLVED by ' + a.resolvedBy : a.state;
  const last = a.history.length ? a.history[a.history.length - 1] : null;
  const done = { ACKNOWLEDGE: 'acknowledged', ASSIGN: 'assigned', RESOLVE: 'resolved', REOPEN: 'reopened' };
  const who = last ? ' (' + done[last.action] + ' by ' + last.by + ' at ' + time(last.at) + ')' : '';
  const evidence = el('ul', { class: 'evidence' });
  a.evidence.forEach((line, i) => {
    const customer = a.evidenceCustomers && a.evidenceCustomers[i];
    evidence.append(el('li', {}, line, customer ? ' — ' : null, customer ? customerLink(customer) : null));
  });
  const assignee = el('input', { placeholder: 'assignee', 'aria-label': 'assignee', class: 'assignee' });
  const button = (label, action, extra) => el('button', { type: 'button', class: 'act-' + action.toLowerCase(),
    onclick: () => act(a.alertId, action, extra ? extra() : undefined) }, label);
  const actions = el('div', { class: 'actions' });
  if (a.state === 'RESOLVED') actions.append(button('Reopen', 'REOPEN'));
  else {
    if (a.state === 'NEW') actions.append(button('Acknowledge', 'ACKNOWLEDGE'));
    actions.append(assignee, button('Assign', 'ASSIGN', () => assignee.value), button('Resolve', 'RESOLVE'));
  }
  return el('div', { class: 'alert sev-' + a.severity + ' state-' + a.state, 'data-alert-id': a.alertId },
    el('div', { class: 'top' },
      el('span', { class: 'badge sev' }, a.severity),
      el('strong', {}, a.topic || a.detector),
      el('span', { class: 'badge' }, a.status),
      a.sources.length ? el('span', { class: 'meta' }, a.sources.join(' · ')) : null,
      a.queues.length ? el('span', { class: 'meta' }, 'queue ' + a.queues.join(', ')) : null,
      el('span', { class: 'state' }, stateText), el('span', { class: 'meta' }, who)),
    el('div', { class: 'reason' }, a.reason),
    el('div', { class: 'meta' },
      a.customerId ? el('span', {}, 'customer ', customerLink(a.customerId), ' · ') : el('span', {}, a.affectedCustomers + ' customers affected · '),
      'detector ' + a.detector + ' · opened ' + time(a.openedAt) + ' · updated ' + time(a.updatedAt)
        + (a.resolvedAt ? ' · resolved ' + time(a.resolvedAt) : '') + ' · ' + a.alertId),
    a.evidence.length ? evidence : null,
    actions);
}

async function act(alertId, action, assignee) {
  if (action === 'ASSIGN' && !assignee) { alert('Type the assignee first.'); return; }
  const res = await fetch('/api/alerts/' + encodeURIComponent(alertId) + '/actions', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': vigil.csrf },
    body: JSON.stringify({ action, assignee: assignee || null })
  });
  if (res.status === 401) { location.href = '/login'; return; }
  if (!res.ok) alert('The action failed: ' + (await res.text()));
  // the new state arrives on the event stream once the action is read back from cx.control
}

async function openCustomer(id, refresh) {
  if (!id) return;
  vigil.customer = id;
  const box = $('customer');
  const res = await fetch('/api/customers/' + encodeURIComponent(id));
  if (res.status === 401) { location.href = '/login'; return; }
  if (res.status === 404) { box.textContent = ''; box.append(el('h2', {}, id), el('p', { class: 'muted' }, 'No recent data for this customer.')); return; }
  const text = await res.text();
  if (refresh && text === vigil.lastCustomerJson) return;
  vigil.lastCustomerJson = text;
  renderCustomer(JSON.parse(text));
}

function actionText(action) {
  if (typeof action === 'string') return action;
  const name = action.action || action.name || action.id || JSON.stringify(action);
  const score = action.score ?? action.expectedValue ?? action.uplift;
  return name + (score != null ? ' (' + Number(score).toFixed(2) + ')' : '') + (action.reason ? ': ' + action.reason : '');
}

function renderCustomer(c) {
  const box = $('customer');
  box.textContent = '';
  const s = c.score || {};
  const kv = el('div', { class: 'kv' });
  const row = (k, v) => kv.append(el('span', { class: 'muted' }, k), el('span', {}, v == null || v === '' ? '–' : v));
  const risk = s.churnRisk != null ? el('span', { class: 'band-' + s.churnBand }, (s.churnRisk * 100).toFixed(0) + ' % (' + s.churnBand + ')') : null;
  row('churn risk', risk);
  row('reasons', (s.reasons || []).join(', '));
  const actions = s.topActions || s.actions || [];
  row('top actions', actions.length ? actions.map(actionText).join('; ') : null);
  row('segment', s.segment != null ? (typeof s.segment === 'object' ? JSON.stringify(s.segment) : String(s.segment)) : null);
  row('sentiment', s.sentiment != null ? Number(s.sentiment).toFixed(2) : null);
  if (s.profile) row('profile', [s.profile.plan, s.profile.contract, s.profile.valueTier, s.profile.tenureMonths != null ? s.profile.tenureMonths + ' months' : null].filter(Boolean).join(' · '));
  row('last contact', s.lastContactAt ? dateTime(s.lastContactAt) + ' ' + (s.lastContactChannel || '') : null);
  if (c.alerts.length) row('alerts', c.alerts.join(', '));
  const table = el('table', {}, el('tr', {}, ...['time', 'channel', 'who', 'sentiment', 'queue', 'text'].map(h => el('th', {}, h))));
  for (const i of c.interactions) {
    const sentiment = i.sentiment ? el('span', { class: i.sentiment }, i.sentiment + ' ' + Number(i.sentimentScore).toFixed(2)) : '';
    const text = i.text || (i.page ? i.kind + ' ' + i.page : i.kind);
    table.append(el('tr', { class: 'interaction' }, el('td', {}, time(i.timestamp)), el('td', {}, i.channel),
      el('td', {}, i.party || ''), el('td', {}, sentiment), el('td', {}, i.queue || ''),
      el('td', {}, text, i.topics.length ? el('span', { class: 'muted' }, ' [' + i.topics.join(', ') + ']') : null)));
  }
  box.append(el('h2', {}, 'Customer ' + c.customerId), kv, el('h2', {}, 'Recent interactions (redacted)'), table);
}

function drawChart(chart) {
  const alerts = {}, sentiment = {};
  for (const [source, series] of Object.entries(chart.sources)) {
    alerts[source] = series.alerts;
    if (source !== 'CLICK') sentiment[source] = series.sentiment;
  }
  const span = chart.bucketMs * (Object.values(chart.sources)[0] || { alerts: [] }).alerts.length / 1000;
  $('chart-bucket').textContent = '(per ' + chart.bucketMs / 1000 + ' s, last ' + Math.round(span / 60 * 10) / 10 + ' min)';
  VigilChart.bars($('chart-alerts'), alerts, '-' + Math.round(span) + ' s');
  VigilChart.draw($('chart-sentiment'), sentiment, -1, 1, false, '-' + Math.round(span) + ' s');
  VigilChart.legend($('legend'), Object.keys(chart.sources));
}

document.addEventListener('DOMContentLoaded', init);
