"""planpub: structured plan data in, versioned static web site out.

The core (loader → rules → model → pages → render) knows nothing about MkDocs;
`mkdocs_plugin` adapts it, and `cli` with `commands/` drives it.
"""

__version__ = "0.1.0"
