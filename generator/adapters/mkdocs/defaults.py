"""Settings for a content folder that has no mkdocs.yml beside it.

Staff who run `planpub build --content 〜/plans/content` from any folder should get a site,
not 「mkdocs.yml がありません」. The defaults: the site goes to site/ next to the content
folder, the cache to .planpub-cache/ there too, no public address (links are relative
anyway; canonical links and the 404 page's absolute links need site_url, set in a
mkdocs.yml of your own when you publish), the guide pages left out. The configuration is
written into the cache folder, since MkDocs reads its settings from a file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.i18n import msg

CACHE = ".planpub-cache"


def project_root(content_dir: Path) -> Path:
    """The folder that holds the content folder: where site/ and the cache go by default."""
    return content_dir.resolve().parent


def default_config(content_dir: Path) -> Path:
    """A mkdocs.yml for `content_dir` with the defaults above (rewritten only when it changes)."""
    root = project_root(content_dir)
    folder = root / CACHE / "default-config"
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    settings = {
        "site_name": "planpub",
        "docs_dir": "docs",
        "site_dir": str(root / "site"),
        "use_directory_urls": True,
        "strict": False,
        "theme": {"name": "material", "language": "ja", "font": False, "features": ["navigation.top"],
                  "palette": {"scheme": "default", "primary": "indigo", "accent": "indigo"}},
        "plugins": [{"planpub": {"content_dir": str(content_dir.resolve())}}],
        "nav": [{msg("ui.site_home"): "index.md"}],
        "validation": {"omitted_files": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"},
        "extra": {"generator": False},
    }
    text = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    config = folder / "mkdocs.yml"
    if not config.is_file() or config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
    return config
