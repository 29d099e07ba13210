"""The `factcheck` command line, with exit statuses like pytest's.

0 clean, 1 a check fails, 2 unusable input, a usage error or an output that cannot be
written, 3 an internal error (a bug: a short message, the traceback only with ``--debug``
or ``FACTCHECK_DEBUG=1``), 130 interrupted. A closed pipe (``factcheck audit | head``)
ends the output quietly and the run keeps its status.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path

from .auditing import Audit, Progress, audit, cyclic_gc_paused
from .authoring import apply_quote_fixes
from .cli_authoring import Command, add_commands, report_fixes
from .cli_listing import COLOR_MODES, Style, print_audit, summary
from .cli_streams import Out, OutputFailed, Stream
from .corpus.loading import load
from .errors import FactcheckError, InputError, UsageError
from .reports.claimreview import claimreview
from .reports.diagnostics import OUTPUT_FORMATS, as_json, diagnostics, from_problems, github
from .reports.explain import explain, explain_dispute
from .reports.files import STDOUT, check_outputs, dump_json, write_output
from .reports.html import render_html
from .reports.json_report import factcheck_version, report_text
from .reports.sarif import sarif
from .settings import corpus_paths, describe, find_settings

EXIT_OK, EXIT_FAILED, EXIT_UNUSABLE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
PROGRESS_FROM = 2000
"""Corpora with at least this many claims show a progress bar on a terminal."""
PROGRESS_WIDTH = 30
DEBUG_ENV = "FACTCHECK_DEBUG"

EXIT_STATUS = """\
exit status:
  0    clean: every check passed and every contradiction and tension has a verdict
  1    a check failed, a finding has no verdict, a verdict is stale, or coverage is
       under its threshold
  2    the input cannot be used (a corpus with no claims too), a usage error, or an
       output cannot be written (an output may not be a file the corpus reads:
       refused before any work)
  3    internal error in factcheck: please report it (--debug, or FACTCHECK_DEBUG=1,
       shows the traceback)
  130  interrupted (Ctrl-C)
"""


EXAMPLES = """\
examples:
  factcheck audit                 audit the corpus in the current folder
  factcheck audit path/to/corpus  audit another corpus (it holds seeds/ and claims/)
  factcheck audit -q              print only what fails, and the summary
  factcheck audit --json report.json --sarif audit.sarif --claimreview reviews.jsonld
  factcheck audit --html report.html   a page to read the audit in a browser, offline
  factcheck coverage              numbers and graded words no claim's quote covers
  factcheck explain F-1a2b3c      show a finding with its claims and source lines
  factcheck audit --output-format github   annotations for GitHub Actions
  factcheck init new-corpus       start a corpus (then add-source, suggest: docs/tutorial.md)
