// The staff side's behaviour, loaded on every page (no inline scripts: Content-Security-Policy).
// - The error summary takes the focus, so a screen reader and the eye start there.
// - A form marked data-guard warns before the page is left with unsaved changes, and marks
//   itself (data-dirty) so its "Kirim" explains that it saves first.
// - Each data table's cells learn their column's heading (data-label), for the card rows
//   that replace the tables on a phone.
(function () {
  "use strict";

  function labelCells(root) {
    root.querySelectorAll("table.data").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      if (!heads.length) return;
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (heads[index] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", heads[index]);
          }
        });
      });
    });
  }

  var dirty = new Set();

  function markDirty(form) {
    if (dirty.has(form)) return;
    dirty.add(form);
    form.dataset.dirty = "1";
    form.querySelectorAll("[data-unsaved-note]").forEach(function (note) {
      note.hidden = false;
    });
  }

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.matches("form[data-guard]") && event.target.type !== "file") markDirty(form);
  });
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.matches("form[data-guard]") && event.target.type !== "file") markDirty(form);
  });
  document.addEventListener("submit", function (event) {
    // Every button of a guarded form saves what was typed, so leaving through it is safe.
    dirty.delete(event.target);
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty.size) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    labelCells(document);
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    // An upload inside a guarded form saves it: no warning once the swap has happened.
    var form = event.detail.elt.form || event.detail.elt.closest("form");
    if (form) dirty.delete(form);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    labelCells(event.target);
  });
})();
