"""Which MkDocs lays the pages out: MkDocs 1.6 itself (the default), or ProperDocs, the
maintained continuation of MkDocs 1.6 that runs MkDocs plugins and mkdocs-material
unchanged, whenever it is installed (`pip install 'planpub[properdocs]'`; README
"Platform and end-of-life dates").

ProperDocs ships `properdocs.replacement`: once it is imported, every later
`import mkdocs.…` loads the matching `properdocs.…` module, so this adapter and
mkdocs-material run on ProperDocs as they are written. The package imports this module
before anything from mkdocs. A process that already imported mkdocs (the `mkdocs` or
`properdocs` command running our plugin) keeps what it chose.
"""

from __future__ import annotations

import importlib.util
import sys


def _choose() -> None:
    if "mkdocs" not in sys.modules and importlib.util.find_spec("properdocs") is not None:
        import properdocs.replacement  # noqa: F401  (redirects mkdocs.* to properdocs.*)


def name() -> str:
    """"ProperDocs 1.6.7" or "MkDocs 1.6.1": what lays the pages out in this process."""
    import mkdocs
    return f"{'ProperDocs' if mkdocs.__name__ == 'properdocs' else 'MkDocs'} {mkdocs.__version__}"


# Both names: ProperDocs' modules log as properdocs.*, MkDocs' and plugins' as mkdocs.*.
LOGGERS = ("mkdocs", "properdocs")

_choose()
