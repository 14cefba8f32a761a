// Saves a dashboard chart (inline SVG) as a PNG at twice its drawn size: drawn by the browser, so it matches the screen.
window.fangkongChartPng = function (testId, fileName) {
  const svg = document.querySelector('svg[data-testid="' + testId + '"]');
  if (!svg) return false;
  const box = svg.viewBox.baseVal;
  const xml = new XMLSerializer().serializeToString(svg);
  const img = new Image();
  img.onload = function () {
    const canvas = document.createElement('canvas');
    canvas.width = box.width * 2;
    canvas.height = box.height * 2;
    const g = canvas.getContext('2d');
    g.scale(2, 2);
    g.drawImage(img, 0, 0, box.width, box.height);
    const a = document.createElement('a');
    a.download = fileName;
    a.href = canvas.toDataURL('image/png');
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(xml);
  return false;
};

// The PNG links carry the chart and file name as data attributes: the CSP allows no inline handlers (ADR 0026).
document.addEventListener('click', function (e) {
  const a = e.target.closest && e.target.closest('[data-chart-png]');
  if (!a) return;
  e.preventDefault();
  e.stopPropagation();
  window.fangkongChartPng(a.dataset.chartPng, a.dataset.fileName);
}, true); // capture: before Blazor's navigation sees the click on href="#"
