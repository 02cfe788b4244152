from __future__ import annotations

from evaldesk.io.realign import is_aligned, realign

NA = "不适用"


def test_a_clean_row_with_collapsed_not_applicable_is_certain() -> None:
    tokens = ["数量", "100%", "质量", "100%", "时效", "100%", NA, "社会", "100%", NA,
              "满意度", "98%", "无"]
    placement = realign(tokens, 7)
    assert placement.certain
    assert placement.pairs[3] == (NA, NA) and placement.pairs[5] == (NA, NA)
    assert placement.pairs[6] == ("满意度", "98%")
    assert placement.problems == "无" and placement.rectification == ""


def test_double_not_applicable_and_a_rectification() -> None:
    tokens = ["a", "1", "b", "2", "c", "3", NA, NA, "d", "4", "e", "5", "满意度", "99%", "问题",
              "整改"]
    placement = realign(tokens, 7)
    assert placement.certain and placement.pairs[3] == (NA, NA)
    assert (placement.problems, placement.rectification) == ("问题", "整改")


def test_missing_categories_are_never_certain() -> None:
    tokens = ["a", "100%", "b", "100%", "c", "100%", NA, "服务对象满意度", "99%", "无"]
    placement = realign(tokens, 7)
    assert not placement.certain and (placement.ambiguous or placement.missing)
    assert placement.pairs[6] == ("服务对象满意度", "99%")
    assert placement.problems == "无"
    placed = [t for pair in placement.pairs for t in pair if t and t != NA]
    assert placed == ["a", "100%", "b", "100%", "c", "100%", "服务对象满意度", "99%"]


def test_too_many_cells_keeps_every_one() -> None:
    tokens = [f"t{i}" for i in range(30)]
    placement = realign(tokens, 7)
    assert not placement.certain
    text = "\n".join([*(t for pair in placement.pairs for t in pair), placement.problems,
                      placement.rectification])
    assert all(t in text.split("\n") for t in tokens)


def test_alignment_check() -> None:
    assert is_aligned([("a", "1"), (NA, NA), (NA, "")], [])
    assert not is_aligned([(NA, "社会")], [])
    assert not is_aligned([("a", "1")], ["stray"])
