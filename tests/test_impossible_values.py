"""Values that cannot be true (issue 13, part 2) are refused at validate with a message that
names the real problem: non-finite numbers, days that are not in the calendar, fiscal years
before the supported eras, percentages that contradict their unit, duplicate initiative
numbers and `precedes:` circles. A frozen 版 holding one is reported, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from generator.i18n import msg
from generator.load.manifest import build_manifest, manifest_text
from generator.validate import load_valid_site

from .refusal import refused, reported

W = "plans/sample/working"
INIT = f"{W}/initiatives/online.yml"
REL = "plans/sample/releases/1.1"
HEAD = 'number: "No.1"\ntitle: オンライン申請\ntheme: counter\ndepartments: [市民課]\n'


def kpi(unit: str, *lines: str) -> str:
    return HEAD + f"kpis:\n  - id: k\n    name: 指標\n    unit: \"{unit}\"\n    direction: increase\n" + \
        "".join(f"    {line}\n" for line in lines)


def write(content: Path, relative: str, text: str) -> None:
    (content / relative).write_text(text, encoding="utf-8")


def codes(content: Path) -> list[str]:
    return sorted(p.code for p in load_valid_site(content).problems)


# ── non-finite numbers ────────────────────────────────────────────────────────────────

def test_an_infinite_target_is_refused_as_not_a_number_not_as_a_direction(basic_content):
    write(basic_content, INIT, kpi("件", "baseline: {fy: 2023, value: 0}", "targets:", "  2024: {value: .inf}"))
    result = refused(basic_content)
    reported(result, f"content/{INIT}:12", "kpis[0].targets.2024.value", msg("errors.not_finite", value=".inf"))
    assert "direction" not in result.stderr and "方向" not in result.stderr


def test_a_nan_actual_is_refused(basic_content):
    write(basic_content, INIT, kpi("件", "targets:", "  2024: {value: 10}", "actuals:", "  2024: {value: .nan}"))
    result = refused(basic_content, "build")
    reported(result, f"content/{INIT}:13", msg("errors.not_finite", value=".nan"))


def test_a_negative_infinite_baseline_is_refused(basic_content):
    write(basic_content, INIT, kpi("件", "baseline: {fy: 2023, value: -.Inf}", "targets:", "  2024: {value: 10}"))
    reported(refused(basic_content), f"content/{INIT}:10", msg("errors.not_finite", value="-.Inf"))


def test_a_nan_change_percent_is_refused(basic_content):
    write(basic_content, INIT, kpi("件", "targets:", "  2025: {change_percent: .NaN, base_fy: 2023}"))
    reported(refused(basic_content), f"content/{INIT}:11", msg("errors.not_finite", value=".NaN"))


def test_a_nan_in_plan_yml_is_refused(basic_content):
    path = basic_content / W / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("period: {start: 2023, end: 2025}",
                                                             "period: {start: 2023, end: .nan}"), encoding="utf-8")
    reported(refused(basic_content), f"content/{W}/plan.yml:4", msg("errors.not_finite", value=".nan"))


def test_a_frozen_edition_with_an_infinite_value_is_reported_not_crashed(basic_content):
    """A 版 frozen before this check existed (its manifest matches): the build says what
    is wrong instead of crashing, so nothing half-built is left."""
    release = basic_content / REL
    path = release / "initiatives" / "online.yml"
    text = path.read_text(encoding="utf-8")
    assert "value: 10" in text
    path.write_text(text.replace("value: 10", "value: .inf", 1), encoding="utf-8")
    (release / "manifest.json").write_text(manifest_text(build_manifest(release)), encoding="utf-8")
    result = refused(basic_content, "build")
    reported(result, f"content/{REL}/initiatives/online.yml", msg("errors.not_finite", value=".inf"))


# ── days, dates and fiscal years ──────────────────────────────────────────────────────

def test_february_the_thirtieth_is_refused(basic_content):
    write(basic_content, INIT, HEAD + "progress:\n  2024:\n    status: 運用中\n    as_of: 2026-02-30\n")
    reported(refused(basic_content), f"content/{INIT}:8", "progress.2024.as_of",
             msg("errors.impossible_date", value="2026-02-30"))


def test_a_quoted_impossible_day_is_refused(basic_content):
    write(basic_content, INIT, HEAD + 'progress:\n  2024:\n    status: 運用中\n    as_of: "2025-04-31"\n')
    reported(refused(basic_content), f"content/{INIT}:8", msg("errors.impossible_date", value="2025-04-31"))


def test_a_leap_day_in_a_leap_year_is_accepted(basic_content):
    write(basic_content, INIT, HEAD + "progress:\n  2024:\n    status: 運用中\n    as_of: 2024-02-29\n")
    assert codes(basic_content) == []


def test_an_impossible_release_date_is_refused(basic_content):
    path = basic_content / "plans/sample/history.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2022-03-31", "date: 2022-02-29"),
                    encoding="utf-8")
    reported(refused(basic_content), "content/plans/sample/history.yml:3",
             msg("errors.impossible_date", value="2022-02-29"))


def test_a_fiscal_year_before_the_supported_eras_is_refused(basic_content):
    """FY1900 has no era name (the first supported is 昭和): the build crashed naming it."""
    path = basic_content / W / "plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("period: {start: 2023, end: 2025}",
                                                             "period: {start: 1900, end: 2025}"), encoding="utf-8")
    result = refused(basic_content)
    reported(result, f"content/{W}/plan.yml:4", "period.start",
             msg("errors.year_out_of_range", value=1900, first=1926, last=2199))


def test_a_base_year_before_the_eras_is_refused(basic_content):
    write(basic_content, INIT, kpi("件", "targets:", "  2025: {change_percent: 50, base_fy: 1925}"))
    reported(refused(basic_content), f"content/{INIT}:11", msg("errors.year_out_of_range", value=1925,
                                                               first=1926, last=2199))


def test_the_first_fiscal_year_of_showa_is_accepted(basic_content):
    write(basic_content, INIT, kpi("件", "baseline: {fy: 1926, value: 1}", "targets:", "  2024: {value: 10}"))
    assert codes(basic_content) == []


# ── percentages ───────────────────────────────────────────────────────────────────────

def test_a_share_above_one_hundred_percent_is_refused(basic_content):
    write(basic_content, INIT, kpi("%", "targets:", "  2024: {value: 120}"))
    reported(refused(basic_content), f"content/{INIT}:11", "kpis[0].targets.2024.value",
             msg("errors.percent_out_of_range", value=120, unit="%"))


def test_a_negative_share_is_refused_with_the_full_width_unit(basic_content):
    write(basic_content, INIT, kpi("％", "baseline: {fy: 2023, value: -5}", "targets:", "  2024: {value: 10}"))
    reported(refused(basic_content), f"content/{INIT}:10", msg("errors.percent_out_of_range", value=-5, unit="％"))


def test_a_ratio_written_for_a_percentage_is_refused(basic_content):
    """80.1% pasted from a spreadsheet as 0.801, beside targets written as percentages."""
    write(basic_content, INIT, kpi("%", "targets:", "  2024: {value: 80}", "actuals:", "  2024: {value: 0.801}"))
    reported(refused(basic_content), f"content/{INIT}:13", "kpis[0].actuals.2024.value",
             msg("errors.percent_as_ratio", value=0.801, percent="80.1", unit="%"))


def test_small_percentages_on_one_scale_are_accepted(basic_content):
    """An error rate of 0.5% going down to 0.2% is on one scale: nothing contradicts it."""
    write(basic_content, INIT, HEAD + "kpis:\n  - id: k\n    name: 誤り率\n    unit: \"%\"\n    direction: decrease\n"
                                      "    baseline: {fy: 2023, value: 0.5}\n    targets:\n      2025: {value: 0.2}\n")
    assert codes(basic_content) == []


def test_a_measure_that_may_pass_one_hundred_names_its_unit(basic_content):
    write(basic_content, INIT, kpi("%（前年度比）", "targets:", "  2024: {value: 120}"))
    assert codes(basic_content) == []


def test_a_reduction_of_more_than_one_hundred_percent_is_refused(basic_content):
    write(basic_content, INIT, HEAD + "kpis:\n  - id: k\n    name: 紙の申請\n    unit: 件\n    direction: decrease\n"
                                      "    targets:\n      2025: {change_percent: -150, base_fy: 2023}\n")
    reported(refused(basic_content), f"content/{INIT}:11", "change_percent",
             msg("errors.change_below_minus_100", value=-150))


def test_a_negative_ratio_is_refused(basic_content):
    write(basic_content, INIT, HEAD + "kpis:\n  - id: k\n    name: 紙の申請\n    unit: 件\n    direction: decrease\n"
                                      "    targets:\n      2025: {ratio: -0.5, base_fy: 2023}\n")
    reported(refused(basic_content), f"content/{INIT}:11", "ratio",
             msg("errors.not_above", title=msg("schema.kpi_value_ratio"), limit=0, value=-0.5))


# ── duplicates and circles ────────────────────────────────────────────────────────────

def test_two_initiatives_with_one_number_are_refused(basic_content):
    path = basic_content / W / "initiatives" / "paperless.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('number: "No.2"', 'number: "No.1"'), encoding="utf-8")
    reported(refused(basic_content), f"content/{W}/initiatives/paperless.yml:1", "number",
             msg("errors.duplicate_number", value="No.1", other="online.yml"))


def _history(content: Path, entries: str) -> None:
    (content / "plans/sample/history.yml").write_text("versions:\n" + entries, encoding="utf-8")


def test_editions_preceding_each_other_in_a_circle_are_refused(basic_content):
    _history(basic_content, '  - label: "0.8"\n    precedes: "0.9"\n  - label: "0.9"\n    precedes: "0.8"\n')
    result = refused(basic_content)
    reported(result, "content/plans/sample/history.yml:3", "versions[0].precedes",
             msg("errors.version_precedes_cycle", cycle="0.8 → 0.9 → 0.8"))
    reported(result, "content/plans/sample/history.yml:5", "versions[1].precedes",
             msg("errors.version_precedes_cycle", cycle="0.9 → 0.8 → 0.9"))


def test_an_edition_preceding_itself_is_refused(basic_content):
    _history(basic_content, '  - label: "0.9"\n    precedes: "0.9"\n')
    reported(refused(basic_content), "content/plans/sample/history.yml:3",
             msg("errors.version_precedes_cycle", cycle="0.9 → 0.9"))


def test_a_chain_of_undated_editions_is_accepted(basic_content):
    _history(basic_content, '  - label: "0.8"\n    precedes: "0.9"\n  - label: "0.9"\n    precedes: "1.0"\n')
    assert codes(basic_content) == []


def test_the_model_never_holds_a_non_finite_number(basic_content):
    """What the build would publish as 「nan件」「達成率: nan%」: the file is not used at all."""
    write(basic_content, INIT, kpi("件", "targets:", "  2024: {value: .nan}"))
    result = load_valid_site(basic_content)
    working = result.plans[0].working.content
    assert "online" not in {i.id for i in working.initiatives}
    assert json.dumps([k.targets and str(k.targets) for k in working.all_kpis()]).find("nan") == -1
