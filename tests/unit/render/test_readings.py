"""Readings for ふりがな (render/readings.py): the analyser's words with the project's and the
plan's corrections applied first, leftmost and longest; context rules for 版, days and 元年.
(The reading list of the sample: tests/test_readings.py.)"""

from __future__ import annotations

from generator.render.readings import analysed, corrections, pieces, project_words, readings_for


def test_the_analyser_gives_long_units_with_readings_or_short_words():
    assert analysed("発行日") == (("発行", "はっこう"), ("日", "ひ"))       # the analyser alone: 日 as ひ
    assert [surface for surface, _ in analysed("議事録", "A")] == ["議事", "録"]
    assert ("発行日", [["発行日", "はっこうび"]]) in pieces("発行日")          # the project's word wins


def test_a_plans_own_words_come_before_the_analysers():
    readings = readings_for((("江津", "ごうつ"),))
    found = corrections("江津市の計画", readings)
    assert found[0][:2] == (0, 2) and found[0][2] == [["江津", "ごうつ"]]
    assert ("江津", [["江津", "ごうつ"]]) in pieces("江津市", readings)


def test_context_rules_for_editions_and_days():
    project = readings_for()
    assert corrections("第2版", project) == [(2, 3, [["版", "はん"]])]
    assert corrections("4月1日", project) == [(2, 4, [["1日", "ついたち"]])]


def test_the_project_dictionary_has_its_words():
    assert {"版数", "発行日"} <= set(project_words())
