"""A finding explained for a reader: its claims, their quotes and the source lines around them."""

from __future__ import annotations

from ..auditing import Audit
from ..errors import AnchorError
from ..rules.disputes import Dispute
from ..rules.findings import Finding
from ..text.anchoring import resolve
from ..text.lines import index_of, line_text


def explain(result: Audit, finding: Finding) -> str:
    """Plain text showing a finding, its verdict, and each claim with its quoted source lines."""
    corpus = result.corpus
    verdict = result.verdict_on(finding)
    lines = [f"{finding.id}  {finding.severity}  ({finding.rule})",
             f"parties: {', '.join(finding.parties)}",
             f"about: {finding.subject} / {finding.topic}",
             "",
             finding.message,
             ""]
    if finding.unproven:
        lines += ["unproven: a claim of this finding fails its own checks: "
                  + "; ".join(finding.unproven), ""]
    for value in finding.values:
        if value.lo is not None:
            lines.append(f"  {value.claim}: {value.stated!r} = [{value.lo:g}, {value.hi:g}]")
    if verdict is not None:
        lines += [f"verdict: {verdict.verdict} - {verdict.note}", ""]
    else:
        lines += ["verdict: none yet", ""]
    for claim_id in finding.claims:
        claim = next((c for c in corpus.claims if c.id == claim_id), None)
        if claim is None:
            continue
        origin = corpus.origins.get(claim_id)
        where = f"{origin.file}:{origin.line}" if origin else "?"
        lines.append(f"claim {claim_id} ({claim.kind}, {claim.party}, about {claim.period}) "
                     f"at {where}")
        for evidence in claim.evidence:
            text = corpus.texts[evidence.source]
            try:
                anchor = resolve(text, evidence.quote, prefix=evidence.prefix,
                                 suffix=evidence.suffix)
            except AnchorError as exc:
                lines.append(f"  {evidence.source}: quote does not anchor: {exc.message}")
                continue
            path = corpus.sources[evidence.source].path
            starts = index_of(text)
            for number in range(anchor.line, anchor.end_line + 1):
                lines.append(f"  {path}:{number}: {line_text(text, starts, number)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def explain_dispute(result: Audit, dispute: Dispute) -> str:
    """A dispute for a reader: what is disputed, by whom, its verdict, then each of its findings."""
    verdict = result.verdicts.get(dispute.id)
    lines = [f"{dispute.id}  {dispute.severity}  dispute about {dispute.about!r}",
             f"parties: {', '.join(dispute.parties)}",
             f"about: {dispute.subject} / {dispute.topic}",
             f"claims: {', '.join(dispute.claims)}",
             f"verdict: {verdict.verdict} - {verdict.note}" if verdict else "verdict: none yet",
             ""]
    by_id = {f.id: f for f in result.findings}
    parts = ["\n".join(lines)] + [explain(result, by_id[f]) for f in dispute.findings if f in by_id]
    return "\n".join(parts)
