"""Sentiment of Chinese news and finance text: positive, neutral or negative.

The default backend is a small linear model shipped with zhnews (numpy only,
no scikit-learn at run time), trained on stock-forum posts (FinFE), financial
news labelled for negative information (FinNSP) and hotel reviews
(ChnSentiCorp), plus a hand-written lexicon of favourable and unfavourable
events with negation and degree handling.  ``backend="snownlp"`` runs SnowNLP's
shopping-review model instead, for comparison.

**Model.**  Text is split into sentences (:func:`zhnews.text.split_sentences`),
folded (full width → ASCII, lower case, traditional → simplified, every digit →
``0``) and cut into character 1-, 2- and 3-grams inside each sentence, hashed
into 2**18 buckets.  The document's n-gram counts become a sublinear TF-IDF
vector with unit L2 norm, read by two heads: a three-way *stance* head
(positive/neutral/negative, trained on FinFE posts and hotel reviews with
balanced class weights) and a *negative-information* head (trained on FinNSP).
A combiner turns the four head outputs and the lexicon counts, each also gated
by text length (short posts and long articles use different weights), into
the three class logits; it was fitted on out-of-fold head outputs of all three
sources and on the selection half of zhnews's own cross-source news set.

**Aggregation.**  Every step before the final softmax is linear in the n-gram
and lexicon evidence, so the document's logits are exactly a constant (biases
and the length prior) plus one contribution per sentence: a sentence
contributes its n-grams' share of the document's TF-IDF vector (an n-gram
repeated in several sentences is shared between them by count) and its
lexicon hits.  ``Sentiment.drivers`` lists the sentences that pushed the
document's label hardest (largest margin of the label's logit over the mean of
the other two), which is what makes a long article's result explainable;
:func:`sentence_sentiments` scores every sentence on its own.

>>> s = score_sentiment("公司业绩大幅增长，股价涨停，利好不断！")
>>> s.label, s.score > 0.3
('positive', True)
>>> score_sentiment("巨额亏损，股价跌停，公司被立案调查。").label
'negative'
>>> score_sentiment("").label
'neutral'
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np

from ._hashing import fmix64
from ._validate import require_str
from .text import split_sentences
from .types import _DictMixin

__all__ = [
    "SENTIMENT_LABELS",
    "SENTIMENT_BACKENDS",
    "Sentiment",
    "SentenceSentiment",
    "SentimentDriver",
    "score_sentiment",
    "score_sentiment_many",
    "sentence_sentiments",
    "sentiment_model_info",
]

logger = logging.getLogger("zhnews")

#: The three labels, in the order of every probability vector.
SENTIMENT_LABELS = ("positive", "neutral", "negative")
#: Backends accepted by ``backend=``.
SENTIMENT_BACKENDS = ("zhnews", "snownlp")

MODEL_FILE = "sentiment_model.npz"
LEXICON_FILE = "sentiment_lexicon.tsv"
#: At most this many sentences are listed in ``Sentiment.drivers``.
MAX_DRIVERS = 3
#: A text with no lexicon word needs this probability to be called positive or negative.
UNMARKED_MIN_PROB = 0.5
#: SnowNLP's positive probability is mapped to neutral inside this band around 0.5.
SNOWNLP_NEUTRAL_BAND = (0.4, 0.6)


# --- result types ---------------------------------------------------------------------


@dataclass(frozen=True)
class SentimentDriver(_DictMixin):
    """A sentence that drove a document's label.

    Attributes:
        index: position of the sentence in ``split_sentences(text)``.
        text: the sentence.
        contribution: how much the sentence raised the logit of the document's
            label above the mean logit of the other two labels (> 0).
    """

    index: int
    text: str
    contribution: float


@dataclass(frozen=True)
class Sentiment(_DictMixin):
    """The sentiment of one text.

    Attributes:
        label: ``"positive"``, ``"neutral"`` or ``"negative"`` (the most probable).
        score: ``P(positive) - P(negative)``, in [-1, 1]; its sign decides
            positive against negative when neutral is not an option.
        probabilities: ``{"positive": p, "neutral": p, "negative": p}``, summing to 1.
        drivers: up to three sentences that pushed the label hardest, strongest
            first (empty for SnowNLP and for text without sentences).
        n_sentences: number of sentences the text was split into.
        backend: ``"zhnews"`` or ``"snownlp"``.

    >>> s = score_sentiment("业绩超预期，股价创新高。")
    >>> s.label, round(sum(s.probabilities.values()), 3)
    ('positive', 1.0)
    >>> sorted(s.to_dict())
    ['backend', 'drivers', 'label', 'n_sentences', 'probabilities', 'score']
    """

    label: str
    score: float
    probabilities: dict[str, float]
    drivers: tuple[SentimentDriver, ...] = ()
    n_sentences: int = 0
    backend: str = "zhnews"


@dataclass(frozen=True)
class SentenceSentiment(_DictMixin):
    """The sentiment of one sentence scored on its own.

    Attributes:
        index: position in ``split_sentences(text)``.
        text: the sentence.
        label, score, probabilities: as in :class:`Sentiment`.
        contribution: the sentence's push on the *document's* score: its
            contribution to the positive logit minus its contribution to the
            negative logit (> 0 pulls the document towards positive).  0.0 with
            the SnowNLP backend.

    >>> [(s.index, s.label) for s in sentence_sentiments("利润暴跌。股价跌停。")]
    [(0, 'negative'), (1, 'negative')]
    """

    index: int
    text: str
    label: str
    score: float
    probabilities: dict[str, float]
    contribution: float = 0.0


# --- model resources ------------------------------------------------------------------


class _Model:
    """The shipped weights: plain arrays read from ``resources/sentiment_model.npz``."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.meta: dict[str, Any] = json.loads(bytes(arrays["meta"]).decode("utf-8"))
        self.bits = int(self.meta["bits"])
        self.orders = tuple(int(n) for n in self.meta["orders"])
        self.idf = arrays["idf"].astype(np.float64)
        self.W = arrays["W"].astype(np.float64)        # (2**bits, 4): stance pos/neu/neg, neg-info
        self.b = arrays["b"].astype(np.float64)        # (4,)
        self.A = arrays["A"].astype(np.float64)        # (3, n_features) combiner weights
        self.c = arrays["c"].astype(np.float64)        # (3,)
        self.gate_chars = float(self.meta["gate_chars"])
        self.nbytes = int(sum(a.nbytes for a in arrays.values()))


