"""Folding text for story matching: accents and punctuation off, the same answer on every path."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from corroborator.stories.text import fold


def folded_by_definition(text: str) -> str:
    """Fold's definition, character by character: NFKD, combining marks dropped, lowercase, "'s" off,
    anything but letters and digits a space, a leading article off."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = plain.replace("'s ", " ").replace("’s ", " ")
    return re.sub(r"^(the|a|an) ", "", " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split()))


def test_names_fold_to_plain_lowercase_words() -> None:
    assert fold("Cheong Seong-chang") == "cheong seong chang"
    assert fold("The Président’s office — Zürich") == "president office zurich"
    assert fold("Ａｂｃ ﬁre") == "abc fire"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_fold_agrees_with_its_definition_on_any_text(text: str) -> None:
    assert fold(text) == folded_by_definition(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_text_folds_as_any_text(text: str) -> None:
    assert fold(text) == folded_by_definition(text)
