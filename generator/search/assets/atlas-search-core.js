/* Policy Atlas search: the query algorithm, without any DOM.
 *
 * Mirrors generator/search/query.py line for line (a test runs both on the same queries and
 * compares the results): fold the query (NFKC, lower case, traditional → simplified), cut it into
 * Han runs and other letter/digit runs, cut Han runs by forward maximum matching against the index
 * vocabulary (then against the corpus for what no word covers), require every segment in the
 * document, rank with lunr's weights (title, agency and heading fields) plus where each segment
 * occurs (title and agencies above body text, body text by frequency against length).
 *
 * The index arrives in shards (generator/search/shards.py): the core (window.__atlasCore, from
 * assets/search/index.js) is loaded with the page; the posting shards a query's keys hash to, and
 * the document chunks of the results shown, are loaded on demand through `loader` — as <script>
 * tags in the browser (file:// refuses fetch), from files under node (tests).
 * Works in the browser and in node (module.exports) for tests.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.AtlasSearchCore = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Shared with query.py and shards.py, read from the index core (core.constants, written by
  // query.engine_constants) when an Engine is made: never copied here by hand.
  var SPAN_WEIGHTS; // title, agencies, text, context
  var TEXT_PART; // scored by frequency against length (BM25 saturation)
  var MAX_WORD; // longest vocabulary word the segmenter tries
  var TEXT_BIT; // part mask bits: title 1, agencies 2, text 4, context 8
  var POSITIONS; // offsets classes kept per posting
  var POSITION_MASK;
  var PHRASE_WEIGHT; // an unspaced run of several segments found as typed
  var DOMAIN_PREFIX; // key of a domain's document list: prefix + domain position

  function configure(c) {
    if (!c) throw new Error("the search index core has no constants: rebuild the site");
    SPAN_WEIGHTS = c.spanWeights;
    TEXT_PART = c.textPart;
    MAX_WORD = c.maxWord;
    TEXT_BIT = c.textBit;
    POSITIONS = c.positions;
    POSITION_MASK = (1 << POSITIONS) - 1;
    PHRASE_WEIGHT = c.phraseWeight;
    DOMAIN_PREFIX = c.domainPrefix;
  }
  var WORD_CHAR = /[\p{L}\p{N}]/u;
  var SPACE = /\s+/g;

  function isHan(cp) {
    return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff);
  }

  function fold(text) {
    return String(text).normalize("NFKC").toLowerCase();
  }

  /* Maximal runs of Han / of other letters and digits; anything else separates. */
  function runs(text) {
    var out = [];
    var cur = "";
    var curHan = null;
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      var kind = isHan(cp) ? true : (WORD_CHAR.test(ch) ? false : null);
      if (kind !== curHan && cur) {
        out.push([cur, curHan === true]);
        cur = "";
      }
      curHan = kind;
      if (kind !== null) cur += ch;
    }
    if (cur) out.push([cur, curHan === true]);
    return out;
  }

  /* Forward maximum matching against the corpus: the longest prefix that occurs, repeatedly. */
  function corpusSplit(chars, occurs, longest) {
    var out = [];
    var i = 0;
    var n = chars.length;
    while (i < n) {
      var taken = false;
      for (var len = Math.min(longest, n - i); len > 1; len--) {
        var piece = chars.slice(i, i + len).join("");
        if (occurs(piece)) {
          out.push(piece);
          i += len;
          taken = true;
          break;
        }
      }
      if (!taken) {
        out.push(chars[i]);
        i += 1;
      }
    }
    return out;
  }

  function segmentHan(run, vocab, occurs, longest) {
    longest = longest || MAX_WORD;
    var chars = Array.from(run);
    var n = chars.length;
    var pieces = []; // [text, isWord]
    var i = 0;
    while (i < n) {
      var matched = false;
      for (var len = Math.min(longest, n - i); len > 1; len--) {
        var w = chars.slice(i, i + len).join("");
        if (vocab.has(w)) {
          pieces.push([w, true]);
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) {
        var last = pieces[pieces.length - 1];
        if (last && !last[1]) last[0] += chars[i];
        else pieces.push([chars[i], false]);
        i += 1;
      }
    }
    if (occurs) {
      var split = [];
      pieces.forEach(function (p) {
        var chars = Array.from(p[0]);
        if (p[1] || chars.length < 2) split.push(p);
        else corpusSplit(chars, occurs, longest).forEach(function (sub) { split.push([sub, false]); });
      });
      pieces = split;
    }
    var out = [];
    var carry = "";
    for (var k = 0; k < pieces.length; k++) {
      var text = pieces[k][0];
      var isWord = pieces[k][1];
      var lone = Array.from(text).length === 1 && !isWord && pieces.length > 1;
      if (lone && k + 1 < pieces.length) {
        carry += text; // joins the next piece
        continue;
      }
      if (lone && out.length) { // the last piece: joins the previous one
        var prev = out.pop();
        out.push({ span: prev.span + carry + text, words: prev.words });
      } else {
        out.push({ span: carry + text, words: isWord ? [text] : [] });
      }
      carry = "";
    }
    return out;
  }

  function segKey(s) {
    return s.span + "\u0000" + s.words.join("\u0000");
  }

  function dedupe(segs) {
    var seen = new Set();
    return segs.filter(function (s) {
      var key = segKey(s);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /* runs() of a folded query, except that an identifier (the core's idToken: t2-11-1) that
   * occurs in the corpus stays one run (query.py: query_runs). `idRe` is a global RegExp. */
  function queryRuns(folded, occurs, idRe) {
    var out = [];
    var pos = 0;
    if (occurs && idRe && folded.indexOf("-") >= 0) {
      idRe.lastIndex = 0;
      var m;
      while ((m = idRe.exec(folded)) !== null) {
        if (!occurs(m[0])) continue;
        out = out.concat(runs(folded.slice(pos, m.index)));
        out.push([m[0], false]);
        pos = m.index + m[0].length;
      }
    }
    return out.concat(runs(folded.slice(pos)));
  }

  /* Each run of the folded query with its segments. */
  function parseRuns(text, vocab, t2s, occurs, idRe) {
    return queryRuns(foldQuery(text, t2s), occurs, idRe).map(function (r) {
      return [r[0], r[1] ? segmentHan(r[0], vocab, occurs) : [{ span: r[0], words: [r[0]] }]];
    });
  }

  function parseQuery(text, vocab, t2s, occurs, idRe) {
    var segs = [];
    parseRuns(text, vocab, t2s, occurs, idRe).forEach(function (r) { segs = segs.concat(r[1]); });
    return dedupe(segs);
  }

  /* Long Han segments cut shorter: asked only when the query as typed finds nothing. */
  function relax(segments, vocab, occurs) {
    var out = [];
    segments.forEach(function (s) {
      var chars = Array.from(s.span);
      if (chars.length >= 3 && isHan(chars[0].codePointAt(0))) {
        out = out.concat(segmentHan(s.span, vocab, occurs, chars.length - 1));
      } else {
        out.push(s);
      }
    });
    return dedupe(out);
  }

  /* The key whose shard holds `key`: a key starting with two Han characters lives with its first
   * bigram (shards.py: key_home). */
  function keyHome(key) {
    return key.length > 2 && isHan(key.charCodeAt(0)) && isHan(key.charCodeAt(1)) ? key.slice(0, 2) : key;
  }

  /* Shard of a posting key: FNV-1a (32 bit) over the UTF-16 code units of its home
   * (shards.py: key_shard). */
  function keyShard(key, shards) {
    var h = 0x811c9dc5;
    key = keyHome(key);
    for (var i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  /* The posting keys a span is matched by: its bigrams; a lone Han character or a run of other
   * letters and digits: itself. */
  function spanGrams(span) {
    var chars = Array.from(span);
    if (chars.length >= 2 && isHan(chars[0].codePointAt(0))) {
      var out = [];
      for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      return out;
    }
    return [span];
  }

  function foldQuery(text, t2s) {
    var folded = "";
    for (var ch of fold(text)) folded += t2s.get(ch) || ch;
    return folded;
  }

  /* word → the other words of its synonym group (synonyms.py: alternatives_table); `groups` are
   * the core's "synonyms", each a space-separated list. */
  function alternativesTable(groups) {
    var table = new Map();
    (groups || []).forEach(function (g) {
      var words = g.split(" ");
      words.forEach(function (w) {
        table.set(w, words.filter(function (x) { return x !== w; }));
      });
    });
    return table;
  }

  /* The run spelled with another word of a group in place of one it holds: [[spelling, word put
   * in], …], left to right, longer first at one start, at most `limit` (synonyms.py). */
  function runAlternatives(run, table, limit) {
    var out = [];
    var seen = new Set();
    if (!table || !table.size) return out;
    var chars = Array.from(run);
    var n = chars.length;
    for (var i = 0; i < n; i++) {
      for (var j = n; j > i + 1; j--) {
        var others = table.get(chars.slice(i, j).join(""));
        if (!others || !others.length) continue;
        for (var k = 0; k < others.length; k++) {
          var alt = chars.slice(0, i).join("") + others[k] + chars.slice(j).join("");
          if (alt === run || seen.has(alt)) continue;
          seen.add(alt);
          out.push([alt, others[k]]);
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }

  /* Every key a query can ask for, before anything is loaded (query.py: query_keys): the grams and
   * vocabulary words of each run and of each of its synonym spellings. */
  function queryKeys(text, vocab, t2s, synonyms, limit, idRe) {
    var keys = new Set();
    var folded = foldQuery(text, t2s);
    if (idRe && folded.indexOf("-") >= 0) {
      idRe.lastIndex = 0;
      var m;
      while ((m = idRe.exec(folded)) !== null) keys.add(m[0]);
    }
    runs(folded).forEach(function (r) {
      var spellings = [r[0]].concat(runAlternatives(r[0], synonyms, limit || 0).map(function (a) { return a[0]; }));
      spellings.forEach(function (run) {
        spanGrams(run).forEach(function (g) { keys.add(g); });
        var chars = Array.from(run);
        if (!isHan(chars[0].codePointAt(0))) return;
        for (var i = 0; i < chars.length; i++) {
          for (var j = i + 2; j <= Math.min(chars.length, i + MAX_WORD); j++) {
            var w = chars.slice(i, j).join("");
            if (vocab.has(w)) keys.add(w);
          }
        }
      });
    });
    return Array.from(keys);
  }

  /* The segments of one run: a Han run cut by segmentHan, any other run whole (query.py). */
  function segmentRun(run, vocab, occurs) {
    return isHan(run.codePointAt(0)) ? segmentHan(run, vocab, occurs) : [{ span: run, words: [run] }];
  }

  /* Order of hits when a query has synonyms (query.py: tier): as typed and together 0, a synonym
   * together 1, as typed but apart 2, a synonym apart 3. */
  function tier(hit) {
    return (hit.whole ? 0 : 2) + (hit.exact ? 0 : 1);
  }

  function noSpace(s) {
    return fold(s).replace(SPACE, "");
  }

  function roundScore(x) {
    return Math.floor(x * 1e6 + 0.5) / 1e6;
  }

  /* The search engine over the core (assets/search/index.js) and the shards it loads on demand.
   * `loader(kind, n)` returns a promise of posting shard n (kind "p") or document chunk n ("d"). */
  function Engine(core, loader) {
    configure(core.constants);
    this.core = core;
    this.loader = loader;
    this.vocab = new Set(core.vocab ? core.vocab.split(" ") : []);
    this.t2s = new Map();
    var pairs = Array.from(core.t2s);
    for (var i = 0; i + 1 < pairs.length; i += 2) this.t2s.set(pairs[i], pairs[i + 1]);
    this.shards = new Map(); // n → shard
    this.chunks = new Map(); // n → documents
    this.pending = new Map(); // "p12" → promise
    this.grams = new Map(); // key → Map(ref → code)
    this.planStarts = core.plans.map(function (p) { return p[3]; });
    // query expansion and its weights, as the build wrote them (generator/search/synonyms.py)
    this.synonyms = alternativesTable(core.synonyms);
    this.synonymWeight = core.constants.synonymWeight; // synonyms.py: SYNONYM_WEIGHT
    this.maxAlternatives = core.constants.maxAlternatives; // synonyms.py: MAX_ALTERNATIVES
    this.idRe = new RegExp(core.constants.idToken, "g"); // tokenize.py: ID_TOKEN
    this.preloaded = null; // promise of every chunk (preload), when the page loads them at once
    this.lastKeys = null; // [text, shards] of the last shardsFor
  }

  Engine.prototype._get = function (kind, n) {
    var self = this;
    var key = kind + n;
    if (!this.pending.has(key)) {
      this.pending.set(key, Promise.resolve(this.loader(kind, n)).then(function (data) {
        (kind === "p" ? self.shards : self.chunks).set(n, data);
        return data;
      }, function (err) {
        self.pending.delete(key); // a later query may try again
        throw err;
      }));
    }
    return this.pending.get(key);
  };

  /* Every document chunk at once, from `all` (a promise of the chunks in order: assets/search/
   * shards/c0.js, which a small corpus's core asks the page to load, "preload": 1). Documents wait
   * for it instead of loading chunk by chunk, so a first query waits only for its posting shards;
   * if it fails, chunks load on demand as for a large corpus. */
  Engine.prototype.preload = function (all) {
    var self = this;
    this.preloaded = Promise.resolve(all).then(function (chunks) {
      (chunks || []).forEach(function (docs, c) {
        self.chunks.set(c, docs);
        self.pending.set("d" + c, Promise.resolve(docs));
      });
    }, function () { /* chunks load on demand */ });
    return this.preloaded;
  };

  /* The posting shards a query needs, ascending. */
  Engine.prototype.shardsFor = function (text) {
    if (this.lastKeys && this.lastKeys[0] === text) return this.lastKeys[1].slice();
    var n = this.core.shards;
    var keys = queryKeys(text, this.vocab, this.t2s, this.synonyms, this.maxAlternatives, this.idRe);
    var set = new Set(keys.map(function (k) { return keyShard(k, n); }));
    var out = Array.from(set).sort(function (a, b) { return a - b; });
    this.lastKeys = [text, out]; // the search box asks twice per keystroke (isLoaded, load)
    return out.slice();
  };

  Engine.prototype.isLoaded = function (text) {
    var self = this;
    return this.shardsFor(text).every(function (s) { return self.shards.has(s); });
  };

  /* Loads what `text` needs; resolves when searchDetail(text) can run. */
  Engine.prototype.load = function (text) {
    var self = this;
    return Promise.all(this.shardsFor(text).map(function (s) { return self._get("p", s); }));
  };

  /* Documents to show ([kind, url, title, text, plan, region]) for refs, loading their chunks. */
  Engine.prototype.documents = function (refs) {
    var self = this;
    var size = this.core.chunkSize;
    var need = Array.from(new Set(refs.map(function (r) { return Math.floor(r / size); })));
    return Promise.resolve(this.preloaded).then(function () {
      return Promise.all(need.map(function (c) { return self._get("d", c); }));
    }).then(function () {
      return refs.map(function (r) { return self.chunks.get(Math.floor(r / size))[r % size]; });
    });
  };

  /* The documents of the first of `refs`, in order, up to the first whose chunk is not loaded yet
   * (none loads): what the search box can show at once. */
  Engine.prototype.loadedDocuments = function (refs) {
    var size = this.core.chunkSize;
    var out = [];
    for (var i = 0; i < refs.length; i++) {
      var chunk = this.chunks.get(Math.floor(refs[i] / size));
      if (!chunk) break;
      out.push(chunk[refs[i] % size]);
    }
    return out;
  };

  /* The documents of domain `d` (a Set of refs), for the domain filter. */
  Engine.prototype.domainDocs = function (d) {
    var key = DOMAIN_PREFIX + d;
    var self = this;
    return this._get("p", keyShard(key, this.core.shards)).then(function (shard) {
      var flat = shard.d[key] || [];
      var out = new Set();
      var ref = 0;
      for (var k = 0; k < flat.length; k++) { ref += flat[k]; out.add(ref); }
      return out;
    });
  };

  /* Position of the plan a passage belongs to (-1 for hub pages). */
  Engine.prototype.planOf = function (ref) {
    if (ref >= this.core.hubStart) return -1;
    var lo = 0;
    var hi = this.planStarts.length - 1;
    var found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (this.planStarts[mid] <= ref) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  /* Whether the query names hub page `doc` (query.py: names_entity): the query's runs, folded and
   * run together, inside one of its names (doc[6], else its title) and at least half of it. */
  Engine.prototype.namesEntity = function (text, doc) {
    var query = runs(foldQuery(text, this.t2s)).map(function (r) { return r[0]; }).join("");
    if (!query) return false;
    var qlen = Array.from(query).length;
    var names = doc.length > 6 ? doc[6] : [doc[2]];
    return names.some(function (name) {
      var n = runs(fold(name)).map(function (r) { return r[0]; }).join("");
      return n.indexOf(query) >= 0 && 2 * qlen >= Array.from(n).length;
    });
  };

  Engine.prototype.isHub = function (ref) {
    return ref >= this.core.hubStart;
  };

  Engine.prototype._shard = function (key) {
    var shard = this.shards.get(keyShard(key, this.core.shards));
    if (!shard) throw new Error("search shard not loaded for " + key);
    return shard;
  };

  /* ref → code (text weight × 16 + part mask) for one key. */
  Engine.prototype.gram = function (key) {
    var got = this.grams.get(key);
    if (!got) {
      got = new Map();
      var flat = this._shard(key).g[key] || [];
      var ref = 0;
      for (var k = 0; k < flat.length; k += 2) {
        ref += flat[k];
        got.set(ref, flat[k + 1]);
      }
      this.grams.set(key, got);
    }
    return got;
  };

  /* `bits` (POSITIONS wide) turned right by k: bit (o + k) mod P moves to bit o. */
  function rotate(bits, k) {
    k %= POSITIONS;
    return ((bits >> k) | (bits << (POSITIONS - k))) & POSITION_MASK;
  }

  /* Documents where one part holds every gram of `span` at offsets that follow one another
   * (modulo POSITIONS): ref → [part mask, text weight] (query.py: span_docs). */
  Engine.prototype.spanDocs = function (span) {
    var self = this;
    var grams = spanGrams(span).map(function (g, k) { return [k, self.gram(g)]; });
    grams.sort(function (a, b) { return a[1].size - b[1].size || a[0] - b[0]; });
    var out = new Map();
    if (!grams.length || !grams[0][1].size) return out;
    var chain = grams.length > 1;
    var k0 = grams[0][0];
    grams[0][1].forEach(function (code, ref) {
      var mask = code & 15;
      var where = rotate((code >> 4) & POSITION_MASK, k0);
      var weight = code >> (4 + POSITIONS);
      for (var i = 1; i < grams.length; i++) {
        var c = grams[i][1].get(ref);
        if (c === undefined) { mask = 0; break; }
        mask &= c & 15;
        where &= rotate((c >> 4) & POSITION_MASK, grams[i][0]);
        weight = Math.min(weight, c >> (4 + POSITIONS));
      }
      if (mask && (where || !chain)) out.set(ref, [mask, mask & TEXT_BIT ? weight : 0]);
    });
    return out;
  };

  Engine.prototype.occurs = function () {
    var self = this;
    return function (s) { return self.spanDocs(s).size > 0; };
  };

  Engine.prototype.parse = function (text) {
    return parseQuery(text, this.vocab, this.t2s, this.occurs(), this.idRe);
  };

  /* lunr's score from the postings (query.py: lunr_scores). */
  Engine.prototype.lunrScores = function (segments) {
    var self = this;
    var counts = new Map();
    segments.forEach(function (seg) {
      seg.words.forEach(function (w) {
        if (Object.prototype.hasOwnProperty.call(self._shard(w).w, w)) counts.set(w, (counts.get(w) || 0) + 1);
      });
    });
    var scores = new Map();
    if (!counts.size) return scores;
    var words = Array.from(counts.keys()).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    var sq = 0;
    counts.forEach(function (c) { sq += c * c; });
    var norm = Math.sqrt(sq);
    var scale = this.core.wordScale;
    for (var fi = 0; fi < this.core.fields.length; fi++) {
      var dots = new Map();
      words.forEach(function (w) {
        var flat = self._shard(w).w[w][fi];
        var ref = 0;
        for (var k = 0; k < flat.length; k += 2) {
          ref += flat[k];
          dots.set(ref, (dots.get(ref) || 0.0) + counts.get(w) * (flat[k + 1] / scale));
        }
      });
      dots.forEach(function (dot, ref) { scores.set(ref, (scores.get(ref) || 0.0) + dot / norm); });
    }
    return scores;
  };

  /* Documents holding every segment, best first: [{ref, score, named}] (named: every segment in
   * the title or agency names, for the row of hub pages). */
  Engine.prototype.rank = function (segments, phrases) {
    var self = this;
    var perSeg = segments.map(function (s) { return self.spanDocs(s.span); });
    var smallest = perSeg.reduce(function (a, b) { return b.size < a.size ? b : a; });
    var lunrScores = this.lunrScores(segments);
    var phraseDocs = phrases.map(function (p) { return self.spanDocs(p); });
    var hits = [];
    smallest.forEach(function (_, ref) {
      for (var i = 0; i < perSeg.length; i++) if (!perSeg[i].has(ref)) return;
      var score = lunrScores.get(ref) || 0.0;
      var named = true;
      for (var s = 0; s < perSeg.length; s++) {
        var mw = perSeg[s].get(ref);
        if (!(mw[0] & 3)) named = false;
        score += self.spanScore(mw[0], mw[1]);
      }
      var whole = true;
      for (var q = 0; q < phraseDocs.length; q++) {
        if (phraseDocs[q].has(ref)) score += PHRASE_WEIGHT;
        else whole = false;
      }
      hits.push({ ref: ref, score: roundScore(score), named: named, exact: true, whole: whole });
    });
    hits.sort(byScore);
    return hits;
  };

  function byScore(a, b) {
    return b.score - a.score || a.ref - b.ref;
  }

  /* What one segment found in a document adds (query.py: span_score). */
  Engine.prototype.spanScore = function (mask, weight) {
    var weights = SPAN_WEIGHTS;
    var score = 0.0;
    for (var p = 0; p < 4; p++) {
      if (!(mask & (1 << p))) continue;
      score += p === TEXT_PART ? weights[p] * weight / this.core.textScale : weights[p];
    }
    return score;
  };

  /* Per run: [run, segments, weight] as typed, then each synonym spelling (query.py: spellings);
   * [] when no run has a synonym. */
  Engine.prototype.spellings = function (parsed) {
    var self = this;
    var found = false;
    var occurs = this.occurs();
    var out = parsed.map(function (r) {
      var options = [[r[0], r[1], 1.0]];
      runAlternatives(r[0], self.synonyms, self.maxAlternatives).forEach(function (a) {
        found = true;
        var segs = segmentRun(a[0], self.vocab, occurs);
        if (!segs.some(function (s) { return s.span.indexOf(a[1]) >= 0; })) segs.push({ span: a[1], words: [] });
        options.push([a[0], segs, self.synonymWeight]);
      });
      return options;
    });
    return found ? out : [];
  };

  /* Documents holding every run as typed or in a synonym spelling, but not the query as typed
   * (`exact`, a Set of refs): per run its best spelling counts (query.py: rank_synonyms). */
  Engine.prototype.rankSynonyms = function (segments, spellings, exact) {
    var self = this;
    var perRun = spellings.map(function (options) {
      var best = new Map();
      options.forEach(function (o) {
        var segs = o[1];
        var docs = segs.map(function (s) { return self.spanDocs(s.span); });
        if (!docs.length || docs.some(function (d) { return !d.size; })) return;
        var phrase = segs.length > 1 ? self.spanDocs(o[0]) : new Map();
        var smallest = docs.reduce(function (a, b) { return b.size < a.size ? b : a; });
        smallest.forEach(function (_, ref) {
          for (var i = 0; i < docs.length; i++) if (!docs[i].has(ref)) return;
          var score = 0.0;
          var named = true;
          for (var k = 0; k < docs.length; k++) {
            var mw = docs[k].get(ref);
            if (!(mw[0] & 3)) named = false;
            score += self.spanScore(mw[0], mw[1]);
          }
          if (phrase.has(ref)) score += PHRASE_WEIGHT;
          score *= o[2];
          var had = best.get(ref);
          if (!had || score > had[0]) best.set(ref, [score, named, segs.length === 1 || phrase.has(ref)]);
        });
      });
      return best;
    });
    if (!perRun.length || perRun.some(function (b) { return !b.size; })) return [];
    var lunrScores = this.lunrScores(segments);
    var smallest = perRun.reduce(function (a, b) { return b.size < a.size ? b : a; });
    var hits = [];
    smallest.forEach(function (_, ref) {
      if (exact.has(ref)) return;
      for (var i = 0; i < perRun.length; i++) if (!perRun[i].has(ref)) return;
      var score = lunrScores.get(ref) || 0.0;
      var named = true;
      var whole = true;
      perRun.forEach(function (b) {
        var got = b.get(ref);
        score += got[0];
        if (!got[1]) named = false;
        if (!got[2]) whole = false;
      });
      hits.push({ ref: ref, score: roundScore(score), named: named, exact: false, whole: whole });
    });
    hits.sort(byScore);
    return hits;
  };

  /* {hits, segments, relaxed}: every segment required; if nothing is found, asked once more with
   * long segments cut shorter (relaxed: the UI says so). Needs load(text) to have resolved. */
  Engine.prototype.searchDetail = function (text) {
    var occurs = this.occurs();
    var parsed = parseRuns(text, this.vocab, this.t2s, occurs, this.idRe);
    var segments = [];
    parsed.forEach(function (r) { segments = segments.concat(r[1]); });
    segments = dedupe(segments);
    if (!segments.length) return { hits: [], segments: [], relaxed: false };
    var phrases = parsed.filter(function (r) { return r[1].length > 1; }).map(function (r) { return r[0]; });
    var hits = this.rank(segments, phrases);
    var spellings = this.spellings(parsed);
    var alternatives = [];
    if (spellings.length) {
      // passages written with another word of a synonym group: after every exact match
      var exact = new Set(hits.map(function (h) { return h.ref; }));
      hits = hits.concat(this.rankSynonyms(segments, spellings, exact));
      hits.sort(function (a, b) { return tier(a) - tier(b); }); // stable: scores order each tier
      spellings.forEach(function (options) {
        options.slice(1).forEach(function (o) { alternatives = alternatives.concat(o[1]); });
      });
      alternatives = dedupe(alternatives);
    }
    if (!hits.length) {
      var relaxed = relax(segments, this.vocab, occurs);
      if (relaxed.map(segKey).join("\u0003") !== segments.map(segKey).join("\u0003")) {
        return { hits: this.rank(relaxed, phrases), segments: relaxed, relaxed: true };
      }
    }
    return { hits: hits, segments: segments, relaxed: false, alternatives: alternatives };
  };

  Engine.prototype.search = function (text) {
    return this.searchDetail(text).hits;
  };

  /* Where the spans occur in `text`, as [start, end) offsets into the original string (UTF-16),
   * matching on the folded, space-free form the way the search does. */
  function locate(text, spans) {
    var folded = "";
    var map = []; // folded UTF-16 offset → original [start, end)
    var offset = 0;
    for (var ch of text) {
      var cp = ch.codePointAt(0);
      // common Han and lower-case ASCII fold to themselves: skip the costly normalize()
      var f = (cp >= 0x4e00 && cp <= 0x9fff) || (cp > 0x20 && cp < 0x41) || (cp > 0x60 && cp < 0x7f)
        ? ch : noSpace(ch);
      for (var i = 0; i < f.length; i++) map.push([offset, offset + ch.length]);
      folded += f;
      offset += ch.length;
    }
    var found = [];
    spans.forEach(function (span) {
      if (!span) return;
      var at = folded.indexOf(span);
      while (at >= 0) {
        found.push([map[at][0], map[at + span.length - 1][1]]);
        at = folded.indexOf(span, at + span.length);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* A window of `text` around the first match: [{text, mark}] pieces for the UI to render. */
  var SENTENCE_END = /[。;；!！?？\n]/;

  /* [start, end) of the sentence of `text` that holds the most different spans (ties: the
   * first), or null when none holds any: where the snippet shows the query at work. */
  function bestSentence(text, spans) {
    var best = null;
    var bestCount = 0;
    var start = 0;
    for (var i = 0; i <= text.length; i++) {
      if (i < text.length && !SENTENCE_END.test(text[i])) continue;
      var end = Math.min(text.length, i + 1);
      var sentence = text.slice(start, end);
      var count = 0;
      spans.forEach(function (span) { if (span && locate(sentence, [span]).length) count += 1; });
      if (count > bestCount) { best = [start, end]; bestCount = count; }
      start = end;
    }
    return best;
  }

  /* A window of `text` on the sentence that matches most query spans (bestSentence), every match
   * in it highlighted: [{text, mark}] pieces for the UI to render. */
  function snippet(text, spans, width) {
    width = width || 90;
    var ranges = locate(text, spans);
    var start = 0;
    var sentence = ranges.length ? bestSentence(text, spans) : null;
    var first = null;
    if (sentence) {
      ranges.forEach(function (r) { if (first === null && r[0] >= sentence[0] && r[0] < sentence[1]) first = r[0]; });
      // the sentence from its start when it fits, else from a third of the width before its first match
      start = sentence[1] - sentence[0] <= width || first - sentence[0] <= width / 3
        ? sentence[0] : first - Math.floor(width / 3);
    } else if (ranges.length && ranges[0][0] > width / 3) {
      start = ranges[0][0] - Math.floor(width / 3);
    }
    var end = Math.min(text.length, start + width);
    var pieces = [];
    if (start > 0) pieces.push({ text: "…", mark: false });
    var pos = start;
    ranges.forEach(function (r) {
      if (r[1] <= start || r[0] >= end) return;
      var a = Math.max(r[0], start);
      var b = Math.min(r[1], end);
      if (a > pos) pieces.push({ text: text.slice(pos, a), mark: false });
      pieces.push({ text: text.slice(a, b), mark: true });
      pos = b;
    });
    if (pos < end) pieces.push({ text: text.slice(pos, end), mark: false });
    if (end < text.length) pieces.push({ text: "…", mark: false });
    return pieces;
  }

  return {
    Engine: Engine,
    configure: configure,
    parseQuery: parseQuery,
    runAlternatives: runAlternatives,
    keyShard: keyShard,
    queryKeys: queryKeys,
    locate: locate,
    snippet: snippet,
    bestSentence: bestSentence,
    fold: fold
  };
});
