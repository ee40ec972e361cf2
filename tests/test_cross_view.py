"""One fact, every view (issue 17): for plans of many shapes (tests/plan_strategies.py, with
sub-items and a later 版 whose document leaves fields out) and the pattern fixtures, every
stated fact of every initiative reads the same (normalised text) on its page, its card, its
department and theme views, the KPI list, the print page, its open-data rows and its search
record; a fact a 版 does not state appears in none of that 版's views; no view says 「記載なし」
for a field the plan does not use; no initiative summary shows a 期間 no document states.

The expected facts come from the documents themselves (the raw snapshots, and at the stable
address the last earlier 版 that states a field the latest 版 `omits`), not from the resolved
layer the views render, so the test checks that layer too.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field, replace
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.adapters.cli.diff import find_content, format_diff
from generator.i18n import msg, set_language
from generator.load.loader import stage_facts
from generator.model import fiscal
from generator.model.diff import diff_contents
from generator.model.versions import order_versions
from generator.model.fields import Kind
from generator.model.markup import plain_line, plain_text
from generator.model.plan import Initiative, PlanContent, Text, Version
from generator.model.resolved.labels import plan_scope
from generator.pages import urls
from generator.pages.builder import build_pages
from generator.pages.changes import stage_namer
from generator.pages.files import plan_files
from generator.pages.editions import plan_editions, unique
from generator.pages.kinds import PageKind
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .conftest import FIXTURES
from .plan_strategies import plan_shapes, write_plan

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NOT_STATED = "記載なし"
CARRIED = "前の版の資料による"
# Fields a later 版 may leave to an earlier document (release.yml `omits`), as the drawn plans use them.
OMITTABLE = ["departments", "purpose", "current", "ideal", "overview", "schedule", "annual_goals", "progress",
             "kpis", "notes", "activities"]


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ── reading the views ────────────────────────────────────────────────────────────────────

class _Elements(HTMLParser):
    """The text of every element `wanted(tag, attrs)` selects (nested ones too), optionally
    leaving out subtrees marked data-pagefind-ignore (what the search index leaves out)."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "rect", "circle", "line",
            "polyline", "polygon", "path"}

    def __init__(self, wanted, skip_ignored: bool = False):
        super().__init__(convert_charrefs=True)
        self.wanted, self.skip_ignored = wanted, skip_ignored
        self.open: list[list] = []        # [tag, collecting into (list of texts) or None, ignored]
        self.found: list[tuple[dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        ignored = (self.skip_ignored and "data-pagefind-ignore" in attrs) or any(o[2] for o in self.open)
        texts = None
        if self.wanted(tag, attrs):
            texts = []
            self.found.append((attrs, texts))
        self.open.append([tag, texts, ignored])

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if self.open and self.open[-1][2]:
            return
        for _, texts, _ in self.open:
            if texts is not None:
                texts.append(data)


def elements(html: str, wanted, skip_ignored: bool = False) -> list[tuple[dict, str]]:
    parser = _Elements(wanted, skip_ignored)
    parser.feed(html)
    return [(attrs, norm("".join(texts))) for attrs, texts in parser.found]


def text_of(html: str, skip_ignored: bool = False) -> str:
    return elements(html, lambda tag, attrs: tag == "div" and "data-pagefind-body" in attrs, skip_ignored)[0][1] \
        if skip_ignored else norm(re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&"))


def definitions(html: str) -> list[tuple[str, str]]:
    """(dt, dd) pairs of every definition list, in order."""
    pairs, term = [], None
    for tag, body in re.findall(r"<(dt|dd)\b[^>]*>(.*?)</\1>", html, re.S):
        if tag == "dt":
            term = text_of(body)
        elif term is not None:
            pairs.append((term, text_of(body)))
    return pairs


def csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


# ── what the documents state ─────────────────────────────────────────────────────────────

@dataclass
class Facts:
    """What the document(s) behind one edition state about one item, as plain strings."""

    title: str
    texts: list[str] = field(default_factory=list)          # prose, per-year texts, activity names, own fields
    departments: list[str] = field(default_factory=list)
    theme: str | None = None
    status: tuple[str, int] | None = None                    # (name, fiscal year)
    progress: tuple[str, int] | None = None                  # latest progress text with a text (name, fiscal year)
    kpis: list[tuple[str, str]] = field(default_factory=list)   # (id, name)
    carried: dict[str, str] = field(default_factory=dict)    # field key → the 版 it comes from
    children: list["Facts"] = field(default_factory=list)
    id: str = ""


def _text_items(value) -> list[str]:
    return [plain_text(item) for item in value.items] if isinstance(value, Text) and value else []


def _value_strings(registry_field, value) -> list[str]:
    kind = registry_field.kind
    if kind is Kind.TEXT:
        return _text_items(value)
    if kind is Kind.YEAR_TEXTS:
        return [s for text in value.values() for s in _text_items(text)]
    if kind is Kind.PROGRESS:
        return [s for progress in value.values() for s in _text_items(progress.text)]
    if kind is Kind.ACTIVITIES:
        return [plain_line(a.name) for a in value]
    if kind is Kind.LABEL and registry_field.custom:
        return [plain_line(value)]
    return []


def _older(plan, version: Version, item_id: str, key: str, earlier: list[Version]):
    """(value, 版) of the last earlier 版 that states the field for the item (the oracle of carrying)."""
    for older_version in reversed(earlier):
        content = plan.snapshots[older_version.id]
        found = next((i for top in content.initiatives for i in top.walk() if i.id == item_id), None)
        if found is not None and key in content.fields and content.fields[key].value(found):
            return content.fields[key].value(found), older_version
    return None, None


def facts_of(plan, version: Version, content: PlanContent, item: Initiative, latest: bool,
             earlier: list[Version]) -> Facts:
    facts = Facts(plain_line(item.title), id=item.id)
    for registry_field in content.fields:
        value = registry_field.value(item)
        if not value and latest and registry_field.change_key in version.omits:
            value, source = _older(plan, version, item.id, registry_field.key, earlier)
            if value:
                facts.carried[registry_field.key] = source.id
        if not value:
            continue
        facts.texts += _value_strings(registry_field, value)
        if registry_field.key == "departments":
            facts.departments = list(value)
        elif registry_field.key == "theme":
            facts.theme = content.theme(value).display_name
        elif registry_field.key == "kpis":
            facts.kpis = [(k.id, plain_line(k.name)) for k in value]
        elif registry_field.key == "progress":
            facts.status = Initiative.latest_of(value)
            facts.status = (facts.status[1], facts.status[0]) if facts.status else None
            with_text = next(((fy, p) for fy, p in sorted(value.items(), reverse=True) if p.text), None)
            facts.progress = (plain_text(with_text[1].text.items[0]), with_text[0]) if with_text else None
    facts.children = [facts_of(plan, version, content, child, latest, earlier) for child in item.items]
    return facts


# ── the check ────────────────────────────────────────────────────────────────────────────

def _fy(fy: int) -> str:
    return fiscal.fy_short(fy, "ja")


def check_plan(site, plan, renderer: Renderer) -> None:
    pages = {page.url: page for page in build_pages(site)}
    rendered: dict[str, str] = {}

    def html(url: str) -> str:
        if url not in rendered:
            rendered[url] = renderer.render(pages[url])
        return rendered[url]

    check_stage_facts(site, plan, pages, html)
    for edition in unique(plan_editions(plan)):
        content, version = edition.content, edition.version
        ids = [v.id for v in plan.snapshot_versions]
        earlier = plan.snapshot_versions[: ids.index(version.id)]
        labels = plan_scope(content.fields)
        used_labels = {labels.label(f) for f in content.fields} | \
            ({msg("ui.status")} if "progress" in content.fields else set()) | \
            {name for owner in [*content.all_themes(), *(i for top in content.initiatives for i in top.walk())]
             for key, name in owner.labels.items() if key in content.fields}   # a chapter's or item's own names
        unused = [f for f in ("departments", "progress") if f not in content.fields]
        index = html(edition.url(PageKind.INITIATIVES))
        cards = {attrs["href"].rstrip("/").rsplit("/", 1)[-1]: card for attrs, card in _cards(index)}
        dept_url = edition.url(PageKind.DEPARTMENTS)
        assert (dept_url in pages) == ("departments" in content.fields), dept_url
        departments = html(dept_url) if dept_url in pages else ""
        kpi_rows = {re.search(r'href="#kpi-([^"]+)"', row).group(1): text_of(row)
                    for row in re.findall(r"<tr data-judgement.*?</tr>", html(edition.url(PageKind.KPI)), re.S)}
        print_page = html(edition.url(PageKind.PRINT))
        data = pages[edition.url(PageKind.DATA)].context.data_files
        initiatives_csv = {r["initiative_id"]: r for r in csv_rows(data["initiatives.csv"])}
        schedule_csv, kpis_csv = csv_rows(data["schedule.csv"]), csv_rows(data["kpis.csv"])
        texts_csv, carried_csv = csv_rows(data["initiative_texts.csv"]), csv_rows(data["carried_values.csv"])
        departments_csv = csv_rows(data["initiative_departments.csv"]) if "departments" in content.fields else []
        for unused_key in unused:   # a field the plan does not use is shown nowhere, not even as 記載なし
            word = msg("ui.status") if unused_key == "progress" else msg(f"ui.fields.{unused_key}")
            if word not in used_labels:
                assert word not in norm(index) and word not in norm(departments), (edition.base, word)
        if "theme" not in content.fields:   # no 「テーマ: 記載なし」 group on the index of a plan without themes
            assert all(NOT_STATED not in text_of(h) for h in re.findall(r"<h2.*?</h2>", index, re.S)), edition.base

        for initiative in content.initiatives:
            facts = facts_of(plan, version, content, initiative, edition.is_latest, earlier)
            page = html(edition.url(PageKind.INITIATIVE, initiative.id))
            page_text, search = text_of(page), text_of(page, skip_ignored=True)
            article = elements(print_page, lambda tag, attrs: tag == "article" and
                               attrs.get("aria-labelledby") == f"i-{initiative.id}")[0][1]
            card = cards[initiative.id]
            where = f"{edition.base} {initiative.id}"

            summary = elements(page, lambda tag, attrs: tag == "section" and "pp-summary" in attrs.get("class", ""))
            assert not summary or "期間" not in summary[0][1], where           # no computed period
            for term, value in definitions(page) + definitions(index):           # 記載なし only for used fields
                if value == NOT_STATED:
                    assert term in used_labels, (where, term)

            for item in _walk(facts):
                for view, text in (("page", page_text), ("print", article), ("search", search)):
                    for fact in [item.title, *item.texts, *item.departments, *(name for _, name in item.kpis)] + \
                            ([item.theme] if item.theme else []):
                        assert norm(fact) in text, (where, view, item.id, fact)
                    if item.status:
                        assert norm(item.status[0]) in text, (where, view, item.status)
                row = initiatives_csv[item.id]
                assert row["title"] == item.title, (where, "csv")
                if "departments" in content.fields:
                    assert [r["department"] for r in departments_csv if r["initiative_id"] == item.id] == \
                        list(item.departments), (where, "csv departments")
                for fact in item.texts:
                    assert norm(fact) in norm(" ".join(row.values()) + " ".join(
                        r["text"] for r in schedule_csv + texts_csv if r["initiative_id"] == item.id)), \
                        (where, "csv", fact)
                for kpi_id, name in item.kpis:
                    assert any(r["kpi_id"] == kpi_id and r["kpi_name"] == name and r["initiative_id"] == item.id
                               for r in kpis_csv), (where, name)
                    assert norm(name) in kpi_rows[kpi_id], (where, "KPI list", name)
                    assert norm(item.title) in kpi_rows[kpi_id], (where, "KPI list names the item", name)
                for key, source in item.carried.items():                           # carried: said, with its 版
                    assert CARRIED in page_text, (where, key)
                    registry_field = content.fields[key]
                    assert [r["source_version"] for r in carried_csv
                            if r["initiative_id"] == item.id and r["field"] == key] == [source], (where, key)
                    if registry_field.csv_kind and registry_field.value is not None:
                        carried_rows = [r for r in schedule_csv if r["initiative_id"] == item.id
                                        and r["kind"] == registry_field.csv_kind]
                        assert carried_rows and all(r["source_version"] == source for r in carried_rows), (where, key)
                    if key == "kpis":
                        assert all(r["source_version"] == source for r in kpis_csv if r["initiative_id"] == item.id)

            # the card and the department list: the same facts as the page, in the same words
            for fact in [facts.title, *facts.departments] + ([facts.theme] if facts.theme else []) + \
                    [name for _, name in facts.kpis[:1]]:
                assert norm(fact) in card, (where, "card", fact)
            if facts.status:
                assert norm(f"{facts.status[0]}（{_fy(facts.status[1])}）") in card, (where, "card status")
            elif facts.progress and "progress" in content.fields:
                assert norm(f"{facts.progress[0]}（{_fy(facts.progress[1])}）") in card, (where, "card progress")
                assert norm(facts.progress[0]) in page_text
            if "departments" in content.fields:
                for name in facts.departments or [None]:
                    group = _department_group(departments, name)
                    assert norm(facts.title) in group, (where, "department view", name)
                    if facts.status:
                        assert norm(f"{facts.status[0]}（{_fy(facts.status[1])}）") in group
            if facts.theme:   # the theme view: the card under its theme's heading
                assert norm(facts.title) in _theme_group(index, facts.theme), (where, "theme view")
            if "departments" in facts.carried:
                assert CARRIED in card, (where, "card says carried")


# ── the 版 themselves: names, dates and stage facts in every view that shows them ─────────

STAGE_TERMS = {"public_comment": "意見募集（パブリックコメント）の期間", "excludes": "意見募集の対象外",
               "next_stage": "次の段階（予定）", "next_stage_date": "次の段階の予定時期"}
UNDATED = "時期の記載なし"


def _day(value: str | None) -> str:
    return fiscal.date_label(value) if value else NOT_STATED


def _stage(site, stage_id: str) -> str:
    found = site.version_status(stage_id)
    return found.name if found else stage_id


def stated_stage(site, version: Version) -> dict[str, str]:
    """A 版's stage facts as its document states them, each as one line of text."""
    facts, comment, following = {}, version.public_comment, version.next_stage
    if comment is not None and (comment.start or comment.end):
        facts["public_comment"] = f"{_day(comment.start)}～{_day(comment.end)}"
    if comment is not None and comment.excludes:
        facts["excludes"] = "".join(plain_text(item) for item in comment.excludes.items)
    if following is not None:
        facts["next_stage"] = _stage(site, following.status)
        facts["next_stage_date"] = fiscal.date_label(following.date) if following.date else UNDATED
    return facts


def shown_stage(stated: dict[str, str]) -> list[tuple[str, str]]:
    """The (term, value) pairs a page's definition list gives those facts (the stage planned
    next and its date in one line)."""
    pairs = [(norm(STAGE_TERMS[key]), norm(stated[key])) for key in ("public_comment", "excludes") if key in stated]
    if "next_stage" in stated:
        date = stated["next_stage_date"]
        pairs.append((norm(STAGE_TERMS["next_stage"]),
                      norm(f"{stated['next_stage']}（{date if date == UNDATED else date + '予定'}）")))
    return pairs


def _stage_pairs(html: str) -> list[tuple[str, str]]:
    terms = {norm(t) for k, t in STAGE_TERMS.items() if k != "next_stage_date"}
    return [(term, value) for term, value in definitions(html) if term in terms]


def _without_announcements(html: str) -> str:
    return re.sub(r'<span class="pp-sr">.*?</span>', "", html)


def check_stage_facts(site, plan, pages: dict, html) -> None:
    """Each 版 — frozen, or known only from history.yml, with or without a number — reads the
    same on the revision history, its own home page, the feed, versions.csv, plan.json, and
    where two 版 differ in stage facts, on the compare page and in `planpub diff`."""
    versions = {v.id: v for v in plan.versions}
    stated = {v.id: stated_stage(site, v) for v in plan.versions}
    for edition in unique(plan_editions(plan)):
        where, version = edition.base, edition.version
        revisions = html(edition.url(PageKind.REVISIONS))
        entries = dict(re.findall(r'<li id="version-([^"]+)">(.*?)</li>\s*(?=<li id="version-|</ol>)', revisions, re.S))
        if edition.is_latest:
            assert set(entries) == set(versions), (where, "revision history lists every 版")
        for version_id, entry in entries.items():
            known = versions[version_id]
            heading = text_of(re.search(r"<h2>(.*?)</h2>", entry, re.S).group(1))
            assert heading == norm(known.name), (where, version_id, heading)
            assert norm(f"{msg('ui.published_on')}:{_day(known.date)}") in text_of(entry), (where, version_id)
            assert _stage_pairs(entry) == shown_stage(stated[version_id]), (where, "revisions", version_id)
        home = html(edition.url(PageKind.PLAN_HOME))
        assert _stage_pairs(home) == shown_stage(stated[version.id]), (where, "home note")
        data = pages[edition.url(PageKind.DATA)].context.data_files
        rows = {r["version_id"]: r for r in csv_rows(data["versions.csv"])}
        assert set(rows) == set(entries), (where, "versions.csv lists the 版 the history page lists")
        for version_id, row in rows.items():
            known = versions[version_id]
            comment, following = known.public_comment, known.next_stage
            assert (row["label"], row["date"], row["status"]) == (known.label or "", known.date or "", known.status or "")
            assert (row["public_comment_start"], row["public_comment_end"], row["public_comment_excludes"]) == \
                ((comment.start or "", comment.end or "", stated[version_id].get("excludes", "")) if comment
                 else ("", "", "")), (where, "versions.csv", version_id)
            assert (row["next_stage"], row["next_stage_name"], row["next_stage_planned"]) == \
                ((following.status, stated[version_id]["next_stage"], following.date or "") if following
                 else ("", "", "")), (where, "versions.csv", version_id)
        plan_json = json.loads(data["plan.json"])["version"]
        comment, following = version.public_comment, version.next_stage
        assert plan_json.get("public_comment") == ({k: v for k, v in (
            ("start", comment.start), ("end", comment.end),
            ("excludes", list(comment.excludes.items) if comment.excludes else None)) if v} if comment else None), where
        assert plan_json.get("next_stage") == ({"status": following.status, "stage": stated[version.id]["next_stage"],
                                               **({"date": following.date} if following.date else {})}
                                              if following else None), where
    if plan.latest is not None:   # the feed: one entry per dated or released 版, by its name and its date
        feed = plan_files(plan, site, Renderer(), "https://example.jp")[urls.plan_feed(plan.id)].decode("utf-8")
        titles = [norm(unescape(t)) for t in re.findall(r"<entry>.*?<title[^>]*>(.*?)</title>", feed, re.S)]
        dated = [v for v in plan.versions if v.date or v.released]
        assert len(titles) == len(dated), (plan.id, "feed")
        for known in dated:
            assert any(norm(known.name) in title for title in titles), (plan.id, "feed", known.name)
            if known.date:
                assert f">{known.date}</dc:date>" in feed, (plan.id, "feed date", known.date)
    frozen = plan.snapshot_versions
    for old, new in zip(frozen, frozen[1:]):   # the compare page and `planpub diff` between two 版
        before, after = stated[old.id], stated[new.id]
        changed = [key for key in STAGE_TERMS if before.get(key) != after.get(key)]
        compare = _without_announcements(html(urls.compare(plan.id, old.id, new.id)))
        rows = {text_of(re.sub(r'<span class="pp-change-kind">.*?</span>', "", th)):
                [text_of(td) for td in tds] for th, tds in (
            (m.group(1), re.findall(r"<td[^>]*>(.*?)</td>", m.group(2), re.S))
            for m in re.finditer(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', compare, re.S))}
        old_content, old_name, _, old_version = find_content(plan, old.id, site)
        new_content, new_name, omits, new_version = find_content(plan, new.id, site)
        raw = format_diff(diff_contents(old_content, new_content, tuple(sorted(set(omits))),
                                        (old_version, new_version), stage_namer(site)),
                          old_name, new_name, old_content, new_content)
        text = norm(raw)
        # the same sections, with the same counts, in the same order
        sections = [text_of(h) for h in re.findall(r'<h2 id="(?:kind-\w+|plan-changes)">(.*?)</h2>', compare, re.S)]
        assert [norm(line[1:]) for line in raw.splitlines() if line.startswith("■")] == sections, (plan.id, "order")
        for key in STAGE_TERMS:
            term = norm(STAGE_TERMS[key])
            if key not in changed:
                assert term not in rows, (plan.id, "compare shows no unchanged stage fact", key)
                continue
            assert rows[term] == [norm(before.get(key, "—")), norm(after.get(key, "—"))], (plan.id, "compare", key)
            for value in (before.get(key), after.get(key)):
                assert value is None or norm(value) in text, (plan.id, "planpub diff", key, value)


def _walk(facts: Facts):
    yield facts
    for child in facts.children:
        yield from _walk(child)


def _cards(index: str):
    """(attrs of the card's title link, the card's text) of each card of the index."""
    found = []
    for match in re.finditer(r'<li class="pp-card".*?</li>', index, re.S):
        link = re.search(r'<a href="([^"]+)"', match.group(0))
        found.append(({"href": link.group(1)}, text_of(match.group(0))))
    return [(attrs, text) for attrs, text in found]


def _department_group(page: str, name: str | None) -> str:
    """The text of the department view's section for one department (None: those without)."""
    for match in re.finditer(r"<section aria-labelledby=\"dept-\d+\">.*?</section>", page, re.S):
        heading = text_of(re.search(r"<h2.*?</h2>", match.group(0), re.S).group(0))
        is_none = "記載がない取組" in heading
        if (name is None and is_none) or (name is not None and not is_none and heading.startswith(norm(name))):
            return text_of(match.group(0))
    raise AssertionError(f"no department group for {name}")


def _theme_group(index: str, theme_name: str) -> str:
    for match in re.finditer(r'<section class="pp-group".*?</section>', index, re.S):
        heading = text_of(re.search(r"<h2.*?</h2>", match.group(0), re.S).group(0))
        if heading.endswith(norm(theme_name)):
            return text_of(match.group(0))
    raise AssertionError(f"no theme group for {theme_name}")


# ── generated plans: a later 版 whose document leaves fields to the earlier one ──────────

MARK = "〔第1.0版〕"


def _mark(value, key_kind: Kind):
    """A value as the earlier 版 states it, marked so that a view showing it can be told apart."""
    if key_kind is Kind.TEXT:
        return Text(tuple(item + MARK for item in value.items), value.is_list)
    if key_kind is Kind.YEAR_TEXTS:
        return {fy: Text(tuple(i + MARK for i in text.items), text.is_list) for fy, text in value.items()}
    if key_kind is Kind.PROGRESS:
        return {fy: replace(p, text=Text(tuple(i + MARK for i in p.text.items), p.text.is_list) if p.text else None)
                for fy, p in value.items()}
    if key_kind is Kind.ACTIVITIES:
        return [replace(a, name=a.name + MARK) for a in value]
    return value


def _with(item: Initiative, fields, keys: list[str], change) -> Initiative:
    texts, values = dict(item.texts), {}
    for key in keys:
        registry_field = fields[key]
        if registry_field.in_texts:
            if key in texts:
                new = change(texts[key], registry_field.kind)
                texts.pop(key) if new is None else texts.__setitem__(key, new)
        elif not registry_field.custom:
            values[key] = change(getattr(item, key), registry_field.kind)
    children = [_with(child, fields, keys, change) for child in item.items]
    return replace(item, texts=texts, items=children,
                   **{k: (v if v is not None else _empty(fields[k].kind)) for k, v in values.items()})


def _empty(kind: Kind):
    return {Kind.YEAR_TEXTS: {}, Kind.PROGRESS: {}}.get(kind, [])


def two_versions(site, omitted: list[str], stages: list[dict] = ({}, {})):
    """The drawn plan as two frozen 版: 第1.0版 (every value of the omitted fields marked) and
    第2.0版, whose document leaves `omitted` out (and, without departments, its department list)."""
    plan = site.plans[0]
    working = plan.working
    keys = [k for k in omitted if k in working.fields]
    first = replace(working, initiatives=[_with(i, working.fields, keys, _mark) for i in working.initiatives])
    second = replace(working, initiatives=[_with(i, working.fields, keys, lambda value, kind: None)
                                           for i in working.initiatives],
                     departments=[] if "departments" in keys else working.departments)
    change_keys = tuple(working.fields[k].change_key for k in keys)
    versions = [Version("1.0", "第1.0版", label="1.0", date="2025-04", snapshot=True, **stage_facts(stages[0])),
                Version("2.0", "第2.0版", label="2.0", date="2025-10", snapshot=True, omits=change_keys,
                        released="2025-10-20T10:00:00+09:00", **stage_facts(stages[1]))]
    history = [v for v in plan.versions if not v.snapshot]    # 版 known from history.yml only
    site.plans = [replace(plan, versions=order_versions(history + versions), snapshots={"1.0": first, "2.0": second},
                          working=None)]
    return site.plans[0]


@SETTINGS
@given(shape=plan_shapes(sub_items=True, min_fields=10), omitted=st.lists(st.sampled_from(OMITTABLE), unique=True, max_size=4))
def test_every_fact_reads_the_same_in_every_view_of_generated_plans(tmp_path_factory, shape, omitted):
    content = write_plan(shape, tmp_path_factory.mktemp("plan"))
    set_language("ja")
    result = load_valid_site(content)
    assert not result.problems, [p.format() for p in result.problems]
    plan = two_versions(result.site, omitted, shape.stages)
    check_plan(result.site, plan, Renderer())
    frozen = {page.url: page for page in build_pages(result.site) if page.url.startswith(urls.edition_base("town", urls.EditionKind.FROZEN, "2.0"))}
    renderer = Renderer()
    for url, page in frozen.items():   # the frozen 版 shows exactly its own document: nothing carried
        if page.kind in (PageKind.INITIATIVE, PageKind.INITIATIVES, PageKind.PRINT, PageKind.KPI):
            assert MARK not in renderer.render(page) and CARRIED not in renderer.render(page), url
        if page.kind is PageKind.DATA:
            assert all(MARK.encode() not in data for data in page.context.data_files.values())


@pytest.mark.parametrize("plan_id", sorted(p.name for p in (FIXTURES / "patterns/plans").iterdir()))
def test_every_fact_reads_the_same_in_every_view_of_the_pattern_plans(plan_id):
    set_language("ja")
    result = load_valid_site(FIXTURES / "patterns")
    assert not result.problems
    site = result.site
    site.plans = [p for p in site.plans if p.id == plan_id]
    check_plan(site, site.plans[0], Renderer())


def test_the_cross_view_check_sees_a_view_that_disagrees(monkeypatch):
    """A card that drops a fact fails the check (so a passing check means something)."""
    set_language("ja")
    result = load_valid_site(FIXTURES / "patterns")
    site = result.site
    site.plans = [p for p in site.plans if p.id == "carried-sheets"]
    renderer = Renderer()
    render = renderer.render

    def dropping(page):
        out = render(page)
        return out.replace("情報政策課", "") if page.kind is PageKind.INITIATIVES else out
    monkeypatch.setattr(renderer, "render", dropping)
    with pytest.raises(AssertionError):
        check_plan(site, site.plans[0], renderer)


@pytest.mark.parametrize("kind", [PageKind.REVISIONS, PageKind.PLAN_HOME, PageKind.COMPARE])
def test_the_stage_fact_check_sees_a_view_that_disagrees(monkeypatch, kind):
    """A revision history, home note or compare page that drops what the consultation excluded
    fails the check (a draft with stage facts, then an adopted 版 without)."""
    set_language("ja")
    site = load_valid_site(FIXTURES / "patterns").site
    plan = next(p for p in site.plans if p.id == "draft-stages")
    draft = plan.snapshot_versions[-1]    # and the adopted plan after it, whose stage facts differ
    adopted = Version("2.0", "第2.0版", label="2.0", date="2024-02", snapshot=True)
    site.plans = [replace(plan, versions=[*plan.versions, adopted],
                          snapshots={**plan.snapshots, "2.0": plan.snapshots[draft.id]})]
    check_plan(site, site.plans[0], Renderer())   # every view agrees …
    renderer = Renderer()
    render = renderer.render
    monkeypatch.setattr(renderer, "render", lambda page: render(page).replace("第5章及び第6章は対象外", "")
                        if page.kind is kind else render(page))
    with pytest.raises(AssertionError):
        check_plan(site, site.plans[0], renderer)
