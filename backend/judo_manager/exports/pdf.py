"""A `Sheet` as a PDF to print and sign: A4 landscape, one table per group.

The first page is headed by the organisation (its logo beside it), the title and the detail
lines; every later page by a short running title. Each group has its heading ("U18 · Men ·
-66 kg"), the table's header (repeated at the top of a page the group goes on to, under
"… (continued)"), its rows and its total. A row with problems is tinted and marked "!" in
its own column, and its problems are written small under it; a legend says so. Every page
says "Page 2 of 5" at its foot; the summary and the signature line close the document.

Long text wraps, up to three lines in a cell, and what goes beyond is cut with "…": a row
never runs into its neighbour, and a name from a restored backup holding 10,000 characters
can't push a row off the page. Rows and their problems are never split across pages.

Fonts: DejaVu Sans (Latin with Vietnamese and Turkish, Greek, Cyrillic) and, only when the
text needs it, Droid Sans Fallback for Chinese, Japanese and Korean, glyph by glyph. Both
are read from the package itself (`exports/fonts/`, with their licences), so the bundle
and every system render the same, and only the glyphs used are embedded (subsets).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fpdf import FPDF
from fpdf.drawing_primitives import convert_to_device_color
from fpdf.fonts import TTFFont

from judo_manager.exports.model import Column, Group, Row, Sheet, joined_problems, one_line
from judo_manager.i18n import _, current_language

logger = logging.getLogger(__name__)

FAMILY = "DejaVuSans"
FALLBACK = "DroidSansFallback"
FONT_FILES = {
    (FAMILY, ""): "DejaVuSans.ttf",
    (FAMILY, "B"): "DejaVuSans-Bold.ttf",
    (FALLBACK, ""): "DroidSansFallbackFull.ttf",
}
# A sign, the same in every language: the mark of a row with problems. (Rows are numbered by
# the sheet's own column, "No.", so the CSV and XLSX carry the same numbers as the paper.)
MARK = "!"
ELLIPSIS = "…"

# Millimetres, on an A4 page turned landscape (297 by 210).
MARGIN = 12.0
FOOTER_ROOM = 12.0  # the page number's line under the last row
CELL_PAD = 1.2  # left and right inside a cell
ROW_PAD = 0.8  # above and below a row's text
MARK_WIDTH = 6.0
LOGO_HEIGHT = 18.0
LOGO_MAX_WIDTH = 45.0
# A logo is drawn 18 mm high: 600 pixels are 850 dpi there, and a larger one only weighs.
LOGO_MAX_PIXELS = 600
SIGNATURE_WIDTH = 90.0

# Points, and each size's line height in millimetres.
BODY = 9.0
BODY_LINE = 4.2
SMALL = 7.5
SMALL_LINE = 3.5
HEADING = 11.0
HEADING_LINE = 6.0
TITLE = 16.0
TITLE_LINE = 7.5
ORGANISATION_LINE = 5.5
DETAIL_LINE = 4.6

CELL_LINES = 3  # at most, in one cell
PROBLEM_LINES = 4  # at most, of one row's problems
TITLE_LINES = 2
DETAIL_LINES = 6  # the features give two or three; more can't push the table off page one

# Greys and a warm tint that stay apart on a black-and-white printer.
INK = (0, 0, 0)
GREY = (95, 95, 95)
RULE = (185, 185, 185)
HEADER_FILL = (232, 232, 232)
PROBLEM_FILL = (255, 238, 204)
PROBLEM_INK = (150, 40, 0)
_RULE_COLOR = convert_to_device_color(*RULE)  # made once: a rule is drawn under every row

# Where a line may break: after a run of spaces, or beside any CJK character (those scripts
# write no spaces between words).
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_PIECES = re.compile(rf"[{_CJK}]\s*|[^\s{_CJK}]+\s*|\s+")


def font_path(name: str) -> Path:
    """Where one of the package's fonts is: beside this module, in the bundle too."""
    return Path(str(resources.files("judo_manager.exports") / "fonts" / name))


def render_pdf(sheet: Sheet) -> bytes:
    """The sheet as PDF bytes."""
    document = _Document(sheet)
    document.write()
    return bytes(document.output())


