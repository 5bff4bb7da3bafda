"""Reading predicates and their arguments off a dependency parse (spaCy's labels, ClearNLP style)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from corroborator.analyze.quotes.lexicon import SPEECH_VERBS
from corroborator.types.facts import HYPOTHETICAL

PREDICATE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "pcomp"})
PREDICATE_PARTS = frozenset({"aux", "auxpass", "neg", "prt"})
CUT_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "appos", "parataxis", "csubj", "punct", "cc", "mark"})
"""Dependents that start another fact (or only punctuate): left out of an argument's words."""
MAX_ARGUMENT_TOKENS = 14
MIN_CONJUNCTS = 2
MIN_CONJUNCT_TOKENS = 3
MAX_FACT_TOKENS = 32
SPEECH = frozenset(SPEECH_VERBS) | {"tell", "report", "announce", "say", "accord"}
MODAL_AUXILIARIES = frozenset({"may", "might", "could", "would", "should", "must", "can"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})

INTENT_VERBS = frozenset(
    {
        "plan",
        "want",
        "expect",
        "hope",
        "try",
        "intend",
        "seek",
        "aim",
        "refuse",
        "decline",
        "threaten",
        "promise",
        "vow",
        "agree",
        "decide",
        "fail",
        "attempt",
        "deny",
        "wish",
        "prepare",
        "propose",
    }
)
"""Verbs whose complement is the fact ("plans to visit": visit, modality "plan")."""
RAISING_VERBS = frozenset({"continue", "begin", "start", "seem", "appear", "go", "use", "manage", "tend"})
"""Verbs whose complement is the fact and which add nothing to it ("began to fall": fall)."""
MODAL_VERBS = {"have": "must", "need": "must", "be": "plan"}
"""Verbs whose infinitive complement is the fact, with a modality: "will have to consult", "is to cut"."""
COMPLEMENT_FIRST = INTENT_VERBS | RAISING_VERBS
"""Verbs whose complement is the fact, with or without a modality."""
COMPLEMENT_HEADS = COMPLEMENT_FIRST | MODAL_VERBS.keys()
SPEECH_ROLES = frozenset({"subject", "recipient", "object"})
ATTRIBUTING_PREPOSITIONS = frozenset({"according", "per"})
TIME_ADVERBS = frozenset(
    {
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "now",
        "then",
        "later",
        "earlier",
        "recently",
        "soon",
        "ago",
    }
)
NEGATING_HEADS = frozenset({"no", "never", "nobody", "none", "nothing", "neither", "nor"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "from", "into", "across", "on"})
ROLE_OF_DEP = {
    "nsubj": "subject",
    "nsubjpass": "object",
    "agent": "subject",
    "expl": "subject",
    "dobj": "object",
    "dative": "recipient",
    "attr": "complement",
    "acomp": "complement",
    "oprd": "complement",
    "prep": "other",
    "npadvmod": "other",
    "advmod": "manner",
    "xcomp": "complement",
}


@dataclass
class Predicate:
    """A predicate of one sentence: its head verb, the tokens that make up the verb group, its arguments."""

    head: Token
    lemma: str
    tokens: list[Token] = field(default_factory=list)
    arguments: list[tuple[str, list[Token]]] = field(default_factory=list)
    inherited: list[tuple[str, list[Token]]] = field(default_factory=list)
    """Arguments the clause shares with another (a conjunct's subject): typed, but outside its words."""
    negated: bool = False
    modality: str | None = None
    speech: bool = False
    attribute: bool = False
    conjunct: bool = False
    """One conjunct of a coordinated object ("engines ..., as well as shells ..."): its words are the
    conjunct's alone; the verb and the subject are its arguments outside them."""


def predicates(sentence: SpacySpan) -> Iterator[Predicate]:
    """Every fact-bearing predicate of a sentence: verbs heading a clause, and appositions ("Lohan, 26")."""
    for token in sentence:
        if _heads_clause(token):
            found = _predicate(token)
            if found is not None:
                conjuncts = list(_conjunct_facts(found))
                yield found
                yield from conjuncts
        elif token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN") and not _parenthetical(token):
            yield _apposition(token)


def _parenthetical(token: Token) -> bool:
    """An apposition in brackets: an acronym or a gloss ("unmanned aerial vehicles (UAVs)"), not a fact."""
    first = token.left_edge
    return first.text in ("(", "[") or (first.i > 0 and token.doc[first.i - 1].text in ("(", "["))


