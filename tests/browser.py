"""The browser helpers live in the package (generator.quality), shared with `planpub check`."""

from generator.quality.browser import CHROMIUM, CHROMIUM_ARGS, launch, serve_directory  # noqa: F401
