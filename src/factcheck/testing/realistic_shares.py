"""Realistic cases of shares and rates: one proportion said as "25%", "a quarter" or "one in
four", one rate said per 1,000 or per 100,000 residents."""

from __future__ import annotations

from .realistic_cases import PARTY_IDS
from .realistic_claims import SHORT, Writer, speaker_id

SHARES: dict[int, tuple[str, ...]] = {
    10: ("a tenth", "one in ten"), 20: ("a fifth", "one in five"),
    25: ("a quarter", "one in four"), 33: ("a third", "one in three"),
    50: ("half", "one in two"), 67: ("two thirds",), 75: ("three quarters",)}
"""Whole percentages and the words writers use for them."""
_WORD_POINTS = {"a tenth": 0.1, "one in ten": 0.1, "a fifth": 0.2, "one in five": 0.2,
                "a quarter": 0.25, "one in four": 0.25, "a third": 1 / 3, "one in three": 1 / 3,
                "half": 0.5, "one in two": 0.5, "two thirds": 2 / 3, "three quarters": 0.75}
SHARE_MEASURES = (("emergency calls answered on time", "calls", "emergency calls",
                   "were answered on time"),
                  ("crimes solved", "crimes", "recorded crimes", "were solved"),
                  ("officers who are women", "officers", "officers", "were women"))
RATE_MEASURES = (("crime rate", "crimes"), ("burglary rate", "burglaries"),
                 ("arrest rate", "arrests"))
BASES = (1000, 10000, 100000)


def shares(writer: Writer) -> None:
    """Two or three parties giving one share in per cent or in words; half the time two of
    them at least 30% apart ("a quarter" against "a third" is a clash to a reader)."""
    rng = writer.rng
    measure, unit, things, done = rng.choice(SHARE_MEASURES)
    subject, y = writer.subject("shares"), rng.randint(2017, 2023)
    parties = rng.sample(PARTY_IDS, rng.randint(2, 3))
    share = rng.choice(tuple(SHARES))
    values = [share] * len(parties)
    if rng.random() < 0.5:
        values[1] = rng.choice([s for s in SHARES if max(s, share) >= 1.3 * min(s, share)])
    statements = []
    for party, true in zip(parties, values, strict=True):
        form = rng.choice((f"{true}%", f"{true} per cent", *SHARES[true]))
        point = _WORD_POINTS.get(form, true / 100)
        quote = f"in {y}, {form} of {things} in {subject[1]} {done}"
        fields = {"kind": "quantity", "party": party, "subject": subject[0], "topic": "shares",
                  "period": str(y), "measure": writer.cased(measure), "value": form,
                  "unit": unit}
        index = writer.draft(fields, quote, f"The {SHORT[party]} said that {{q}}.")
        statements.append(writer.stat(index, party, measure, y, true, point))
    writer.case("shares", statements)


def rates(writer: Writer) -> None:
    """Two or three parties giving one rate on different bases (per 1,000, per 100,000...)."""
    rng = writer.rng
    measure, unit = rng.choice(RATE_MEASURES)
    subject, y = writer.subject("rates"), rng.randint(2017, 2023)
    parties = rng.sample(PARTY_IDS, rng.randint(2, 3))
    per_100k = rng.randint(1100, 9900)  # per 100,000 residents
    values = [per_100k] * len(parties)
    if rng.random() < 0.5:
        while max(values[1], per_100k) < 1.3 * min(values[1], per_100k):
            values[1] = rng.randint(1100, 9900)
    statements = []
    for party, true in zip(parties, values, strict=True):
        base = rng.choice(BASES)
        tenths = round(true * base / 100000 * 10)  # one decimal place on any base
        text = f"{tenths // 10:,}.{tenths % 10}" if base < 100000 else f"{true:,}"
        point = (tenths / 10 if base < 100000 else true) / base
        per = f"{base:,}"
        quote = f"in {y}, {subject[1]} recorded {text} {unit} per {per} residents"
        fields = {"kind": "rate", "party": party, "subject": subject[0], "topic": "rates",
                  "period": str(y), "measure": writer.cased(measure), "value": text,
                  "per": per, "unit": unit}
        speaker = rng.random() < 0.3
        if speaker:
            fields["speaker"] = speaker_id(party)
        who = (f"{writer.who(party, True)} said" if speaker
               else f"The {SHORT[party]} said")
        index = writer.draft(fields, quote, f"{who} that {{q}}.")
        statements.append(writer.stat(index, party, measure, y, true, point))
    writer.case("rates", statements)
