"""The windows around a quote in which its speaker and sayer are sought: computed from a text's
layout made once, they are the paragraphs a walk back from the quote reaches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.checks.evidence import PRONOUN_REACH, SPEAKER_WINDOW, _sayer_window, _window
from factcheck.corpus import Anchor

_PARAGRAPHS = ("Plain words.", '"A speech goes on.', "\u201cCurled, it goes on.", "- an item",
               "\u2022 a bullet", "The force had failed to:", "It found that much, he said.",
               "  \"Indented speech.", "")


def _walk(lines: list[str], line: int, end_line: int, sayer: bool) -> str:
    """The window as the documentation says, a paragraph at a time (the reference)."""
    numbers = [n for n, text in enumerate(lines, start=1) if text.strip()]
    up_to = [n for n in numbers if n <= line]
    index = len(up_to) - 1

    def opens(i: int, marks: str) -> bool:
        return lines[numbers[i] - 1].lstrip()[:1] in marks

    if sayer:
        while index > 0 and (opens(index, "\"'\u201c\u2018\u00ab-\u2022*")
                             or lines[numbers[index - 1] - 1].rstrip().endswith(":")):
            index -= 1
        if index >= 0 and (" he said" in lines[numbers[index] - 1]
                           or lines[numbers[index] - 1].startswith("It found")):
            index = max(index - PRONOUN_REACH, 0)
        first = numbers[index] if index >= 0 else 1
    else:
        while index > 0 and opens(index, "\"'\u201c\u2018\u00ab"):
            index -= 1
        first = numbers[max(index - SPEAKER_WINDOW, 0)] if up_to else 1
    return "\n".join(lines[first - 1:end_line])


@given(st.lists(st.sampled_from(_PARAGRAPHS), min_size=1, max_size=14), st.data())
def test_the_windows_are_what_walking_back_a_paragraph_at_a_time_finds(
        lines: list[str], data: st.DataObject) -> None:
    lines = [*lines, "The end."]  # a last line ends the text (a blank one would not be a line)
    text = "\n".join(lines)
    line = data.draw(st.integers(1, len(lines)))
    end_line = data.draw(st.integers(line, len(lines)))
    anchor = Anchor(start=0, end=0, line=line, column=1, end_line=end_line, match="exact")
    assert _window(text, anchor) == _walk(lines, line, end_line, sayer=False)
    assert _sayer_window(text, anchor) == _walk(lines, line, end_line, sayer=True)
