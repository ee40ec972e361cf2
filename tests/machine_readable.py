"""A machine-readability check of one edition's open data, written for the national rules for
machine-readable administrative data (行政データにおける機械可読性に関するルール) that apply to
CSV and for what a data user joining plans needs — not derived from the generator's code:

- the file: UTF-8 with a BOM, CRLF, a header line of unique ASCII names, as many cells in
  every record as in the header, no line break inside a cell;
- one value per cell (L1-07): no identifier or vocabulary column holds a list (「|」「,」「、」);
- plain text (L1-06, L1-11): no Markdown marks, no layout spaces (leading, trailing or doubled);
- numeric columns only numbers (L2-01), 西暦 with its 和暦 column beside it;
- every text cell formula-safe: none starts with 「=」「+」「-」「@」, a tab or CR;
- the schema (datapackage.json) lists every CSV with exactly its columns, in order, every
  table starts with the 全国地方公共団体コード (six digits and a valid check digit, or blank);
- plan.json: plain text everywhere but in `<key>_markdown` and a chapter's `markdown`."""

from __future__ import annotations

import csv
import io
import json
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MARKDOWN = re.compile(r"\*\*|\^\^|\]\(|__|~~|^#+ |^> ")
ASCII_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
LIST_MARKS = ("|", ",", "、", ";")


def _check_digit_ok(code: str) -> bool:
    weights = (6, 5, 4, 3, 2)
    total = sum(int(d) * w for d, w in zip(code[:5], weights))
    return (11 - total % 11) % 10 == int(code[5])


def csv_problems(name: str, raw: bytes, schema: dict) -> list[str]:
    problems = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{name}: no BOM")
    text = raw.decode("utf-8-sig")
    if "\n" in text.replace("\r\n", "") or not text.endswith("\r\n"):
        problems.append(f"{name}: line ends other than CRLF")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, records = rows[0], rows[1:]
    if len(rows) != text.count("\r\n"):
        problems.append(f"{name}: a record spans lines")
    if len(set(header)) != len(header) or not all(ASCII_NAME.match(h) for h in header):
        problems.append(f"{name}: header names not unique ASCII: {header}")
    fields = {f["name"]: f for f in schema["fields"]}
    if header != [f["name"] for f in schema["fields"]]:
        problems.append(f"{name}: header {header} is not the schema's")
    if header[:1] != ["region_code"]:
        problems.append(f"{name}: does not start with region_code")
    for number, record in enumerate(records, start=2):
        where = f"{name}:{number}"
        if len(record) != len(header):
            problems.append(f"{where}: {len(record)} cells for {len(header)} columns")
            continue
        for column, cell in zip(header, record):
            field = fields.get(column, {"type": "string"})
            if cell != cell.strip() or "  " in cell or "\u3000\u3000" in cell or "\n" in cell or "\r" in cell:
                problems.append(f"{where}: {column}: layout whitespace {cell!r}")
            if field["type"] in ("integer", "number") and cell:
                try:
                    int(cell) if field["type"] == "integer" else float(cell)
                except ValueError:
                    problems.append(f"{where}: {column}: not a number {cell!r}")
            if field["type"] == "string" and cell.startswith(FORMULA_STARTS):
                problems.append(f"{where}: {column}: a spreadsheet would read {cell!r} as a formula")
            if MARKDOWN.search(cell):
                problems.append(f"{where}: {column}: Markdown in {cell!r}")
            enum = field.get("constraints", {}).get("enum")
            if (column.endswith("_id") or column == "region_code" or enum) and any(m in cell for m in LIST_MARKS):
                problems.append(f"{where}: {column}: several values in one cell {cell!r}")
            if column == "region_code" and cell and not (re.fullmatch(r"\d{6}", cell) and _check_digit_ok(cell)):
                problems.append(f"{where}: region_code {cell!r} is not a valid 全国地方公共団体コード")
    for column in header:   # 西暦 with its 和暦 beside it
        if column.endswith("fiscal_year") and column not in ("base_fiscal_year", "end_fiscal_year") \
                and f"{column}_wareki" not in header:
            problems.append(f"{name}: {column} has no {column}_wareki")
    return problems


def json_problems(data, path: str = "plan.json") -> list[str]:
    problems = []
    if isinstance(data, dict):
        for key, value in data.items():
            if str(key).endswith("_markdown") or key == "markdown":
                continue
            problems += json_problems(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            problems += json_problems(value, f"{path}[{index}]")
    elif isinstance(data, str) and MARKDOWN.search(data):
        problems.append(f"{path}: Markdown in {data[:60]!r}")
    return problems


def edition_problems(files: dict[str, bytes]) -> list[str]:
    """Every problem of one edition's data files (file name → bytes)."""
    package = json.loads(files["datapackage.json"])
    tables = {r["path"]: r for r in package["resources"] if r["path"].endswith(".csv")}
    problems = []
    if set(tables) != {name for name in files if name.endswith(".csv")}:
        problems.append(f"datapackage.json lists {sorted(tables)}, the files are {sorted(files)}")
    for name, resource in tables.items():
        if resource.get("encoding") not in ("utf-8", "utf-8-sig"):
            problems.append(f"{name}: encoding not stated")
        problems += csv_problems(name, files[name], resource["schema"])
    plan = json.loads(files["plan.json"])
    problems += json_problems(plan)
    if "region_code" not in plan:
        problems.append("plan.json has no region_code")
    return problems
