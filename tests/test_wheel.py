# SPDX-License-Identifier: EUPL-1.2
"""koers installed from its wheel works without the source tree (issue 15).

The editable install every other test uses reads files from ``src/`` and the repository, so a
file that is not package data (an example plan, a template, a catalogue) goes unnoticed until a
municipality installs the wheel. This test builds the wheel from a copy of the sources, installs
it into a fresh venv that sees the project's dependencies but not its source tree, and runs
``koers --version``, ``koers demo-data``, ``koers report`` (PDF and English HTML) and
``koers serve`` from a folder outside the repository.

The build runs without build isolation and without an index (no download), so the project's
venv needs the build backend of ``[build-system]``; ``scripts/install`` installs it with the dev
tools. Nothing here is skipped: a wheel that does not work must fail CI.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import tomllib
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "koers"
#: What the build reads besides ``src/``: the metadata, the long description, the licence.
BUILD_FILES = ("pyproject.toml", "README.md", "LICENSE")
#: The files an installed koers reads at run time; each must be in the wheel.
RUN_TIME_FILES = (
    "koers/examples/heemskerk-2024/plan.yaml",
    "koers/examples/heemskerk-2020/plan.yaml",
    "koers/examples/heemskerk-2020/survey.yaml",
    "koers/reports/templates/report.html.j2",
    "koers/reports/templates/report.css",
    "koers/web/templates/base.html.j2",
    "koers/web/templates/beheer/inloggen.html.j2",
    "koers/web/templates/enquete/welkom.html.j2",
    "koers/web/static/koers.css",
    "koers/catalogues/bbv-indicators.tsv",
    "koers/catalogues/cbs-indicators.tsv",
    "koers/locale/en/LC_MESSAGES/koers.po",
    "koers/store/migrations/script.py.mako",
)
#: A period the illustrative figures fill when they are made as of AS_OF.
AS_OF, PERIOD = "2026-07-01", "2026-H1"
#: Generous per command; the whole test takes about a minute.
TIMEOUT = 180


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, hint: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run ``args``; a failure shows the command's own output, which says what went wrong."""
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, f"{' '.join(args)} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}{hint}"
    return done


