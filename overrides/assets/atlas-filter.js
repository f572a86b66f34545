/* Policy Atlas: filters for the indicator master table (/indicators/), by region and target year.
 *
 * The page carries the full table (readable without JavaScript); the filter bar is hidden until
 * this script runs. A row stays when its 地区 cell equals the chosen region and its 年份 cell the
 * chosen year; a region group whose rows are all hidden is hidden with its heading. Columns are
 * found by their header text, so the table stays plain Markdown. No network, no inline script.
 */
(function () {
  "use strict";
  function cellIndex(table, name) {
    var heads = table.querySelectorAll("thead th");
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].textContent.trim() === name) return i;
    }
    return -1;
  }
  function setup(bar) {
    var scope = bar.parentElement;
    var tables = Array.prototype.slice.call(scope.querySelectorAll("[data-atlas-filtered] table"));
    var region = bar.querySelector('[data-filter="region"]');
    var year = bar.querySelector('[data-filter="year"]');
    var count = bar.querySelector("[data-filter-count]");
    function apply() {
      var shown = 0, total = 0;
      tables.forEach(function (table) {
        var r = cellIndex(table, "地区"), y = cellIndex(table, "年份"), visible = 0;
        table.querySelectorAll("tbody tr").forEach(function (tr) {
          var cells = tr.children;
          var ok = (!region.value || (r >= 0 && cells[r].textContent.trim() === region.value)) &&
                   (!year.value || (y >= 0 && cells[y].textContent.trim() === year.value));
          tr.hidden = !ok;
          total += 1;
          if (ok) { shown += 1; visible += 1; }
        });
        var group = table.closest("[data-atlas-filtered]");
        if (group) group.hidden = visible === 0;
      });
      count.textContent = "显示 " + shown + " / " + total + " 项目标";
    }
    region.addEventListener("change", apply);
    year.addEventListener("change", apply);
    bar.hidden = false;
    apply();
  }
  function init() {
    document.querySelectorAll("[data-atlas-filter-targets]").forEach(setup);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material's instant navigation, when on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
