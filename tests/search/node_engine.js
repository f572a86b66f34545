// The browser's search engine under node, over a site's assets/search directory: the core from
// index.js, shards from shards/*.js (each calls window.__atlasLoad, as in the browser).
// `loaded` lists what was asked for, in order ("p3", "d0" …).
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

function makeEngine(dir) {
  const core = require(path.resolve(dir, "atlas-search-core.js"));
  const box = { window: {} };
  vm.runInNewContext(fs.readFileSync(path.join(dir, "index.js"), "utf8"), box);
  const loaded = [];
  const loader = (kind, n) => {
    loaded.push(kind + n);
    let got = null;
    const shardBox = { window: { __atlasLoad: (k, i, data) => { got = data; } } };
    vm.runInNewContext(fs.readFileSync(path.join(dir, "shards", kind + n + ".js"), "utf8"), shardBox);
    return Promise.resolve(got);
  };
  return { engine: new core.Engine(box.window.__atlasCore, loader), loaded };
}

module.exports = { makeEngine };
