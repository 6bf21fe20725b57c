// The import form: one submission at a time, with a progress bar while the file is uploaded.
document.getElementById("import-form").addEventListener("submit", function (event) {
  event.target.querySelector("button").disabled = true;
  document.getElementById("import-progress").hidden = false;
});