@dataclass(frozen=True)
class _Layout:
    """The table's columns on the page: x and width of each, the mark's first."""

    xs: tuple[float, ...]
    widths: tuple[float, ...]
    aligns: tuple[str, ...]
    rooms: tuple[float, ...]  # what the text has in each of the sheet's columns

    @classmethod
    def of(cls, columns: Sequence[Column], left: float, width: float) -> _Layout:
        """Share what the mark's column leaves by the columns' relative widths."""
        shares = [max(column.width, 0.01) for column in columns]
        room = width - MARK_WIDTH
        widths = [MARK_WIDTH] + [room * s / sum(shares) for s in shares]
        xs, x = [], left
        for w in widths:
            xs.append(x)
            x += w
        aligns = ["C"] + ["R" if column.align == "right" else "L" for column in columns]
        rooms = tuple(w - 2 * CELL_PAD for w in widths[1:])
        return cls(tuple(xs), tuple(widths), tuple(aligns), rooms)


class _Document(FPDF):
    """One sheet being laid out; `write` draws it all."""

    def __init__(self, sheet: Sheet) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self._sheet = sheet
        self.set_margins(MARGIN, MARGIN, MARGIN)
        # Rows are placed by hand, each where it fits whole: fpdf2 must not break inside one.
        self.set_auto_page_break(False)
        self.set_title(one_line(sheet.title))
        if sheet.organisation:
            self.set_author(one_line(sheet.organisation))
        self.set_creator("Judo Manager")
        self.set_lang(current_language())
        # The page numbers are written last, when their count is known (`_page_numbers`).
        self.alias_nb_pages(None)
        self._fallback: TTFFont | None = None
        self._add_fonts()
        self._regular: TTFFont = self.fonts[FAMILY.lower()]
        self._bold: TTFFont = self.fonts[FAMILY.lower() + "B"]
        # What each text measures, how it wraps and which runs it falls into, per font and
        # size; the subset's glyph of each character, per font; each ink's operator.
        self._widths: dict[tuple[int, float], dict[str, float]] = {}
        self._wraps: dict[tuple[int, float], dict[tuple[str, float, int], tuple[str, ...]]] = {}
        self._runs_of: dict[tuple[int, str], tuple[tuple[str, TTFFont], ...]] = {}
        self._glyphs: dict[int, dict[int, str | None]] = {}
        self._encodings: dict[int, dict[str, str]] = {}
        self._inks: dict[tuple[int, int, int], str] = {}
        # (page, font, size) last set on a page: a font is set again only when it changes.
        self._font_on_page: tuple[int, int, float] | None = None
        self._font(BODY)
        self._layout = _Layout.of(sheet.columns, MARGIN, self.epw)
        self._bottom = self.h - MARGIN - FOOTER_ROOM

    def _add_fonts(self) -> None:
        for (family, style), file_name in FONT_FILES.items():
            if family == FAMILY:
                self.add_font(family, style, font_path(file_name))
        # The CJK font is 4 MB to parse: read only when some text has a glyph DejaVu lacks.
        covered = set(self.fonts[FAMILY.lower()].cmap) & set(self.fonts[FAMILY.lower() + "B"].cmap)
        # Each character once, however many rows hold it.
        if any(ord(c) not in covered for c in set("".join(_every_text(self._sheet)))):
            self.add_font(FALLBACK, "", font_path(FONT_FILES[(FALLBACK, "")]))
            # Bold text in CJK is drawn regular: the fallback has no bold (`_runs`).
            self._fallback = self.fonts[FALLBACK.lower()]

    # --- the document -------------------------------------------------------------------

    def write(self) -> None:
        """Lay out the whole sheet."""
        self.add_page()
        self._first_page_head()
        for group in self._sheet.groups:
            self._group(group)
        self._closing()
        self._page_numbers()

    def header(self) -> None:
        """fpdf2's hook, on every new page: a running title after the first page."""
        if self.page_no() == 1:
            return
        size, bold, color = self._font_chosen  # the page goes on in it, as fpdf2 does its own
        self._font(SMALL, color=GREY)
        parts = [self._sheet.title, self._sheet.organisation or ""]
        text = one_line(" · ".join(part for part in parts if part))
        self._text_at(
            MARGIN, MARGIN - 4, self.epw, SMALL_LINE, self._cut(text, self.epw - 2 * CELL_PAD)
        )
        self.set_xy(MARGIN, MARGIN + 2)
        self._font(size, bold=bold, color=color)

    def _first_page_head(self) -> None:
        sheet = self._sheet
        top, left = self.get_y(), MARGIN
        logo_width = self._logo(sheet.logo, left, top) if sheet.logo else 0.0
        text_left = left + (logo_width + 4 if logo_width else 0)
        width = self.epw - (text_left - left)
        y = top
        if sheet.organisation:
            self._font(HEADING, bold=True)
            organisation = [self._cut(sheet.organisation, width)]
            y = self._lines_at(text_left, y, width, organisation, ORGANISATION_LINE)
        self._font(TITLE, bold=True)
        title = self._wrap(sheet.title, width, TITLE_LINES)
        y = self._lines_at(text_left, y, width, title, TITLE_LINE)
        self._font(BODY, color=GREY)
        for detail in list(sheet.details)[:DETAIL_LINES]:
            y = self._lines_at(text_left, y, width, [self._cut(detail, width)], DETAIL_LINE)
        if self._has_problems():
            self._font(SMALL, color=PROBLEM_INK)
            legend = str(
                _("{mark} {label} (listed under the row)", mark=MARK, label=sheet.problems_label)
            )
            y = self._lines_at(text_left, y + 1, width, [self._cut(legend, width)], SMALL_LINE)
        self.set_y(max(y, top + (LOGO_HEIGHT if logo_width else 0)) + 5)

    def _logo(self, data: bytes, x: float, y: float) -> float:
        """Draw the logo at (x, y), 18 mm high at most; its width, 0 if it can't be drawn."""
        try:
            from PIL import Image

            image = Image.open(io.BytesIO(data))
            image.load()
            if max(image.size) > LOGO_MAX_PIXELS:
                image.thumbnail((LOGO_MAX_PIXELS, LOGO_MAX_PIXELS))
            if image.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
                image = image.convert("RGBA")
            height = LOGO_HEIGHT
            width = height * image.width / image.height
            if width > LOGO_MAX_WIDTH:
                width, height = LOGO_MAX_WIDTH, LOGO_MAX_WIDTH * image.height / image.width
            self.image(image, x=x, y=y, w=width, h=height)
        except Exception:  # a damaged logo costs the sheet its logo, never the sheet
            logger.warning("the logo could not be drawn on the PDF", exc_info=True)
            return 0.0
        return width

    def _has_problems(self) -> bool:
        return any(
            joined_problems(row.problems) for group in self._sheet.groups for row in group.rows
        )

    # --- groups and rows ----------------------------------------------------------------

    def _group(self, group: Group) -> None:
        heading = one_line(" · ".join(one_line(value) for value in group.values if value))
        rows = [self._measure(row) for row in group.rows]
        first = rows[0].height if rows else 0.0
        if self.get_y() + HEADING_LINE + self._header_height() + first > self._bottom:
            self._new_page()
        self._heading(heading)
        for index, measured in enumerate(rows):
            # The last row keeps the total with it.
            need = measured.height + (BODY_LINE + 2 if index == len(rows) - 1 else 0)
            if self.get_y() + need > self._bottom:
                self._new_page()
                self._heading(str(_("{group} (continued)", group=heading)))
            self._row(measured)
        if self.get_y() + BODY_LINE + 2 > self._bottom:
            self._new_page()
        self._font(BODY, bold=True)
        y = self.get_y() + 1
        self._text_at(
            MARGIN, y, self.epw, BODY_LINE, self._cut(group.total, self.epw - 2 * CELL_PAD)
        )
        self.set_y(y + BODY_LINE + 5)

    def _heading(self, text: str) -> None:
        self._font(HEADING, bold=True)
        y = self.get_y()
        self._text_at(MARGIN, y, self.epw, HEADING_LINE, self._cut(text, self.epw - 2 * CELL_PAD))
        self.set_y(y + HEADING_LINE)
        self._table_header()

    def _header_height(self) -> float:
        return BODY_LINE + 2 * ROW_PAD

    def _table_header(self) -> None:
        layout, y = self._layout, self.get_y()
        height = self._header_height()
        self.set_fill_color(*HEADER_FILL)
        self.rect(MARGIN, y, self.epw, height, style="F")
        self._font(SMALL + 0.5, bold=True)
        labels = [MARK, *(one_line(c.label) for c in self._sheet.columns)]
        for x, w, align, label in zip(layout.xs, layout.widths, layout.aligns, labels, strict=True):
            self._text_at(
                x, y + ROW_PAD, w, BODY_LINE, self._cut(label, w - 2 * CELL_PAD), align=align
            )
        self._rule(y + height)
        self.set_y(y + height)

    def _measure(self, row: Row) -> _Measured:
        """The row's lines in each cell and under it, and so its height."""
        layout = self._layout
        self._font(BODY)
        cells = list(row.cells) + [""] * (len(self._sheet.columns) - len(row.cells))
        lines = [
            self._wrap(text, room, CELL_LINES)
            for text, room in zip(cells, layout.rooms, strict=False)
        ]
        problem_lines: Sequence[str] = ()
        text = joined_problems(row.problems)  # blank problems mark nothing
        if text:
            self._font(SMALL)
            problem_lines = self._wrap(text, self._problem_width(), PROBLEM_LINES)
        height = max((len(cell) for cell in lines), default=1) * BODY_LINE + 2 * ROW_PAD
        if problem_lines:
            height += len(problem_lines) * SMALL_LINE + ROW_PAD
        return _Measured(lines, problem_lines, height)

    def _problem_width(self) -> float:
        return self.epw - MARK_WIDTH - 2 * CELL_PAD

    def _row(self, measured: _Measured) -> None:
        layout, y = self._layout, self.get_y()
        if measured.problems:
            self.set_fill_color(*PROBLEM_FILL)
            self.rect(MARGIN, y, self.epw, measured.height, style="F")
            self._font(BODY, bold=True, color=PROBLEM_INK)
            self._text_at(layout.xs[0], y + ROW_PAD, layout.widths[0], BODY_LINE, MARK, align="C")
        # The row's text goes into the page at once: 30,000 rows are 250,000 texts. Each of
        # its lines has one baseline, whatever the column.
        operators: list[str] = []
        self._font(BODY)
        baselines = [
            self._baseline(y + ROW_PAD + n * BODY_LINE, BODY_LINE) for n in range(CELL_LINES)
        ]
        for column, lines in enumerate(measured.cells, start=1):
            x, room, align = (
                layout.xs[column] + CELL_PAD,
                layout.rooms[column - 1],
                layout.aligns[column],
            )
            for line, baseline in zip(lines, baselines, strict=False):
                if line:
                    left = x if align == "L" else x + self._indent(line, room, align)
                    operators.append(self._text_operators(left, baseline, line))
        if measured.problems:
            self._font(SMALL, color=PROBLEM_INK)
            line_y = y + measured.height - ROW_PAD - len(measured.problems) * SMALL_LINE
            width = self._problem_width()
            for line in measured.problems:
                operators.append(self._placed(layout.xs[1], line_y, width, SMALL_LINE, line))
                line_y += SMALL_LINE
        self._out("\n".join(filter(None, operators)))
        self._rule(y + measured.height)
        self.set_y(y + measured.height)

    def _closing(self) -> None:
        sheet = self._sheet
        self._font(BODY + 1, bold=True)
        summary = self._wrap(sheet.summary, self.epw - 2 * CELL_PAD, 3)
        need = len(summary) * (BODY_LINE + 0.6) + (30 if sheet.signature else 0)
        if self.get_y() + need > self._bottom:
            self._new_page()
        y = self._lines_at(MARGIN, self.get_y(), self.epw, summary, BODY_LINE + 0.6)
        if sheet.signature:
            line_y = y + 20
            self.set_draw_color(*INK)
            self.set_line_width(0.3)
            self.line(MARGIN, line_y, MARGIN + SIGNATURE_WIDTH, line_y)
            self._font(SMALL, color=GREY)
            text = self._cut(sheet.signature, SIGNATURE_WIDTH - 2 * CELL_PAD)
            self._lines_at(MARGIN, line_y + 1, SIGNATURE_WIDTH, [text], SMALL_LINE)

    # --- drawing helpers ----------------------------------------------------------------

    def _new_page(self) -> None:
        self.add_page()

    def _page_numbers(self) -> None:
        """ "Page 2 of 5" at the foot of every page, written once the number of pages is
        known: each is measured and set right as it reads, however many pages there are
        (fpdf2's alias keeps room for three digits only, and costs a `cell` a page)."""
        last = self.page
        for number in range(1, self.pages_count + 1):
            self.page = number  # fpdf2 writes to the page `page` names
            self._font(SMALL, color=GREY)
            text = str(_("Page {page} of {pages}", page=number, pages=self.pages_count))
            y = self.h - MARGIN - SMALL_LINE
            self._text_at(MARGIN, y, self.epw, SMALL_LINE, text, align="R")
        self.page = last

    def _text_at(
        self, x: float, y: float, width: float, height: float, text: str, *, align: str = "L"
    ) -> None:
        """One line of text in a box `width` wide at (x, y), as fpdf2's `cell` places it,
        but written straight into the page: `cell`, and even `text`, cost most of a
        thousand rows' time. Characters DejaVu lacks are written in the fallback font."""
        if text:
            self._out(self._placed(x, y, width, height, text, align=align))

    def _placed(
        self, x: float, y: float, width: float, height: float, text: str, *, align: str = "L"
    ) -> str:
        """The operators of `_text_at`, to write with others; "" for no text."""
        if not text:
            return ""
        left = x + CELL_PAD
        if align != "L":
            left += self._indent(text, width - 2 * CELL_PAD, align)
        return self._text_operators(left, self._baseline(y, height), text)

    def _indent(self, text: str, room: float, align: str) -> float:
        """How far right of the box's left a text starts, set right ("R") or centred."""
        gap = room - self._width(text)
        return gap if align == "R" else gap / 2

    def _baseline(self, y: float, height: float) -> str:
        """The PDF's y of the baseline of a line `height` high from `y` down, in the
        current size, as fpdf2's `cell` puts it (and writes it: two decimals)."""
        return f"{(self.h - y - 0.5 * height - 0.3 * self._size / self.k) * self.k:.2f}"

    def _text_operators(self, x: float, baseline: str, text: str) -> str:
        """The page's operators that draw `text` from (x, baseline), in the current font
        and ink, those of fpdf2's `text` (so the page reads the same), each run in its font."""
        operators = []
        k, ink, y = self.k, self._ink, baseline
        runs = self._runs(text)
        for index, (run, face) in enumerate(runs):
            state = (self.page, face.i, self._size)
            if state != self._font_on_page:
                operators.append(self._set_font_for_page(face, self._size))
                self._font_on_page = state
            operators.append(f"q {ink} BT {x * k:.2f} {y} Td {self._encoded(face, run)} ET Q")
            if index + 1 < len(runs):
                x += self._width(run)
        return operators[0] if len(operators) == 1 else "\n".join(operators)

    def _encoded(self, face: TTFFont, text: str) -> str:
        """`text` as the PDF's string of glyphs in `face`'s subset (what fpdf2's
        `encode_text` writes), each text encoded once and each character looked up in the
        subset once."""
        encodings = self._encodings.setdefault(face.i, {})
        encoded = encodings.get(text)
        if encoded is None:
            table = self._glyphs.setdefault(face.i, {})
            for char in text:
                if ord(char) not in table:
                    glyph = face.subset.pick(ord(char))  # a missing glyph is left out
                    table[ord(char)] = None if glyph is None else chr(glyph)
            encoded = encodings[text] = f"({face.escape_text(text.translate(table))}) Tj"
        return encoded

    def _runs(self, text: str) -> Sequence[tuple[str, TTFFont]]:
        """`text` cut where it goes from DejaVu to the fallback font and back, each run
        with its font; worked out once per text and font."""
        face, fallback = self._face, self._fallback
        if fallback is None:
            return ((text, face),)
        key = (face.i, text)
        runs = self._runs_of.get(key)
        if runs is None:
            cmap, cut = face.cmap, []
            for char in text:
                code = ord(char)
                run_face = fallback if code not in cmap and code in fallback.cmap else face
                if cut and cut[-1][1] is run_face:
                    cut[-1] = (cut[-1][0] + char, run_face)
                else:
                    cut.append((char, run_face))
            runs = self._runs_of[key] = tuple(cut)
        return runs

    def _font(self, size: float, *, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        """Write and measure from now on in DejaVu (bold or not) at `size` points, in `color`.
        Kept here rather than through fpdf2's `set_font`, which only `text` and `cell` read."""
        self._font_chosen = (size, bold, color)
        self._face = self._bold if bold else self._regular
        self._size = size
        ink = self._inks.get(color)
        if ink is None:
            ink = self._inks[color] = convert_to_device_color(*color).serialize().lower()
        self._ink = ink
        key = (self._face.i, size)
        self._widths_now = self._widths.setdefault(key, {})
        self._wraps_now = self._wraps.setdefault(key, {})

    def _rule(self, y: float) -> None:
        self.set_draw_color(_RULE_COLOR)
        self.set_line_width(0.15)
        self.line(MARGIN, y, MARGIN + self.epw, y)

    def _lines_at(
        self,
        x: float,
        y: float,
        width: float,
        lines: Sequence[str],
        line_height: float,
        *,
        align: str = "L",
    ) -> float:
        """Draw `lines` from (x, y) down; the y under the last."""
        for line in lines:
            self._text_at(x, y, width, line_height, line, align=align)
            y += line_height
        return y

    def _fits(self, text: str, width: float) -> bool:
        return self._width(text) <= width

    def _width(self, text: str) -> float:
        """What fpdf2's `get_string_width` says (no kerning or shaping is asked for), at a
        fraction of its cost, each text measured once per font and size: measuring is
        most of laying out a thousand rows."""
        width = self._widths_now.get(text)
        if width is None:
            font, fallback = self._face, self._fallback
            cmap, widths = font.cmap, font.cw
            units = 0.0
            for char in text:
                code = ord(char)
                if fallback is None or code in cmap or code not in fallback.cmap:
                    units += widths[code]
                else:
                    units += fallback.cw[code]
            width = self._widths_now[text] = units * self._size * 0.001 / self.k
        return width

    def _wrap(self, text: str, width: float, max_lines: int) -> tuple[str, ...]:
        """`text` in lines no wider than `width` (in the current font), at most
        `max_lines`; the last cut with "…" if there is more. Worked out once per text,
        width and font: a belt, a club or a date comes back on row after row."""
        key = (text, width, max_lines)
        lines = self._wraps_now.get(key)
        if lines is None:
            lines = self._wraps_now[key] = tuple(self._wrapped(one_line(text), width, max_lines))
        return lines

    def _wrapped(self, text: str, width: float, max_lines: int) -> list[str]:
        """`_wrap`'s work, for a text not seen before in this font at this width."""
        if self._fits(text, width):
            return [text]
        lines: list[str] = []
        current = ""
        for piece in _PIECES.findall(text):
            candidate = current + piece
            if self._fits(candidate.rstrip(), width):
                current = candidate
                continue
            if current.strip():
                lines.append(current.rstrip())
                current = piece.lstrip()
            else:
                current = piece.lstrip()
            while current and not self._fits(current.rstrip(), width):
                # One word wider than the whole line: cut it where it must.
                cut = self._longest_fitting(current, width)
                lines.append(current[:cut])
                current = current[cut:]
            if len(lines) > max_lines:
                break
        if current.strip():
            lines.append(current.rstrip())
        if len(lines) <= max_lines:
            return lines
        rest = " ".join(lines[max_lines - 1 :])
        return [*lines[: max_lines - 1], self._cut(rest, width)]

    def _cut(self, text: str, width: float) -> str:
        """`text` on one line no wider than `width`, ending in "…" if it had to be cut."""
        text = one_line(text)
        if self._fits(text, width):
            return text
        cut = self._longest_fitting(text, width, ELLIPSIS)
        return text[:cut].rstrip() + ELLIPSIS

    def _longest_fitting(self, text: str, width: float, after: str = "") -> int:
        """The length of the longest start of `text` that fits `width` with `after`; at
        least 1, so a cut always moves on."""
        low, high = 1, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(text[:middle] + after, width):
                low = middle
            else:
                high = middle - 1
        return low


@dataclass(frozen=True)
class _Measured:
    cells: list[tuple[str, ...]]
    problems: Sequence[str]
    height: float


def _every_text(sheet: Sheet) -> Iterable[str]:
    """Every character the sheet may draw, to know which fonts it needs."""
    yield sheet.title
    yield sheet.organisation or ""
    yield from sheet.details
    yield from sheet.group_columns
    yield from (column.label for column in sheet.columns)
    yield sheet.problems_label
    yield sheet.summary
    yield sheet.signature or ""
    for group in sheet.groups:
        yield from group.values
        yield group.total
        for row in group.rows:
            yield from row.cells
            yield from row.problems
    # And what this module adds, in the language spoken now.
    yield str(_("Page {page} of {pages}", page=0, pages=0))
    yield str(_("{group} (continued)", group=""))
    yield str(_("{mark} {label} (listed under the row)", mark=MARK, label=""))
    yield MARK + ELLIPSIS
