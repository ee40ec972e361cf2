"""Upgrading a working copy's format (staff/upgrade.py): one line declared, comments and
everything else kept; frozen 版 never touched; nothing to do is said."""

from __future__ import annotations

import pytest

from generator.model.schema import CURRENT_FORMAT
from generator.staff.upgrade import UpgradeRefused, upgrade_working, upgraded_text


def test_the_format_line_goes_after_the_leading_comments_or_replaces_an_older_one():
    assert upgraded_text("# $schema\n\ntitle: x\n") == f"# $schema\n\nformat: {CURRENT_FORMAT}\ntitle: x\n"
    assert upgraded_text("title: x\nformat: 1\n") == f"title: x\nformat: {CURRENT_FORMAT}\n"


def test_only_the_working_copy_changes(basic_content):
    plan = basic_content / "plans/sample"
    frozen = (plan / "releases/1.1/plan.yml").read_bytes()
    before = (plan / "working/plan.yml").read_text(encoding="utf-8")
    upgrade_working(plan, 1)
    after = (plan / "working/plan.yml").read_text(encoding="utf-8")
    assert after == upgraded_text(before) and (plan / "releases/1.1/plan.yml").read_bytes() == frozen
    with pytest.raises(UpgradeRefused):
        upgrade_working(plan, CURRENT_FORMAT)
    with pytest.raises(UpgradeRefused):
        upgrade_working(basic_content / "plans/none", 1)
