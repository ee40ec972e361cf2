"""Writing the ledger (staff/ledger.py): an entry per frozen 版 as its files are now, ids
kept as text (1.10 is not 1.1), written whole or not at all."""

from __future__ import annotations

from generator.load.ledger import LedgerEntry, read_ledger
from generator.load.problems import Problems
from generator.staff.ledger import current_entries, ledger_text, write_ledger


def test_entries_for_every_frozen_version_read_back_as_written(basic_content):
    plan = basic_content / "plans/sample"
    entries = current_entries(plan)
    assert [e.version_id for e in entries] == ["1.0", "1.1"]
    write_ledger(plan, entries)
    assert [(e.version_id, e.manifest) for e in read_ledger(plan, Problems())] == \
        [(e.version_id, e.manifest) for e in entries]
    assert not list(plan.glob(".ledger-*"))


def test_ids_stay_text_and_the_file_says_what_it_is():
    text = ledger_text([LedgerEntry("1.10", "sha256:ab")])
    assert text.startswith("# ") and 'id: "1.10"' in text and 'manifest: "sha256:ab"' in text
