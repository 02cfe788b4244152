"""From a grid of cells (any source: a workbook sheet, tab-separated text, CSV) to a report.

Every reader ends here, so the rules of reading a summary table are written once: the header is
found by its words wherever it stands; the official layout is recognised even when the header is
mis-registered by a column (as the seed's is); other layouts are matched column by column by
their header words; title, 单位 and 部门名称(盖章) lines above, the signature lines below; amounts in
元 converted exactly; drifted indicator cells realigned or flagged; nothing dropped.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from evaldesk.core.fields import set_bad_value, settle_printed_rate
from evaldesk.core.import_summary import EntryKind, ImportSummary, cell_address
from evaldesk.core.layout import (
    COLUMN_INDEX,
    HEADER_ROWS,
    SIGNATURE_FIELDS,
    SUMMARY_CATEGORIES,
    SUMMARY_COLUMNS,
    Column,
    header_cells,
    heading_matches,
    path_matches,
)
from evaldesk.core.money import (
    NotANumber,
    fraction_rate,
    parse_amount,
    parse_money,
    parse_rate,
    yuan_to_wan,
)
from evaldesk.core.records import (
    CATEGORY_BY_KEY,
    NOT_APPLICABLE,
    Funds,
    ImportNote,
    Indicator,
    Project,
    Report,
    year_from_title,
)
from evaldesk.core.rules import IMPORT_UNPLACED as IMPORT_UNPLACED  # the code its notes carry
from evaldesk.io.errors import ReadError
from evaldesk.io.realign import Placement, is_aligned, realign

Grid = Sequence[Sequence[object]]

IMPORT_JOINED = "IMPORT_JOINED"
IMPORT_UNMATCHED = "IMPORT_UNMATCHED"

_SPACE = re.compile(r"[\s\u3000]+")
_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元)")
_DEPARTMENT = re.compile(
    r"^(?:部门|单位|预算单位)(?:名称)?\s*[(（]\s*盖章\s*[)）]\s*[:：]?\s*(.*)$", re.S)
_TOTAL_WORDS = frozenset({"合计", "总计", "小计", "合 计"})
_SIGNATURE_LABELS: dict[str, str] = {
    "单位负责人": "head", "负责人": "head",
    "填表人": "preparer", "填报人": "preparer",
    "联系电话": "phone", "电话": "phone",
    "填报日期": "fill_date", "填表日期": "fill_date", "日期": "fill_date",
}
_SIGNATURE = re.compile(
    r"(单位负责人|负责人|填表人|填报人|联系电话|电话|填报日期|填表日期|日期)\s*[:：]\s*"
)

def norm(value: object) -> str:
    """Header words compared without spaces, with full-width forms folded (（）： → ():)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", cell_text(value)))


