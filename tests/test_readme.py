"""Every Python example in README.md runs as shown, from the repository's root."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                    flags=re.S)


def test_the_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{n}" for n in range(len(BLOCKS))])
def test_each_python_example_runs(code: str, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    if "def test_" in code:  # a hand-written check for the pytest audit: run it on the audit
        import factcheck
        exec(compile(code, "README.md", "exec"), namespace)
        audit = factcheck.audit(factcheck.load(ROOT))
        for name, function in list(namespace.items()):
            if name.startswith("test_") and callable(function):
                function(audit)
        return
    exec(compile(code, "README.md", "exec"), namespace)
