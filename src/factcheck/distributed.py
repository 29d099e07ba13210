"""The audit on a Dask cluster: the same map over sources and reduce over keys as `audit`.

The map step (`check_sources`: anchoring, value checks and coverage) runs on shares of the
sources, the reduce step (`pair_findings`: the pair rules) on shares of the comparable keys;
the corpus and the rules' index are sent to every worker once. Loading, the rules over the
whole corpus (relations, targets) and putting the audit together stay on the caller's side,
so the audit, and every report of it, is the one `audit` gives, byte for byte.

It needs the optional extra ``factcheck[dask]`` (``dask[distributed]``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from .auditing import Audit, assemble
from .corpus import Corpus
from .errors import FactcheckError
from .map_step import SourcesPart, check_sources, gather_parts, quoting, source_order
from .rules import Context, Finding, Rule, builtin_rules, check_rules, make_context, rule_packs
from .rules.engine import Key, corpus_findings, merge_findings, pair_findings

T = TypeVar("T")

SOURCES_PER_TASK = 200
"""Sources a map task checks: enough work to outweigh sending a task, few enough to spread."""
KEYS_PER_TASK = 20_000
"""Comparable keys a reduce task runs the pair rules over."""


def audit_on_dask(corpus: Corpus, client: Any = None, *, scheduler: str | None = None,
                  rules: Iterable[Rule] | None = None, sources_per_task: int = SOURCES_PER_TASK,
                  keys_per_task: int = KEYS_PER_TASK) -> Audit:
    """Audit `corpus` on Dask: on `client` (a `dask.distributed.Client`), else on the cluster
    whose scheduler is at `scheduler` ("tcp://host:8786"), else on a local cluster for the run.
    """
    distributed = _distributed()
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(distributed.Client(scheduler) if scheduler is not None
                                         else distributed.Client(processes=False))
        chosen = tuple(rules) if rules is not None else builtin_rules() + rule_packs(corpus.kinds)
        check_rules(chosen, corpus.kinds)
        quotes = quoting(corpus)
        shares = _shares(source_order(corpus, quotes), sources_per_task)
        on_workers = client.scatter(corpus, broadcast=True)
        parts = client.map(_map_sources, shares, [{s: quotes.get(s, []) for s in share}
                                                  for share in shares],
                           corpus=on_workers, pure=False)
        context = make_context(corpus)
        shared = client.scatter(context, broadcast=True)
        keyed = client.map(_reduce_keys, _shares(list(context.by_key), keys_per_task),
                           context=shared, rules=chosen, pure=False)
        findings = merge_findings([*client.gather(keyed), corpus_findings(context, chosen)])
        done: list[SourcesPart] = client.gather(parts)
        return assemble(corpus, gather_parts(corpus, done), findings, context)


def _map_sources(sources: Sequence[str], quotes: dict[str, list[tuple[int, int]]], *,
                 corpus: Corpus) -> SourcesPart:
    return check_sources(corpus, sources, quotes)


def _reduce_keys(keys: Sequence[Key], *, context: Context, rules: Sequence[Rule]) -> list[Finding]:
    return pair_findings(context, rules, keys)


def _shares(items: Sequence[T], size: int) -> list[Sequence[T]]:
    if size < 1:
        raise FactcheckError(f"a task's share must be at least 1, not {size}")
    return [items[i:i + size] for i in range(0, len(items), size)]


def _distributed() -> Any:
    try:
        import dask.distributed  # an optional extra, imported when asked for
    except ImportError:
        raise FactcheckError("auditing on Dask needs the optional extra: "
                             "pip install 'factcheck[dask]'") from None
    return dask.distributed
