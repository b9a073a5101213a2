// A request htmx sent that failed says so where the editor is looking, whatever page it came from: a message
// that stays on screen (role=alert) until the next request succeeds or it is dismissed. Nothing was changed by
// a failed request, and the message says what to do.
(function () {
  function messageFor(status) {
    if (status === 0) { return "No connection to the server: nothing was saved. Check the connection, then try again."; }
    if (status === 403) {
      return "Not allowed: the server refused this (perhaps you logged in as someone else in another tab). Reload the page.";
    }
    if (status === 404) { return "Not found: what this page shows may have been removed. Reload the page."; }
    if (status === 429) { return "Too many requests: wait a moment, then try again."; }
    if (status >= 500) { return "The server failed on this request and nothing was changed. Try again; if it keeps failing, tell an admin."; }
    return "The request failed (" + status + "): nothing was changed. Reload the page.";
  }

  function show(text) {
    var alert = document.getElementById("request-failed");
    if (!alert) { return; }
    alert.querySelector("[data-message]").textContent = text;
    alert.hidden = false;
  }

  function hide() {
    var alert = document.getElementById("request-failed");
    if (alert) { alert.hidden = true; }
  }

  document.addEventListener("htmx:responseError", function (event) { show(messageFor(event.detail.xhr.status)); });
  document.addEventListener("htmx:sendError", function () { show(messageFor(0)); });
  document.addEventListener("htmx:timeout", function () { show(messageFor(0)); });
  document.addEventListener("htmx:afterRequest", function (event) { if (event.detail.successful) { hide(); } });
  document.addEventListener("click", function (event) { if (event.target.closest("[data-dismiss-failure]")) { hide(); } });
})();
