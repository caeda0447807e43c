"""The PDF typesetter: line breaking, forced breaks, short blocks kept whole, headings kept."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from skillsx.export.typeset import Block, Font, Frame, Pages, Run, Table, break_lines, word_width

BODY = Font("Helvetica", 10)
BOLD = Font("Helvetica-Bold", 10)


def _text(lines: list[list[tuple[Font, str, float]]]) -> list[str]:
    return [" ".join(seg[1] for seg in line) for line in lines]


def test_break_lines_fills_each_line_greedily() -> None:
    width = word_width("Helvetica", "aaaa bbbb") * 10 + 0.01
    lines = break_lines([Run(BODY, "aaaa bbbb cccc dddd e")], width)
    assert _text(lines) == ["aaaa bbbb", "cccc dddd", "e"]
    assert all(seg[2] == 0.0 for line in lines for seg in line)


def test_fonts_switch_within_a_line_and_newline_forces_a_break() -> None:
    lines = break_lines([Run(BOLD, "Subject"), Run(BODY, " — action\ntheme")], 400)
    assert [[(f.name, t) for f, t, _ in line] for line in lines] == [
        [("Helvetica-Bold", "Subject"), ("Helvetica", "— action")],
        [("Helvetica", "theme")],
    ]
    bold, body = lines[0]
    space = word_width("Helvetica", " ") * 10
    assert body[2] == bold[2] + word_width("Helvetica-Bold", "Subject") * 10 + space


def test_a_word_wider_than_the_line_is_cut() -> None:
    width = word_width("Helvetica", "x" * 10) * 10
    lines = break_lines([Run(BODY, "x" * 25)], width)
    assert _text(lines) == ["x" * 10, "x" * 10, "x" * 5]


def _pages(height: float, items: list[Block | Table]) -> Pages:
    pages = Pages(Frame(0, 0, 400, height))
    pages.add(items)
    return pages


def test_short_blocks_move_whole_and_long_ones_split() -> None:
    filler = Block([Run(BODY, "filler")], 10)
    short = Block([Run(BODY, "a\nb\nc")], 10)
    pages = _pages(35, [filler, short])  # room for one more line, not three
    assert [[(p[1], p[2]) for p in page] for page in pages.pages] == [[(0, 1)], [(0, 3)]]
    long = Block([Run(BODY, "\n".join("abcdefg"))], 10)
    pages = _pages(45, [filler, long])  # three lines fit under the filler: 3 here, 4 over
    assert [[(p[1], p[2]) for p in page] for page in pages.pages] == [[(0, 1), (0, 3)], [(3, 7)]]


def test_a_heading_goes_to_the_next_page_with_what_follows() -> None:
    filler = Block([Run(BODY, "\n".join("abc"))], 10)
    heading = Block([Run(BOLD, "Heading")], 10, keep_with_next=True)
    item = Block([Run(BODY, "one\ntwo")], 10)
    pages = _pages(45, [filler, heading, item])  # heading fits, the item's two lines do not
    assert [[p[0] for p in page] for page in pages.pages] == [[filler], [heading, item]]


def test_table_header_repeats_and_pages_draw() -> None:
    rows = [[[Run(BOLD, "Head")]]] + [[[Run(BODY, f"row {n}")]] for n in range(6)]
    table = Table(rows, widths=[1.0], leading=10, header_fill="#1f4e79", grid="#bbbbbb")
    pages = _pages(50, [table])  # header + 3 rows of 16 points a page
    assert [[(p[1], p[2]) for p in page] for page in pages.pages] == [[(1, 3)], [(3, 5)], [(5, 7)]]
    calls: list[tuple[int, int]] = []
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    pages.draw(canvas, lambda c, n, total: calls.append((n, total)))
    canvas.save()
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert buffer.getvalue().startswith(b"%PDF-")
