"""Time expressions (TimeML DATE, TIME, DURATION, SET) found by rules and normalised against the
publication date, HeidelTime-style. Public: `extract_times`, `find_times`, `resolve_after_event`."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from corroborator.analyze.nlp.arrays import sentence_bounds
from corroborator.analyze.nlp.load import text_of
from corroborator.analyze.nlp.word_regex import first_characters, word_trie
from corroborator.analyze.times.calendar import parse_reference
from corroborator.analyze.times.context import Context, Found, Rule, Unresolved
from corroborator.analyze.times.lexicon import MOD_WORDS, PROPER_TIME_WORDS, TRIGGER_WORDS, alternation
from corroborator.analyze.times.rules_dates import DATE_RULES
from corroborator.analyze.times.rules_relative import RELATIVE_RULES
from corroborator.types.analysis import TimeExpr, TimeType

RULES: list[Rule] = DATE_RULES + RELATIVE_RULES
QUANTITY_RULES = frozenset({"duration", "ago", "plural_unit", "clock"})
QUANTITY_MODS = frozenset({"LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "APPROX"})

_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_MOD = rf"(?P<mod>{alternation(w for w in MOD_WORDS if not w.endswith('-'))}\s+|mid-|end-|early-|late-)"
_MOD_START = re.compile(_MOD, re.IGNORECASE)


def _master(rules: list[Rule]) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w$#.-]){_MOD}?(?P<core>"
        + "|".join(_GROUP_NAME.sub("(?:", rule.pattern) for rule in rules)
        + r")(?![\w])",
        re.IGNORECASE,
    )


_MASTER = _master(RULES)
_RULE_PATTERNS = [(rule, re.compile(rule.pattern + r"(?![\w])", re.IGNORECASE)) for rule in RULES]
_RULE_FIRSTS = [first_characters(rule.pattern, re.IGNORECASE) for rule in RULES]
_EVENT_ANCHOR = re.compile(
    r"\s+(?P<anchor>(?:after|before|since|following|ahead\s+of|prior\s+to)\s+[^.,;:!?()\n\"“”]{1,80})",
    re.IGNORECASE,
)
_ANCHOR_STOP = re.compile(r"\s+(?:and|but|when|while|as|because|which|who|that|to|in|on|at)\s", re.IGNORECASE)
_MAX_ANCHOR_WORDS = 10
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# A superset of the trigger words (see `_is_trigger`), each matched whole, in the lower-cased text: the time
# words, and every word with a character other than a lower-case ASCII letter or "_" (digits among them).
_TRIGGER_CANDIDATE = re.compile(rf"(?<!\w)(?:{word_trie(TRIGGER_WORDS)}(?!\w)|\w*?[^\W_a-z]\w*)")
_DIGIT_TRIGGER = re.compile(r"\d+0s|\d{1,2}(?:am|pm)|\d{4}s")
_WINDOW_WORDS = 7


@dataclass
class _Candidate:
    end: int
    rule: Rule
    found: Found | None
    unresolved: Unresolved | None = None
    used_ref: bool = False


def extract_times(doc: Doc, published: str | None) -> list[TimeExpr]:
    """Time expressions of a spaCy Doc, resolved against `published` (ISO date or date-time, or None)."""
    return find_times(text_of(doc), published, sentence_bounds(doc))


def find_times(text: str, published: str | None, sentences: Sequence[tuple[int, int]] = ()) -> list[TimeExpr]:
    """Time expressions of a plain text; `sentences` are (start, end) offsets (whole text when empty)."""
    sentences = list(sentences) or [(0, len(text))]
    ctx = Context(
        ref=parse_reference(published),
        text=text,
        sentence_starts=[start for start, _ in sentences],
        sentence_ends=[end for _, end in sentences],
    )
    times: list[TimeExpr] = []
    covered_until = 0
    for window, trigger in _trigger_windows(text):
        if trigger < covered_until:
            continue
        for start in window:
            match = _master_match(text, start) if start >= covered_until else None
            if match is None or match.end() <= trigger:
                continue
            found = _expressions_at(match, ctx)
            if found:
                times.extend(found)
                covered_until = found[-1].end
                break
    return times


def _trigger_windows(text: str) -> Iterator[tuple[list[int], int]]:
    """For each trigger word: the starts of the words that may begin its expression, and its own start."""
    folded = text.lower()
    if len(folded) != len(text):  # a character lower-cased to two: offsets would not match
        folded = "".join(character if len(character.lower()) > 1 else character.lower() for character in text)
    for word in _TRIGGER_CANDIDATE.finditer(folded):
        start, end = word.span()
        if _is_trigger(text[start:end].lower(), text, end):
            window = [*_word_starts_before(text, start, _WINDOW_WORDS - 1), start]
            if start and text[start - 1] == "'":
                window.append(start - 1)
            yield window, start


def _word_starts_before(text: str, position: int, count: int) -> list[int]:
    r"""The starts of the last `count` `\w+` words before `position` (which does not cut a word)."""
    reach = 64
    while True:
        low = max(0, position - reach)
        starts = [word.start() for word in _WORD.finditer(text, low, position)]
        if starts and starts[0] == low > 0 and _WORD_CHAR.match(text, low - 1):
            starts.pop(0)  # the tail of a word cut at `low`
        if len(starts) >= count or low == 0:
            return starts[len(starts) - count :] if len(starts) > count else starts
        reach *= 4


def _is_trigger(word: str, text: str, end: int) -> bool:
    if word in TRIGGER_WORDS:
        return True
    if word.isdigit():
        return len(word) == 4 or text[end : end + 1] in ("/", ":")
    return _DIGIT_TRIGGER.fullmatch(word) is not None


def _master_match(text: str, start: int) -> re.Match[str] | None:
    """`_MASTER.match(text, start)`; without a modifier at `start`, only the rules that may begin with the
    character there are tried (the regex engine tries all of them otherwise)."""
    character = text[start : start + 1]
    if not character.isascii() or not character or _MOD_START.match(text, start):
        return _MASTER.match(text, start)
    master = _master_beginning_with(character.lower())
    return master.match(text, start) if master is not None else None


@functools.cache
def _master_beginning_with(character: str) -> re.Pattern[str] | None:
    rules = [rule for rule, _ in _rules_beginning_with(character)]
    return _master(rules) if rules else None


def _rules_beginning_with(character: str) -> list[tuple[Rule, re.Pattern[str]]]:
    """The rules (in order) whose matches may begin with `character` (all of them for a non-ASCII one)."""
    if not character.isascii() or not character:
        return _RULE_PATTERNS
    return _rules_beginning_with_ascii(character.lower())


@functools.cache
def _rules_beginning_with_ascii(folded: str) -> list[tuple[Rule, re.Pattern[str]]]:
    return [
        rule_pattern
        for rule_pattern, first in zip(_RULE_PATTERNS, _RULE_FIRSTS, strict=True)
        if first is None or folded in first
    ]


def _expressions_at(match: re.Match[str], ctx: Context) -> list[TimeExpr]:
    core = match.start("core")
    candidate = _best_candidate(ctx, core)
    if candidate is None or _title_case_name(ctx.text, core, candidate.end):
        return []
    mod = _mod_of(match["mod"])
    applies = mod is not None and (mod in QUANTITY_MODS) == (candidate.rule.name in QUANTITY_RULES)
    start = match.start() if applies else core
    expr = _to_time_expr(ctx, candidate, start, mod if applies else None)
    if candidate.found is None or not candidate.found.parts:
        return [expr]
    return [
        replace(expr, start=a, end=b, text=ctx.text[a:b], flags=list(expr.flags))
        for a, b in candidate.found.parts
    ]


def _title_case_name(text: str, start: int, end: int) -> bool:
    """A title or name made of time words ("This Week" on ABC, "VOA Today", "High Noon", "60 Minutes"):
    a time word capitalised where it is not a proper noun, other than the first word of a sentence."""
    for word in _WORD.finditer(text, start, end):
        token = word[0]
        if not token[0].isupper() or token.isupper() or token.lower() in PROPER_TIME_WORDS:
            continue
        before = text[max(0, word.start() - 3) : word.start()].rstrip(" \"'`“‘(")
        if word.start() > start or (before and before[-1] not in ".!?:\n"):
            return True
    return False


def _mod_of(words: str | None) -> str | None:
    """TimeML mod of a modifier ("less than" -> LESS_THAN, "mid-" -> MID), or None."""
    if not words:
        return None
    key = " ".join(words.lower().split())
    return MOD_WORDS.get(key) or MOD_WORDS.get(key.rstrip("-"))


def _best_candidate(ctx: Context, position: int) -> _Candidate | None:
    matches = []
    for rule, pattern in _rules_beginning_with(ctx.text[position : position + 1]):
        found = pattern.match(ctx.text, position)
        if found is not None:
            matches.append((found.end() - position, rule, found))
    matches.sort(key=lambda item: -item[0])
    for _, rule, found in matches:
        ctx.used_ref = False
        try:
            result = rule.normalise(found, ctx)
        except Unresolved as unresolved:
            return _Candidate(found.end(), rule, None, unresolved)
        if result is not None:
            return _Candidate(result.span_end or found.end(), rule, result, used_ref=ctx.used_ref)
    return None


def _to_time_expr(ctx: Context, candidate: _Candidate, start: int, mod: str | None) -> TimeExpr:
    text = ctx.text[start : candidate.end]
    if candidate.found is None:
        value = candidate.unresolved.underspecified if candidate.unresolved else None
        kind: TimeType = "DURATION" if candidate.rule.name in ("duration", "plural_unit") else "DATE"
        return TimeExpr(start, candidate.end, text, kind, value, mod=mod, flags=["unresolved"])
    found = candidate.found
    expr = TimeExpr(
        start, candidate.end, text, found.type, found.value, mod=mod or found.mod, flags=list(found.flags)
    )
    if candidate.used_ref and found.type in ("DATE", "TIME"):
        expr.anchor = "published"
    if found.type == "DURATION":
        _attach_event(ctx, expr)
    return expr


def _attach_event(ctx: Context, expr: TimeExpr) -> None:
    """A duration followed by "after the parade" keeps its span; the event phrase becomes its anchor."""
    following = _EVENT_ANCHOR.match(ctx.text, expr.end)
    if following is None:
        return
    phrase = _ANCHOR_STOP.split(following["anchor"], maxsplit=1)[0]
    words = phrase.split()[:_MAX_ANCHOR_WORDS]
    expr.anchor = " ".join(words).rstrip()
    expr.flags.append("relative_to_event")


def resolve_after_event(expr: TimeExpr, event_date: str) -> str | None:
    """The date window of a duration relative to a dated event ("less than two weeks after" an event of
    2023-07-27 -> `2023-07-27/2023-08-10`); a single date for an exact duration; None when not computable."""
    event = parse_reference(event_date)
    if event is None or expr.value is None or "relative_to_event" not in expr.flags or expr.anchor is None:
        return None
    days = _duration_days(expr.value)
    if days is None:
        return None
    sign = -1 if expr.anchor.lower().startswith(("before", "ahead", "prior")) else 1
    other = event + dt.timedelta(days=sign * days)
    low, high = sorted((event, other))
    if expr.mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        return f"{low.isoformat()}/{high.isoformat()}"
    if expr.mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        return f"{other.isoformat()}/.." if sign > 0 else f"../{other.isoformat()}"
    return other.isoformat()


_DURATION = re.compile(r"P(\d+(?:\.\d+)?)([DWMY])")
_DAYS_PER_UNIT = {"D": 1.0, "W": 7.0, "M": 30.4375, "Y": 365.25}


def _duration_days(value: str) -> int | None:
    found = _DURATION.fullmatch(value)
    if found is None:
        return None
    return round(float(found[1]) * _DAYS_PER_UNIT[found[2]])
