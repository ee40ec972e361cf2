"""Pages: which pages and files the site has, at which URLs (urls.py), with which typed
data for their templates. No HTML here: that is theme/ via generator.render.
"""
