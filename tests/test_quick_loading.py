"""Loading's quick paths (issue 14) against the plain ones they stand in for: the same data, the
same lines, the same problems at the same places."""

from __future__ import annotations

import hashlib
from pathlib import Path

import attrs
import pytest
import tomli
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import InputError, load
from factcheck.corpus import builtin_kinds
from factcheck.corpus.convert import converter, fast_converter
from factcheck.corpus.datafiles import _HEADER, JsonLinesFile, TomlFile, parse_toml, toml_headers
from factcheck.corpus.kinds import Names
from factcheck.corpus.limits import (
    LONG_DIGITS,
    MAX_DEPTH,
    RANGE_MESSAGE,
    out_of_bounds,
    parsed_within_bounds,
    plainly_shallow,
    plainly_short_keys,
    toml_nesting,
    within_bounds,
)
from factcheck.corpus.loading import _check_claim_refs, _plainly_known, _seeds_path
from factcheck.corpus.records import Evidence, Party, Speaker, Topic
from factcheck.corpus.structuring import Collector
from factcheck.errors import Location, Problem
from factcheck.testing.synthetic import generate
from factcheck.text.lines import split_lines

from .conftest import CLAIMS, PARTIES, TEXT, TOPICS, Builder, sources_toml

_POSITION = r"\(at line (\d+), column (\d+)\)"


