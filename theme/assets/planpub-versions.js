/* On a page of a frozen 版: say when a newer 版 has been published since. The page
   itself never changes after publication; the plan's versions.json is rebuilt with
   every release. Without JavaScript the page still links to the latest 版. */
(function () {
  "use strict";
  var note = document.querySelector("[data-pp-newer]");
  if (!note || !window.fetch) { return; }
  var source = new URL(note.getAttribute("data-versions"), location.href);
  fetch(source).then(function (response) { return response.ok ? response.json() : null; }).then(function (data) {
    if (!data || !data.latest || data.latest.id === note.getAttribute("data-current")) { return; }
    var root = new URL("../", source);   /* versions.json lives in the plan folder, one below the root */
    var link = document.createElement("a");
    link.href = new URL(data.latest.url, root).href;
    link.textContent = data.latest.name;
    var parts = note.getAttribute("data-message").split("{version}");
    note.replaceChildren(parts[0], link, parts.slice(1).join(""));
    note.hidden = false;
  }).catch(function () { /* offline or not published: the static text stands */ });
})();
