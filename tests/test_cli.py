from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from evaldesk.cli import EXIT_OK, EXIT_UNREADABLE, main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_lists_findings_one_per_line(capsys: pytest.CaptureFixture[str],
                                           seed_path: Path) -> None:
    code, out, err = run(capsys, "check", str(seed_path))
    assert code == 1  # row 2 could not be placed: an error
    lines = out.strip().splitlines()
    assert all(line.startswith(f"{seed_path}: ") for line in lines)
    assert any("项目 6「全区信访业务培训」 项目执行中存在的问题: 警告" in line
               and line.endswith("[LOW_RATE_NO_REASON]") for line in lines)
    assert any("项目 2「其他一般管理事务」" in line and "[IMPORT_UNPLACED]" in line for line in lines)
    assert "6 个项目" in err


def test_check_json_is_the_documented_interface(capsys: pytest.CaptureFixture[str],
                                                seed_path: Path) -> None:
    code, out, _ = run(capsys, "check", "--json", str(seed_path))
    assert code == 1
    findings = json.loads(out)
    assert {tuple(sorted(f)) for f in findings} == {
        ("code", "field", "file", "message", "project", "project_seq", "severity")}
    low = [f for f in findings if f["code"] == "LOW_RATE_NO_REASON"]
    assert low == [{
        "file": str(seed_path), "project_seq": "6", "project": "全区信访业务培训",
        "field": "problems", "code": "LOW_RATE_NO_REASON", "severity": "warning",
        "message": low[0]["message"],
    }]
    assert {f["severity"] for f in findings} == {"error", "warning"}


