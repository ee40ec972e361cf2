/* The menu button opens mkdocs-material's drawer (its checkbox) from the keyboard too,
   says whether it is open (aria-expanded), moves focus into it, and Escape closes it.
   When focus leaves the open drawer (Tab past its last link), the drawer closes, so focus
   never lands on a page element the drawer covers. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-pp-menu]");
  var drawer = document.getElementById("pp-drawer");
  if (!toggle || !button || !drawer) { return; }
  function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
  function set(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
    sync();
  }
  button.addEventListener("click", function () {
    set(!toggle.checked);
    var first = toggle.checked && drawer.querySelector("button:not([hidden]), a[href]");   /* the close button */
    if (first) { first.focus(); }
  });
  toggle.addEventListener("change", sync);
  var close = drawer.querySelector("[data-pp-menu-close]");
  if (close) {
    close.addEventListener("click", function () { set(false); button.focus(); });
  }
  document.addEventListener("focusin", function (event) {
    if (toggle.checked && !drawer.contains(event.target) && event.target !== button) {
      set(false);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
})();
