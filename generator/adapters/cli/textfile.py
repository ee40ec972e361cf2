"""A text file staff wrote (release notes): UTF-8, or Shift_JIS (Windows メモ帳 and Excel
still save it) read with a note; anything else refused with what to do."""

from __future__ import annotations

from pathlib import Path

from generator.adapters.cli.oserrors import explain
from generator.i18n import msg


class TextFileError(Exception):
    pass


def read_staff_text(path: Path) -> tuple[str, str | None]:
    """(text, a note to show or None). Raises TextFileError with a message."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(explain(exc)) from None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        text = None
    # Python's cp932 maps bytes Shift_JIS leaves unused to private-use characters and C1
    # controls: those mean the file was not Shift_JIS either.
    if text is None or any("\ue000" <= ch <= "\uf8ff" or "\x80" <= ch <= "\x9f" for ch in text):
        raise TextFileError(msg("cli.text_unknown_encoding", file=path))
    return text, msg("cli.text_read_as_sjis", file=path)
