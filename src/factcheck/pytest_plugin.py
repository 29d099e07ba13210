"""pytest plugin: `pytest claims/` runs every claim's evidence checks and every dispute's review.

Follows pytest's "non-Python tests" pattern. Each claim file under the configured
claims folder is a `ClaimFile`; each claim in it is a `ClaimItem` (named by its id),
each dispute whose first claim is written there is a `DisputeItem` (named by the dispute
id), and each verdict whose finding or dispute no longer exists is a `StaleVerdictItem`
in `verdicts.toml`. Claim files are the `.toml` and `.jsonl` files
of the claims folder. The corpus is loaded and audited once per session, lazily, the
first time a claim file is collected or a fixture asks for it. Nothing here judges a
claim: the items only report what `factcheck.audit` found.

A corpus that cannot be loaded is a collection error listing every problem with its
file and line, never a Python traceback; so is an internal error of factcheck (the
traceback only with ``FACTCHECK_DEBUG=1``). The report path is checked like the command
line's outputs (`factcheck.reports.files.check_outputs`): a path the corpus reads is a
usage error before any test runs; so is one that cannot be written at the end.

The plugin is inert unless the project opts in (`opted_in`): a `[tool.factcheck]` table,
`--factcheck` or another `--factcheck-*` option, or `-p factcheck`. Items carry markers
(`party_<id>`, `kind_<kind>`, `rule_<rule>`, the severities and the verdicts; see
docs/reference/pytest.md). Under pytest-xdist the controller alone writes the report.

Importing this module imports no other part of factcheck than `pytest_items` (which imports
none): every project of the environment loads the plugin, so the library is imported inside
the hooks, once the project has opted in. Collection pauses the cyclic garbage collector,
and then freezes what the audit built (`gc.freeze`) until the session ends, so that the
collections of the test run do not walk the corpus again and again.

Long because it holds every hook of the plugin (settings, the session's one audit,
collection, the report) and they share the session state.
"""

from __future__ import annotations

import gc
import itertools
import os
import stat
import tomllib
from collections import defaultdict
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from .pytest_items import (
    VERDICTS_FILE,
    ClaimItem,
    CorpusUnusable,
    DisputeItem,
    Marks,
    Settings,
    StaleVerdictItem,
    item_markers,
    marker_help,
)

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr
    from _pytest.mark.structures import MarkDecorator

    from .auditing import Audit
    from .checks.evidence import ClaimResult
    from .corpus import Corpus, Origin
    from .errors import InputError
    from .rules.disputes import Dispute

DEFAULTS = {"root": ".", "seeds": "seeds", "claims": "claims"}
CLAIM_FILE_SUFFIXES = (".toml", ".jsonl")
DEBUG_ENV = "FACTCHECK_DEBUG"
MAX_SETTINGS_SCAN = 1 << 20


# --- settings ---------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "factcheck: claim files as tests")
    group.addoption("--factcheck", action="store_true", default=False,
                    help="collect claim files even without a [tool.factcheck] table in pyproject.toml")
    group.addoption("--factcheck-root", metavar="DIR", default=None,
                    help="corpus root (default: [tool.factcheck] root, else the rootdir)")
    group.addoption("--factcheck-seeds", metavar="DIR", default=None,
                    help="sources folder under the root (default: 'seeds')")
    group.addoption("--factcheck-claims", metavar="DIR", default=None,
                    help="claims folder under the root (default: 'claims')")
    group.addoption("--factcheck-report", metavar="PATH", default=None,
                    help="write the JSON audit report to PATH at the end of the session")


def _pyproject(rootpath: Path, *, asked: bool) -> dict[str, str]:
    """The `[tool.factcheck]` table of the rootdir's pyproject.toml, or an empty one.

    A table that cannot be used is a usage error. So is a pyproject.toml that cannot be
    read when it mentions factcheck or a `--factcheck-*` option was given (`asked`);
    otherwise it is none of this plugin's business, and the library is not even imported.
    """
    if not asked and _declares_table(rootpath) is False:
        return {}
    from .errors import FactcheckError
    from .settings import tool_settings

    try:
        return tool_settings(rootpath)
    except FactcheckError as exc:
        raise pytest.UsageError(f"factcheck: {exc}") from None


