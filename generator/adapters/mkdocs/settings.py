"""What the build needs from mkdocs.yml, read once: where content and output are, the
public address, and everything of the configuration that pages depend on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.build.fingerprint import code_fingerprint, tree_digest
from generator.render.resources import theme_dir


class SettingsError(Exception):
    """mkdocs.yml cannot be read; the message says why."""


@dataclass(frozen=True)
class Settings:
    config_file: Path
    content_dir: Path
    site_dir: Path
    site_url: str
    overrides: Path | None       # the site's own theme overrides (theme.custom_dir), if any

    def fingerprint(self) -> str:
        """What, besides content, every page depends on: this program (code, templates,
        library versions), the theme overrides and the configuration file."""
        digest = hashlib.sha256(code_fingerprint().encode())
        if self.overrides is not None:
            tree_digest(self.overrides, digest)
        digest.update(self.config_file.read_bytes())
        return digest.hexdigest()


def read_settings(config_file: Path) -> Settings:
    try:
        config = load_config(config_file=str(config_file))
    except MkDocsException as exc:
        raise SettingsError(str(exc)) from None
    plugin = config.plugins.get("planpub")
    content = config_file.parent / (plugin.config.content_dir if plugin else "content")
    custom = config.theme.custom_dir
    overrides = Path(custom).resolve() if custom and Path(custom).resolve() != theme_dir().resolve() else None
    return Settings(config_file.resolve(), content.resolve(), Path(config.site_dir).resolve(), config.site_url or "",
                    overrides)
