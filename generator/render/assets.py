"""planpub's own styles and scripts (theme/assets/) under content-hashed names.

`planpub.css` is published as `assets/planpub.3f2a9c1e.css`: the name changes whenever the
bytes do, so a server may cache it for a year (`immutable`) and a reader never gets new
HTML with an old stylesheet or script. This is the one place that names them: templates
ask the renderer's `asset(name)` for the address, and the build writes `files()`.

A site's own theme overrides (theme.custom_dir) may replace one of these files, as they
replace templates; files of their own that planpub does not ship keep their names.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.pages import urls

FOLDER = "assets"
HASH_LENGTH = 8   # hex digits, as mkdocs-material names its bundles (bundle.a5f9d56c.min.js)


def hashed_name(name: str, data: bytes) -> str:
    """`planpub-chrome.js` → `planpub-chrome.<first 8 hex of sha256>.js`."""
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"


class Assets:
    """planpub's assets (the files in assets/ of the last of `folders`, planpub's theme),
    each read from the first folder that has it (the site's overrides come first); read
    once, and again on `reload()` (a preview after an edit)."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self._names: dict[str, str] = {}
        self._data: dict[str, bytes] = {}
        self.reload()

    def reload(self) -> None:
        names, data = {}, {}
        for name in sorted(p.name for p in (self.folders[-1] / FOLDER).glob("*") if p.is_file()):
            source = next(folder / FOLDER / name for folder in self.folders if (folder / FOLDER / name).is_file())
            data[name] = source.read_bytes()
            names[name] = hashed_name(name, data[name])
        self._names, self._data = names, data

    def url(self, name: str) -> str:
        """The site-relative address of the asset `name` (e.g. "planpub.css")."""
        try:
            return urls.asset(self._names[name])
        except KeyError:
            raise KeyError(f"no asset {name!r} in {FOLDER}/ of the theme") from None

    def sources(self) -> list[str]:
        """The unhashed site paths (assets/planpub.css …), which the layout must not copy."""
        return [urls.asset(name) for name in self._names]

    def files(self) -> dict[str, bytes]:
        """Every asset under its hashed address, to be written into the site."""
        return {self.url(name): data for name, data in self._data.items()}
