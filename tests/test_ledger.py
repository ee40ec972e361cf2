"""The published record cannot vanish (issue 13, part 3): each plan's ledger.yml lists every
published 版 with the sha256 of its manifest; a missing, changed or unlisted 版 is refused by
name with how to restore it; content from before ledgers builds unmodified, with a note."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.i18n import msg
from generator.load.ledger import read_ledger
from generator.load.manifest import build_manifest, manifest_text
from generator.load.problems import Problems
from generator.validate import load_valid_site

from .conftest import ROOT, SAMPLE_CONTENT, build_site, run_cli, tree_digest
from .refusal import refused, reported

PLAN = "plans/sample"


def with_ledger(content: Path) -> Path:
    result = run_cli("ledger", "--content", str(content))
    assert result.returncode == 0, result.stderr
    return content / PLAN / "ledger.yml"


def sha256(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_ledger_command_records_every_frozen_edition(basic_content):
    ledger = with_ledger(basic_content)
    entries = read_ledger(basic_content / PLAN, Problems())
    assert [(e.version_id, e.manifest) for e in entries] == [
        ("1.0", sha256(basic_content / PLAN / "releases/1.0/manifest.json")),
        ("1.1", sha256(basic_content / PLAN / "releases/1.1/manifest.json"))]
    assert ledger.read_text(encoding="utf-8").startswith("# ")   # says what it is, in Japanese
    assert not load_valid_site(basic_content).problems


def test_the_ledger_command_leaves_an_existing_ledger_alone(basic_content):
    ledger = with_ledger(basic_content)
    before = ledger.read_bytes()
    result = run_cli("ledger", "sample", "--content", str(basic_content))
    assert result.returncode == 0
    assert "台帳は既にあります" in result.stdout
    assert ledger.read_bytes() == before


def test_the_ledger_command_refuses_invalid_content(basic_content):
    (basic_content / PLAN / "releases/1.0/plan.yml").write_text("title: 改ざん\n", encoding="utf-8")
    result = refused(basic_content, "ledger")
    assert msg("ledger.invalid_content", count=1)[:12] in result.stderr
    assert not (basic_content / PLAN / "ledger.yml").exists()


@pytest.mark.slow   # builds a site
def test_content_without_a_ledger_still_builds_with_a_note(basic_content, tmp_path):
    before = tree_digest(basic_content)
    result = run_cli("validate", "--content", str(basic_content))
    assert result.returncode == 0, result.stderr
    assert "注意:" in result.stderr and msg("errors.ledger_none", count=2) in result.stderr
    assert "planpub ledger sample" in result.stderr
    built = build_site(basic_content, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert tree_digest(basic_content) == before


def test_the_shipped_sample_has_its_ledgers():
    for plan in ("gotsu", "kashima"):
        entries = read_ledger(SAMPLE_CONTENT / "plans" / plan, Problems())
        releases = sorted(p.name for p in (SAMPLE_CONTENT / "plans" / plan / "releases").iterdir() if p.is_dir())
        assert sorted(e.version_id for e in entries) == releases
    result = run_cli("validate", "--content", str(SAMPLE_CONTENT))
    assert result.returncode == 0 and "注意" not in result.stderr


def test_a_deleted_frozen_edition_is_refused_by_name(basic_content):
    with_ledger(basic_content)
    shutil.rmtree(basic_content / PLAN / "releases/1.0")
    result = refused(basic_content, "build")
    reported(result, f"content/{PLAN}/ledger.yml:4", msg("errors.ledger_version_missing", id="1.0"))
    assert f"git checkout -- {basic_content}/{PLAN}/releases/1.0" in result.stderr


def test_deleting_a_plans_every_edition_is_refused(basic_content):
    """Without the ledger the plan silently left the site."""
    with_ledger(basic_content)
    shutil.rmtree(basic_content / PLAN / "releases")
    result = refused(basic_content)
    reported(result, f"content/{PLAN}/ledger.yml:4", msg("errors.ledger_version_missing", id="1.0"))
    reported(result, f"content/{PLAN}/ledger.yml:6", msg("errors.ledger_version_missing", id="1.1"))


def test_a_regenerated_manifest_is_refused(basic_content):
    """Editing a frozen file and writing its manifest again passes the manifest check, not the ledger."""
    with_ledger(basic_content)
    release = basic_content / PLAN / "releases/1.1"
    recorded = sha256(release / "manifest.json")
    path = release / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("架空市", "改ざん市"), encoding="utf-8")
    (release / "manifest.json").write_text(manifest_text(build_manifest(release)), encoding="utf-8")
    result = refused(basic_content)
    reported(result, f"content/{PLAN}/releases/1.1/manifest.json", msg("errors.ledger_version_changed", id="1.1"))
    assert recorded in result.stderr   # the digest to restore to


def test_an_edition_folder_not_in_the_ledger_is_refused(basic_content):
    with_ledger(basic_content)
    shutil.copytree(basic_content / PLAN / "releases/1.1", basic_content / PLAN / "releases/1.2")
    path = basic_content / PLAN / "releases/1.2/release.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('"1.1"', '"1.2"').replace("2024-03-29", "2024-09-30"),
                    encoding="utf-8")
    (basic_content / PLAN / "releases/1.2/manifest.json").write_text(
        manifest_text(build_manifest(basic_content / PLAN / "releases/1.2")), encoding="utf-8")
    reported(refused(basic_content), f"content/{PLAN}/releases/1.2", msg("errors.ledger_version_extra", id="1.2"))


def test_a_hand_edited_ledger_is_refused(basic_content):
    ledger = with_ledger(basic_content)
    ledger.write_text("versions:\n  - id: 1.0\n", encoding="utf-8")
    reported(refused(basic_content), f"content/{PLAN}/ledger.yml:2", msg("errors.ledger_invalid"))


def test_a_ledger_with_an_alias_is_refused_like_any_content(basic_content):
    ledger = with_ledger(basic_content)
    ledger.write_text("a: &x [1]\nversions: *x\n", encoding="utf-8")
    reported(refused(basic_content), f"content/{PLAN}/ledger.yml:1", "&x")


def test_release_adds_the_new_edition_to_the_ledger(basic_content, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("・誤字の修正\n", encoding="utf-8")
    result = run_cli("release", "sample", "1.2", "--date", "2026-04-01", "--notes", str(notes),
                     "--content", str(basic_content), "--yes")
    assert result.returncode == 0, result.stderr
    entries = read_ledger(basic_content / PLAN, Problems())   # the first release writes it, with the earlier 版
    assert [e.version_id for e in entries] == ["1.0", "1.1", "1.2"]
    assert entries[-1].manifest == sha256(basic_content / PLAN / "releases/1.2/manifest.json")
    check = run_cli("validate", "--content", str(basic_content))
    assert check.returncode == 0 and "注意" not in check.stderr


@pytest.mark.slow   # runs git
def test_gitattributes_keep_frozen_files_byte_exact():
    for path in ("content/plans/gotsu/releases/1.5/plan.yml", "content/plans/gotsu/ledger.yml"):
        out = subprocess.run(["git", "check-attr", "text", "--", path], cwd=ROOT, capture_output=True, text=True)
        assert out.stdout.strip().endswith("text: unset"), out.stdout
    out = subprocess.run(["git", "check-attr", "text", "--", "content/plans/gotsu/working/plan.yml"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.stdout.strip().endswith("text: unspecified")


@pytest.mark.slow   # runs git
def test_a_new_plan_gets_gitattributes(tmp_path):
    content = tmp_path / "content"
    result = run_cli("new", "town", "--content", str(content))
    assert result.returncode == 0, result.stderr
    text = (content / "plans/town/.gitattributes").read_text(encoding="utf-8")
    assert "releases/** -text" in text and "ledger.yml -text" in text
    repo = tmp_path / "repo"
    shutil.copytree(content, repo / "content")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    out = subprocess.run(["git", "check-attr", "text", "--", "content/plans/town/releases/1.0/plan.yml"],
                         cwd=repo, capture_output=True, text=True)
    assert out.stdout.strip().endswith("text: unset"), out.stdout
