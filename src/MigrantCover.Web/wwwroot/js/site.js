// Every page: after a failed submit, focus moves to the error summary, so keyboard and screen-reader
// users hear what went wrong and can follow its links to the fields.
(function () {
  var summary = document.getElementById('error-summary') || document.getElementById('unmet-conditions');
  if (summary) {
    summary.focus();
  }
})();
