// Confirmation before an irreversible step, as a dialog. Progressive enhancement: a form marked
// data-confirm is sent only after the dialog is confirmed, and then carries confirmed=1; without
// JavaScript the same form reaches the server unconfirmed and the server answers with a
// confirmation page. No framework; the dialog's words come translated from the page.
(function () {
  "use strict";

  function replacedFileNotice(form) {
    // On the upload form: the notice naming the file the chosen language would replace, if any.
    var language = form.querySelector("[name=language]");
    if (!language) return null;
    return document.querySelector('[data-replaces-language="' + language.value + '"]');
  }

  function markConfirmed(form) {
    var field = form.querySelector("input[name=confirmed]");
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "confirmed";
      form.appendChild(field);
    }
    field.value = "1";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var dialog = document.getElementById("confirm-dialog");
    if (!form.matches("form[data-confirm]") || !dialog || typeof dialog.showModal !== "function") {
      return;
    }
    var confirmed = form.querySelector("input[name=confirmed]");
    if (confirmed && confirmed.value === "1") return; // asked already: send it
    var notice = replacedFileNotice(form);
    if (form.dataset.confirmOnlyReplacing && !notice) return; // a new language: nothing replaced
    event.preventDefault();
    document.getElementById("confirm-dialog-question").textContent = form.dataset.confirm;
    document.getElementById("confirm-dialog-detail").textContent = form.dataset.confirmDetail || "";
    var replaces = document.getElementById("confirm-dialog-replaces");
    replaces.hidden = !notice;
    replaces.textContent = notice ? notice.textContent : "";
    document.getElementById("confirm-dialog-yes").textContent = form.dataset.confirmButton;
    dialog.returnValue = "";
    dialog.onclose = function () {
      if (dialog.returnValue !== "confirm") return;
      markConfirmed(form);
      // requestSubmit() fires the submit event again (so an upload shows its progress); the
      // form is now marked confirmed, so the dialog does not open again.
      if (typeof form.requestSubmit === "function") form.requestSubmit();
      else form.submit();
    };
    dialog.showModal();
  });
})();
