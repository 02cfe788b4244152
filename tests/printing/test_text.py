"""Line breaking for print: every line fits, Chinese punctuation rules hold, nothing is lost."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaldesk.printing.fonts import chinese_family
from evaldesk.printing.text import NO_LINE_END, NO_LINE_START, TextMeasure

SIZE = 8.0
GOAL = ("1、做好特殊防护期间我区信访维稳工作, 确保政治安全、及时、稳妥、有效处置我区群众到北京及省、"
        "市上访, 创造和谐稳定的社会环境; 解决符合条件的特定信访人生活面临的急迫困难。")


@pytest.fixture(scope="module")
def measure() -> TextMeasure:
    return TextMeasure(chinese_family())


def joined(lines: tuple[str, ...]) -> str:
    return "".join(lines).replace(" ", "")


@pytest.mark.parametrize("chars", [3, 7, 12, 30])
def test_chinese_paragraph_fits_and_keeps_every_character(measure: TextMeasure, chars: int) -> None:
    width = chars * SIZE
    lines = measure.wrap(GOAL, width, SIZE)
    assert len(lines) > 1
    assert joined(lines) == GOAL.replace(" ", "")
    assert all(measure.width(line, SIZE) <= width + 1e-6 for line in lines)
    # Closing punctuation never starts a line; the lines are as full as the rules allow.
    assert not any(line[0] in NO_LINE_START for line in lines[1:])
    assert not any(line[-1] in NO_LINE_END for line in lines)
    assert all(measure.width(line + nxt[0], SIZE) > width - 1e-6 or nxt[0] in NO_LINE_START
               for line, nxt in pairwise(lines))


def test_latin_words_and_numbers_are_not_cut(measure: TextMeasure) -> None:
    text = "budget 12345.67 spent quickly"
    lines = measure.wrap(text, measure.width("12345.67 sp", SIZE), SIZE)
    assert lines == ("budget", "12345.67", "spent", "quickly")


def test_a_word_wider_than_the_column_breaks_anywhere(measure: TextMeasure) -> None:
    word = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    width = measure.width("ABCDE", SIZE)
    lines = measure.wrap(word, width, SIZE)
    assert "".join(lines) == word
    assert len(lines) >= 5
    assert all(measure.width(line, SIZE) <= width + 1e-6 for line in lines)


def test_explicit_line_ends_are_kept(measure: TextMeasure) -> None:
    assert measure.wrap("1、购置设备\r\n2、培训\n\n3、验收", 200.0, SIZE) == (
        "1、购置设备", "2、培训", "", "3、验收")
    assert measure.wrap("", 50.0, SIZE) == ()


def test_line_counts_agree_with_wrapping(measure: TextMeasure) -> None:
    texts = [GOAL, "", "无", "100%", "a\nb", GOAL[:20], "不适用"]
    counts = measure.line_counts(texts, 60.0, SIZE)
    assert counts == [len(measure.wrap(t, 60.0, SIZE)) for t in texts]
    assert counts[1] == 0 and counts[2] == 1


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("中文，。、（）“”ab1 2-%;")), max_size=80),
       chars=st.integers(min_value=1, max_value=20))
def test_wrapping_never_loses_text_nor_overflows(measure: TextMeasure, text: str, chars: int) -> None:
    width = chars * SIZE
    lines = measure.wrap(text, width, SIZE)
    assert joined(lines) == text.replace(" ", "")
    for line in lines:
        # A line over the width is only ever a single unbreakable character.
        assert measure.width(line, SIZE) <= width + 1e-6 or len(line) == 1
