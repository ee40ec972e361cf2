"""The MkDocs adapter: the plugin, and the writer that lays pages out with mkdocs-material.
This is the only package that imports mkdocs.
"""
