"""Withdrawing a 版 released by mistake (staff/withdraw.py): only the latest, only with a
reason; the folder removed and the withdrawal recorded in the ledger, so validate accepts
its absence; an interrupted withdrawal put back to be run again."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.load.ledger import read_ledger_file
from generator.load.problems import Problems
from generator.staff.ledger import current_entries, write_ledger
from generator.staff.release import ReleaseRefused
from generator.staff.withdraw import WITHDRAWING, interrupted, prepare_withdrawal, resume, write_withdrawal
from generator.validate import load_valid_site


@pytest.fixture
def recorded(basic_content):
    plan = basic_content / "plans/sample"
    write_ledger(plan, current_entries(plan))
    return basic_content


@pytest.mark.parametrize("ref, reason, said", [("1.0", "誤り", "第1.1版"), ("9.9", "誤り", "1.1"), ("1.1", " ", "")])
def test_only_the_latest_version_and_only_with_a_reason(recorded, ref, reason, said):
    with pytest.raises(ReleaseRefused) as refused:
        prepare_withdrawal(load_valid_site(recorded), recorded, "sample", ref, reason)
    assert said in str(refused.value)


def test_the_withdrawal_is_recorded_and_validate_accepts_the_absence(recorded):
    plan = recorded / "plans/sample"
    withdrawal = prepare_withdrawal(load_valid_site(recorded), recorded, "sample", "1.1", "別の計画の内容で公開したため")
    record = write_withdrawal(withdrawal, recorded.resolve(), now=dt.datetime(2026, 4, 1, 9, 0).astimezone())
    assert not (plan / "releases/1.1").exists() and record.reason == "別の計画の内容で公開したため"
    ledger = read_ledger_file(plan, Problems())
    assert [w.version_id for w in ledger.withdrawn] == ["1.1"] and record.time.startswith("2026-04-01T09:00")
    again = load_valid_site(recorded)
    assert not again.problems and again.site.plans[0].latest.id == "1.0"


def test_an_interrupted_withdrawal_is_put_back(recorded):
    plan = recorded / "plans/sample"
    (plan / "releases/1.1").rename(plan / "releases" / f"{WITHDRAWING}1.1-x")
    assert interrupted(plan, "1.1") is not None
    assert resume(plan, "1.1") and (plan / "releases/1.1").is_dir() and interrupted(plan, "1.1") is None
    assert not resume(plan, "1.1")
