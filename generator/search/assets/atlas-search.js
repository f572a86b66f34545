/* Policy Atlas search box: the header search of every page (overrides/partials/search.html).
 *
 * Keeps Material's habits: `/` or `s` focuses the box, arrows move through results, Enter opens
 * one, Escape closes. Each result is ONE link to the task's anchor, with its region · plan and a
 * snippet (query highlighted) as text inside it. The query is kept in the URL (?q=) so a search can
 * be shared. Everything shown is built with textContent / createElement: plan text and queries are
 * data, never markup.
 *
 * Works from file:// as on a host: the index arrives as a script (assets/search/index.js), never fetched.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 20; // results rendered at once; "更多结果" renders the next ones
  var URL_DELAY = 150;
  var MAX_HUBS = 4;
  var HUB_KINDS = new Set(["region", "agency", "agency_type", "domain", "indicator", "document"]);
  var script = document.currentScript;
  // the site root, from this script's own address: …/assets/search/atlas-search.js
  var ROOT = script ? script.src.replace(/assets\/search\/atlas-search\.js(?:[?#].*)?$/, "") : "";
  var FILE = location.protocol === "file:";
  var KIND_LABELS = {
    task: "任务", section: "章节", plan: "规划", attachment: "附件", agency: "部门",
    agency_type: "部门类型", domain: "领域", indicator: "指标", region: "地区", document: "引用文件"
  };

  var engine = null;
  function getEngine() {
    if (!engine && window.__atlasIndex && window.AtlasSearchCore) {
      engine = new window.AtlasSearchCore.Engine(window.__atlasIndex);
    }
    return engine;
  }

  /* Site URL of a document: directory URLs on a host; index.html spelled out from file://,
   * where a directory URL would show a file listing. */
  function href(url) {
    if (FILE) url = url.replace(/\/(#|$)/, "/index.html$1");
    return ROOT + url;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function init(box) {
    var input = box.querySelector(".atlas-search__input");
    var form = box.querySelector("form");
    var panel = box.querySelector(".atlas-search__panel");
    var list = box.querySelector(".atlas-search__results");
    var meta = box.querySelector(".atlas-search__meta");
    var hubRow = box.querySelector(".atlas-search__hubs");
    var more = box.querySelector(".atlas-search__more");
    var regionSel = box.querySelector("[data-atlas-filter=region]");
    var domainSel = box.querySelector("[data-atlas-filter=domain]");
    var selected = -1;
    var filtersFilled = false;

    function fillFilters() {
      if (filtersFilled || !window.__atlasIndex) return;
      filtersFilled = true;
      var data = window.__atlasIndex;
      var usedDomains = new Set();
      data.docs.forEach(function (d) { d[6].forEach(function (k) { usedDomains.add(k); }); });
      data.regions.forEach(function (r, i) {
        var o = el("option", null, r[1]);
        o.value = String(i);
        regionSel.appendChild(o);
      });
      data.domains.forEach(function (d, i) {
        if (!usedDomains.has(i)) return;
        var o = el("option", null, d[1]);
        o.value = String(i);
        domainSel.appendChild(o);
      });
      domainSel.hidden = domainSel.options.length <= 1;
    }

    function open(flag) {
      panel.hidden = !flag;
      input.setAttribute("aria-expanded", flag ? "true" : "false");
      box.classList.toggle("atlas-search--open", flag);
    }

    function keepInUrl(q) {
      try {
        var url = new URL(location.href);
        if (q) url.searchParams.set("q", q);
        else url.searchParams.delete("q");
        history.replaceState(history.state, "", url.href);
      } catch (e) {
        /* some file:// setups refuse replaceState: the search still works */
      }
    }

    function select(i, scroll) {
      var items = list.children;
      if (selected >= 0 && items[selected]) items[selected].classList.remove("atlas-search__item--selected");
      selected = items.length ? Math.max(-1, Math.min(i, items.length - 1)) : -1;
      if (selected >= 0) {
        var item = items[selected];
        item.classList.add("atlas-search__item--selected");
        input.setAttribute("aria-activedescendant", item.id);
        if (scroll && item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(q) {
      var eng = getEngine();
      list.textContent = "";
      more.hidden = true;
      selected = -1;
      if (!q.trim()) {
        meta.textContent = "";
        open(false);
        return;
      }
      open(true);
      if (!eng) {
        meta.textContent = "正在加载检索索引…";
        return;
      }
      fillFilters();
      var data = eng.data;
      var region = regionSel.value === "" ? -1 : Number(regionSel.value);
      var domain = domainSel.value === "" ? -1 : Number(domainSel.value);
      var result = eng.searchDetail(q);
      var spans = result.segments.map(function (s) { return s.span; });
      var hits = result.hits.filter(function (h) {
        var d = data.docs[h.ref];
        return (region < 0 || d[4] === region) && (domain < 0 || d[6].indexOf(domain) >= 0);
      });
      // agency, domain, indicator pages: a row of links above the passages, not mixed into them
      // only hubs named by the query (every part of it in their title or agency names)
      var hubs = hits.filter(function (h) {
        if (!HUB_KINDS.has(data.docs[h.ref][0])) return false;
        var named = eng.parts[h.ref][0] + "\u0001" + eng.parts[h.ref][1];
        return spans.every(function (sp) { return named.indexOf(sp) >= 0; });
      });
      hits = hits.filter(function (h) { return !HUB_KINDS.has(data.docs[h.ref][0]); });
      hubRow.textContent = "";
      hubRow.hidden = !hubs.length;
      hubs.slice(0, MAX_HUBS).forEach(function (h) {
        var d = data.docs[h.ref];
        var a = el("a", "atlas-search__hub");
        a.href = href(d[1]);
        a.appendChild(el("span", "atlas-search__kind", KIND_LABELS[d[0]] || d[0]));
        a.appendChild(document.createTextNode(d[2]));
        hubRow.appendChild(a);
      });
      meta.textContent = !hits.length ? "没有找到结果"
        : (result.relaxed ? "没有完全匹配的结果；以下 " + hits.length + " 条结果包含：" + spans.join(" ")
          : "找到 " + hits.length + " 条结果");
      shown = { hits: hits, spans: spans, count: 0 };
      renderMore();
      if (hits.length) select(0, false);
    }

    var shown = null;
    function renderMore() {
      var data = getEngine().data;
      var hits = shown.hits;
      var spans = shown.spans;
      var start = shown.count;
      var frag = document.createDocumentFragment();
      hits.slice(start, start + PAGE_SIZE).forEach(function (h, k) {
        var i = start + k;
        var d = data.docs[h.ref];
        var li = el("li", "atlas-search__item");
        li.id = "atlas-search-item-" + i;
        li.setAttribute("role", "option");
        var a = el("a", "atlas-search__link");
        a.href = href(d[1]);
        var title = el("span", "atlas-search__title");
        appendPieces(title, window.AtlasSearchCore.snippet(d[2], spans, 200));
        a.appendChild(title);
        var where = [];
        if (d[4] >= 0) where.push(data.regions[d[4]][1]);
        if (d[5] >= 0) where.push(data.plans[d[5]][1]);
        var metaLine = el("span", "atlas-search__where", where.join(" · "));
        var kind = el("span", "atlas-search__kind", KIND_LABELS[d[0]] || d[0]);
        metaLine.insertBefore(kind, metaLine.firstChild);
        a.appendChild(metaLine);
        if (d[3]) {
          var snip = el("span", "atlas-search__snippet");
          appendPieces(snip, window.AtlasSearchCore.snippet(d[3], spans));
          a.appendChild(snip);
        }
        li.appendChild(a);
        frag.appendChild(li);
      });
      shown.count = Math.min(hits.length, start + PAGE_SIZE);
      list.appendChild(frag);
      more.hidden = shown.count >= hits.length;
    }

    function appendPieces(node, pieces) {
      pieces.forEach(function (p) {
        node.appendChild(p.mark ? el("mark", null, p.text) : document.createTextNode(p.text));
      });
    }

    var urlTimer = 0;
    function update() {
      var q = input.value;
      render(q);
      // the address bar follows once typing pauses: one history write, not one per keystroke
      clearTimeout(urlTimer);
      urlTimer = setTimeout(function () { keepInUrl(q); }, URL_DELAY);
    }

    // a search takes well under a millisecond on the seed plans: run it on every keystroke
    input.addEventListener("input", update);
    input.addEventListener("focus", function () {
      // back to a closed box: show its results again (an open one keeps its pages and selection)
      if (input.value.trim() && panel.hidden) render(input.value);
    });
    more.addEventListener("click", function () { renderMore(); input.focus(); });
    regionSel.addEventListener("change", function () { render(input.value); });
    domainSel.addEventListener("change", function () { render(input.value); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      openSelected();
    });

    function openSelected() {
      var item = list.children[selected >= 0 ? selected : 0];
      var link = item && item.querySelector("a");
      if (link) link.click();
    }

    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); select(selected + 1, true); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); select(selected - 1, true); }
      else if (ev.key === "Escape") { ev.preventDefault(); open(false); input.blur(); }
    });
    list.addEventListener("click", function (ev) {
      // following a link to another anchor of this same page: close the panel
      if (ev.target.closest && ev.target.closest("a")) open(false);
    });
    document.addEventListener("click", function (ev) {
      if (!box.contains(ev.target)) open(false);
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target;
      var editing = t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName));
      if (!editing && (ev.key === "/" || ev.key === "s" || ev.key === "S")) {
        ev.preventDefault();
        ev.stopPropagation();
        input.focus();
        input.select();
      }
    }, true);

    var initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      input.value = initial;
      render(initial);
    }
    box.setAttribute("data-atlas-ready", "");
  }

  function start() {
    getEngine(); // load the prebuilt index now, so the first keystroke only searches
    var boxes = document.querySelectorAll("[data-atlas-search]");
    for (var i = 0; i < boxes.length; i++) init(boxes[i]);
    // when search became usable, for measurements (python -m generator.search.bench)
    if (window.performance && performance.mark) performance.mark("atlas-search-ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
