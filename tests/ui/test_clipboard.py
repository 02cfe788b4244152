from __future__ import annotations

from evaldesk.ui.clipboard import looks_like_whole_table, parse_tsv, to_tsv


def test_excel_quoting_round_trip() -> None:
    rows = [["1", "区信访局", "第一行\n第二行"], ['他说"好"', "", "a\tb"]]
    text = to_tsv(rows)
    assert text == '1\t区信访局\t"第一行\n第二行"\r\n"他说""好"""\t\t"a\tb"\r\n'
    assert parse_tsv(text) == rows


def test_trailing_newline_makes_no_extra_row_and_empty_cells_survive() -> None:
    assert parse_tsv("a\t\tc\n") == [["a", "", "c"]]
    assert parse_tsv("a\nb") == [["a"], ["b"]]
    assert parse_tsv("") == []


def test_whole_table_is_recognised_by_its_heading(seed_path) -> None:  # type: ignore[no-untyped-def]
    assert looks_like_whole_table(seed_path.read_text(encoding="utf-8"))
    assert not looks_like_whole_table("91.66\t50.36\n")
