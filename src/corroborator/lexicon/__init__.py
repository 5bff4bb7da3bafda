"""English word knowledge from WordNet: which nouns name people, bodies or documents, which words are common
nouns, the base form of a verb, whether one term is another or a more general one, whether two verbs can
tell one event or name opposites. Loaded once, where it is used."""

from corroborator.lexicon.first_names import sex_of_first_name
from corroborator.lexicon.loader import WordNetMissing, load_wordnet
from corroborator.lexicon.wordnet import (
    can_name_a_place,
    is_common_noun,
    is_degree_word,
    is_document_noun,
    is_group_noun,
    is_inquiry_noun,
    is_kind_of_role,
    is_lower_case_noun,
    is_only_adjective,
    is_source_noun,
    knows_word,
    names_a_person,
    names_a_place_or_body,
    noun_base,
    opposite_verbs,
    related_verbs,
    role_names,
    same_or_more_general,
    verb_base,
)

__all__ = [
    "WordNetMissing",
    "can_name_a_place",
    "is_common_noun",
    "is_degree_word",
    "is_document_noun",
    "is_group_noun",
    "is_inquiry_noun",
    "is_kind_of_role",
    "is_lower_case_noun",
    "is_only_adjective",
    "is_source_noun",
    "knows_word",
    "load_wordnet",
    "names_a_person",
    "names_a_place_or_body",
    "noun_base",
    "opposite_verbs",
    "related_verbs",
    "role_names",
    "same_or_more_general",
    "sex_of_first_name",
    "verb_base",
]
