"""What the tests of the resolved 版 share: the pattern plans (tests/fixtures/patterns) and
the basic fixture plan, loaded once per module, and one edition of a plan resolved."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.model.resolved import EditionKind, resolve_edition
from generator.validate import load_valid_site

from tests.conftest import FIXTURES


def _loaded(folder):
    set_language("ja")
    result = load_valid_site(folder)
    assert not result.problems
    return result.site, {p.id: p for p in result.site.plans}


@pytest.fixture(scope="module")
def patterns():
    return _loaded(FIXTURES / "patterns")


@pytest.fixture(scope="module")
def basic():
    return _loaded(FIXTURES / "basic")


@pytest.fixture(scope="module")
def edition(patterns):
    """edition(plan_id, kind=LATEST, version_id=None): a pattern plan's edition resolved."""
    def resolved(plan_id: str, kind=EditionKind.LATEST, version_id: str | None = None):
        site, plans = patterns
        plan = plans[plan_id]
        version = plan.version(version_id) if version_id else plan.latest
        return resolve_edition(plan, version, kind, site)
    return resolved
