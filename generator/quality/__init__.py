"""Quality checks on a built site (internal links and anchors, foreign resources, HTML
validity with the Nu Html Checker, accessibility with axe-core in Chromium): one
implementation for the test suite and `planpub check`. Knows nothing of the pipeline:
it reads HTML files and drives external tools, saying which one is missing."""