def _heads_clause(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or _completes_verb(token):
        return False
    if token.dep_ == "xcomp":
        return token.head.lemma_ not in COMPLEMENT_FIRST and token.head.pos_ != "VERB"
    if token.dep_ == "conj":
        return token.head.pos_ in ("VERB", "AUX")
    if token.pos_ == "AUX" and token.dep_ != "ROOT" and not _copula_with_subject(token):
        return False
    if token.dep_ == "acl":
        return token.head.pos_ in ("NOUN", "PROPN") and token.tag_ in ("VBG", "VBN", "VB")
    return token.dep_ in PREDICATE_DEPS


def _completes_verb(token: Token) -> bool:
    """An infinitive that completes the verb it hangs off ("ordered the company to pay damages",
    "allowed agencies to decide"): part of that verb's fact, not a fact of its own."""
    return (
        token.dep_ in ("xcomp", "ccomp")
        and token.tag_ == "VB"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
        and token.head.pos_ in ("VERB", "AUX")
        and token.head.lemma_.lower() not in SPEECH
    )


def _copula_with_subject(token: Token) -> bool:
    """ "are" in 'added: "We are thrilled ..."' or "he was sorry": a copula heading a clause of its own."""
    return token.dep_ in ("ccomp", "advcl", "conj", "parataxis") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children
    )


def _predicate(token: Token) -> Predicate | None:
    head, modality = _complement_head(token)
    if head.lemma_ in COMPLEMENT_FIRST and head == token:
        modality = None
    found = Predicate(head=head, lemma=head.lemma_.lower(), modality=modality)
    verbs = _verb_chain(token, head)
    found.tokens = sorted(
        {t for verb in verbs for t in (verb, *verb.children) if t == verb or t.dep_ in PREDICATE_PARTS},
        key=lambda t: t.i,
    )
    found.speech = found.lemma in SPEECH and any(c.dep_ in ("ccomp", "parataxis") for c in head.children)
    found.negated = any(t.dep_ == "neg" for t in found.tokens)
    found.modality = found.modality or _modal(found.tokens) or _condition(token)
    for verb in verbs:
        found.arguments.extend(_arguments(verb, skip=set(verbs)))
    if found.speech:
        found.arguments = [a for a in found.arguments if a[0] in SPEECH_ROLES]
    if not any(role == "subject" for role, _ in found.arguments):
        subject = _inherited_subject(token)
        if subject:
            found.inherited.append(("subject", subject))
    found.negated = found.negated or any(_negative_argument(words) for _, words in found.arguments)
    return found if found.arguments or found.tokens else None


def _complement_head(token: Token) -> tuple[Token, str | None]:
    """For "plans to visit", the complement "visit" and the modality "plan"; else the token itself."""
    head, modality = token, None
    while True:
        complement = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        lemma = head.lemma_.lower()
        if complement is None or lemma not in COMPLEMENT_HEADS:
            return head, modality
        if lemma in MODAL_VERBS and not _completes_verb(complement):
            return head, modality
        if lemma in INTENT_VERBS or lemma in MODAL_VERBS:
            modality = modality or (lemma if lemma in INTENT_VERBS else MODAL_VERBS[lemma])
        head = complement


def _verb_chain(token: Token, head: Token) -> list[Token]:
    chain = [head]
    while chain[-1] != token and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    return chain if chain[-1] == token else [head]


def _condition(token: Token) -> str | None:
    """ "if" for a clause that states a condition or supposition ("if it had been 50 people")."""
    marked = any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children)
    return HYPOTHETICAL if marked else None


def _modal(tokens: list[Token]) -> str | None:
    return next((t.lemma_.lower() for t in tokens if t.lemma_.lower() in MODAL_AUXILIARIES), None)


def _arguments(verb: Token, skip: set[Token]) -> Iterator[tuple[str, list[Token]]]:
    for child in verb.children:
        if child in skip or child.dep_ not in ROLE_OF_DEP:
            continue
        if child.lower_ in ATTRIBUTING_PREPOSITIONS:
            continue
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and not _completes_verb(child):
            continue
        if child.dep_ == "advmod" and not _adverb_argument(child):
            continue
        words = argument_tokens(child)
        if words:
            yield ROLE_OF_DEP[child.dep_], words
    for child in verb.children:
        if child.dep_ == "ccomp" and child not in skip and _completes_verb(child):
            yield "complement", argument_tokens(child)


def _adverb_argument(adverb: Token) -> bool:
    """A name, a time ("yesterday"), or an adverb with its own measure or place ("13 nautical miles away",
    "down 3.9 percent"); other adverbs ("also", "reportedly") are left out of the fact's arguments."""
    measured = any(c.dep_ in ("npadvmod", "prep") for c in adverb.children)
    return bool(adverb.ent_type_) or adverb.lower_ in TIME_ADVERBS or measured


