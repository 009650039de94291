// Vigil console: a small line chart on a canvas (no library). GPL-3.0-or-later.
'use strict';
const VigilChart = (() => {
  const COLORS = { CALL: '#2563eb', CHAT: '#16a34a', SOCIAL: '#db2777', CLICK: '#d97706' };

  // series: {SOURCE: [number|null, ...]}; min/max: the y range (max grows to fit when auto)
  function draw(canvas, series, min, max, auto, label) {
    const ctx = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height, left = 34, bottom = 16, top = 6;
    ctx.clearRect(0, 0, w, h);
    let hi = max;
    if (auto) {
      for (const values of Object.values(series)) for (const v of values) if (v != null && v > hi) hi = v;
    }
    const n = Math.max(1, ...Object.values(series).map(v => v.length));
    const x = i => left + (w - left - 4) * (n === 1 ? 0 : i / (n - 1));
    const y = v => top + (h - top - bottom) * (1 - (v - min) / (hi - min || 1));
    ctx.strokeStyle = '#ddd'; ctx.fillStyle = '#666'; ctx.font = '10px sans-serif'; ctx.lineWidth = 1;
    for (const v of [min, (min + hi) / 2, hi]) {
      ctx.beginPath(); ctx.moveTo(left, y(v)); ctx.lineTo(w - 4, y(v)); ctx.stroke();
      ctx.fillText(Number.isInteger(v) ? String(v) : v.toFixed(1), 2, y(v) + 3);
    }
    ctx.fillText(label, left, h - 3);
    ctx.fillText('now', w - 24, h - 3);
    for (const [source, values] of Object.entries(series)) {
      ctx.strokeStyle = COLORS[source] || '#000'; ctx.lineWidth = 2; ctx.beginPath();
      let drawing = false;
      values.forEach((v, i) => {
        if (v == null) { drawing = false; return; }
        if (drawing) ctx.lineTo(x(i), y(v)); else ctx.moveTo(x(i), y(v));
        drawing = true;
      });
      ctx.stroke();
      ctx.fillStyle = COLORS[source] || '#000';
      values.forEach((v, i) => { if (v != null) { ctx.beginPath(); ctx.arc(x(i), y(v), 2.5, 0, 2 * Math.PI); ctx.fill(); } });
    }
  }

  // series: {SOURCE: [count, ...]}: stacked bars per bucket
  function bars(canvas, series, label) {
    const ctx = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height, left = 34, bottom = 16, top = 6;
    ctx.clearRect(0, 0, w, h);
    const lists = Object.values(series);
    const n = Math.max(1, ...lists.map(v => v.length));
    let hi = 1;
    for (let i = 0; i < n; i++) hi = Math.max(hi, lists.reduce((sum, v) => sum + (v[i] || 0), 0));
    const y = v => top + (h - top - bottom) * (1 - v / hi);
    ctx.strokeStyle = '#ddd'; ctx.fillStyle = '#666'; ctx.font = '10px sans-serif'; ctx.lineWidth = 1;
    for (const v of [0, Math.round(hi / 2), hi]) {
      ctx.beginPath(); ctx.moveTo(left, y(v)); ctx.lineTo(w - 4, y(v)); ctx.stroke();
      ctx.fillText(String(v), 2, y(v) + 3);
    }
    ctx.fillText(label, left, h - 3);
    ctx.fillText('now', w - 24, h - 3);
    const slot = (w - left - 4) / n;
    for (let i = 0; i < n; i++) {
      let base = 0;
      for (const [source, values] of Object.entries(series)) {
        const v = values[i] || 0;
        if (!v) continue;
        ctx.fillStyle = COLORS[source] || '#000';
        ctx.fillRect(left + i * slot + 1, y(base + v), Math.max(1, slot - 2), y(base) - y(base + v));
        base += v;
      }
    }
  }

  function legend(element, sources) {
    element.textContent = '';
    for (const source of sources) {
      const item = document.createElement('span');
      const swatch = document.createElement('i');
      swatch.style.background = COLORS[source] || '#000';
      item.append(swatch, source);
      element.append(item);
    }
  }

  return { draw, bars, legend };
})();