def _mentions_factcheck(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return b"factcheck" in stream.read(MAX_SETTINGS_SCAN)
    except OSError:
        return False


def _declares_table(rootpath: Path) -> bool | None:
    """Whether the rootdir's pyproject.toml has a `[tool.factcheck]` table (even an empty one),
    or None when it mentions factcheck but cannot be parsed (`factcheck.settings` says why).

    Parsed with the standard library as pytest parses it, so that a project that merely
    depends on factcheck does not import the library to find out it did not opt in.
    """
    path = rootpath / "pyproject.toml"
    if not _mentions_factcheck(path):
        return False
    try:
        tool = tomllib.loads(path.read_text(encoding="utf-8")).get("tool")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return isinstance(tool, dict) and "factcheck" in tool


def opted_in(config: pytest.Config) -> bool:
    """Whether this project asked for claim files to be tests.

    The plugin is installed for every project of the environment, so it stays inert unless
    the project opts in: a `[tool.factcheck]` table in the rootdir's pyproject.toml,
    `--factcheck` or any other `--factcheck-*` option, or `-p factcheck` (on the command
    line or in addopts). Fixtures work either way.
    """
    if config.getoption("factcheck", False):
        return True
    if any(config.getoption(f"factcheck_{key}", None) is not None
           for key in ("root", "seeds", "claims", "report")):
        return True
    plugins = getattr(config.known_args_namespace, "plugins", None) or []
    if "factcheck" in plugins or "factcheck.pytest_plugin" in plugins:
        return True
    return _declares_table(config.rootpath) is True


def read_settings(config: pytest.Config) -> Settings:
    """Command-line options override `[tool.factcheck]`, which overrides the built-in defaults.

    Paths from pyproject.toml are relative to the rootdir, paths from the command line to the
    directory pytest was started in. With no root configured the corpus root is the rootdir when
    pytest found a configuration file there, else the directory pytest was started in (without
    one, `pytest claims/` would make claims/ itself the rootdir).
    """
    asked = any(config.getoption(f"factcheck_{key}", None) is not None
                for key in ("root", "seeds", "claims", "report"))
    table = _pyproject(config.rootpath, asked=asked)
    here = config.invocation_params.dir
    base = config.rootpath if config.inipath is not None or "root" in table else here

    def option(key: str) -> str | None:
        value: str | None = config.getoption(f"factcheck_{key}")
        return value

    root_option = option("root")
    root = here / root_option if root_option is not None else base / table.get("root", DEFAULTS["root"])
    report_option = option("report")
    report: Path | None = None
    if report_option is not None:
        report = _report_path(report_option, here)
    elif "report" in table:
        report = _report_path(table["report"], config.rootpath)
    return Settings(root=root.resolve(), seeds=option("seeds") or table.get("seeds", DEFAULTS["seeds"]),
                    claims=option("claims") or table.get("claims", DEFAULTS["claims"]),
                    report=report, report_on_command_line=report_option is not None,
                    active=opted_in(config))


def _report_path(value: str, base: Path) -> Path:
    from .reports.files import STDOUT

    return Path(STDOUT) if value == STDOUT else base / value


# --- the session's one audit ------------------------------------------------------------------


@attrs.frozen
class _Stale:
    """A verdict whose finding no longer exists."""

    finding: str


if TYPE_CHECKING:
    Entry = ClaimResult | Dispute | _Stale


def audit(corpus: Corpus, *, coverage: bool = True) -> Audit:
    """`factcheck.audit`, imported when a session first needs it."""
    from .auditing import audit as audit_corpus

    return audit_corpus(corpus, coverage=coverage)


@attrs.define
class _State:
    """The session's settings and, once loaded, its audit or the reason it could not load."""

    settings: Settings
    loaded: bool = False
    result: Audit | None = None
    error: InputError | None = None
    first_failure: str | None = None
    items: dict[Path, list[Entry]] = attrs.Factory(dict)
    workers_loaded: bool = False
    frozen: bool = False
    """Whether collection froze the audit's objects out of the cyclic collector's way."""
    registered: dict[str, MarkDecorator] = attrs.Factory(dict)
    """Each marker given to an item, registered once, made once."""
    folders: dict[Path, Path] = attrs.Factory(dict)
    """Each folder of a collected file, resolved once (`resolve_file`)."""
    _marks: Marks | None = None
    _claims_dir: Path | None = None

    def claims_dir(self) -> Path:
        """The claims folder, resolved once."""
        if self._claims_dir is None:
            self._claims_dir = self.settings.claims_dir
        return self._claims_dir

    def marks(self, result: Audit) -> Marks:
        """The marker index of the audit, built once."""
        if self._marks is None:
            self._marks = Marks.of(result)
        return self._marks

    def thaw(self) -> None:
        """Give what collection froze back to the cyclic collector."""
        if self.frozen:
            gc.unfreeze()
            self.frozen = False

    def load(self) -> Audit:
        """The audit, loading and auditing the corpus on first use; raises InputError.

        Any other error of factcheck becomes one too, located where it says; an internal
        error (a bug) is one that asks for a report, unless FACTCHECK_DEBUG is set.
        """
        from .auditing import cyclic_gc_paused
        from .corpus.loading import load
        from .errors import FactcheckError, InputError, Location, Problem

        if not self.loaded:
            self.loaded = True
            try:
                with cyclic_gc_paused():  # coverage is only reported in the JSON report
                    self.result = audit(load(self.settings.root, seeds=self.settings.seeds,
                                             claims=self.settings.claims),
                                        coverage=self.settings.report is not None)
            except InputError as exc:
                self.error = exc
            except FactcheckError as exc:
                self.error = InputError([Problem(check="input", message=exc.message,
                                                 location=exc.location)])
            except Exception as exc:
                if os.environ.get(DEBUG_ENV, "") not in ("", "0"):
                    raise
                self.error = InputError([Problem(check="internal", message=(
                    f"internal error in factcheck ({type(exc).__name__}: {str(exc)[:200]}). This is "
                    f"a bug; please report it (set {DEBUG_ENV}=1 to see the traceback)"),
                    location=Location(file=self.settings.claims))])
            else:
                self.items = _placements(self.result, self.settings.root)
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


_STATE = pytest.StashKey[_State]()
_WORKER_LOADED = "factcheck_loaded"
"""The key of xdist's `workeroutput` by which a worker tells the controller it audited claims."""


def _state(config: pytest.Config) -> _State:
    state = config.stash.get(_STATE, None)
    if state is None:
        state = config.stash[_STATE] = _State(settings=read_settings(config))
    return state


def _placements(result: Audit, root: Path) -> dict[Path, list[Entry]]:
    """What each file holds, in order: its claims, then the disputes whose first claim it has.

    Each file's path is resolved once, not once per claim.
    """
    corpus = result.corpus
    placed: dict[Path, list[Entry]] = defaultdict(list)
    resolved: dict[str, Path] = {}
    folders: dict[Path, Path] = {}

    def _origin_path(root: Path, origin: Origin | None) -> Path | None:
        if origin is None:
            return None
        path = resolved.get(origin.file)
        if path is None:
            path = resolved[origin.file] = resolve_file(root / origin.file, folders)
        return path

    for claim_result in result.results:
        path = _origin_path(root, corpus.origins.get(claim_result.claim.id))
        if path is not None:
            placed[path].append(claim_result)
    for dispute in result.disputes:
        # Its first claim's file; every dispute names claims, but never lose one that does not.
        named = itertools.chain(dispute.claims, (c.id for c in corpus.claims))
        home = next((p for c in named if (p := _origin_path(root, corpus.origins.get(c)))), None)
        if home is not None:
            placed[home].append(dispute)
    for verdict in result.stale_verdicts:
        path = _origin_path(root, corpus.origins.get(f"verdict:{verdict.judges}"))
        if path is not None:
            placed[path].append(_Stale(verdict.judges))
    return dict(placed)


def resolve_file(path: Path, folders: dict[Path, Path]) -> Path:
    """`path.resolve()`, with each folder resolved once (`folders` keeps them): a file that is
    no symbolic link is its resolved folder and its name."""
    try:
        if path.name in ("", ".", "..") or stat.S_ISLNK(os.lstat(path).st_mode):
            return path.resolve()
    except (OSError, ValueError):
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name


def _input_report(error: InputError, root: Path) -> str:
    count = len(error.problems)
    lines = [f"factcheck: the corpus under {root} cannot be loaded "
             f"({count} problem{'s' if count != 1 else ''}):"]
    lines += [f"  {problem}" for problem in error.problems]
    return "\n".join(lines)


# --- collection -------------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    """Settings are read, markers registered, and a report path given on the command line
    checked, before anything runs: a problem with either is a usage error, not a collection
    traceback."""
    state = _state(config)
    settings = state.settings
    # A cleanup, not pytest_unconfigure: cleanups run last to first, so this one runs after
    # pytest's own (which collect the garbage five times, and would walk the audit again).
    config.add_cleanup(state.thaw)
    for line in marker_help():
        config.addinivalue_line("markers", line)
    if config.getoption("factcheck_report", None) is None or hasattr(config, "workerinput"):
        return
    from .errors import OutputError

    try:
        _check_report(config, settings)
    except OutputError as exc:
        raise pytest.UsageError(f"factcheck: {exc}") from None


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Generator[None, object, object]:
    """Collection (which loads and audits the corpus) runs with the cyclic collector paused;
    what it built is then frozen (`gc.freeze`), so that the collector, back at work while the
    items run, leaves the audit alone; it is unfrozen when pytest cleans up (`_State.thaw`)."""
    state = _state(session.config)
    if not state.settings.active:
        return (yield)
    from .auditing import cyclic_gc_paused

    with cyclic_gc_paused():
        result = yield
        if state.loaded and not state.frozen:
            gc.freeze()
            state.frozen = True
        return result


def _check_report(config: pytest.Config, settings: Settings) -> None:
    """Raise OutputError when the report would replace a file this run reads."""
    from .reports.files import check_outputs

    assert settings.report is not None
    also_read = [(config.inipath, "pytest's configuration file")] if config.inipath else []
    shown = str(settings.report)
    if settings.report.is_relative_to(Path.cwd()):  # as typed, when it was typed from here
        shown = settings.report.relative_to(Path.cwd()).as_posix()
    check_outputs([("--factcheck-report", shown)], root=settings.root,
                  seeds=settings.seeds, claims=settings.claims, also_read=also_read)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ClaimFile | None:
    if file_path.suffix not in CLAIM_FILE_SUFFIXES or file_path.name == "pyproject.toml":
        return None
    state = _state(parent.config)
    if not state.settings.active:
        return None
    from .corpus.loading import SPECIAL_FILES

    resolved = resolve_file(file_path, state.folders)
    try:
        relative = resolved.relative_to(state.claims_dir()).as_posix()
    except ValueError:
        return None
    if relative != VERDICTS_FILE and relative in SPECIAL_FILES:  # verdicts.toml: stale verdicts
        return None
    claim_file: ClaimFile = ClaimFile.from_parent(parent, path=file_path, resolved=resolved)
    return claim_file


class ClaimFile(pytest.File):
    """A claim file (or verdicts.toml): its claims, its disputes, its stale verdicts."""

    def __init__(self, *, resolved: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.resolved = resolved
        """Its path resolved, as the audit's placements are keyed."""

    def collect(self) -> Iterable[pytest.Item]:
        from .checks.evidence import ClaimResult
        from .errors import InputError
        from .rules.disputes import Dispute

        state = _state(self.config)
        try:
            result = state.load()
        except InputError as exc:
            if state.first_failure is None:
                state.first_failure = self.nodeid
                raise CorpusUnusable(_input_report(exc, state.settings.root)) from exc
            own = [p for p in exc.problems
                   if p.location.file is not None
                   and (state.settings.root / p.location.file).resolve() == self.resolved]
            lines = [f"factcheck: the corpus cannot be loaded; every problem is listed under "
                     f"{state.first_failure}"]
            lines += [f"  {p}" for p in own]
            raise CorpusUnusable("\n".join(lines)) from exc
        marks = state.marks(result)
        for entry in state.items.get(self.resolved, []):
            item: ClaimItem | DisputeItem | StaleVerdictItem
            if isinstance(entry, ClaimResult):
                item = ClaimItem.from_parent(self, name=entry.claim.id, result=entry, audit=result,
                                             settings=state.settings)
            elif isinstance(entry, Dispute):
                item = DisputeItem.from_parent(self, name=entry.id, dispute=entry, audit=result,
                                               settings=state.settings, marks=marks)
            else:
                item = StaleVerdictItem.from_parent(self, name=f"stale-verdict-{entry.finding}",
                                                    finding_id=entry.finding, audit=result)
            for marker in item_markers(item, marks):
                decorator = state.registered.get(marker)
                if decorator is None:
                    self.config.addinivalue_line("markers", f"{marker}: a factcheck marker")
                    decorator = state.registered[marker] = getattr(pytest.mark, marker)
                item.add_marker(decorator)
            yield item

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, CorpusUnusable):
            return excinfo.value.report
        return super().repr_failure(excinfo)


