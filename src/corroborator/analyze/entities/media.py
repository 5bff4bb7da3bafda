"""News organisations: who is a medium, under which names, of which kind.

The list lives in `corroborator/data/news_orgs.json`, one object per organisation:

    {"version": 1,
     "orgs": [
       {"name": "KCNA", "aliases": ["Korean Central News Agency"], "country": "KP", "kind": "state_media"},
       {"name": "Fox News", "aliases": ["Fox"], "country": "US", "kind": "broadcaster",
        "case_sensitive": ["Fox"], "keep_the": false},
       ...]}

- `name`: the canonical name that `lookup` returns and relay chains show.
- `aliases`: other spellings and abbreviations (matched like the name).
- `country`: ISO 3166 alpha-2 code of the country the organisation belongs to.
- `kind`: one of `wire`, `state_media`, `broadcaster`, `newspaper`, `magazine`, `online`, `platform` (a
  social network a statement is posted on: "said on Twitter" relays it as a medium does).
- `case_sensitive` (optional): names or aliases that are ordinary words in lower case ("Fox", "Mint") and so
  match only with exactly this capitalisation. Acronyms ("AP", "MAP", "DPA") always match only as written.
- `keep_the` (optional, default false): the leading "the" is part of the name ("The Hill"), so "Hill" alone
  does not match.

A newspaper the list does not hold is known by its masthead: two to five capitalised words ending in a
word newspapers are named with ("the Timaru Herald", "The Plain Dealer" not; `MASTHEAD_WORDS`), kind
`newspaper`, no country.

Matching ignores case, a leading "the", a possessive ("Reuters'", "KCNA's"), surrounding punctuation and
descriptive words around the name ("the news agency Reuters", "Yonhap news agency", "state broadcaster KCTV").
To add an organisation, append an object; names must be unique across the file.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from corroborator.analyze.entities.names import is_acronym

MediumKind = Literal["wire", "state_media", "broadcaster", "newspaper", "magazine", "online", "platform"]
DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "news_orgs.json"
KINDS: frozenset[str] = frozenset(
    {"wire", "state_media", "broadcaster", "newspaper", "magazine", "online", "platform"}
)

_DESCRIPTOR_PREFIXES = (
    "state-run news agency ",
    "state news agency ",
    "state-run media ",
    "state media outlet ",
    "state media ",
    "state broadcaster ",
    "state television ",
    "state tv ",
    "news agency ",
    "news service ",
    "wire service ",
    "newspaper ",
    "broadcaster ",
    "agency ",
    "channel ",
    "network ",
    "magazine ",
    "daily ",
)
_DESCRIPTOR_SUFFIXES = (
    " news agency",
    " news service",
    " wire service",
    " agency",
    " newspaper",
    " news",
    " magazine",
    " television",
    " tv",
    " reports",
    " report",
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NewsOrg:
    """A news organisation from the curated list."""

    name: str
    aliases: tuple[str, ...]
    country: str
    kind: MediumKind


MASTHEAD_WORDS = frozenset(
    {"Herald", "Gazette", "Tribune", "Chronicle", "Courier", "Examiner", "Inquirer", "Enquirer", "Observer"}
    | {"Telegraph", "Dispatch", "Journal", "Times", "Register", "Bulletin", "Advertiser", "Globe", "Sentinel"}
    | {"Picayune", "Star-Ledger", "Star-Tribune"}
)
"""Last words of newspaper names ("the Timaru Herald"); not words that end people's or other names as
well ("Post": John Post, "Mercury", "Sun", "Star": Lone Star)."""
MASTHEAD_WORDS_MAX = 5


@dataclass(frozen=True)
class _Index:
    orgs: tuple[NewsOrg, ...]
    folded: dict[str, NewsOrg]
    exact: dict[str, NewsOrg]


def _fold(name: str) -> str:
    text = _SPACES.sub(" ", name.strip().strip(".,;:!?\"'“”‘’()[]")).lower()
    return _POSSESSIVE.sub("", text).strip()


def _parse_org(raw: dict[str, object]) -> tuple[NewsOrg, set[str], bool]:
    kind = str(raw["kind"])
    if kind not in KINDS:
        raise ValueError(
            f"news_orgs.json: {raw['name']!r} has unknown kind {kind!r}; use one of {sorted(KINDS)}"
        )
    aliases = tuple(str(a) for a in cast(list[object], raw.get("aliases", [])))
    org = NewsOrg(str(raw["name"]), aliases, str(raw.get("country", "")), cast(MediumKind, kind))
    case_sensitive = {str(n) for n in cast(list[object], raw.get("case_sensitive", []))}
    return org, case_sensitive, bool(raw.get("keep_the", False))


def _build_index(data: dict[str, object]) -> _Index:
    orgs: list[NewsOrg] = []
    folded: dict[str, NewsOrg] = {}
    exact: dict[str, NewsOrg] = {}
    for raw in cast(list[dict[str, object]], data["orgs"]):
        org, case_sensitive, keep_the = _parse_org(raw)
        orgs.append(org)
        for name in (org.name, *org.aliases):
            if name in case_sensitive or is_acronym(name):
                exact[name] = org
                if name.startswith("The "):
                    exact["the " + name[4:]] = org  # "the Guardian" mid-sentence
                continue
            key = _fold(name)
            folded.setdefault(key, org)
            if key.startswith("the ") and not keep_the:
                folded.setdefault(key[4:], org)
    return _Index(tuple(orgs), folded, exact)


@functools.cache
def _index() -> _Index:
    text = DATA_FILE.read_text(encoding="utf-8")
    return _build_index(cast(dict[str, object], json.loads(text)))


def _candidates(folded: str) -> list[str]:
    """`folded` and the forms left after removing "the" and descriptive words, most specific first."""
    found = [folded]
    for form in list(found):
        if form.startswith("the "):
            found.append(form[4:])
    for form in list(found):
        found.extend(form[len(p) :] for p in _DESCRIPTOR_PREFIXES if form.startswith(p))
    for form in list(found):
        found.extend(form[: -len(s)] for s in _DESCRIPTOR_SUFFIXES if form.endswith(s) and len(form) > len(s))
    return found


@functools.lru_cache(maxsize=8192)
def lookup(name: str) -> NewsOrg | None:
    """The news organisation `name` refers to ("the news agency Reuters", "KCNA's", "AP"), or None."""
    index = _index()
    stripped = _POSSESSIVE.sub("", name.strip().strip(".,;:!?\"'“”‘’()[]"))
    if stripped in index.exact:
        return index.exact[stripped]
    for candidate in _candidates(_fold(name)):
        org = index.folded.get(candidate)
        if org is not None:
            return org
    words = stripped.split()
    if len(words) > 1 and words[-1] in index.exact:
        return index.exact[words[-1]]
    described = " " + _fold(" ".join(words[1:]))
    if len(words) > 1 and words[0] in index.exact and described in _DESCRIPTOR_SUFFIXES:
        return index.exact[words[0]]  # "KCNA report"
    return masthead(stripped)


def masthead(name: str) -> NewsOrg | None:
    """A newspaper the list does not hold, named by its masthead ("Timaru Herald"), or None."""
    words = name.split()
    if words and words[0] in ("The", "the"):
        words = words[1:]
    if not 2 <= len(words) <= MASTHEAD_WORDS_MAX or words[-1] not in MASTHEAD_WORDS:
        return None
    if not all(word[0].isupper() or word in ("of", "de") for word in words):
        return None
    return NewsOrg(" ".join(words), (), "", "newspaper")


@functools.cache
def first_words() -> frozenset[str]:
    """The lower-case first words of every name and alias, "the" left out: a fast pre-check for scans."""
    index = _index()
    keys = [*index.folded, *(name.lower() for name in index.exact)]
    return frozenset(key.removeprefix("the ").split()[0] for key in keys if key.removeprefix("the ").split())


def is_medium(name: str) -> bool:
    """Whether `name` names a news organisation in the curated list."""
    return lookup(name) is not None


def all_orgs() -> list[NewsOrg]:
    """Every organisation in the list, in file order."""
    return list(_index().orgs)


def state_media_of(country: str) -> list[NewsOrg]:
    """The state media of a country (ISO alpha-2 code), in file order."""
    return [org for org in all_orgs() if org.kind == "state_media" and org.country == country.upper()]