def cell_text(value: object) -> str:
    """A cell as text the way a spreadsheet shows it: 1.0 → "1", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _matches(word: str, heading: str) -> bool:
    return heading_matches(word, heading)


@dataclass
class _Header:
    row: int  # first header row
    depth: int  # how many header rows
    columns: dict[int, int]  # layout column index → grid column index
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (grid column, heading)
    canonical: bool = False
    at: dict[str, int | None] = field(default_factory=dict)  # field key → grid column
    label_columns: tuple[int, ...] = ()  # where a 合计 row says so

    def __post_init__(self) -> None:
        self.at = {c.key: self.columns.get(i) for i, c in enumerate(SUMMARY_COLUMNS)}
        self.label_columns = tuple(
            col for key in ("seq", "department", "name") if (col := self.at[key]) is not None)


def _score_row(row: Sequence[object]) -> int:
    # Headings are short; a paragraph of data is never one, and skipping it keeps the search
    # cheap on a sheet of long goal texts.
    words = {norm(v) for v in row if isinstance(v, str) and 0 < len(v) <= 40 and v.strip()}
    top = ("序号", "部门名称", "项目名称", "项目年度预算金额", "实际支出金额", "预算支出执行率",
           "年初绩效目标")
    return sum(1 for t in top if any(_matches(w, t) for w in words))


def _find_header(grid: Grid, source: str,
                 mapping: Mapping[str, int] | None = None) -> _Header:
    if mapping is not None:
        return _mapped_header(grid, source, mapping)
    best_row, best_score = -1, 0
    for r, row in enumerate(grid[:200]):
        score = _score_row(row)
        if score > best_score:
            best_row, best_score = r, score
        if best_score >= 5 and r > best_row + HEADER_ROWS:
            break  # a clear header and the rows under it seen: the data need not be searched
    if best_row < 0 or best_score < 2:
        raise ReadError(source, "找不到自评表的表头（应有「序号」「项目名称」「项目年度预算金额」等列）")
    depth = 1
    while depth < HEADER_ROWS and best_row + depth < len(grid) and _is_header_row(
        grid[best_row + depth]
    ):
        depth += 1
    canonical = _canonical_offset(grid, best_row)
    if canonical is not None:
        columns = {i: canonical + i for i in range(len(SUMMARY_COLUMNS))}
        return _Header(best_row, depth, columns, canonical=True)
    return _map_by_words(grid, best_row, depth)


_HEADER_WORDS = ("合计", "一般公共预算", "政府性基金", "非财政资金", "年度指标内容", "完成情况",
                 "数量指标", "质量指标", "财政拨款", "指标内容", "实际完成值")


def _is_header_row(row: Sequence[object]) -> bool:
    words = [norm(v) for v in row if v is not None and str(v).strip()]
    if not words:
        return True  # a blank line inside a header block (merged cells exported as blanks)
    hits = sum(1 for w in words if any(h in w for h in _HEADER_WORDS))
    numbers = sum(1 for w in words if re.fullmatch(r"[\d.,%]+", w))
    return hits >= 1 and numbers <= 1


def _canonical_offset(grid: Grid, row: int) -> int | None:
    """The official layout at some column offset, judged by its top header row alone.

    The seed's lower header rows are shifted by a column in places; its top row is not. When
    every heading of the top row stands where the form puts its top headings (a table cut short
    on the right still counts), the form's own columns are used and the lower rows are ignored.
    """
    top = {cell.col: cell.text for cell in header_cells() if cell.row == 0}
    cells = grid[row]
    filled = [col for col, value in enumerate(cells) if norm(value)]
    if not filled:
        return None
    offset = filled[0]
    hits = 0
    for col in filled:
        heading = top.get(col - offset)
        if heading is None or not _matches(norm(cells[col]), heading):
            return None
        hits += 1
    return offset if hits >= 5 else None


def _filled_paths(grid: Grid, row: int, depth: int) -> list[tuple[str, ...]]:
    """Each grid column's heading words from top to bottom, with merged cells filled in.

    A merged heading is stored in its first cell only. A blank header cell continues the heading
    to its left when the two columns share the same headings above it and the blank column has
    a heading of its own further down (so a level-2 heading never leaks into another group, and
    a column with no heading at all stays headless).
    """
    width = max(len(grid[r]) for r in range(row, row + depth))
    texts = [
        [norm(grid[row + level][col]) if col < len(grid[row + level]) else "" for col in range(width)]
        for level in range(depth)
    ]
    paths: list[list[str]] = []
    for col in range(width):
        path: list[str] = []
        for level in range(depth):
            text = texts[level][col]
            if not text and paths:
                left = paths[-1]
                below = any(texts[lower][col] for lower in range(level + 1, depth))
                if below and len(left) > level and left[:level] == path:
                    text = left[level]
            if text:
                path.append(text)
        paths.append(path)
    return [tuple(p) for p in paths]


def _map_by_words(grid: Grid, row: int, depth: int) -> _Header:
    paths = _filled_paths(grid, row, depth)
    taken: set[int] = set()
    columns: dict[int, int] = {}
    for index, column in enumerate(SUMMARY_COLUMNS):
        wanted = column.path
        for col, path in enumerate(paths):
            if col in taken or not path:
                continue
            if _path_matches(path, wanted):
                columns[index] = col
                taken.add(col)
                break
    unmatched = [(c, "/".join(p)) for c, p in enumerate(paths) if p and c not in taken]
    header = _Header(row, depth, columns, unmatched)
    missing = missing_fields(header.at)
    if missing:
        raise HeaderNeedsMapping("", _info(grid, header, missing))
    return header


# Without these a table is not a self-evaluation table; everything else may be absent.
NEEDED_FIELDS: tuple[tuple[str, ...], ...] = (
    ("name",),
    ("budget.total", "budget.general"),
    ("actual.total", "actual.general"),
)


def missing_fields(at: Mapping[str, int | None]) -> list[str]:
    """The needed fields (first of each group) that no column was matched to."""
    return [group[0] for group in NEEDED_FIELDS if all(at.get(k) is None for k in group)]


@dataclass(frozen=True)
class HeaderInfo:
    """What a mapping dialog shows: the file's headings beside the form's, and what matched."""

    row: int  # the header's first row in the grid
    headings: tuple[tuple[int, str], ...]  # (grid column, the file's heading words)
    matched: dict[str, int]  # field key → grid column
    missing: tuple[str, ...]  # needed field keys nothing matched
    signature: str  # the same header in another file gives the same signature
    sheet: int = 0  # which sheet of a workbook


class HeaderNeedsMapping(ReadError):
    """The header was found but needed columns were not recognised: a clerk can say which."""

    def __init__(self, source: str, info: HeaderInfo) -> None:
        names = "、".join(f"「{field_label_short(k)}」" for k in info.missing)
        super().__init__(source, f"表头中找不到 {names} 列；请在导入时指定各列对应的栏目")
        self.info = info


def field_label_short(key: str) -> str:
    return "/".join(SUMMARY_COLUMNS[COLUMN_INDEX[key]].path).replace("其中: ", "")


def _info(grid: Grid, header: _Header, missing: list[str]) -> HeaderInfo:
    paths = _filled_paths(grid, header.row, header.depth)
    headings = tuple((c, "/".join(p)) for c, p in enumerate(paths) if p)
    matched = {k: c for k, c in header.at.items() if c is not None}
    signature = "|".join(text for _, text in headings)
    return HeaderInfo(header.row, headings, matched, tuple(missing), signature)


def _mapped_header(grid: Grid, source: str, mapping: Mapping[str, int]) -> _Header:
    """The clerk's mapping, applied to the header row found by words (or the first row)."""
    best_row, best_score = 0, -1
    for r, row in enumerate(grid[:200]):
        score = _score_row(row)
        if score > best_score:
            best_row, best_score = r, score
    if best_score <= 0:
        best_row = next((r for r, row in enumerate(grid) if sum(1 for v in row if norm(v)) >= 2),
                        0)
    depth = 1
    while depth < HEADER_ROWS and best_row + depth < len(grid) and _is_header_row(
        grid[best_row + depth]
    ):
        depth += 1
    columns = {COLUMN_INDEX[k]: c for k, c in mapping.items() if k in COLUMN_INDEX}
    paths = _filled_paths(grid, best_row, depth) if grid else []
    taken = set(columns.values())
    unmatched = [(c, "/".join(p)) for c, p in enumerate(paths) if p and c not in taken]
    header = _Header(best_row, depth, columns, unmatched)
    missing = missing_fields(header.at)
    if missing:
        raise HeaderNeedsMapping(source, _info(grid, header, missing))
    return header


