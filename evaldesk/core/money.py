"""Money and rates: the one place where numbers are parsed from text and formatted for people.

Amounts are ``Decimal`` from the moment they enter the program; no float ever takes part in
arithmetic on them. Rates are Decimal *fractions* (0.9813 means 98.13 %).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

TWO_PLACES = Decimal("0.01")
PERCENT = Decimal(100)
TEN_THOUSAND = Decimal(10000)

# Half a unit of the last printed digit of an amount in 万元 printed with two decimals.
AMOUNT_HALF_CENT = Decimal("0.005")

_SPACES = re.compile(r"[\s\u00a0\u3000]+")
# After NFKC (full-width digits, ，and ％ become ASCII) the accepted shapes are:
# optional sign, digits with optional thousands commas, optional fraction; or a bare fraction.
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^[+-]?\.\d+$")
# A unit written in the cell, and how many 万元 one of it is. Longest first: 万元 before 元.
UNIT_IN_WAN: dict[str, Decimal] = {
    "亿元": Decimal(10000), "亿": Decimal(10000), "万元": Decimal(1), "万": Decimal(1),
    "千元": Decimal("0.1"), "元": Decimal("0.0001"),
}
_UNIT_ENDS = frozenset("元万亿")
# Excel shows (and keeps typing round-trips through) 15 significant digits; a double beyond that
# is arithmetic noise (0.9901000000000001 for 99.01 %), never something a clerk wrote.
_EXCEL_DIGITS = 15
# No budget line reaches a thousand trillion; anything above is a misread cell, not money.
_TOO_LARGE = Decimal(10) ** 15


class NotANumber(ValueError):
    """Raised with a Chinese reason a clerk can read, for text that is not an amount."""


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _SPACES.sub("", text)
    # Minus signs people paste from Word or PDFs.
    return text.replace("\u2212", "-").replace("\u2014", "-").replace("－", "-")


def canonical(number: Decimal) -> Decimal:
    """The number without trailing fractional zeros: 91.60 → 91.6, 0.00 → 0, 100 stays 100.

    A workbook stores 91.6 whatever the clerk typed, so every source is brought to this form on
    the way in; a file read from text and the same file read from .xlsx then hold equal digits.
    """
    if not number:
        return Decimal(0)
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def parse_amount(value: object) -> Decimal | None:
    """An amount in 万元 (the report's unit) from a cell or from typing: ``None`` for empty,
    Decimal otherwise (canonical). A unit written in the cell is converted exactly ("150万元",
    "1,500,000元", "1.5亿" are all 150 or 15000 万元); see ``parse_money`` for a sheet in 元."""
    if type(value) is float and -1e15 < value < 1e15:
        # The common case from a workbook, kept quick: an integer as such, else the shortest
        # spelling of the double in Excel's 15 significant digits.
        return Decimal(int(value)) if value.is_integer() else _from_float(value)
    if value.__class__ is str and value.rstrip()[-1:] not in _UNIT_ENDS:
        return _checked(value)  # no unit written: the quick way
    return parse_money(value)[0]


def _checked(value: object) -> Decimal | None:
    number = _parse_amount(value)
    if number is None:
        return None
    if not number.is_finite() or abs(number) >= _TOO_LARGE:
        raise NotANumber(f"「{value}」太大，不像是金额")
    return canonical(number)


def _parse_amount(value: object) -> Decimal | None:
    """
    Understands "1,234.5", "1234.50", full-width digits (units are taken off by
    ``split_unit`` first). Raises ``NotANumber`` for anything else.
    Floats (from spreadsheet readers) are taken by their shortest repr, so 91.66 stays 91.66.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotANumber("这里应填金额（数字），不是逻辑值")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotANumber("不是有效的数字")
        return _from_float(value)
    text = _normalise(str(value))
    if text in ("", "-", "/", "—", "--"):
        # A lone dash is how many tables print "nothing here"; it is not zero and not an error.
        return None
    for prefix in ("￥", "¥"):
        text = text.removeprefix(prefix)
    if not _NUMBER.match(text):
        raise NotANumber(f"「{str(value).strip()}」不是金额，应填数字，例如 91.66")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid literals
        raise NotANumber(f"「{value}」不是金额") from exc


def _from_float(value: float) -> Decimal:
    """A double from a workbook as the decimal Excel shows: 15 significant digits, no noise."""
    return Decimal(f"{value:.{_EXCEL_DIGITS}g}")


def split_unit(value: object) -> tuple[object, str]:
    """A cell's text and the unit written after its number: ("150万" → "150", "万"),
    ("1,500,000元" → "1,500,000", "元"). Anything else comes back as it was, with no unit. A
    currency sign alone is no unit: "¥12" on a sheet in 万元 means 12 of the sheet's unit."""
    if not isinstance(value, str):
        return value, ""
    stripped = value.rstrip()
    if not stripped or stripped[-1] not in _UNIT_ENDS:
        return value, ""  # the common case, decided without normalising the text
    text = _normalise(value)
    for suffix in UNIT_IN_WAN:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)], suffix
    return value, ""


