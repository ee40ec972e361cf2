/* Table boxes (.pp-table-scroll[data-pp-scroll]) scroll sideways only while their table is
   wider than the box. Then the box is a region named for its table and 「横にスクロールでき
   ます」, takes keyboard focus (so the arrow keys scroll it) and shows a visible cue; a table
   that fits, or is shown as cards on a phone, is a plain box and no Tab stop. */
(function () {
  "use strict";
  var words = document.querySelector("[data-pp-scroll-words]");
  var said = words ? words.getAttribute("data-pp-scroll-words") : "";
  var cue = words ? words.getAttribute("data-pp-scroll-cue") : "";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-pp-scroll]"));
  function update(box) {
    if (!box.hasAttribute("data-pp-name")) {
      var heading = box.querySelector("caption");
      box.setAttribute("data-pp-name", box.getAttribute("aria-label") || (heading ? heading.textContent : ""));
    }
    var name = box.getAttribute("data-pp-name");
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("pp-table-scroll--more", scrolls);
    if (scrolls) {
      box.setAttribute("role", "region");
      box.setAttribute("tabindex", "0");
      box.setAttribute("aria-label", name + said);
      box.setAttribute("data-cue", cue);
    } else {
      box.removeAttribute("role");
      box.removeAttribute("tabindex");
      box.removeAttribute("aria-label");
    }
  }
  function updateAll() { boxes.forEach(update); }
  updateAll();
  if (typeof ResizeObserver !== "undefined") {
    var observer = new ResizeObserver(function () { updateAll(); });
    boxes.forEach(function (box) { observer.observe(box); });
  } else {
    window.addEventListener("resize", updateAll);
  }
})();