def clean_environment(home: Path) -> dict[str, str]:
    """The environment without anything that points koers or Python elsewhere.

    No KOERS_* setting, no PYTHONPATH (which could bring the source tree back), and a home
    folder of its own, so that the user's data folder is not touched.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOERS_", "PYTHON")) and k != "VIRTUAL_ENV"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    env.update(XDG_CACHE_HOME=str(home / "cache"))
    return env


def build_wheel(folder: Path) -> Path:
    """The wheel, built from a copy of the sources (no build/ or egg-info left in the repo)."""
    sources = folder / "sources"
    shutil.copytree(PACKAGE, sources / "src" / "koers", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in BUILD_FILES:
        shutil.copy2(ROOT / name, sources / name)
    out = folder / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), str(sources)]
    run(build, cwd=folder, hint="\nThe build uses this venv's setuptools (>=77): run scripts/install.")
    (wheel,) = out.glob("koers-*.whl")
    return wheel


def fresh_venv(folder: Path, wheel: Path, env: dict[str, str]) -> Path:
    """A new venv with the wheel installed; the project's dependencies visible, its source not.

    The dependencies come from the project's venv through a ``.pth`` file that names its
    site-packages. Python does not read the ``.pth`` files inside a folder named that way, so the
    editable install's link to ``src/`` stays out.
    """
    venv = folder / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=folder)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = Path(
        run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], folder).stdout.strip()
    )
    ours = dict.fromkeys(sysconfig.get_path(key) for key in ("purelib", "platlib"))
    (site / "koers-dependencies.pth").write_text("".join(f"{path}\n" for path in ours), encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(python)]
    run([*pip, "install", "--no-deps", "--no-index", str(wheel)], cwd=folder, env=env)
    return venv


@dataclass(frozen=True)
class Installed:
    """A fresh venv with koers installed from the wheel, and a working folder outside the repo."""

    wheel: Path
    venv: Path
    work: Path
    env: dict[str, str]

    def bin(self, name: str) -> str:
        return str(self.venv / ("Scripts" if os.name == "nt" else "bin") / name)

    def koers(self, *args: str) -> list[str]:
        """The command line of the installed ``koers``, on the test's own SQLite file."""
        return [self.bin("koers"), "--db", f"sqlite:///{self.work / 'koers.db'}", *args]

    def run(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        return run(args, cwd=self.work, env=self.env)

    def start(self, args: list[str], log: str) -> subprocess.Popen[bytes]:
        """``args`` in the background, its output in the file ``log`` of the working folder."""
        with (self.work / log).open("wb") as handle:
            return subprocess.Popen(args, cwd=self.work, env=self.env, stdout=handle, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    folder = tmp_path_factory.mktemp("wheel")
    work = folder / "work"
    work.mkdir()
    env = clean_environment(folder / "home")
    wheel = build_wheel(folder)
    return Installed(wheel, fresh_venv(folder, wheel, env), work, env)


def test_the_wheel_holds_every_file_of_the_package(installed: Installed) -> None:
    """Every file under src/koers, and so every template, catalogue and example, is shipped."""
    with zipfile.ZipFile(installed.wheel) as wheel:
        shipped = set(wheel.namelist())
    assert set(RUN_TIME_FILES) <= shipped
    sources = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert sorted(sources - shipped) == []


def test_koers_is_imported_from_the_fresh_venv_not_from_the_source_tree(installed: Installed) -> None:
    script = "import json, sys, koers; print(json.dumps({'file': koers.__file__, 'path': sys.path}))"
    found = json.loads(installed.run([installed.bin("python"), "-c", script]).stdout)
    assert Path(found["file"]).is_relative_to(installed.venv)
    assert not any(Path(entry).resolve() == ROOT / "src" for entry in found["path"] if entry)


def test_the_installed_koers_runs_the_demo_the_reports_and_the_dashboard(installed: Installed) -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert version in installed.run(installed.koers("--version")).stdout

    demo = json.loads(installed.run(installed.koers("demo-data", "--as-of", AS_OF, "--json")).stdout)
    assert demo["illustrative"] is True and demo["added"] > 0

    # the two reports and the dashboard at the same time: together they take the longest
    port = free_port()
    server = installed.start(installed.koers("serve", "--port", str(port)), "serve.log")
    pdf = installed.start(installed.koers("report", "--period", PERIOD, "--out", "rapportage.pdf"), "pdf.log")
    html = installed.start(
        installed.koers("--lang", "en", "report", "--period", PERIOD, "--out", "report.html"), "html.log"
    )
    try:
        check_dashboard(f"http://127.0.0.1:{port}", server, installed.work / "serve.log")
        for report, log in ((pdf, "pdf.log"), (html, "html.log")):
            assert report.wait(timeout=TIMEOUT) == 0, (installed.work / log).read_text(encoding="utf-8")
    finally:
        for process in (server, pdf, html):
            stop(process)

    assert (installed.work / "rapportage.pdf").read_bytes().startswith(b"%PDF")
    page = (installed.work / "report.html").read_text(encoding="utf-8")
    # English from the installed catalogue: the Dutch would say "eerste helft van 2026"
    assert '<html lang="en">' in page and "first half of 2026" in page


def free_port() -> int:
    """A port nothing listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def check_dashboard(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Wait for the dashboard, then ask for its front page and the status API."""
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, f"koers serve stopped:\n{log.read_text(encoding='utf-8')}"
        try:
            with urllib.request.urlopen(f"{base}/", timeout=10) as response:
                assert response.status == 200
                assert b"koers" in response.read()
            break
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, f"koers serve did not answer:\n{log.read_text(encoding='utf-8')}"
            time.sleep(0.3)
    with urllib.request.urlopen(f"{base}/api/status", timeout=30) as response:
        assert response.status == 200
        assert json.loads(response.read())


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a process this test started, firmly if it does not stop by itself."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