def test_warnings_only_exit_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                 seed_path: Path) -> None:
    # The seed without its unplaceable row 2 has warnings only.
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith("2\t")]
    path = tmp_path / "five.txt"
    path.write_text("\n".join(kept), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0 and "警告" in out and "错误" not in out


def test_dump_gives_decimal_strings_exactly(capsys: pytest.CaptureFixture[str],
                                            seed_path: Path) -> None:
    code, out, _ = run(capsys, "dump", str(seed_path))
    assert code == 0
    data = json.loads(out)
    assert {"year", "title", "unit", "department", "projects"} <= set(data)
    first = data["projects"][0]
    assert {"seq", "department", "name", "budget", "actual", "rate", "rate_printed", "goal",
            "completion", "indicators", "problems", "rectification"} <= set(first)
    assert first["budget"] == {"total": "91.66", "fiscal": "91.66", "general": "91.66",
                               "fund": "0", "non_fiscal": "0", "carryover": None}
    assert first["rate_printed"] == "0.9813" and first["rate"] == "0.981235"
    assert first["indicators"][0]["level2"] == "数量指标"


def test_unreadable_files_exit_2_with_one_line(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path, seed_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "check", str(empty), str(seed_path), str(missing))
    assert code == 2
    errors = [line for line in err.splitlines() if "无法读取" in line]
    assert len(errors) == 2 and errors[0].startswith(str(empty))
    assert "[LOW_RATE_NO_REASON]" in out  # one bad file does not stop the others


def _bad_workbooks(tmp_path: Path, seed_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    files["empty"] = tmp_path / "empty.xlsx"
    files["empty"].write_bytes(b"")
    files["renamed_text"] = tmp_path / "text.xlsx"
    files["renamed_text"].write_bytes(seed_path.read_bytes())
    good = tmp_path / "good.xlsx"
    assert main(["convert", str(seed_path), str(good)]) == 0
    files["truncated"] = tmp_path / "truncated.xlsx"
    files["truncated"].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["encrypted"] = tmp_path / "encrypted.xlsx"
    # An OLE compound file, which is how Office stores a password-protected workbook.
    files["encrypted"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                                   + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 1024)
    files["no_header"] = tmp_path / "no_header.xlsx"
    import xlsxwriter

    book = xlsxwriter.Workbook(str(files["no_header"]))
    book.add_worksheet().write_row(0, 0, ["姓名", "年龄", "备注"])
    book.close()
    files["entities"] = tmp_path / "entities.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(files["entities"], "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/sharedStrings.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>', 1)
            dst.writestr(item, data)
    files["bomb"] = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(
        files["bomb"], "w", compression=zipfile.ZIP_DEFLATED
    ) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/media/padding.bin", b"\x00" * (400 * 1024 * 1024 + 1))
    return files


def test_bad_workbooks_are_one_line_errors(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path, seed_path: Path) -> None:
    for name, path in _bad_workbooks(tmp_path, seed_path).items():
        code, out, err = run(capsys, "check", str(path))
        assert code == 2, name
        assert out == "", name
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{path}: 无法读取："), (name, err)
        assert "内部错误" not in lines[0], (name, lines[0])


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    out = subprocess.run([sys.executable, "-m", "evaldesk", "check", str(path)],
                         capture_output=True, text=True, check=False, timeout=60)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("code_page", "readable_as"), [("gbk", "gbk"), ("cp1252", "utf-8")])
def test_redirected_output_survives_the_windows_code_pages(tmp_path: Path, seed_path: Path,
                                                           code_page: str, readable_as: str) -> None:
    # A batch job's `evaldesk check x > 结果.txt`: Python writes the ANSI code page, which
    # PYTHONIOENCODING stands in for here (the Windows bench runs it on a real cp936 Wine too).
    # The file's name has a space and a character GBK lacks (𠀀, CJK extension B).
    path = tmp_path / "2021 年度 𠀀 自评表.txt"
    path.write_bytes(seed_path.read_bytes())
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = code_page
    done = subprocess.run([sys.executable, "-m", "evaldesk", "check", str(path)], env=env,
                          capture_output=True, check=False, timeout=60)
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode(readable_as)  # strict: every byte is the expected encoding
    err = done.stderr.decode(readable_as)
    lines = out.strip().splitlines()
    assert len(lines) > 3 and all(line.endswith("]") for line in lines)
    assert any("项目 6「全区信访业务培训」 项目执行中存在的问题: 警告" in line for line in lines)
    assert "Traceback" not in err and "6 个项目" in err
    # What the code page cannot spell becomes "?", the rest of the name stays.
    spelled = "2021 年度 ? 自评表.txt" if code_page == "gbk" else path.name
    assert all(spelled in line for line in lines)


def test_convert_refuses_other_outputs(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                       tmp_path: Path) -> None:
    code, _, err = run(capsys, "convert", str(seed_path), str(tmp_path / "x.csv"))
    assert code == 2 and ".xlsx" in err


def test_convert_then_dump_equals_dump_of_the_seed(capsys: pytest.CaptureFixture[str],
                                                    seed_path: Path, tmp_path: Path) -> None:
    out_xlsx = tmp_path / "seed.xlsx"
    assert run(capsys, "convert", str(seed_path), str(out_xlsx))[0] == 0
    _, from_text, _ = run(capsys, "dump", str(seed_path))
    _, from_xlsx, _ = run(capsys, "dump", str(out_xlsx))
    assert json.loads(from_xlsx) == json.loads(from_text)


def test_profile_names_offered_are_the_scoring_profiles() -> None:
    from evaldesk.cli import build_parser
    from evaldesk.core.scoring import PROFILES

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    check = sub.choices["check"]  # type: ignore[index]
    option = next(a for a in check._actions if a.dest == "profile")
    assert list(option.choices) == list(PROFILES)


def test_dump_scores_under_a_profile(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "dump", "--profile", "hebei", str(seed_path))
    assert code == 0
    first = json.loads(out)["projects"][0]
    assert first["profile"] == "hebei"
    assert first["execution_score"] == "10"  # 98.12 % rounded to a whole point
    assert {"execution_score", "total_score", "grade"} <= set(first)


def test_rollover_writes_next_years_file(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                         tmp_path: Path) -> None:
    out = tmp_path / "2022.xlsx"
    code, _, err = run(capsys, "rollover", str(seed_path), "-o", str(out))
    assert code == 0 and "2022" in err
    _, dumped, _ = run(capsys, "dump", str(out))
    data = json.loads(dumped)
    assert data["year"] == 2022 and data["title"].startswith("2022年度")
    assert all(p["actual"]["total"] is None and p["problems"] == "" for p in data["projects"])
    assert data["projects"][0]["budget"]["total"] == "91.66"


def test_merge_reports_bad_files_and_still_merges(capsys: pytest.CaptureFixture[str],
                                                  seed_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    out = tmp_path / "district.xlsx"
    code, stdout, err = run(capsys, "merge", str(seed_path), str(bad), str(seed_path),
                            "-o", str(out))
    assert code == 2
    assert f"{bad}: 无法读取" in err and "重复项目" in err
    assert "合计\t预算 949.18\t支出 926.30" in stdout  # twice the seed's 474.59 / 463.15
    _, dumped, _ = run(capsys, "dump", str(out))
    assert [p["seq"] for p in json.loads(dumped)["projects"]] == [str(i) for i in range(1, 13)]


def test_pdf_from_the_command_line_without_a_display(tmp_path: Path, seed_path: Path) -> None:
    # A separate process: export_pdf makes its own QGuiApplication, which must not meet the
    # widget tests' QApplication in this one.
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "seed.pdf"
    done = subprocess.run([sys.executable, "-m", "evaldesk", "pdf", str(seed_path), "-o", str(out),
                           "--paper", "A4"], capture_output=True, text=True, env=env,
                          check=False, timeout=120)
    assert done.returncode == 1, done.stderr  # written, but the seed still has an error (row 2)
    assert out.read_bytes().startswith(b"%PDF")
    assert "Traceback" not in done.stderr


def test_import_notes_survive_a_save(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                     tmp_path: Path) -> None:
    # Row 2 of the seed could not be placed with certainty: saving must not hide that.
    out = tmp_path / "seed.xlsx"
    assert run(capsys, "convert", str(seed_path), str(out))[0] == 0
    _, text_findings, _ = run(capsys, "check", str(seed_path))
    code, xlsx_findings, _ = run(capsys, "check", str(out))
    assert code == 1
    assert "[IMPORT_UNPLACED]" in xlsx_findings and "[IMPORT_JOINED]" in xlsx_findings
    assert xlsx_findings.replace(str(out), "F") == text_findings.replace(str(seed_path), "F")


def test_merged_summary_keeps_department_subtotals_and_equal_rates(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    header = "序号,部门名称,项目名称,项目年度预算金额,,,,实际支出金额,,,,预算支出执行率\n"
    a = tmp_path / "a.csv"
    a.write_text(header + "1,区信访局,甲,10,10,0,0,10,10,0,0,100.00%\n", encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text(header + "1,区教育局（2）,乙,8,8,0,0,6,6,0,0,75.00%\n", encoding="utf-8")
    out = tmp_path / "district.xlsx"
    code, stdout, err = run(capsys, "merge", str(a), str(b), str(a), "-o", str(out))
    assert code == 0, err  # the save's read-back check accepts the equal rate
    from evaldesk.io import read_report

    merged = read_report(out)
    assert merged.department_subtotals
    assert [(p.seq, p.department) for p in merged.projects] == [
        ("1", "区信访局"), ("2", "区信访局"), ("3", "区教育局（2）")]
    assert "区教育局（2）\t预算 8.00" in stdout


def test_check_uses_the_profile_the_layout_points_to_and_says_so(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.io.test_project_sheets import _sichuan_sheet

    path = _sichuan_sheet(tmp_path / "四川.xlsx")
    _code, _out, err = run(capsys, "check", str(path))
    assert "评分规则：四川" in err and "按表样识别" in err and "财政专户管理资金" in err
    _code, out, _err = run(capsys, "dump", str(path))
    assert {p["profile"] for p in json.loads(out)["projects"]} == {"sichuan"}
    # --profile wins, and is said too.
    _code, out, err = run(capsys, "dump", "--profile", "mof", str(path))
    assert {p["profile"] for p in json.loads(out)["projects"]} == {"mof"}
    assert "评分规则：财政部通用" in err and "--profile mof" in err


def test_check_says_mof_for_the_seed(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    _code, _out, err = run(capsys, "check", str(seed_path))
    assert "评分规则：财政部通用（执行率10分）" in err and "按表样识别" not in err


def test_dump_shows_what_anothers_form_printed(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    from tests.io.test_project_sheets import _sichuan_sheet

    _code, out, _err = run(capsys, "dump", str(_sichuan_sheet(tmp_path / "四川.xlsx")))
    (project,) = json.loads(out)["projects"]
    assert (project["funds_weight_printed"], project["funds_score_printed"],
            project["total_points_printed"]) == ("10", "9.17", "100")
    assert project["headings"]["budget"] == "调整后预算数"


def test_report_drafts_the_self_evaluation_report(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path, seed_path: Path) -> None:
    from tests.docx_text import document_content

    target = tmp_path / "报告.docx"
    code, out, err = run(capsys, "report", str(seed_path), "-o", str(target))
    assert code == EXIT_OK, err
    assert out == ""  # what happened goes to stderr, like the other commands that write files
    assert "已生成自评报告初稿（6 个项目，1 个执行率低于 90%）" in err
    assert "2 个错误、5 个警告" in err
    text = "\n".join(document_content(target))
    assert "全年预算474.59万元" in text and "实际支出463.15万元" in text


def test_report_names_the_file_for_the_unit_and_year(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path, seed_path: Path) -> None:
    source = tmp_path / seed_path.name
    source.write_bytes(seed_path.read_bytes())
    code, _out, err = run(capsys, "report", str(source))
    assert code == EXIT_OK, err
    assert (tmp_path / "龙岗区信访局2021年度项目支出绩效自评报告.docx").is_file()


def test_report_refuses_another_format_in_one_line(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path, seed_path: Path) -> None:
    code, _out, err = run(capsys, "report", str(seed_path), "-o", str(tmp_path / "r.pdf"))
    assert code == EXIT_UNREADABLE
    assert err.strip().endswith("无法保存：自评报告只能保存为 Word 文档（.docx）")
    assert not (tmp_path / "r.pdf").exists()
