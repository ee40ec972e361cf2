#!/usr/bin/env python3
"""Set-up and everyday tasks, needing nothing but Python 3.11+.

    python3 dev.py site     build the sample site into site/
    python3 dev.py test     run the whole test suite
    python3 dev.py test --quick            only the tests that run in process (under a minute)
    python3 dev.py test --update-golden    rewrite the golden files (tests/golden/), then review the diff
    python3 dev.py serve    preview with live reload at http://127.0.0.1:8000/

Each task creates the local virtual environment .venv/ on first use and installs
the project into it, so a fresh clone needs no other preparation.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".planpub-installed"
# Debian packages the tests need: browser tests (chromium, a Japanese font for
# screenshots), the Nu Html Checker (java), the web servers the README's deployment
# instructions are tested on (nginx-light, apache2; the tests start their own instances on
# a loopback port), and LibreOffice Calc without its GUI, driven through its Python bridge
# (python3-uno), for the workbooks staff save in LibreOffice (about 16 s to install).
# Checked by path, installed together.
SYSTEM_PACKAGES = {
    "chromium": lambda: Path("/usr/bin/chromium").exists(),
    "fonts-noto-cjk": lambda: Path("/usr/share/fonts/opentype/noto").exists(),
    "default-jre-headless": lambda: shutil.which("java") is not None,
    "nginx-light": lambda: Path("/usr/sbin/nginx").exists(),
    "apache2": lambda: Path("/usr/sbin/apache2").exists(),
    "libreoffice-calc-nogui": lambda: Path("/usr/lib/libreoffice/program/soffice").exists(),
    "python3-uno": lambda: Path("/usr/lib/python3/dist-packages/uno.py").exists(),
}


def ensure_venv(extras: str = "test") -> None:
    """Create .venv and (re)install the project when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit("Python 3.11 以上が必要です。")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("仮想環境 .venv を作成しています…", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("必要なパッケージをインストールしています…", flush=True)
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-e", f".[{extras}]"])
    STAMP.write_text(wanted)


def run(cmd: list[str], **kwargs) -> int:
    result = subprocess.run(cmd, cwd=ROOT, **kwargs)
    if result.returncode != 0:
        sys.exit(result.returncode)
    return result.returncode


def ensure_system_packages() -> None:
    """Install missing Debian packages when we can (root + apt-get), else say what is missing."""
    missing = [name for name, present in SYSTEM_PACKAGES.items() if not present()]
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"テストに必要なパッケージをインストールしています: {' '.join(missing)}", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)
        return
    sys.exit(f"テストには次のパッケージが必要です: sudo apt-get install {' '.join(missing)}")


def task_site(args: list[str]) -> None:
    ensure_venv()
    run([str(BIN / "planpub"), "build", *args])


def task_test(args: list[str]) -> None:
    ensure_venv()
    env = None
    if "--update-golden" in args:
        # Golden files are the rendered pages; rewrite them all, then review `git diff tests/golden/`.
        args = [a for a in args if a != "--update-golden"] + ["tests/test_golden_pages.py", "tests/test_print_pages_golden.py"]
        env = dict(os.environ, UPDATE_GOLDEN="1")
    if "--quick" in args:
        # The tests marked slow build sites or start other programs (tests/conftest.py);
        # the rest run in this process and need no Debian packages.
        args = ["-m", "not slow", *(a for a in args if a != "--quick")]
    else:
        ensure_system_packages()
    if not any(a == "-n" or a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in args):
        # One process per core, a test file per process at a time: a file's module-scoped
        # pages and servers are set up once (pytest-xdist; -n 0 runs in one process).
        # Measured on 2 cores: the quick tests 48 s instead of 74 s, the whole suite 505 s instead of 971 s.
        # The whole suite gets one process more than cores: its slow tests spend much of their
        # time waiting on Chromium, servers, LibreOffice and Java, which another file's CPU work
        # can fill (on 2 cores the suite used about 1.1 cores with 2 processes).
        workers = "auto" if "not slow" in args else str((os.cpu_count() or 1) + 1)
        # The slowest files first (tests/conftest.py), not those with the most tests.
        args = ["-n", workers, "--dist", "loadfile", "--no-loadscope-reorder", *args]
    run([str(PYTHON), "-m", "pytest", *args], env=env)


def task_serve(args: list[str]) -> None:
    ensure_venv()
    run([str(BIN / "planpub"), "serve", *args])


TASKS = {"site": task_site, "test": task_test, "serve": task_serve}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        sys.exit(2)
    TASKS[sys.argv[1]](sys.argv[2:])
