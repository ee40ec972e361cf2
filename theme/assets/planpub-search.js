/* Search page on Pagefind's JavaScript API. Only the index chunks a query needs are
   downloaded. By default only the latest 版 is searched; a checkbox adds archived 版.
   The query and the options live in the URL (?q=…&archived=1) so results can be shared.
   A query is cut into the index's own words (planpub-search-words.js).

   On a portal of several search parts (a few plans each) the scope is chosen too, so a
   query costs the same however many plans the portal has: a plan (?plan=<id>, by default
   when the reader comes from a plan's page) loads only its own part's index and keeps that
   plan's results; the plan names (the default otherwise) need no index at all; every plan
   (?scope=all) merges every part, only when asked. */
/* The word cutting (planpub-search-words.js) is imported from the address the page gives,
   as assets are published under content-hashed names. */
const wordsModule = document.querySelector("link[data-pp-search-words]").href;
const { findPages, joinedExcerpt } = await import(wordsModule);

const form = document.querySelector("form[data-pp-search]");
const status = document.querySelector("[data-pp-search-status]");
const list = document.querySelector("[data-pp-search-results]");
/* The latest 版 of every plan is one index (the default; on a large portal it is split
   into parts, all merged). Each frozen 版 has its own small index, built once when it is
   published; including archived 版 merges those of the chosen plan (or of all plans
   while there are few), so publishing a new 版 never re-indexes the old ones. */
const root = new URL(form.getAttribute("data-root"), location.href);
const MAX_MERGED = Number(form.getAttribute("data-max-merged"));
const LANGUAGE = form.getAttribute("data-language");   /* the index's (build/search_words.py) */
const engines = {};
const wordLists = new Map();
let bundleList = null;

async function bundles() {
  if (!bundleList) {
    const response = await fetch(new URL(form.getAttribute("data-bundles"), location.href));
    bundleList = await response.json();
  }
  return bundleList;
}

/* With several parts, the lists are split so a plan's search reads lists of its own size:
   search-bundles.json has each part's plan ids, search/part-<n>.json a part's plans (names)
   and archived 版, search/plans.json every plan's name (for the plan-name scope). */
const lists = new Map();
function fetchList(name) {
  if (!lists.has(name)) {
    lists.set(name, fetch(new URL(name, new URL(form.querySelector("[data-lists]").dataset.lists, location.href)))
      .then((r) => { if (!r.ok) { throw new Error(r.status); } return r.json(); }));
  }
  return lists.get(name);
}

/* The plan `id` with its part's index and its archived 版, or null when it is not one of ours. */
async function planEntry(id) {
  const list = await bundles();
  const number = (list.parts || []).findIndex((ids) => ids.includes(id)) + 1;
  if (!number) { return null; }
  const part = await fetchList("part-" + number + ".json");
  const plan = part.plans.find((p) => p.id === id);
  return plan ? { ...plan, bundle: part.bundle, archives: part.archives.filter((b) => b.plan === id) } : null;
}

/* The archived 版 bundles to merge: a plan's, or every plan's (null when they are too many). */
async function archivedBundles(plan) {
  const list = await bundles();
  if (!list.parts) {
    const chosen = list.archives.filter((b) => !plan || b.plan === plan);
    return chosen.length > MAX_MERGED ? null : chosen;
  }
  if (plan) { return (await planEntry(plan)).archives; }
  if (list.archived > MAX_MERGED) { return null; }
  const parts = await Promise.all(list.parts.map((ids, n) => fetchList("part-" + (n + 1) + ".json")));
  return parts.flatMap((part) => part.archives);
}

/* Returns the engine for the options ({instance, bundles: their addresses}), or null when
   the archived bundles to merge would be too many (the reader is asked to choose a plan). */
async function engine(archived, plan, alone) {
  const list = await bundles();
  /* `alone`: the plan's own part is the instance's index (it carries its wasm), no other
     part is merged, and only the plan's pages are kept (their `plan` filter). */
  let merged = alone ? [] : list.latest.slice();
  if (archived) {
    const chosen = await archivedBundles(plan);
    if (!chosen) { return null; }
    merged = merged.concat(chosen.map((b) => b.bundle));
  }
  const key = (alone ? "plan:" : "all:") + (archived ? "archived:" + plan : "latest");
  if (!engines[key]) {
    const loader = new URL(form.getAttribute("data-bundle"), location.href);
    const base = alone ? new URL((await planEntry(plan)).bundle, root) : loader;
    const filter = alone ? { plan: [plan] } : {};
    const pagefind = await import(new URL("pagefind.js", loader).href);
    /* Pagefind takes the index's language from the page's <html lang> when the instance is
       made (its own `language` option is overridden): for that one synchronous call it is
       the index's, so Pagefind searches our words as they are instead of re-cutting them. */
    const page = document.documentElement, pageLanguage = page.lang;
    let instance;
    page.lang = LANGUAGE;
    try {
      instance = pagefind.createInstance({ basePath: base.pathname, baseUrl: root.pathname, excerptLength: 30 });
    } finally {
      page.lang = pageLanguage;
    }
    for (const bundle of merged) {   /* a plan's frozen 版 are all its own: marked as the plan's */
      await instance.mergeIndex(new URL(bundle, root).pathname,
        alone ? { baseUrl: root.pathname, mergeFilter: { plan } } : { baseUrl: root.pathname });
    }
    const search = alone ? { search: (term) => instance.search(term, { filters: filter }) } : instance;
    engines[key] = { instance: search, bundles: [base.href, ...merged.map((b) => new URL(b, root).href)] };
  }
  return engines[key];
}