def load_model_arrays(data: bytes) -> dict[str, np.ndarray]:
    """Read a model ``.npz`` without pickle (object arrays are refused)."""
    import io

    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    from .resources import resource_bytes

    model = _Model(load_model_arrays(resource_bytes(MODEL_FILE)))
    logger.debug("loaded sentiment model (%d bytes of arrays)", model.nbytes)
    return model


@functools.lru_cache(maxsize=1)
def _fold_table() -> np.ndarray:
    """Code point → folded code point for the Basic Multilingual Plane."""
    from .resources import t2s_table

    t = np.arange(0x10000, dtype=np.uint32)
    for src, dst in t2s_table().items():
        if src < 0x10000:
            t[src] = dst
    t[0xFF01:0xFF5F] = np.arange(0x21, 0x7F, dtype=np.uint32)  # full width → ASCII
    t[0x3000] = 0x20
    upper = np.arange(ord("A"), ord("Z") + 1, dtype=np.uint32)
    t[upper] = upper + 32
    t[0xFF21:0xFF3B] = upper + 32
    t[ord("0"):ord("9") + 1] = ord("0")
    t[0xFF10:0xFF1A] = ord("0")
    return t


_NEGATORS = re.compile("不|没有|没|未|无|非|并非|并未|尚未|难以|不再|毫无|停止|避免|防止|否认|免于|摆脱")
_NOT_NEGATORS = re.compile("不断|不少|不仅|不过|不但|不得不|不同|不久|非常|无论|未来|无数|不止|无疑")
_STRONG = re.compile("大幅|显著|明显|急剧|强烈|严重|全面|巨大")
_WEAK = re.compile("略|小幅|微|稍|有所|轻微")


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], "re.Pattern[str]"]:
    from .resources import resource_text

    words: dict[str, float] = {}
    for line in resource_text(LEXICON_FILE).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, weight = line.split("\t")
        words[word] = float(weight)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))
    return words, pattern


