// Filter fields searched as you type (forms.Typeahead): typing asks the field's suggestions view for a few
// matches, shown in the list under it; the arrow keys and Enter, or a click, choose one. A keyed field (an import
// batch, a speaker to merge) keeps the chosen id in its hidden input; the others submit their text. Choosing is
// a change of the form's value, which is what the filter forms listen for.
(function () {
  "use strict";

  var DELAY = 200;
  var timer = null;

  function partsOf(element) {
    var box = element.closest("[data-typeahead]");
    if (!box) { return null; }
    return {
      box: box,
      text: box.querySelector("[data-typeahead-text]"),
      value: box.querySelector("[data-typeahead-value]"),
      list: box.querySelector('[role="listbox"]'),
    };
  }

  function changed(input) { input.dispatchEvent(new Event("change", { bubbles: true })); }

  function ask(parts) {
    // No source element: the request takes nothing from the filter form around the field (its target, or
    // pushing its URL into the history).
    htmx.ajax("GET", parts.box.dataset.typeahead, {
      target: parts.list, swap: "innerHTML", values: { q: parts.text.value },
    });
  }

  function close(parts) {
    parts.list.innerHTML = "";
    parts.text.setAttribute("aria-expanded", "false");
  }

  function choose(option) {
    var parts = partsOf(option);
    if (parts.value) {
      parts.value.value = option.dataset.value;
      parts.text.value = parts.text.dataset.chosen = option.textContent.trim();
    } else {
      parts.text.value = option.dataset.value;
    }
    close(parts);
    parts.text.focus();
    changed(parts.value || parts.text);
  }

  document.addEventListener("input", function (event) {
    if (!event.target.matches("[data-typeahead-text]")) { return; }
    var parts = partsOf(event.target);
    // Clearing a field clears its filter at once; a new one is chosen from the list.
    if (!parts.text.value.trim() && !parts.value) {
      changed(parts.text);
    } else if (!parts.text.value.trim() && parts.value.value) {
      parts.value.value = parts.text.dataset.chosen = "";
      changed(parts.value);
    }
    clearTimeout(timer);
    timer = setTimeout(function () { ask(parts); }, DELAY);
  });

  // An empty field offers the first few as it is reached (one already filled in waits for typing).
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-typeahead-text]") && !event.target.value) { ask(partsOf(event.target)); }
  });

  // Leaving the field and its list closes the list; a keyed field shows its choice again, not what was typed
  // without choosing (which is not what the form submits).
  document.addEventListener("focusout", function (event) {
    var parts = partsOf(event.target);
    if (!parts || (event.relatedTarget && parts.box.contains(event.relatedTarget))) { return; }
    clearTimeout(timer);
    close(parts);
    if (parts.value) { parts.text.value = parts.text.dataset.chosen; }
  });

  // What is typed but not chosen is no change of the filters (the form would filter on half a name, and the
  // choice that follows would wait behind that request): Enter submits it. A choice's change is ours, untrusted.
  document.addEventListener("change", function (event) {
    if (event.isTrusted && event.target.matches("[data-typeahead-text]")) { event.stopPropagation(); }
  }, true);

  // Matches arriving after the editor has left the field are not shown.
  document.addEventListener("htmx:afterSwap", function (event) {
    var parts = event.target.matches(".typeahead-options") && partsOf(event.target);
    if (!parts) { return; }
    if (!parts.box.contains(document.activeElement)) { close(parts); return; }
    parts.text.setAttribute("aria-expanded", String(parts.list.children.length > 0));
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest('.typeahead-options [role="option"]');
    if (option) { choose(option); }
  });

  document.addEventListener("keydown", function (event) {
    var parts = partsOf(event.target);
    if (!parts) { return; }
    var options = Array.prototype.slice.call(parts.list.querySelectorAll('[role="option"]'));
    var index = options.indexOf(event.target);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var next = options[index < 0 ? (event.key === "ArrowDown" ? 0 : options.length - 1)
        : index + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) { next.focus(); } else { parts.text.focus(); }
      event.preventDefault();
    } else if (index >= 0 && (event.key === "Enter" || event.key === " ")) {
      choose(event.target);
      event.preventDefault();
    } else if (event.key === "Escape") {
      close(parts);
      parts.text.focus();
    }
  });
})();
