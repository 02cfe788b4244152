"""Measuring and wrapping text for print, in points, fast enough for thousands of rows.

A summary table of 5,000 projects has ~150,000 cells; Qt's own wrapping (QTextLayout,
QFontMetricsF.boundingRect with word wrap) costs 60-100 µs for a paragraph, seconds in all. So the
advances of single characters are asked of Qt once per character and font (design metrics, no
hinting, scaled linearly with the size), and lines are broken here with cumulative sums and
bisection. The same line breaks are used to size rows and to paint them, so what was measured is
what is drawn.

Line breaking follows the parts of Unicode's UAX #14 that Chinese forms need: a break is allowed
beside any CJK character (ideographs, kana, full-width forms), never before closing punctuation
(，。、；：）》 …) nor after opening punctuation (（《“ …); Latin words and numbers break only at
spaces and after hyphens, unless a single word is wider than the line (then anywhere).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QImage

# Measure at 100 pt on a 72-dpi device: one device pixel is one point, and hinting or rounding of
# advances (a fraction of a pixel) is negligible at that size.
_REFERENCE_SIZE = 100.0
_DOTS_PER_METRE_AT_72_DPI = round(72 / 0.0254)
_BOLD = 600

# Characters a line must not start with (closing and trailing punctuation) …
NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〉〕｝’”…‥·・々ー〜～％‰"
    ",.;:?!)]}%"
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\uff3d\uff5d"
)
# … and must not end with (opening punctuation).
NO_LINE_END = frozenset("（《「『【〈〔｛‘“([{￥$¥")


def _is_wide(ch: str) -> bool:
    """CJK characters and full-width forms: a line may break before or after them."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, CJK ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF  # ideograph extensions
    )


def can_break_before(text: str, index: int) -> bool:
    """True when a line may end just before ``text[index]`` (0 < index < len(text))."""
    before, after = text[index - 1], text[index]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before == " " or before == "-":
        return after != " "
    return _is_wide(before) or _is_wide(after)


class _Advances(dict[str, float]):
    """Character → advance in em, asked of Qt on first use of each character."""

    def __init__(self, metrics: QFontMetricsF) -> None:
        super().__init__()
        self._metrics = metrics

    def __missing__(self, ch: str) -> float:
        advance = self._metrics.horizontalAdvance(ch) / _REFERENCE_SIZE
        self[ch] = advance
        return advance


class TextMeasure:
    """Widths, line metrics and line breaks of one font family and weight, at any size."""

    def __init__(self, family: str, *, bold: bool = False) -> None:
        self.family = family
        # Qt's PDF engine fakes a missing bold face by drawing the text twice, which doubles it
        # when the PDF is searched or copied: bold only where the family has a real bold face.
        self.bold = bold and any(
            QFontDatabase.weight(family, style) >= _BOLD for style in QFontDatabase.styles(family)
        )
        # The device must outlive the metrics that refer to it.
        self._device = QImage(1, 1, QImage.Format.Format_RGB32)
        self._device.setDotsPerMeterX(_DOTS_PER_METRE_AT_72_DPI)
        self._device.setDotsPerMeterY(_DOTS_PER_METRE_AT_72_DPI)
        self._metrics = QFontMetricsF(self.font(_REFERENCE_SIZE), self._device)
        self._advances = _Advances(self._metrics)
        self.ascent_em = self._metrics.ascent() / _REFERENCE_SIZE
        self.descent_em = self._metrics.descent() / _REFERENCE_SIZE
        self._wrapped: dict[tuple[str, float, float], tuple[str, ...]] = {}
        self._em: dict[str, float] = {}

    def font(self, size: float) -> QFont:
        """The font to draw with, ``size`` in points on a device whose dpi is the layout's."""
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(self.bold)
        # Design metrics: the PDF gets the outlines, and widths must not depend on the device.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)
        # Chinese and figures need no shaping (ligatures, kerning); skipping it makes drawing a
        # quarter faster, and the widths measured here are per character anyway.
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        return font

    def em_width(self, text: str) -> float:
        """Width in em of the text's longest explicit line (remembered: texts repeat a lot)."""
        width = self._em.get(text)
        if width is None:
            if "\n" in text or "\r" in text or "\t" in text:
                advances = self._advances.__getitem__
                width = max(sum(map(advances, part)) for part in normalise(text).split("\n"))
            else:
                width = sum(map(self._advances.__getitem__, text))
            self._em[text] = width
        return width

    def width(self, text: str, size: float) -> float:
        """Width in points of the text set on one line (its longest line if it has several)."""
        return self.em_width(text) * size

    def line_counts(self, texts: Iterable[str], width: float, size: float) -> list[int]:
        """The number of lines each text takes in a column ``width`` points wide (0 if empty).

        The fast path of layout: a text narrower than the column is one line without breaking.
        """
        width_em = width / size + 1e-9
        counts: dict[str, int] = {"": 0}
        em_width = self.em_width
        result: list[int] = []
        append = result.append
        for text in texts:
            n = counts.get(text)
            if n is None:
                if em_width(text) <= width_em and "\n" not in text and "\r" not in text:
                    n = 1
                else:
                    n = len(self.wrap(text, width, size))
                counts[text] = n
            append(n)
        return result

    def wrap(self, text: str, width: float, size: float) -> tuple[str, ...]:
        """The lines ``text`` takes in a column ``width`` points wide; () for empty text."""
        key = (text, width, size)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = self._wrap(text, width / size)
            self._wrapped[key] = lines
        return lines

    def _wrap(self, text: str, width_em: float) -> tuple[str, ...]:
        if not text:
            return ()
        # Most cells fit on one line: the remembered width says so without summing advances
        # again (the same test as in line_counts and in the breaking loop below, so the same result).
        if "\n" not in text and "\r" not in text and "\t" not in text and (
            self.em_width(text) <= width_em + 1e-9
        ):
            return (text,)
        lines: list[str] = []
        for paragraph in normalise(text).split("\n"):
            self._wrap_paragraph(paragraph, width_em, lines)
        return tuple(lines)

    def _wrap_paragraph(self, text: str, width_em: float, lines: list[str]) -> None:
        n = len(text)
        cum = list(accumulate(map(self._advances.__getitem__, text), initial=0.0))
        if cum[n] <= width_em:
            lines.append(text)
            return
        append = lines.append
        start = 0
        while start < n:
            # The most characters that fit: cum[end] - cum[start] <= width (at least one). All of
            # cum[:start + 1] fits, so the search starts after it.
            end = bisect_right(cum, cum[start] + width_em + 1e-9, start + 1) - 1
            if end <= start:
                end = start + 1
            if end >= n:
                append(text[start:])
                return
            # Spaces at the end of a line hang in the margin instead of pushing a word down.
            if text[end] == " ":
                stop = end
                while end < n and text[end] == " ":
                    end += 1
                append(text[start:stop])
                start = end
                continue
            brk = end
            before, after = text[brk - 1], text[brk]
            # The common case inline: between two CJK characters with no punctuation rule.
            if not (
                after not in NO_LINE_START
                and before not in NO_LINE_END
                and "\u2e80" <= before <= "\u9fff"
                and "\u2e80" <= after <= "\u9fff"
            ):
                while brk > start and not can_break_before(text, brk):
                    brk -= 1
            if brk == start:
                brk = end  # one word wider than the line: break it anywhere
            append(text[start:brk].rstrip(" "))
            start = brk
            while start < n and text[start] == " ":
                start += 1


def normalise(text: str) -> str:
    """Tabs and carriage returns as the form shows them: spaces and plain line ends."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = text.replace("\t", " ")
    return text
