"""MkDocs' log: warnings and errors only, on stderr (its info lines are noise to staff)."""

from __future__ import annotations

import logging
import sys


def quiet_mkdocs() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