def plain_parse(text: str, name: str) -> TomlFile | Problem:
    """`parse_toml` as it was before its quick paths: the nesting scan first, then the parser,
    then every line split and matched, then the walk of the data."""
    import re

    text = text.removeprefix("\ufeff")

    def problem(message: str, line: int | None = None) -> Problem:
        return Problem(check="input", message=message, location=Location(file=name, line=line))

    if (deep := toml_nesting(text)) is not None:
        return problem(f"malformed TOML: {deep[1]}", deep[0])
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        match = re.search(_POSITION, str(exc))
        return problem(f"malformed TOML: {re.sub(_POSITION, '', str(exc)).strip()}",
                       int(match.group(1)) if match else None)
    except ValueError:
        digits = LONG_DIGITS.search(text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else None
        return problem(f"integer out of range (thousands of digits); {RANGE_MESSAGE}", line)
    except RecursionError:
        return problem(f"malformed TOML: nested deeper than {MAX_DEPTH} levels, the limit")
    lines = split_lines(text)
    headers = tuple((number, match.group(1)) for number, line in enumerate(lines, start=1)
                    if (match := _HEADER.match(line)))
    doc = TomlFile(name=name, data=data, text=text, headers=headers)
    if (bad := out_of_bounds(data)) is not None:
        return problem(bad[1], doc.path_line(bad[0]))
    return doc


def _same(quick: TomlFile | Problem, plain: TomlFile | Problem) -> None:
    if isinstance(plain, Problem):
        assert quick == plain
        return
    assert isinstance(quick, TomlFile)
    assert (quick.data, quick.headers, quick.lines) == (plain.data, plain.headers, plain.lines)


_pieces = st.sampled_from([
    "[", "]", "{", "}", ".", "=", ",", "\n", "\r\n", "\r", "a", " ", "\t", "#", '"', "'", '"""',
    "'''", "1.5", "[[x]]\n", "[x.y]\n", "[ [ x ] ]", "\\", "\u2028", "\x85", "é", "x = ",
    "a.b = 1\n", "k = [\n", "{a = 1}, ", "1.5,\n", "9" * 20, "0x" + "f" * 17, '"\\ud800"',
    "[[claim]]\n", "[[claim.evidence]]\n", 'id = "c1"\n', "n = 12\n", "# [[x]]\n",
    '"""\n[[x]]\n"""', "x = '''a\n[y]\n'''\n",
])
_texts = st.lists(_pieces | st.builds(lambda piece, count: piece * count,
                                       st.sampled_from(["[", "{", "a.", ".", "[\n", "1.5, ", "[{}",
                                                        "{a.\n", "x = [", "]"]),
                                       st.integers(60, 70)), max_size=14).map("".join)


@given(_texts)
@example("a." * 64 + " = 1")
@example("x = " + "[" * 65 + "]" * 65)
@example("x = " + "[" * 64 + "]" * 64)
@example("x = " + "[" * 63 + "]" * 63)
@example("x = " + "[" * 2000 + "]" * 2000)
@example("x = [\n" + "{a = 1},\n" + "1.5,\n" * 70 + "]\n")
@example("x = [\n" + "{},\n" + "1.5,\n" * 70 + "]\n")  # not a key: an array's numbers
@example("[a]\n" + "b." * 62 + "c = 1\n")
@example("x = 0x" + "f" * 17)
def test_a_toml_text_parses_to_what_the_plain_path_gives(text: str) -> None:
    _same(parse_toml(text, "f.toml"), plain_parse(text, "f.toml"))


def test_the_bundled_and_test_files_take_the_quick_path_to_the_plain_result() -> None:
    texts = [CLAIMS, PARTIES, TOPICS]
    texts += [p.read_text(encoding="utf-8")
              for p in sorted((Path(__file__).parent.parent / "claims").glob("*.toml"))]
    for text in texts:
        assert plainly_short_keys(text)
        _same(parse_toml(text, "f.toml"), plain_parse(text, "f.toml"))


@given(st.lists(st.sampled_from(["a", ".", " ", "\n", "\r", "=", "'.'", '"."']), max_size=300)
       .map("".join))
@example("a" + ".a" * 64 + " = 1")
@example("a" + ".a" * 63 + " = 1\n" + "b" + ".b" * 63 + " = 1")
def test_short_keys_are_vouched_for_only_where_no_line_has_the_dots_of_a_long_key(text: str) -> None:
    """A key of more than `MAX_DEPTH` parts needs that many dots on its line (TOML writes a
    key on one line); `plainly_short_keys` says yes exactly when no line has them."""
    longest = max((line.count(".") for line in text.split("\n")), default=0)
    assert plainly_short_keys(text) == (longest < MAX_DEPTH)


def test_a_long_key_is_still_found_by_the_scan() -> None:
    text = "a" + ".a" * 100_000 + " = 1\n"
    assert not plainly_short_keys(text) and not plainly_shallow(text)
    found = parse_toml(text, "f.toml")
    assert isinstance(found, Problem) and found.location.line == 1
    assert found.message == f"malformed TOML: a dotted key of more than {MAX_DEPTH} parts, the limit"


@given(_texts)
@example("a = 1\r\n[[x]]\r[y]\n")
@example(" [[ x.y ]] \n\u2028[z]\n\x85[w]\n")
def test_the_headers_found_in_the_whole_text_are_those_found_line_by_line(text: str) -> None:
    lines = split_lines(text)
    assert toml_headers(text) == tuple((n, m.group(1)) for n, line in enumerate(lines, start=1)
                                       if (m := _HEADER.match(line)))


# --- a source's path ---------------------------------------------------------------------------


def _resolved_or_none(folder: Path, path: str) -> Path | None:
    """The plain answer: `Path.resolve`, then inside the folder or not."""
    if Path(path).is_absolute():
        return None
    candidate = (folder / path).resolve()
    return candidate if candidate.is_relative_to(folder) else None


def test_a_source_path_is_inside_the_sources_folder_exactly_when_resolving_says_so(
        tmp_path: Path) -> None:
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    (seeds / "sub" / "deeper").mkdir(parents=True)
    outside.mkdir()
    for path in (seeds / "a.txt", seeds / "sub" / "b.txt", seeds / "sub" / "deeper" / "c.txt",
                 outside / "secret.txt"):
        path.write_text("text")
    (seeds / "out.txt").symlink_to(outside / "secret.txt")
    (seeds / "in.txt").symlink_to(seeds / "a.txt")
    (seeds / "away").symlink_to(outside)
    (seeds / "sub" / "up").symlink_to(seeds)
    paths = ["a.txt", "sub/b.txt", "sub/deeper/c.txt", "out.txt", "in.txt", "away/secret.txt",
             "sub/up/a.txt", "../outside/secret.txt", "sub/../a.txt", "./a.txt", "sub//b.txt",
             "missing.txt", "sub/missing/x.txt", "a.txt/", "away", "sub", str(outside / "secret.txt"),
             "sub/up/../outside/secret.txt", "..", "."]
    for path in paths:
        assert _seeds_path(tmp_path, "seeds", path) == _resolved_or_none(seeds.resolve(), path), path
    assert _seeds_path(tmp_path, "seeds", "out.txt") is None
    assert _seeds_path(tmp_path, "seeds", "away/secret.txt") is None


def test_a_source_linked_out_of_the_sources_folder_is_refused_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "seeds").mkdir(parents=True)
    (root / "claims").mkdir()
    (tmp_path / "elsewhere.txt").write_text(TEXT)
    (root / "seeds" / "report.txt").symlink_to(tmp_path / "elsewhere.txt")
    (root / "seeds" / "sources.toml").write_text(sources_toml(TEXT.encode()))
    (root / "claims" / "parties.toml").write_text(PARTIES)
    (root / "claims" / "topics.toml").write_text(TOPICS)
    (root / "claims" / "main.toml").write_text(CLAIMS)
    assert hashlib.sha256(TEXT.encode()).hexdigest() in (root / "seeds" / "sources.toml").read_text()
    with pytest.raises(InputError) as info:
        load(root)
    messages = [str(p) for p in info.value.problems]
    assert ("seeds/sources.toml:4, field 'path': path 'report.txt' is outside the sources "
            "folder seeds/") in messages


