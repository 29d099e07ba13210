"""How the realistic generator's writers put a claim: its fields, its quote and its paragraph.

Several templates a kind (a sayer before or after the quote, a quote of two sentences, direct
speech with its speaker), names typed in other case or punctuation, and sources that print a
quote with curled apostrophes, a soft hyphen or a line break.
"""

from __future__ import annotations

import random
from typing import Any

from .realistic_cases import PARTIES, Case, Draft, Statement, expectations, year
from .realistic_text import Stated, wrapped

SHORT = {p[0]: p[3] for p in PARTIES}
SPEAKER = {p[0]: p[4] for p in PARTIES}
_SYLLABLES = tuple(c + v for c in "bdfgklmprstvz" for v in "aeiou")


class Writer:
    """Drafts claims case by case from one random generator; all state is local to a `generate`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.drafts: list[Draft] = []
        self.cases: list[Case] = []
        self.statements: list[Statement] = []
        self.used: dict[str, int] = {}

    # --- things and words ------------------------------------------------------------------------

    def subject(self, topic: str) -> tuple[str, str]:
        """A place not yet used for `topic`: each subject holds one case a topic."""
        n = self.used.get(topic, 0)
        self.used[topic] = n + 1
        parts = []
        for _ in range(3):
            n, digit = divmod(n, len(_SYLLABLES))
            parts.append(_SYLLABLES[digit])
        word = "".join(reversed(parts)) + (_SYLLABLES[n % len(_SYLLABLES)] if n else "")
        return f"{word}-district", f"{word.capitalize()} District"

    def cased(self, text: str) -> str:
        """The same name as another writer types it: other case or punctuation."""
        return self.rng.choice((text, text, text.capitalize(), text.title(), text + ".",
                                text.replace(" ", "-", 1)))

    def who(self, party: str, speaker: bool) -> str:
        return (f"{SPEAKER[party]}, for the {SHORT[party]}," if speaker
                else f"the {SHORT[party]}")

    # --- one claim -----------------------------------------------------------------------------

    def draft(self, fields: dict[str, Any], quote: str, paragraph: str) -> int:
        """A claim with its quote printed in `paragraph` (with `{q}` where the quote stands)."""
        printed = paragraph.format(q=print_quote(quote, self.rng))
        self.drafts.append(Draft(fields=fields, quotes=[(quote, printed)],
                                 case=len(self.cases)))
        return len(self.drafts) - 1

    def count(self, party: str, subject: tuple[str, str], topic: str, measure: str, unit: str,
              stated: Stated, y: int, *, words: str | None = None, window: str | None = None,
              speaker: bool | None = None, form: int | None = None) -> int:
        """A quantity claim: `measure` is the field as its writer fills it, `words` how the
        quote names the thing."""
        rng = self.rng
        ident, name = subject
        words = words or measure.rstrip(".").lower().replace("-", " ")
        speaker = rng.random() < 0.3 if speaker is None else speaker
        fields: dict[str, Any] = {"kind": "quantity", "party": party, "subject": ident,
                                  "topic": topic, "period": str(y), "measure": measure,
                                  "value": stated.text, "unit": unit}
        if speaker:
            fields["speaker"] = speaker_id(party)
        if window is not None:
            fields["window"] = window
        during = {"month": f"In a typical month of {y}", "year": f"Over the whole of {y}"}.get(
            window or "", f"In {y}")
        form = rng.randrange(4) if form is None else form
        if form == 0:
            quote = f"{name} had {stated.text} {words}"
            paragraph = f"{during}, {self.who(party, speaker)} said {{q}}."
        elif form == 1:
            quote = f"{during}, {name} had {stated.text} {words}"
            paragraph = f"{{q}}, {self.who(party, speaker)} said."
        elif form == 2:
            quote = (f"Demand on {name} rose again that year. {during}, the district had "
                     f"{stated.text} {words}")
            who = self.who(party, speaker)
            paragraph = f"{who[0].upper()}{who[1:]} said: {{q}}. No more was given."
        else:
            opening = during if speaker else during[0].lower() + during[1:]
            quote = f"{opening}, {name}'s own figures showed {stated.text} {words}"
            paragraph = (f"\u201c{{q}},\u201d said {SPEAKER[party]}, for the {SHORT[party]}."
                         if speaker else f"According to the {SHORT[party]}, {{q}}.")
        index = self.draft(fields, quote, paragraph)
        if rng.random() < 0.1:  # the figure quoted again, in other words, in another source
            again = f"the {words} in {name} for {y} came to {stated.text}"
            self.drafts[index].quotes.append(
                (again, f"Asked again, {self.who(party, False)} said {print_quote(again, rng)}."))
        return index

    def judge(self, party: str, subject: tuple[str, str], topic: str, aspect: str, holds: bool,
              period: str, *, stated: str | None = None, resolution: str | None = None,
              well: bool = False) -> int:
        """An assessment claim: does `subject` manage `aspect` effectively (or, `well`, in the
        other words some writers use: handle it well)."""
        ident, name = subject
        if resolution == "resolved":
            cue = f"now manages {aspect} effectively"
            quote = f"{name} {cue}; the problem has been resolved"
        elif resolution == "in-progress":
            cue = f"on track to manage {aspect} effectively"
            quote = f"{name} is {cue}, and the work is under way"
        elif well:
            cue = f"handles {aspect} well" if holds else f"does not handle {aspect} well"
            quote = f"{name} {cue}"
        else:
            cue = f"manages {aspect} effectively" if holds else f"does not manage {aspect} effectively"
            quote = (f"{name} {cue}" if self.rng.random() < 0.5
                     else f"{name} {cue}. That was the picture throughout {period[:4]}")
        fields: dict[str, Any] = {
            "kind": "assessment", "party": party, "subject": ident, "topic": topic,
            "period": period, "proposition": self.cased(
                f"{name} handles {aspect} well" if well else f"{name} manages {aspect} effectively"),
            "holds": holds, "cue": cue}
        if stated is not None:
            fields["stated"] = stated
        if resolution is not None:
            fields["resolution"] = resolution
        verb = "found" if party == "inspectorate" else "said"
        return self.draft(fields, quote, f"The {SHORT[party]} {verb} that {{q}}.")

    # --- cases and what they state ------------------------------------------------------------

    def case(self, category: str, statements: list[Statement]) -> None:
        members = tuple(sorted({i for s in statements for i in s.slot}))
        expected = tuple(expectations(statements))
        self.cases.append(Case(category=category, members=members, expected=expected))

    def stat(self, index: int | tuple[int, ...], party: str, key: str, y: int, value: int | bool,
             point: float | None, **extra: Any) -> Statement:
        start, end = year(y)
        slot = index if isinstance(index, tuple) else (index,)
        return Statement(slot=slot, party=party, key=key, start=start, end=end, value=value,
                         point=point, **extra)


def print_quote(quote: str, rng: random.Random) -> str:
    """How a source prints a quote (curled apostrophes, a soft hyphen, a line break)."""
    return wrapped(quote, rng) if rng.random() < 0.4 else quote


def speaker_id(party: str) -> str:
    return SPEAKER[party].lower().replace(" ", "-")