/* The search scope of a portal of several parts (null otherwise): "plan", "plans", "all". */
const scopeBox = form.querySelector("[data-pp-search-scope]");
const planLabel = scopeBox && scopeBox.querySelector("[data-pp-search-scope-plan]");

function scope() {
  return scopeBox ? form.elements.scope.value : null;
}

/* Show the plan choice for `id` (or hide it) and select `kind`. */
async function setScope(kind, id) {
  const entry = id ? await planEntry(id) : null;
  form.elements.plan.value = entry ? entry.id : "";
  planLabel.hidden = !entry;
  if (entry) {
    planLabel.querySelector("span").textContent = scopeBox.dataset.planTemplate.replace("{plan}", entry.name);
  }
  form.elements.scope.value = kind === "plan" && !entry ? "plans" : kind;
}

/* The plan of the page the reader came from (its search box), if it is one of this site's. */
function referringPlan() {
  if (!document.referrer) { return ""; }
  const from = new URL(document.referrer);
  if (from.origin !== root.origin || !from.pathname.startsWith(root.pathname)) { return ""; }
  return decodeURIComponent(from.pathname.slice(root.pathname.length).split("/")[0]);
}

/* The plan names matching every run of the query, in the portal's order. */
async function matchingPlans(query) {
  const runs = query.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
  return (await fetchList("plans.json")).filter((plan) => {
    const name = (plan.name + " " + plan.id).normalize("NFKC").toLowerCase();
    return runs.every((run) => name.includes(run));
  });
}

function showPlans(plans) {
  for (const plan of plans) {
    const item = element("li", "pp-search-result");
    const heading = element("h2", "pp-search-result__title");
    const link = element("a", "", plan.name);
    link.href = new URL(plan.id + "/", root).href;
    heading.append(link);
    const button = element("button", "pp-search__in-plan", list.dataset.inPlan);
    button.type = "button";
    button.addEventListener("click", async () => {
      await setScope("plan", plan.id);
      await run();
      const first = list.querySelector("a");
      if (first) { first.focus(); }
    });
    item.append(heading, button);
    list.append(item);
  }
}

async function search(chosen, query) {
  const pages = await findPages(chosen.instance, query, chosen.bundles, wordLists);
  return pages.map((page) => page.result);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text) { node.textContent = text; }
  return node;
}

/* When the latest 版 find little, say how many more pages the earlier 版 have, with one
   button that includes them. */
const FEW = 3;
const hint = document.querySelector("[data-pp-search-archived]");
const hintText = hint.querySelector("[data-pp-search-archived-text]");
const hintButton = hint.querySelector("button");

async function offerArchived(token, query, plan, latestCount, alone) {
  const chosen = await engine(true, plan, alone);
  if (!chosen || token !== latestRun) { return; }
  const extra = (await search(chosen, query)).length - latestCount;
  if (token !== latestRun || extra <= 0) { return; }
  hintText.textContent = hint.dataset.template.replace("{count}", extra);
  hintButton.textContent = hint.dataset.button.replace("{count}", extra);
  hint.hidden = false;
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
  excerpt.innerHTML = joinedExcerpt(result.excerpt);   /* Pagefind's excerpt: escaped page text with <mark> */
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
  const kind = scope();
  const plan = form.elements.plan && kind !== "all" && kind !== "plans" ? form.elements.plan.value : "";
  const params = new URLSearchParams();
  if (query) { params.set("q", query); }
  if (archived) { params.set("archived", "1"); }
  if (plan) { params.set("plan", plan); }
  if (kind === "all") { params.set("scope", "all"); }
  history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
  list.replaceChildren();
  more.hidden = true;
  hint.hidden = true;
  pending = [];
  if (!query) { status.textContent = ""; return; }
  try {
    if (kind === "plans") {
      const plans = await matchingPlans(query);
      if (token !== latestRun) { return; }
      status.textContent = (plans.length ? list.dataset.plansFound : list.dataset.plansNone).replace("{count}", plans.length);
      showPlans(plans);
      return;
    }
    const chosen = await engine(archived, plan, kind === "plan");
    if (!chosen) { status.textContent = status.dataset.choosePlan; return; }
    const results = await search(chosen, query);
    if (token !== latestRun) { return; }
    const total = results.length;
    status.textContent = (total ? status.dataset.found : status.dataset.none).replace("{count}", total);
    pending = results.slice();
    await showMore(token, total, false);
    if (!archived && total < FEW) { await offerArchived(token, query, plan, total, kind === "plan"); }
  } catch (error) {
    status.textContent = status.dataset.error;
  }
}

const initial = new URLSearchParams(location.search);
form.elements.q.value = initial.get("q") || "";
form.elements.archived.checked = initial.get("archived") === "1";
if (scopeBox) {
  /* ?scope=all: every plan; ?plan=<id>: that plan; else the plan of the page the reader
     came from; else the plan names. */
  const all = initial.get("scope") === "all";
  try {
    const plan = initial.get("plan") || (all ? "" : referringPlan());
    await setScope(all ? "all" : "plan", plan);
  } catch (error) {   /* the list of indexes did not load: the search says so when run */
    form.elements.scope.value = all ? "all" : "plans";
  }
  for (const radio of form.elements.scope) { radio.addEventListener("change", run); }
} else if (form.elements.plan) {
  form.elements.plan.value = initial.get("plan") || "";
  form.elements.plan.addEventListener("change", run);
}
form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
form.elements.archived.addEventListener("change", run);
hintButton.addEventListener("click", () => {
  form.elements.archived.checked = true;
  run().then(() => { const first = list.querySelector("a"); if (first) { first.focus(); } });
});
more.addEventListener("click", () => {
  showMore(latestRun, list.children.length + pending.length, true).catch(() => { status.textContent = status.dataset.error; });
});
if (form.elements.q.value) { run(); }