# --- structuring: lean hooks on the fast converter ---------------------------------------------

_KINDS = builtin_kinds()
_EVIDENCE = [{"source": "s", "quote": "We have 2,221 officers."}]
_weird = (st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=5)
          | st.tuples(st.text(max_size=3)) | st.lists(st.text(max_size=3), max_size=2)
          | st.sampled_from([[], {}, _EVIDENCE, tuple(_EVIDENCE), {"source": "s", "quote": "q"},
                             [{"source": "s"}], "2023", "2023-05", ["a", "b"], ("a", "b"), 1.5, 0]))


def _written_claims(tmp: Path) -> list[dict[str, object]]:
    generate(tmp, claims=120, fmt="toml")
    raws = []
    for path in sorted((tmp / "claims").glob("s*.toml")):
        raws += tomli.loads(path.read_text(encoding="utf-8"))["claim"]
    return raws


def _kind_examples() -> dict[str, dict[str, object]]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        found: dict[str, dict[str, object]] = {}
        for raw in _written_claims(Path(tmp)):
            found.setdefault(str(raw["kind"]), raw)
    return found


_KIND_EXAMPLES = _kind_examples()


@settings(max_examples=400)
@given(kind=st.sampled_from(sorted(_KIND_EXAMPLES)), field=st.text(min_size=1, max_size=1),
       value=_weird, drop=st.booleans(), seed=st.integers(0, 10))
def test_every_kind_is_structured_by_the_fast_converter_as_by_the_detailed_one(
        kind: str, field: str, value: object, drop: bool, seed: int) -> None:
    """Any field of any kind set to anything (or left out): the fast converter gives the detailed
    converter's record, or refuses, and the detailed converter then says why."""
    spec = _KINDS.kinds[kind]
    raw = dict(_KIND_EXAMPLES[kind])
    names = sorted(a.name for a in attrs.fields(spec.record))
    name = names[(ord(field) + seed) % len(names)]
    if drop:
        raw.pop(name, None)
    else:
        raw[name] = value
    try:
        fast = fast_converter.structure(raw, spec.record)
    except Exception:
        return
    assert fast == converter.structure(raw, spec.record)


def test_written_claims_are_structured_by_the_fast_converter_as_by_the_detailed_one(
        tmp_path: Path) -> None:
    raws = _written_claims(tmp_path)
    assert set(_KIND_EXAMPLES) == {str(raw["kind"]) for raw in raws}
    for raw in raws:
        spec = _KINDS.kinds[str(raw["kind"])]
        ready = {k: repr(v) if k in spec.number_fields and isinstance(v, int | float) else v
                 for k, v in raw.items()}
        assert fast_converter.structure(ready, spec.record) == converter.structure(ready, spec.record)


@pytest.mark.parametrize(("value", "message"), [
    ("", "must not be empty"),
    (5, "'measure' must be <class 'str'> (got 5 that is a <class 'int'>)."),
    (None, "'measure' must be <class 'str'> (got None that is a <class 'NoneType'>)."),
])
def test_a_text_field_says_what_instance_of_and_nonempty_said(value: object, message: str) -> None:
    """One validator for a text field, raising what `instance_of(str)` then `_nonempty` raised."""
    record = _KINDS.kinds["quantity"].record
    fields = attrs.asdict(converter.structure(_KIND_EXAMPLES["quantity"], record), recurse=False)
    fields["measure"] = value
    with pytest.raises((TypeError, ValueError)) as info:
        record(**fields)
    shown = str(info.value.args[0])
    assert shown == message if value != "" else shown == "'measure' must not be empty"
    assert isinstance(info.value.args[1], attrs.Attribute) and info.value.args[1].name == "measure"


