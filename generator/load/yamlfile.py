"""Read a hand-edited YAML file and remember the line of every value.

PyYAML alone loses line numbers, silently keeps the last of two duplicate keys and
gives cryptic messages for tabs or wrong encodings. Staff need all of these
reported with a line, so we compose the node tree ourselves.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.i18n import msg
from generator.load import safe_paths
from generator.load.problems import Problems
from generator.load.yaml_errors import explain, fullwidth_indented

MAX_FILE_BYTES = 2 * 1024 * 1024  # a plan file is kilobytes; anything bigger is a mistake
# Content nests a few levels (plan → themes → children → kpis → targets); libyaml's
# composer recurses in C and crashes the process past ~100,000 levels.
MAX_DEPTH = 50
MAX_REPORTED = 5          # anchors, aliases or tags reported per file
# Anchors (&), aliases (*) and tags (!) stand where a node starts: at the start of a line
# or after "- ", ": ", "? ", "[", "{" or ",". (Text like 「**太字**」 in a block of Markdown
# matches too: then the parser's events decide.)
_MARKERS = re.compile(r"(?:^|[-?:,\[{])\s*[&*!]", re.M)
# Nesting is at most the flow brackets plus the block structure a line opens (its
# indentation and "- ", "? ", ": " marks) plus one: with fewer than half the limit of each,
# the file cannot nest deeper than the limit, and its events need not be read.
_DEEP_BLOCK = re.compile(r"^(?:[ ]|[-?:](?=[ ]|$)){%d}" % (MAX_DEPTH // 2), re.M)
_DAY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")

PathKey = tuple  # tuple of str | int


@dataclass
class YamlDocument:
    """Parsed data plus the line (1-based) where each value starts."""

    path: Path
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, key_path: PathKey) -> int | None:
        """Line of the value at key_path, or of its nearest ancestor that has one."""
        key_path = tuple(key_path)
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            key_path = key_path[:-1]
        return self.lines.get((), 1)


def format_path(key_path: PathKey) -> str:
    """('progress', 2023, 'text', 0) -> 'progress.2023.text[0]'."""
    out = ""
    for part in key_path:
        if isinstance(part, int) and not isinstance(part, bool) and out and not _is_year_key(part):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _is_year_key(part: int) -> bool:
    return 1900 <= part <= 2200


def read_text(path: Path, problems: Problems) -> str | None:
    """Read a UTF-8 text file inside the content root (see safe_paths), reporting symlinks,
    BOMs, other encodings and oversized files (never reading more than the limit)."""
    raw = read_content_bytes(path, problems, MAX_FILE_BYTES)
    if raw is None:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.add(path, 1, "", msg("errors.bom"), msg("hints.encoding"), code="bom")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        looks_sjis = _decodes(raw, "cp932")
        problems.add(path, line, "",
                     msg("errors.shift_jis" if looks_sjis else "errors.not_utf8"),
                     msg("hints.encoding"), code="encoding")
        return None


def read_content_bytes(path: Path, problems: Problems, limit: int) -> bytes | None:
    """A content file's bytes, or None with the problem added (symlink, outside content/,
    larger than `limit`, unreadable)."""
    try:
        return safe_paths.read_bytes(path, problems.root, limit)
    except safe_paths.UnsafePath as exc:
        report_unsafe(exc, problems)
    except safe_paths.TooLarge as exc:
        problems.add(path, None, "", msg("errors.file_too_large", size=exc.size // 1024, limit=limit // 1024),
                     msg("hints.file_too_large"), code="file_too_large")
    except OSError as exc:
        problems.add(path, None, "", msg("errors.unreadable", error=exc.strerror or str(exc)),
                     msg("hints.unreadable"), code="unreadable")
    return None


def report_unsafe(exc: safe_paths.UnsafePath, problems: Problems) -> None:
    problems.add(exc.path, None, "", msg(f"errors.{exc.reason}", target=exc.target), msg(f"hints.{exc.reason}"),
                 code=exc.reason)


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


def load_yaml(path: Path, problems: Problems) -> YamlDocument | None:
    """Load one YAML file. Returns None (with problems added) if it cannot be used."""
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(text, path, problems)


def parse_yaml(text: str, path: Path, problems: Problems) -> YamlDocument | None:
    if not text.strip():
        problems.add(path, 1, "", msg("errors.empty_file"), msg("hints.empty_file"), code="empty_file")
        return None
    tab_lines = [n for n, line in enumerate(text.splitlines(), 1)
                 if line[: len(line) - len(line.lstrip(" \t"))].count("\t")]
    for n in tab_lines:
        problems.add(path, n, "", msg("errors.tab"), msg("hints.tab"), code="tab")
    if tab_lines:
        return None
    if not _structure_allowed(text, path, problems):
        return None
    fast = _compose_fast(text)
    if fast is not None:
        loader, node = fast
        return _build(loader, node, path, problems)
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        _report_reader_error(text, path, exc, problems)
        return None
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        _report_reader_error(text, path, exc, problems)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message, hint = explain(text, line, (exc.problem or exc.context or "").strip())
        problems.add(path, line, "", message, hint, code="yaml_syntax")
        return None
    except yaml.YAMLError as exc:  # e.g. a second document or a reader error
        problems.add(path, None, "", msg("errors.yaml_syntax", detail=str(exc).splitlines()[0]),
                     msg("hints.yaml_syntax"), code="yaml_syntax")
        return None
    finally:
        loader.dispose()
    return _build(loader, node, path, problems)


def _structure_allowed(text: str, path: Path, problems: Problems) -> bool:
    """Refuse anchors, aliases and tags (content never needs them; an alias "bomb" of a few
    hundred bytes expands to gigabytes) and nesting deeper than MAX_DEPTH, before anything
    is composed. The parser's events are read only when the text could hold one of them."""
    shallow = text.count("[") + text.count("{") < MAX_DEPTH // 2 and not _DEEP_BLOCK.search(text)
    if shallow and not _MARKERS.search(text):
        return True
    found = 0
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    depth = 0
    try:
        while loader.check_event() and found < MAX_REPORTED:
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.add(path, line, "", msg("errors.yaml_too_deep", limit=MAX_DEPTH),
                                 msg("hints.yaml_too_deep"), code="yaml_too_deep")
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if isinstance(event, yaml.AliasEvent):
                problems.add(path, line, "", msg("errors.yaml_alias", name=event.anchor), msg("hints.yaml_alias"),
                             code="yaml_alias")
                found += 1
            elif getattr(event, "anchor", None) is not None:
                problems.add(path, line, "", msg("errors.yaml_anchor", name=event.anchor), msg("hints.yaml_anchor"),
                             code="yaml_anchor")
                found += 1
            if getattr(event, "tag", None) is not None:
                problems.add(path, line, "", msg("errors.yaml_tag", tag=_short_tag(event.tag)),
                             msg("hints.yaml_tag"), code="yaml_tag")
                found += 1
    except yaml.YAMLError:
        pass  # a syntax error: composing reports it with its line
    finally:
        loader.dispose()
    return found == 0


