"""What loading produces (load/documents.py): the model with the documents it came from,
by 版 and for the working copy, so every rule can name a line."""

from __future__ import annotations

from generator.load.documents import LoadedContent, LoadedPlan, LoadResult
from generator.load.loader import load_site

from tests.conftest import FIXTURES


def test_a_loaded_plan_keeps_each_versions_documents_and_the_working_copy():
    result = load_site(FIXTURES / "basic")
    assert isinstance(result, LoadResult) and result.site is not None
    [loaded] = result.plans
    assert isinstance(loaded, LoadedPlan) and set(loaded.contents) == {"1.0", "1.1"}
    first = loaded.contents["1.0"]
    assert isinstance(first, LoadedContent) and first.plan_doc.path.name == "plan.yml"
    assert set(first.initiative_docs) == {i.id for i in first.content.initiatives}
    assert loaded.working is not None and loaded.working.directory.name == "working"
    assert set(loaded.release_docs) == {"1.0", "1.1"}
