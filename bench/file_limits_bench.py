# SPDX-License-Identifier: EUPL-1.2
"""File-limits benchmark: what reading a hostile file costs, and that normal files stay fast.

    python bench/file_limits_bench.py [--timeout 60] [--rows 100000] [--only NAME,NAME]

Each case runs in a fresh process (so that its peak memory, the maximum resident set size,
is its own) under a wall-clock timeout, and reads the file the way every importer does:
``open_rows`` and then every row (koers.importers.files). It prints the wall time, the peak
memory and how the read ended (the rows read, the refusal's code, or the timeout).

The hostile files are small on disk and made here (an .xlsx is a zip; the sheet XML is
written by hand): a sheet that claims A1:XFD1048576, a header row with a million empty cells,
and a CSV with one line of 100 MB. The normal files are measurement files of ``--rows`` rows,
as CSV and as .xlsx (issue 15).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER = ["goal", "period", "area", "value", "status", "source_ref"]


def write_xlsx(path: Path, sheet_xml: Iterable[bytes]) -> Path:
    """A minimal workbook with one sheet whose XML is given as it is, in pieces (nothing checks it)."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL_NS}">'
            '<sheets><sheet name="measurements" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet_part:
            for piece in sheet_xml:
                sheet_part.write(piece)
    return path


def inline(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


def sheet(dimension: str | None, *rows: str | bytes) -> Iterator[bytes]:
    """A sheet's XML: its declared size (or none) and its rows, as they are given."""
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">{declared}<sheetData>'.encode()
    for row in rows:
        yield row if isinstance(row, bytes) else row.encode()
    yield b"</sheetData></worksheet>"


def dimension_bomb(path: Path) -> Path:
    """A few KB that claim the whole sheet, A1:XFD1048576: column names in row 1, one value in
    the last row, and nothing in between (which a reader may fill in as empty rows)."""
    header = "".join(inline(name) for name in HEADER)
    last = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>I01</t></is></c></row>'
    return write_xlsx(path, sheet("A1:XFD1048576", f'<row r="1">{header}</row>', last))


def wide_header(path: Path, empty: int = 1_000_000, dimension: str | None = "A1:F2") -> Path:
    """Column names followed by ``empty`` empty cells in the same row (kilobytes zipped)."""
    names = '<row r="1">' + "".join(inline(name) for name in HEADER)
    per_block = min(empty, 1_000_000)
    empties = (b"<c/>" * per_block for _ in range(empty // per_block))
    row = '</row><row r="2"><c t="inlineStr"><is><t>I01</t></is></c></row>'
    return write_xlsx(path, sheet(dimension, names, *empties, row))


def long_line_csv(path: Path, size: int = 100 * 1024 * 1024) -> Path:
    """Column names, then one line of ``size`` bytes without a line break."""
    with path.open("wb") as handle:
        handle.write((",".join(HEADER) + "\n").encode())
        block = b"x" * (1 << 20)
        for _ in range(size // len(block)):
            handle.write(block)
        handle.write(b"\n")
    return path


def measurement_rows(count: int) -> list[list[str]]:
    return [
        [f"I{i % 30 + 1:02d}", f"{2016 + i % 10}-H{i % 2 + 1}", f"GM{i % 342:04d}", f"{i % 1000 / 10:.1f}", "", "x"]
        for i in range(count)
    ]


def normal_csv(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(measurement_rows(count))
    return path


def normal_xlsx(path: Path, count: int) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("measurements")
    ws.append(HEADER)
    for row in measurement_rows(count):
        ws.append([*row[:3], float(row[3]), *row[4:]])
    workbook.save(path)
    return path


def read_all(path: str) -> None:
    """The child process: read ``path`` as an importer does and print what came of it as JSON."""
    import openpyxl.reader.excel  # noqa: F401  (imported before the clock starts: reading is measured)

    from koers.importers.files import UnreadableFile, open_rows

    started = time.perf_counter()
    outcome: str
    try:
        source = open_rows(Path(path))
        rows = sum(1 for _ in source.rows())
        outcome = f"read {rows} rows"
    except UnreadableFile as err:
        outcome = f"refused: {getattr(err, 'code', '')} {err}"[:160]
    except Exception as err:  # what a hostile file did before the limits: any error at all
        outcome = f"failed: {type(err).__name__}: {err}"[:160]
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "outcome": outcome}))


def run(path: Path, timeout: float) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", str(path)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {
            "seconds": time.perf_counter() - started,
            "peak_mb": float("nan"),
            "outcome": f"killed after {timeout:.0f} s",
        }
    if done.returncode != 0:
        return {"seconds": time.perf_counter() - started, "peak_mb": float("nan"), "outcome": done.stderr[-160:]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def makers(rows: int) -> dict[str, Callable[[Path], Path]]:
    """Each file of the benchmark by its name, and how it is made."""
    return {
        "dimension-bomb.xlsx": dimension_bomb,
        "wide-header.xlsx": wide_header,
        "wide-header-1e8.xlsx": lambda path: wide_header(path, 10**8, None),
        "long-line.csv": long_line_csv,
        "normal.csv": lambda path: normal_csv(path, rows),
        "normal.xlsx": lambda path: normal_xlsx(path, rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", default="")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--make", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        read_all(args.child)
        return
    cases = makers(args.rows)
    if args.make:
        cases[args.make[0]](Path(args.make[1]))
        return
    with tempfile.TemporaryDirectory(prefix="koers-file-limits-") as folder:
        chosen = [name for name in cases if not args.only or name in args.only.split(",")]
        print(f"{'file':<22}{'on disk':>12}{'seconds':>10}{'peak MB':>10}  outcome")
        for name in chosen:
            path = Path(folder) / name
            # made in a process of its own, so that making it weighs on no measurement
            make = [sys.executable, __file__, "--rows", str(args.rows), "--make", name, str(path)]
            subprocess.run(make, check=True)
            result = run(path, args.timeout)
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            seconds, peak = float(str(result["seconds"])), float(str(result["peak_mb"]))
            print(f"{name:<22}{size:>12}{seconds:>10.2f}{peak:>10.0f}  {result['outcome']}")
            path.unlink()


if __name__ == "__main__":
    main()
