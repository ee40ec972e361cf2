"""Publishing a finished build into site/: staging next to it, then two renames, so a
failed or interrupted build leaves the previous site/ exactly as it was.

Staging folders are named after the site folder (`.site-building-<name>-…`), so a build
only ever cleans up its own leftovers, never another site's build in the same parent;
callers hold the site's lock (build/lock.py) while they do."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGING_PREFIX = ".site-building-"
OLD_PREFIX = ".site-old-"
# Deletes the replaced site in the background, making read-only folders writable first.
_DELETE = ("import os, shutil, stat, sys\n"
           "def retry(f, p, e):\n"
           "    os.chmod(os.path.dirname(p), stat.S_IRWXU)\n"
           "    try: os.chmod(p, stat.S_IRWXU)\n"
           "    except OSError: pass\n"
           "    f(p)\n"
           "shutil.rmtree(sys.argv[1], onerror=retry)\n")


def make_staging(site_dir: Path) -> Path:
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{site_dir.name}-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the published site from a web server
    return staging


def leftovers(site_dir: Path) -> list[Path]:
    parent, name = site_dir.parent, site_dir.name
    return list(parent.glob(f"{STAGING_PREFIX}{name}-*")) + list(parent.glob(f"{OLD_PREFIX}{name}-*"))


def remove_leftovers(site_dir: Path) -> None:
    """Delete staging folders of earlier builds that were killed before they could clean up."""
    for leftover in leftovers(site_dir):
        shutil.rmtree(leftover, ignore_errors=True)


def replace_dir(new: Path, target: Path) -> None:
    """Swap `new` into place at `target` with renames, then delete the old copy. The site
    is published once the renames are done; deleting tens of thousands of old files
    happens in a separate process (and a later build removes whatever it left)."""
    old = None
    if target.exists():
        old = target.with_name(f"{OLD_PREFIX}{target.name}-{time.time_ns()}")
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:  # put the previous site back
            old.rename(target)
        raise
    if old is not None:
        subprocess.Popen([sys.executable, "-c", _DELETE, str(old)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
