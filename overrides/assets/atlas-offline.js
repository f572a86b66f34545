/* Policy Atlas: the hosted site offline (generator/adapters/webapp.py writes the worker it registers).
 *
 * Over http(s) only: registers atlas-sw.js (which caches the page shell, then pages and search
 * shards as they are read) and offers 离线保存全部, which saves every file of the site listed in
 * assets/offline/files.json into the worker's cache, with its size and a progress bar. From
 * file:// (the offline bundle) it does nothing: no worker can run there, and none is needed.
 */
(function () {
  "use strict";

  var CONCURRENCY = 4; // files fetched at once while saving
  var script = document.currentScript;
  // the site root, from this script's own address: …/assets/atlas-offline.js
  var ROOT = script ? script.src.replace(/assets\/atlas-offline\.js(?:[?#].*)?$/, "") : "";

  function served() {
    return (location.protocol === "http:" || location.protocol === "https:") && "serviceWorker" in navigator;
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + " MB";
  }

  function register() {
    return navigator.serviceWorker.register(ROOT + "atlas-sw.js", { scope: ROOT });
  }

  function fileList() {
    return fetch(ROOT + "assets/offline/files.json", { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error("files.json " + r.status);
      return r.json();
    });
  }

  /* Saves every listed file not kept yet into the worker's cache; `progress(done, total)` in bytes. */
  function saveAll(list, progress) {
    var queue = list.files.slice();
    var done = 0;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    return caches.open("atlas-" + list.version).then(function (cache) {
      function next() {
        var item = queue.shift();
        if (!item) return Promise.resolve();
        var url = new URL(item[0], ROOT).href;
        return cache.match(url).then(function (hit) {
          if (hit) return null;
          return fetch(url).then(function (response) {
            if (!response.ok) throw new Error(item[0] + " " + response.status);
            return cache.put(url, response);
          });
        }).then(function () {
          done += item[1];
          progress(done, list.bytes);
          return next();
        });
      }
      var workers = [];
      for (var i = 0; i < CONCURRENCY; i++) workers.push(next());
      return Promise.all(workers);
    });
  }

  function initControl(box, list) {
    var button = box.querySelector(".atlas-offline__save");
    var size = box.querySelector(".atlas-offline__size");
    var bar = box.querySelector(".atlas-offline__progress");
    var status = box.querySelector(".atlas-offline__status");
    size.textContent = "全站 " + list.files.length + " 个文件,约 " + megabytes(list.bytes);
    box.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      status.textContent = "正在保存…";
      saveAll(list, function (done, total) {
        bar.value = total ? Math.round(done / total * 100) : 100;
      }).then(function () {
        bar.value = 100;
        status.textContent = "已全部保存(" + megabytes(list.bytes) + "),断网后仍可阅读和检索";
        box.setAttribute("data-atlas-saved", list.version);
      }, function (err) {
        status.textContent = "保存中断(" + err.message + "),可再试一次";
      }).then(function () {
        button.disabled = false;
      });
    });
  }

  function start() {
    if (!served()) return;
    register().catch(function () { /* the site still works online */ });
    var box = document.querySelector("[data-atlas-offline]");
    if (box && window.caches) fileList().then(function (list) { initControl(box, list); }, function () {});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
