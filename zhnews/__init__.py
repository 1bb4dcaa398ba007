"""zhnews: clean, deduplicate and score scraped Chinese news articles.

>>> import zhnews
>>> result = zhnews.clean("央行宣布降准。\\n责任编辑：张三")
>>> result.text
'央行宣布降准。'
>>> [(r.reason, r.text) for r in result.removed]
[('editor', '责任编辑：张三')]
"""

import logging as _logging
from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

from .boilerplate import Rule, RuleSet, default_rules, load_rules, strip_boilerplate
from .claims import Claim, extract_claims
from .dedup import (
    DuplicateGroup,
    NearDuplicateIndex,
    NearDuplicateResult,
    dedup_stream,
    drop_near_duplicates,
    find_near_duplicates,
    find_repeats,
    minhash_signatures,
    shingles,
)
from .batch import process_batch, read_records
from .pipeline import Pipeline, clean, make_pipeline, process
from .quantities import Quantity, parse_number, parse_quantities
from .sentiment import (
    SentenceSentiment,
    Sentiment,
    SentimentDriver,
    score_sentiment,
    score_sentiment_many,
    sentence_sentiments,
)
from .text import decode, matching_key, normalize, split_paragraphs, split_sentences, to_simplified
from .types import REASONS, ArticleResult, BoilerplateResult, CleanResult, Removal

try:
    __version__ = _version("zhnews")
except _PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

_logging.getLogger("zhnews").addHandler(_logging.NullHandler())

__all__ = sorted([
    "ArticleResult",
    "BoilerplateResult",
    "Claim",
    "CleanResult",
    "DuplicateGroup",
    "NearDuplicateIndex",
    "NearDuplicateResult",
    "Pipeline",
    "Quantity",
    "REASONS",
    "Removal",
    "Rule",
    "RuleSet",
    "SentenceSentiment",
    "Sentiment",
    "SentimentDriver",
    "clean",
    "decode",
    "dedup_stream",
    "default_rules",
    "drop_near_duplicates",
    "extract_claims",
    "find_near_duplicates",
    "find_repeats",
    "load_rules",
    "make_pipeline",
    "matching_key",
    "minhash_signatures",
    "normalize",
    "parse_number",
    "parse_quantities",
    "process",
    "process_batch",
    "read_records",
    "score_sentiment",
    "score_sentiment_many",
    "sentence_sentiments",
    "shingles",
    "split_paragraphs",
    "split_sentences",
    "strip_boilerplate",
    "to_simplified",
])
