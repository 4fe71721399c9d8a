# SPDX-License-Identifier: EUPL-1.2
"""Report benchmark: the time to produce the full Heemskerk PDF, split into koers's own work
and WeasyPrint's.

    python bench/report_bench.py [--repeat 3]

The data is the seeded illustrative set of `koers demo-data` in a temporary SQLite database.
koers's own work: reading the plan and the measurements, assessing every goal, writing the
concept texts, drawing the charts (Vega-Lite to SVG with vl-convert) and rendering the HTML.
WeasyPrint's work: laying out that HTML as an A4 PDF. Target (issue 5): koers's share under
30% of the total.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from weasyprint import HTML  # noqa: E402

from koers.cli.serve import prepare_demo  # noqa: E402
from koers.domain.periods import Period  # noqa: E402
from koers.reports.html import render_html  # noqa: E402
from koers.reports.model import build_report  # noqa: E402
from koers.reports.pdf import PDF_VARIANT  # noqa: E402
from koers.store.database import open_engine  # noqa: E402
from koers.store.plans import load_stored_plan  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'koers.db'}"
        prepare_demo(url, seed=2024, today=date(2026, 11, 23))
        engine = open_engine(url)
        stored = load_stored_plan(engine)
        best: tuple[float, float, int] | None = None
        for _ in range(args.repeat):
            started = time.perf_counter()
            report = build_report(engine, stored, Period.parse("2026-H1"))
            html = render_html(report)
            koers_s = time.perf_counter() - started
            started = time.perf_counter()
            document = HTML(string=html).render()
            pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
            weasy_s = time.perf_counter() - started
            if best is None or koers_s + weasy_s < best[0] + best[1]:
                best = (koers_s, weasy_s, len(document.pages))
            assert pdf
    assert best is not None
    koers_s, weasy_s, pages = best
    total = koers_s + weasy_s
    print(
        f"full Heemskerk PDF ({pages} pages, {len(report.goals)} goals): {total:.2f} s "
        f"(best of {args.repeat}); koers {koers_s:.2f} s ({koers_s / total:.0%}), "
        f"WeasyPrint {weasy_s:.2f} s ({weasy_s / total:.0%}); target: koers < 30%"
    )


if __name__ == "__main__":
    main()
