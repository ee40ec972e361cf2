"""MkDocs' log: warnings and errors only, on stderr (its info lines are noise to staff)."""

from __future__ import annotations

import logging
import sys

from generator.adapters.mkdocs.engine import LOGGERS


class _Stderr(logging.StreamHandler):
    """Writes to sys.stderr as it is when a record is logged, not as it was when the handler
    was made: the CLI also runs in process (tests, scripts) with sys.stderr replaced."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def quiet_mkdocs() -> None:
    for name in LOGGERS:   # MkDocs' and, when it lays the pages out, ProperDocs' (engine.py)
        logger = logging.getLogger(name)
        if not logger.handlers:
            handler = _Stderr()
            handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
            logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
