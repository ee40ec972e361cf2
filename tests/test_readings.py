"""Readings a municipality can correct (issue 22, part 1): the reading list of the sample
plans, the plan's readings.yml (checked with file:line errors) and the project's dictionary
over the analyser, and the ふりがな files of the built sample site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.i18n import catalogue, msg
from generator.model.readings import check_word, hiragana
from generator.pages import urls
from generator.render.furigana import decoded, segments
from generator.render.readings import project_words, readings_for
from generator.validate import load_valid_site

from .conftest import FIXTURES, SAMPLE_CONTENT

READING_LIST = yaml.safe_load((FIXTURES / "readings" / "reading_list.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample():
    result = load_valid_site(SAMPLE_CONTENT)
    assert not result.problems
    return result.site


def _read_aloud(text: str, readings) -> str:
    return "".join(part if isinstance(part, str) else part[1] for part in segments(text, readings))


def _plan_text(plan_id: str) -> str:
    folder = SAMPLE_CONTENT / "plans" / plan_id
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.suffix in (".yml", ".md"))


def _ui_text() -> str:
    return json.dumps(catalogue("ja"), ensure_ascii=False)


def test_the_reading_list_has_200_words_and_phrases_from_the_sample_plans():
    assert len(READING_LIST) >= 200
    assert len({(e["plan"], e["text"]) for e in READING_LIST}) == len(READING_LIST)
    texts = {plan: _plan_text(plan) for plan in {e["plan"] for e in READING_LIST}}
    ui = _ui_text()
    missing = [e["text"] for e in READING_LIST if e["text"] not in texts[e["plan"]] and e["text"] not in ui
               and not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", e["text"])]   # dates as pages show them
    assert missing == []
    assert all(e.get("source") for e in READING_LIST)


def test_the_site_reads_every_word_of_the_reading_list_as_listed(sample):
    readings = {plan.id: readings_for(plan.readings) for plan in sample.plans}
    wrong = [(e["text"], e["reading"], _read_aloud(e["text"], readings[e["plan"]])) for e in READING_LIST
             if _read_aloud(e["text"], readings[e["plan"]]) != e["reading"]]
    assert wrong == []


def test_readings_sourced_from_the_dictionary_are_entries_of_its_lexicon():
    from sudachipy import Dictionary
    lexicon = Dictionary(dict="core")

    def attested(word: str, reading: str) -> bool:
        return reading in {hiragana(m.reading_form()) for m in lexicon.lookup(word)}

    unattested = []
    for entry in READING_LIST:
        source = entry["source"]
        if source == "SudachiDict":
            pairs = [(entry["text"], entry["reading"])]
        elif source.startswith("SudachiDict: "):
            pairs = [tuple(pair.split(" ", 1)) for pair in re.split(r"[・;]\s*", source.split(": ", 1)[1].split("（")[0])
                     if " " in pair and not pair.startswith("project")]
            pairs = [(word, hiragana(reading)) for word, reading in pairs]
        else:
            continue
        unattested += [(entry["text"], word, reading) for word, reading in pairs if not attested(word, reading)]
    assert unattested == []


def test_proper_nouns_come_from_the_plans_readings_file(sample):
    gotsu = next(p for p in sample.plans if p.id == "gotsu")
    assert ("江津", "ごうつ") in gotsu.readings
    # without the plan's file, the dictionary reads the city's name wrongly: the file is what fixes it
    title = "スマートシティ江津推進構想アクションプラン"
    assert "ごうづ" in _read_aloud(title, readings_for())
    assert "ごうつ" in _read_aloud(title, readings_for(gotsu.readings))


def test_the_project_dictionary_is_well_formed():
    words = project_words()
    assert {"版数", "発行日"} <= set(words)
    assert [(w, r) for w, (r, source) in words.items() if check_word(w, r) or not source] == []


def test_context_rules_read_editions_days_and_first_years():
    project = readings_for()
    assert _read_aloud("第1版と第2版、この版、令和6年度版", project) == "だい1ぱんとだい2はん、このはん、れいわ6ねんどばん"
    assert _read_aloud("4月1日から1日あたり3日間", project) == "4がつついたちからいちにちあたりみっかかん"
    assert _read_aloud("令和元年度と平成元年", project) == "れいわがんねんどとへいせいがんねん"
    assert [p for p in segments("26日本", project) if isinstance(p, list)][0] != ["日", "にち"]   # 日本: the analyser's


def test_a_bad_readings_file_is_reported_with_file_line_and_fix(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    (content / "plans" / "gotsu" / "readings.yml").write_text(
        "readings:\n  江津: ゴウツ\n  ごうつ: ごうつ\n  取り組み: とりくみ\n  取り組み事項: とりくむじこう\n", encoding="utf-8")
    problems = load_valid_site(content).problems
    found = sorted((p.file.removeprefix(f"{tmp_path}/"), p.line, p.field, p.code) for p in problems)
    assert found == [("content/plans/gotsu/readings.yml", 2, "readings.江津", "reading_not_hiragana"),
                     ("content/plans/gotsu/readings.yml", 3, "readings.ごうつ", "reading_no_kanji"),
                     ("content/plans/gotsu/readings.yml", 5, "readings.取り組み事項", "reading_kana_mismatch")]
    texts = [p.format() for p in problems]
    assert any(msg("hints.reading_not_hiragana") in t for t in texts)


def test_a_readings_file_with_the_wrong_shape_is_a_schema_error(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    (content / "plans" / "kashima" / "readings.yml").write_text("words:\n  鹿島: かしま\n", encoding="utf-8")
    problems = load_valid_site(content).problems
    assert [(p.file.removeprefix(f"{tmp_path}/"), p.line) for p in problems][:1] == [("content/plans/kashima/readings.yml", 1)]


def test_a_plans_readings_are_part_of_its_units_cache_key(sample):
    from dataclasses import replace

    from generator.build.units import plan_units
    gotsu = next(p for p in sample.plans if p.id == "gotsu")
    before = [u.digest(sample) for u in plan_units(gotsu)]
    changed = replace(gotsu, readings=gotsu.readings + (("推進", "すいしん"),))
    assert all(a != b for a, b in zip(before, [u.digest(sample) for u in plan_units(changed)]))


def test_every_page_of_the_gotsu_plan_reads_its_name_as_the_city_does(sample_site):
    pairs = set()
    for path in (sample_site / urls.plan_base("gotsu")).rglob(urls.RUBY_FRAGMENT):
        page = (path.parent / urls.page_file("")).read_text(encoding="utf-8")
        for entry in decoded(path.read_bytes(), page):
            pairs.update(tuple(seg) for seg in entry if isinstance(seg, list))
    assert ("江津", "ごうつ") in pairs and ("江津", "ごうづ") not in pairs
    assert ("発行日", "はっこうび") in pairs and ("版数", "はんすう") in pairs
    assert not any(word == "日" and reading == "か" for word, reading in pairs)
    assert ("版", "はん") in pairs   # 版 as a noun or after a number (この版, 第1.5版); 江津版 stays ばん
