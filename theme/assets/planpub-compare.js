/* "Compare any two 版": every ordered pair has a pre-built page; this jumps to it. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-pp-compare]");
  if (!form) { return; }
  var ids = Array.prototype.map.call(form.elements.old.options, function (o) { return o.value; });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var a = ids.indexOf(form.elements.old.value), b = ids.indexOf(form.elements.new.value);
    var message = form.querySelector("[data-pp-compare-message]");
    if (a === b) { message.textContent = message.getAttribute("data-message"); return; }
    var older = ids[Math.min(a, b)], newer = ids[Math.max(a, b)];   /* always older → newer */
    location.href = form.querySelector("button").getAttribute("data-base") + older + "/" + newer + "/";
  });
})();
