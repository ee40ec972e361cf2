"""Every word a person reads comes from the locale catalogues (generator/i18n.py)."""

from __future__ import annotations


def test_every_language_has_every_message_with_the_same_placeholders():
    import re

    from generator.i18n import _catalogue, available_languages

    def walk(node, prefix=""):
        for key, value in node.items():
            if isinstance(value, dict):
                yield from walk(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value

    reference = dict(walk(_catalogue("ja")))
    for language in available_languages():
        entries = dict(walk(_catalogue(language)))
        # Another language may leave a line out (it falls back to Japanese), never add one.
        assert set(entries) <= set(reference), (language, set(entries) - set(reference))
        for key, text in entries.items():
            if key.startswith("fiscal."):
                continue  # date formats pick what their language needs (see test_fiscal)
            assert set(re.findall(r"\{[a-z_]+\}", text)) == set(re.findall(r"\{[a-z_]+\}", reference[key])), key
