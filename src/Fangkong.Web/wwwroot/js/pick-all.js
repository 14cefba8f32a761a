// A "pick all" checkbox (data-pick-all="<test id of the boxes>") ticks or clears the boxes of its list. Wired here, not inline:
// the CSP allows no inline handlers (ADR 0026).
document.addEventListener('change', function (e) {
  const all = e.target.closest && e.target.closest('[data-pick-all]');
  if (!all) return;
  document.querySelectorAll('[data-testid="' + all.dataset.pickAll + '"]').forEach(function (b) { b.checked = all.checked; });
});
