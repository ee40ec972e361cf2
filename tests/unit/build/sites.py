"""Small built sites for the build unit tests: index.html files as the layout writes them."""

from __future__ import annotations

from pathlib import Path

from generator.pages import urls


def page_html(body: str, latest: bool = True, searchable: bool = True) -> str:
    edition = ' data-planpub-edition="latest"' if latest else ""
    marker = f"<div data-pagefind-body{edition}>{body}</div><!--/pagefind-body-->" if searchable else body
    return f'<!doctype html><html lang="ja"><head><title>t</title></head><body><nav>menu</nav>{marker}</body></html>'


def write_page(site: Path, address: str, html: str) -> Path:
    path = site / urls.page_file(address)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path
