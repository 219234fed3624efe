// Proof of coverage: share the verification link with the Web Share API where the phone has it,
// else copy it to the clipboard. Without script the link is still on the page to copy by hand.
(function () {
  var button = document.getElementById('proof-share');
  if (!button || !(navigator.share || (navigator.clipboard && navigator.clipboard.writeText))) {
    return;
  }

  var status = document.getElementById('proof-share-status');
  button.hidden = false;
  button.addEventListener('click', function () {
    var url = button.getAttribute('data-url');
    if (navigator.share) {
      navigator.share({ title: button.getAttribute('data-title'), url: url }).catch(function () { });
      return;
    }

    navigator.clipboard.writeText(url).then(function () {
      status.textContent = button.getAttribute('data-copied');
    });
  });
})();
