"""The pytest items' session index (`Marks`): where each finding stands, worked out once per
session instead of once per item (issue 14)."""

from __future__ import annotations

from pathlib import Path

import factcheck
from factcheck.pytest_items import Marks
from factcheck.testing.synthetic import generate


def _verdict(key: str, judged: str, verdict: str) -> str:
    return f'[[verdict]]\n{key} = "{judged}"\nverdict = "{verdict}"\nnote = "By hand."\n\n'


def test_each_finding_stands_where_its_own_or_its_disputes_verdict_puts_it(tmp_path: Path) -> None:
    generate(tmp_path, claims=300, fmt="toml")  # no verdicts: every planted finding waits
    first = factcheck.audit(factcheck.load(tmp_path))
    whole, one_by_one, *_ = first.disputes
    # The first dispute judged as a whole, the second finding by finding, the rest not at all.
    (tmp_path / "claims" / "verdicts.toml").write_text(
        _verdict("dispute", whole.id, "explained")
        + "".join(_verdict("finding", f, "dismissed") for f in one_by_one.findings))
    audit = factcheck.audit(factcheck.load(tmp_path))
    marks = Marks.of(audit)

    needing = {f.id for f in audit.findings if f.severity in ("contradiction", "tension", "unmatched")}
    expected = {f: "unreviewed" for f in needing}
    expected |= {f: "explained" for f in whole.findings}
    expected |= {f: "dismissed" for f in one_by_one.findings}
    assert marks.standing == expected
    assert marks.waiting == needing - set(whole.findings) - set(one_by_one.findings)
    assert marks.waiting == {f.id for f in audit.unreviewed}
    assert marks.waiting and whole.findings and one_by_one.findings  # all three cases are met
    assert list(marks.findings) == [f.id for f in audit.findings]
    assert [marks.position[f.id] for f in audit.findings] == list(range(len(audit.findings)))
