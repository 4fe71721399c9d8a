# SPDX-License-Identifier: EUPL-1.2
"""``koers fetch cbs`` with CliRunner, answered from the recorded CBS responses: every client
the command makes uses ``koers.cli.fetch.TRANSPORT``, which the tests set to a mock transport
that answers from the recorded files and fails on any other address."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.cli import fetch
from koers.cli.app import app
from koers.importers.cbs.client import V3_BASE, V4_BASE
from tests.importers.cbs.recorded import HAVE_RECORDINGS, MISSING, RecordedCBS, failing_transport

pytestmark = pytest.mark.skipif(not HAVE_RECORDINGS, reason=MISSING)

runner = CliRunner()


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The cache folder of these fetches (KOERS_CBS_CACHE), never the user's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("KOERS_CBS_CACHE", str(folder))
    monkeypatch.delenv("KOERS_CBS_BASE_URL", raising=False)
    return folder


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch, cache: Path) -> RecordedCBS:
    """CBS answered from the recordings."""
    answers = RecordedCBS()
    monkeypatch.setattr(fetch, "TRANSPORT", answers.transport)
    return answers


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["fetch", "cbs", *args], env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_a_table_becomes_a_tidy_csv(recorded: RecordedCBS, cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    code, stdout, _stderr = run("83599NED", "--out", str(out))
    assert code == 0, stdout
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 15_504
    assert list(rows[0]) == [
        "table",
        "measure",
        "measure_title",
        "unit",
        "BedrijfstakkenBranchesSBI2008",
        "region",
        "period",
        "koers_period",
        "value",
        "symbol",
        "status",
    ]
    assert rows[0] == {
        "table": "83599NED",
        "measure": "OpenstaandeVacatures_1",
        "measure_title": "Openstaande vacatures",
        "unit": "x 1 000",
        "BedrijfstakkenBranchesSBI2008": "T001081",
        "region": "NL01",
        "period": "2011KW01",
        "koers_period": "2011-Q1",
        "value": "135.5",
        "symbol": "",
        "status": "final",
    }
    assert {r["status"] for r in rows if r["period"] == "2020KW02"} == {"provisional"}
    assert "15.504 rijen geschreven naar" in stdout
    assert "Tabel 83599NED: 15.504 cijfers; 1 onderwerp, 38 perioden, 17 regio's." in stdout
    assert not list(tmp_path.glob(".*.part"))
    assert recorded.requests == [
        f"{V3_BASE}/83599NED/DataProperties?$format=json",
        f"{V3_BASE}/83599NED/Perioden?$format=json",
        f"{V3_BASE}/83599NED/UntypedDataSet?$format=json",
        "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000",
    ]
    kept = {p.name for p in cache.iterdir()}  # every answer kept, in KOERS_CBS_CACHE
    assert kept == {f"{hashlib.sha256(url.encode()).hexdigest()}.json" for url in recorded.requests}


def test_without_out_a_summary_only(recorded: RecordedCBS) -> None:
    code, stdout, _stderr = run("83599NED")
    assert code == 0
    assert stdout.strip() == "Tabel 83599NED: 15.504 cijfers; 1 onderwerp, 38 perioden, 17 regio's."


def test_in_english(recorded: RecordedCBS) -> None:
    result = runner.invoke(app, ["--lang", "en", "fetch", "cbs", "83599NED"])
    assert result.exit_code == 0
    assert "Table 83599NED: 15,504 figures; 1 measure, 38 periods, 17 regions." in result.stdout


def test_a_table_found_by_its_title(recorded: RecordedCBS) -> None:
    code, stdout, stderr = run("--title", "openstaande vacatures regio")
    assert code == 0
    assert "83599NED Openstaande vacatures; SBI 2008, regio" in stderr
    assert "Tabel 83599NED: 15.504 cijfers" in stdout


def test_only_the_regions_asked_for(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorded = RecordedCBS(ignore_filter=True)  # the recording is unfiltered: the reader filters again
    monkeypatch.setattr(fetch, "TRANSPORT", recorded.transport)
    code, stdout, _stderr = run("83599NED", "--region", "PV23", "--region", "nl01")
    assert code == 0
    assert "Tabel 83599NED: 1.824 cijfers; 1 onderwerp, 38 perioden, 2 regio's." in stdout
    assert "substringof('NL01',RegioS)%20or%20substringof('PV23',RegioS)" in recorded.requests[2]


def test_a_v4_table(recorded: RecordedCBS, tmp_path: Path) -> None:
    out = tmp_path / "v4.csv"
    code, stdout, _stderr = run("99999NED", "--v4", "--out", str(out))
    assert code == 0
    assert "Tabel 99999NED: 18 cijfers; 2 onderwerpen, 3 perioden, 3 regio's." in stdout
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["Geslacht"] == "T001038" and rows[0]["value"] == "17590672"
    assert all(url.startswith(V4_BASE) for url in recorded.requests)


def test_offline_from_what_an_earlier_fetch_kept(
    recorded: RecordedCBS, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, again, kept = tmp_path / "first.csv", tmp_path / "again.csv", tmp_path / "kept"
    assert run("83599NED", "--out", str(first), "--cache-dir", str(kept))[0] == 0
    monkeypatch.setattr(fetch, "TRANSPORT", failing_transport())
    code, _stdout, _stderr = run("83599NED", "--out", str(again), "--cache-dir", str(kept), "--offline")
    assert code == 0
    assert again.read_bytes() == first.read_bytes()


def test_offline_without_a_kept_answer_says_which_url(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch, "TRANSPORT", failing_transport())
    out = tmp_path / "x.csv"
    code, _stdout, stderr = run("83599NED", "--offline", "--out", str(out))
    assert code == 2
    flat = " ".join(stderr.split())
    assert f"{V3_BASE}/83599NED/DataProperties" in flat and "--offline" in flat
    assert not out.exists()


def test_a_mirror_from_the_setting_and_the_option_before_it(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mirror, other = "https://proxy.example/cbs/odata", "https://other.example/odata"
    monkeypatch.setenv("KOERS_CBS_BASE_URL", mirror)
    for base, option in ((mirror, []), (other, ["--base-url", other])):
        recorded = RecordedCBS(v3=base)
        monkeypatch.setattr(fetch, "TRANSPORT", recorded.transport)
        assert run("83599NED", *option)[0] == 0
        assert len(recorded.requests) == 4 and all(url.startswith(base) for url in recorded.requests)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((), "Noem een tabel"),
        (("83599NED", "--title", "vacatures"), "niet allebei"),
        (("83599NED", "--region", "Heemskerk"), "'Heemskerk' is geen CBS-regiocode"),
        (("80137ned", "--region", "GM0396"), "niet ingedeeld naar regio"),
        (("--title", "kerncijfers wijken en buurten 2023"), "geen tabel met alle woorden"),
    ],
)
def test_what_cannot_be_done_is_said_with_exit_code_2(recorded: RecordedCBS, args: tuple[str, ...], said: str) -> None:
    code, _stdout, stderr = run(*args)
    assert code == 2
    assert said in " ".join(stderr.split())


def test_an_existing_file_is_kept_without_force(recorded: RecordedCBS, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    out.write_text("mine", encoding="utf-8")
    code, _stdout, stderr = run("83599NED", "--out", str(out))
    assert code == 2 and "--force" in stderr and out.read_text(encoding="utf-8") == "mine"
    assert run("83599NED", "--out", str(out), "--force")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("table,measure,")


def test_a_file_that_cannot_be_written_is_one_sentence(recorded: RecordedCBS, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "x.csv"
    code, _stdout, stderr = run("83599NED", "--out", str(out))
    assert code == 2
    assert "koers kan" in stderr and "niet schrijven" in stderr
