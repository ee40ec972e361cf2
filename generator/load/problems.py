"""Problems found in content: collected, never raised one by one.

Every check appends to a `Problems` list so that one run reports every mistake at
once, each with the file, line and field path a staff member needs to fix it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.text_safety import visible


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
    shown_root: Path | None = None   # name files from here instead of `root` (see `shown`)

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
        return visible(self.shown(file))   # a name with a line break or a bidi control shows as it is

    def shown(self, file: Path | str) -> str:
        """A path as the person can use it from where they ran the command: inside the content
        folder, that folder as they gave it (--content ../c → ../c/plans/…); otherwise as it is."""
        path = Path(file)
        if self.root is None:
            return path.as_posix()
        base = self.shown_root or self.root
        # The path as written first: resolving a symlink would name its target instead.
        for candidate, root in ((Path(os.path.abspath(path)), Path(os.path.abspath(self.root))),
                                (path.resolve(), self.root.resolve())):
            try:
                return (base / candidate.relative_to(root)).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def content_option(self) -> str:
        """What a command in a hint needs to find the same content: " --content <folder>" unless
        it is the default folder, content/ of the current folder."""
        if self.root is None:
            return ""
        shown = self.shown(self.root)
        real = self.shown_root or self.root
        return "" if Path(os.path.abspath(real)) == Path.cwd() / "content" else f" --content {shown}"

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def sorted(self) -> list[Problem]:
        # Stable, predictable order: by file, then line; problems without a line first.
        return sorted(self.items, key=lambda p: (p.file, p.line or 0, p.field, p.message))


def from_here(path: Path) -> Path:
    """`path` relative to the current folder when it lies inside it (a content folder found
    through mkdocs.yml is named as the person would type it), else as it is."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd())
    except ValueError:
        return path
