// The import page's progress bar: polls the import's state (?handler=Progress, JSON) every second while it
// is queued or running, and reloads the page once it is done or failed, to show the summary and the errors.
// The page reads the same without JavaScript (a reload link); a reload resumes the polling.
(function () {
  'use strict';
  var box = document.getElementById('import-progress-box');
  if (!box || box.getAttribute('data-working') !== 'true') {
    return;
  }

  var url = box.getAttribute('data-progress-url');
  var bar = document.getElementById('import-progress');
  var count = document.getElementById('import-progress-count');
  var rate = document.getElementById('import-rate');
  var textTemplate = box.getAttribute('data-text-template');
  var rateTemplate = box.getAttribute('data-rate-template');
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) {
          setTimeout(poll, 3000);
          return;
        }

        bar.max = Math.max(1, s.totalRows);
        bar.value = s.processedRows;
        count.textContent = textTemplate.replace('{0}', format.format(s.processedRows)).replace('{1}', format.format(s.totalRows));
        rate.textContent = rateTemplate.replace('{0}', format.format(s.rowsPerSecond));
        if (s.state === 'done' || s.state === 'failed') {
          window.location.reload();
          return;
        }

        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  setTimeout(poll, 500);
})();
