from __future__ import annotations

from decimal import Decimal

import pytest

from evaldesk.core.money import (
    NotANumber,
    format_amount,
    format_rate,
    half_unit,
    parse_amount,
    parse_rate,
    yuan_to_wan,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("91.66", "91.66"),
        ("1,234.5", "1234.5"),
        ("1234.50", "1234.5"),
        ("0.00", "0"),
        ("100.00", "100"),
        ("１２３４．５", "1234.5"),  # full-width digits and point
        (" 12 ", "12"),
        ("¥ 8.00", "8"),
        ("35万元", "35"),
        ("-3.5", "-3.5"),
        ("０", "0"),
    ],
)
def test_amounts_people_type_are_understood(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)
    assert str(parse_amount(text)) == expected


@pytest.mark.parametrize("text", ["abc", "12..3", "1,23", "12a", "九十", "1.2.3", "%"])
def test_nonsense_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(NotANumber, match="金额"):
        parse_amount(text)


def test_empty_and_dashes_are_no_amount() -> None:
    for text in ("", "  ", "-", "—", "/", None):
        assert parse_amount(text) is None


def test_money_is_exact_decimal() -> None:
    total = parse_amount("0.1")
    other = parse_amount(0.2)
    assert total is not None and other is not None
    assert total + other == Decimal("0.3")
    # A float from a spreadsheet keeps the digits it shows, not its binary expansion.
    assert parse_amount(91.66) == Decimal("91.66")
    assert parse_amount(7) == Decimal(7)


def test_booleans_and_nan_are_not_amounts() -> None:
    with pytest.raises(NotANumber):
        parse_amount(True)
    with pytest.raises(NotANumber):
        parse_amount(float("nan"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("98.13%", "0.9813"), ("98.13％", "0.9813"), (0.9813, "0.9813"), ("98.13", "0.9813"),
     ("0.9813", "0.9813"), (100, "1"), ("100%", "1")],
)
def test_rates_in_every_spelling(value: object, expected: str) -> None:
    assert parse_rate(value) == Decimal(expected)


def test_bad_rate_is_refused() -> None:
    with pytest.raises(NotANumber, match="百分比"):
        parse_rate("很高")


def test_yuan_convert_exactly_to_wan() -> None:
    assert yuan_to_wan(Decimal("916600")) == Decimal("91.66")
    assert yuan_to_wan(Decimal("916612.34")) == Decimal("91.661234")
    assert yuan_to_wan(None) is None


def test_formatting() -> None:
    assert format_amount(Decimal("91.665")) == "91.67"  # half-up, as the form prints
    assert format_amount(Decimal("1234567.5"), grouping=True) == "1,234,567.50"
    assert format_amount(None) == ""
    assert format_rate(Decimal("0.981235")) == "98.12%"
    assert format_rate(None) == "—"


def test_half_unit_of_last_written_digit() -> None:
    assert half_unit(Decimal("98.13")) == Decimal("0.005")
    assert half_unit(Decimal("0.9813")) == Decimal("0.00005")
    assert half_unit(Decimal("7")) == Decimal("0.5")
