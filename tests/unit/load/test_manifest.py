"""Manifests of frozen 版 (load/manifest.py): every file's sha256; changed, missing and added
files found; the manifest itself and symlinks never covered."""

from __future__ import annotations

import hashlib
import json

from generator.load.manifest import MANIFEST_NAME, build_manifest, compare_manifest, manifest_text, snapshot_files


def _release(tmp_path):
    release = tmp_path / "1.0"
    (release / "initiatives").mkdir(parents=True)
    (release / "plan.yml").write_text("title: t\n", encoding="utf-8")
    (release / "initiatives/a.yml").write_text("title: a\n", encoding="utf-8")
    return release


def test_the_manifest_lists_every_file_with_its_sha256(tmp_path):
    release = _release(tmp_path)
    manifest = build_manifest(release)
    assert manifest["algorithm"] == "sha256"
    assert manifest["files"] == {"initiatives/a.yml": hashlib.sha256(b"title: a\n").hexdigest(),
                                 "plan.yml": hashlib.sha256(b"title: t\n").hexdigest()}
    assert json.loads(manifest_text(manifest)) == manifest and manifest_text(manifest).endswith("\n")


def test_the_manifest_and_symlinks_are_not_covered(tmp_path):
    release = _release(tmp_path)
    (release / MANIFEST_NAME).write_text("{}", encoding="utf-8")
    (release / "link.yml").symlink_to(release / "plan.yml")
    assert [p.name for p in snapshot_files(release)] == ["a.yml", "plan.yml"]


def test_manifest_detects_changed_missing_and_added_files(tmp_path):
    release = _release(tmp_path)
    manifest = build_manifest(release)
    (release / "plan.yml").write_text("title: changed\n", encoding="utf-8")
    (release / "initiatives/a.yml").unlink()
    (release / "initiatives/b.yml").write_text("title: b\n", encoding="utf-8")
    assert compare_manifest(release, manifest) == (["plan.yml"], ["initiatives/a.yml"], ["initiatives/b.yml"])
