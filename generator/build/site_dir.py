"""Publishing a finished build into site/: staging next to it, then two renames, so a
failed or interrupted build leaves the previous site/ exactly as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGING_PREFIX = ".site-building-"
OLD_PREFIX = ".site-old-"


def make_staging(site_dir: Path) -> Path:
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir.parent)
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site_dir.parent))


def remove_leftovers(parent: Path) -> None:
    """Delete staging folders of earlier builds that were killed before they could clean up."""
    for leftover in list(parent.glob(STAGING_PREFIX + "*")) + list(parent.glob(OLD_PREFIX + "*")):
        shutil.rmtree(leftover, ignore_errors=True)


def replace_dir(new: Path, target: Path) -> None:
    """Swap `new` into place at `target` with renames, then delete the old copy. The site
    is published once the renames are done; deleting tens of thousands of old files
    happens in a separate process (and a later build removes whatever it left)."""
    old = None
    if target.exists():
        old = target.with_name(f"{OLD_PREFIX}{time.time_ns()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(old)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
