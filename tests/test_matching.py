"""Keys compared as people mean them: normalised, named through vocabularies, and near misses
reported (a lint warning, and `unmatched` findings where values would clash), never lost."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.corpus import Assessment, Term
from factcheck.corpus.vocabulary import build_vocabulary, undeclared
from factcheck.errors import InputError
from factcheck.rules import builtin_rules, key_lint, make_context, run_rules
from factcheck.text.keys import key_similarity, normalise_key

from .conftest import CLAIMS, Builder
from .factories import claim, corpus

ROOT = factcheck.load(".")
VOCABULARY = build_vocabulary(ROOT.terms)


@pytest.mark.parametrize(("a", "b"), [
    ("The force's plan.", "the forces plan"), ("call-handling", "call handling"),
    ("“Engage”  monitoring", '"engage" monitoring'), ("MISSED bins", "missed bins"),
])
def test_normalised_keys_are_equal(a: str, b: str) -> None:
    assert normalise_key(a) == normalise_key(b)


@pytest.mark.parametrize(("a", "b", "alike"), [
    ("missed bin collections", "missed bin collection", True),
    ("response times for emergencies", "emergencies response times for", True),
    ("officers", "arrests", False), ("custody", "call handling", False),
])
def test_key_similarity(a: str, b: str, alike: bool) -> None:
    assert (key_similarity(a, b) >= 85) is alike


@given(st.text(alphabet="abcdefgh '’-.,", min_size=1, max_size=30))
def test_normalising_is_idempotent_and_blind_to_case_and_punctuation(text: str) -> None:
    once = normalise_key(text)
    assert normalise_key(once) == once
    assert normalise_key(text.upper().replace("'", "’") + ".") == once


def _quantities(measure_b: str, *, terms: tuple[Term, ...] = ()) -> tuple[str, ...]:
    found = run_rules(attrs.evolve(corpus([
        claim("quantity", "council", party="pcc", measure="missed bin collections", value="1,240"),
        claim("quantity", "residents", party="press", measure=measure_b, value="3,100"),
    ]), terms=terms), builtin_rules())
    return tuple(sorted((f.rule, f.severity) for f in found))


def test_a_plural_never_hides_a_clash() -> None:
    assert _quantities("Missed bin collection") == (("value-conflict", "contradiction"),)


def test_another_word_order_that_hides_a_clash_is_unmatched() -> None:
    assert _quantities("bin collections missed") == (("unmatched", "unmatched"),)


def test_case_and_punctuation_never_hide_a_clash() -> None:
    assert _quantities("Missed bin-collections.") == (("value-conflict", "contradiction"),)


def test_an_alias_in_the_vocabulary_makes_them_one_thing() -> None:
    term = Term(topic="topic", name="missed bin collections", aliases=("bins not collected",))
    assert _quantities("bins not collected", terms=(term,)) == (
        ("value-conflict", "contradiction"),)


def test_different_things_are_neither_compared_nor_unmatched() -> None:
    assert _quantities("missed recycling pickups") == ()


def test_the_lint_names_the_rare_key_and_the_likely_one() -> None:
    made = corpus([claim("quantity", "a", party="pcc", measure="missed bin collections"),
                   claim("quantity", "b", party="force", measure="missed bin collections"),
                   claim("quantity", "c", party="press", measure="missed bin colections")])
    [problem] = key_lint(make_context(made))
    assert problem.level == "warning" and problem.location.claim == "c"
    assert "'missed bin collections' of claim a" in problem.message


def test_an_undeclared_key_in_a_topic_with_a_vocabulary_is_an_error(make_corpus: Builder) -> None:
    topics = ('[[topic]]\nid = "officer-numbers"\ndescription = "Officers."\n\n'
              '[[topic]]\nid = "grades"\ndescription = "Grades."\n\n'
              '[[term]]\ntopic = "officer-numbers"\nname = "officers lost"\n'
              'aliases = ["officers cut"]\n')
    root = make_corpus(topics=topics, claims=CLAIMS.replace('measure = "officers lost"',
                                                            'measure = "officers lots"'))
    with pytest.raises(InputError) as caught:
        factcheck.load(root)
    [problem] = caught.value.problems
    assert problem.location.field == "measure" and problem.location.claim == "doe-officers-cut"
    assert "did you mean 'officers lost'" in problem.message


def _findings(claims: tuple[object, ...]) -> set[tuple[str, tuple[str, ...]]]:
    made = attrs.evolve(ROOT, claims=claims)
    return {(f.rule, f.claims) for f in run_rules(made, builtin_rules())}


BEFORE = _findings(ROOT.claims)


def _perturbed(change: object) -> tuple[object, ...]:
    out = []
    for c in ROOT.claims:
        field = ROOT.kinds.of(c).key_fields[0]
        out.append(attrs.evolve(c, **{field: change(getattr(c, field))}))  # type: ignore[operator]
    return tuple(out)


def test_the_bundled_findings_survive_case_and_punctuation_changes_of_every_key() -> None:
    assert _findings(_perturbed(lambda s: s.upper().replace("'", "’") + ".")) == BEFORE


def test_a_plural_change_of_one_side_turns_a_clash_unmatched_never_lost() -> None:
    clashes = [(r, c) for r, c in BEFORE if r in ("value-conflict", "assessment-conflict",
                                                   "rating-status-conflict")]
    assert clashes
    for rule, claims in clashes:
        target = next(c for c in ROOT.claims if c.id == claims[-1])
        field = ROOT.kinds.of(target).key_fields[0]
        changed = getattr(target, field) + "s"
        if undeclared(VOCABULARY, ROOT.terms, target.topic, field, changed) is not None:
            continue  # the topic's vocabulary refuses the changed name when the corpus loads
        moved = tuple(attrs.evolve(c, **{field: changed}) if c is target else c
                      for c in ROOT.claims)
        after = _findings(moved)
        assert (rule, claims) in after or ("unmatched", claims) in after, (rule, claims)


def test_the_assessment_record_is_what_the_perturbation_changes() -> None:
    assert ROOT.kinds.kinds["assessment"].key_fields[0] == "proposition"
    assert any(isinstance(c, Assessment) for c in ROOT.claims)


def test_a_term_for_one_field_leaves_the_topics_other_fields_free(make_corpus: Builder) -> None:
    topics = ('[[topic]]\nid = "officer-numbers"\ndescription = "Officers."\n\n'
              '[[topic]]\nid = "grades"\ndescription = "Grades."\n\n'
              '[[term]]\ntopic = "officer-numbers"\nfield = "proposition"\nname = "x"\n')
    assert len(factcheck.load(make_corpus(topics=topics)).claims) == 2


def test_an_alias_for_one_side_of_each_clash_keeps_the_clash() -> None:
    clashes = [(r, c) for r, c in BEFORE if r in ("value-conflict", "assessment-conflict",
                                                   "rating-status-conflict")]
    for rule, claims in clashes:
        target = next(c for c in ROOT.claims if c.id == claims[-1])
        field = ROOT.kinds.of(target).key_fields[0]
        if undeclared(VOCABULARY, ROOT.terms, target.topic, field, "x") is not None:
            continue  # a declared vocabulary: its aliases are tested on their own
        alias = f"another name for {getattr(target, field)}"
        moved = tuple(attrs.evolve(c, **{field: alias}) if c is target else c for c in ROOT.claims)
        term = Term(topic=target.topic, name=getattr(target, field), aliases=(alias,), field=field)
        made = attrs.evolve(ROOT, claims=moved, terms=(*ROOT.terms, term))
        assert (rule, claims) in {(f.rule, f.claims) for f in run_rules(made, builtin_rules())}


def test_the_bundled_disputes_survive_case_and_punctuation_changes_of_every_key() -> None:
    from factcheck.rules.disputes import group_disputes

    def disputes(claims: tuple[object, ...]) -> set[tuple[str, ...]]:
        made = attrs.evolve(ROOT, claims=claims)
        return {d.claims for d in group_disputes(run_rules(made, builtin_rules()),
                                                 make_context(made))}

    assert disputes(_perturbed(lambda s: s.upper() + ".")) == disputes(ROOT.claims)


def test_plurals_are_one_thing_and_word_order_is_not() -> None:
    from factcheck.text.keys import fold_plurals, normalise_key

    assert fold_plurals("arrests for burglaries") == fold_plurals("arrest for burglary") == (
        "arrest for burglary")
    assert fold_plurals("causes of concern") == "cause of concern"
    assert fold_plurals("crime analysis") == "crime analysis"  # "-is" is not a plural
    assert fold_plurals(normalise_key("Offences per officer")) != fold_plurals(
        normalise_key("officers per offence"))
    clash = run_rules(corpus([claim("quantity", "a", measure="arrests for burglaries",
                                    value="6,574", unit="arrests"),
                              claim("quantity", "b", party="force", measure="Arrest for burglary",
                                    value="2,154", unit="arrests")]), builtin_rules())
    assert {(f.rule, f.claims) for f in clash} == {("value-conflict", ("a", "b"))}
    apart = run_rules(corpus([claim("quantity", "a", measure="offences per officer",
                                    value="6,574", unit="offences"),
                              claim("quantity", "b", party="force",
                                    measure="officers per offence", value="2,154",
                                    unit="offences")]), builtin_rules())
    assert {f.rule for f in apart} == {"unmatched"}


@given(st.lists(st.text(alphabet="abeiostuy", min_size=1, max_size=8), min_size=1, max_size=4))
def test_folding_plurals_twice_changes_nothing(words: list[str]) -> None:
    from factcheck.text.keys import fold_plurals

    once = fold_plurals(" ".join(words))
    assert fold_plurals(once) == once
