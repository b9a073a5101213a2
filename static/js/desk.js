// The review desk: selection shared by highlight and card, and the keyboard shortcuts from the help dialog.
(function () {
  var selectedId = null;
  var selectedIndex = 0;  // its place in the list, to stay near when the quote itself is gone
  var lastActedId = null;

  function cards() { return Array.prototype.slice.call(document.querySelectorAll(".cards .card")); }

  function select(id, scroll) {
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    var card = document.getElementById("quote-" + id);
    var mark = document.getElementById("hl-" + id);
    if (!card) { return; }
    selectedId = id;
    selectedIndex = cards().indexOf(card);
    card.classList.add("selected");
    if (mark) { mark.classList.add("selected"); }
    if (scroll !== false) {
      card.scrollIntoView({ block: "nearest" });
      if (mark) { mark.scrollIntoView({ block: "nearest" }); }
    }
  }

  function move(step) {
    var list = cards();
    if (!list.length) { return; }
    var index = list.findIndex(function (c) { return c.dataset.quote === selectedId; });
    var next = index < 0 ? 0 : Math.min(Math.max(index + step, 0), list.length - 1);
    select(list[next].dataset.quote);
  }

  // The button of a declared review action: on the quote's card, else in the toolbar (adding a quote).
  function press(action, id) {
    var card = id && document.getElementById("quote-" + id);
    var button = (card && card.querySelector('[data-action="' + action + '"]')) ||
      document.querySelector('.toolbar [data-action="' + action + '"]');
    if (!button) { return false; }
    if (card && card.contains(button)) { lastActedId = id; }
    button.click();
    return true;
  }

  // The review actions' keys, as the server declares them (attribution/review_actions.py).
  var keyMap = null;
  function boundKey(key) {
    if (keyMap === null) {
      var script = document.getElementById("desk-keys");
      keyMap = script ? JSON.parse(script.textContent) : {};
    }
    return Object.prototype.hasOwnProperty.call(keyMap, key) ? keyMap[key] : null;
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  // Character offsets of the selection within the article body, whose text is exactly the stored body.
  function selectedSpan() {
    var body = document.querySelector(".article-text .body");
    var selection = window.getSelection();
    if (!body || !selection.rangeCount || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) { return null; }
    var before = document.createRange();
    before.setStart(body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    var start = before.toString().length;
    return { start: start, end: start + range.toString().length };
  }

  function addQuote() {
    var review = document.querySelector("[data-review]");
    var span = selectedSpan();
    var slot = document.getElementById("add-quote");
    if (!review || !slot) { return; }
    if (!span) {
      slot.innerHTML = '<p class="notice" role="status">Select the quoted words in the article, then press n or Add quote.</p>';
      return;
    }
    htmx.ajax("GET", review.dataset.addUrl + "?start=" + span.start + "&end=" + span.end, { target: "#add-quote", swap: "innerHTML" });
  }

  var help = function () { return document.getElementById("shortcut-help"); };
  function toggleHelp() {
    var dialog = help();
    if (!dialog) { return; }
    if (dialog.open) { dialog.close(); } else { dialog.showModal(); }
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-help-open]")) { toggleHelp(); return; }
    if (event.target.closest('.toolbar [data-action="add"]')) { addQuote(); return; }
    if (event.target.closest("[data-dismiss-add]")) { document.getElementById("add-quote").innerHTML = ""; return; }
    var target = event.target.closest("mark.hl, .card");
    if (target && !event.target.closest("button, a, input, select, textarea")) { select(target.dataset.quote); }
  });

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("[data-review]") || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape") {
      var cancel = document.querySelector(".card form [data-cancel]");
      if (cancel) { event.preventDefault(); cancel.click(); }
      return;
    }
    if (typing(event.target) || (help() && help().open)) { return; }
    var bound = boundKey(event.key);
    if (bound) {
      var id = bound.lastActed && lastActedId ? lastActedId : selectedId;
      if (id !== selectedId) { select(id); }
      if (press(bound.action, id) && bound.advances) { move(1); }
    } else if (event.key === "j" || event.key === "k") {
      move(event.key === "j" ? 1 : -1);
    } else if (event.key === "?") {
      toggleHelp();
    } else {
      return;
    }
    event.preventDefault();
  });

  // A swapped card is a new element: keep it selected, focus an opened edit form, and show its new status
  // on the highlight in the text. After settling, as htmx restores the new element's attributes then.
  document.addEventListener("htmx:afterSettle", function () {
    cards().forEach(function (card) {
      var mark = document.getElementById("hl-" + card.dataset.quote);
      if (mark) { mark.className = mark.className.replace(/status-\S+/, "status-" + card.dataset.status); }
    });
    if (!document.getElementById("quote-" + lastActedId)) { lastActedId = null; }
    var list = cards();
    if (selectedId && document.getElementById("quote-" + selectedId)) {
      select(selectedId, false);
    } else if (list.length) {
      // The selected quote was deleted (or its addition undone): select the one now in its place.
      select(list[Math.min(selectedIndex, list.length - 1)].dataset.quote, false);
    }
    var field = document.querySelector(".card form input[type=text]");
    if (field) { field.focus(); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var first = cards()[0];
    if (first) { select(first.dataset.quote, false); }
  });
})();
