"""`factcheck init`: a skeleton corpus that audits clean, every file commented field by field.

The example is a borough council's press release about its libraries: one source, one party,
one topic and one claim that proves, so a new user edits working files rather than writing
them from the documentation.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..corpus.records import SOURCE_KINDS
from ..errors import UsageError
from ..reports.files import write_atomic

SOURCE_NAME = "riverton-2025-libraries.txt"
SOURCE_TEXT = """\
Riverton libraries lend more books

Riverton Borough Council, 3 March 2025

The council's libraries lent 48,200 books in 2024.
"""

SOURCES = """\
# The source texts claims are drawn from. Each text sits in this folder, never edited: its
# sha256 pins the exact bytes, so a changed text is caught (`factcheck pin ID` re-pins it
# after listing the quotes that no longer anchor). `factcheck add-source FILE` adds one.

[vocabulary]
# The kinds of source this corpus uses (optional; these are the defaults, add your own).
source_kinds = {source_kinds}

[[source]]
id = "riverton-2025-libraries"        # lower-case letters, digits, '.', '_', '-'; claims cite it
path = "{path}"   # the text's file, relative to this folder
title = "Riverton libraries lend more books"
publisher = "Riverton Borough Council"
published = "2025-03-03"              # a date: '2025', '2025-03' or '2025-03-03'
kind = "press-release"                # one of source_kinds above
party = "riverton-council"            # optional: the party whose own words the whole text is
# url = "https://example.org/news/libraries"   # optional: where the text was published
# author = "A. Writer"                         # optional: the person who wrote it
sha256 = "{sha256}"
"""

PARTIES = """\
# Who makes claims: organisations (parties) and the people who speak for them (speakers).

[vocabulary]
# The roles parties play in this corpus (optional; these are the defaults, add your own).
# A party with the role "watchdog" is the one whose findings the rules hold others to.
roles = {roles}

[[party]]
id = "riverton-council"               # claims name their party by this id
name = "Riverton Borough Council"
role = "council"                      # one of roles above
aliases = ["the council"]             # other names texts use for the party

# [[speaker]]
# id = "ana-lindqvist"                # claims name their speaker by this id (optional)
# party = "riverton-council"          # the party the speaker speaks for
# name = "Ana Lindqvist"
# title = "Councillor"                # optional
# aliases = ["Cllr Lindqvist"]        # other names texts use for the person
"""

TOPICS = """\
# What claims are about. A claim's topic must be declared here.

[[topic]]
id = "library-loans"
description = "How many books the libraries lend."

# A grading scale, best grade first, for `rating` claims:
# [[scale]]
# id = "inspection"
# grades = ["outstanding", "good", "requires improvement", "inadequate"]

# The things a topic's claims are about, with the other names writers use; once a topic has
# terms, a claim of that topic must use one of them:
# [[term]]
# topic = "library-loans"
# name = "books lent"
# aliases = ["loans", "books borrowed"]

# Propositions of which at most one holds at a time:
# [[exclusive]]
# propositions = ["the council closed the library", "the library closed itself"]
"""

CLAIMS = """\
# Claims: each is a typed record tied to the exact words of its source that carry it.
# `factcheck suggest SOURCE` prints skeletons like this one for statements no claim covers.

[[claim]]
id = "council-2024-loans"             # unique across the corpus
kind = "quantity"                     # quantity, rate, change, rating, status, assessment,
                                      # ranking, stance or cause: each has its own fields
party = "riverton-council"            # whose claim it is (parties.toml)
# speaker = "ana-lindqvist"           # optional: who said it (parties.toml [[speaker]])
subject = "riverton-libraries"        # what the claim is about
topic = "library-loans"               # topics.toml
period = "2024"                       # the time it is about: '2024', '2024-03', '2023/2024',
                                      # a financial or academic year '2024-25'
measure = "books lent"                # a quantity's fields: what is counted,
value = "48,200"                      # the number as the source states it,
unit = "books"                        # and its unit

[[claim.evidence]]
source = "riverton-2025-libraries"    # sources.toml
quote = "The council's libraries lent 48,200 books in 2024."   # the source's exact words
"""

VERDICTS = """\
# A reviewer's verdict on each contradiction, tension or unmatched finding the audit reports
# (or on a whole dispute). The audit fails until every one has a verdict.
#
# [[verdict]]
# dispute = "D-0123456789ab"          # or finding = "F-..." (see `factcheck explain ID`)
# verdict = "upheld"                  # upheld, dismissed or explained
# note = "Why: the reviewer's reasons, in a sentence or two."
# reviewer = "A. Reviewer"            # optional
"""

COVERAGE = """\
# Coverage: every number and graded word of a source is a statement a claim's quote may
# cover (`factcheck coverage`); it fails under the threshold.
threshold = 95                        # per cent of statements covered
# graded_words = ["excellent"]        # words counted besides the grades of every scale

# Lines that hold no statement worth a claim, each with its reason:
[[ignore]]
source = "riverton-2025-libraries"
lines = [3]                           # a line number, a range like "3-5", or a list of them
reason = "the dateline"
"""

LEXICON = """\
# Terms added to the lexicons that read judgements (assessments, stances, causes, states).
# negative = ["would benefit from"]   # lists: negative, disputes, accepts, causal, reporting
# [states]
# open = ["remaining"]                # tables: states, grades, positions
"""


ROLES = ("watchdog", "council", "government", "residents-group", "press", "other")
"""The roles the skeleton declares: a council's world rather than the default police one."""


def skeleton_files(*, roles: tuple[str, ...] = ROLES,
                   source_kinds: tuple[str, ...] = SOURCE_KINDS) -> dict[str, str]:
    """The files of a new corpus, by path relative to its root."""
    def listed(names: tuple[str, ...]) -> str:
        return "[" + ", ".join(f'"{name}"' for name in names) + "]"

    digest = hashlib.sha256(SOURCE_TEXT.encode()).hexdigest()
    return {
        f"seeds/{SOURCE_NAME}": SOURCE_TEXT,
        "seeds/sources.toml": SOURCES.format(path=SOURCE_NAME, sha256=digest,
                                             source_kinds=listed(source_kinds)),
        "claims/parties.toml": PARTIES.format(roles=listed(roles)),
        "claims/topics.toml": TOPICS,
        "claims/libraries.toml": CLAIMS,
        "claims/verdicts.toml": VERDICTS,
        "claims/coverage.toml": COVERAGE,
        "claims/lexicon.toml": LEXICON,
    }


def init_corpus(root: Path, *, seeds: str = "seeds", claims: str = "claims") -> list[Path]:
    """Write a skeleton corpus under `root`, refusing one that already holds a corpus file.

    Returns the files written.
    """
    folders = {"seeds": seeds, "claims": claims}
    files = {f"{folders[name.split('/')[0]]}/{name.split('/', 1)[1]}": text
             for name, text in skeleton_files().items()}
    taken = [name for name in (seeds, claims) if (root / name).is_dir() and any(
        (root / name).iterdir())]
    taken += [name for name in files if (root / name).exists() and name.split("/")[0] not in taken]
    if taken:
        raise UsageError(f"{root} already holds a corpus ({', '.join(taken)} not empty); "
                         "factcheck init only starts a new one")
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    written = []
    for name, text in files.items():
        path = root / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot make the folder {path.parent}: {exc.strerror or exc}") from None
        write_atomic(path, text)
        written.append(path)
    return written
