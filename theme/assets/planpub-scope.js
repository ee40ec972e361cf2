/* mkdocs-material's page-scope helpers (originally an inline script in its base
   template), read from a data attribute so no inline script is needed. */
/* Runs in <head>, before the first paint: mark the page as scripted so the filter and
   compare forms are laid out from the start (no layout shift when they appear). */
document.documentElement.classList.add("pp-js");
/* The reader's text size (planpub-reading.js), applied before the first paint. */
try {
  var ppSize = localStorage.getItem("planpub.textSize");
  if (ppSize === "large" || ppSize === "x-large") { document.documentElement.classList.add("pp-text-" + ppSize); }
} catch (err) { /* storage blocked: standard size */ }
(function (script) {
  var scope = script.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (e) {
    return Array.prototype.reduce.call(e, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (e, storage, base) {
    storage = storage || localStorage; base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + e));
  };
  window.__md_set = function (e, value, storage, base) {
    storage = storage || localStorage; base = base || window.__md_scope;
    try { storage.setItem(base.pathname + "." + e, JSON.stringify(value)); } catch (err) { /* storage full or blocked */ }
  };
})(document.currentScript);
