# SPDX-License-Identifier: EUPL-1.2
"""Reading files within limits (koers.planfile.limits, koers.importers.files): hostile files
are refused fast and without memory, with a located problem; no value is dropped unread; a
Windows-1252 CSV reads as typed.

The hostile files are small on disk: an .xlsx is a zip, so the sheet's XML is written here by
hand (bench/file_limits_bench.py makes the full-size ones and measures them).
"""

from __future__ import annotations

import signal
import time
import tracemalloc
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from koers.domain.plan import Plan
from koers.importers import files
from koers.importers.files import Refused, RowSource, UnreadableFile, open_rows
from koers.importers.measurements import check_file
from koers.importers.money import read_money
from koers.planfile import limits
from koers.planfile.excel import load_excel_plan, write_excel_plan

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
HEADER = ("goal", "period", "area", "value")


#: No test here may take longer: a limit that no longer holds fails in seconds, not minutes.
DEADLINE_S = 20


@pytest.fixture(autouse=True)
def deadline() -> Iterator[None]:
    def expire(_signal: int, _frame: Any) -> None:
        raise TimeoutError(f"still reading after {DEADLINE_S} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(DEADLINE_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write_xlsx(path: Path, pieces: Iterable[str], name: str = "measurements") -> Path:
    """A workbook of one sheet whose XML is ``pieces`` as they are: nothing checks them."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{BOOK_TYPE}"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SHEET_TYPE}"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets><sheet name="{name}" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
        f'Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, text in parts.items():
            archive.writestr(part, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for piece in pieces:
                sheet.write(piece.encode())
    return path


def sheet(*rows: str, dimension: str | None = None) -> Iterable[str]:
    yield f'<worksheet xmlns="{NS}">'
    if dimension:
        yield f'<dimension ref="{dimension}"/>'
    yield "<sheetData>"
    yield from rows
    yield "</sheetData></worksheet>"


def row(number: int, *values: str) -> str:
    cells = "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' if value else "<c/>" for value in values)
    return f'<row r="{number}">{cells}</row>'


def read(path: Path) -> tuple[RowSource, list[tuple[int, list[Any]]]]:
    source = open_rows(path)
    return source, list(source.rows())


def refusal(path: Path) -> Refused:
    with pytest.raises(Refused) as caught:
        read(path)
    return caught.value


# -- Excel: refused before the work -----------------------------------------------------------


def test_a_sheet_that_claims_the_whole_grid_is_refused_unread(tmp_path: Path) -> None:
    """4 KB claiming A1:XFD1048576, with a value in its last row: openpyxl would fill in a
    million rows of 16,384 cells; the declared size is refused before the first row."""
    rows = [row(1, *HEADER), '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>FF-01</t></is></c></row>']
    path = write_xlsx(tmp_path / "bom.xlsx", sheet(*rows, dimension="A1:XFD1048576"))
    started = time.perf_counter()
    refused = refusal(path)
    assert time.perf_counter() - started < 0.5
    assert refused.code == "sheet-too-large"
    problem = refused.problem("bom.xlsx")
    assert problem.location.sheet == "measurements"
    assert "A1:XFD1048576" in problem.message("nl") and "Kopieer" in problem.hint("nl")


def test_a_header_row_of_a_million_empty_cells_costs_no_memory(tmp_path: Path) -> None:
    """No dimension (so openpyxl would read the sheet whole to learn its size) and 10^6 empty
    cells in row 1: refused at the first cell beyond Excel's own grid, holding no row in memory."""
    empties = ("<c/>" * 100_000 for _ in range(10))
    pieces = sheet(f'<row r="1">{row(0, *HEADER)[9:-6]}', *empties, "</row>", row(2, "FF-01"))
    path = write_xlsx(tmp_path / "wide.xlsx", pieces)
    assert path.stat().st_size < 50_000
    tracemalloc.start()
    try:
        started = time.perf_counter()
        refused = refusal(path)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (refused.code, refused.row) == ("too-many-cells-in-row", 1)
    assert peak < 50 * limits.MEGABYTE and seconds < 2


def test_empty_cells_after_the_last_name_are_no_problem(tmp_path: Path) -> None:
    """A header row with styled empty cells up to XFD (as LibreOffice may save it) reads as usual."""
    header = row(1, *HEADER)[:-6] + '<c r="XFD1" s="0"/></row>'
    path = write_xlsx(tmp_path / "styled.xlsx", sheet(header, row(2, "FF-01", "2024", "GM0396", "5500")))
    source, rows = read(path)
    assert source.header == list(HEADER) and rows == [(2, ["FF-01", "2024", "GM0396", "5500"])]
    assert source.problems("styled.xlsx") == []


def test_a_part_that_unpacks_beyond_the_limit_is_refused_before_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "DATA", limits.Limits(200, 100, 1000, sheet_bytes=1000, part_bytes=10_000))
    path = write_xlsx(tmp_path / "big.xlsx", sheet(row(1, *HEADER), *(row(n, "FF-01") for n in range(2, 60))))
    refused = refusal(path)
    assert (refused.code, refused.facts["part"]) == ("part-too-large", "xl/worksheets/sheet1.xml")


