/* Policy Atlas search box: the header search of every page (overrides/partials/search.html).
 *
 * Keeps Material's habits: `/` or `s` focuses the box, arrows move through results, Enter opens
 * one, Escape closes. Each result is ONE link to the task's anchor, with its region · plan and a
 * snippet (query highlighted) as text inside it.
 *
 * By keyboard and screen reader (WCAG 2.1.1, 2.4.3, 2.4.7, 4.1.3): the result list is a plain list
 * of links, and ↓ from the box moves the real focus onto them (↑ ↓ Home End move on, ↑ from the
 * first goes back to the box), so every screen reader reads a result as the link it is; the number
 * of results is announced by a polite status line once they are in; Escape closes the panel and
 * puts focus back: from a result into the box, from the box to wherever the reader was before `/`. The query is kept in the URL (?q=) so a search can
 * be shared. Everything shown is built with textContent / createElement: plan text and queries are
 * data, never markup.
 *
 * Works from file:// as on a host: the core of the index arrives as a script (assets/search/index.js)
 * and each shard a query needs as one more <script> tag (assets/search/shards/), never fetched.
 */
(function () {
  "use strict";

  var URL_DELAY = 150;
  var WARM_UP = "远程医疗 o2o"; // any text: what the box's focus runs the query code on (loadAhead)
  var script = document.currentScript;
  // the site root, from this script's own address: …/assets/search/atlas-search.js
  var ROOT = script ? script.src.replace(/assets\/search\/atlas-search\.js(?:[?#].*)?$/, "") : "";
  var FILE = location.protocol === "file:";
  var KIND_LABELS = {
    task: "任务", section: "章节", plan: "规划", attachment: "附件", agency: "部门",
    agency_type: "部门类型", domain: "领域", indicator: "指标", region: "地区", document: "引用文件"
  };

  // what this UI shares with generator/search/query.py (page size, hub row), read from the index
  // core the build writes (query.engine_constants), never copied here by hand
  function constant(name) { return window.__atlasCore.constants[name]; }

  // shard scripts hand their data here (generator/search/emit.py); the script's load event then
  // resolves the promise that asked for it
  var arrived = new Map();
  window.__atlasLoad = function (kind, n, data) { arrived.set(kind + n, data); };

  function loadShard(kind, n) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = ROOT + "assets/search/shards/" + kind + n + ".js";
      tag.async = true;
      tag.onload = function () {
        tag.remove();
        var data = arrived.get(kind + n);
        arrived.delete(kind + n);
        if (data) resolve(data);
        else reject(new Error("search shard " + kind + n + " is empty"));
      };
      tag.onerror = function () {
        tag.remove();
        reject(new Error("search shard " + kind + n + " did not load"));
      };
      document.head.appendChild(tag);
    });
  }

  var engine = null;
  function getEngine() {
    if (!engine && window.__atlasCore && window.AtlasSearchCore) {
      engine = new window.AtlasSearchCore.Engine(window.__atlasCore, loadShard);
      // a small corpus: every result's text with the page, so a first query waits only for its
      // posting shards (generator/search/shards.py: chunks_preloaded)
      if (window.__atlasCore.preload) engine.preload(loadShard("c", 0)).catch(function () {});
      window.AtlasSearch = { engine: engine }; // for measurements (generator/search/bench.py)
    }
    return engine;
  }

  /* Site URL of a document: directory URLs on a host; index.html spelled out from file://,
   * where a directory URL would show a file listing. */
  function href(url) {
    if (FILE) url = url.replace(/\/(#|$)/, "/index.html$1");
    return ROOT + url;
  }

  /* The hub pages (agency, domain …) the query names: the row of links above the results. */
  function namedHubs(eng, q, docs) {
    return docs.filter(function (d) { return eng.namesEntity(q, d); });
  }

  /* What a result highlights: the query's segments and the synonym spellings that found it. */
  function highlightSpans(result) {
    return result.segments.concat(result.alternatives || []).map(function (s) { return s.span; });
  }

  /* Resolves once the browser has painted what the DOM holds now: after the next animation frame,
   * or after PAINT_WAIT ms where no frame comes (a tab in the background paints nothing). */
  var PAINT_WAIT = 100;
  function afterPaint() {
    return new Promise(function (resolve) {
      if (window.requestAnimationFrame) requestAnimationFrame(function () { setTimeout(resolve, 0); });
      setTimeout(resolve, PAINT_WAIT);
    });
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
    var status = box.querySelector(".atlas-search__status");
    var regionSel = box.querySelector("[data-atlas-filter=region]");
    var domainSel = box.querySelector("[data-atlas-filter=domain]");
    var selected = -1;
    var domainsFilled = false;
    var regionsFilled = false;
    var returnTo = null; // what had focus before a `/` or `s` jumped into the box
    var quietFocus = false; // focus moved back into the box by Escape: don't reopen the panel

    /* The domain filter's options (a few dozen), with the first results. */
    function fillDomains() {
      if (domainsFilled || !window.__atlasCore) return;
      domainsFilled = true;
      window.__atlasCore.domains.forEach(function (d, i) {
        if (!d[2]) return; // no document has this domain
        var o = el("option", null, d[1]);
        o.value = String(i);
        domainSel.appendChild(o);
      });
      domainSel.hidden = domainSel.options.length <= 1;
    }

    /* The region filter's options, one per region, when the reader reaches the filter (focus, or a
     * press on it: both come before its list opens). Built with the first results, the hundreds of
     * options of a large atlas cost its first query their style and layout (~15 ms at 300 plans,
     * issue #13); until then the filter says 全部地区, which is what it does. */
    function fillRegions() {
      if (regionsFilled || !window.__atlasCore) return;
      regionsFilled = true;
      var frag = document.createDocumentFragment();
      window.__atlasCore.regions.forEach(function (r, i) {
        var o = el("option", null, r[1]);
        o.value = String(i);
        frag.appendChild(o);
      });
      regionSel.appendChild(frag);
    }
    regionSel.addEventListener("focus", fillRegions);
    regionSel.addEventListener("pointerdown", fillRegions);

    function open(flag) {
      panel.hidden = !flag;
      box.classList.toggle("atlas-search--open", flag);
      if (!flag) announce("");
    }

    /* The status line is read out when it changes: once per settled result list, not per
     * keystroke of a query being typed. */
    var announceTimer = 0;
    var ANNOUNCE_DELAY = 400;
    function announce(text) {
      clearTimeout(announceTimer);
      if (!text) { status.textContent = ""; return; }
      announceTimer = setTimeout(function () { status.textContent = text; }, ANNOUNCE_DELAY);
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

    /* Mark result `i` as the one Enter in the box opens; with `focus`, move the focus onto its link. */
    function select(i, focus) {
      var items = list.children;
      if (selected >= 0 && items[selected]) items[selected].classList.remove("atlas-search__item--selected");
      selected = items.length ? Math.max(-1, Math.min(i, items.length - 1)) : -1;
      if (selected >= 0) {
        var item = items[selected];
        item.classList.add("atlas-search__item--selected");
        var link = item.querySelector("a");
        if (focus && link) link.focus();
        else if (focus && item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
      }
    }

    /* Arrow keys over the results (and the "更多结果" button after them). */
    function stops() {
      var out = Array.prototype.map.call(list.children, function (li) { return li.querySelector("a"); });
      if (!more.hidden) out.push(more);
      return out.filter(Boolean);
    }

    function backToBox() {
      quietFocus = true;
      input.focus();
      quietFocus = false;
    }

    var seq = 0; // the latest render; an older one that finishes loading later is dropped
    var shown = null;

    /* Search `q` and show its results, as soon as they are ranked and their text is in.
     *
     * The posting shards the query needs load first (one round of script loads; the input handler
     * has already asked for them); the ranking then names the documents shown, whose chunks load in
     * the order they are shown: the first result's, the hub candidates', then the others'. The hub
     * row, the count and the first result appear together (nothing is later inserted above them);
     * the other results of the page are appended below, in rank order, as their chunks arrive, so a
     * large corpus shows its first result after one chunk, not after twenty. The "更多结果" button
     * and the list's data-atlas-query (done) follow once the whole page is in. */
    function render(q) {
      var token = ++seq;
      var eng = getEngine();
      more.hidden = true;
      if (!q.trim()) {
        list.textContent = "";
        hubRow.textContent = "";
        hubRow.hidden = true;
        selected = -1;
        meta.textContent = "";
        open(false);
        done(q);
        return Promise.resolve();
      }
      open(true);
      if (!eng) {
        meta.textContent = "正在加载检索索引…";
        return Promise.resolve();
      }
      fillDomains();
      var region = regionSel.value === "" ? -1 : Number(regionSel.value);
      var domain = domainSel.value === "" ? -1 : Number(domainSel.value);
      var ready = eng.isLoaded(q) && (domain < 0 || domainCache.has(domain));
      if (!ready) meta.textContent = "正在检索…";
      var loads = [eng.load(q), domain < 0 ? null : loadDomain(eng, domain)];
      return Promise.all(loads).then(function (got) {
        if (token !== seq) return null;
        var result = eng.searchDetail(q);
        var inDomain = got[1];
        var spans = result.segments.map(function (s) { return s.span; });
        var marks = highlightSpans(result);
        var hits = result.hits.filter(function (h) {
          return !inDomain || inDomain.has(h.ref);
        });
        // agency, domain, indicator pages: a row of links above the passages, not mixed into them;
        // only pages the query names (every part of it in their title or agency names)
        var hubs = hits.filter(function (h) { return eng.isHub(h.ref) && h.named; });
        var core = eng.core;
        hits = hits.filter(function (h) {
          if (eng.isHub(h.ref)) return false;
          var plan = eng.planOf(h.ref);
          return region < 0 || (plan >= 0 && core.plans[plan][2] === region);
        });
        var page = hits.slice(0, constant("pageSize")).map(function (h) { return h.ref; });
        var hubRefs = hubs.slice(0, constant("hubCandidates")).map(function (h) { return h.ref; });
        // the first result's chunk and the hub candidates' first: asked together with the rest of
        // the page, they would arrive only with the last of its twenty chunks
        var firstIn = Promise.all([eng.documents(page.slice(0, 1)), eng.documents(hubRefs)]);
        // (a small corpus: both wait for its chunks, which came with the page)
        return firstIn.then(function (firstGot) {
          if (token !== seq) return null;
          var hubDocs = namedHubs(eng, q, firstGot[1]).filter(function (d) {
            return region < 0 || d[5] === region;
          }).slice(0, constant("maxHubs"));
          list.textContent = "";
          selected = -1;
          hubRow.textContent = "";
          hubRow.hidden = !hubDocs.length;
          hubDocs.forEach(function (d) {
            var a = el("a", "atlas-search__hub");
            a.href = href(d[1]);
            a.appendChild(el("span", "atlas-search__kind", KIND_LABELS[d[0]] || d[0]));
            a.appendChild(document.createTextNode(d[2]));
            hubRow.appendChild(a);
          });
          meta.textContent = !hits.length ? "没有找到结果"
            : (result.relaxed ? "没有完全匹配的结果；以下 " + hits.length + " 条结果包含：" + spans.join(" ")
              : "找到 " + hits.length + " 条结果");
          announce(meta.textContent + (hits.length ? "。按向下方向键浏览。" : "。"));
          shown = { hits: hits, spans: marks, count: 0 };
          var mine = shown;
          // the first result and every one after it whose chunk is in already (all of them when a
          // small corpus's chunks came with the page, or a query asked for them before)
          var now = eng.loadedDocuments(page);
          drawItems(now);
          if (hits.length) select(0, false);
          var rest = page.slice(now.length);
          // the rest of the page, in rank order, each as soon as it and those above it are in;
          // asked once the first result is painted (adding twenty script tags takes the main
          // thread some 15 ms on a slow machine: not before the reader sees the first result)
          return (rest.length ? afterPaint() : Promise.resolve()).then(function () {
            if (mine !== shown || token !== seq) return null;
            var later = rest.map(function (ref) { return eng.documents([ref]); });
            return later.reduce(function (chain, docsIn) {
              return chain.then(function () { return docsIn; }).then(function (docs) {
                if (mine === shown && token === seq) drawItems(docs);
              });
            }, Promise.resolve());
          }).then(function () {
            if (mine !== shown || token !== seq) return;
            more.hidden = shown.count >= shown.hits.length;
            done(q);
          });
        });
      }).catch(function () {
        if (token === seq) meta.textContent = "检索索引加载失败";
      });
    }

    /* The list shows the results of `q` (even none): an attribute write that tests and
     * measurements wait for (generator/search/bench.py), since an empty result list changes nothing. */
    function done(q) {
      list.setAttribute("data-atlas-query", q);
    }

    var domainCache = new Map();
    function loadDomain(eng, d) {
      if (domainCache.has(d)) return Promise.resolve(domainCache.get(d));
      return eng.domainDocs(d).then(function (set) { domainCache.set(d, set); return set; });
    }

    function renderMore() {
      var eng = getEngine();
      var refs = shown.hits.slice(shown.count, shown.count + constant("pageSize")).map(function (h) { return h.ref; });
      var mine = shown;
      var first = shown.count;
      return eng.documents(refs).then(function (docs) {
        if (mine !== shown) return;
        drawItems(docs);
        more.hidden = shown.count >= shown.hits.length;
        return first;
      });
    }

    function drawItems(docs) {
      var core = getEngine().core;
      var spans = shown.spans;
      var start = shown.count;
      var frag = document.createDocumentFragment();
      docs.forEach(function (d, k) {
        var i = start + k;
        var li = el("li", "atlas-search__item");
        li.id = "atlas-search-item-" + i;
        var a = el("a", "atlas-search__link");
        a.href = href(d[1]);
        var title = el("span", "atlas-search__title");
        appendPieces(title, window.AtlasSearchCore.snippet(d[2], spans, 200));
        a.appendChild(title);
        var where = [];
        if (d[5] >= 0) where.push(core.regions[d[5]][1]);
        if (d[4] >= 0) where.push(core.plans[d[4]][1]);
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
      shown.count = start + docs.length;
      list.appendChild(frag);
    }

    function appendPieces(node, pieces) {
      pieces.forEach(function (p) {
        node.appendChild(p.mark ? el("mark", null, p.text) : document.createTextNode(p.text));
      });
    }

    var urlTimer = 0;
    function update() {
      var q = input.value;
      var done = render(q);
      // the address bar follows once typing pauses (one history write, not one per keystroke) and
      // the results for it are shown
      clearTimeout(urlTimer);
      urlTimer = setTimeout(function () {
        done.then(function () { if (input.value === q) keepInUrl(q); });
      }, URL_DELAY);
    }

    /* What a query in the box will need, loaded before it is asked: on focus, the text already in
     * the box (a query kept in the URL, or typed before); from the first character on, every
     * keystroke asks for the posting shards of the text so far (render does, before anything
     * else), so a query typed in several keystrokes finds most of its shards loaded. A small
     * corpus's chunks load with the page (getEngine). Bounded: nothing the box's text does not
     * name is fetched. */
    function loadAhead() {
      var eng = getEngine();
      if (!eng) return;
      fillDomains();
      if (input.value.trim()) eng.load(input.value).catch(function () {});
      // and the code a first keystroke runs, compiled now rather than on the keystroke
      else eng.shardsFor(WARM_UP);
    }

    // a search takes a few milliseconds once its shards are loaded: run it on every keystroke, but
    // not on the letters an input method composes (pinyin: "yuancheng" is not what the reader will
    // search for, and each of its prefixes would load a shard of its own); the text it commits is
    // searched when the composition ends
    input.addEventListener("input", function (ev) {
      if (!ev.isComposing) update();
    });
    input.addEventListener("compositionend", update);
    input.addEventListener("focus", function () {
      loadAhead();
      // back to a closed box: show its results again (an open one keeps its pages and selection)
      if (!quietFocus && input.value.trim() && panel.hidden) render(input.value);
    });
    more.addEventListener("click", function () {
      // the focus goes on to the first of the results just added, where the reader left off
      renderMore().then(function (first) {
        if (first != null) select(first, true);
      });
    });
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
      if (ev.isComposing) return; // the input method's keys: arrows pick among its candidates
      if (ev.key === "ArrowDown") {
        ev.preventDefault();
        if (panel.hidden && input.value.trim()) render(input.value);
        else select(Math.max(selected, 0), true);
      } else if (ev.key === "Escape") {
        ev.preventDefault();
        open(false);
        // back where the reader was before `/` took them here; else out of the box, so that `/`
        // and `s` work again
        var back = returnTo;
        returnTo = null;
        if (back && back !== document.body && document.contains(back)) back.focus();
        else input.blur();
      }
    });
    panel.addEventListener("keydown", function (ev) {
      var here = stops();
      var at = here.indexOf(document.activeElement);
      if (ev.key === "Escape") {
        ev.preventDefault();
        open(false);
        backToBox();
        return;
      }
      if (at < 0) return; // a filter or a related-page link: the keys keep their own meaning
      var to = ev.key === "ArrowDown" ? at + 1 : ev.key === "ArrowUp" ? at - 1
        : ev.key === "Home" ? 0 : ev.key === "End" ? here.length - 1 : null;
      if (to === null) return;
      ev.preventDefault();
      if (to < 0) { backToBox(); return; }
      to = Math.min(to, here.length - 1);
      if (here[to] === more) more.focus();
      else select(to, true);
    });
    list.addEventListener("focusin", function (ev) {
      // a result reached by Tab or by the mouse is the selected one too
      var li = ev.target.closest && ev.target.closest(".atlas-search__item");
      if (li) select(Array.prototype.indexOf.call(list.children, li), false);
    });
    box.addEventListener("focusout", function (ev) {
      // Tab out of the search (not into the panel): the panel closes behind the reader
      if (ev.relatedTarget && !box.contains(ev.relatedTarget)) open(false);
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
        returnTo = box.contains(document.activeElement) ? returnTo : document.activeElement;
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
    getEngine(); // read the core now, so the first keystroke only loads its shards and searches
    var boxes = document.querySelectorAll("[data-atlas-search]");
    for (var i = 0; i < boxes.length; i++) init(boxes[i]);
    // when search became usable, for measurements (python -m generator.search.bench)
    if (window.performance && performance.mark) performance.mark("atlas-search-ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