"""


def _settings_help() -> str:
    """Which settings file a command run here would use, for the end of `--help`."""
    try:
        return describe(find_settings(Path.cwd())) + "\n"
    except (FactcheckError, OSError) as exc:
        return f"settings: cannot be read ({exc})\n"


def _parser() -> argparse.ArgumentParser:
    settings = _settings_help()
    parser = argparse.ArgumentParser(
        prog="factcheck", description="Audit typed claims against the exact words of their "
        "sources, and find where the parties contradict each other.",
        epilog=EXAMPLES + "\n" + EXIT_STATUS + "\n" + settings,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {factcheck_version()}")
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help=f"show the traceback of an internal error (or set {DEBUG_ENV}=1)")
    parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help=f"show the traceback of an internal error (or set {DEBUG_ENV}=1)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(
        "audit", help="check every claim's evidence and print a per-claim result",
        description="Check every claim: its source is unchanged, its quotes anchor, its value "
        "is stated in its quote, its speaker is named nearby, its dates are coherent.",
        epilog=EXAMPLES + "\n" + EXIT_STATUS + "\n" + settings,
        formatter_class=argparse.RawDescriptionHelpFormatter, parents=[debug])
    _corpus_arguments(run)
    run.add_argument("-q", "--quiet", action="store_true", help="print only problems and the summary")
    run.add_argument("--output-format", choices=OUTPUT_FORMATS, default="text",
                     help="text (the listing, default), json (the diagnostics), github (GitHub "
                     "Actions annotations) or sarif (SARIF 2.1.0), on standard output")
    run.add_argument("--fix", action="store_true", help="apply the certain fixes: a quote that "
                     "anchors only after normalising is rewritten to the source's exact words")
    run.add_argument("--json", metavar="FILE", help="write the JSON report (factcheck-report/1) to "
                     "FILE ('-': standard output, and the listing goes to standard error)")
    run.add_argument("--html", metavar="FILE",
                     help="write the HTML report, one self-contained page that opens offline, to FILE")
    run.add_argument("--sarif", metavar="FILE", help="write SARIF 2.1.0 results to FILE")
    run.add_argument("--claimreview", metavar="FILE",
                     help="write schema.org ClaimReview JSON-LD for reviewed claims to FILE")
    run.add_argument("--dask-scheduler", metavar="ADDRESS",
                     help="run the audit on the Dask cluster whose scheduler is at ADDRESS "
                     "(tcp://host:8786), or 'local' for a cluster on this machine; needs "
                     "factcheck[dask]")
    run.add_argument("--review-author", metavar="NAME",
                     help="who signs the ClaimReview items (default: [tool.factcheck] review_author; "
                     "required, with review_url, for --claimreview)")
    why = commands.add_parser(
        "explain", help="show one finding with its claims, quotes and source lines",
        description="Print a finding (by id, or a unique prefix of it) with each claim, its "
        "quote and the source lines the quote sits on.", epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter, parents=[debug])
    why.add_argument("finding", help="finding id, e.g. F-1a2b3c4d5e6f")
    cover = commands.add_parser(
        "coverage", help="list the numbers and graded words no claim's quote covers",
        description="List, per source, every stated number and graded word that no claim's "
        "quote covers, with line numbers and a percentage. Exits 1 under the threshold set "
        "in claims/coverage.toml (default 95%%).", epilog=EXIT_STATUS.replace("%", "%%"),
        formatter_class=argparse.RawDescriptionHelpFormatter, parents=[debug])
    cover.add_argument("--all", action="store_true", help="list covered statements too")
    for sub in (run, cover):
        sub.add_argument("--color", choices=COLOR_MODES, default="auto", help="colour the listing: "
                         "auto (on a terminal, unless NO_COLOR is set), always or never")
    for sub in (why, cover):
        _corpus_arguments(sub)
    add_commands(commands, parents=[debug], epilog=EXIT_STATUS, corpus_arguments=_corpus_arguments)
    return parser


def _corpus_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("root", nargs="?", default=None, help="corpus folder (default: [tool.factcheck] "
                        "root of the nearest pyproject.toml that has the table, else .)")
    parser.add_argument("--seeds", default=None, help="sources folder under ROOT (default: "
                        "[tool.factcheck] seeds, else seeds)")
    parser.add_argument("--claims", default=None, help="claims folder under ROOT (default: "
                        "[tool.factcheck] claims, else claims)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say which settings file is used (on standard error)")


def _cmd_coverage(args: argparse.Namespace, out: Out, err: Out) -> int:
    corpus = load(args.root, seeds=args.seeds, claims=args.claims)
    result = audit(corpus)
    coverage = result.coverage
    assert coverage is not None
    style = Style(out, args.color)
    for source in coverage.sources:
        counted = source.counted
        covered = len(counted) - len(source.uncovered)
        print(style(f"{source.source}", "1") + f"  {corpus.sources[source.source].path}  "
              f"{covered}/{len(counted)} covered ({source.percent:.1f}%)"
              + (f", {len(source.statements) - len(counted)} ignored"
                 if len(source.statements) != len(counted) else ""), file=out)
        for statement in source.statements:
            if statement.ignored or (statement.covered and not args.all):
                continue
            mark = "  covered " if statement.covered else style("  MISSING ", "31")
            print(f"  {mark} line {statement.line:>3}  {statement.kind:<7} {statement.text!r}",
                  file=out)
    verdict = "ok" if coverage.ok else "under the threshold"
    print(style(f"coverage: {coverage.covered}/{coverage.total} statements covered "
                f"({coverage.percent:.1f}%), threshold {coverage.threshold:g}%: {verdict}",
                "32" if coverage.ok else "31"), file=out)
    return EXIT_OK if coverage.ok else EXIT_FAILED


def _cmd_explain(args: argparse.Namespace, out: Out, err: Out) -> int:
    corpus = load(args.root, seeds=args.seeds, claims=args.claims)
    result = audit(corpus)
    disputes = [d for d in result.disputes if d.id.startswith(args.finding)]
    if args.finding.startswith("D-") and len(disputes) == 1:
        print(explain_dispute(result, disputes[0]), file=out)
        return EXIT_OK
    matches = [f for f in result.findings if f.id == args.finding or f.id.startswith(
        args.finding)]
    if len(matches) != 1:
        known = ", ".join([*(d.id for d in result.disputes[:3]), *(f.id for f in result.findings[:3])])
        what = "no finding or dispute" if not matches else f"{len(matches)} findings"
        raise FactcheckError(f"{what} with id {args.finding!r} (known ids include {known})")
    print(explain(result, matches[0]), file=out)
    return EXIT_OK


def _progress(stream: Out) -> Progress | None:
    """A progress bar on a terminal for long runs; nothing when output is piped."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= PROGRESS_FROM and (done % 500 == 0 or done == total):
            end = "\n" if done == total else ""
            filled = PROGRESS_WIDTH * done // total
            bar = "#" * filled + "." * (PROGRESS_WIDTH - filled)
            print(f"\rchecking claims [{bar}] {done:,}/{total:,}", end=end, file=stream, flush=True)

    return show


