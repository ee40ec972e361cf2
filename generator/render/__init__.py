"""Render: page data → HTML with the Jinja templates of theme/ (shipped in the package).
"""
