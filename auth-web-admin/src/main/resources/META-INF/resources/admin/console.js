// Copy buttons, attached here because the console's Content-Security-Policy runs no inline handler:
// data-copy holds the text itself, data-copy-from the id of the element whose text is copied.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy], [data-copy-from]');
  if (!button || !navigator.clipboard) {
    return;
  }
  var source = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : null;
  navigator.clipboard.writeText(source ? source.textContent : button.dataset.copy);
});
