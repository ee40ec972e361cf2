"""Staff tools: the operations that change content on disk — release a 版, scaffold a new
plan, export to and import from Excel/CSV — and the canonical YAML writer they share.
"""
