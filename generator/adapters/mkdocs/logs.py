"""MkDocs' log: warnings and errors only, on stderr (its info lines are noise to staff)."""

from __future__ import annotations

import logging
import sys

from generator.adapters.mkdocs.engine import LOGGERS


def quiet_mkdocs() -> None:
    for name in LOGGERS:   # MkDocs' and, when it lays the pages out, ProperDocs' (engine.py)
        logger = logging.getLogger(name)
        if not logger.handlers:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
            logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
