/* Reading aids: ふりがな and the text size, remembered across pages (localStorage).
   ふりがな: the page's readings (index.ruby.json beside it, made at build time) are fetched
   only when turned on; each text node the readings spell becomes <ruby> elements (built
   with DOM calls, no HTML strings), so the page's markup and its scripts stay untouched. */
(function () {
  "use strict";
  var FURIGANA = "planpub.furigana", SIZE = "planpub.textSize";
  var panel = document.querySelector("[data-pp-reading]");
  var root = document.querySelector("[data-pp-text]");   /* the page's content, breadcrumbs included */
  var toggle = panel && panel.querySelector("[data-pp-furigana]");
  var status = panel && panel.querySelector("[data-pp-furigana-status]");
  function load(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function save(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  if (!panel) { return; }
  panel.hidden = false;
  var menu = panel.closest("[data-pp-reading-menu]");
  if (menu) {
    menu.hidden = false;
    /* Escape closes the open panel and returns to its summary; so does a click elsewhere. */
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) { menu.open = false; menu.querySelector("summary").focus(); }
    });
    document.addEventListener("click", function (event) { if (menu.open && !menu.contains(event.target)) { menu.open = false; } });
  }

  /* Text size: planpub-scope.js sets the class before the first paint; the buttons change it. */
  var sizes = panel.querySelectorAll("[data-pp-text-size]");
  function showSize(size) {
    Array.prototype.forEach.call(sizes, function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-pp-text-size") === size));
    });
    document.documentElement.classList.remove("pp-text-large", "pp-text-x-large");
    if (size !== "normal") { document.documentElement.classList.add("pp-text-" + size); }
  }
  Array.prototype.forEach.call(sizes, function (button) {
    button.addEventListener("click", function () {
      var size = button.getAttribute("data-pp-text-size");
      save(SIZE, size);
      showSize(size);
    });
  });
  showSize(load(SIZE) || "normal");

  /* ふりがな */
  var source = root && root.getAttribute("data-pp-ruby");
  var applied = null;   /* [ruby element groups] once applied, to take them off again */
  function spell(segments) {
    return segments.map(function (part) { return typeof part === "string" ? part : part[0]; }).join("");
  }
  function build(segments) {
    var fragment = document.createDocumentFragment();
    segments.forEach(function (part) {
      if (typeof part === "string") { fragment.appendChild(document.createTextNode(part)); return; }
      var ruby = document.createElement("ruby");
      var rt = document.createElement("rt");
      ruby.appendChild(document.createTextNode(part[0]));
      rt.textContent = part[1];
      ruby.appendChild(rt);
      fragment.appendChild(ruby);
    });
    return fragment;
  }
  function apply(entries) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, ruby, rt, rp, code, pre, svg, textarea, template")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], node, index = 0;
    while ((node = walker.nextNode())) { nodes.push(node); }
    applied = [];
    nodes.forEach(function (text) {
      /* The file lists the build's text nodes in order; look a little ahead, so a node
         the browser made differently costs only its own readings. */
      var ahead = index;
      while (ahead < entries.length && ahead < index + 10 && text.data !== spell(entries[ahead])) { ahead += 1; }
      if (ahead >= entries.length || text.data !== spell(entries[ahead])) { return; }
      index = ahead;
      var wrapper = document.createElement("span");
      wrapper.className = "pp-ruby";
      wrapper.appendChild(build(entries[index]));
      text.parentNode.replaceChild(wrapper, text);
      applied.push([wrapper, text]);
      index += 1;
    });
  }
  function remove() {
    (applied || []).forEach(function (pair) { pair[0].parentNode.replaceChild(pair[1], pair[0]); });
    applied = null;
  }
  function setFurigana(on) {
    toggle.setAttribute("aria-pressed", String(on));
    save(FURIGANA, on ? "on" : "off");
    if (!on) { remove(); status.textContent = ""; return; }
    if (!source) { status.textContent = status.getAttribute("data-missing"); return; }
    status.textContent = status.getAttribute("data-loading");
    fetch(new URL(source, location.href)).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (entries) {
      if (toggle.getAttribute("aria-pressed") === "true" && !applied) { apply(entries); }
      status.textContent = "";
    }).catch(function () { status.textContent = status.getAttribute("data-missing"); });
  }
  toggle.addEventListener("click", function () { setFurigana(toggle.getAttribute("aria-pressed") !== "true"); });
  if (load(FURIGANA) === "on") { setFurigana(true); }
})();
