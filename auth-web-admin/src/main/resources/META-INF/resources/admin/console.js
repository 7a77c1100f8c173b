// Copy buttons, attached here because the console's Content-Security-Policy runs no inline handler:
// data-copy holds the text itself, data-copy-from the id of the element whose text (or input value) is copied.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy], [data-copy-from]');
  if (!button || !navigator.clipboard) {
    return;
  }
  var source = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : null;
  var text = source ? (source.tagName === 'INPUT' ? source.value : source.textContent) : button.dataset.copy;
  navigator.clipboard.writeText(text);
});
