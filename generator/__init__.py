"""planpub: structured plan data in, versioned static web site out.

The packages read as the pipeline: model (the data and its field registry) → load →
validate → pages (which pages, URLs, typed page data) → render (Jinja, theme/) → build
(units, cache, search, site/) → adapters (MkDocs, the command line). Staff tools that
change content (release, new, Excel/CSV) are in `staff`. Only `adapters.mkdocs` imports
MkDocs. All UI text is in locales/ (see i18n).
"""

__version__ = "0.1.0"
