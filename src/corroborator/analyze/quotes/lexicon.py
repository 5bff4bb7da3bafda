"""Word lists for quote extraction: reporting cues in all inflections, fillers after a cue, pronouns."""

from __future__ import annotations

import re

from corroborator.analyze.nlp.word_regex import word_trie


def word_set(words: str) -> frozenset[str]:
    """A set of words from a space-separated string."""
    return frozenset(words.split())


def is_participle(form: str) -> bool:
    """Whether a cue opens with an -ing form: "saying", "going on to say", "speaking of"."""
    return form.split(" ", 1)[0].lower().endswith("ing")


# Verbs that introduce a reported clause; the clause may come after ("X said that ...") or before
# ("..., X said"). Irregular forms are listed in _IRREGULAR.
SPEECH_VERBS = sorted(
    word_set(
    "say tell add write note explain argue claim state warn insist announce report declare acknowledge admit "
    "assert suggest predict reply respond recall stress emphasize emphasise concede complain tweet remark "
    "observe confirm deny conclude contend maintain caution promise vow pledge estimate believe think hope "
    "fear worry reveal allege boast brag joke quip lament charge counter retort proclaim testify disclose "
    "indicate speculate assure remind inform guess reckon suspect recount agree continue muse posit "
    "mention repeat reiterate contend complain concur predict theorize theorise tout wonder ask"
    )
)

# Verbs whose reported content is an object or a clause that only follows them ("X called for ...").
OBJECT_VERBS = sorted(
    word_set(
    "urge accuse criticize criticise praise blame describe defend endorse oppose reject dismiss slam blast "
    "attack question condemn decry denounce welcome mock ridicule demand propose ask cite want expect "
    "back recommend threaten vow call show find decline refuse seek offer plan decide know see view "
    "favor favour prefer name"
    )
)

# Verbs whose content is the clause they sit in ("Sanders seemed to reap the benefits").
CLAUSE_VERBS = ("seem", "appear")

