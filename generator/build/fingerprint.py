"""A hash of this program: our code, messages and templates, and the library versions.
Caches include it in their keys, so a new version of planpub never reuses old results."""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from generator.render.resources import theme_dir

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# ProperDocs lays pages out instead of MkDocs when installed (adapters/mkdocs/engine.py),
# so a cache never mixes pages of the two.
PACKAGES = ("mkdocs", "properdocs", "mkdocs-material", "jinja2", "markdown", "nh3", "pyyaml", "jsonschema",
            "pagefind", "sudachipy", "sudachidict-core")   # ふりがな and the search words


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def tree_digest(root: Path, digest) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    tree_digest(PACKAGE_DIR, digest)
    theme = theme_dir()
    if not theme.is_relative_to(PACKAGE_DIR):  # a source checkout: theme/ sits beside generator/
        tree_digest(theme, digest)
    for package in PACKAGES:
        digest.update(f"{package}={_version(package)}".encode())
    digest.update(f"python={sys.version_info[:2]}".encode())
    return digest.hexdigest()
