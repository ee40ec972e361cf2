"""The site checks live in the package (generator.quality), shared with `planpub check`."""

from generator.quality.sitecheck import check_links, foreign_resources, html_pages, parse, run_vnu, vnu_jar  # noqa: F401
