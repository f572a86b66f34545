/* Policy Atlas search: the query algorithm, without any DOM.
 *
 * Mirrors generator/search/query.py line for line (a test runs both on the same queries and
 * compares the results): fold the query (NFKC, lower case, traditional → simplified), cut it into
 * Han runs and other letter/digit runs, cut Han runs by forward maximum matching against the index
 * vocabulary (then against the corpus for what no word covers), require every segment's span in
 * the document, rank with lunr (title, agency and heading fields) plus each span's occurrences
 * (title and agencies above body text, body text by frequency against length).
 *
 * The index arrives prebuilt (window.__atlasIndex, from assets/search/index.js): `unpack` only restores
 * lunr's own JSON from its compact transport form; lunr.Index.load then loads it as is.
 * Works in the browser and in node (module.exports) for tests.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.AtlasSearchCore = factory(root.lunr);
  }
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var FIELD_BOOSTS = [["title", 10.0], ["agencies", 6.0], ["context", 1.5]];
  var SPAN_WEIGHTS = [4.0, 3.0, 2.0, 1.0]; // title, agencies, text, context
  var TEXT_PART = 2; // scored by frequency against length (BM25 saturation)
  var K1 = 1.2;
  var B = 0.75;
  var MAX_WORD = 12;
  var SEP = "\u0001";
  var DOC_SEP = "\u0002";
  var PHRASE_WEIGHT = 2.0; // an unspaced run of several segments found as typed
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

  /* Each run of the folded query with its segments. */
  function parseRuns(text, vocab, t2s, occurs) {
    var folded = "";
    for (var ch of fold(text)) folded += t2s.get(ch) || ch;
    return runs(folded).map(function (r) {
      return [r[0], r[1] ? segmentHan(r[0], vocab, occurs) : [{ span: r[0], words: [r[0]] }]];
    });
  }

  function parseQuery(text, vocab, t2s, occurs) {
    var segs = [];
    parseRuns(text, vocab, t2s, occurs).forEach(function (r) { segs = segs.concat(r[1]); });
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

  /* lunr's serialized JSON from the packed transport form (index.py: pack/unpack). */
  function unpack(packed) {
    var fields = packed.fields;
    var terms = packed.terms;
    var inverted = terms.map(function (t, i) {
      var posting = { _index: i };
      fields.forEach(function (f) { posting[f] = {}; });
      return [t, posting];
    });
    var vectors = new Map(); // "ref/fieldpos" → elements
    var keys = [];
    fields.forEach(function (f, fi) {
      var flat = packed.postings[f];
      var k = 0;
      while (k < flat.length) {
        var ti = flat[k];
        var n = flat[k + 1];
        k += 2;
        var ref = 0;
        for (var j = 0; j < n; j++) {
          ref += flat[k];
          inverted[ti][1][f][String(ref)] = {};
          var key = ref * fields.length + fi;
          var vec = vectors.get(key);
          if (!vec) {
            vec = [];
            vectors.set(key, vec);
            keys.push(key);
          }
          vec.push(ti, flat[k + 1] / packed.scale);
          k += 2;
        }
      }
    });
    keys.sort(function (a, b) { return a - b; });
    var fieldVectors = keys.map(function (key) {
      var ref = Math.floor(key / fields.length);
      return [fields[key % fields.length] + "/" + ref, vectors.get(key)];
    });
    return {
      version: packed.version,
      fields: fields,
      fieldVectors: fieldVectors,
      invertedIndex: inverted,
      pipeline: []
    };
  }

  function noSpace(s) {
    return fold(s).replace(SPACE, "");
  }

  function roundScore(x) {
    return Math.floor(x * 1e6 + 0.5) / 1e6;
  }

  /* The search engine over one assets/search/index.js payload. */
  function Engine(data) {
    this.data = data;
    this.index = lunr.Index.load(unpack(data.index));
    this.vocab = new Set();
    var self = this;
    data.index.terms.forEach(function (t) {
      var chars = Array.from(t);
      if (chars.length >= 2 && chars.every(function (c) { return isHan(c.codePointAt(0)); })) {
        self.vocab.add(t);
      }
    });
    this.t2s = new Map();
    var pairs = Array.from(data.t2s);
    for (var i = 0; i + 1 < pairs.length; i += 2) this.t2s.set(pairs[i], pairs[i + 1]);
    var strings = data.strings;
    this.parts = data.docs.map(function (d) {
      var agencies = d[7].map(function (k) { return strings[k]; }).join("\n");
      var context = d[8].map(function (k) { return strings[k]; });
      if (d[4] >= 0) context = context.concat(data.regions[d[4]].slice(1)); // region name, short name
      context = context.join("\n");
      return [noSpace(d[2]), noSpace(agencies), noSpace(d[3]), noSpace(context)];
    });
    this.joined = this.parts.map(function (p) { return p.join(SEP); });
    this.corpus = this.joined.join(DOC_SEP);
    var total = 0;
    this.parts.forEach(function (p) { total += p[TEXT_PART].length; });
    this.avgText = this.parts.length && total ? total / this.parts.length : 1.0;
  }

  Engine.prototype.occurs = function () {
    var corpus = this.corpus;
    return function (s) { return corpus.indexOf(s) >= 0; };
  };

  Engine.prototype.parse = function (text) {
    return parseQuery(text, this.vocab, this.t2s, this.occurs());
  };

  function count(hay, needle) {
    var n = 0;
    var at = hay.indexOf(needle);
    while (at >= 0) {
      n += 1;
      at = hay.indexOf(needle, at + needle.length);
    }
    return n;
  }

  Engine.prototype.spanScore = function (ref, segments) {
    var parts = this.parts[ref];
    var textLen = parts[TEXT_PART].length;
    var score = 0.0;
    for (var s = 0; s < segments.length; s++) {
      var span = segments[s].span;
      for (var p = 0; p < parts.length; p++) {
        if (parts[p].indexOf(span) < 0) continue;
        if (p === TEXT_PART) {
          var tf = count(parts[p], span);
          var norm = K1 * (1 - B + B * textLen / this.avgText);
          score += SPAN_WEIGHTS[p] * (tf * (K1 + 1)) / (tf + norm);
        } else {
          score += SPAN_WEIGHTS[p];
        }
      }
    }
    return score;
  };

  /* Documents holding every segment, best first: [{ref, score}]. */
  Engine.prototype.rank = function (segments, phrases) {
    var lunrScores = new Map();
    var hasClause = segments.some(function (s) { return s.words.length > 0; });
    if (hasClause) {
      // lunr: each segment's vocabulary words, per field with its weight
      this.index.query(function (q) {
        segments.forEach(function (seg) {
          seg.words.forEach(function (w) {
            FIELD_BOOSTS.forEach(function (fb) {
              q.term(w, { fields: [fb[0]], boost: fb[1], usePipeline: false });
            });
          });
        });
      }).forEach(function (r) { lunrScores.set(Number(r.ref), r.score); });
    }
    var hits = [];
    for (var ref = 0; ref < this.joined.length; ref++) {
      var joined = this.joined[ref];
      var ok = true;
      for (var s = 0; s < segments.length; s++) {
        if (joined.indexOf(segments[s].span) < 0) { ok = false; break; }
      }
      if (!ok) continue;
      var score = (lunrScores.get(ref) || 0.0) + this.spanScore(ref, segments);
      for (var p = 0; p < phrases.length; p++) {
        if (joined.indexOf(phrases[p]) >= 0) score += PHRASE_WEIGHT;
      }
      hits.push({ ref: ref, score: roundScore(score) });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    return hits;
  };

  /* {hits, segments, relaxed}: every segment required; if nothing is found, asked once more with
   * long segments cut shorter (relaxed: the UI says so). */
  Engine.prototype.searchDetail = function (text) {
    var occurs = this.occurs();
    var parsed = parseRuns(text, this.vocab, this.t2s, occurs);
    var segments = [];
    parsed.forEach(function (r) { segments = segments.concat(r[1]); });
    segments = dedupe(segments);
    if (!segments.length) return { hits: [], segments: [], relaxed: false };
    var phrases = parsed.filter(function (r) { return r[1].length > 1; }).map(function (r) { return r[0]; });
    var hits = this.rank(segments, phrases);
    if (!hits.length) {
      var relaxed = relax(segments, this.vocab, occurs);
      if (relaxed.map(segKey).join("\u0003") !== segments.map(segKey).join("\u0003")) {
        return { hits: this.rank(relaxed, phrases), segments: relaxed, relaxed: true };
      }
    }
    return { hits: hits, segments: segments, relaxed: false };
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
  function snippet(text, spans, width) {
    width = width || 90;
    var ranges = locate(text, spans);
    var start = 0;
    if (ranges.length && ranges[0][0] > width / 3) start = ranges[0][0] - Math.floor(width / 3);
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
    parseQuery: parseQuery,
    unpack: unpack,
    locate: locate,
    snippet: snippet,
    fold: fold
  };
});