def _audit_or_fail(config: pytest.Config) -> Audit:
    from .errors import InputError

    state = _state(config)
    try:
        return state.load()
    except InputError as exc:
        message = _input_report(exc, state.settings.root)
    pytest.fail(message, pytrace=False)  # outside the except: no "during handling" chain


@pytest.fixture(scope="session")
def factcheck_audit(pytestconfig: pytest.Config) -> Audit:
    """The audit of the configured corpus, shared with the claim items of this session."""
    return _audit_or_fail(pytestconfig)


@pytest.fixture(scope="session")
def factcheck_corpus(pytestconfig: pytest.Config) -> Corpus:
    """The configured corpus, loaded once per session."""
    return _audit_or_fail(pytestconfig).corpus


def _say(config: pytest.Config, line: str) -> None:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """Under pytest-xdist, the controller learns which workers audited the corpus."""
    output = getattr(node, "workeroutput", None)
    config = getattr(node, "config", None)
    if not isinstance(output, dict) or config is None or not output.get(_WORKER_LOADED):
        return
    state = config.stash.get(_STATE, None)
    if state is not None:
        state.workers_loaded = True


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int | pytest.ExitCode) -> None:
    """Write the JSON report when asked, if this session audited the corpus (or was told to).

    Under pytest-xdist only the controller writes it, once, when a worker audited the corpus;
    a worker only says that it did.
    """
    state = session.config.stash.get(_STATE, None)
    if state is None:
        return
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[_WORKER_LOADED] = state.loaded
        return
    if state.settings.report is None:
        return
    if not (state.loaded or state.workers_loaded or state.settings.report_on_command_line):
        return
    from .errors import FactcheckError, InputError
    from .reports.files import STDOUT, write_output
    from .reports.json_report import build_report, dumps

    try:
        result = state.load()
    except InputError:
        _say(session.config, "factcheck: no report written; the corpus cannot be loaded")
        return

    report = state.settings.report
    try:
        _check_report(session.config, state.settings)  # again: the file system may have changed
        write_output(report, dumps(build_report(result)))
    except (FactcheckError, OSError) as exc:
        _say(session.config, f"factcheck: no report written: {exc}")
        session.exitstatus = pytest.ExitCode.USAGE_ERROR
        return
    where = "standard output" if str(report) == STDOUT else str(report)
    _say(session.config, f"factcheck: report written to {where}")
