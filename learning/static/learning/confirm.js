// Forms with data-confirm="question" ask before submitting (instead of an inline onsubmit handler,
// which the Content-Security-Policy would refuse).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);
