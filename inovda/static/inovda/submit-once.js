// A form marked data-submit-once sends once: its button is disabled and says it is working, so
// a double click cannot start a second publication (the server refuses a second one anyway).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.matches("form[data-submit-once]")) return;
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = "1";
  form.querySelectorAll("button[type=submit]").forEach(function (button) {
    button.disabled = true;
    button.textContent = button.dataset.busy || "Sedang diproses…";
  });
});
