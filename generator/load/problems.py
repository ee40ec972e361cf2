"""Problems found in content: collected, never raised one by one.

Every check appends to a `Problems` list so that one run reports every mistake at
once, each with the file, line and field path a staff member needs to fix it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, in words a staff member can act on."""

    file: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    code: str = ""

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text


@dataclass
class Problems:
    """An ordered collection of problems, relative to a content root."""

    root: Path | None = None
    items: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)   # worth saying, never a failure
    _seen: set = field(default_factory=set, repr=False)

    def add(self, file: Path | str, line: int | None, field_path: str, message: str,
            hint: str = "", code: str = "") -> None:
        problem = Problem(self._display(file), line, field_path, message, hint, code)
        if problem not in self._seen:  # e.g. a symlink found by the scan and by its reader
            self._seen.add(problem)
            self.items.append(problem)

    def note(self, file: Path | str, line: int | None, field_path: str, message: str,
             hint: str = "", code: str = "") -> None:
        self.notes.append(Problem(self._display(file), line, field_path, message, hint, code))

    def _display(self, file: Path | str) -> str:
        path = Path(file)
        if self.root is not None:
            # The path as written first: resolving a symlink would name its target instead.
            for candidate, base in ((Path(os.path.abspath(path)), Path(os.path.abspath(self.root)).parent),
                                    (path.resolve(), self.root.resolve().parent)):
                try:
                    return candidate.relative_to(base).as_posix()
                except ValueError:
                    pass
        return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def sorted(self) -> list[Problem]:
        # Stable, predictable order: by file, then line; problems without a line first.
        return sorted(self.items, key=lambda p: (p.file, p.line or 0, p.field, p.message))
