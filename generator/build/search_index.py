"""Pagefind search bundles for built pages (run after the HTML is written).

Pagefind writes a chunked index: a browser downloads only the chunks a query needs, so
search stays cheap however large the site. Japanese text is cut into words by our analyser
before Pagefind sees it (search_words.py), so the search page can cut a query the same way.

The latest 版 of the plans is indexed by part (a few plans each, load/parts.py): site/
pagefind/ for the first part, pagefind-2/, … for the others, each cached under a key of
its plans' latest 版, so a new 版 re-indexes only its own part. Each frozen 版 has one
small bundle (<plan>/v/<id>/pagefind/), built once with that 版's pages and cached with
them: publishing a new 版 never re-indexes the old ones.

On a portal of one part the search page searches it all. When there are several, a plan's
search loads only its own part, so a query costs the same however large the portal: each
part then carries the wasm runtime (searched alone, it is the instance's own index) and
marks every page with a `plan` filter (added to what Pagefind reads, not to the page), so
the results are the plan's. Searching every plan merges the parts; archived 版 merge the
frozen bundles.

All bundles of one call are written by one Pagefind service process (`pagefind --service`),
because loading its Japanese dictionary takes about a second. Pages are added with
explicit URLs in a sorted order, so a bundle depends only on its pages, not on where the
build ran. We talk to the service with the small synchronous client below rather than
the pagefind package's asyncio client, which sleeps 0.1 s before reading each reply
(ten pages a second).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path

from generator.build.search_words import WORDS_FOLDER, segmented, write_words
from generator.pages import urls


class SearchIndexError(Exception):
    pass


MARKER = b"data-pagefind-body"
LATEST = b'data-planpub-edition="latest"'
LATEST_BUNDLE = "pagefind/"
# The files a merged (secondary) bundle needs; the primary also needs the loader and wasm.
DATA_FILES = ("pagefind-entry.json", "index", "fragment", "filter", WORDS_FOLDER)
WORKER = "pagefind-worker.js"
LOADER_FILES = ("pagefind.js", WORKER)


@dataclass
class Bundle:
    output: Path                     # the bundle folder to (re)write
    pages: list[tuple[str, Path]]    # (site-relative page URL, its index.html)
    primary: bool = False            # the bundle the search page loads first
    split: bool = False              # a part of several: searched alone, filtered by plan


def searchable(path: Path, latest_only: bool = False) -> bool:
    content = path.read_bytes()
    return MARKER in content and (not latest_only or LATEST in content)


def pages_under(site_dir: Path, folder: str, latest_only: bool = False,
                skip: tuple[str, ...] = ()) -> list[tuple[str, Path]]:
    """The searchable pages below `folder` of a built site, as (URL, file), sorted;
    `skip` names subfolders of `folder` not to read at all."""
    root = site_dir / folder
    skipped = [root / name for name in skip]
    found = []
    for path in sorted(root.rglob("index.html")) if root.exists() else []:
        if any(path.is_relative_to(folder) for folder in skipped):
            continue
        if searchable(path, latest_only):
            found.append((path.parent.relative_to(site_dir).as_posix() + "/", path))
    return found


def write_bundles(bundles: list[Bundle], threads: int = 1, service: "PagefindService | None" = None) -> None:
    """Write every bundle that has pages (with `service`, or a service of its own);
    bundles without pages are removed."""
    todo = [b for b in bundles if b.pages]
    for bundle in bundles:
        shutil.rmtree(bundle.output, ignore_errors=True)
    if not todo:
        return
    if service is None:
        with PagefindService(threads) as own:
            _write(own, todo)
    else:
        _write(service, todo)


PIPELINE = 64   # requests sent before reading their replies (a pipe holds that many replies)
BODY_END = "<!--/pagefind-body-->"


def _write(service: "PagefindService", bundles: list[Bundle]) -> None:
    for bundle in bundles:
        index_id = service.request({"type": "NewIndex", "config": None})["index_id"]
        pages = sorted(bundle.pages)
        pages_per_word: Counter = Counter()
        for start in range(0, len(pages), PIPELINE):
            requests = []
            for url, path in pages[start:start + PIPELINE]:
                plan = url.split("/", 1)[0] if bundle.split else None
                contents, words = segmented(indexed_part(path.read_text(encoding="utf-8"), plan))
                pages_per_word.update(words)
                requests.append({"type": "AddFile", "index_id": index_id, "file_path": None, "url": "/" + url,
                                 "file_contents": contents})
            service.pipeline(requests)
        scratch = bundle.output.with_name(bundle.output.name + ".writing")
        shutil.rmtree(scratch, ignore_errors=True)
        try:
            service.request({"type": "WriteFiles", "index_id": index_id, "output_path": str(scratch)})
            service.request({"type": "DeleteIndex", "index_id": index_id})
            _keep_needed(scratch, bundle.primary, bundle.split)
            write_words(scratch, pages_per_word)
            scratch.rename(bundle.output)
        finally:  # never leave a half-written bundle beside the pages
            shutil.rmtree(scratch, ignore_errors=True)


def indexed_part(html: str, plan: str | None = None) -> str:
    """Only what Pagefind reads from a page: the <html> tag (its language) and the
    data-pagefind-body element; the layout around it is a third of the bytes to parse.
    With `plan`, the body starts with that plan's filter value."""
    start, end = html.find("<div data-pagefind-body"), html.find(BODY_END)
    opening = html.find("<html")
    if start < 0 or end < start or opening < 0:
        return html
    body = html[start:end]
    if plan is not None:
        inside = body.index(">") + 1
        body = body[:inside] + f'<span data-pagefind-filter="plan:{escape(plan)}"></span>' + body[inside:]
    return html[opening: html.index(">", opening) + 1] + "<body>" + body + "</body></html>"


