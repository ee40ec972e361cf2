"""The CI-matrix recipe of README.md ("Large portals"), step by step as GitHub Actions runs
it: each matrix job's `run:` builds its shard into the folder its artefact uploads, the
merge job downloads every artefact into one folder (merge-multiple) and runs its `run:`.
The result is the unsharded build, byte for byte."""

from __future__ import annotations

import shlex
import shutil

import pytest
import yaml

from generator.build.summary import SUMMARY_FOLDER

from .conftest import ROOT, build_site, run_cli, tree_digest
from .deploy_servers import readme_block
from .unit.build.plans import small_portal

pytestmark = pytest.mark.slow   # builds sites

DEV_SITE = "python3 dev.py site"   # what the recipe runs: `planpub build` with these arguments
ONE_PLAN_PARTS = {"PLANPUB_SEARCH_PART_PLANS": "1"}   # five parts for the four shards


def _step(job: dict, uses: str) -> dict:
    return next(step for step in job["steps"] if step.get("uses", "").startswith(uses))


def _arguments(job: dict, **values: str) -> list[str]:
    [command] = [step["run"] for step in job["steps"] if "run" in step]
    for name, value in values.items():
        command = command.replace("${{ matrix.%s }}" % name, value)
    assert command.startswith(DEV_SITE) and "${{" not in command, command
    return shlex.split(command[len(DEV_SITE):])


def _build(content, workspace, arguments: list[str]):
    """`planpub build` as the job runs it in its checkout (`workspace`), on `content`."""
    site = workspace / arguments[arguments.index("--site-dir") + 1]
    arguments[arguments.index("--site-dir") + 1] = str(site)
    result = run_cli("build", "--config", str(ROOT / "mkdocs.yml"), "--content", str(content),
                     "--cache-dir", str(workspace / ".planpub-cache"), *arguments, env=ONE_PLAN_PARTS)
    assert result.returncode == 0, result.stderr
    return site


def test_the_readme_matrix_of_shards_and_a_merge_job_builds_the_whole_portal(tmp_path):
    workflow = yaml.safe_load(readme_block("ci-matrix"))
    shard_job, merge_job = workflow["jobs"]["shard"], workflow["jobs"]["merge"]
    assert merge_job["needs"] == "shard"
    content = small_portal(tmp_path / "content", ["a", "b", "c", "d", "e"])
    assert build_site(content, tmp_path / "whole", env=ONE_PLAN_PARTS).returncode == 0

    upload, download = _step(shard_job, "actions/upload-artifact"), _step(merge_job, "actions/download-artifact")
    assert download["with"]["merge-multiple"] is True and not SUMMARY_FOLDER.startswith(".")  # artefacts skip hidden files
    artefacts = tmp_path / "artefacts"
    for shard in shard_job["strategy"]["matrix"]["shard"]:
        workspace = tmp_path / f"runner-{shard}"
        folder = _build(content, workspace, _arguments(shard_job, shard=str(shard)))
        assert folder == workspace / upload["with"]["path"] and not (folder / "index.html").exists()
        shutil.copytree(folder, artefacts / upload["with"]["name"].replace("${{ matrix.shard }}", str(shard)))

    merger = tmp_path / "runner-merge"
    site = merger / download["with"]["path"]
    for artefact in sorted(artefacts.iterdir()):   # merge-multiple: every artefact into one folder
        shutil.copytree(artefact, site, dirs_exist_ok=True)
    merged = _build(content, merger, _arguments(merge_job))
    assert merged == site and _step(merge_job, "actions/upload-pages-artifact")["with"]["path"] == download["with"]["path"]
    assert tree_digest(merged) == tree_digest(tmp_path / "whole")
    assert not (merged / SUMMARY_FOLDER).exists()
