// Run the browser's query algorithm under node: node node_search.js <site assets dir> < queries.json
// Prints, per query, the refs and scores of the top results as JSON (compared with query.py).
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const dir = process.argv[2];
const top = Number(process.argv[3] || 10);
const lunr = require(path.resolve(dir, "lunr.min.js"));
const core = require(path.resolve(dir, "atlas-search-core.js"))(lunr);
const sandbox = { window: {} };
vm.runInNewContext(fs.readFileSync(path.join(dir, "index.js"), "utf8"), sandbox);
const engine = new core.Engine(sandbox.window.__atlasIndex);
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const out = queries.map((q) => engine.search(q).slice(0, top).map((h) => [h.ref, h.score]));
process.stdout.write(JSON.stringify(out));
