"""The authoring commands of the command line: `init`, `add-source`, `pin`, `suggest`, `rules`.

Each is a thin adapter over `factcheck.authoring`; `cli.py` adds them to its parser and runs
them with the same exit statuses and error handling as `audit`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .auditing import audit
from .authoring import add_source, catalogue, init_corpus, pin, suggest
from .authoring.catalogue import render
from .authoring.fix import Fix
from .authoring.suggest import dates_left_out, render_all
from .cli_streams import Out
from .corpus.loading import load

Command = Callable[[argparse.Namespace, Out, Out], int]
EXIT_OK, EXIT_FAILED = 0, 1


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser], *,
                 parents: list[argparse.ArgumentParser], epilog: str,
                 corpus_arguments: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the authoring subcommands to `commands`, each with its function as `run`."""
    def add(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=description, epilog=epilog,
                                   parents=parents, formatter_class=argparse.RawDescriptionHelpFormatter)

    init = add("init", "start a new corpus: one source, one claim and every file, commented",
               "Write a skeleton corpus into ROOT (default: .): a source text and its pinned entry, "
               "a claim that proves, and parties, topics, coverage, verdicts and lexicon files "
               "with comments explaining each field. Refuses a folder that already holds a corpus.")
    corpus_arguments(init)
    new = add("add-source", "copy a text into the sources folder and pin it by sha256",
              "Copy FILE byte for byte into the sources folder (or use it in place when it is "
              "there already), compute its sha256 and append its [[source]] entry to sources.toml.")
    new.add_argument("file", metavar="FILE", help="the source text (UTF-8)")
    corpus_arguments(new)
    new.add_argument("--id", help="the source's id (default: from the file name)")
    new.add_argument("--as", dest="name", metavar="NAME", help="its file name under the sources "
                     "folder (default: FILE's name)")
    new.add_argument("--title", help="its title (default: its first line)")
    new.add_argument("--publisher", required=True, help="who published it")
    new.add_argument("--published", required=True, metavar="DATE",
                     help="when: 2024, 2024-05 or 2024-05-06")
    new.add_argument("--kind", required=True, help="a source kind the corpus declares "
                     "(default list: news, press-release, inspection-report, statement)")
    new.add_argument("--url", help="where it was published")
    new.add_argument("--party", help="the party whose own words the whole text is (a press release)")
    repin = add("pin", "re-pin a changed source text, listing the quotes it no longer anchors",
                "Compare SOURCE's text with its pinned sha256 and list every quote that no longer "
                "anchors in it; with --yes, write the new sha256 into sources.toml. Exits 1 when "
                "the text changed and --yes was not given.")
    repin.add_argument("source", metavar="SOURCE", help="the source's id")
    corpus_arguments(repin)
    repin.add_argument("--yes", action="store_true", help="write the new sha256")
    hint = add("suggest", "print claim skeletons (TOML) for statements no claim covers",
               "Print, for each number and graded word of SOURCE that no claim's quote covers, a "
               "claim skeleton in TOML: the sentence's exact words as the quote, the kind and value "
               "read from the statement, and empty fields for what only a reader can fill in.")
    hint.add_argument("source", metavar="SOURCE", help="the source's id")
    corpus_arguments(hint)
    listing = add("rules", "list every rule with its severities and what it fires on",
        "List the built-in rules and those of installed rule packs: severities, what each "
        "fires on, and which claims it reads.")
    for parser, run in ((init, _init), (new, _add_source), (repin, _pin), (hint, _suggest),
                        (listing, _rules)):
        parser.set_defaults(run=run)


def report_fixes(fixes: list[Fix], out: Out) -> bool:
    """Print what `audit --fix` rewrote and what it could not; whether anything was rewritten."""
    for fix in fixes:
        if fix.applied:
            print(f"fixed {fix.location}: the quote is now the source's exact words {fix.new!r}",
                  file=out)
        else:
            print(f"not fixed {fix.location}: write the source's exact words {fix.new!r} by hand",
                  file=out)
    return any(fix.applied for fix in fixes)


def _init(args: argparse.Namespace, out: Out, err: Out) -> int:
    root = Path(args.root)
    written = init_corpus(root, seeds=args.seeds, claims=args.claims)
    for path in written:
        print(f"wrote {path}", file=out)
    print(f"next: factcheck audit {args.root}  (then add-source, suggest: see docs/tutorial.md)",
          file=out)
    return EXIT_OK


def _add_source(args: argparse.Namespace, out: Out, err: Out) -> int:
    added = add_source(Path(args.root), Path(args.file), seeds=args.seeds, claims=args.claims,
                       publisher=args.publisher, published=args.published, kind=args.kind,
                       title=args.title, url=args.url, party=args.party, id=args.id, name=args.name)
    action = "copied to" if added.copied else "kept at"
    print(f"{args.file} {action} {added.path}", file=out)
    print(f"added source {added.id!r} to {args.seeds}/sources.toml, sha256 {added.sha256}", file=out)
    print(f"next: factcheck suggest {added.id}", file=out)
    return EXIT_OK


def _pin(args: argparse.Namespace, out: Out, err: Out) -> int:
    result = pin(Path(args.root), args.source, seeds=args.seeds, claims=args.claims, write=args.yes)
    if not result.changed:
        print(f"{args.source}: the text matches its pinned sha256 {result.old}; nothing to do", file=out)
        return EXIT_OK
    print(f"{args.source}: pinned {result.old}", file=out)
    print(f"{' ' * len(args.source)}  now    {result.new}", file=out)
    if result.broken:
        print(f"{len(result.broken)} quote{'s' if len(result.broken) != 1 else ''} no longer anchor"
              f"{'s' if len(result.broken) == 1 else ''}:", file=out)
        for broken in result.broken:
            print(f"  {broken.location}: {broken.reason}", file=out)
            print(f"      quote: {broken.quote!r}", file=out)
    else:
        print("every quote of this source still anchors", file=out)
    if result.written:
        print(f"pinned the new sha256 in {args.seeds}/sources.toml", file=out)
        return EXIT_OK
    print(f"run again with --yes to pin it: factcheck pin {args.source} --yes", file=out)
    return EXIT_FAILED


def _suggest(args: argparse.Namespace, out: Out, err: Out) -> int:
    result = audit(load(args.root, seeds=args.seeds, claims=args.claims))
    found = suggest(result, args.source)
    for statement in dates_left_out(result, args.source):
        print(f"# line {statement.line}: {statement.text!r} is the day of a date: cover it with a "
              f"quote, or list line {statement.line} under [[ignore]] in {args.claims}/coverage.toml",
              file=out)
    if not found:
        print(f"# every statement of {args.source} is covered by a claim's quote (or ignored)", file=out)
        return EXIT_OK
    print(f"# {len(found)} claim skeleton{'s' if len(found) != 1 else ''} for statements of "
          f"{args.source} no claim covers: fill in the empty fields, check the rest, and paste "
          "into a claims file", file=out)
    print(render_all(found), file=out, end="")
    return EXIT_OK


def _rules(args: argparse.Namespace, out: Out, err: Out) -> int:
    print(render(catalogue()), file=out)
    return EXIT_OK
