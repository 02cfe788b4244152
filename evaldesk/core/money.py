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
_UNIT_SUFFIXES = ("万元", "元", "￥", "¥")
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
    """An amount from a cell or from typing: ``None`` for empty, Decimal otherwise (canonical)."""
    if type(value) is float and -1e15 < value < 1e15:
        # The common case from a workbook, kept quick: repr is the shortest exact spelling and
        # has no trailing zeros except "x.0", which an integer value takes care of.
        return Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    number = _parse_amount(value)
    if number is None:
        return None
    if not number.is_finite() or abs(number) >= _TOO_LARGE:
        raise NotANumber(f"「{value}」太大，不像是金额")
    return canonical(number)


def _parse_amount(value: object) -> Decimal | None:
    """
    Understands "1,234.5", "1234.50", full-width digits, a leading ¥ and a trailing 元/万元 (the
    unit of the sheet is the caller's business). Raises ``NotANumber`` for anything else.
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
        return Decimal(repr(value))
    text = _normalise(str(value))
    if text in ("", "-", "/", "—", "--"):
        # A lone dash is how many tables print "nothing here"; it is not zero and not an error.
        return None
    for prefix in ("￥", "¥"):
        text = text.removeprefix(prefix)
    for suffix in _UNIT_SUFFIXES:
        text = text.removesuffix(suffix)
    if not _NUMBER.match(text):
        raise NotANumber(f"「{str(value).strip()}」不是金额，应填数字，例如 91.66")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid literals
        raise NotANumber(f"「{value}」不是金额") from exc


def parse_rate(value: object) -> Decimal | None:
    """A rate as a fraction: "98.13%" → 0.9813, 0.9813 → 0.9813, "98.13" → 0.9813.

    A bare number above 10 can only be a percentage written without its sign (a 1000 % execution
    rate is not a thing), so it is divided by 100; smaller bare numbers are fractions.
    """
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = parse_amount(value)
        assert number is not None
        return canonical(number / PERCENT) if abs(number) > 10 else number
    text = _normalise(str(value))
    if text in ("", "-", "/", "—", "--"):
        return None
    if text.endswith("%"):
        number = parse_amount(text[:-1])
        if number is None:
            raise NotANumber(f"「{value}」不是百分比")
        return canonical(number / PERCENT)
    try:
        return parse_rate(parse_amount(text))
    except NotANumber as exc:
        raise NotANumber(f"「{str(value).strip()}」不是百分比，应如 98.13%") from exc


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
