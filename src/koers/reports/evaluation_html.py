# SPDX-License-Identifier: EUPL-1.2
"""The evaluation as one self-contained HTML file, and as a PDF laid out from it by WeasyPrint.

It uses the monitoring report's styles, print rules, charts and figure helpers
(koers.reports.html), so that an evaluation and a report write a figure, a chart and a page the
same way; only the template (templates/evaluation.html.j2) is its own.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from weasyprint import HTML

from koers import __version__
from koers.domain.formatting import format_number
from koers.reports.evaluation import Evaluation
from koers.reports.html import chart_figure, environment, figure_helpers
from koers.reports.pdf import PDF_VARIANT
from koers.reports.status_styles import STATUS_CSS


def render_evaluation_html(evaluation: Evaluation) -> str:
    """The whole evaluation as HTML."""
    report = evaluation.report
    lang, names = report.lang, report.area_names
    template = environment(lang).get_template("evaluation.html.j2")
    return template.render(
        ev=evaluation,
        css=files("koers.reports").joinpath("templates/report.css").read_text(encoding="utf-8") + STATUS_CSS,
        version=__version__,
        percent=lambda share: f"{format_number(share * 100, lang)}%",
        area=lambda a: names.get(a, a),
        chart=lambda section: chart_figure(section, report),
        **figure_helpers(lang),
    )


def evaluation_pdf_bytes(evaluation: Evaluation) -> bytes:
    """The evaluation as a tagged A4 PDF (WeasyPrint is untyped: write_pdf without a target returns bytes)."""
    document: bytes = HTML(string=render_evaluation_html(evaluation), base_url=None).write_pdf(pdf_variant=PDF_VARIANT)
    return document


def write_evaluation_pdf(evaluation: Evaluation, path: Path) -> None:
    path.write_bytes(evaluation_pdf_bytes(evaluation))
