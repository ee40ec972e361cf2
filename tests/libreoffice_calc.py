"""Edit a spreadsheet in LibreOffice Calc as a person would, then save it in LibreOffice.

Run by Debian's python3 (which has LibreOffice's bridge, python3-uno), not by the test
environment: `python3 libreoffice_calc.py JOB.json` does one job; `python3
libreoffice_calc.py --serve` reads the path of a job per line on stdin and answers each
with a line on stdout ("ok" or "error: …"), until stdin ends. A job names the file to
open, the edits (each through Calc's own API: setting a cell's text, inserting a column
and pasting a copy into it, sorting, merging, renaming a sheet) and where to save, as .xlsx
or .ods. One headless soffice with its own profile for all the jobs of a run (starting it
with a new profile takes seconds; every job opens its file, edits, saves and closes it);
it is ended before this exits.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "ods": "calc8"}


def prop(name, value):
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.1)


def column_of(sheet, header):
    for index in range(200):
        if sheet.getCellByPosition(index, 0).getString() == header:
            return index
    raise SystemExit(f"no column {header!r} in {sheet.Name}")


def row_of(sheet, where):
    for row in range(1, 2000):
        if all(sheet.getCellByPosition(column_of(sheet, h), row).getString() == v for h, v in where.items()):
            return row
    raise SystemExit(f"no row {where!r} in {sheet.Name}")


def used_end(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.RangeAddress.EndColumn, cursor.RangeAddress.EndRow


def apply(document, edit):
    sheet = document.Sheets.getByName(edit["sheet"])
    kind = edit["do"]
    if kind == "set":   # the cell of `column` in the row matching `where`, typed as text
        cell = sheet.getCellByPosition(column_of(sheet, edit["column"]), row_of(sheet, edit["where"]))
        cell.setString(edit["value"])
    elif kind == "copy_column":   # Insert Columns Before + paste a copy of the column right of it
        source = column_of(sheet, edit["column"])
        sheet.Columns.insertByIndex(source + 1, 1)
        _, end_row = used_end(sheet)
        copied = sheet.getCellRangeByPosition(source, 0, source, end_row).RangeAddress
        sheet.copyRange(sheet.getCellByPosition(source + 1, 0).CellAddress, copied)
    elif kind == "sort":   # Data → Sort on one column, the header row kept on top
        end_column, end_row = used_end(sheet)
        cells = sheet.getCellRangeByPosition(0, 1, end_column, end_row)
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field = column_of(sheet, edit["column"])
        field.IsAscending = not edit.get("descending", False)
        descriptor = cells.createSortDescriptor()
        for item in descriptor:
            if item.Name == "SortFields":
                item.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
        uno.invoke(cells, "sort", (descriptor,))
    elif kind == "merge":   # Format → Merge Cells on a range such as "C2:C3"
        sheet.getCellRangeByName(edit["range"]).merge(True)
    elif kind == "rename":
        sheet.setName(edit["to"])
    else:
        raise SystemExit(f"unknown edit {kind!r}")


def do_job(desktop, job_path):
    with open(job_path, encoding="utf-8") as handle:
        job = json.load(handle)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["open"]), "_blank", 0,
                                            (prop("Hidden", True),))
    try:
        for edit in job.get("edits", []):
            apply(document, edit)
        target = job["save"]
        document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", FILTERS[target.rsplit(".", 1)[-1]]),))
    finally:
        document.close(True)


def main(job_paths):
    """Do each job of `job_paths` (an iterable of paths) in one soffice; yields the outcome
    of each ("ok" or "error: …") once it is saved."""
    profile = tempfile.mkdtemp(prefix="planpub-lo-profile-")
    pipe = f"planpub-calc-{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck",
                               f"-env:UserInstallation=file://{profile}",
                               f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for job_path in job_paths:
            try:
                do_job(desktop, job_path)
            except (Exception, SystemExit) as failed:
                yield f"error: {failed!r}"
            else:
                yield "ok"
        try:
            desktop.terminate()
        except Exception:
            pass   # the bridge closes as soffice exits
        office.wait(60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()
        subprocess.run(["rm", "-rf", profile], check=False)


if __name__ == "__main__":
    if sys.argv[1] == "--serve":
        for outcome in main(line.strip() for line in sys.stdin if line.strip()):
            print(outcome.replace("\n", " "), flush=True)
    else:
        outcomes = list(main([sys.argv[1]]))
        if outcomes != ["ok"]:
            sys.exit(outcomes[0])
