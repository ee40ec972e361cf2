"""Adapters: the outside interfaces over the core — MkDocs (the only package that imports
mkdocs) and the `planpub` command line.
"""
