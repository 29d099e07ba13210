"""Evidence-check tests written to kill mutants that survived `scripts/mutation.py`.

Each case is a small corpus whose text is laid out by hand, so which paragraph names whom, and
so which problems the audit must report, can be read off the text.
"""

from __future__ import annotations

import pytest

from factcheck import audit, load

from .conftest import PARTIES, TOPICS, Builder, sources_toml

FILLER = "Nothing to do with it."


def claim_toml(quote: str, *, value: str = "40", speaker: str | None = None,
               party: str = "commissioner", extra: str = "") -> str:
    speaker_line = f'speaker = "{speaker}"\n' if speaker else ""
    return f'''
[[claim]]
id = "c"
kind = "quantity"
party = "{party}"
{speaker_line}subject = "force"
topic = "officer-numbers"
period = "2021"
measure = "detectives"
value = "{value}"
unit = "detectives"
{extra}
[[claim.evidence]]
source = "report"
quote = "{quote}"
'''


def problems(make_corpus: Builder, text: str, claims: str, *,
             sources: str | None = None) -> list[str]:
    data = text.encode()
    root = make_corpus(text=data, sources=sources or sources_toml(data), parties=PARTIES,
                       topics=TOPICS, claims=claims)
    [item] = audit(load(root)).results
    return [f"{p.level} {p.check} {p.location.field}: {p.message}" for p in item.problems]


def checks(found: list[str]) -> list[str]:
    return [" ".join(p.split()[:2]) for p in found]


def paragraphs(*texts: str) -> str:
    return "\n\n".join(texts) + "\n"


# the value must be in the quote, not elsewhere in the source ------------------------------

def test_a_value_stated_elsewhere_in_the_source_is_not_in_the_quote(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.",
                      "The Commissioner said the force has few detectives.")
    found = problems(make_corpus, text, claim_toml("the force has few detectives"))
    assert found == ["error value evidence[0].quote: value '40' [40, 40] is not stated in the "
                     "quote, which states no number (quote at report line 3)"]


