// Keyboard review: j / k move between claims, a accepts, r rejects, e opens the correction fields.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".claim[data-claim]"));
  var reviewer = document.getElementById("reviewer");
  var current = -1;

  function select(index, scroll) {
    if (!cards.length) return;
    index = Math.max(0, Math.min(cards.length - 1, index));
    if (current >= 0) cards[current].classList.remove("current");
    current = index;
    cards[current].classList.add("current");
    if (scroll) cards[current].scrollIntoView({ block: "start" });
  }

  function fromHash() {
    return cards.findIndex(function (card) { return "#" + card.id === location.hash; });
  }
  select(fromHash() >= 0 ? fromHash() : 0, fromHash() >= 0);
  window.addEventListener("hashchange", function () {
    if (fromHash() >= 0) select(fromHash(), true);
  });

  cards.forEach(function (card, index) {
    card.addEventListener("click", function () { select(index, false); });
  });

  if (reviewer) {
    if (!reviewer.value && window.localStorage) reviewer.value = localStorage.getItem("alsingest-reviewer") || "";
    reviewer.addEventListener("change", function () {
      if (window.localStorage) localStorage.setItem("alsingest-reviewer", reviewer.value);
    });
  }
  document.addEventListener("submit", function (event) {
    var field = event.target.querySelector(".reviewer-field");
    if (field && reviewer) field.value = reviewer.value;
  });

  function press(name) {
    var form = cards[current] && cards[current].querySelector("form.decide");
    var button = form && form.querySelector('button[value="' + name + '"]');
    if (button) form.requestSubmit(button);
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.closest && target.closest("input, textarea, select");
    if (event.key === "Escape" && typing) { target.blur(); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey || !cards.length) return;
    if (event.key === "j") { select(current + 1, true); }
    else if (event.key === "k") { select(current - 1, true); }
    else if (event.key === "a") { press("accept"); }
    else if (event.key === "r") { press("reject"); }
    else if (event.key === "e") {
      var details = cards[current].querySelector("details.edit");
      details.open = true;
      var first = details.querySelector("input, select");
      if (first) first.focus();
    } else { return; }
    event.preventDefault();
  });
})();
