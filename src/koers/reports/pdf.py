# SPDX-License-Identifier: EUPL-1.2
"""The report as an A4 PDF: the HTML report laid out by WeasyPrint with its print styles
(page numbers, a running header, a table of contents with page numbers, document language),
as a tagged PDF (PDF/UA-1), so that screen readers find its headings and table headers."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML

from koers.reports.html import render_html
from koers.reports.model import Report

PDF_VARIANT = "pdf/ua-1"


def pdf_bytes(report: Report) -> bytes:
    """The report as PDF bytes (WeasyPrint is untyped: write_pdf without a target returns bytes)."""
    document: bytes = HTML(string=render_html(report), base_url=None).write_pdf(pdf_variant=PDF_VARIANT)
    return document


def write_pdf(report: Report, path: Path) -> None:
    path.write_bytes(pdf_bytes(report))