def test_too_many_named_columns_are_refused_with_their_row(tmp_path: Path) -> None:
    names = [f"kolom{n}" for n in range(limits.DATA.columns + 1)]
    refused = refusal(write_xlsx(tmp_path / "breed.xlsx", sheet(row(3, *names))))
    assert (refused.code, refused.row, refused.facts["count"]) == ("too-many-columns", 3, limits.DATA.columns + 1)


# -- CSV: refused before the work -------------------------------------------------------------


def test_a_csv_line_beyond_the_limit_is_refused_with_its_line(tmp_path: Path) -> None:
    """A 5 MB line after two good ones: refused with its line number, before it is read as text."""
    path = tmp_path / "lang.csv"
    with path.open("wb") as handle:
        handle.write(b"goal,period,area,value\r\nFF-01,2024,GM0396,5500\r\n")
        handle.write(b"x" * 5_000_000 + b"\r\n")
    tracemalloc.start()
    try:
        refused = refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (refused.code, refused.line) == ("line-too-long", 3)
    assert peak < 3 * files.READ_BLOCK + limits.MAX_LINE_BYTES  # a block at a time, never the whole line
    assert "regel 3" in refused.problem("lang.csv").location.describe("nl")


def test_a_line_is_measured_across_blocks_and_line_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "READ_BLOCK", 7)
    monkeypatch.setattr(files, "MAX_LINE_BYTES", 20)
    fits = tmp_path / "mac.csv"
    fits.write_bytes(b"goal,value\r" + b"FF-01,1\r" * 20)  # old Mac line ends: many short lines
    assert len(read(fits)[1]) == 20
    long = tmp_path / "long.csv"
    long.write_bytes(b"goal,value\nFF-01,1\n" + b"y" * 21 + b"\n")
    assert (refusal(long).code, refusal(long).line) == ("line-too-long", 3)


