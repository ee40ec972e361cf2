"""The real time of a publishing event (issue 17): `planpub release` records when it published
a 版 in the plan's ledger; feeds use it where Atom needs a full timestamp, while dc:date and
the data keep the document's own date as precise as stated. Ledgers written before releases
were timed stay valid and build unmodified, and nothing then invents a day or a month."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from generator.i18n import set_language
from generator.load.ledger import read_ledger
from generator.load.problems import Problems
from generator.model.resolved import resolve_versions
from generator.pages import urls
from generator.pages.files import feed_entries
from generator.render.renderer import Renderer
from generator.validate import load_valid_site

from .conftest import FIXTURES, run_cli
from .refusal import refused

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
PLAN = "plans/sample"


def _feed(content, plan_id: str):
    set_language("ja")
    site = load_valid_site(content).site
    plan = next(p for p in site.plans if p.id == plan_id)
    xml = Renderer().render_feed(title="t", self_path=urls.plan_feed(plan_id), home_path=urls.plan_base(plan_id),
                                 entries=feed_entries(plan, resolve_versions(plan, site)),
                                 site_url="https://example.jp/", written="2030-01-02T03:04:05+09:00")
    return {e.find(f"{ATOM}id").text.rsplit("/", 1)[-1] or e.find(f"{ATOM}id").text: e
            for e in ET.fromstring(xml).findall(f"{ATOM}entry")}, ET.fromstring(xml)


def test_release_records_when_it_published_the_version(basic_content):
    before = dt.datetime.now().astimezone().replace(microsecond=0)
    result = run_cli("release", "sample", "1.2", "--date", "2026", "--no-notes", "--yes",
                     "--content", str(basic_content))
    assert result.returncode == 0, result.stderr
    entries = read_ledger(basic_content / PLAN, Problems())
    assert [e.version_id for e in entries][-1] == "1.2"
    released = dt.datetime.fromisoformat(entries[-1].released)
    assert released.tzinfo is not None and before <= released <= dt.datetime.now().astimezone()
    assert all(e.released is None for e in entries[:-1])   # earlier 版 keep what was recorded: nothing
    assert not load_valid_site(basic_content).problems

    entries_by_id, _ = _feed(basic_content, "sample")
    new = next(e for key, e in entries_by_id.items() if "1.2" in key)
    assert new.find(f"{ATOM}updated").text == entries[-1].released   # the publishing event …
    assert new.find(f"{DC}date").text == "2026"                        # … and the document's own date
    assert "2026年1月" not in new.find(f"{ATOM}summary").text and "2026-01-01" not in ET.tostring(new, "unicode")


def test_a_version_dated_only_by_year_gets_no_invented_day(tmp_path):
    """The pattern plans' ledgers predate timed releases: a 版 dated 「2025」 is never
    2025-01-01 in its feed; its <updated> is when the feed was written."""
    entries, feed = _feed(FIXTURES / "patterns", "dates-and-stages")
    for entry in entries.values():
        updated, stated = entry.find(f"{ATOM}updated").text, entry.find(f"{DC}date").text
        assert not re.match(r"\d{4}-01-01T|\d{4}-\d{2}-01T00:00:00", updated) or len(stated) == 10, (stated, updated)
        assert updated == "2030-01-02T03:04:05+09:00"
    titles = [e.find(f"{ATOM}title").text for e in entries.values()]
    assert any(t.endswith("第1.0版（案）") for t in titles) and any(t.endswith("第1.0版（策定）") for t in titles)


def test_a_version_dated_to_the_day_uses_that_day(sample_content):
    entries, _ = _feed(sample_content, "gotsu")
    entry = next(e for key, e in entries.items() if "1.5" in key)
    assert entry.find(f"{ATOM}updated").text == "2026-03-26T00:00:00+09:00"
    assert entry.find(f"{DC}date").text == "2026-03-26"


def test_a_ledger_time_that_is_not_an_instant_is_refused(basic_content):
    run_cli("ledger", "--content", str(basic_content))
    ledger = basic_content / PLAN / "ledger.yml"
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace('manifest: "sha256:', 'released: "2026-03"\n    manifest: "sha256:', 1),
                      encoding="utf-8")
    result = refused(basic_content, "validate")
    assert "台帳（ledger.yml）を読み込めません" in result.stderr
    ledger.write_text(text.replace('manifest: "sha256:', 'released: "2026-03-26T10:15:00+09:00"\n    manifest: "sha256:',
                                   1), encoding="utf-8")
    assert not load_valid_site(basic_content).problems
    site = load_valid_site(basic_content).site
    assert site.plans[0].version("1.0").released == "2026-03-26T10:15:00+09:00"