def argument_tokens(child: Token) -> list[Token]:
    """The words of an argument: the child's subtree less the clauses and appositions hanging off it,
    capped at MAX_ARGUMENT_TOKENS around its head."""
    kept: list[Token] = []
    stack = [child]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CUT_DEPS)
    kept = sorted((t for t in kept if not t.is_space), key=lambda t: t.i)
    if not kept:
        return []
    words = list(child.doc[kept[0].i : kept[-1].i + 1])
    if len(words) > MAX_ARGUMENT_TOKENS:
        position = words.index(child) if child in words else 0
        first = max(0, min(position - MAX_ARGUMENT_TOKENS // 2, len(words) - MAX_ARGUMENT_TOKENS))
        words = words[first : first + MAX_ARGUMENT_TOKENS]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    while words and (words[0].is_punct or words[0].is_space):
        words.pop(0)
    return words


def _inherited_subject(token: Token) -> list[Token] | None:
    """The subject a clause without one shares: the first conjunct's, or the noun a relative clause
    describes."""
    if token.dep_ in ("relcl", "acl"):
        return argument_tokens(token.head)
    if token.dep_ in ("conj", "xcomp", "advcl"):
        head = token.head
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return argument_tokens(subject)
    return None


def _negative_argument(words: list[Token]) -> bool:
    return bool(words) and words[0].lower_ in NEGATING_HEADS


def _apposition(token: Token) -> Predicate:
    """ "Mark Heller, Lohan's lawyer," or "Lohan, 26,": the noun is what its apposition says."""
    noun = token.head
    subject = [t for t in argument_tokens(noun) if t.i < token.i]
    found = Predicate(head=noun, lemma="be", attribute=True)
    complement = argument_tokens(token)
    found.arguments = [("subject", subject or [noun])] + ([("complement", complement)] if complement else [])
    return found


def _conjunct_facts(found: Predicate) -> Iterator[Predicate]:
    """For an object that coordinates several things ("included engines for X, as well as shells for Y"),
    or a verb the parser gave several objects, one fact per thing, each the thing's words, sharing the verb
    and the other arguments."""
    objects = [
        (role, words)
        for role, words in found.arguments
        if role in ("object", "complement") and not any(_completes_verb(t) for t in words)
    ]
    for role, words in objects:
        inside = {t.i for t in words}
        head = next((t for t in words if t.head.i not in inside), None)
        conjuncts = _conjuncts(head) if head is not None else []
        if len(conjuncts) < MIN_CONJUNCTS and len(objects) < MIN_CONJUNCTS:
            continue
        others = [(r, w) for r, w in (*found.arguments, *found.inherited) if w is not words]
        for conjunct in conjuncts:
            own = _conjunct_words(conjunct)
            if len(own) >= MIN_CONJUNCT_TOKENS:
                yield Predicate(
                    head=found.head,
                    lemma=found.lemma,
                    arguments=[(role, own)],
                    inherited=others,
                    negated=found.negated,
                    modality=found.modality,
                    conjunct=True,
                )


def _conjuncts(head: Token) -> list[Token]:
    found = [head]
    for token in found:
        found.extend(c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    return found


def _conjunct_words(conjunct: Token) -> list[Token]:
    kept = [conjunct]
    stack = [
        c for c in conjunct.children if c.dep_ not in CUT_DEPS and c.dep_ not in ("conj", "cc", "preconj")
    ]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CUT_DEPS)
    kept.sort(key=lambda t: t.i)
    words = list(conjunct.doc[kept[0].i : kept[-1].i + 1])
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ in ("cc", "preconj")):
        words.pop()
    return words[:MAX_FACT_TOKENS]


def span_of(found: Predicate) -> tuple[int, int] | None:
    """The token range [first, last] of a predicate with its arguments, capped at MAX_FACT_TOKENS by
    dropping the arguments farthest from the verb."""
    if found.conjunct:
        words = found.arguments[0][1]
        return words[0].i, words[-1].i
    parts = [found.tokens or [found.head], *[words for _, words in found.arguments]]
    indexes = [t.i for words in parts for t in words]
    if not indexes:
        return None
    arguments = sorted(found.arguments, key=lambda a: abs(a[1][0].i - found.head.i))
    while max(indexes) - min(indexes) + 1 > MAX_FACT_TOKENS and len(arguments) > 1:
        arguments.pop()
        found.arguments = [a for a in found.arguments if a in arguments]
        parts = [found.tokens or [found.head], *[words for _, words in arguments]]
        indexes = [t.i for words in parts for t in words]
    return min(indexes), max(indexes)
