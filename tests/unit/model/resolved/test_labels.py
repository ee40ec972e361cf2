"""What a field is called (model/resolved/labels.py): the most specific scope that names it wins."""

from __future__ import annotations

from generator.i18n import msg
from generator.model.fields import INITIATIVE_FIELDS
from generator.model.resolved import EditionKind, resolve_edition
from generator.model.resolved.labels import LabelScope, plan_scope

DEPARTMENTS, SCHEDULE = INITIATIVE_FIELDS["departments"], INITIATIVE_FIELDS["schedule"]


def test_a_scope_chain_answers_from_the_most_specific_scope(patterns):
    plan = LabelScope({"departments": "関係部署"})
    theme = plan.child({"overview": "事業概要"})
    initiative = theme.child({"departments": "推進担当"})
    assert initiative.label(DEPARTMENTS) == "推進担当" and theme.label(DEPARTMENTS) == "関係部署"
    assert initiative.own("overview") == "事業概要" and initiative.own("purpose") is None
    assert LabelScope().label(DEPARTMENTS) == msg(DEPARTMENTS.label_key)        # the catalogue's
    assert plan.child(None) is plan and plan.child({}) is plan                # no names: the same scope


def test_a_table_row_takes_the_catalogue_words_for_tables_unless_a_scope_names_it():
    assert LabelScope().table_label(SCHEDULE) == "予定・取組事項"
    assert LabelScope().label(SCHEDULE) == "スケジュール"
    assert LabelScope({"schedule": "工程"}).table_label(SCHEDULE) == "工程"
    assert LabelScope({"kpis": "数値目標"}).term("kpis", "KPI（指標）") == "数値目標"
    assert LabelScope().term("kpis", "KPI（指標）") == "KPI（指標）"


def test_the_plan_scope_holds_the_plan_names(patterns):
    site, plans = patterns
    own = plans["own-fields"].snapshots[plans["own-fields"].latest.id]
    assert plan_scope(own.fields).own("departments") == "関係部署"


def test_labels_reach_every_value_from_the_most_specific_scope(patterns, edition):
    site, plans = patterns
    own = edition("own-fields")
    assert own.initiative("app").value("departments").label == "関係部署"      # the plan's word
    assert own.initiative("app").value("schedule").label == "スケジュール"      # the catalogue's
    assert own.initiative("app").value("schedule").table_label == "予定・取組事項"
    # A theme that names a field (a later format) names it for its initiatives; views need no change.
    plan = plans["own-fields"]
    theme = plan.snapshots[plan.latest.id].theme("convenience")
    theme.labels = {"departments": "推進担当"}
    try:
        app = resolve_edition(plan, plan.latest, EditionKind.LATEST, site).initiative("app")
        assert app.value("departments").label == "推進担当" and app.value("overview").label == "事業概要"
    finally:
        del theme.labels
