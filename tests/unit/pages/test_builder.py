"""Which pages a site has (pages/builder.py)."""

from __future__ import annotations


def test_every_error_message_has_a_documented_fix():
    from generator.pages.builder import error_catalogue
    missing = [e["key"] for e in error_catalogue() if not e["hint"]]
    assert missing == []
