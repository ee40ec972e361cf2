"""Build: a whole site on disk from the pages: build units, the cache, parallel batches,
the search index, the sitemap and the atomic swap into site/. Pages are written by a
`PageWriter` (the MkDocs adapter provides one); nothing here imports MkDocs.
"""
