"""Debian's nginx and Apache serving a built site with the configuration blocks of README.md,
as an administrator would deploy it: at the path of `site_url`, in a document root of its
own, on a loopback port (tests/test_deploy_servers.py).

The blocks are taken from README.md by their markers (`<!-- deploy-test: NAME -->` right
before the fence), so the documentation cannot drift from what is tested. The servers
start from Debian's own configuration: nginx from /etc/nginx/nginx.conf with only its
paths moved into a temporary folder, Apache with the modules Debian enables
(/etc/apache2/mods-enabled) and the <Directory> defaults of Debian's apache2.conf.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT

README = ROOT / "README.md"
NGINX = Path("/usr/sbin/nginx")
NGINX_PREFIX = Path("/usr/share/nginx")      # Debian's build: --prefix=/usr/share/nginx
APACHE = Path("/usr/sbin/apache2")
README_DOCUMENT_ROOT = "/var/www"        # where the README's blocks have the site's parent
RUNS_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def site_path() -> str:
    """The public path of the site: the path of `site_url` in mkdocs.yml ("/dx/plan/")."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("site_url:"))
    return urlsplit(site_url).path


def readme_block(name: str, document: Path = README) -> str:
    """The fenced block of README.md (or another document) marked `<!-- deploy-test: name -->`."""
    text = document.read_text(encoding="utf-8")
    marker = f"<!-- deploy-test: {name} -->"
    match = re.search(re.escape(marker) + r"\s*\n```[^\n]*\n(.*?)\n```", text, re.S)
    assert match, f"{document.name} has no fenced block right after {marker}"
    return match[1]


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, f"expected {old!r} in the configuration"
    return text.replace(old, new)


