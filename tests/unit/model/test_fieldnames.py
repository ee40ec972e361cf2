"""Names of diff keys (model/fieldnames.py), derived from the field registry: a year in
words, a KPI by its name, a theme or chapter by its name, never an id."""

from __future__ import annotations

import pytest

from generator.i18n import msg, set_language
from generator.model.fieldnames import field_label, field_name
from generator.model.fields import INITIATIVE_FIELDS


@pytest.fixture(autouse=True)
def japanese():
    set_language("ja")


def test_a_field_and_a_plan_part_by_their_labels():
    assert field_name("schedule") == INITIATIVE_FIELDS.by_change_key("schedule").label
    assert field_name("chapters") == msg("ui.chapters")


def test_a_year_a_kpi_and_an_activity_in_words():
    assert "令和6年度（2024年度）" in field_label(("schedule", 2024))
    label = field_label(("kpi", "k1", "targets", 2025), {"k1": "手続数"})
    assert "手続数" in label and "令和7年度（2025年度）" in label and "k1" not in label
    assert "整備" in field_label(("activities", "整備"))


def test_plan_parts_by_name_not_id():
    assert "窓口改革" in field_label(("theme", "window"), part_names={("theme", "window"): "窓口改革"})
    assert "window" not in field_label(("theme", "window"), part_names={("theme", "window"): "窓口改革"})
    assert field_label(("plan", "title")) == msg("ui.plan_fields.title")
    sub = field_label(("items", "a", "purpose"))
    assert "a" in sub and INITIATIVE_FIELDS.by_change_key("purpose").label in sub
