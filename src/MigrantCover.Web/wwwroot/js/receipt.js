// Receipt page: the print button opens the browser's print dialog (the page prints without it too).
document.querySelectorAll('[data-print]').forEach(function (el) {
  el.addEventListener('click', function (e) {
    e.preventDefault();
    window.print();
  });
});
