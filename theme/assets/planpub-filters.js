/* Initiative index filters: work without reloading, keep their state in the URL
   (?theme=…&department=…, so a theme link opens the filtered list), announce the result
   count to screen readers (the form's role=status line), say so when nothing matches and
   offer a reset. Without JavaScript the form stays hidden and every initiative is listed. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-pp-filters]");
  if (!form) { return; }
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".pp-card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".pp-group"));
  var result = form.querySelector("[data-pp-result]");
  var none = document.querySelector("[data-pp-none]");
  var total = form.getAttribute("data-total");
  /* The static 「51件の取組」 line is for readers without JavaScript; the live line replaces it. */
  var staticCount = document.querySelector("[data-pp-total]");
  if (staticCount) { staticCount.hidden = true; }

  function apply(updateUrl) {
    var wanted = selects.filter(function (s) { return s.value; });
    var shown = 0, crossed = 0;
    var byTheme = wanted.some(function (s) { return s.name === "theme"; });
    cards.forEach(function (card) {
      var visible = wanted.every(function (s) {
        return (card.getAttribute("data-" + s.name) || "").indexOf("|" + s.value + "|") !== -1;
      });
      card.hidden = !visible;
      if (visible) {
        shown += 1;
        if (card.hasAttribute("data-cross")) { crossed += 1; }
      }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".pp-card:not([hidden])");
    });
    var text;
    if (shown === 0) {
      text = result.getAttribute("data-none");
    } else if (wanted.length) {
      text = result.getAttribute("data-template-of").replace("{count}", shown).replace("{total}", total);
      if (byTheme && crossed) { text += result.getAttribute("data-template-cross").replace("{cross}", crossed); }
    } else {
      text = result.getAttribute("data-template").replace("{count}", shown);
    }
    result.textContent = text;
    if (none) { none.hidden = shown !== 0; }
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
  if (none) {
    none.querySelector("[data-pp-reset]").addEventListener("click", function () {
      form.reset();
      selects[0].focus();   /* back to the first filter, where the reader chooses again */
    });
  }
  apply(false);
})();
