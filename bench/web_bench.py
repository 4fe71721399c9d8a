# SPDX-License-Identifier: EUPL-1.2
"""Dashboard benchmark: throughput and p50/p99 latency of the overview and of a goal page at
50 concurrent connections on loopback, against the same page served as a static file.

    python bench/web_bench.py [--seconds 10] [--connections 50]

The server is `koers demo`'s app (Heemskerk plan, illustrative figures, SQLite) under uvicorn
with one worker on 127.0.0.1; the load comes from wrk (Debian package `wrk`) in another
process, 2 threads. The static comparison serves the overview's HTML as a file from the same
uvicorn through Starlette's StaticFiles, so only koers's own work differs. All traffic stays on
this machine; every run is bounded in time. Targets (issue 6): p99 under 50 ms; throughput at
least a quarter of the static file's.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVER = """
import sys, uvicorn
from datetime import date
from starlette.staticfiles import StaticFiles
from koers.web.app import SERVE_RECHECK, create_app
app = create_app(sys.argv[1], today=date(2026, 11, 23), recheck=SERVE_RECHECK)  # as koers serve runs it
app.mount("/static-bench", StaticFiles(directory=sys.argv[3]), name="static-bench")
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="error", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer at {url}")


def wrk(url: str, seconds: int, connections: int) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    latency = {
        p: _ms(re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
        for p in ("50", "99")
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rate, "p50": latency["50"], "p99": latency["99"], "errors": float(errors.group(1)) if errors else 0}


def _ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("this benchmark needs wrk: apt-get install wrk")
    from koers.cli.serve import prepare_demo

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'koers.db'}"
        prepare_demo(url, seed=2024, today=date(2026, 11, 23))
        static = Path(folder) / "static"
        static.mkdir()
        port = free_port()
        server = subprocess.Popen([sys.executable, "-c", SERVER, url, str(port), str(static)])
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/")
            with urllib.request.urlopen(f"{base}/", timeout=30) as response:
                (static / "overview.html").write_bytes(response.read())
            wait_for(f"{base}/doelen/FF-01")  # draws and caches the chart
            targets = [
                ("overview", f"{base}/"),
                ("goal page", f"{base}/doelen/FF-01"),
                ("static file", f"{base}/static-bench/overview.html"),
            ]
            results = {name: wrk(target, args.seconds, args.connections) for name, target in targets}
        finally:
            server.terminate()
            server.wait(timeout=30)
    static_rps = results["static file"]["rps"]
    for name, r in results.items():
        share = f"{r['rps'] / static_rps:.2f} x static" if name != "static file" else "baseline"
        print(
            f"{name:<12} {r['rps']:>8,.0f} req/s  p50 {r['p50']:>6.1f} ms  p99 {r['p99']:>6.1f} ms  "
            f"({share}; non-2xx {r['errors']:.0f})"
        )
    print(
        f"{args.connections} connections, {args.seconds} s each, wrk -t2 on loopback; "
        "targets: p99 < 50 ms, throughput >= 0.25 x static"
    )


if __name__ == "__main__":
    main()
