/* A query as the words of the search index. The index holds each page's text cut into
   words by the site's analyser (build/search_words.py); each bundle lists the words it
   holds in words/<n>.json (n: the first character's code point mod 64). A query is cut
   into those words here, so a page matches only when it has the query's words in a row:
   議事録 is 議事+録 on both sides and never matches a page that merely has 議.

   A full match has the query's words as whole words; a partial match ends inside a longer
   word (議事 in 議事録): it ranks after every full match. */

const BUCKETS = 64;
const MAX_CUTS = 6;         /* ways to cut one run of the query into words */
const MAX_EXTENSIONS = 24;  /* longer words tried for a run's unfinished last word */

/* As the index compares text: NFKC, lower case; runs of letters and digits (punctuation
   and spaces separate runs; a "." or "," between digits belongs to the number). */
export function runsOf(query) {
  const text = query.normalize("NFKC").toLowerCase().replace(/(\d)[.,](?=\d)/g, "$1");
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

/* The words (with how many pages hold each) of every bundle, for the characters of the runs. */
export async function wordsFor(runs, bundleUrls, cache) {
  const buckets = new Set();
  for (const run of runs) {
    for (const ch of run) { buckets.add(ch.codePointAt(0) % BUCKETS); }
  }
  const words = new Map();
  const lists = [];
  for (const base of bundleUrls) {
    for (const n of buckets) {
      const url = new URL("words/" + n + ".json", base).href;
      if (!cache.has(url)) {
        cache.set(url, fetch(url).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
      }
      lists.push(cache.get(url));
    }
  }
  for (const list of await Promise.all(lists)) {
    for (const [word, pages] of Object.entries(list)) { words.set(word, (words.get(word) || 0) + pages); }
  }
  return words;
}

/* Every way to cut `text` into known words, fewest words first (at most MAX_CUTS). */
export function cuts(text, words) {
  const memo = new Map();
  function from(start) {
    if (start === text.length) { return [[]]; }
    if (memo.has(start)) { return memo.get(start); }
    const found = [];
    for (let end = text.length; end > start; end -= 1) {
      const word = text.slice(start, end);
      if (!words.has(word)) { continue; }
      for (const rest of from(end)) { found.push([word, ...rest]); }
    }
    found.sort((a, b) => a.length - b.length);
    memo.set(start, found.slice(0, MAX_CUTS));
    return memo.get(start);
  }
  return from(0);
}

/* Ways for `text` to be known words followed by the start of a longer word: [words, prefix,
   the longer words (most pages first)]. The first entry has no whole words when the run
   itself begins longer words. */
export function partialCuts(text, words) {
  const out = [];
  for (let split = 0; split < text.length; split += 1) {
    const head = split === 0 ? [[]] : cuts(text.slice(0, split), words).slice(0, 2);
    if (!head.length) { continue; }
    const prefix = text.slice(split);
    const longer = [...words.entries()].filter(([w]) => w.length > prefix.length && w.startsWith(prefix))
      .sort((a, b) => b[1] - a[1]).slice(0, MAX_EXTENSIONS).map(([w]) => w);
    if (longer.length) { for (const h of head) { out.push([h, prefix, longer]); } }
  }
  return out;
}

/* Pages holding `sequence` (words in a row): Pagefind's exact search ("…") tells which
   pages have them in a row, its ranked search how well each page matches. */
async function pagesWithSequence(engine, sequence, exact) {
  const ranked = await engine.search(sequence.join(" "));
  if (!exact) { return ranked.results; }
  const inRow = await engine.search('"' + sequence.join(" ") + '"');
  const ids = new Set(inRow.results.map((r) => r.id));
  return ranked.results.filter((r) => ids.has(r.id));
}

/* One run of the query: page id → {result, score, full}. */
async function matchRun(engine, run, words) {
  const found = new Map();
  const add = (results, full) => {
    for (const result of results) {
      const seen = found.get(result.id);
      if (!seen) { found.set(result.id, { result, score: result.score, full }); continue; }
      seen.full = seen.full || full;
      seen.score = Math.max(seen.score, result.score);
    }
  };
  for (const sequence of cuts(run, words)) { add(await pagesWithSequence(engine, sequence, true), true); }
  for (const [head, prefix, longer] of partialCuts(run, words)) {
    if (!head.length) {   /* the run begins longer words: Pagefind's own prefix search */
      add(await pagesWithSequence(engine, [prefix], false), false);
      continue;
    }
    for (const word of longer) { add(await pagesWithSequence(engine, [...head, word], true), false); }
  }
  return found;
}

/* The results of a query: full matches first, then partial ones, each best first. Every
   run of the query (split at spaces and punctuation) must match. */
export async function findPages(engine, query, bundleUrls, cache) {
  const runs = runsOf(query);
  if (!runs.length) { return []; }
  const words = await wordsFor(runs, bundleUrls, cache);
  let pages = null;
  for (const run of runs) {
    const matched = await matchRun(engine, run, words);
    if (pages === null) { pages = matched; continue; }
    for (const [id, page] of pages) {
      const other = matched.get(id);
      if (!other) { pages.delete(id); continue; }
      page.full = page.full && other.full;
      page.score += other.score;
    }
  }
  return [...pages.values()].sort((a, b) => (b.full - a.full) || (b.score - a.score));
}

/* Pagefind's excerpt of a page is its words with a space between each two; the page had
   spaces only between words of letters or digits (Japanese has none), so only those stay. */
const LATIN = /[A-Za-z0-9]/;
export function joinedExcerpt(excerpt) {
  return excerpt.replace(/([^])((?:<\/?mark>)*) ((?:<\/?mark>)*)(?=([^]))/g,
    (all, before, close, open, after) => before + close + (LATIN.test(before) && LATIN.test(after) ? " " : "") + open);
}
