# SPDX-License-Identifier: EUPL-1.2
"""Startup benchmark: the wall time of ``koers --version`` and ``koers --help``, each run as a
user runs it (a fresh process of the installed ``koers`` script).

    python bench/startup_bench.py [--runs 10]

Prints the median and the slowest of the runs. Target (issue 11): both under 0.3 s. What is
imported on the way is shown by ``python -X importtime -c "import koers.cli.app"``; the test
tests/cli/test_startup.py fails when a heavy library is imported by ``koers --version``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_S = 0.3


def koers_command() -> list[str]:
    """The installed ``koers`` script next to this Python, else ``python -m koers.cli.app``."""
    script = Path(sys.executable).with_name("koers")
    return [str(script)] if script.exists() else [sys.executable, "-m", "koers.cli.app"]


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    koers = koers_command()
    for option in ("--version", "--help"):
        times = timed([*koers, option], args.runs)
        print(
            f"koers {option}: median {statistics.median(times):.3f} s, max {max(times):.3f} s "
            f"({args.runs} runs); target: < {TARGET_S} s"
        )


if __name__ == "__main__":
    main()
