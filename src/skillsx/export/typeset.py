"""A small typesetter for the PDF export: text blocks and tables, broken into lines and pages.

ReportLab draws (its canvas writes the PDF); the layout is ours because the page is a few
hundred short blocks in four standard fonts, and ReportLab's own platypus spent about 0.5 s of
CPU a document on re-measuring words and parsing markup (docs/formats.md). Here each word is
measured once per process (``word_width`` is cached), lines are broken greedily, a block of up
to three lines is never split, headings stay with the first lines of what follows, and the
table header repeats on each page.

    Block(runs=[Run(BOLD, "Subject"), Run(BODY, " — action\\n")], ...)    a paragraph or item
    Table(rows=[[runs, runs, runs], ...], widths=[...])                   header row first
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

KEEP_LINES = 3  # a block of this many lines or fewer moves whole to the next page
RULE = 3.0  # room under a block for its rule
BASELINE = 0.78  # the baseline's depth in a line, as a share of the leading
_TOKENS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Font:
    name: str  # a PDF standard font: Helvetica, Helvetica-Bold, Courier …
    size: float
    color: str = "#1a1a1a"


@dataclass(frozen=True)
class Run:
    font: Font
    text: str


Line = list[tuple[Font, str, float]]  # segments: font, text, x from the line's start


@dataclass
class Block:
    """A paragraph: runs of text broken into lines of ``leading`` points."""

    runs: list[Run]
    leading: float
    indent: float = 0.0
    right: float = 0.0  # room kept free at the right
    bullet: str = ""  # drawn right-aligned just left of ``indent``
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    rule_below: str = ""  # colour of a rule under the block ("" for none)
    background: str = ""  # a shaded box with a bar on its left, in this colour
    bar: str = ""
    lines: list[Line] = field(default_factory=list)


@dataclass
class Table:
    """Rows of cells (runs each); the first row is the header, repeated on every page."""

    rows: list[list[list[Run]]]
    widths: list[float]  # fractions of the text width
    leading: float
    header_fill: str
    grid: str
    padding: float = 3.0
    space_after: float = 0.0
    cells: list[list[list[Line]]] = field(default_factory=list)


@lru_cache(maxsize=65536)
def word_width(font_name: str, word: str) -> float:
    """Width of ``word`` in ``font_name`` at 1 point."""
    return stringWidth(word, font_name, 1.0)


def break_lines(runs: Sequence[Run], width: float) -> list[Line]:
    """Greedy line breaking; each line is segments (font, text, x), one per change of font."""
    lines: list[Line] = []
    line: Line = []
    x, spaced = 0.0, False
    for run in runs:
        font = run.font
        for token in _TOKENS.findall(run.text):
            if token.isspace():
                if "\n" in token:  # a forced line break
                    lines.append(line)
                    line, x = [], 0.0
                spaced = bool(line)
                continue
            w = word_width(font.name, token) * font.size
            gap = word_width(font.name, " ") * font.size if spaced else 0.0
            if line and x + gap + w > width:
                lines.append(line)
                line, x, gap = [], 0.0, 0.0
            while w > width:  # a word wider than the line: cut it where the line is full
                cut = _fit(font, token, width)
                lines.append([(font, token[:cut], 0.0)])
                token = token[cut:]
                w = word_width(font.name, token) * font.size
            if line and line[-1][0] == font:
                text, start = line[-1][1], line[-1][2]
                line[-1] = (font, text + (" " if gap else "") + token, start)
            else:
                line.append((font, token, x + gap))
            x += gap + w
            spaced = False
    if line or not lines:
        lines.append(line)
    return lines


def _fit(font: Font, word: str, room: float) -> int:
    """How many leading characters of ``word`` fit in ``room`` (at least one)."""
    n = 1
    while n < len(word) and word_width(font.name, word[: n + 1]) * font.size <= room:
        n += 1
    return n


@dataclass
class Frame:
    """The text area of a page, in points from the bottom left."""

    left: float
    bottom: float
    width: float
    height: float


Running = Callable[[Canvas, int, int], None]  # draws header and footer of page n of total
#: What one page holds: (block or table, first line or row, end, top y).
Placed = tuple["Block | Table", int, int, float]


def _rows(table: Table) -> list[float]:
    return [
        max(len(cell) for cell in row) * table.leading + 2 * table.padding for row in table.cells
    ]


def _lead_height(item: Block | Table) -> float:
    """The least of ``item`` that must share a page with a heading kept with it."""
    if isinstance(item, Table):
        return sum(_rows(item)[:2])
    return item.space_before + min(2, len(item.lines)) * item.leading


class Pages:
    """Places blocks and tables on pages; ``draw`` then writes them with the page count."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.pages: list[list[Placed]] = [[]]
        self.y = frame.height  # room left on the current page

    def _new_page(self) -> None:
        self.pages.append([])
        self.y = self.frame.height

    def _place(self, item: Block | Table, start: int, end: int, height: float) -> None:
        self.pages[-1].append((item, start, end, self.frame.bottom + self.y))
        self.y -= height

    def add(self, items: Sequence[Block | Table]) -> None:
        """Break every item into lines, then place them in order."""
        width = self.frame.width
        for item in items:
            if isinstance(item, Table):
                item.cells = [
                    [
                        break_lines(cell, share * width - 2 * item.padding)
                        for cell, share in zip(row, item.widths, strict=True)
                    ]
                    for row in item.rows
                ]
            else:
                item.lines = break_lines(item.runs, width - item.indent - item.right)
        for n, item in enumerate(items):
            self._keep_with_next(items, n)
            if isinstance(item, Table):
                self._add_table(item)
            else:
                self._add_block(item)

    def _keep_with_next(self, items: Sequence[Block | Table], n: int) -> None:
        """Start a new page unless a heading chain and the start of what follows fit here."""
        need, k = 0.0, n
        while k + 1 < len(items):
            block = items[k]
            if not isinstance(block, Block) or not block.keep_with_next:
                break
            need += block.space_before + _height(block) + block.space_after
            k += 1
        if k > n and need + _lead_height(items[k]) > self.y and self.pages[-1]:
            self._new_page()

    def _add_block(self, block: Block) -> None:
        before = block.space_before if self.pages[-1] else 0.0
        start, total = 0, len(block.lines)
        while start < total:
            left = total - start
            room = self.y - before
            if left * block.leading + (RULE if block.rule_below else 0.0) <= room:
                fit = left
            elif left <= KEEP_LINES:
                fit = 0  # short blocks move whole
            else:  # split, leaving and carrying at least two lines
                fit = min(max(int(room // block.leading), 0), left - 2)
                fit = fit if fit >= 2 else 0
            if fit == 0 and not self.pages[-1]:
                fit = min(left, max(int(room // block.leading), 1))  # taller than a page
            if fit == 0:
                self._new_page()
                before = 0.0
                continue
            self.y -= before
            end = start + fit
            rule = RULE if block.rule_below and end == total else 0.0
            self._place(block, start, end, fit * block.leading + rule)
            start, before = end, 0.0
            if start < total:
                self._new_page()
        self.y -= block.space_after

    def _add_table(self, table: Table) -> None:
        heights = _rows(table)
        row = 1
        while row < len(heights):
            end, used = row, heights[0]
            while end < len(heights) and used + heights[end] <= self.y:
                used += heights[end]
                end += 1
            if end == row:  # not even one row fits under the header here
                if self.pages[-1]:
                    self._new_page()
                    continue
                end, used = row + 1, heights[0] + heights[row]
            self._place(table, row, end, used)
            row = end
            if row < len(heights):
                self._new_page()
        self.y -= table.space_after

    def draw(self, canvas: Canvas, running: Running) -> None:
        """Draw every page, its header and footer knowing the page count."""
        total = len(self.pages)
        for number, placed in enumerate(self.pages, 1):
            running(canvas, number, total)
            pen = _Pen(canvas.beginText())
            for item, start, end, top in placed:
                if isinstance(item, Table):
                    self._draw_table(canvas, pen, item, start, end, top)
                else:
                    self._draw_block(canvas, pen, item, start, end, top)
            canvas.drawText(pen.text)
            canvas.showPage()

    def _draw_block(
        self, canvas: Canvas, pen: _Pen, block: Block, start: int, end: int, top: float
    ) -> None:
        left = self.frame.left
        height = (end - start) * block.leading
        if block.background:
            pad = 5.0
            canvas.setFillColor(_colour(block.background))
            canvas.rect(left, top - height - pad, self.frame.width, height + pad * 2, 0, 1)
            if block.bar:
                canvas.setFillColor(_colour(block.bar))
                canvas.rect(left, top - height - pad, 2.5, height + pad * 2, 0, 1)
        baseline = top - block.leading * BASELINE
        for n in range(start, end):
            line = block.lines[n]
            if n == 0 and block.bullet and line:
                font = line[0][0]
                width = word_width(font.name, block.bullet) * font.size
                pen.write(font, block.bullet, left + block.indent - width - 4, baseline)
            for font, words, x in line:
                pen.write(font, words, left + block.indent + x, baseline)
            baseline -= block.leading
        if block.rule_below and end == len(block.lines):
            canvas.setStrokeColor(_colour(block.rule_below))
            canvas.setLineWidth(0.8)
            y = top - height - 1.5
            canvas.line(left, y, left + self.frame.width, y)

    def _draw_table(
        self, canvas: Canvas, pen: _Pen, table: Table, start: int, end: int, top: float
    ) -> None:
        left, width = self.frame.left, self.frame.width
        xs = [left]
        for share in table.widths:
            xs.append(xs[-1] + share * width)
        heights = _rows(table)
        canvas.setStrokeColor(_colour(table.grid))
        canvas.setLineWidth(0.5)
        y = top
        for row in [0, *range(start, end)]:
            height = heights[row]
            if row == 0:
                canvas.setFillColor(_colour(table.header_fill))
                canvas.rect(left, y - height, width, height, 0, 1)
            canvas.rect(left, y - height, width, height, 1, 0)
            for col, lines in enumerate(table.cells[row]):
                if col:
                    canvas.line(xs[col], y, xs[col], y - height)
                baseline = y - table.padding - table.leading * BASELINE
                for line in lines:
                    for font, words, x in line:
                        pen.write(font, words, xs[col] + table.padding + x, baseline)
                    baseline -= table.leading
            y -= height


def _height(block: Block) -> float:
    return len(block.lines) * block.leading + (RULE if block.rule_below else 0.0)


@lru_cache(maxsize=64)
def _colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


class _Pen:
    """One text object per page; font and colour are set only when they change."""

    def __init__(self, text: PDFTextObject) -> None:
        self.text = text
        self.font: tuple[str, float] | None = None
        self.colour = ""

    def write(self, font: Font, words: str, x: float, y: float) -> None:
        self.text.setTextOrigin(x, y)
        if self.font != (font.name, font.size):
            self.text.setFont(font.name, font.size)
            self.font = (font.name, font.size)
        if self.colour != font.color:
            self.text.setFillColor(_colour(font.color))
            self.colour = font.color
        self.text.textOut(words)
