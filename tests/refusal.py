"""Helpers for tests of refused input: run a command as staff would and check that it says
what is wrong (file, line, message, fix), exits non-zero, shows no traceback and writes
nothing (content/ byte for byte as it was, no site/)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import ROOT, run_cli, tree_digest


def refused(content: Path, command: str = "validate", *args: str,
            site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run `planpub <command>` on `content` and assert it refuses cleanly."""
    before = tree_digest(content)
    site_dir = site_dir or content.parent / "site"
    extra = {
        "validate": ("--content", str(content)),
        "build": ("--config", str(ROOT / "mkdocs.yml"), "--content", str(content), "--site-dir", str(site_dir),
                  "--cache-dir", str(content.parent / ".cache")),
        "release": ("--content", str(content), "--yes"),
        "import": ("--content", str(content)),
        "ledger": ("--content", str(content)),
    }[command]
    result = run_cli(command, *args, *extra)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert tree_digest(content) == before, "content/ was changed"
    assert not site_dir.exists(), "a site was written"
    assert not list(content.parent.glob(".site-building-*")), "a half-built site was left"
    return result


def reported(result: subprocess.CompletedProcess, where: str, *words: str) -> None:
    """The output has a problem at `where` ("path:line" or a path) with every one of `words`,
    and a fix (the → line after it)."""
    lines = (result.stdout + result.stderr).splitlines()
    for index, line in enumerate(lines):
        # Files are named from the --content folder as given: the tests give it as an
        # absolute path (…/content/plans/…), so `where` ("content/plans/…") ends the location.
        at = line.startswith(where + ":") or (line.startswith("/") and f"/{where}:" in line.split(": ")[0] + ":")
        if at and all(word in line for word in words):
            assert index + 1 < len(lines) and lines[index + 1].strip().startswith("→"), lines[index:index + 2]
            return
    raise AssertionError(f"no problem at {where} with {words}:\n" + "\n".join(lines))
