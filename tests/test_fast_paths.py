"""Fast paths (issue 14) against the detailed paths they stand in for: the same records, the same
messages, the same report bytes."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus.datafiles import fast_json_line, read_json_line

TABLES = ("claim", "relation")

_scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
            | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=12)


def _json_text(value: object, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


_lines = st.one_of(
    st.builds(_json_text, st.fixed_dictionaries({}, optional={"claim": _values, "relation": _values,
                                                              "other": _values}), st.booleans()),
    st.builds(_json_text, _values, st.booleans()),
    st.text(alphabet='{}[]":,0123456789.eE+-\\u\\ adtrfnlsN\x00\x1f\ud800\u2028é', max_size=30),
)


def _same(a: object, b: object) -> bool:
    """Equal, with NaN equal to itself and -0.0 told from 0.0 (the report writes both)."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@settings(max_examples=400)
@given(_lines)
def test_the_fast_json_reader_takes_a_line_only_as_the_stdlib_reader_does(line: str) -> None:
    fast = fast_json_line(line, TABLES)
    if fast is not None:
        slow = read_json_line(line, TABLES)
        assert not isinstance(slow, str), slow
        assert fast[0] == slow[0]
        assert _same(fast[1], slow[1])


def test_the_fast_json_reader_leaves_every_refusal_to_the_stdlib_reader() -> None:
    # Each of these is refused, with a message only the stdlib reader gives.
    for line in ('{"claim": NaN}', '{"claim": 1e400}', '{"claim": "\\ud800"}', '{"claim": 1,}',
                 '{"claim": 9223372036854775808}', '{"claim": 1, "relation": 2}', '{"other": 1}',
                 '[' * 70 + ']' * 70):
        assert fast_json_line(line, TABLES) is None
        assert isinstance(read_json_line(line, TABLES), str)
