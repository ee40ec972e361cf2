"""Changing values without rewriting a hand-written file (staff/yaml_update.py): comments,
quoting, flow lists and key order stay; only the values that differ change."""

from __future__ import annotations

from generator.staff.yaml_update import updated_text

TEXT = """# 担当課と相談済み
title: "オンライン申請"   # 正式名称
departments: [市民課, 税務課]
purpose: 来庁不要
"""


def test_an_unchanged_file_comes_back_byte_for_byte():
    data = {"title": "オンライン申請", "departments": ["市民課", "税務課"], "purpose": "来庁不要"}
    assert updated_text(TEXT, data, data) == TEXT


def test_only_the_changed_value_changes():
    old = {"title": "オンライン申請", "departments": ["市民課", "税務課"], "purpose": "来庁不要"}
    new = {**old, "purpose": "手続の短縮"}
    assert updated_text(TEXT, old, new) == TEXT.replace("purpose: 来庁不要", "purpose: 手続の短縮")


def test_added_and_removed_keys():
    old = {"title": "オンライン申請", "departments": ["市民課", "税務課"], "purpose": "来庁不要"}
    new = {"title": "オンライン申請", "departments": ["市民課", "税務課"], "effect": "二行\nの効果"}
    text = updated_text(TEXT, old, new)
    assert "purpose" not in text and "# 担当課と相談済み" in text and "# 正式名称" in text
    assert "effect: |" in text and "[市民課, 税務課]" in text
