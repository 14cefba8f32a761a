// The lab page's CSV upload: the file goes to the import API as it is (a static form cannot post a file into a
// Blazor page), and the line-by-line report comes back as a table: accepted and unchanged counts, rejected lines
// with their number, field and reason, worded by the server in the page's language (ADR 0020).
(function () {
  function start() {
    const form = document.getElementById('lab-import');
    if (!form || form.dataset.bound) return;
    form.dataset.bound = '1';
    const text = JSON.parse(form.dataset.text || '{}');
    const out = document.getElementById('lab-import-report');
    const cell = (tag, value) => { const c = document.createElement(tag); c.textContent = value; return c; };
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const button = form.querySelector('button');
      button.disabled = true;
      out.replaceChildren();
      try {
        const r = await fetch('/api/testing/lab/results/import', { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
        const data = await r.json().catch(() => null);
        if (!r.ok) { out.append(cell('p', (text.Failed || '') + ' ' + ((data && data.title) || ''))); out.firstChild.className = 'error'; return; }
        const summary = cell('p', `${text.Lines} ${data.lines} · ${text.Accepted} ${data.accepted} · ${text.Unchanged} ${data.unchanged} · ${text.Rejected} ${data.rejected.length}`);
        summary.dataset.testid = 'import-summary';
        summary.className = data.rejected.length ? 'error' : 'ok';
        out.append(summary);
        if (data.rejected.length) {
          const table = document.createElement('table');
          table.className = 'grid';
          table.dataset.testid = 'import-rejected';
          const head = document.createElement('tr');
          head.append(cell('th', text.Line), cell('th', text.Field), cell('th', text.Reason), cell('th', ''));
          table.append(head);
          for (const p of data.rejected) {
            const tr = document.createElement('tr');
            tr.append(cell('td', p.line), cell('td', p.field), cell('td', p.message), cell('td', p.text));
            table.append(tr);
          }
          out.append(table);
        }
      } catch {
        out.append(cell('p', text.Failed || 'upload failed'));
      } finally {
        button.disabled = false;
      }
    });
  }
  start();
  if (window.Blazor) window.Blazor.addEventListener('enhancedload', start);
})();