# Multi-word cues, content after them; the first word is inflected.
PHRASAL_CUES = (
    "call for", "call on", "point out", "go on to say", "make clear", "make it clear", "push for", "refer to",
    "talk about", "speak about", "point to", "speak of", "speak out", "weigh in", "make note of",
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "think": ("think", "thinks", "thought", "thinking"),
    "make": ("make", "makes", "made", "making"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "showing", "shown"),
    "know": ("know", "knows", "knew", "knowing", "known"),
    "see": ("see", "sees", "saw", "seeing", "seen"),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "speak": ("speak", "speaks", "spoke", "speaking", "spoken"),
    "refer": ("refer", "refers", "referred", "referring"),
    "plan": ("plan", "plans", "planned", "planning"),
    "prefer": ("prefer", "prefers", "preferred", "preferring"),
    "go": ("go", "goes", "went", "going", "gone"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "slam": ("slam", "slams", "slammed", "slamming"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "deny": ("deny", "denies", "denied", "denying"),
    "worry": ("worry", "worries", "worried", "worrying"),
    "theorize": ("theorize", "theorizes", "theorized", "theorizing"),
    "concur": ("concur", "concurs", "concurred", "concurring"),
}


def inflections(base: str) -> tuple[str, ...]:
    """The forms of a verb: base, -s, -ed, -ing (irregular verbs from a table)."""
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2] not in "aeiou":
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("sh", "ch", "ss", "x")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


def _forms(bases: list[str]) -> frozenset[str]:
    return frozenset(form for base in bases for form in inflections(base))


SPEECH_FORMS: frozenset[str] = _forms(SPEECH_VERBS)
OBJECT_FORMS: frozenset[str] = _forms(OBJECT_VERBS) - SPEECH_FORMS
CLAUSE_FORMS: frozenset[str] = _forms(list(CLAUSE_VERBS))
# Bare forms too ambiguous as nouns or adjectives to count as cues on their own.
AMBIGUOUS_FORMS = word_set(
    "state states report charge charges counter back question questions attack attacks wonder continue "
    "continues continued continuing hope fear worry guess cite demand demands seem appear praise blame "
    "estimate tweet note joke vow pledge promise claim claims welcome ask reply mention remark indicate "
    "suspect view views name names plan plans offer offers favor favour see know find finding written "
    "favored favoured viewed remarks"
)
TELL_FORMS = word_set(
    "tell tells told telling ask asks asked asking urge urges urged urging assure assures assured assuring "
    "remind reminds reminded reminding inform informs informed informing warn warns warned warning"
)

SINGLE_CUES: frozenset[str] = (SPEECH_FORMS | OBJECT_FORMS | CLAUSE_FORMS) - AMBIGUOUS_FORMS
# Multi-word cues by their first word, longest first: "called" -> (("called", "for"), ("called", "on")).
PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in (*PHRASAL_CUES, "according to"):
    _head, *_tail = _phrase.split()
    for _form in inflections(_head) if _phrase != "according to" else ("according",):
        PHRASES_BY_FIRST.setdefault(_form, []).append((_form, *_tail))
for _phrases in PHRASES_BY_FIRST.values():
    _phrases.sort(key=len, reverse=True)
# Every cue word and phrase head as a whole run of letters, found in the text's ASCII-lower-cased bytes
# (one byte a character, non-ASCII ones as "?"): a case-sensitive search there is much faster.
_SPEECH_BEFORE_COLON = SPEECH_FORMS & AMBIGUOUS_FORMS
"""Verbs of speech too ambiguous alone that a colon and a quotation make cues: "Caddell continued: "...""."""
_COLON_AFTER = re.compile(rb"[ \t]*[:,]\s*[\"?]")
"""A colon or comma, then a quotation mark (a curly one is "?" in the folded text): "She continued, "..."."""
_QUOTATION_BEFORE = re.compile(rb"[,?!.][\"?][ \t]+(?:[a-z.'-]+[ \t]+){1,3}$")
"""A quotation closing, then the speaker, right before the verb: ""...," she continued."."""
QUOTATION_LOOKBACK = 60
_CLOSING_SPEAKER_BEFORE = re.compile(rb",[ \t]+(?:[a-z'-]+[ \t]+){0,2}[a-z'-]*[a-z]s[ \t]+$")
"""A comma, then a plural speaker right before the verb: "..., news organizations report."."""
_SENTENCE_END_AFTER = re.compile(rb"[ \t]*[.!?]")
_CUE_HEAD = re.compile(
    rf"(?<![a-z-]){word_trie(SINGLE_CUES | _SPEECH_BEFORE_COLON | PHRASES_BY_FIRST.keys())}(?![a-z])".encode()
)
"""A cue word is no part of a hyphenated word ("so-called", "well-known")."""
_LETTER = re.compile(rb"[a-z]")


def find_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-case cue) for every cue word or phrase in `text`, in order; a word is a run of
    ASCII letters, the words of a phrase are one space apart."""
    folded = text.encode("ascii", "replace").lower()
    cues: list[tuple[int, int, str]] = []
    skip_until = 0
    for match in _CUE_HEAD.finditer(folded):
        start, end = match.span()
        if start < skip_until:
            continue
        word = match[0].decode()
        phrase = _phrase_at(folded, start, end, word)
        if phrase is not None:
            cues.append(phrase)
            skip_until = phrase[1]
        elif word in SINGLE_CUES or (word in _SPEECH_BEFORE_COLON and _beside_or_closing(folded, start, end)):
            cues.append((start, end, word))
    return cues


def _beside_or_closing(folded: bytes, start: int, end: int) -> bool:
    """Whether a quotation is beside the verb, or the verb closes its sentence after a plural speaker that
    follows a comma ("..., news organizations report.")."""
    if _by_a_quotation(folded, start, end):
        return True
    if _SENTENCE_END_AFTER.match(folded, end) is None:
        return False
    return _CLOSING_SPEAKER_BEFORE.search(folded, max(0, start - QUOTATION_LOOKBACK), start) is not None


def _by_a_quotation(folded: bytes, start: int, end: int) -> bool:
    """Whether a quotation follows the verb past a colon or comma, or closes right before its speaker."""
    if _COLON_AFTER.match(folded, end):
        return True
    return _QUOTATION_BEFORE.search(folded, max(0, start - QUOTATION_LOOKBACK), start) is not None


def _phrase_at(folded: bytes, start: int, end: int, head: str) -> tuple[int, int, str] | None:
    for phrase in PHRASES_BY_FIRST.get(head, ()):
        phrase_end = _tail_end(folded, end, phrase[1:])
        if phrase_end is not None:
            return (start, phrase_end, " ".join(phrase))
    return None


def _tail_end(folded: bytes, end: int, tail: tuple[str, ...]) -> int | None:
    """Where `tail` ends if its words follow `end`, each after one space and each a whole word."""
    for word in tail:
        after = end + 1 + len(word)
        if folded[end:after] != b" " + word.encode() or _LETTER.match(folded, after):
            return None
        end = after
    return end


_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)"
_WHEN = (
    rf"(?:(?:on|late|early|last|this|next)\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next|earlier this|later this)\s+"
    r"(?:week|month|year|weekend|night|spring|summer|fall|winter)"
    r"|earlier|later|recently|previously|again|also|repeatedly|publicly|privately|separately|once|then"
    r"|just now"
    r"|(?:in|on)\s+(?:\w+\s+)?(?:\d{1,2}|\d{4})"
)
_MEDIUM_CONTEXT = (
    r"(?:in|on|during|at|via|through)\s+(?:a|an|the|his|her|its|their|one)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|speech|tweet|tweets|post|email|e-mail|release|letter|report|op-ed|column|memo|"
    r"video|book|essay|article|address|appearance|conference|call|briefing|broadcast|rally|debate|"
    r"hearing|remarks|message|filing|filings|court|ruling|opinion|decision|twitter|facebook|instagram|x|tv|television|radio|podcast|show|blog)"
    r"(?:\s+(?:feed|account|page|channel|timeline))?"
)
FILLER_RE = re.compile(
    rf"\s*,?\s*(?:{_WHEN}|{_MEDIUM_CONTEXT}|to\s+(?:reporters|journalists|the press|the media|supporters|"
    r"the crowd|an audience|the audience|lawmakers))\b",
    re.IGNORECASE,
)
CITING_RE = re.compile(r"\s*,?\s*(?:citing|quoting)\s+([^,.;:!?\"“”]{2,80})", re.IGNORECASE)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PRONOUNS = PERSON_PRONOUNS | frozenset({"they", "we", "i", "it", "you", "who", "them", "us", "me"})
# Words before a cue that belong to the verb group, not to the speaker ("has also said").
AUXILIARIES = word_set(
    "has have had will would could should may might must can also then later once again previously "
    "reportedly recently repeatedly publicly privately further only never not did does do is was were are "
    "be been being already earlier first quickly flatly explicitly specifically simply just separately "
    "long often frequently apparently almost together"
)
# A line or paragraph opened by one of these and a colon is a note of the outlet's, not a speaker's words:
# "UPDATE: ...", "The Latest: ...", "Editor's Note: ..." (upper case, as transcripts write names).
NOTE_LABELS = frozenset(
    (
        "VIDEO", "WATCH", "PHOTO", "PHOTOS", "UPDATE", "UPDATED", "CORRECTION", "CORRECTIONS",
        "CLARIFICATION", "BREAKING", "NOTE", "EDITOR'S", "EDITOR'S NOTE", "EDITOR’S NOTE", "READ",
        "READ MORE", "THE LATEST", "RELATED", "WARNING",
    )
)
# Words that end a noun phrase when reading leftwards from a cue.
NP_BOUNDARIES = word_set(
    "that which and but because when while as if since so after before where whether though although "
    "or nor than until unless whom what how why"
)
MEDIUM_NOUNS = re.compile(
    r"^(?:the|this|that|a|an)\s+(?:same\s+)?(?:(?:state|news|wire|state-run|official)\s+)*"
    r"(?:report|agency|news agency|newspaper|paper|broadcaster|outlet|network|wire|wire service|channel|"
    r"media|dispatch|daily)$",
    re.IGNORECASE,
)
MEDIA_GROUP = re.compile(
    r"^(?:(?:the|local|national|foreign|international|several|many|other|some)\s+)*"
    r"(?:news\s+(?:organi[sz]ations|outlets|agencies|media|reports)|media(?:\s+(?:outlets|reports))?)$",
    re.IGNORECASE,
)
"""Media named as a group, no one of them named: "news organizations report", "local media said"."""
STATE_MEDIA_RE = re.compile(r"\bstate(?:-run|-controlled| news| official)?\s+(?:media|news agency|agency|"
                            r"television|tv|broadcaster|outlet)\b", re.IGNORECASE)
# Countries by the words that name them or their people, for "state media" without a named medium.
COUNTRY_WORDS: dict[str, str] = {
    "north korea": "KP", "north korean": "KP", "pyongyang": "KP", "dprk": "KP", "north koreans": "KP",
    "china": "CN", "chinese": "CN", "beijing": "CN", "russia": "RU", "russian": "RU", "moscow": "RU",
    "kremlin": "RU", "iran": "IR", "iranian": "IR", "tehran": "IR", "syria": "SY", "syrian": "SY",
    "damascus": "SY", "saudi arabia": "SA", "saudi": "SA", "riyadh": "SA", "egypt": "EG", "egyptian": "EG",
    "cairo": "EG", "cuba": "CU", "cuban": "CU", "havana": "CU", "venezuela": "VE", "venezuelan": "VE",
    "caracas": "VE", "vietnam": "VN", "vietnamese": "VN", "hanoi": "VN", "belarus": "BY",
    "belarusian": "BY", "minsk": "BY", "qatar": "QA", "qatari": "QA", "iraq": "IQ", "iraqi": "IQ",
    "baghdad": "IQ", "kuwait": "KW", "jordan": "JO", "pakistan": "PK", "pakistani": "PK",
    "islamabad": "PK", "myanmar": "MM", "laos": "LA", "algeria": "DZ", "morocco": "MA",
    "united arab emirates": "AE", "uae": "AE", "emirati": "AE",
}
