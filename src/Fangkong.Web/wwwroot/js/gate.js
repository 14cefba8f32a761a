// The gate page's keyboard path, kept in the browser so nothing depends on a round trip per keystroke:
// a card reader or QR scanner (both keyboard wedges) types into the scan input and presses Enter; the text and
// the temperature on screen go to the server in one call, the input is cleared at once (the next swipe never
// mixes with this one) and keeps the focus. The last temperature is remembered on this device.
const key = 'fangkong.gate.temperature';

export function attach(scan, temperature, submit, dotnet) {
  const saved = localStorage.getItem(key);
  if (saved) temperature.value = saved;
  const remember = () => { if (temperature.value) localStorage.setItem(key, temperature.value); };
  const send = () => {
    const text = scan.value.trim();
    scan.value = '';
    scan.focus();
    if (!text) return;
    remember();
    dotnet.invokeMethodAsync('Scan', text, temperature.value).catch(e => console.error('gate: scan not delivered', e));
  };
  scan.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); send(); } });
  submit.addEventListener('click', e => { e.preventDefault(); send(); });
  // Keyboard only: Shift+Tab into the temperature, type it, Enter goes back to the scan input.
  temperature.addEventListener('focus', () => temperature.select());
  temperature.addEventListener('change', remember);
  temperature.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); remember(); scan.focus(); } });
}

// Back to the scan input after an answer or a direction change, but never out of the temperature field while
// the operator is typing a reading there (its Enter returns to the scan input by itself).
export function focus(scan, temperature) {
  if (document.activeElement !== temperature) scan.focus();
}
