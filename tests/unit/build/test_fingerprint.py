"""The fingerprint of this program (build/fingerprint.py): caches include it, so a changed
file of the package or the theme, or another library version, never reuses old results."""

from __future__ import annotations

import hashlib

from generator.build import fingerprint


def test_the_fingerprint_is_stable_within_a_process():
    assert fingerprint.code_fingerprint() == fingerprint.code_fingerprint()
    assert len(fingerprint.code_fingerprint()) == 64


def test_a_tree_digest_covers_names_and_bytes_but_not_bytecode(tmp_path):
    def digest():
        value = hashlib.sha256()
        fingerprint.tree_digest(tmp_path, value)
        return value.hexdigest()
    (tmp_path / "a.py").write_text("x = 1\n")
    first = digest()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.pyc").write_bytes(b"\0")
    assert digest() == first
    (tmp_path / "a.py").write_text("x = 2\n")
    assert digest() != first
    (tmp_path / "a.py").rename(tmp_path / "b.py")
    assert digest() != first


def test_library_versions_are_part_of_it():
    assert fingerprint._version("jinja2") != "-" and fingerprint._version("no-such-package-here") == "-"
    assert "mkdocs-material" in fingerprint.PACKAGES and "pagefind" in fingerprint.PACKAGES
