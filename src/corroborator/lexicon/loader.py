"""WordNet 3.0 from Debian's `wordnet-base`, read with NLTK's reader.

Debian ships the dictionary files but not `lexnames`, which NLTK's reader needs, and NLTK only opens files
under a folder it is told of. So the first use copies the dictionary into a cache folder of ours, writes
`lexnames` (the fixed list of WordNet 3.0's 45 lexicographer files) beside it, and reads it from there.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from corroborator.errors import CorroboratorError

if TYPE_CHECKING:
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

DEBIAN_WORDNET = Path("/usr/share/wordnet")
DICTIONARY_FILES = [
    f"{kind}.{pos}" for kind in ("data", "index") for pos in ("noun", "verb", "adj", "adv")
] + [f"{pos}.exc" for pos in ("noun", "verb", "adj", "adv")]
LEXNAMES = [
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
]
SYNTACTIC_CATEGORY = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}
class WordNetMissing(CorroboratorError):
    """WordNet's dictionary files are not on this machine."""

    status = 500


def source_folder() -> Path:
    return Path(os.environ.get("CORROBORATOR_WORDNET_SOURCE", str(DEBIAN_WORDNET)))


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corroborator" / "wordnet-3.0"


def _lexnames_text() -> str:
    return "".join(
        f"{index:02d}\t{name}\t{SYNTACTIC_CATEGORY[name.split('.')[0]]}\n"
        for index, name in enumerate(LEXNAMES)
    )


def prepared_folder() -> Path:
    """The cache folder holding a readable copy of WordNet, made (atomically) on first use."""
    target = cache_folder()
    if (target / "lexnames").exists():
        return target
    source = source_folder()
    missing = [name for name in DICTIONARY_FILES if not (source / name).exists()]
    if missing:
        raise WordNetMissing(
            f"WordNet's dictionary is not in {source} (missing {missing[0]})",
            hint="install Debian's wordnet-base (`make install` does), or set CORROBORATOR_WORDNET_SOURCE",
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".wordnet-", dir=target.parent))
    for name in DICTIONARY_FILES:
        shutil.copyfile(source / name, scratch / name)
    (scratch / "lexnames").write_text(_lexnames_text(), encoding="utf-8")
    try:
        scratch.rename(target)
    except OSError:  # another process made it first
        shutil.rmtree(scratch, ignore_errors=True)
    return target


P = ParamSpec("P")
R = TypeVar("R")
_READER_LOCK = threading.RLock()
"""NLTK's WordNet reader reads its data files through shared handles and fills its maps lazily, so one
thread at a time reads it (the web server builds briefs in worker threads)."""


def one_thread_at_a_time(function: Callable[P, R]) -> Callable[P, R]:
    """The function, run by one thread at a time (NLTK's reader is not thread-safe)."""
    @functools.wraps(function)
    def locked(*args: P.args, **kwargs: P.kwargs) -> R:
        with _READER_LOCK:
            return function(*args, **kwargs)

    return locked


@functools.cache
@one_thread_at_a_time
def load_wordnet() -> WordNetCorpusReader:
    """NLTK's reader over our copy of WordNet 3.0 (about 2 s the first time in a process)."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class _Reader(WordNetCorpusReader):  # type: ignore[misc]
        def map_wn(self, version: str = "wordnet") -> None:  # this is WordNet 3.0: nothing to map
            return None

    folder = prepared_folder()
    if str(folder) not in nltk.data.path:
        nltk.data.path.append(str(folder))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": we use none
        return _Reader(str(folder), None)
