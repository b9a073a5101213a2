// The review desk: selection shared by highlight and card, and the keyboard shortcuts from the help dialog.
(function () {
  var selectedId = null;
  var selectedIndex = 0;  // its place in the list, to stay near when the quote itself is gone
  // Requests for cards (actions, forms) the server has not answered yet: keys wait for none of them, they are
  // ignored, so that no key acts on a card whose new state the editor has not seen.
  var inFlight = 0;
  // Where focus goes when the response settles: the card whose form was asked for or sent ("add" for the new
  // quote's form). Focus moves only then; nothing else (suggestions arriving, other cards) moves it.
  var formFor = null;
  var sentFormOf = null;

  function cards() { return Array.prototype.slice.call(document.querySelectorAll(".cards .card[data-quote]")); }

  function select(id, scroll) {
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    var card = document.getElementById("quote-" + id);
    var mark = document.getElementById("hl-" + id);
    if (!card) { return; }
    selectedId = id;
    selectedIndex = cards().indexOf(card);
    card.classList.add("selected");
    if (mark) { mark.classList.add("selected"); }
    showSpeaker(card);
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
    list[next].focus({ preventScroll: true });
  }

  // On to the next quote still pending, leaving this one as it is; past the last, the next article.
  function skip() {
    var list = cards();
    var index = list.findIndex(function (c) { return c.dataset.quote === selectedId; });
    var next = list.slice(index + 1).find(function (c) { return c.dataset.status === "pending"; });
    if (next) {
      select(next.dataset.quote);
      next.focus({ preventScroll: true });
      return;
    }
    var onward = document.querySelector('.toolbar [data-command="next-article"]');
    if (onward) { onward.click(); }
  }

  // A card's request from a key, answered like its buttons' (the answer may redraw the whole desk).
  function send(card, url, values) {
    htmx.ajax("POST", url, { source: card, target: "#" + card.id, swap: "outerHTML", values: values });
  }

  // One value set without the form (a name picked from the text, a kind by its key); the answer redraws the
  // desk, so the text and the colours repaint.
  function correct(field, value) {
    var card = selectedId && document.getElementById("quote-" + selectedId);
    if (!card || !card.dataset.correctUrl) { return; }
    var values = { version: card.dataset.version };
    values[field] = value;
    send(card, card.dataset.correctUrl, values);
  }

  var KINDS = { "1": "direct", "2": "indirect", "3": "mixed" };

  // An edge of the selected quote's span moved by a word.
  function nudge(edge, words) {
    var card = selectedId && document.getElementById("quote-" + selectedId);
    if (!card || !card.dataset.nudgeUrl) { return; }
    var values = { version: card.dataset.version, edge: edge, words: words };
    send(card, card.dataset.nudgeUrl, values);
  }
  // The words selected in the text as the selected quote's role ("the county's chief engineer").
  function roleFromText() {
    var words = window.getSelection().toString().replace(/\s+/g, " ").trim();
    if (words && words.length <= 500) { correct("role", words); }
  }

  // The selected quote moved onto the words selected in the text.
  function respan() {
    var card = selectedId && document.getElementById("quote-" + selectedId);
    var span = selectedSpan();
    if (!card || !card.dataset.spanUrl || !span) { return; }
    send(card, card.dataset.spanUrl, { version: card.dataset.version, start: span.start, end: span.end });
  }
  var NUDGES = { "[": ["start", -1], "]": ["start", 1], "ArrowLeft": ["end", -1], "ArrowRight": ["end", 1] };

  // The people and organisations the article names, as the server read it: [{name, kind, role, at}].
  function articleMentions() {
    var script = document.getElementById("desk-mentions");
    return script ? JSON.parse(script.textContent) : [];
  }

  // The names to pick from, nearest the selected quote first (by the nearest place each is named); words
  // selected in the text come first of all.
  function mentions() {
    var card = selectedId && document.getElementById("quote-" + selectedId);
    var at = card ? Number(card.dataset.start) : 0;
    var distance = function (mention) {
      return mention.at.reduce(function (best, place) { return Math.min(best, Math.abs(place[0] - at)); }, Infinity);
    };
    var found = articleMentions().sort(function (a, b) { return distance(a) - distance(b); });
    var selection = window.getSelection().toString().trim();
    if (selection && selection.length < 120) { found.unshift({ name: selection, role: "", at: [] }); }
    var names = found.map(function (mention) { return mention.name; });
    return found.filter(function (mention, i) { return names.indexOf(mention.name) === i; }).slice(0, 9);
  }

  // A DOM range over [start, end) of the article body, counted in code points as the server counts them
  // (the DOM counts UTF-16 units), across the highlights' <mark>s.
  function bodyRange(start, end) {
    var body = document.querySelector(".article-text .body");
    if (!body) { return null; }
    var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    var units = function (points, n) { return points.slice(0, n).join("").length; };
    var seen = 0;
    var started = false;
    var node;
    while ((node = walker.nextNode())) {
      var points = Array.from(node.textContent);
      if (!started && start < seen + points.length) {
        range.setStart(node, units(points, start - seen));
        started = true;
      }
      if (started && end <= seen + points.length) {
        range.setEnd(node, units(points, end - seen));
        return range;
      }
      seen += points.length;
    }
    return null;
  }

  // Where the text names the selected quote's speaker, marked (CSS custom highlights leave the text's own
  // marks alone).
  function showSpeaker(card) {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") { return; }
    var mention = articleMentions().find(function (m) { return m.name === card.dataset.speaker; });
    var highlight = new Highlight();
    (mention ? mention.at : []).forEach(function (place) {
      var range = bodyRange(place[0], place[1]);
      if (range) { highlight.add(range); }
    });
    CSS.highlights.set("speaker-mention", highlight);
  }

  var picker = null;  // the open name picker: {field, names, element}
  function closePicker() {
    if (picker) { picker.element.remove(); picker = null; }
  }
  function openPicker(field) {
    var card = selectedId && document.getElementById("quote-" + selectedId);
    if (!card) { return; }
    closePicker();
    var names = mentions();
    var element = document.createElement("div");
    element.className = "picker";
    element.setAttribute("role", "listbox");
    element.setAttribute("aria-label", "Pick the " + field);
    names.forEach(function (mention, i) {
      var option = document.createElement("div");
      option.setAttribute("role", "option");
      option.dataset.value = mention.name;
      option.textContent = (i + 1) + "  " + mention.name + (mention.role ? " \u2014 " + mention.role : "");
      element.appendChild(option);
    });
    if (!names.length) { element.textContent = "No names found in the article."; }
    card.appendChild(element);
    picker = { field: field, names: names, element: element };
  }

  // Code points of the article body before a point in it.
  function bodyOffset(node, offset) {
    var before = document.createRange();
    before.setStart(document.querySelector(".article-text .body"), 0);
    before.setEnd(node, offset);
    return Array.from(before.toString()).length;
  }

  // The name clicked: the whole name of whoever the article names there, as the server read it (a click on
  // "Clark" of "Ms Clark" gives "Letitia Clark"; elsewhere, the run of capitalised words around the point).
  function clickedName(node, offset) {
    var at = bodyOffset(node, offset);
    var mention = articleMentions().find(function (m) {
      return m.at.some(function (place) { return place[0] <= at && at <= place[1]; });
    });
    return mention ? mention.name : null;
  }

  function firstField(container) {
    return container && (container.querySelector("input[aria-invalid=true]") ||
      container.querySelector("input[type=text]"));
  }

  // The button of a declared review action: on the quote's card, else in the toolbar (adding a quote).
  function press(action, id) {
    var card = id && document.getElementById("quote-" + id);
    var button = (card && card.querySelector('[data-action="' + action + '"]')) ||
      document.querySelector('.toolbar [data-action="' + action + '"]');
    if (!button) { return false; }
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
    // The server counts code points, the DOM UTF-16 units: an emoji is one of the first and two of the second.
    var start = bodyOffset(range.startContainer, range.startOffset);
    return { start: start, end: start + Array.from(range.toString()).length };
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
    formFor = "add";
    htmx.ajax("GET", review.dataset.addUrl + "?start=" + span.start + "&end=" + span.end, { target: "#add-quote", swap: "innerHTML" });
  }

  var help = function () { return document.getElementById("shortcut-help"); };
  function toggleHelp() {
    var dialog = help();
    if (!dialog) { return; }
    if (dialog.open) { dialog.close(); } else { dialog.showModal(); }
  }

  document.addEventListener("click", function (event) {
    var suggestion = event.target.closest('.suggestions [role="option"]');
    if (suggestion) { choose(suggestion); return; }
    if (event.target.closest("[data-help-open]")) { toggleHelp(); return; }
    if (event.target.closest('.toolbar [data-action="add"]')) { addQuote(); return; }
    if (event.target.closest("[data-dismiss-add]")) { document.getElementById("add-quote").innerHTML = ""; return; }
    var selection = window.getSelection();
    if (event.target.closest(".article-text .body") && !event.target.closest("mark.hl") && selection.isCollapsed) {
      var name = clickedName(selection.anchorNode, selection.anchorOffset);
      if (name && selectedId) { correct(event.altKey ? "outlet" : "speaker", name); }
      return;
    }
    var target = event.target.closest("mark.hl, .card");
    if (target && !event.target.closest("button, a, input, select, textarea")) { select(target.dataset.quote); }
  });

  document.addEventListener("keydown", function (event) {
    if (!document.querySelector("[data-review]") || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (suggestionKey(event)) { event.preventDefault(); return; }
    // Enter saves the open form from any of its fields, the Kind select too (where it would open the list).
    if (event.key === "Enter" && event.target.matches("#review form select")) {
      event.preventDefault();
      event.target.form.requestSubmit();
      return;
    }
    if (picker) {
      event.preventDefault();
      var chosen = picker.names[Number(event.key) - 1];
      var field = picker.field;
      closePicker();
      if (chosen) { correct(field, chosen.name); }
      return;
    }
    if (event.key === "Escape") {
      var cancel = document.querySelector(".card form [data-cancel]");
      if (cancel) { event.preventDefault(); cancel.click(); }
      return;
    }
    if (typing(event.target) || (help() && help().open)) { return; }
    if (inFlight > 0) { event.preventDefault(); return; }
    var bound = boundKey(event.key);
    if (bound) {
      if (bound.command) {
        var command = document.querySelector('.toolbar [data-command="' + bound.command + '"]');
        if (command) { command.click(); }
      } else if (press(bound.action, selectedId) && bound.advances) {
        move(1);
      }
    } else if (event.key === "p" || event.key === "o") {
      openPicker(event.key === "p" ? "speaker" : "outlet");
    } else if (NUDGES[event.key] && (event.key.length === 1 || event.shiftKey)) {
      nudge(NUDGES[event.key][0], NUDGES[event.key][1]);
    } else if (event.key === "m") {
      respan();
    } else if (event.key === "r") {
      roleFromText();
    } else if (KINDS[event.key]) {
      correct("kind", KINDS[event.key]);
    } else if (event.key === " ") {
      skip();
    } else if (event.key === "j" || event.key === "k") {
      move(event.key === "j" ? 1 : -1);
    } else if (event.key === "?") {
      toggleHelp();
    } else {
      return;
    }
    event.preventDefault();
  });

  // Suggestions for the edit form's names fill a list under the field: they are not card requests.
  function cardRequest(detail) { return !(detail.target && detail.target.classList.contains("suggestions")); }

  // Each suggestion list sits under the field it serves.
  function placeSuggestions() {
    document.querySelectorAll("#review form .suggestions").forEach(function (list) {
      var field = document.querySelector('[aria-controls="' + list.id + '"]');
      if (field && field.nextElementSibling !== list) { field.after(list); }
    });
  }

  // Choosing a suggestion fills its field; the entry for a name new to the registry also gives the say-so.
  function choose(option) {
    var list = option.closest(".suggestions");
    var field = document.querySelector('[aria-controls="' + list.id + '"]');
    field.value = option.dataset.value;
    if (option.hasAttribute("data-new")) {
      var allow = field.form.querySelector('input[name="new_' + list.dataset.field + '"]');
      if (allow) { allow.checked = true; }
    }
    list.innerHTML = "";
    field.focus();
  }

  // Arrow keys go from a name field into its suggestions (up: to the last, a new name's entry) and through
  // them; Enter or a click chooses; Esc goes back to the field.
  function suggestionKey(event) {
    var option = event.target.closest('.suggestions [role="option"]');
    var list = option ? option.closest(".suggestions") :
      event.target.matches("[aria-controls]") && document.getElementById(event.target.getAttribute("aria-controls"));
    if (!list) { return false; }
    var options = Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
    var index = options.indexOf(option);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) { return false; }
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = option ? options[index + step] : options[step > 0 ? 0 : options.length - 1];
      if (next) { next.focus(); } else if (option) { document.querySelector('[aria-controls="' + list.id + '"]').focus(); }
      return true;
    }
    if (!option) { return false; }
    if (event.key === "Enter" || event.key === " ") { choose(option); return true; }
    if (event.key === "Escape") { document.querySelector('[aria-controls="' + list.id + '"]').focus(); return true; }
    return true;  // other keys do nothing here, least of all the desk's shortcuts
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (!cardRequest(event.detail)) { return; }
    inFlight += 1;
    var elt = event.detail.elt;
    var card = elt.closest(".card[data-quote]");
    if (elt.matches("form") && card) {
      sentFormOf = card.dataset.quote;
    } else if (elt.matches('[data-action][hx-get]') && card) {
      formFor = card.dataset.quote;
    } else if (elt.closest("#add-quote")) {
      formFor = "add";
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (cardRequest(event.detail)) { inFlight = Math.max(0, inFlight - 1); }
  });

  function focusForm(container) {
    placeSuggestions();
    var field = firstField(container);
    if (field) { field.focus(); }
  }

  // A swapped card is a new element: keep it selected and show its new status on the highlight in the text;
  // focus a form that was asked for; move on from one saved. After settling, as htmx restores the new
  // element's attributes then.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!cardRequest(event.detail)) { return; }
    cards().forEach(function (card) {
      var mark = document.getElementById("hl-" + card.dataset.quote);
      if (mark) { mark.className = mark.className.replace(/status-\S+/, "status-" + card.dataset.status); }
    });
    var list = cards();
    // Both panes came back naming the quote to select (the one an undo or an addition brought back).
    var review = document.querySelector("[data-review][data-select]");
    if (review) {
      selectedId = review.dataset.select;
      review.removeAttribute("data-select");
    }
    // A card that came back with a conflict takes the selection back, so the editor sees it.
    var conflicted = document.querySelector(".card[data-reselect]");
    if (conflicted) {
      selectedId = conflicted.dataset.quote;
      conflicted.removeAttribute("data-reselect");
    }
    if (selectedId && document.getElementById("quote-" + selectedId)) {
      select(selectedId, false);
    } else if (list.length) {
      // The selected quote was deleted (or its addition undone): select the one now in its place.
      select(list[Math.min(selectedIndex, list.length - 1)].dataset.quote, false);
    }
    if (sentFormOf !== null) {
      var sent = document.getElementById("quote-" + sentFormOf);
      sentFormOf = null;
      if (sent && sent.querySelector("form")) {
        focusForm(sent);  // refused: back to the form, at the first field at fault
      } else if (sent) {
        select(sent.dataset.quote, false);
        move(1);  // saved: on to the next quote
      }
    } else if (formFor !== null) {
      focusForm(formFor === "add" ? document.getElementById("add-quote") : document.getElementById("quote-" + formFor));
      formFor = null;
    }
  });

  // Typing into a field replaces what it holds, as in a spreadsheet cell; the caret is never moved afterwards.
  // A click's mouseup would put the caret back where the pointer is: the one after a focus is let go.
  var justSelected = null;
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("#review form input[type=text]")) {
      event.target.select();
      justSelected = event.target;
    }
  });
  document.addEventListener("mouseup", function (event) {
    if (event.target === justSelected) { event.preventDefault(); }
    justSelected = null;
  });

  document.addEventListener("DOMContentLoaded", function () {
    var first = cards()[0];
    if (first) { select(first.dataset.quote, false); }
  });
})();
