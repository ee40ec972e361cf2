"""An operating-system error (no permission, read-only disk, disk full…) as a sentence
a person can act on: what happened, to which path, and what to do."""

from __future__ import annotations

import errno

from generator.i18n import msg

_KINDS = {
    errno.EACCES: "permission", errno.EPERM: "permission",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full",
    errno.ENOENT: "missing",
    errno.EXDEV: "cross_device",
    errno.ENAMETOOLONG: "name_too_long",
}


def explain(exc: OSError) -> str:
    kind = _KINDS.get(exc.errno, "other")
    path = exc.filename if exc.filename is not None else msg("cli.os_error.unknown_path")
    return msg(f"cli.os_error.{kind}", path=path, detail=exc.strerror or str(exc))
