/* Sortable tables: each header marked data-sort becomes a button; aria-sort tells
   screen readers the current order. Without JavaScript the table keeps plan order. */
(function () {
  "use strict";
  document.querySelectorAll("table[data-pp-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    var original = Array.prototype.slice.call(body.rows);
    table.querySelectorAll("th[data-sort]").forEach(function (header) {
      var column = header.cellIndex;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pp-sort";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[data-sort]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = original.slice().sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
          if (x === "" && y === "") { return 0; }
          if (x === "") { return 1; }   /* rows without a value go last either way */
          if (y === "") { return -1; }
          return ascending ? x - y : y - x;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
