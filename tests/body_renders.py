"""How many times the initiative body template ran, per edition and initiative: a fixture
shared by the tests that a build renders each body once per 版 (render/bodies.py)."""

from __future__ import annotations

from collections import Counter

import jinja2
import pytest

from generator.render.bodies import TEMPLATE


@pytest.fixture
def body_renders(monkeypatch) -> Counter:
    """(edition base, initiative id) → times the body template ran for that initiative (a
    sub-item's body, included by its initiative's, is not counted), however it is reached:
    rendered or included."""
    counts: Counter = Counter()
    original = jinja2.Environment.get_template

    def get_template(env, name, *args, **kwargs):
        template = original(env, name, *args, **kwargs)
        if template.name == TEMPLATE and getattr(template, "_counts", None) is not counts:
            # a template kept by an earlier test's renderer runs its own code, counted here
            run = getattr(template, "_uncounted", template.root_render_func)

            def counted(context):
                item = context["item"]
                if not item.parent_id:
                    counts[(context["edition"].base, item.id)] += 1
                return run(context)
            template.root_render_func, template._uncounted, template._counts = counted, run, counts
        return template
    monkeypatch.setattr(jinja2.Environment, "get_template", get_template)
    return counts
