"""The MkDocs adapter: the plugin, and the writer that lays pages out with mkdocs-material.
This is the only package that imports mkdocs. Which MkDocs — MkDocs 1.6 or ProperDocs, its
maintained continuation — is chosen first, by engine.py.
"""

from generator.adapters.mkdocs import engine  # noqa: F401  (before any mkdocs import)
