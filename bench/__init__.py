# SPDX-License-Identifier: EUPL-1.2
"""Benchmarks that print figures; each is a script, run from the repository's root:

* ``python bench/import_bench.py``: importing a national-scale file (bench/generate.py makes it);
* ``python bench/assess_bench.py``: assessing every goal of 342 municipalities;
* ``python bench/report_bench.py``: the full Heemskerk PDF report;
* ``python bench/web_bench.py``: the dashboard under 50 concurrent connections;
* ``python bench/startup_bench.py``: how fast ``koers --version`` and ``koers --help`` answer.
"""