def _print_results(result: Audit, args: argparse.Namespace, listing: Out, err: Out) -> None:
    """The listing, or the diagnostics in the format asked for (the summary then on stderr)."""
    if args.output_format == "text":
        print_audit(result, listing, quiet=args.quiet, color=args.color)
        return
    found = diagnostics(result)
    if args.output_format == "github":
        print(github(found) + summary(result), file=listing)
        return
    print(as_json(found) if args.output_format == "json" else dump_json(sarif(result)),
          file=listing, end="")
    print(summary(result), file=err)


def _cmd_audit(args: argparse.Namespace, out: Out, err: Out) -> int:
    outputs = [(option, path) for option, path in (
        ("--json", args.json), ("--html", args.html), ("--sarif", args.sarif),
        ("--claimreview", args.claimreview)) if path]
    if outputs:  # before any work: an output may not replace what the run reads
        check_outputs(outputs, root=args.root, seeds=args.seeds, claims=args.claims,
                      also_read=[(args.settings.file, "the settings file")] if args.settings.file else [])
    if args.output_format != "text" and any(path == STDOUT for _, path in outputs):
        raise UsageError(f"--output-format {args.output_format} writes to standard output, so no "
                         "report can be written there ('-') too")
    corpus = load(args.root, seeds=args.seeds, claims=args.claims)
    if not corpus.claims:
        raise UsageError(f"no claims in {Path(args.root) / args.claims}: nothing to audit "
                         "(`factcheck init` starts a corpus, `factcheck suggest SOURCE` drafts claims)")
    if args.dask_scheduler:
        from .distributed import audit_on_dask  # the optional extra, imported when asked for

        local = args.dask_scheduler == "local"
        result = audit_on_dask(corpus, scheduler=None if local else args.dask_scheduler)
    else:
        result = audit(corpus, progress=_progress(sys.stderr))
    listing = err if any(path == STDOUT for _, path in outputs) else out
    if args.fix and report_fixes(apply_quote_fixes(result), listing):  # audit what is now written
        result = audit(load(args.root, seeds=args.seeds, claims=args.claims))
    _print_results(result, args, listing, err)
    texts: dict[str, str | Iterable[str]] = {}
    if args.json:
        texts["--json"] = report_text(result)  # streamed as it is written
    if args.html:
        texts["--html"] = render_html(result)
    if args.sarif:
        texts["--sarif"] = dump_json(sarif(result))
    if args.claimreview:
        settings = args.settings.values
        texts["--claimreview"] = dump_json(claimreview(
            result, author=args.review_author or settings.get("review_author"),
            author_url=settings.get("review_author_url"), url=settings.get("review_url")))
    for option, path in outputs:
        write_output(path, texts[option], stdout=out)
        if path != STDOUT:
            print(f"wrote {path}", file=listing)
    return EXIT_OK if result.ok else EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    debug = os.environ.get(DEBUG_ENV, "") not in ("", "0")
    out, err = Stream(sys.stdout, name="stdout"), Stream(sys.stderr, name="stderr")
    args = argparse.Namespace()
    try:
        parser = _parser()
        args = parser.parse_args(argv)
        debug = debug or getattr(args, "debug", False)
        if args.command is None:
            parser.print_help(out)
            return EXIT_UNUSABLE
        command: Command = getattr(args, "run", None) or {
            "audit": _cmd_audit, "explain": _cmd_explain, "coverage": _cmd_coverage}[args.command]
        if hasattr(args, "root"):
            paths = corpus_paths(args.root, seeds=args.seeds, claims=args.claims)
            args.root, args.seeds, args.claims = paths.root, paths.seeds, paths.claims
            args.settings = paths.settings
            if args.verbose:
                print(describe(paths.settings), file=err)
        with cyclic_gc_paused():
            status = command(args, out, err)
        out.flush()
        return status
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=err)
        return EXIT_INTERRUPTED
    except InputError as exc:
        found = from_problems(exc.problems, getattr(args, "root", None) or ".")
        if getattr(args, "output_format", "text") in ("github", "json"):
            print(github(found) if args.output_format == "github" else as_json(found), file=out,
                  end="")
        count = len(exc.problems)
        print(f"factcheck: the corpus cannot be used ({count} problem{'s' if count != 1 else ''}):",
              file=err)
        for diagnostic in found:
            print(f"  {diagnostic}", file=err)
        return EXIT_UNUSABLE
    except (FactcheckError, OutputFailed) as exc:
        print(f"factcheck: {exc}", file=err)
        return EXIT_UNUSABLE
    except Exception as exc:  # a bug: say so briefly, and how to see more
        if debug:
            traceback.print_exc(file=err)
        what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        if len(what) > 200:
            what = what[:200] + "..."
        print(f"factcheck: internal error ({what}). This is a bug in factcheck; please report it "
              "with the command you ran" + ("" if debug else
              f" and the traceback (run again with --debug or {DEBUG_ENV}=1 to see it)") + ".",
              file=err)
        return EXIT_INTERNAL
    finally:
        with contextlib.suppress(OutputFailed):
            err.flush()


if __name__ == "__main__":
    sys.exit(main())
