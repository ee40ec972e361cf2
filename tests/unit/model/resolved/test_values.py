"""One resolved fact (model/resolved/values.py): its state, where it comes from, whether a view shows it."""

from __future__ import annotations

from generator.model.fields import INITIATIVE_FIELDS
from generator.model.resolved.values import Source, State, Value

DEPARTMENTS = INITIATIVE_FIELDS["departments"]


def test_only_a_stated_value_is_true_and_only_stated_or_stated_empty_is_shown():
    own = Source("2.0", "第2.0版")
    values = {state: Value(DEPARTMENTS, "担当課", state, ["市民課"] if state is State.STATED else None,
                           own if state is State.STATED else None) for state in State}
    assert [s for s, v in values.items() if v] == [State.STATED]
    assert [s for s, v in values.items() if v.stated] == [State.STATED]
    assert [s for s, v in values.items() if v.shown] == [State.STATED, State.STATED_EMPTY]
    assert values[State.STATED].key == "departments" and values[State.STATED].kind == DEPARTMENTS.kind


def test_a_value_is_carried_only_when_its_source_is_an_earlier_version():
    stated_here = Value(DEPARTMENTS, "担当課", State.STATED, ["市民課"], Source("2.0", "第2.0版"))
    carried = Value(DEPARTMENTS, "担当課", State.STATED, ["市民課"], Source("1.5", "第1.5版", carried=True))
    omitted = Value(DEPARTMENTS, "担当課", State.OMITTED, omitted_by_version=True)
    assert not stated_here.carried and carried.carried and not omitted.carried


def test_a_source_is_named_with_its_stage_unless_its_name_says_it():
    assert Source("1.0", "第1.0版", "策定").titled_name == "第1.0版（策定）"
    assert Source("1.0-draft", "第1.0版（案）", "案").titled_name == "第1.0版（案）"
    assert Source("sheets", "個別業務シート").titled_name == "個別業務シート"


def test_the_states_are_the_four_the_docs_name():
    assert [s.value for s in State] == ["stated", "stated_empty", "omitted", "not_used"]
