"""Where the files that ship inside the package are: the theme (templates, styles,
scripts) and the staff scaffold. Found through importlib.resources, so the same code
works from a source checkout, an editable install and an installed wheel."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=None)
def package_dir(package: str) -> Path:
    """The folder of a package's files on disk (wheels install unzipped, so it is a path)."""
    return Path(str(resources.files(package)))


def theme_dir() -> Path:
    """theme/ of the source tree, installed as the package `generator.theme`: inside the
    installed package (a wheel), or beside it (a source checkout, editable or not). Looked
    up from the `generator` package itself, so a copy of the source uses its own theme."""
    package = package_dir("generator")
    for candidate in (package / "theme", package.parent / "theme"):
        if (candidate / "planpub").is_dir():
            return candidate
    return package_dir("generator.theme")