def inspect_grid(grid: Grid, source: str) -> HeaderInfo:
    """The header of a grid as a mapping dialog needs it (whether or not it reads as is)."""
    rows = [list(r) for r in grid]
    try:
        header = _find_header(rows, source)
    except HeaderNeedsMapping as exc:
        return exc.info
    return _info(rows, header, [])


def _path_matches(path: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return path_matches(path, wanted)


# ---------------------------------------------------------------------------------------------

_INDICATOR_FIRST = COLUMN_INDEX[f"ind.{SUMMARY_CATEGORIES[0][0]}.content"]
_PROBLEMS = COLUMN_INDEX["problems"]
_RECTIFICATION = COLUMN_INDEX["rectification"]


def report_from_grid(grid: Grid, source: str,
                     mapping: Mapping[str, int] | None = None) -> Report:
    """Read a summary table from rows of cells; raise ``ReadError`` when it is not one
    (``HeaderNeedsMapping`` when a clerk's ``mapping`` of field keys to columns would help)."""
    if not isinstance(grid, list) or not all(type(r) is list for r in grid):
        grid = [list(r) for r in grid]
    try:
        header = _find_header(grid, source, mapping)
    except HeaderNeedsMapping as exc:
        raise HeaderNeedsMapping(source, exc.info) from None
    except ReadError as exc:
        raise ReadError(source, exc.reason) from None
    report = Report()
    _read_lines_above(grid[: header.row], report)
    in_yuan = report.unit == "元"
    report.unit = "万元"
    log = report.import_summary = _summary_of_header(grid, header, source, mapping is not None)
    if in_yuan:
        log.add(EntryKind.CONVERTED, "", "", "单位：元", "全部金额由元换算为万元（精确换算，不四舍五入）")
    first_data = header.row + header.depth
    plan = _RowPlan.of(header)
    for r in range(first_data, len(grid)):
        row = grid[r]
        if _is_blank(row):
            continue
        total = _total_row_word(row, header)
        if total:
            report.department_subtotals |= total == "小计"
            continue
        # A row that names no project may be the signature block; any other text is read as a
        # project (a clerk can delete it) rather than dropped.
        if not cell_text(_cell(row, header, "name")).strip() and _read_signature(row, report):
            continue
        report.projects.append(_read_project(row, r + 1, header, in_yuan, plan, log))
    _note_unmatched(grid[first_data:], header, report)
    return report


def _summary_of_header(grid: Grid, header: _Header, source: str, mapped: bool) -> ImportSummary:
    layout = "汇总表（标准表头）" if header.canonical else (
        "汇总表（按手工指定的列）" if mapped else "汇总表（按表头文字识别）")
    log = ImportSummary(source, layout)
    if header.canonical:
        return log
    paths = _filled_paths(grid, header.row, header.depth)
    for index, col in sorted(header.columns.items(), key=lambda item: item[1]):
        text = "/".join(paths[col]) if col < len(paths) else ""
        log.add(EntryKind.HEADING, "", cell_address(header.row, col), text,
                f"「{SUMMARY_COLUMNS[index].header.replace('其中: ', '')}」")
    for col, text in header.unmatched:
        log.add(EntryKind.UNPLACED, "", cell_address(header.row, col), text,
                "自评表中没有对应栏目，该列内容未导入")
    return log


def _note_unmatched(rows: Grid, header: _Header, report: Report) -> None:
    """Columns the form has no place for are named, never dropped without a word."""
    with_data = [name for col, name in header.unmatched
                 if any(col < len(row) and cell_text(row[col]).strip() for row in rows)]
    if with_data:
        names = "、".join(f"「{n}」" for n in with_data)
        report.import_notes.append(ImportNote(
            IMPORT_UNMATCHED, "",
            f"文件中的 {names} 列在自评表中没有对应栏目，其内容没有导入；"
            "如需保留，请把内容移到相应栏目（如「项目执行中存在的问题」）"))


def _read_lines_above(rows: Grid, report: Report) -> None:
    for row in rows:
        for value in row:
            text = cell_text(value).strip()
            if not text:
                continue
            unit = _UNIT.search(unicodedata.normalize("NFKC", text).replace(" ", ""))
            # The pattern takes both bracket widths; the name is kept as written (（2）stays).
            department = _DEPARTMENT.match(text)
            if department:
                report.department = department.group(1).strip()
            elif unit and len(text) < 20:
                report.unit = unit.group(1)
            elif not report.title and ("表" in text or "绩效" in text or "年" in text):
                report.title = text
    report.year = year_from_title(report.title)


def _read_signature(row: Sequence[object], report: Report) -> bool:
    texts = [cell_text(v).strip() for v in row]
    found = False
    for i, text in enumerate(texts):
        if not text:
            continue
        matches = list(_SIGNATURE.finditer(text))
        if matches and matches[0].start() == 0:
            for m, nxt in zip(matches, [*matches[1:], None], strict=True):
                value = text[m.end() : nxt.start() if nxt else len(text)].strip()
                setattr(report, _SIGNATURE_LABELS[m.group(1)], value)
            found = True
        elif text in _SIGNATURE_LABELS and (i + 1 >= len(texts) or not _is_amount_like(texts)):
            following = next((t for t in texts[i + 1 :] if t), "")
            if following not in _SIGNATURE_LABELS:
                setattr(report, _SIGNATURE_LABELS[text], following)
            found = True
    return found


def _is_amount_like(texts: Sequence[str]) -> bool:
    return sum(1 for t in texts if re.fullmatch(r"-?[\d,]+(\.\d+)?", t)) >= 3


def _total_row_word(row: Sequence[object], header: _Header) -> str:
    """合计/总计/小计 when the row is a total (derived, never read), else ""."""
    for col in header.label_columns:
        if col < len(row):
            value = row[col]
            # Every total word has 计; normalising each short name and 序号 to find out is not free.
            if isinstance(value, str) and len(value) < 8 and "计" in value:
                word = norm(value)
                if word in _TOTAL_WORDS:
                    return word
    return ""


def _cell(row: Sequence[object], header: _Header, key: str) -> object:
    col = header.columns.get(COLUMN_INDEX[key])
    if col is None or col >= len(row):
        return None
    return row[col]


def _text(value: object) -> str:
    return value if isinstance(value, str) else cell_text(value)


def _is_blank(row: Sequence[object]) -> bool:
    # A data row is usually settled by its first cell; cell_text is needed only for the rare
    # non-string value (a number is never blank).
    for value in row:
        if value is None:
            continue
        if value.__class__ is str:
            if value and not value.isspace():
                return False
        elif cell_text(value).strip():
            return False
    return True


_TEXT_KEYS = ("seq", "department", "name", "goal", "completion")
_FUND_PARTS = ("general", "fund", "non_fiscal", "total")
_AMOUNT_KEYS = tuple(f"{side}.{part}" for side in ("budget", "actual") for part in _FUND_PARTS)


def _getter(cols: Sequence[int | None]) -> Callable[[Sequence[object]], tuple[object, ...]]:
    """The cells at ``cols`` of a row as a tuple (None where the table has no such column)."""
    if all(col is not None for col in cols):
        return operator.itemgetter(*cols)  # C-level: the usual case
    return lambda row: tuple(None if col is None else row[col] for col in cols)


@dataclass(frozen=True)
class _RowPlan:
    """Where each field of a data row stands, worked out once per table rather than per row:
    5,000 rows each asking the header dictionary for thirty keys is most of a large file's
    reading time."""

    width: int  # rows are padded to this many cells, so no look-up needs a bounds check
    texts: Callable[[Sequence[object]], tuple[object, ...]]  # the cells of _TEXT_KEYS
    amounts: Callable[[Sequence[object]], tuple[object, ...]]  # the cells of _AMOUNT_KEYS
    rate: int | None

    @classmethod
    def of(cls, header: _Header) -> _RowPlan:
        at = header.at
        present = [col for col in at.values() if col is not None]
        return cls(
            width=max(present, default=-1) + 1,
            texts=_getter([at[key] for key in _TEXT_KEYS]),
            amounts=_getter([at[key] for key in _AMOUNT_KEYS]),
            rate=at["rate"],
        )


def _read_project(row: Sequence[object], line: int, header: _Header, in_yuan: bool,
                  plan: _RowPlan, log: ImportSummary | None = None) -> Project:
    if len(row) < plan.width:
        row = [*row, *([None] * (plan.width - len(row)))]
    seq, department, name, goal, completion = (
        v if v.__class__ is str else cell_text(v) for v in plan.texts(row))
    bad: dict[str, str] = {}
    converted: list[tuple[str, str, Decimal]] = []
    general, fund, non_fiscal, total, a_general, a_fund, a_non_fiscal, a_total = _amounts(
        plan.amounts(row), bad, in_yuan, converted)
    for key, text, amount in converted:
        col = header.at.get(key)
        if log is not None and col is not None:
            log.add(EntryKind.CONVERTED, "", cell_address(line - 1, col), text, f"{amount} 万元")
    project = Project(
        # Names and numbers are compared and looked up: stray spaces around them are noise.
        # Paragraphs are kept exactly as written (a writer's own spacing is the writer's).
        seq=seq.strip(), department=department.strip(), name=name.strip(),
        goal=goal, completion=completion,
        budget=_funds(general, fund, non_fiscal, total),
        actual=_funds(a_general, a_fund, a_non_fiscal, a_total),
        bad_values=bad)
    raw_rate = row[plan.rate] if plan.rate is not None else None
    if raw_rate is not None and raw_rate != "":
        computed = project.rate
        try:
            project.rate_printed = _rate_from_cell(raw_rate, computed)
        except NotANumber:
            set_bad_value(project, "rate", cell_text(raw_rate).strip())
        settle_printed_rate(project, computed)
    _read_indicators(row, line, header, project)
    return project


def _amounts(cells: tuple[object, ...], bad: dict[str, str], in_yuan: bool,
             converted: list[tuple[str, str, Decimal]]) -> list[Decimal | None]:
    """The row's amounts in 万元; a cell that wrote its own unit ("150万") is listed in
    ``converted`` (the sheet's 元 is said once for the whole sheet)."""
    values: list[Decimal | None] = []
    for key, raw in zip(_AMOUNT_KEYS, cells, strict=True):
        unit = ""
        try:
            if raw.__class__ is str:
                number, unit = parse_money(raw, sheet_in_yuan=in_yuan)
            else:
                number = parse_amount(raw)
                if in_yuan and number is not None:
                    number = yuan_to_wan(number)
        except NotANumber:
            bad[key] = cell_text(raw).strip()
            number = None
        if unit and number is not None:
            converted.append((key, cell_text(raw).strip(), number))
        values.append(number)
    return values


def _funds(general: Decimal | None, fund: Decimal | None, non_fiscal: Decimal | None,
           total: Decimal | None) -> Funds:
    funds = Funds(general, fund, non_fiscal)
    # 合计 is derived; keep the printed figure only where it says something the sum does not.
    if total is not None and total != funds.total_computed:
        funds.total_entered = total
    return funds


def _rate_from_cell(raw: object, computed: Decimal | None) -> Decimal | None:
    """A rate cell. A bare number above 10 is usually a percentage typed without its sign (98.13),
    but a workbook's percent-formatted cell stores the fraction (11 is 1100 %): the amounts of
    the same row say which reading is meant."""
    rate = parse_rate(raw)
    if rate is None or computed is None or not isinstance(raw, (int, float)) \
            or isinstance(raw, bool) or abs(raw) <= 10:
        return rate
    as_fraction = fraction_rate(raw)
    assert as_fraction is not None
    return as_fraction if abs(as_fraction - computed) < abs(rate - computed) else rate


def _read_indicators(row: Sequence[object], line: int, header: _Header, project: Project) -> None:
    categories = len(SUMMARY_CATEGORIES)
    if header.canonical:
        start = header.columns[_INDICATOR_FIRST]
        end = header.columns[_RECTIFICATION] + 1
        segment = [v if v.__class__ is str else cell_text(v) for v in row[start:end]]
        segment += [""] * (end - start - len(segment))
        overflow = [_text(v) for v in row[end:] if v is not None] if len(row) > end else []
        pairs = list(zip(segment[0:2 * categories:2], segment[1:2 * categories:2], strict=True))
        problems, rectification = segment[2 * categories], segment[2 * categories + 1]
        # The usual row has no 不适用 and nothing beyond the last column: nothing can have drifted.
        if (overflow or NOT_APPLICABLE in "\x00".join(segment)) and not is_aligned(pairs, overflow):
            tokens = [t for t in segment + overflow if t.strip()]
            placement = realign(tokens, categories)
            _note_placement(project, line, placement)
            pairs = list(placement.pairs)
            problems, rectification = placement.problems, placement.rectification
    else:
        pairs = []
        for key, _group in SUMMARY_CATEGORIES:
            content = _text(_cell(row, header, f"ind.{key}.content"))
            done = _text(_cell(row, header, f"ind.{key}.actual"))
            pairs.append((content, done))
        problems = _text(_cell(row, header, "problems"))
        rectification = _text(_cell(row, header, "rectification"))
    indicators = project.indicators
    for key, (content, done) in zip(_CATEGORY_KEYS, pairs, strict=True):
        if content or done:
            indicator = _indicator_from_cell(key, content, done)
            if indicator is not None:
                indicators.append(indicator)
    project.problems, project.rectification = problems, rectification


_CATEGORY_KEYS = tuple(key for key, _group in SUMMARY_CATEGORIES)


_NUMBERED = re.compile(r"(?:^|\n)\s*(\d+)[、.．]\s*")


def _indicator_from_cell(category: str, content: str, done: str) -> Indicator | None:
    """One category's pair of cells as an indicator: 不适用, one indicator, or none."""
    bare = content.strip()
    if bare == NOT_APPLICABLE and done.strip() in (NOT_APPLICABLE, ""):
        return Indicator(category, applicable=False)
    if not bare and not done.strip():
        return None
    return Indicator(category, content, actual=done)


def _note_placement(project: Project, line: int, placement: Placement) -> None:
    names = [CATEGORY_BY_KEY[key].level2 for key, _ in SUMMARY_CATEGORIES]
    where = f"源文件第 {line} 行"
    if placement.certain:
        return
    if placement.ambiguous or placement.missing:
        lost = len(placement.missing)
        detail = f"少了约 {lost} 个指标类别的单元格" if lost else "单元格多于表格的位置"
        project.import_notes.append(ImportNote(
            IMPORT_UNPLACED, f"ind.{SUMMARY_CATEGORIES[0][0]}.content",
            f"{where}的指标列错位（{detail}），无法确定每个单元格属于哪个指标："
            f"已按原顺序依次放入，可能有文字不在它应在的类别下，请对照原表逐项核对",
            "error"))
        return
    for index in placement.joined:
        content = placement.pairs[index][0].replace("\n", "」「")
        project.import_notes.append(ImportNote(
            IMPORT_JOINED, f"ind.{SUMMARY_CATEGORIES[index][0]}.content",
            f"{where}：「{names[index]}」的年度指标内容原为两个单元格（「{content}」），"
            "已合并为一项，请核对"))


def column_for(key: str) -> Column:
    return SUMMARY_COLUMNS[COLUMN_INDEX[key]]


def signature_keys() -> tuple[str, ...]:
    return tuple(key for key, _ in SIGNATURE_FIELDS)
