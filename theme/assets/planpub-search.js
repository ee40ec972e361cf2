/* Search page on Pagefind's JavaScript API. Only the index chunks a query needs are
   downloaded. By default only the latest 版 is searched; a checkbox adds archived 版.
   The query and the option live in the URL (?q=…&archived=1) so results can be shared. */
const form = document.querySelector("form[data-pp-search]");
const status = document.querySelector("[data-pp-search-status]");
const list = document.querySelector("[data-pp-search-results]");
/* The latest 版 of every plan is one index (the default; on a large portal it is split
   into parts, all merged). Each frozen 版 has its own small index, built once when it is
   published; including archived 版 merges those of the chosen plan (or of all plans
   while there are few), so publishing a new 版 never re-indexes the old ones. */
const root = new URL(form.getAttribute("data-root"), location.href);
const MAX_MERGED = Number(form.getAttribute("data-max-merged"));
const engines = {};
let bundleList = null;

async function bundles() {
  if (!bundleList) {
    const response = await fetch(new URL(form.getAttribute("data-bundles"), location.href));
    bundleList = await response.json();
  }
  return bundleList;
}

/* Returns the engine for the options, or null when the archived bundles to merge would be
   too many (the reader is asked to choose a plan). */
async function engine(archived, plan) {
  const list = await bundles();
  let merged = list.latest.slice();
  if (archived) {
    const chosen = list.archives.filter((b) => !plan || b.plan === plan);
    if (chosen.length > MAX_MERGED) { return null; }
    merged = merged.concat(chosen.map((b) => b.bundle));
  }
  const key = archived ? "archived:" + plan : "latest";
  if (!engines[key]) {
    const base = new URL(form.getAttribute("data-bundle"), location.href);
    const pagefind = await import(new URL("pagefind.js", base).href);
    const instance = pagefind.createInstance({ basePath: base.pathname, baseUrl: root.pathname, excerptLength: 40 });
    for (const bundle of merged) {
      await instance.mergeIndex(new URL(bundle, root).pathname, { baseUrl: root.pathname });
    }
    engines[key] = instance;
  }
  return engines[key];
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text) { node.textContent = text; }
  return node;
}

/* Pagefind segments Japanese when indexing, and splits the query again in the browser,
   not always at the same places (テレワーク may become テレ|ワーク and then miss a page
   whose text is 「テレワークの導入」). When the full query finds few pages, also search
   its longer prefixes (Pagefind matches word prefixes) and append what they add:
   full-query matches first, then pages found by longer prefixes before shorter ones.
   Only katakana words get this (that is where the segmenters disagree); for other
   queries a prefix would mostly add noise. */
const ENOUGH = 10;
const KATAKANA_WORD = /^[\u30A0-\u30FF]+$/;

async function searchWithFallback(engine, query, options) {
  const first = await engine.search(query, options);
  const results = first.results.slice();
  const seen = new Set(results.map((r) => r.id));
  const shortest = Math.max(2, Math.ceil(query.length / 2));
  for (let end = query.length - 1; results.length < ENOUGH && end >= shortest && KATAKANA_WORD.test(query); end -= 1) {
    const more = await engine.search(query.slice(0, end), options);
    for (const result of more.results) {
      if (!seen.has(result.id)) { seen.add(result.id); results.push(result); }
    }
  }
  return { results };
}

let latestRun = 0;
/* Results come 20 at a time; "more" shows the next 20 (each result's data is fetched only
   when it is shown) and moves focus to the first new one. */
const PAGE = 20;
const more = document.querySelector("[data-pp-search-more]");
let pending = [];

function show(result) {
  const item = element("li", "pp-search-result");
  const heading = element("h2", "pp-search-result__title");
  const link = element("a", "", result.meta.title);
  link.href = result.url;
  heading.append(link);
  const meta = element("p", "pp-meta", result.meta.plan + " ／ " + result.meta.version);
  if (result.meta.edition === "archived") {
    meta.append(" ", element("span", "pp-tag", list.dataset.archivedLabel));
  }
  const excerpt = element("p", "pp-search-result__excerpt");
  excerpt.innerHTML = result.excerpt;   /* Pagefind's excerpt: escaped page text with <mark> */
  item.append(heading, meta, excerpt);
  list.append(item);
  return link;
}

async function showMore(token, total, focus) {
  const batch = await Promise.all(pending.slice(0, PAGE).map((r) => r.data()));
  if (token !== latestRun) { return; }
  pending = pending.slice(PAGE);
  const links = batch.map(show);
  if (focus && links.length) { links[0].focus(); }
  const shown = total - pending.length;
  more.hidden = pending.length === 0;
  more.textContent = more.dataset.template.replace("{count}", Math.min(PAGE, pending.length))
    .replace("{shown}", shown).replace("{total}", total);
}

async function run() {
  const token = ++latestRun;   /* only the newest search may write results (typing fast, toggling) */
  const query = form.elements.q.value.trim();
  const archived = form.elements.archived.checked;
  const plan = form.elements.plan ? form.elements.plan.value : "";
  const params = new URLSearchParams();
  if (query) { params.set("q", query); }
  if (archived) { params.set("archived", "1"); }
  if (plan) { params.set("plan", plan); }
  history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
  list.replaceChildren();
  more.hidden = true;
  pending = [];
  if (!query) { status.textContent = ""; return; }
  try {
    const chosen = await engine(archived, plan);
    if (!chosen) { status.textContent = status.dataset.choosePlan; return; }
    const search = await searchWithFallback(chosen, query, {});
    if (token !== latestRun) { return; }
    const total = search.results.length;
    status.textContent = (total ? status.dataset.found : status.dataset.none).replace("{count}", total);
    pending = search.results.slice();
    await showMore(token, total, false);
  } catch (error) {
    status.textContent = status.dataset.error;
  }
}

const initial = new URLSearchParams(location.search);
form.elements.q.value = initial.get("q") || "";
form.elements.archived.checked = initial.get("archived") === "1";
if (form.elements.plan) {
  form.elements.plan.value = initial.get("plan") || "";
  form.elements.plan.addEventListener("change", run);
}
form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
form.elements.archived.addEventListener("change", run);
more.addEventListener("click", () => {
  showMore(latestRun, list.children.length + pending.length, true).catch(() => { status.textContent = status.dataset.error; });
});
if (form.elements.q.value) { run(); }
