"""The preview's server (adapters/mkdocs/serve.py): it answers only requests that name its
own address (a page on another site pointing its name at this machine is refused)."""

from __future__ import annotations

import pytest

from generator.adapters.mkdocs.serve import host_allowed


@pytest.mark.parametrize("host, allowed", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("LOCALHOST:8000", True),
    ("127.0.0.1:8001", False), ("attacker.example:8000", False), ("attacker.example", False),
    ("127.0.0.1.nip.io:8000", False), ("", False),
])
def test_a_loopback_preview_answers_its_own_names_only(host, allowed):
    assert host_allowed(host, "127.0.0.1", 8000) is allowed


def test_a_preview_on_every_address_answers_any_address_of_this_machine_but_no_name():
    assert host_allowed("192.168.1.5:8000", "0.0.0.0", 8000) and host_allowed("localhost:8000", "0.0.0.0", 8000)
    assert not host_allowed("intranet.example:8000", "0.0.0.0", 8000)
    assert host_allowed("[::1]:8000", "::1", 8000) and not host_allowed("[::1]:8000", "::1", 8001)
