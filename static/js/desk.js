// Selecting a highlight selects its card and the other way round, so the eye never hunts for the pair.
(function () {
  function select(id) {
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    var card = document.getElementById("quote-" + id);
    var mark = document.getElementById("hl-" + id);
    if (card) { card.classList.add("selected"); card.scrollIntoView({ block: "nearest" }); }
    if (mark) { mark.classList.add("selected"); mark.scrollIntoView({ block: "nearest" }); }
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest("mark.hl, .card");
    if (target && !event.target.closest("button, a, input, select, textarea")) { select(target.dataset.quote); }
  });
})();
