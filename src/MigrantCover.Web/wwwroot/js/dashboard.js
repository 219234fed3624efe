// Draws the dashboard charts from the data-* attributes of each canvas (the CSP forbids inline scripts).
// Every chart has its table of numbers beside it, so the page reads the same without JavaScript.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }

  var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#dc3545', '#6c757d', '#20c997', '#ffc107'];

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var type = canvas.getAttribute('data-chart');
    var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
    var series = JSON.parse(canvas.getAttribute('data-series') || '[]');
    var datasets = series.map(function (s, i) {
      var colour = type === 'doughnut' ? palette : palette[i % palette.length];
      return {
        label: s.label,
        data: s.data,
        backgroundColor: colour,
        borderColor: type === 'line' ? palette[i % palette.length] : undefined,
        fill: false,
        tension: 0.2
      };
    });
    var locale = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
    new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        locale: locale,
        responsive: true,
        maintainAspectRatio: true,
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: type === 'doughnut' ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
