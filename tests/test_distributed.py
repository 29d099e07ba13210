"""The audit on Dask (issue 14): a local cluster of two workers gives the in-process audit's report,
byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import audit, load
from factcheck.errors import FactcheckError
from factcheck.reports.json_report import build_report, dumps
from factcheck.testing.synthetic import generate

distributed = pytest.importorskip("dask.distributed")

from factcheck.distributed import audit_on_dask  # noqa: E402

BUNDLED = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        yield client


def _report(corpus_audit: object) -> str:
    return dumps(build_report(corpus_audit, version="test"))  # type: ignore[arg-type]


def test_the_bundled_corpus_on_two_workers(client: object) -> None:
    corpus = load(BUNDLED)
    # One source a task: the claims that quote two sources are checked in one task and their
    # second quote anchored again in another, for that source's coverage.
    on_dask = audit_on_dask(corpus, client, sources_per_task=1, keys_per_task=3)
    assert _report(on_dask) == _report(audit(corpus))
    assert len(on_dask.results) == len(corpus.claims) == 193


@pytest.mark.parametrize(("fmt", "per_source", "reword"), [("toml", 7, False), ("jsonl", 10, True)])
def test_a_synthetic_corpus_on_two_workers(client: object, tmp_path: Path, fmt: str,
                                           per_source: int, reword: bool) -> None:
    plan = generate(tmp_path, claims=600, per_source=per_source, fmt=fmt,  # type: ignore[arg-type]
                    reword=reword)
    corpus = load(tmp_path)
    on_dask = audit_on_dask(corpus, client, sources_per_task=9, keys_per_task=50)
    assert _report(on_dask) == _report(audit(corpus))
    # The planted findings are there: the report is not merely equal, it is the audit's.
    found = {(f.severity, frozenset(f.claims)) for f in on_dask.findings}
    assert {(s, frozenset(c)) for s, c in plan.expected} <= found


def test_a_task_share_must_hold_something(client: object) -> None:
    with pytest.raises(FactcheckError, match="at least 1"):
        audit_on_dask(load(BUNDLED), client, sources_per_task=0)


def test_the_command_line_audits_on_a_cluster(client: object, tmp_path: Path) -> None:
    from factcheck.cli import main

    address = client.scheduler.address  # type: ignore[attr-defined]
    assert main(["audit", str(BUNDLED), "-q", "--json", str(tmp_path / "dask.json"),
                 "--dask-scheduler", address]) == 0
    assert main(["audit", str(BUNDLED), "-q", "--json", str(tmp_path / "here.json")]) == 0
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "here.json").read_bytes()