def parse_money(value: object, *, sheet_in_yuan: bool = False) -> tuple[Decimal | None, str]:
    """An amount in 万元 (the report's unit) from a cell, and the unit the cell itself wrote.

    A unit in the cell wins over the sheet's: "150万" is 150 万元 on a sheet headed 单位：元, and
    "1,500,000元" is 150 万元 on one headed 万元. Without one, the sheet's unit applies. The
    conversion is exact (a shift of decimal places); the unit is returned so a reader can say what
    it converted."""
    text, unit = split_unit(value)
    try:
        number = _checked(text)
    except NotANumber as exc:
        if not unit:
            raise
        raise NotANumber(f"「{str(value).strip()}」不是金额，应填数字，例如 91.66") from exc
    if number is None:
        return None, unit
    if unit:
        return canonical(number * UNIT_IN_WAN[unit]), unit
    return (yuan_to_wan(number) if sheet_in_yuan else number), ""


def parse_rate(value: object) -> Decimal | None:
    """A rate as a fraction: "98.13%" → 0.9813, 0.9813 → 0.9813, "98.13" → 0.9813.

    A bare number above 10 can only be a percentage written without its sign (a 1000 % execution
    rate is not a thing), so it is divided by 100; smaller bare numbers are fractions.

    The result keeps the digits the text printed ("86%" → 0.86, "86.20%" → 0.8620, "0.862" →
    0.862) so that a check can judge it within the precision it was printed to; a number from a
    workbook cell (whose display is not known here) counts as printed to 0.01 %.
    """
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = parse_amount(value)
        assert number is not None
        return _to_hundredth_percent(number.scaleb(-2) if abs(number) > 10 else number)
    text = _normalise(str(value))
    if text in ("", "-", "/", "—", "--"):
        return None
    percent = text.endswith("%")
    try:
        number = _parse_amount(text.removesuffix("%"))
    except NotANumber as exc:
        example = "98.13%"
        raise NotANumber(f"「{str(value).strip()}」不是百分比，应如 {example}") from exc
    if number is None or not number.is_finite() or abs(number) >= _TOO_LARGE:
        raise NotANumber(f"「{str(value).strip()}」不是百分比，应如 98.13%")
    # The digits as printed: a percentage shifted two places, never rounded or padded.
    return number.scaleb(-2) if percent or abs(number) > 10 else number


_HUNDREDTH_PERCENT = Decimal("0.0001")


def percent_places(rate: Decimal) -> int:
    """How many decimals of a percentage ``rate`` was printed with: 0.86 → 0 ("86%"), 0.8620 → 2."""
    exponent = rate.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent - 2)


def rate_number_format(places: int = 2) -> str:
    """A spreadsheet format printing a rate with ``places`` decimals: a saved form prints "86%"
    as the file did, not "86.00%" (which would then be judged, and found wrong, to 0.01 %)."""
    return "0%" if places <= 0 else "0." + "0" * places + "%"


def fraction_rate(value: object) -> Decimal | None:
    """A workbook cell known to hold the rate as a fraction (a percent-formatted number, even an
    absurd 11 for 1100 %), counted as printed to 0.01 % like every workbook number."""
    number = parse_amount(value)
    return None if number is None else _to_hundredth_percent(number)


def _to_hundredth_percent(rate: Decimal) -> Decimal:
    exponent = rate.as_tuple().exponent
    assert isinstance(exponent, int)
    return rate.quantize(_HUNDREDTH_PERCENT) if exponent > -4 else rate


def yuan_to_wan(amount: Decimal | None) -> Decimal | None:
    """Exact conversion: 元 → 万元 (a shift of four decimal places, never rounded)."""
    return None if amount is None else canonical(amount.scaleb(-4))


def format_amount(amount: Decimal | None, *, grouping: bool = False) -> str:
    """Two decimals, half-up, as the form prints it; empty for no amount."""
    if amount is None:
        return ""
    rounded = amount.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)
    return f"{rounded:,}" if grouping else f"{rounded}"


def format_rate(rate: Decimal | None) -> str:
    """A fraction as a percentage with two decimals; "—" when there is no rate."""
    if rate is None:
        return "—"
    return f"{(rate * PERCENT).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)}%"


def half_unit(number: Decimal) -> Decimal:
    """Half a unit of the last digit written: 98.13 → 0.005, 0.9813 → 0.00005, 7 → 0.5."""
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def decimal_str(value: Decimal | None) -> str | None:
    """The stored value exactly as text (for JSON): no exponent notation, no rounding."""
    if value is None:
        return None
    text = f"{value:f}"
    return text
