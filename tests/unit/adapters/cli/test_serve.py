"""`planpub serve`'s command line (adapters/cli/serve.py): a busy port is not an error (the
next free one is taken); a bad address or a missing mkdocs.yml is said. (The preview
itself: tests/test_serve.py.)"""

from __future__ import annotations

import socket

from generator.adapters.cli.serve import PORTS_TRIED, free_port

from tests.conftest import run_cli


def test_the_wanted_port_or_the_next_free_one():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        found = free_port("127.0.0.1", taken)
        assert found is not None and taken < found < taken + PORTS_TRIED


def test_a_bad_address_or_a_missing_configuration_is_said(tmp_path):
    bad = run_cli("serve", "--addr", "localhost", "--config", "mkdocs.yml")
    assert bad.returncode == 2 and "localhost" in bad.stderr
    missing = run_cli("serve", "--config", str(tmp_path / "none.yml"))
    assert missing.returncode == 1 and "none.yml" in missing.stderr
