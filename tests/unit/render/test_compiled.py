"""Compiled templates kept per process and handed between processes (render/compiled.py)."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from generator.render.compiled import MemoryBytecodeCache

TEMPLATES = {"page.html": "<p>{{ name }}</p>", "other.html": "{% for i in items %}{{ i }}{% endfor %}"}


class CountingEnvironment(Environment):
    compiled: int = 0

    def _compile(self, source, filename):
        type(self).compiled += 1
        return super()._compile(source, filename)


def _environment(cache: MemoryBytecodeCache, templates=TEMPLATES) -> CountingEnvironment:
    return CountingEnvironment(loader=DictLoader(templates), bytecode_cache=cache)


def test_taken_gives_what_was_compiled_since_the_last_call_once():
    cache = MemoryBytecodeCache()
    _environment(cache).get_template("page.html")
    first = cache.taken()
    assert len(first) == 1 and cache.taken() == {}
    _environment(cache).get_template("other.html")
    assert len(cache.taken()) == 1


def test_templates_added_from_another_process_are_loaded_not_compiled():
    worker, build = MemoryBytecodeCache(), MemoryBytecodeCache()
    _environment(worker).get_template("page.html")
    build.add(worker.taken())
    CountingEnvironment.compiled = 0
    template = _environment(build).get_template("page.html")
    assert template.render(name="計画") == "<p>計画</p>" and CountingEnvironment.compiled == 0
    assert build.taken() == {}   # added, not compiled here: nothing to hand on


def test_an_added_template_whose_source_changed_is_compiled_again():
    worker, build = MemoryBytecodeCache(), MemoryBytecodeCache()
    _environment(worker).get_template("page.html")
    build.add(worker.taken())
    CountingEnvironment.compiled = 0
    changed = _environment(build, {"page.html": "<div>{{ name }}</div>"}).get_template("page.html")
    assert changed.render(name="x") == "<div>x</div>" and CountingEnvironment.compiled == 1
