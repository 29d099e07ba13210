"""Evidence checks: each claim is proven against the words of its source."""

from __future__ import annotations

from factcheck import audit, load

from .conftest import CLAIMS, TEXT, Builder, sources_toml


def problems(root: object, claim_id: str) -> list[str]:
    result = audit(load(root))  # type: ignore[arg-type]
    [item] = [r for r in result.results if r.claim.id == claim_id]
    return [f"{p.level} {p.check} {p.location.field}: {p.message}" for p in item.problems]


def test_good_claims_pass(make_corpus: Builder) -> None:
    result = audit(load(make_corpus()))
    assert result.ok
    assert [r.anchors[0].line for r in result.results if r.anchors[0]] == [7, 3]


def test_quote_not_in_source(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace("We have lost 2,221 officers.",
                                             "We have lost all our officers in a storm.", 1))
    [message] = problems(root, "doe-officers-cut")
    assert message.startswith("error anchor evidence[0].quote: quote not found")
    assert "line 7" in message


def test_fuzzy_match_is_a_failure_with_its_score(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace("We have lost 2,221 officers.",
                                             "We have lots 2,221 officers.", 1))
    [message] = problems(root, "doe-officers-cut")
    assert "only approximately (score" in message
    assert "'We have lost 2,221 officers.'" in message


def test_normalised_match_passes(make_corpus: Builder) -> None:
    text = TEXT.replace('said: "We have', "said: “We have")
    root = make_corpus(text=text.encode(), sources=sources_toml(text.encode()),
                       claims=CLAIMS.replace('quote = "We have lost 2,221 officers."',
                                             'quote = "said: \\"We  have lost 2,221 officers."', 1))
    assert problems(root, "doe-officers-cut") == []


def test_ambiguous_quote_names_the_lines(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('quote = "rated the force \\"good\\" in five areas"',
                                             'quote = "force"', 1))
    [message] = problems(root, "watchdog-good-areas")
    assert "lines 1, 3, 5, 9" in message


def test_prefix_picks_one_of_several(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace(
        'quote = "rated the force \\"good\\" in five areas"',
        'quote = "the force \\"good\\" in five"\nprefix = "rated "', 1))
    assert problems(root, "watchdog-good-areas") == []


def test_value_not_in_quote_says_what_the_quote_states(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "2,221"', 'value = "2,212"', 1))
    [message] = problems(root, "doe-officers-cut")
    assert message.startswith("error value evidence[0].quote: value '2,212' [2211.5, 2212.5]")
    assert "which states '2,221' [2220.5, 2221.5]" in message


def test_number_words_support_numbers(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "five"', 'value = "5"', 1))
    assert problems(root, "watchdog-good-areas") == []


def test_value_that_is_no_number(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('value = "five"', 'value = "several"', 1))
    [message] = problems(root, "watchdog-good-areas")
    assert "value 'several' is not a number" in message


def test_rating_grade_must_be_in_quote(make_corpus: Builder) -> None:
    rating = """
[[claim]]
id = "grade"
kind = "rating"
party = "watchdog"
subject = "force"
topic = "grades"
period = "2021"
scale = "peel"
area = "five areas"
grade = "adequate"

[[claim.evidence]]
source = "report"
quote = "rated the force \\"good\\" in five areas"
"""
    root = make_corpus(extra={"grade.toml": rating})
    [message] = problems(root, "grade")
    assert "the quote does not state 'adequate'" in message
    fixed = make_corpus(extra={"grade.toml": rating.replace('"adequate"', '"good"')})
    assert problems(fixed, "grade") == []


def test_speaker_not_named_near_the_quote_is_a_warning(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('speaker = "john-doe"', "", 1).replace(
        'party = "watchdog"\nsubject', 'party = "watchdog"\nspeaker = "jane-roe"\nsubject', 1))
    [message] = problems(root, "watchdog-good-areas")
    assert message.startswith("warning speaker speaker: none of 'Jane Roe', 'Ms Roe'")
    assert audit(load(root)).ok


def test_speaker_named_in_the_quotes_own_paragraph(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace("We have lost 2,221 officers.",
                                             "The force is doing well.", 1).replace(
        'value = "2,221"', 'value = "1"', 1))
    messages = problems(root, "doe-officers-cut")
    assert not any("speaker" in m for m in messages)


def _speaker_warnings(make_corpus: Builder, text: str) -> list[str]:
    root = make_corpus(text=text.encode(), sources=sources_toml(text.encode()),
                       claims=CLAIMS.replace('"We have lost 2,221 officers."',
                                             '"we have lost 2,221 officers"', 1))
    return [m for m in problems(root, "doe-officers-cut") if "speaker" in m]


def test_speaker_named_two_paragraphs_before_the_quote(make_corpus: Builder) -> None:
    """`SPEAKER_WINDOW` is 2: a speaker named two paragraphs up is near; three is too far."""
    near = ("Cuts\n\nJohn Doe spoke after the meeting.\n\nHe was asked about the cuts.\n\n"
            "The Commissioner said we have lost 2,221 officers.\n")
    assert _speaker_warnings(make_corpus, near) == []
    far = near.replace("the cuts.\n\n", "the cuts.\n\nThere was a pause.\n\n")
    [warning] = _speaker_warnings(make_corpus, far)
    assert "none of 'John Doe', 'Mr Doe' appears in or just before" in warning


def test_speaker_named_before_a_speech_running_over_paragraphs(make_corpus: Builder) -> None:
    """Paragraphs that open with a quotation mark continue one speech: the look-back counts
    from its first paragraph."""
    text = ("Cuts\n\nJohn Doe spoke after the meeting.\n\nHe was asked about the cuts.\n\n"
            "\"It has been a hard decade,\" the Commissioner said.\n\n\"Budgets fell.\"\n\n"
            "\"The Commissioner said we have lost 2,221 officers.\"\n")
    assert _speaker_warnings(make_corpus, text) == []
    broken = text.replace("\"Budgets fell.\"", "Budgets fell.")
    assert len(_speaker_warnings(make_corpus, broken)) == 1


def test_stated_after_publication_is_an_error(make_corpus: Builder) -> None:
    root = make_corpus(claims=CLAIMS.replace('period = "2010/2021"',
                                             'period = "2010/2021"\nstated = "2022-01"', 1))
    [message] = problems(root, "doe-officers-cut")
    assert "stated 2022-01 is after source 'report' was published (2021-06-01)" in message


def test_period_in_the_future_needs_forecast(make_corpus: Builder) -> None:
    future = CLAIMS.replace('period = "2010/2021"', 'period = "2023"', 1)
    [message] = problems(make_corpus(claims=future), "doe-officers-cut")
    assert "set `forecast = true`" in message
    forecast = future.replace('period = "2023"', 'period = "2023"\nforecast = true', 1)
    assert problems(make_corpus(claims=forecast), "doe-officers-cut") == []
