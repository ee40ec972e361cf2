/* Reading aids: ふりがな and the text size, remembered across pages (localStorage).
   ふりがな: the page's readings (index.ruby.json beside it, made at build time: its format
   is described in generator/render/furigana.py) are fetched only when turned on; each text
   node an entry is for (the CRC-32 of its text) becomes its text and <ruby> elements (built
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
  var KANJI = /[\u3400-\u9fff\uf900-\ufaff\u3005\u3006\u30f6]/;   /* as the build's (furigana.py) */
  var table = null;
  function crc32(text) {
    if (!table) {
      table = [];
      for (var n = 0; n < 256; n += 1) {
        var c = n;
        for (var k = 0; k < 8; k += 1) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
        table.push(c >>> 0);
      }
    }
    var bytes = new TextEncoder().encode(text), crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) { crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8); }
    return (crc ^ 0xffffffff) >>> 0;
  }
  /* An entry's numbers (base 32, the last digit of each from LAST: furigana.py). */
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", LAST = "ghijklmnopqrstuvwxyz0123456789-_";
  function numbers(entry) {
    var out = [], value = 0;
    for (var i = 0; i < entry.length; i += 1) {
      var last = LAST.indexOf(entry.charAt(i));
      if (last >= 0) { out.push(value * 32 + last); value = 0; } else { value = value * 32 + MORE.indexOf(entry.charAt(i)); }
    }
    return out;
  }
  /* An entry [crc, gap, length, reading number, ...] applied to its node's text. */
  function build(text, entry, readings) {
    var fragment = document.createDocumentFragment(), position = 0;
    for (var i = 1; i + 2 < entry.length; i += 3) {
      var start = position + entry[i];
      if (start > position) { fragment.appendChild(document.createTextNode(text.slice(position, start))); }
      var ruby = document.createElement("ruby");
      var rt = document.createElement("rt");
      ruby.appendChild(document.createTextNode(text.slice(start, start + entry[i + 1])));
      rt.textContent = readings[entry[i + 2]];
      ruby.appendChild(rt);
      fragment.appendChild(ruby);
      position = start + entry[i + 1];
    }
    if (position < text.length) { fragment.appendChild(document.createTextNode(text.slice(position))); }
    return fragment;
  }
  function apply(data) {
    var entries = data.n ? data.n.split(" ").map(numbers) : [], readings = data.r;
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
      if (!KANJI.test(text.data)) { return; }   /* the file lists only nodes with kanji */
      /* The file lists the build's text nodes in order; look a little ahead, so a node
         the browser made differently costs only its own readings. */
      var crc = crc32(text.data), ahead = index;
      while (ahead < entries.length && ahead < index + 10 && crc !== entries[ahead][0]) { ahead += 1; }
      if (ahead >= entries.length || crc !== entries[ahead][0]) { return; }
      index = ahead;
      var wrapper = document.createElement("span");
      wrapper.className = "pp-ruby";
      wrapper.appendChild(build(text.data, entries[index], readings));
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
    }).then(function (data) {
      if (toggle.getAttribute("aria-pressed") === "true" && !applied) { apply(data); }
      status.textContent = "";
    }).catch(function () { status.textContent = status.getAttribute("data-missing"); });
  }
  toggle.addEventListener("click", function () { setFurigana(toggle.getAttribute("aria-pressed") !== "true"); });
  if (load(FURIGANA) === "on") { setFurigana(true); }
})();
