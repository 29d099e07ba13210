"""A pytest plugin for mutation runs (`scripts/mutation.py` loads it): empties factcheck's
caches before each test session.

mutmut forks each mutant's run from a process that has already run the tests, so a cached
result (`parse_number`, normalised texts, paragraphs) would be served without running the
mutated code, and the mutant would seem to survive.
"""

from __future__ import annotations

import sys

import pytest


def pytest_sessionstart(session: pytest.Session) -> None:
    for name, module in list(sys.modules.items()):
        if name == "factcheck" or name.startswith("factcheck."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
