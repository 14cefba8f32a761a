// The resident's code page: a ticking clock (so a screenshot is evidently stale), the time left before the
// signed code expires, and a fresh code fetched every refresh interval. Loaded once for the whole app and started
// again after each enhanced navigation, so it works however the resident reaches /code.
(function () {
  const pad = n => String(n).padStart(2, '0');
  let timers = [];

  function start() {
    timers.forEach(clearInterval);
    timers = [];
    const card = document.getElementById('code-card');
    if (!card) return;
    const qr = document.getElementById('qr');
    const clock = document.getElementById('clock');
    const expires = document.getElementById('expires');
    let expiresAt = new Date(card.dataset.expires);
    const refreshMs = Math.max(1, parseInt(card.dataset.refresh, 10)) * 1000;

    function tick() {
      const now = new Date();
      clock.textContent = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
      const left = Math.max(0, Math.floor((expiresAt - now) / 1000));
      expires.textContent = `${pad(Math.floor(left / 60))}:${pad(left % 60)}`;
      card.classList.toggle('expired', left === 0);
    }

    async function refresh() {
      try {
        const r = await fetch('/code/card', { cache: 'no-store', credentials: 'same-origin' });
        if (r.status === 401 || r.status === 403) { location.reload(); return; }
        if (!r.ok) return;
        const c = await r.json();
        // A new colour brings a new explanation and appeal routes: let the server render the whole page again.
        if (c.colour !== card.dataset.colour) { location.reload(); return; }
        qr.src = c.qrDataUri;
        qr.dataset.payload = c.payload;
        expiresAt = new Date(c.expiresAtUtc);
        tick();
      } catch (e) { /* offline: keep the current code until it expires */ }
    }

    tick();
    timers.push(setInterval(tick, 1000), setInterval(refresh, refreshMs));
  }

  start();
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', start);
})();
