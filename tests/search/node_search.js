// Run the browser's query algorithm under node: node node_search.js <site assets dir> [top] < queries.json
// Prints, per query, the refs and scores of the top results, its segments and the posting shards it
// needs, as JSON (compared with query.py).
"use strict";
const fs = require("fs");
const { makeEngine } = require("./node_engine.js");

async function main() {
  const { engine } = makeEngine(process.argv[2]);
  const top = Number(process.argv[3] || 10);
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = [];
  for (const q of queries) {
    await engine.load(q);
    const hits = engine.search(q).slice(0, top).map((h) => [h.ref, h.score]);
    out.push({ hits, segments: engine.parse(q).map((s) => [s.span, s.words]), shards: engine.shardsFor(q) });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => { console.error(err); process.exit(1); });
