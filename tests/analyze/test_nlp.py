"""The spaCy pipeline as loaded for analysis: numpy's OpenBLAS on one thread, and the arrays read from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from corroborator.analyze.nlp.arrays import doc_entities, read_sentence_bounds, sentence_bounds
from corroborator.analyze.nlp.load import get_nlp

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
REPORT_OPS = """
import json
from threadpoolctl import threadpool_info
from corroborator.analyze.nlp.load import get_nlp
nlp = get_nlp()
nodes = [node for _, pipe in nlp.pipeline for node in pipe.model.walk()]
print(json.dumps({
    "ops": sorted({type(node.ops).__name__ for node in nodes}),
    "blis": sorted({bool(getattr(node.ops, "use_blis", True)) for node in nodes}),
    "nodes": len(nodes),
    "blas_threads": [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"],
}))
"""


def test_the_loaded_pipeline_multiplies_with_openblas_on_one_thread() -> None:
    """In a fresh process whose OpenBLAS would run two threads, every layer of the loaded pipeline uses
    thinc's NumpyOps without blis, and the BLAS pools run one thread (NER output depends on the count)."""
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2"}
    environment.pop("MKL_NUM_THREADS", None)
    completed = subprocess.run(
        [sys.executable, "-c", REPORT_OPS], env=environment, capture_output=True, text=True, check=True
    )
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["nodes"] > 10
    assert report["ops"] == ["NumpyOps"]
    assert report["blis"] == [False]
    assert report["blas_threads"] and set(report["blas_threads"]) == {1}


def test_arrays_read_from_a_doc_equal_spacys_objects() -> None:
    nlp = get_nlp()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for doc in nlp.pipe([*texts, "", "Kim Jong Un spoke.  Then he left."]):
        sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
        assert sentence_bounds(doc) == read_sentence_bounds(doc) == sentences
        entities = [(e.start, e.end, e.start_char, e.end_char, e.label_) for e in doc.ents]
        assert [tuple(entity) for entity in doc_entities(doc)] == entities
    assert len(texts) >= 2


def test_a_title_with_a_full_stop_does_not_end_the_sentence() -> None:
    text = (
        "She opened fire on the others, Philadelphia Homicide Capt. James Clark said. "
        "Sgt. Hoyt Teasley was shot. Mr. Ali told Det. Ray Smith."
    )
    starts = [start for start, _ in sentence_bounds(get_nlp()(text))]
    assert [text[start:].split()[0] for start in starts] == ["She", "Sgt.", "Mr."]
