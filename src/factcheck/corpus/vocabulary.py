"""A corpus's vocabularies: the things claims of a topic may be about, each with its aliases.

Keys are compared after `normalise_key` and `fold_plurals`; a vocabulary maps each alias of a
topic to its term's name, so "call handling" and "999 call answering" are one thing when the
corpus says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import did_you_mean
from ..text.keys import fold_plurals, normalise_key
from .records import Term

Vocabulary = Mapping[str, Mapping[str, str]]
"""Topic -> normalised name or alias -> normalised name of the term."""


def build_vocabulary(terms: Iterable[Term]) -> dict[str, dict[str, str]]:
    """Each topic's names and aliases, normalised, pointing at their term's normalised name."""
    vocabulary: dict[str, dict[str, str]] = {}
    for term in terms:
        name = fold_plurals(normalise_key(term.name))
        names = vocabulary.setdefault(term.topic, {})
        for alias in (term.name, *term.aliases):
            names[fold_plurals(normalise_key(alias))] = name
    return vocabulary


def canonical(vocabulary: Vocabulary, topic: str, thing: str) -> str:
    """The normalised name a claim's thing stands for in its topic's vocabulary."""
    key = fold_plurals(normalise_key(thing))
    return vocabulary.get(topic, {}).get(key, key)


def undeclared(vocabulary: Vocabulary, terms: Iterable[Term], topic: str, field: str,
               thing: str) -> str | None:
    """Why a thing is not in its topic's declared vocabulary, or None when it is (or the topic
    declares none for that field)."""
    relevant = [t for t in terms if t.topic == topic and t.field in (None, field)]
    if not relevant or fold_plurals(normalise_key(thing)) in vocabulary.get(topic, {}):
        return None
    known = sorted({alias for t in relevant for alias in (t.name, *t.aliases)})
    return (f"{thing!r} is not in the vocabulary of topic {topic!r}{did_you_mean(thing, known)}; "
            "declare it as a [[term]] (or an alias of one) in topics.toml")