def test_a_quoted_cell_that_never_closes_is_refused_by_the_field_limit(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    rest = "nog een regel\n" * (limits.MAX_FIELD_CHARS // 10)
    path.write_text('goal,note\nFF-01,"begint maar eindigt niet\n' + rest, encoding="utf-8")
    refused = refusal(path)
    assert (refused.code, refused.row) == ("field-too-large", 2)


def test_the_importers_show_a_refusal_as_a_located_problem(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = tmp_path / "breed.csv"
    path.write_text(",".join(f"k{n}" for n in range(limits.DATA.columns + 1)) + "\n", encoding="utf-8")
    measured = check_file(path, heemskerk_2024)
    money = read_money(path, heemskerk_2024)
    for problem in (measured.problems[0], money.problems[0]):
        assert (problem.code, problem.location.row) == ("too-many-columns", 1)
        assert "201 kolommen" in problem.message("nl")


# -- no value dropped unread --------------------------------------------------------------------


def test_a_value_beyond_the_last_column_name_is_a_located_problem_in_csv(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = tmp_path / "metingen.csv"
    lines = ["goal,period,area,value,status", *["FF-01,2024,GM0396,5500,definitief"] * 3, "FF-01,2023,GM0396,1,,x"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_file(path, heemskerk_2024)
    assert not result.ok
    stray = [p for p in result.problems if p.code == "value-without-column"]
    assert [(p.location.row, p.location.column) for p in stray] == [(5, "F")]
    told = (
        "rij 5, kolom F: veld -: Een waarde zonder kolomnaam. Geef de kolom een naam in rij 1, of haal de waarde weg."
    )
    assert stray[0].describe("nl").endswith(told)


def test_a_value_beyond_the_last_column_name_is_a_located_problem_in_excel(
    heemskerk_2024: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "metingen.xlsx"
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "measurements"
    ws.append(list(HEADER))
    ws.append(["FF-01", "2024", "GM0396", 5500])
    ws.append(["FF-01", "2023", "GM0396", 5400, None, None, "vergeten"])
    workbook.save(path)
    result = check_file(path, heemskerk_2024)
    assert [(p.code, p.location.sheet, p.location.row, p.location.column) for p in result.problems] == [
        ("value-without-column", "measurements", 3, "G")
    ]
    money = read_money(path, heemskerk_2024)
    assert ("value-without-column", 3, "G") in [(p.code, p.location.row, p.location.column) for p in money.problems]


def test_a_row_with_values_only_beyond_the_names_is_no_empty_row(tmp_path: Path) -> None:
    path = tmp_path / "rand.csv"
    path.write_text("goal,value\nFF-01,1\n,,,los\n", encoding="utf-8")
    source, rows = read(path)
    assert rows == [(2, ["FF-01", "1"])]
    assert [(p.location.row, p.location.column) for p in source.problems("rand.csv")] == [(3, "D")]


# -- encodings --------------------------------------------------------------------------------


def test_a_windows_1252_csv_reads_as_typed() -> None:
    """tests/data/imports/windows-1252.csv is what Dutch Excel saves as "CSV (gescheiden door
    lijstscheidingsteken)": semicolons, Windows-1252 (é, ë and € are single bytes)."""
    path = DATA / "windows-1252.csv"
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"\x80" in raw and b"\xe9" in raw and b"\xeb" in raw
    source, rows = read(path)
    assert source.header == ["goal", "period", "area", "value", "note"]
    assert [cells[4] for _, cells in rows] == ["Café-bezoek: € 2,50 per keer", "Geëvalueerd door de GGD"]


def test_utf8_with_and_without_a_byte_order_mark_reads_as_typed(tmp_path: Path) -> None:
    text = "goal;note\nFF-01;één € per café\n"
    for name, raw in (("bom.csv", b"\xef\xbb\xbf" + text.encode()), ("plain.csv", text.encode())):
        path = tmp_path / name
        path.write_bytes(raw)
        source, rows = read(path)
        assert source.header == ["goal", "note"] and rows == [(2, ["FF-01", "één € per café"])]


def test_bytes_that_are_no_text_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"goal,value\nFF-01,\x81\x8d\x8f\n")
    with pytest.raises(UnreadableFile):
        open_rows(path)


# -- plan workbooks ---------------------------------------------------------------------------


def test_a_plan_workbook_that_claims_the_whole_grid_is_refused_unread(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "plan.xlsx", sheet(row(1, "field", "value"), dimension="A1:XFD1048576"), "plan")
    started = time.perf_counter()
    result = load_excel_plan(path)
    assert time.perf_counter() - started < 0.5
    assert result.plan is None and [p.code for p in result.problems] == ["sheet-too-large"]


def test_a_plan_workbook_with_a_million_empty_cells_is_refused_without_memory(tmp_path: Path) -> None:
    pieces = sheet('<row r="1">', *("<c/>" * 100_000 for _ in range(10)), "</row>")
    path = write_xlsx(tmp_path / "plan.xlsx", pieces, "plan")
    tracemalloc.start()
    try:
        result = load_excel_plan(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [p.code for p in result.problems] == ["too-many-cells-in-row"]
    assert peak < 50 * limits.MEGABYTE


def test_a_plan_workbook_within_the_limits_reads_as_before(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_excel_plan(heemskerk_2024, path)
    assert load_excel_plan(path).plan is not None


def test_the_documented_limits_are_the_declared_ones() -> None:
    """docs/import-format.md states the limits; they are declared once, in koers.planfile.limits."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "import-format.md").read_text(encoding="utf-8")
    data = limits.DATA
    for stated in (
        f"| named columns | {data.columns} |",
        f"| {data.rows:,} |",
        f"| {data.cells:,} |",
        f"| {limits.EXCEL_COLUMNS:,} |",
        f"| {data.sheet_bytes // limits.MEGABYTE} MB / {data.part_bytes // limits.MEGABYTE} MB |",
        f"| {limits.MAX_LINE_BYTES:,} |",
        f"| {limits.MAX_FIELD_CHARS:,} |",
        f"{limits.PLAN.rows:,} rows,\n{limits.PLAN.cells:,} cells and {limits.PLAN.part_bytes // limits.MEGABYTE} MB",
    ):
        assert stated in text