_shared: "PagefindService | None" = None


def shared_service(threads: int = 1) -> "PagefindService":
    """One service for every bundle this process writes. It also ends by itself when the
    process ends (its input closes), which matters for worker processes."""
    global _shared
    if _shared is None:
        _shared = PagefindService(threads).__enter__()
    return _shared


def _forget_shared_service() -> None:
    global _shared
    _shared = None


# A forked worker starts its own service: the one its parent may hold talks to the parent.
os.register_at_fork(after_in_child=_forget_shared_service)


def close_shared_service() -> None:
    global _shared
    if _shared is not None:
        _shared.__exit__(None, None, None)
        _shared = None


class PagefindService:
    """`pagefind --service`: base64 JSON requests and replies, each followed by a comma."""

    def __init__(self, threads: int):
        from pagefind.service import get_executable

        self.executable = get_executable()
        if self.executable is None:
            raise SearchIndexError("the pagefind binary is not installed")
        self.env = dict(os.environ, RAYON_NUM_THREADS=str(max(1, threads)))
        self.next_id = 0
        self.buffer = b""

    def __enter__(self) -> "PagefindService":
        self.process = subprocess.Popen([str(self.executable), "--service"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=self.env)
        return self

    def __exit__(self, *exc) -> None:
        self.process.stdin.close()
        self.process.terminate()
        self.process.wait()

    def request(self, payload: dict) -> dict:
        return self.pipeline([payload])[0]

    def pipeline(self, payloads: list[dict]) -> list[dict]:
        """Send several requests, then read their replies (in order)."""
        first = self.next_id + 1
        for payload in payloads:
            self.next_id += 1
            message = {"message_id": self.next_id, "payload": payload}
            self.process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self.process.stdin.flush()
        answers = []
        for expected in range(first, self.next_id + 1):
            reply = self._read_reply()
            answer = reply.get("payload") or {}
            if answer.get("type") == "Error" or reply.get("message_id") != expected:
                raise SearchIndexError(answer.get("message") or "unexpected reply from pagefind")
            answers.append(answer)
        return answers

    def _read_reply(self) -> dict:
        while b"," not in self.buffer:  # base64 never contains a comma
            chunk = self.process.stdout.read1(65536)
            if not chunk:
                raise SearchIndexError("pagefind stopped unexpectedly")
            self.buffer += chunk
        reply, _, self.buffer = self.buffer.partition(b",")
        return json.loads(base64.b64decode(reply))


def _keep_needed(bundle: Path, primary: bool, split: bool = False) -> None:
    """Drop Pagefind's ready-made UI files (the search page has its own) and, in merged
    bundles, the loader, worker and wasm that only the primary bundle's instance uses (a
    part of several keeps the worker and wasm: a plan's search makes its own instance on it,
    the loader module comes from the first part)."""
    for entry in list(bundle.iterdir()):
        name = entry.name
        needed = (name in DATA_FILES or name.endswith(".pf_meta")
                  or (primary and name in LOADER_FILES)
                  or ((primary or split) and (name == WORKER or name.startswith("wasm."))))
        if not needed:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def part_bundle(root: Path, number: int, pages: list[tuple[str, Path]], split: bool = False) -> Bundle:
    """The search index of one part's latest 版, written below `root`; `split`: one of
    several parts."""
    return Bundle(root / urls.latest_bundle_part(number), sorted(pages), primary=number == 1, split=split)


def plan_latest_pages(site_dir: Path, plan_id: str) -> list[tuple[str, Path]]:
    """Searchable pages at a plan's stable address (not its frozen 版 or diffs)."""
    return pages_under(site_dir, plan_id, latest_only=True, skip=(urls.VERSIONS, urls.COMPARE))


def index_whole_site(site_dir: Path, parts: list[list[str]], frozen_bases: list[str], threads: int = 1) -> list[str]:
    """Index a site built in one go (the preview): each part's latest 版 (`parts`: the plan
    ids of each), then one bundle per frozen 版. Returns the further parts of the latest
    index (for search-bundles.json)."""
    site_dir = Path(site_dir)
    latest = [part_bundle(site_dir, number, [page for plan_id in plan_ids
                                            for page in plan_latest_pages(site_dir, plan_id)], len(parts) > 1)
              for number, plan_ids in enumerate(parts, start=1)]
    frozen = [Bundle(site_dir / base / "pagefind", pages_under(site_dir, base)) for base in frozen_bases]
    write_bundles(latest + frozen, threads)
    return [urls.latest_bundle_part(number) for number in range(2, len(parts) + 1)]