def _short_tag(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' → '!!python/object' (as it was written)."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _compose_fast(text: str):
    """Compose with libyaml (several times faster, same nodes and line marks) when the
    file parses; on any error return None so the pure-Python loader, whose messages we
    know how to report precisely, reads it again."""
    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None:
        return None
    loader = loader_class(text)
    try:
        return loader, loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _build(loader, node, path: Path, problems: Problems) -> YamlDocument | None:
    if node is None:
        problems.add(path, 1, "", msg("errors.empty_file"), msg("hints.empty_file"), code="empty_file")
        return None
    doc = YamlDocument(path=path, data=None)
    builder = _Builder(loader, doc, problems)
    try:
        doc.data = builder.build(node, ())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.add(path, mark.line + 1 if mark else None, "",
                     msg("errors.yaml_syntax", detail=getattr(exc, "problem", None) or str(exc)),
                     msg("hints.yaml_syntax"), code="yaml_syntax")
        return None
    return None if builder.refused else doc


def _report_reader_error(text: str, path: Path, exc: yaml.reader.ReaderError, problems: Problems) -> None:
    """A character YAML does not allow (control characters and the like)."""
    line = text[: exc.position].count("\n") + 1
    problems.add(path, line, "", msg("errors.control_character", code=f"U+{exc.character:04X}"),
                 msg("hints.control_character"), code="control_character")


class _Builder:
    """Turns composed nodes into Python values, recording lines and duplicate keys."""

    def __init__(self, loader, doc: YamlDocument, problems: Problems):
        self.loader = loader
        self.doc = doc
        self.problems = problems
        self.refused = False   # a value the model cannot hold (.inf, .nan): the file is not used

    def build(self, node: yaml.Node, key_path: PathKey) -> Any:
        self.doc.lines[key_path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
            result: dict = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if isinstance(key, (list, dict)):
                    key = str(key)
                if fullwidth_indented(key):   # 「　theme: …」 reads as a key named "　theme"
                    self.refused = True
                    self.problems.add(self.doc.path, key_node.start_mark.line + 1, "",
                                      msg("errors.fullwidth_indent", key=key.lstrip("\u3000")),
                                      msg("hints.fullwidth_indent"), code="fullwidth_indent")
                if key in result:
                    first = self.doc.lines.get(key_path + (key,))
                    self.problems.add(self.doc.path, key_node.start_mark.line + 1,
                                      format_path(key_path + (key,)),
                                      msg("errors.duplicate_key", key=key, first=first),
                                      msg("hints.duplicate_key"), code="duplicate_key")
                    continue
                result[key] = self.build(value_node, key_path + (key,))
                self.doc.lines[key_path + (key,)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, key_path + (i,)) for i, item in enumerate(node.value)]
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:
            # e.g. 2024-13-01 looks like a date but is not one: keep the text so the
            # schema check can say what is wrong with it.
            value = node.value
        if isinstance(value, float) and not math.isfinite(value):
            self.refused = True
            self.problems.add(self.doc.path, node.start_mark.line + 1, format_path(key_path),
                              msg("errors.not_finite", value=node.value), msg("hints.not_finite"),
                              code="not_finite")
        elif isinstance(value, str) and _DAY.match(value) and not _is_day(value):
            self.problems.add(self.doc.path, node.start_mark.line + 1, format_path(key_path),
                              msg("errors.impossible_date", value=value), msg("hints.impossible_date"),
                              code="impossible_date")
        return value


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False
