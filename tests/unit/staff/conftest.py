"""What the staff-tool tests share: the fixture plan as loaded from its writable copy
(`basic_content`, tests/conftest.py), in Japanese."""

from __future__ import annotations

import pytest

from generator.i18n import set_language
from generator.validate import load_valid_site


@pytest.fixture
def loaded(basic_content):
    set_language("ja")
    result = load_valid_site(basic_content)
    assert not result.problems
    return result