def lexicon_hits(sentence: str) -> list[tuple[str, float]]:
    """Lexicon words in a (folded) sentence with their signed weights after negation and degree.

    >>> lexicon_hits("利润大幅增长，并未亏损")
    [('增长', 1.5), ('亏损', 1.0)]
    """
    words, pattern = _lexicon()
    out = []
    for m in pattern.finditer(sentence):
        w = words[m.group()]
        before = _NOT_NEGATORS.sub("", sentence[max(0, m.start() - 4):m.start()])
        if _NEGATORS.search(before):
            w = -w
        near = sentence[max(0, m.start() - 3):m.start()]
        if _STRONG.search(near):
            w *= 1.5
        elif _WEAK.search(near):
            w *= 0.5
        out.append((m.group(), w))
    return out


# --- features -------------------------------------------------------------------------

_PRIME = np.uint64(0x100000001B3)
_SEED = np.uint64(0x9E3779B97F4A7C15)


def fold_codepoints(sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Folded code points of all sentences, concatenated, and each sentence's length."""
    lens = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
    cp = np.frombuffer("".join(sentences).encode("utf-32-le"), dtype=np.uint32)
    bmp = cp < 0x10000
    return np.where(bmp, _fold_table()[np.where(bmp, cp, 0)], cp), lens


def ngram_buckets(cp: np.ndarray, lens: np.ndarray, orders: Sequence[int], bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Hash bucket of every character n-gram inside each sentence, and its sentence number.

    The n-gram ending at position t hashes as ``mix(h(n-1-gram ending at t-1) * P ^ c[t])``,
    so all orders come from one pass each over the concatenated code points.
    """
    n_pos = len(cp)
    if n_pos == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    sent_of = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
    pos = np.arange(n_pos, dtype=np.int64) - np.repeat(np.cumsum(lens) - lens, lens)
    c = cp.astype(np.uint64) + np.uint64(1)
    mask = np.uint64((1 << bits) - 1)
    ids, sids = [], []
    with np.errstate(over="ignore"):
        h = fmix64(c ^ _SEED)
        for n in range(1, max(orders) + 1):
            if n > 1:
                prev = np.empty_like(h)
                prev[0] = 0
                prev[1:] = h[:-1]
                h = fmix64(prev * _PRIME ^ c)
            if n in orders:
                ok = pos >= n - 1
                ids.append(((h[ok] >> np.uint64(11)) & mask).astype(np.int64))
                sids.append(sent_of[ok])
    return np.concatenate(ids), np.concatenate(sids)


def _sentence_lexicon(sentences: Sequence[str], cp: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """(n_sentences, 2): positive and negative lexicon mass of each folded sentence."""
    out = np.zeros((len(sentences), 2))
    if len(cp) == 0:
        return out
    folded = cp.astype("<u4").tobytes().decode("utf-32-le", errors="replace")
    starts = np.cumsum(lens) - lens
    _, pattern = _lexicon()
    for i, (s, n) in enumerate(zip(starts.tolist(), lens.tolist())):
        sent = folded[s:s + n]
        if pattern.search(sent) is None:
            continue
        for _, w in lexicon_hits(sent):
            if w > 0:
                out[i, 0] += w
            else:
                out[i, 1] -= w
    return out


class _Scored:
    """Raw scores of a batch: document logits and per-sentence logit contributions."""

    __slots__ = ("logits", "sent_contrib", "doc_of_sent", "sentences", "first_sent", "n_sent", "has_lex")

    def __init__(self, logits, sent_contrib, doc_of_sent, sentences, first_sent, n_sent, has_lex):
        self.has_lex = has_lex
        self.logits = logits
        self.sent_contrib = sent_contrib
        self.doc_of_sent = doc_of_sent
        self.sentences = sentences
        self.first_sent = first_sent
        self.n_sent = n_sent


def doc_features(texts: Sequence[str], model: "_Model | None" = None) -> dict[str, np.ndarray]:
    """Head inputs of many texts: the arrays the combiner reads (used by training too).

    Returns a dict with ``heads`` (n_docs, 4) head outputs without bias,
    ``sent_heads`` (n_sentences, 4) their split by sentence, ``lex`` and
    ``sent_lex`` the lexicon masses (divided by sqrt(number of sentences)),
    ``gate`` (n_docs,) the length gate, ``doc_of_sent``, ``sentences``.
    """
    m = model or _model()
    return _features(texts, m.idf, m.W, m.bits, m.orders, m.gate_chars)


def _features(texts: Sequence[str], idf: np.ndarray, W: np.ndarray, bits: int,
              orders: Sequence[int], gate_chars: float) -> dict[str, Any]:
    sentences: list[str] = []
    counts = np.zeros(len(texts), dtype=np.int64)
    n_chars = np.zeros(len(texts))
    for i, t in enumerate(texts):
        ss = split_sentences(t)
        sentences.extend(ss)
        counts[i] = len(ss)
        n_chars[i] = len(t)
    n_docs, n_sents = len(texts), len(sentences)
    doc_of_sent = np.repeat(np.arange(n_docs, dtype=np.int64), counts)
    cp, lens = fold_codepoints(sentences)
    ids, sid = ngram_buckets(cp, lens, orders, bits)
    size = np.int64(1) << np.int64(bits)
    k_out = W.shape[1]
    sent_heads = np.zeros((n_sents, k_out))
    heads = np.zeros((n_docs, k_out))
    if len(ids):
        # counts per (sentence, bucket), then per (document, bucket)
        skey, scount = np.unique(sid * size + ids, return_counts=True)
        s_of = skey // size
        b_of = skey % size
        dkey_full = doc_of_sent[s_of] * size + b_of
        dkey, inverse = np.unique(dkey_full, return_inverse=True)
        dcount = np.bincount(inverse, weights=scount)
        d_of = dkey // size
        val = (1.0 + np.log(dcount)) * idf[dkey % size]
        norm = np.sqrt(np.bincount(d_of, weights=val * val, minlength=n_docs))
        norm[norm == 0] = 1.0
        # each (sentence, bucket) entry gets its count's share of the document's value
        share = scount / dcount[inverse] * val[inverse] / norm[doc_of_sent[s_of]]
        wrows = W[b_of]
        for j in range(k_out):
            sent_heads[:, j] = np.bincount(s_of, weights=share * wrows[:, j], minlength=n_sents)
            heads[:, j] = np.bincount(doc_of_sent, weights=sent_heads[:, j], minlength=n_docs)
    lex_raw = _sentence_lexicon(sentences, cp, lens)
    scale = 1.0 / np.sqrt(np.maximum(counts, 1))
    sent_lex = lex_raw * scale[doc_of_sent][:, None]
    lex = np.zeros((n_docs, 2))
    for j in range(2):
        lex[:, j] = np.bincount(doc_of_sent, weights=sent_lex[:, j], minlength=n_docs)
    gate = n_chars / (n_chars + gate_chars)
    return {"heads": heads, "sent_heads": sent_heads, "lex": lex, "sent_lex": sent_lex,
            "gate": gate, "doc_of_sent": doc_of_sent, "sentences": sentences, "counts": counts}


def combiner_inputs(heads: np.ndarray, lex: np.ndarray, gate: np.ndarray) -> np.ndarray:
    """The combiner's linear inputs: ``[heads, lex]`` and the same gated by length."""
    base = np.concatenate([heads, lex], axis=1)
    return np.concatenate([base, base * gate[:, None]], axis=1)


def _score_batch(texts: Sequence[str]) -> _Scored:
    m = _model()
    f = _features(texts, m.idf, m.W, m.bits, m.orders, m.gate_chars)
    gate = f["gate"]
    doc_of_sent = f["doc_of_sent"]
    heads_with_bias = f["heads"] + m.b
    # constant part: combiner on biases and the length prior; sentence parts: the rest
    logits = combiner_inputs(heads_with_bias, f["lex"], gate) @ m.A[:, :-1].T + m.c + np.outer(gate, m.A[:, -1])
    sent_in = combiner_inputs(f["sent_heads"], f["sent_lex"], gate[doc_of_sent])
    sent_contrib = sent_in @ m.A[:, :-1].T
    first = np.cumsum(f["counts"]) - f["counts"]
    has_lex = f["lex"].sum(axis=1) > 0
    return _Scored(logits, sent_contrib, doc_of_sent, f["sentences"], first, f["counts"], has_lex)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def _probs_dict(p: np.ndarray) -> dict[str, float]:
    return {lab: float(round(float(v), 6)) for lab, v in zip(SENTIMENT_LABELS, p)}


_NEUTRAL = {"positive": 0.0, "neutral": 1.0, "negative": 0.0}


def decide(p: np.ndarray, has_lexicon_word: bool) -> int:
    """Index of the label for probabilities ``p``: the most probable one, except that a
    text without any lexicon word is positive or negative only with probability at
    least :data:`UNMARKED_MIN_PROB` (otherwise neutral)."""
    k = int(np.argmax(p))
    if k != 1 and not has_lexicon_word and p[k] < UNMARKED_MIN_PROB:
        return 1
    return k


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _decide_all(probs: np.ndarray, has_lex: np.ndarray) -> np.ndarray:
    """:func:`decide` for a whole batch."""
    k = probs.argmax(axis=1)
    top = probs[np.arange(len(k)), k]
    k[(k != 1) & ~has_lex & (top < UNMARKED_MIN_PROB)] = 1
    return k


def _results(texts: Sequence[str]) -> list[Sentiment]:
    scored = _score_batch(texts)
    probs = _softmax(scored.logits)
    labels = _decide_all(probs, scored.has_lex)
    # each sentence's margin for its document's label over the mean of the other two
    contrib = scored.sent_contrib
    own = contrib[np.arange(len(contrib)), labels[scored.doc_of_sent]]
    margin = own - (contrib.sum(axis=1) - own) / 2.0
    order = np.lexsort((np.arange(len(contrib)), -margin, scored.doc_of_sent)).tolist()
    margin_r = np.round(margin, 6).tolist()
    probs_r = np.round(probs, 6).tolist()
    score_r = np.round(probs[:, 0] - probs[:, 2], 6).tolist()
    first = scored.first_sent.tolist()
    counts = scored.n_sent.tolist()
    out = []
    for i, text in enumerate(texts):
        n = counts[i]
        if n == 0 or not _has_words(text):
            out.append(Sentiment("neutral", 0.0, dict(_NEUTRAL), (), n))
            continue
        lo = first[i]
        drivers = []
        for j in order[lo:lo + n][:MAX_DRIVERS]:
            if margin_r[j] <= 0:
                break
            drivers.append(SentimentDriver(j - lo, scored.sentences[j], margin_r[j]))
        p = probs_r[i]
        out.append(Sentiment(SENTIMENT_LABELS[labels[i]], score_r[i],
                             {"positive": p[0], "neutral": p[1], "negative": p[2]}, tuple(drivers), n))
    return out


# --- SnowNLP backend ------------------------------------------------------------------


def _snownlp_class():
    try:
        from snownlp import SnowNLP
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "backend='snownlp' needs the snownlp package: pip install snownlp "
            "(or pip install 'zhnews[snownlp]')"
        ) from exc
    return SnowNLP


def _snownlp_one(text: str, cls) -> Sentiment:
    sentences = split_sentences(text)
    if not sentences or not _has_words(text):
        return Sentiment("neutral", 0.0, dict(_NEUTRAL), (), len(sentences), "snownlp")
    p_pos = float(cls(text).sentiments)
    lo, hi = SNOWNLP_NEUTRAL_BAND
    label = "positive" if p_pos > hi else "negative" if p_pos < lo else "neutral"
    probs = {"positive": round(p_pos, 6), "neutral": 0.0, "negative": round(1.0 - p_pos, 6)}
    return Sentiment(label, round(2.0 * p_pos - 1.0, 6), probs, (), len(sentences), "snownlp")


# --- public API -----------------------------------------------------------------------


def _check_backend(backend: Any) -> str:
    if not isinstance(backend, str):
        raise TypeError(f"argument 'backend' must be str, not {type(backend).__name__}")
    if backend not in SENTIMENT_BACKENDS:
        raise ValueError(f"argument 'backend' must be one of {SENTIMENT_BACKENDS}, got {backend!r}")
    return backend


def _texts(texts: Any) -> list[str]:
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(f"argument 'texts' must be a list of str, not {type(texts).__name__}")
    try:
        items = list(texts)
    except TypeError:
        raise TypeError(f"argument 'texts' must be a list of str, not {type(texts).__name__}") from None
    for i, t in enumerate(items):
        if not isinstance(t, str):
            raise TypeError(f"argument 'texts' must be a list of str; item {i} is {type(t).__name__}")
    return items


def score_sentiment(text: str, *, backend: str = "zhnews") -> Sentiment:
    """The sentiment of one text (a post, a sentence or a whole article).

    Args:
        text: the text.  Empty text, and text without letters or characters,
            is neutral.
        backend: ``"zhnews"`` (the shipped model) or ``"snownlp"`` (SnowNLP's
            shopping-review model; its positive probability p gives
            ``score = 2p - 1`` and is neutral for 0.4 ≤ p ≤ 0.6).

    Raises:
        TypeError: ``text`` is not a ``str``.
        ImportError: ``backend="snownlp"`` and snownlp is not installed.

    >>> r = score_sentiment("主力资金大幅流出，股价破位下跌，恐慌情绪蔓延。")
    >>> r.label, r.score < 0
    ('negative', True)
    >>> score_sentiment(123)
    Traceback (most recent call last):
    ...
    TypeError: argument 'text' must be str, not int
    """
    require_str(text, "text")
    return score_sentiment_many([text], backend=backend)[0]


def score_sentiment_many(texts: Iterable[str], *, backend: str = "zhnews",
                         batch_size: int = 2048) -> list[Sentiment]:
    """Score many texts at once (vectorised; same results as :func:`score_sentiment`).

    Args:
        texts: a list (or iterable) of ``str``.
        backend: as for :func:`score_sentiment`.
        batch_size: texts featurised together (memory grows with it).

    >>> [r.label for r in score_sentiment_many(["股价涨停，利好！", "公司亏损严重，跌停。", ""])]
    ['positive', 'negative', 'neutral']
    """
    items = _texts(texts)
    backend = _check_backend(backend)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise TypeError("argument 'batch_size' must be a positive int")
    if backend == "snownlp":
        cls = _snownlp_class()
        return [_snownlp_one(t, cls) for t in items]
    out: list[Sentiment] = []
    for start in range(0, len(items), batch_size):
        out.extend(_results(items[start:start + batch_size]))
    return out


def sentence_sentiments(text: str, *, backend: str = "zhnews") -> list[SentenceSentiment]:
    """Each sentence of ``text`` scored on its own, with its push on the document score.

    Sentences are those of :func:`zhnews.text.split_sentences`.  ``contribution``
    is the sentence's share of the document logits (positive minus negative),
    so the sentences with the largest ``|contribution|`` are the ones that
    decided :func:`score_sentiment` for the whole text.

    >>> rows = sentence_sentiments("公司发布年报。净利润大幅增长，超预期！")
    >>> [(r.index, r.label) for r in rows]
    [(0, 'neutral'), (1, 'positive')]
    >>> rows[1].contribution > rows[0].contribution
    True
    """
    require_str(text, "text")
    backend = _check_backend(backend)
    sentences = split_sentences(text)
    if not sentences:
        return []
    if backend == "snownlp":
        cls = _snownlp_class()
        return [
            SentenceSentiment(i, s, r.label, r.score, r.probabilities)
            for i, (s, r) in enumerate(zip(sentences, (_snownlp_one(s, cls) for s in sentences)))
        ]
    each = _results(sentences)
    doc = _score_batch([text])
    push = doc.sent_contrib[:, 0] - doc.sent_contrib[:, 2]
    return [
        SentenceSentiment(i, s, r.label, r.score, r.probabilities, round(float(push[i]), 6))
        for i, (s, r) in enumerate(zip(sentences, each))
    ]


def sentiment_model_info() -> dict[str, Any]:
    """What the shipped model is: metadata, validation figures and array sizes (loads it)."""
    m = _model()
    info = dict(m.meta)
    info["array_bytes"] = m.nbytes
    return info
