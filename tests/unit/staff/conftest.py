"""What the staff-tool tests share: the fixture plan, as a writable copy and as loaded."""

from __future__ import annotations

import shutil

import pytest

from generator.i18n import set_language
from generator.validate import load_valid_site

from tests.conftest import FIXTURES


@pytest.fixture
def basic_content(tmp_path):
    set_language("ja")
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", target)
    return target


@pytest.fixture
def loaded(basic_content):
    result = load_valid_site(basic_content)
    assert not result.problems
    return result
