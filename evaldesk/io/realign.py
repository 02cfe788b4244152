"""Realigning indicator cells of rows that drifted left.

Text extracted from a printed table (the seed) drops empty cells and squeezes a `不适用` category
into one cell instead of two, so the cells after it slide left under the wrong headings. The
cells themselves are intact and in order; only their places are lost. Each category of the form
takes one of a few shapes (a content/completion pair, `不适用` once or twice), so a row's cells
can be parsed against the category sequence. Exactly one cheapest parse means the row is placed
with certainty; anything else is placed as well as it can be and flagged — a cell is never
dropped and never silently put under a heading it may not belong to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from evaldesk.core.records import NOT_APPLICABLE

# What one category may look like in a drifted row, and what each shape costs: 0 for the form's
# own shapes; a content split over two cells, a completion that was dropped, or a category that
# lost all its cells are guesses, priced so that fewer and smaller guesses win.
_COST_JOIN = 2
_COST_DROPPED_COMPLETION = 3
_COST_MISSING = 4
_COST_VALUE_AS_CONTENT = 1  # "100%" where the indicator's content belongs: unlikely, not impossible
_COST_NO_PROBLEMS = 2  # every row of the form has a 问题 cell (if only 无); an empty one is a guess
_COST_SATISFACTION_ELSEWHERE = 2  # "…满意度" names the satisfaction indicator, not another one

_BARE_VALUE = re.compile(r"^[\s≥≤<>=＞＜≧≦﹦]*[\d.,，]+\s*[%％]?\s*$")


def _is_na(text: str) -> bool:
    return text.strip() == NOT_APPLICABLE


def _looks_like_value(text: str) -> bool:
    return bool(_BARE_VALUE.match(text))


@dataclass(frozen=True)
class Placement:
    """Where a row's indicator cells go: one (content, completion) per category, then the two
    text columns after the indicators (问题, 整改情况)."""

    pairs: tuple[tuple[str, str], ...]
    problems: str
    rectification: str
    certain: bool  # exactly one parse of the form's own shapes
    joined: tuple[int, ...] = ()  # categories whose content was joined from two cells
    missing: tuple[int, ...] = ()  # categories that got no cells (a guess put them there)
    ambiguous: bool = False


@dataclass(frozen=True)
class _Parse:
    cost: int
    count: int  # how many parses share this cost
    steps: tuple[tuple[str, int], ...]  # (shape, tokens consumed) per category, then "tail"


def is_aligned(pairs: Sequence[tuple[str, str]], overflow: Sequence[str]) -> bool:
    """Do the cells already stand where the form says? A `不适用` paired with real text, or
    cells beyond the last column, show that the row has drifted."""
    if any(text.strip() for text in overflow):
        return False
    if NOT_APPLICABLE not in "\x00".join(text for pair in pairs for text in pair):
        return True  # the usual row: nothing collapsed, nothing to compare
    for content, completion in pairs:
        if (NOT_APPLICABLE not in content and NOT_APPLICABLE not in completion) or (
                content == NOT_APPLICABLE and completion == NOT_APPLICABLE):
            continue  # nothing collapsed here, or the form's own 不适用 pair: quick to tell
        if _is_na(content) != _is_na(completion) and completion.strip() and content.strip():
            return False
        if not content.strip() and _is_na(completion):
            return False
    return True


def _satisfaction_cost(text: str, category: int, categories: int) -> int:
    if category != categories - 1 and "满意" in text:
        return _COST_SATISFACTION_ELSEWHERE
    return 0


def realign(tokens: Sequence[str], categories: int) -> Placement:
    """Place the non-empty cells ``tokens`` (in order) into ``categories`` indicator categories
    followed by 问题 and 整改情况; the last category is the satisfaction one."""
    toks = tuple(tokens)
    n = len(toks)

    @cache
    def best(i: int, k: int) -> _Parse | None:
        if k == categories:
            left_over = n - i
            if left_over > 2:
                return None
            return _Parse(_COST_NO_PROBLEMS if left_over == 0 else 0, 1, (("tail", left_over),))
        options: list[tuple[int, str, int]] = []
        if i < n and _is_na(toks[i]):
            options.append((0, "na", 1))
            if i + 1 < n and _is_na(toks[i + 1]):
                options.append((0, "na2", 2))
        if i + 1 < n and not _is_na(toks[i]) and not _is_na(toks[i + 1]):
            extra = _COST_VALUE_AS_CONTENT if _looks_like_value(toks[i]) else 0
            extra += _satisfaction_cost(toks[i], k, categories)
            options.append((extra, "pair", 2))
            if i + 2 < n and not _is_na(toks[i + 2]):
                extra2 = _COST_VALUE_AS_CONTENT if _looks_like_value(toks[i + 1]) else 0
                options.append((_COST_JOIN + extra + extra2, "join", 3))
        if i < n and not _is_na(toks[i]):
            options.append((_COST_DROPPED_COMPLETION + _satisfaction_cost(toks[i], k, categories),
                            "content", 1))
        options.append((_COST_MISSING, "missing", 0))

        found: _Parse | None = None
        for cost, shape, used in options:
            rest = best(i + used, k + 1)
            if rest is None:
                continue
            total = cost + rest.cost
            if found is None or total < found.cost:
                found = _Parse(total, rest.count, ((shape, used), *rest.steps))
            elif total == found.cost:
                # Keep the first (earliest-consuming) parse as the guess, count the tie.
                found = _Parse(found.cost, found.count + rest.count, found.steps)
        return found

    parse = best(0, 0)
    if parse is None:
        return _fallback(toks, categories)
    pairs: list[tuple[str, str]] = []
    joined: list[int] = []
    missing: list[int] = []
    i = 0
    for index, (shape, used) in enumerate(parse.steps[:categories]):
        chunk = toks[i : i + used]
        i += used
        if shape == "pair":
            pairs.append((chunk[0], chunk[1]))
        elif shape == "join":
            pairs.append((f"{chunk[0]}\n{chunk[1]}", chunk[2]))
            joined.append(index)
        elif shape in ("na", "na2"):
            pairs.append((NOT_APPLICABLE, NOT_APPLICABLE))
        elif shape == "content":
            pairs.append((chunk[0], ""))
            missing.append(index)
        else:
            pairs.append(("", ""))
            missing.append(index)
    tail = toks[i:]
    problems = tail[0] if tail else ""
    rectification = tail[1] if len(tail) > 1 else ""
    ambiguous = parse.count > 1
    return Placement(
        tuple(pairs),
        problems,
        rectification,
        certain=parse.cost == 0 and not ambiguous,
        joined=tuple(joined),
        missing=tuple(missing),
        ambiguous=ambiguous,
    )


def _fallback(tokens: tuple[str, ...], categories: int) -> Placement:
    """More cells than the form has places for: keep them in order, the surplus in 整改情况."""
    slots = list(tokens[: 2 * categories + 2])
    slots += [""] * (2 * categories + 2 - len(slots))
    surplus = tokens[2 * categories + 2 :]
    rectification = "\n".join([slots[-1], *surplus]).strip("\n")
    pairs = tuple((slots[2 * c], slots[2 * c + 1]) for c in range(categories))
    return Placement(pairs, slots[-2], rectification, certain=False, ambiguous=True)
