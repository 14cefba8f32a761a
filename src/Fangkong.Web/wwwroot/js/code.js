// The resident's code page: a ticking clock (so a screenshot is evidently stale), the time left before the
// signed code expires, and a fresh code fetched every refresh interval.
(function () {
  const card = document.getElementById('code-card');
  if (!card) return;
  const qr = document.getElementById('qr');
  const clock = document.getElementById('clock');
  const expires = document.getElementById('expires');
  let expiresAt = new Date(card.dataset.expires);
  const refreshMs = Math.max(1, parseInt(card.dataset.refresh, 10)) * 1000;
  const pad = n => String(n).padStart(2, '0');

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
      if (!r.ok) return;
      const c = await r.json();
      qr.src = c.qrDataUri;
      qr.dataset.payload = c.payload;
      expiresAt = new Date(c.expiresAtUtc);
      card.className = 'code-card ' + c.colour.toLowerCase();
    } catch (e) { /* offline: keep the current code until it expires */ }
  }

  tick();
  setInterval(tick, 1000);
  setInterval(refresh, refreshMs);
})();
