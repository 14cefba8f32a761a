// The sampler's table (/testing/sample). A scanner (keyboard wedge) types a tube barcode first, then each person's
// health-code QR or ID number. Every scan becomes a request with its own idempotency key and the time it was scanned,
// kept in a queue in localStorage and sent in order; a network failure or a server error leaves it queued and retried,
// so an outage (or a reload during one) loses nothing, and a replay after the server answered writes nothing twice.
// The server's answer (masked name, warnings, refusals) replaces the pending line when it arrives. See ADR 0010.
// The server words its answers in the page's language (the language cookie goes with each request, ADR 0020).
(function () {
  const storeKey = 'fangkong.sampler.v1';
  let timer = null;

  function start() {
    clearTimeout(timer);
    const root = document.getElementById('sampler');
    if (!root || !document.getElementById('sampler-scan') || root.dataset.bound) return;
    root.dataset.bound = '1'; // an enhanced navigation may keep this element: bind once
    const text = JSON.parse(root.dataset.text || '{}');
    const $ = sel => root.querySelector(sel);
    const scan = $('#sampler-scan'), site = $('#sampler-site'), kind = $('#sampler-kind');
    const message = $('[data-testid=message]'), net = $('[data-testid=net-status]');
    const tubeBox = $('[data-testid=tube]'), people = $('[data-testid=tube-people]');
    // Ids stay strings: time-ordered 64-bit ids exceed a JS number's 53 bits (the API reads numbers from strings).
    const doorTask = root.dataset.task || null;
    let state = load();
    let busy = false, online = true, backoff = 1000;

    if (!doorTask && state.siteId && [...site.options].some(o => o.value === String(state.siteId))) site.value = String(state.siteId);
    site.addEventListener('change', () => { state.siteId = site.value; save(); });

    function load() {
      try { return JSON.parse(localStorage.getItem(storeKey)) || fresh(); } catch { return fresh(); }
    }
    function fresh() { return { siteId: null, tube: null, queue: [], seen: {} }; }
    function save() { localStorage.setItem(storeKey, JSON.stringify(state)); }

    function newKey() {
      const b = new Uint8Array(16);
      crypto.getRandomValues(b); // works on plain http too, unlike crypto.randomUUID
      return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    }
    const say = (cls, msg) => { message.hidden = false; message.className = 'verdict ' + cls; message.textContent = msg; };

    function isTube(t) {
      if (!/^T\d{11}$/.test(t)) return false;
      let sum = 0, dbl = true;
      for (let i = t.length - 2; i >= 1; i--) {
        let d = t.charCodeAt(i) - 48;
        if (dbl) { d *= 2; if (d > 9) d -= 9; }
        sum += d; dbl = !dbl;
      }
      return (10 - sum % 10) % 10 === t.charCodeAt(t.length - 1) - 48;
    }

    function onScan(raw) {
      const t = raw.trim();
      if (!t) return;
      const upper = t.toUpperCase();
      const tube = state.tube;
      if (/^T\d+$/.test(upper) || (upper.length === 12 && upper[0] === 'T')) {
        if (!isTube(upper)) { say('error', text.BadBarcode); return; }
        if (tube && !tube.closed && tube.count > 0) { say('error', text.CloseFirst); return; }
        openTube(upper);
        return;
      }
      if (!tube || tube.closed || tube.failed) { say('error', text.NeedTube); return; }
      const seenKey = tube.roundId + ':' + t;
      if (state.seen[seenKey]) say('warn', text.Duplicate); // at once, even offline; the server has the last word
      addSample(t);
      if (Object.keys(state.seen).length > 5000) state.seen = {};
      state.seen[seenKey] = true;
      save();
    }

    function openTube(barcode) {
      const option = site.selectedOptions[0];
      const k = kind.value;
      const capacity = k === 'Pool' ? Number(option.dataset.pool) : k === 'Household' ? Number(option.dataset.pool) * 2 : 1;
      state.tube = { barcode, roundId: option.dataset.round, capacity, count: 0, closed: false, failed: false, lines: [] };
      enqueue({ kind: 'open', url: '/api/testing/tubes', body: { roundId: option.dataset.round, siteId: site.value, barcode, kind: k, doorTaskId: doorTask } });
      say('ok', text.Opened + ' ' + barcode);
    }

    function addSample(scanText) {
      const tube = state.tube;
      const key = newKey();
      tube.lines.push({ key, label: '…' + scanText.slice(-4), status: 'pending', note: '' });
      tube.count++;
      if (tube.count >= tube.capacity) tube.closed = true; // the server closes a full tube by itself
      enqueue({ kind: 'sample', key, url: `/api/testing/tubes/${tube.barcode}/samples`, body: { scan: scanText } }, key);
    }

    function closeTube() {
      const tube = state.tube;
      if (!tube || tube.closed || tube.count === 0) return;
      tube.closed = true;
      enqueue({ kind: 'close', url: `/api/testing/tubes/${tube.barcode}/close`, body: {} });
    }

    function enqueue(item, key) {
      item.barcode = state.tube.barcode;
      item.body.key = key || newKey();
      item.body.at = new Date().toISOString();
      state.queue.push(item);
      save();
      render();
      pump();
    }

    async function pump() {
      if (busy) return;
      busy = true;
      try {
        while (state.queue.length) {
          const item = state.queue[0];
          let r;
          try {
            r = await fetch(item.url, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(item.body) });
          } catch { return retryLater(); }
          if (r.status >= 500 || r.status === 408 || r.status === 429) return retryLater();
          if (r.status === 401) { online = false; render(); say('error', text.SignIn); return; }
          online = true; backoff = 1000;
          const data = await r.json().catch(() => null);
          state.queue.shift();
          apply(item, r.ok, data);
          save();
          render();
        }
      } finally { busy = false; }
    }

    function retryLater() {
      online = false;
      render();
      clearTimeout(timer);
      timer = setTimeout(pump, backoff);
      backoff = Math.min(backoff * 2, 15000);
    }

    function apply(item, ok, data) {
      const tube = state.tube && state.tube.barcode === item.barcode ? state.tube : null;
      const problem = data && (data.title || data.detail) ? (data.title || data.detail) : text.Refused;
      if (item.kind === 'open') {
        if (ok) { if (tube) tube.capacity = data.capacity; return; }
        if (tube) { tube.failed = true; tube.closed = true; }
        say('error', problem);
        return;
      }
      if (item.kind === 'close') {
        if (ok) say('ok', text.TubeClosed + ' ' + item.barcode); else say('error', problem);
        return;
      }
      const line = tube && tube.lines.find(l => l.key === item.body.key);
      if (ok) {
        const warnings = (data.warnings || []).map(w => text['Warn.' + w] || w);
        if (line) { line.status = warnings.length ? 'warn' : 'ok'; line.label = data.maskedName; line.note = warnings.join(';'); }
        if (tube) { tube.count = Math.max(tube.count, data.tube.count); tube.closed = tube.closed || data.tube.closed; }
        say(warnings.length ? 'warn' : 'ok', data.message || '');
      } else {
        if (line) { line.status = 'error'; line.note = problem; }
        if (tube) { tube.count--; if (!tube.failed && tube.count < tube.capacity && !queuedClose(tube)) tube.closed = false; }
        say('error', problem);
      }
    }
    const queuedClose = tube => state.queue.some(q => q.kind === 'close' && q.barcode === tube.barcode);

    function render() {
      const pending = state.queue.length;
      net.textContent = (online ? text.Online : text.Offline) + (pending ? ' · ' + text.Queued.replace('{0}', pending) : '');
      net.className = 'net ' + (online ? 'online' : 'offline');
      net.dataset.pending = String(pending);
      const tube = state.tube;
      tubeBox.hidden = !tube;
      if (!tube) return;
      $('[data-testid=tube-barcode]').textContent = tube.barcode;
      $('[data-testid=tube-count]').textContent = `${tube.count} / ${tube.capacity}`;
      const st = $('[data-testid=tube-state]');
      st.textContent = tube.closed ? text.Closed : text.Open;
      st.className = 'chip ' + (tube.closed ? 'closed' : 'open');
      $('[data-testid=close-tube]').disabled = tube.closed || tube.count === 0;
      people.replaceChildren(...tube.lines.map(l => {
        const li = document.createElement('li');
        li.className = l.status;
        li.dataset.status = l.status;
        li.textContent = l.label + (l.status === 'pending' ? ' · ' + text.Pending : '') + (l.note ? ' · ' + l.note : '');
        return li;
      }));
    }

    scan.addEventListener('keydown', e => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const v = scan.value;
      scan.value = '';
      onScan(v);
      scan.focus();
    });
    $('[data-testid=close-tube]').addEventListener('click', () => { closeTube(); scan.focus(); });
    window.addEventListener('online', () => { backoff = 1000; pump(); });
    render();
    pump();
  }

  start();
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', start);
})();
