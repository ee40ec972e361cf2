"""What the command tests share: a writable copy of the fixture plan."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import FIXTURES


@pytest.fixture
def basic_content(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", target)
    return target