def _require(binary: Path, package: str) -> None:
    if not binary.exists():
        pytest.fail(f"{binary} is missing: install Debian's {package} (python3 dev.py test installs it as root)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _logs(folder: Path) -> str:
    return "\n".join(f"{log.name}:\n{log.read_text(errors='replace')}" for log in sorted(folder.glob("*.log")))


def _wait_for(port: int, process: subprocess.Popen, folder: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped (exit {process.returncode}):\n{_logs(folder)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"the server did not listen on port {port}:\n{_logs(folder)}")


@contextmanager
def _running(command: list[str], port: int, folder: Path):
    """Run a server in the foreground (its output in folder/server.log) until the block ends."""
    with (folder / "server.log").open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        _wait_for(port, process, folder)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def deployed(site: Path):
    """A fresh document root holding `site` at the public path, readable by the servers'
    workers (www-data when run as root), with the README's .htaccess in the site folder,
    as an administrator who followed the Apache section leaves it (nginx must not serve it)."""
    root = Path(tempfile.mkdtemp(prefix="planpub-deploy-"))
    try:
        target = root / "www" / site_path().strip("/")
        shutil.copytree(site, target, copy_function=_link_or_copy)
        (target / ".htaccess").write_text(readme_block("apache-htaccess") + "\n", encoding="utf-8")
        for folder, _, files in os.walk(root):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@contextmanager
def nginx(root: Path):
    """Debian's nginx.conf with the README's blocks: the http-level one in conf.d/, the
    location in a server like Debian's default site. Yields the site's base URL."""
    _require(NGINX, "nginx-light")
    folder, port = root / "nginx", _free_port()
    for sub in ("conf.d", "sites-enabled"):
        (folder / sub).mkdir(parents=True)
    # Debian's modules-enabled/*.conf load "modules/…" relative to the prefix (/usr/share/nginx).
    (folder / "modules").symlink_to(NGINX_PREFIX / "modules")
    config = Path("/etc/nginx/nginx.conf").read_text(encoding="utf-8")
    config = _replace(config, "pid /run/nginx.pid;", f"pid {folder}/nginx.pid;")
    config = _replace(config, "/var/log/nginx/", f"{folder}/")
    config = _replace(config, "include /etc/nginx/conf.d/*.conf;", f"include {folder}/conf.d/*.conf;")
    config = _replace(config, "include /etc/nginx/sites-enabled/*;", f"include {folder}/sites-enabled/*;")
    if not RUNS_AS_ROOT:
        config = _replace(config, "user www-data;", "")
    (folder / "nginx.conf").write_text(config, encoding="utf-8")
    temp = "".join(f"{kind}_temp_path {folder}/{kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (folder / "conf.d/temp-paths.conf").write_text(temp, encoding="utf-8")
    (folder / "conf.d/planpub.conf").write_text(readme_block("nginx-http") + "\n", encoding="utf-8")
    location = _replace(readme_block("nginx-location"), f"root {README_DOCUMENT_ROOT};", f"root {root / 'www'};")
    (folder / "sites-enabled/default").write_text(
        f"server {{\n    listen 127.0.0.1:{port};\n    server_name _;\n    root {root}/html;\n"
        f"    index index.html;\n    location / {{\n        try_files $uri $uri/ =404;\n    }}\n"
        f"{location}\n}}\n", encoding="utf-8")
    command = [str(NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    with _running([*command, "-g", "daemon off;"], port, folder):
        yield f"http://127.0.0.1:{port}{site_path()}"


DEBIAN_APACHE_DEFAULTS = """\
<Directory />
    Options FollowSymLinks
    AllowOverride None
    Require all denied
</Directory>
<Directory {www}/>
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
AccessFileName .htaccess
"""


@contextmanager
def apache(root: Path):
    """Apache with Debian's enabled modules plus those the README has `a2enmod` enable, the
    <Directory> defaults of Debian's apache2.conf (not its rule that hides .ht* files: the
    README's own configuration must keep .htaccess private), the README's <Directory> block
    in a virtual host, and its .htaccess in the site folder (written by `deployed`)."""
    _require(APACHE, "apache2")
    folder, port = root / "apache2", _free_port()
    folder.mkdir()
    enabled = Path("/etc/apache2/mods-enabled")
    wanted = set(re.findall(r"a2enmod (\w+)", README.read_text(encoding="utf-8")))
    loads = sorted(enabled.glob("*.load")) + [Path(f"/etc/apache2/mods-available/{m}.load") for m in sorted(wanted)
                                              if not (enabled / f"{m}.load").exists()]
    confs = sorted(enabled.glob("*.conf")) + [p for m in sorted(wanted)
                                              if (p := Path(f"/etc/apache2/mods-available/{m}.conf")).exists()
                                              and not (enabled / p.name).exists()]
    site_folder = root / "www" / site_path().strip("/")
    directory = _replace(readme_block("apache-server"), f"{README_DOCUMENT_ROOT}{site_path().rstrip('/')}",
                         str(site_folder))
    user = "User www-data\nGroup www-data\n" if RUNS_AS_ROOT else ""
    config = (f"ServerRoot {folder}\nDefaultRuntimeDir {folder}\nPidFile {folder}/apache2.pid\n"
              f"ErrorLog {folder}/error.log\nLogLevel warn\n{user}"
              + "".join(f"Include {path}\n" for path in loads + confs)
              + f"TypesConfig /etc/mime.types\nListen 127.0.0.1:{port}\nServerName localhost\n"
              + DEBIAN_APACHE_DEFAULTS.format(www=root / "www")
              + f"<VirtualHost 127.0.0.1:{port}>\n    DocumentRoot {root / 'www'}\n{directory}\n</VirtualHost>\n")
    (folder / "apache2.conf").write_text(config, encoding="utf-8")
    command = [str(APACHE), "-d", str(folder), "-f", str(folder / "apache2.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    with _running([*command, "-DFOREGROUND"], port, folder):
        yield f"http://127.0.0.1:{port}{site_path()}"


SERVERS = {"nginx": nginx, "apache": apache}
