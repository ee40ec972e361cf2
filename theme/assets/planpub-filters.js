/* Initiative index filters: work without reloading, keep their state in the URL
   (?theme=…&department=…), and announce the result count to screen readers.
   Without JavaScript the form stays hidden and every initiative is listed. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-pp-filters]");
  if (!form) { return; }
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".pp-card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".pp-group"));
  var result = form.querySelector("[data-pp-result]");

  function apply(updateUrl) {
    var wanted = selects.filter(function (s) { return s.value; });
    var shown = 0;
    cards.forEach(function (card) {
      var visible = wanted.every(function (s) {
        return (card.getAttribute("data-" + s.name) || "").indexOf("|" + s.value + "|") !== -1;
      });
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".pp-card:not([hidden])");
    });
    result.textContent = result.getAttribute("data-template").replace("{count}", shown);
    if (updateUrl) {
      var params = new URLSearchParams();
      wanted.forEach(function (s) { params.set(s.name, s.value); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  var params = new URLSearchParams(location.search);
  selects.forEach(function (select) {
    var value = params.get(select.name);
    if (value && select.querySelector("option[value='" + CSS.escape(value) + "']")) { select.value = value; }
    select.addEventListener("change", function () { apply(true); });
  });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(false);
})();
