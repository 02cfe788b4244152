"""Reading many files for one job (a district's merge): one bad file never stops the others.

Each file is read by ``read_report``; a header that needs a column mapping is read with one the
caller knows for it (the window passes the mappings clerks chose before), else the file is
listed as unreadable with the reason. Progress and cancellation are the caller's callbacks, so
the window can run this off its GUI thread and the command line and benchmarks can call it as is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evaldesk.core.records import Report
from evaldesk.io.errors import ReadError

MappingFor = Callable[[str], Mapping[str, int] | None]  # header signature → a known mapping


@dataclass
class BatchRead:
    reports: list[tuple[str, Report]] = field(default_factory=list)  # (file, report), in order
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    cancelled: bool = False


def read_one(path: Path, mapping_for: MappingFor | None = None) -> Report:
    from evaldesk.io import read_report
    from evaldesk.io.grid import HeaderNeedsMapping

    try:
        return read_report(path)
    except HeaderNeedsMapping as exc:
        known = mapping_for(exc.info.signature) if mapping_for is not None else None
        if not known:
            raise ReadError(path, exc.reason + "（可先单独打开此文件指定各列，再合并）") from None
        return read_report(path, known)


def read_many(paths: Sequence[Path], *, mapping_for: MappingFor | None = None,
              progress: Callable[[int, str], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> BatchRead:
    """Read ``paths`` in order; ``progress(done, name)`` before each file and once at the end."""
    batch = BatchRead()
    for number, path in enumerate(paths):
        if cancelled is not None and cancelled():
            batch.cancelled = True
            return batch
        if progress is not None:
            progress(number, path.name)
        try:
            batch.reports.append((str(path), read_one(path, mapping_for)))
        except ReadError as exc:
            batch.failures.append((str(path), exc.reason))
        except MemoryError:
            batch.failures.append((str(path), "文件过大，内存不足"))
        except Exception as exc:  # a reader's bug on one file must not lose the other 199
            batch.failures.append((str(path), f"内部错误（{type(exc).__name__}: {exc}）"))
    if progress is not None:
        progress(len(paths), "")
    return batch