def test_a_value_at_the_very_edges_of_its_quote_is_in_it(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said: 40 detectives, and then 40.")
    assert problems(make_corpus, text, claim_toml("40 detectives, and then 40")) == []
    [ambiguous] = problems(make_corpus, text, claim_toml("40"))
    assert ambiguous.startswith("error anchor evidence[0].quote: quote occurs 2 times")


def test_the_second_quote_is_blamed_by_its_own_index(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.",
                      "The Commissioner said it has 41 detectives.")
    claims = claim_toml("the force has 40 detectives") + '''
[[claim.evidence]]
source = "report"
quote = "it has 41 detectives"
'''
    assert problems(make_corpus, text, claims) == [
        "error value evidence[1].quote: value '40' [40, 40] is not stated in the quote, which "
        "states '41' [41, 41] (quote at report line 3)"]


# the speaker: named in the quote's paragraph or the two before it -------------------------

def test_a_speaker_two_paragraphs_back_is_near_three_is_not(make_corpus: Builder) -> None:
    quote = "The Commissioner said the force has 40 detectives."
    claims = claim_toml("has 40 detectives", speaker="john-doe")
    assert problems(make_corpus, paragraphs("John Doe spoke.", FILLER, quote), claims) == []
    far = paragraphs("John Doe spoke.", FILLER, FILLER, quote)
    assert checks(problems(make_corpus, far, claims)) == ["warning speaker"]
    first = paragraphs("John Doe spoke.", FILLER, quote)  # the first paragraph of the text
    assert problems(make_corpus, "Title\n\n" + first, claims) == []


def test_a_speech_running_over_paragraphs_reaches_back_to_its_speaker(
        make_corpus: Builder) -> None:
    claims = claim_toml("The force has 40 detectives", speaker="john-doe")
    speech = ["\u201cWe have worked hard.", "\u201cWe recruited.",
              "\u201cThe force has 40 detectives,\u201d the Commissioner said."]
    text = paragraphs("John Doe spoke.", FILLER, FILLER, *speech)
    assert problems(make_corpus, text, claims) == []
    text = paragraphs("John Doe spoke.", FILLER, FILLER, FILLER, *speech)
    assert checks(problems(make_corpus, text, claims)) == ["warning speaker"]
    plain = [s.lstrip("\u201c") for s in speech]  # no quotation marks: no running speech
    text = paragraphs("John Doe spoke.", FILLER, FILLER, *plain)
    assert checks(problems(make_corpus, text, claims)) == ["warning speaker"]


def test_a_source_written_by_the_speaker_needs_no_name(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.")
    claims = claim_toml("has 40 detectives", speaker="john-doe")
    assert checks(problems(make_corpus, text, claims)) == ["warning speaker"]
    data = text.encode()
    authored = sources_toml(data).replace('kind = "news"', 'kind = "news"\nauthor = "Mr Doe"')
    assert problems(make_corpus, text, claims, sources=authored) == []


def test_a_speaker_warning_names_every_name_and_the_first_quote(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.")
    assert problems(make_corpus, text, claim_toml("has 40 detectives", speaker="john-doe")) == [
        "warning speaker speaker: none of 'John Doe', 'Mr Doe' appears in or just before the "
        "quote's paragraph at report line 1"]


# the party: shown saying it, by name, through a list or a pronoun -------------------------

def test_the_party_must_be_shown_saying_it(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner arrived.", "The force has 40 detectives.")
    assert problems(make_corpus, text, claim_toml("has 40 detectives")) == [
        "error party party: the text near the quote at report line 3 does not show The "
        "Commissioner's office (commissioner) saying it: name it next to a reporting verb in "
        "the quote, set the source's `party` if the source is its own words, or check who is "
        "speaking"]


def test_a_list_after_a_colon_is_said_by_who_introduced_it(make_corpus: Builder) -> None:
    text = paragraphs(FILLER, "The Commissioner said the force now has:",
                      "- 12 new cars", "- 40 detectives")
    assert problems(make_corpus, text, claim_toml("40 detectives")) == []
    unlisted = paragraphs(FILLER, "The Commissioner said the force now has:",
                          "12 new cars.", "There are 40 detectives.")
    assert checks(problems(make_corpus, unlisted, claim_toml("40 detectives"))) == [
        "error party"]


def test_a_pronoun_reaches_back_two_paragraphs_for_its_name(make_corpus: Builder) -> None:
    said = "The force has 40 detectives, he said."
    near = paragraphs("The Commissioner said it was a good year.", FILLER, said)
    assert problems(make_corpus, near, claim_toml("has 40 detectives")) == []
    far = paragraphs("The Commissioner said it was a good year.", FILLER, FILLER, said)
    assert checks(problems(make_corpus, far, claim_toml("has 40 detectives"))) == ["error party"]
    unsaid = paragraphs("The Commissioner said it was a good year.", FILLER,
                        "The force has 40 detectives.")
    assert checks(problems(make_corpus, unsaid, claim_toml("has 40 detectives"))) == [
        "error party"]


def test_the_party_may_be_shown_by_any_of_its_quotes(make_corpus: Builder) -> None:
    text = paragraphs("The force has 40 detectives.", FILLER, FILLER,
                      "The Commissioner said: we have 40 detectives.")
    claims = claim_toml("The force has 40 detectives") + '''
[[claim.evidence]]
source = "report"
quote = "we have 40 detectives"
'''
    assert problems(make_corpus, text, claims) == []


# dates ------------------------------------------------------------------------------------

def test_stated_on_the_day_of_publication_is_fine(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.")
    on_the_day = claim_toml("has 40 detectives", extra='stated = "2021-06-01"')
    assert problems(make_corpus, text, on_the_day) == []
    after = claim_toml("has 40 detectives", extra='stated = "2021-06-02"')
    assert problems(make_corpus, text, after) == [
        "error dates stated: stated 2021-06-02 is after source 'report' was published "
        "(2021-06-01)"]


def test_a_period_up_to_the_day_stated_needs_no_forecast(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.")
    same_day = claim_toml("has 40 detectives", extra='stated = "2021-05-01"').replace(
        'period = "2021"', 'period = "2021-05-01"')
    assert problems(make_corpus, text, same_day) == []
    next_day = same_day.replace('period = "2021-05-01"', 'period = "2021-05-02"')
    assert checks(problems(make_corpus, text, next_day)) == ["error dates"]
    target = next_day.replace('measure = "detectives"',
                              'measure = "detectives"\ndeadline = "2021-12"')
    assert "dates" not in " ".join(checks(problems(make_corpus, text, target)))


# where each problem is, and what is checked when a quote does not anchor ------------------

def located(make_corpus: Builder, text: str, claims: str) -> list[tuple[object, ...]]:
    data = text.encode()
    root = make_corpus(text=data, sources=sources_toml(data), parties=PARTIES, topics=TOPICS,
                       claims=claims)
    [item] = audit(load(root)).results
    return [(p.check, p.location.file, p.location.line, p.location.claim, p.location.field)
            for p in item.problems]


def test_each_problem_names_the_claims_file_line_and_field(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 41 detectives.")
    # claim_toml's text opens with a blank line: `[[claim]]` is line 2 of claims/main.toml
    claims = claim_toml("has 41 detectives", extra='stated = "2021-07-01"')
    assert located(make_corpus, text, claims) == [
        ("value", "claims/main.toml", 2, "c", "evidence[0].quote"),
        ("dates", "claims/main.toml", 2, "c", "stated")]


def test_claims_built_in_memory_have_problems_without_a_file() -> None:
    from factcheck.checks.evidence import check_claim
    from tests.factories import claim, corpus

    result = check_claim(claim("quantity", "m", value="7", quote="a quote"),
                         corpus([claim("quantity", "m", value="7", quote="a quote")]))
    assert [(p.check, p.location.file, p.location.line, p.location.claim, p.location.field)
            for p in result.problems] == [("value", None, None, "m", "evidence[0].quote"),
                                          ("party", None, None, "m", "party")]
    assert result.anchors[0] is not None and result.anchors[0].start == 0


def test_a_quote_that_does_not_anchor_leaves_the_next_checked(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 41 detectives.")
    claims = claim_toml("words that are not there at all") + '''
[[claim.evidence]]
source = "report"
quote = "has 41 detectives"
'''
    assert [c[0] + " " + str(c[4]) for c in located(make_corpus, text, claims)] == [
        "anchor evidence[0].quote", "value evidence[1].quote"]


def test_no_value_check_without_an_anchored_quote(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.")
    claims = claim_toml("words that are not there at all", value="several")
    assert [c[0] for c in located(make_corpus, text, claims)] == ["anchor"]


@pytest.mark.parametrize("quote", ["there were 220 crimes", "220 crimes", "there were 220"])
def test_a_number_keeps_the_unit_its_sentence_gives_it(make_corpus: Builder, quote: str) -> None:
    # '220 crimes a day' is read in the whole text: a quote that stops before 'a day' still
    # states 220 a day, wherever in the quote the number stands.
    text = paragraphs("The Commissioner said there were 220 crimes a day.")
    assert problems(make_corpus, text, claim_toml(quote, value="220 a day")) == []


# prefix and suffix reach the anchoring; which paragraphs a sayer may stand in -------------

def test_a_prefix_or_suffix_picks_among_repeated_quotes(make_corpus: Builder) -> None:
    text = paragraphs("In 2020 the Commissioner said the force has 40 detectives.",
                      "In 2021 the Commissioner said the force has 40 detectives, he said.")
    base = claim_toml("the Commissioner said the force has 40 detectives")

    def lines(claims: str) -> list[int | None]:
        data = text.encode()
        root = make_corpus(text=data, sources=sources_toml(data), parties=PARTIES,
                           topics=TOPICS, claims=claims)
        [item] = audit(load(root)).results
        return [a.line if a else None for a in item.anchors]

    assert lines(base) == [None]
    assert lines(base.replace('quote = "the', 'prefix = "In 2021"\nquote = "the')) == [3]
    assert lines(base.replace('quote = "the', 'suffix = ", he said"\nquote = "the')) == [3]
    assert lines(base.replace('quote = "the', 'suffix = "."\nquote = "the')) == [1]


def test_an_author_other_than_the_speaker_does_not_name_them(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.")
    data = text.encode()
    authored = sources_toml(data).replace('kind = "news"', 'kind = "news"\nauthor = "A Reporter"')
    claims = claim_toml("has 40 detectives", speaker="john-doe")
    assert checks(problems(make_corpus, text, claims, sources=authored)) == ["warning speaker"]


def test_a_list_may_open_the_text(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force now has:", "- 40 detectives")
    assert problems(make_corpus, text, claim_toml("40 detectives")) == []


def test_indented_list_items_and_speeches_still_run_on(make_corpus: Builder) -> None:
    text = paragraphs(FILLER, "The Commissioner said the force now has:  ", "  - 12 new cars",
                      "  * 40 detectives")
    assert problems(make_corpus, text, claim_toml("40 detectives")) == []
    speech = paragraphs("John Doe spoke.", FILLER, FILLER, "  \u201cWe have worked hard.",
                        "  \u201cThe force has 40 detectives, the Commissioner said.")
    claims = claim_toml("The force has 40 detectives", speaker="john-doe")
    assert problems(make_corpus, speech, claims) == []


def test_a_paragraph_after_a_colon_runs_on_without_a_list_marker(make_corpus: Builder) -> None:
    text = paragraphs(FILLER, "The Commissioner said the force now has:", "40 detectives.")
    assert problems(make_corpus, text, claim_toml("40 detectives")) == []


def test_a_list_runs_back_only_to_its_own_introduction(make_corpus: Builder) -> None:
    # The list belongs to 'Others said:', not to the Commissioner a paragraph before.
    text = paragraphs("The Commissioner said it was a good year.", "Others said:",
                      "- 40 detectives")
    assert checks(problems(make_corpus, text, claim_toml("40 detectives"))) == ["error party"]
    text = paragraphs(FILLER, "The Commissioner said it was a good year.", FILLER,
                      "Others said:", "- 12 new cars", "- 40 detectives")
    assert checks(problems(make_corpus, text, claim_toml("40 detectives"))) == ["error party"]


def test_a_paragraph_starting_with_a_capital_x_is_no_list_item(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said it was a good year.",
                      "Xander Police has 40 detectives.")
    assert checks(problems(make_corpus, text, claim_toml("has 40 detectives"))) == [
        "error party"]


def test_a_sayer_named_at_the_start_of_a_later_line(make_corpus: Builder) -> None:
    text = paragraphs("Figures:", "the Commissioner said the force now has:", "- 40 detectives")
    assert problems(make_corpus, text, claim_toml("40 detectives")) == []


def test_a_period_after_the_statement_is_blamed_on_the_period(make_corpus: Builder) -> None:
    text = paragraphs("The Commissioner said the force has 40 detectives.")
    claims = claim_toml("has 40 detectives", extra='stated = "2021-05-01"').replace(
        'period = "2021"', 'period = "2021-05-02"')
    assert problems(make_corpus, text, claims) == [
        "error dates period: period 2021-05-02 lies after the claim was stated (2021-05-01); "
        "set `forecast = true` if it is a forecast"]
    assert located(make_corpus, text, claims) == [
        ("dates", "claims/main.toml", 2, "c", "period")]