# --- bounds of parsed TOML ---------------------------------------------------------------------

_toml_values = st.recursive(
    st.integers(-(2**70), 2**70) | st.booleans() | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12)


def _nested(depth: int, leaf: object) -> object:
    for level in range(depth):
        leaf = [leaf] if level % 2 else {"k": leaf}
    return leaf


@given(st.dictionaries(st.text(max_size=3), _toml_values | st.builds(_nested, st.integers(58, 66),
                                                                     _toml_values), max_size=3),
       st.sampled_from(["", "é", "\ud800", "a"]))
def test_bounds_of_parsed_data_are_those_the_walk_finds(data: dict[str, object], text: str) -> None:
    """For data parsed from a text without lone surrogates, the quick look agrees with
    `within_bounds`; with one in the text, it never vouches."""
    if text == "\ud800":
        assert not parsed_within_bounds(data, text)
    else:
        assert parsed_within_bounds(data, text) == within_bounds(data)


@given(_texts)
def test_bounds_of_a_parsed_text_are_those_the_walk_finds(text: str) -> None:
    try:
        data = tomli.loads(text)
    except (tomli.TOMLDecodeError, ValueError, RecursionError):
        return
    assert parsed_within_bounds(data, text) == within_bounds(data)


# --- what a claim names ------------------------------------------------------------------------


@given(party=st.sampled_from(["force", "press", "nobody"]), topic=st.sampled_from(["staffing", "x"]),
       speaker=st.sampled_from([None, "chief", "editor", "ghost"]),
       reported_by=st.sampled_from([None, "press", "nobody"]),
       same_as=st.sampled_from([None, "other", "gone"]),
       evidence=st.lists(st.tuples(st.sampled_from(["report", "missing"]),
                                   st.sampled_from(["We have 5 officers.", " ", "\n"])),
                         min_size=1, max_size=3))
def test_a_claim_plainly_naming_what_is_known_is_one_the_full_check_passes(
        party: str, topic: str, speaker: str | None, reported_by: str | None,
        same_as: str | None, evidence: list[tuple[str, str]]) -> None:
    parties = {p: Party(id=p, name=p.title(), role="other") for p in ("force", "press")}
    speakers = {"chief": Speaker(id="chief", party="force", name="Chief"),
                "editor": Speaker(id="editor", party="press", name="Editor")}
    topics = {"staffing": Topic(id="staffing", description="Staff.")}
    record = _KINDS.kinds["quantity"].record
    other = converter.structure(_KIND_EXAMPLES["quantity"] | {"id": "other", "party": "force"},
                                record)
    claim = attrs.evolve(other, id="c1", party=party, topic=topic, speaker=speaker,
                         reported_by=reported_by, same_as=same_as,
                         evidence=tuple(Evidence(source=s, quote=q) for s, q in evidence))
    names = Names(parties=parties, scales={}, claims={"other": other, "c1": claim},
                  sources={"report": object()})  # type: ignore[dict-item]
    out = Collector()
    doc = JsonLinesFile(name="claims/x.jsonl", data={}, record_lines={"claim": (1,)})
    _check_claim_refs(claim, doc, 0, out, kinds=_KINDS, names=names,
                      sources=names.sources, speakers=speakers, topics=topics)  # type: ignore[arg-type]
    if _plainly_known(claim, names, speakers, topics):
        assert out.problems == []
    elif same_as is None:  # the quick look refuses only what the full check refuses
        assert out.problems


def test_claim_files_are_read_in_the_order_their_paths_sort_part_by_part(
        make_corpus: Builder) -> None:
    """'a/x.toml' before 'a-b/x.toml' (as paths compare, part by part), though '-' sorts before
    '/' in a string; the corpus's claims come in that order."""
    one = CLAIMS.split("[[claim]]")[1]
    root = make_corpus(claims="")
    for folder, ident in (("a-b", "claim-in-a-b"), ("a", "claim-in-a"), ("a.b", "claim-in-a-dot-b")):
        (root / "claims" / folder).mkdir()
        (root / "claims" / folder / "x.toml").write_text(
            "[[claim]]" + one.replace('id = "doe-officers-cut"', f'id = "{ident}"'))
    corpus = load(root)
    assert [c.id for c in corpus.claims] == ["claim-in-a", "claim-in-a-b", "claim-in-a-dot-b"]
    assert corpus.origins["claim-in-a-b"].file == "claims/a-b/x.toml"
