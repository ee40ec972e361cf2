"""What plan documents need beyond standard Markdown, without raw HTML:

- underline as the source has it: ^^text^^ → <u>text</u>;
- merged cells in tables: a cell holding only `<` joins the cell to its left (colspan),
  a cell holding only `^` joins the cell above (rowspan) — as MultiMarkdown writes them.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.treeprocessors import Treeprocessor

from generator.model.markup import UNDERLINE   # what ^^…^^ means is the content format's (model/markup.py)

JOIN_LEFT, JOIN_ABOVE = "<", "^"


class MergedCells(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            self._merge(table)

    def _merge(self, table: etree.Element) -> None:
        rows = [row for section in table for row in section if row.tag == "tr"]
        above: dict[int, etree.Element] = {}       # column → the cell that covers it
        for row in rows:
            column, previous = 0, None
            for cell in list(row):
                text = (cell.text or "").strip() if len(cell) == 0 else None
                if text == JOIN_LEFT and previous is not None:
                    previous.set("colspan", str(int(previous.get("colspan", "1")) + 1))
                    row.remove(cell)
                    column += 1
                    continue
                if text == JOIN_ABOVE and column in above:
                    target = above[column]
                    target.set("rowspan", str(int(target.get("rowspan", "1")) + 1))
                    row.remove(cell)
                    column += int(target.get("colspan", "1"))
                    continue
                for offset in range(int(cell.get("colspan", "1"))):
                    above[column + offset] = cell
                previous = cell
                column += int(cell.get("colspan", "1"))


class PlanDocuments(Extension):
    def extendMarkdown(self, md) -> None:
        md.inlinePatterns.register(SimpleTagInlineProcessor(UNDERLINE, "u"), "underline", 65)
        md.treeprocessors.register(MergedCells(md), "merged_cells", 5)
