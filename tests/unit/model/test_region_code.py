"""全国地方公共団体コード (model/region_code.py): the check digit by the published rule, and
plan.yml's region_code validated with its file, line and the code it should be."""

from __future__ import annotations

import shutil

import pytest

from generator.model import region_code
from generator.validate import load_valid_site

from tests.conftest import FIXTURES

# Public codes: prefecture, a city with remainder 0 (check digit 1) and 1 (check digit 0), the samples.
KNOWN = {"010006": "北海道", "131016": "千代田区", "012131": "苫小牧市", "012050": "室蘭市",
         "322075": "江津市", "412074": "鹿島市"}


@pytest.mark.parametrize("code", sorted(KNOWN))
def test_known_codes_have_their_check_digit(code):
    assert region_code.is_valid(code) and region_code.check_digit(code[:5]) == int(code[5])


@pytest.mark.parametrize("code", ["322070", "32207", "3220755", "32207a", "", "３２２０７５"])
def test_a_wrong_check_digit_or_shape_is_refused(code):
    assert not region_code.is_valid(code)


def test_the_fix_names_the_right_code():
    assert region_code.expected("322079") == "322075" and region_code.expected("32207") == "322075"


def _plan_with(tmp_path, code_line: str):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", content)
    plan = content / "plans/sample/working/plan.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("municipality:", f"{code_line}\nmunicipality:", 1), encoding="utf-8")
    return load_valid_site(content), plan.read_text(encoding="utf-8").splitlines().index(code_line) + 1


def test_plan_yml_with_a_wrong_check_digit_is_an_error_with_its_line(tmp_path):
    result, line = _plan_with(tmp_path, 'region_code: "322079"')
    [problem] = [p for p in result.problems if p.code == "region_code_check_digit"]
    assert problem.file.endswith("working/plan.yml") and problem.line == line and problem.field == "region_code"
    assert "322079" in problem.message and "322075" in problem.hint


def test_plan_yml_with_five_digits_is_a_schema_error(tmp_path):
    result, line = _plan_with(tmp_path, 'region_code: "32207"')
    assert [p.line for p in result.problems if p.field == "region_code"] == [line]


def test_the_code_of_the_working_copy_names_every_edition(tmp_path):
    """Site metadata, not a statement of a document: frozen 版 stay untouched and still get it."""
    result, _ = _plan_with(tmp_path, 'region_code: "322075"')
    assert not result.problems
    from generator.model.resolved import EditionKind, resolve_edition
    plan = result.site.plans[0]
    for version in plan.snapshot_versions:
        assert plan.snapshots[version.id].region_code is None
        assert resolve_edition(plan, version, EditionKind.FROZEN, result.site).region_code == "322075"
