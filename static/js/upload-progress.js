// Upload progress: a form marked data-upload-progress is sent with XMLHttpRequest so its
// <progress> shows how much of the file has gone, and the page stays usable. Progressive
// enhancement: without JavaScript (or XMLHttpRequest) the plain form post works as before.
// The server's answer (the document page after its redirect, or the form with its errors)
// replaces this page, at the address it came from.
(function () {
  "use strict";

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var box = form.querySelector(".upload-progress");
    var bar = box && box.querySelector("progress");
    var status = box && box.querySelector("[data-upload-percent]");
    var buttons = form.querySelectorAll("button[type=submit]");
    var xhr = new XMLHttpRequest();
    xhr.open((form.getAttribute("method") || "post").toUpperCase(), form.action);
    if (box) box.hidden = false;
    xhr.upload.addEventListener("progress", function (event) {
      if (!bar || !event.lengthComputable) return;
      var percent = Math.round((event.loaded / event.total) * 100);
      bar.value = percent;
      if (status) status.textContent = percent + "%";
    });
    xhr.addEventListener("load", function () {
      history.replaceState(null, "", xhr.responseURL || form.action);
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", function () {
      // The connection failed: let the browser post the form itself and show what it gets.
      if (box) box.hidden = true;
      buttons.forEach(function (button) { button.disabled = false; });
      HTMLFormElement.prototype.submit.call(form);
    });
    buttons.forEach(function (button) { button.disabled = true; });
    xhr.send(data);
  }

  // On window, so a dialog that asks first (confirm.js, on document) has already had its say.
  window.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.matches("form[data-upload-progress]")) return;
    if (typeof FormData !== "function" || !("upload" in new XMLHttpRequest())) return;
    event.preventDefault();
    send(form, event.submitter);
  });
})();
