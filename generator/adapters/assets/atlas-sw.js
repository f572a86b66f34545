/* Policy Atlas service worker (written by generator/adapters/webapp.py; do not edit the copy in a
 * built site). Keeps the site readable with no connection:
 *  - install: precaches the page shell (home page, its stylesheets, scripts and icons) and the
 *    search core;
 *  - fetch: pages from the network when there is one (and kept), else from the cache; every other
 *    file of this site from the cache, else the network (and kept): so pages and search shards
 *    read once stay readable offline. Requests to another host are never touched (there are none);
 *  - activate: deletes every older cache of this site, so a new deploy, whose content hash is a
 *    new VERSION, replaces the old files.
 * 离线保存全部 (assets/atlas-offline.js) fills this same cache with every file of the site.
 */
"use strict";

var VERSION = "__VERSION__";
var PREFIX = "atlas-";
var CACHE = PREFIX + VERSION;
var SHELL = ["__SHELL__"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL);
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(isOldCache).map(function (key) { return caches.delete(key); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function isOldCache(key) {
  return key.indexOf(PREFIX) === 0 && key !== CACHE;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(pageFirstFromNetwork(request, url));
  else event.respondWith(fileFromCache(request));
});

/* A page: the network's copy (kept, under its address without ?q=), else the kept one. */
function pageFirstFromNetwork(request, url) {
  var key = url.origin + url.pathname;
  return fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }, function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(key).then(function (hit) {
        return hit || cache.match(new URL("404.html", self.registration.scope).href).then(function (missing) {
          return missing || Response.error();
        });
      });
    });
  });
}

/* Any other file of the site: the kept copy, else the network's (kept). */
function fileFromCache(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}
