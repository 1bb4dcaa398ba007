"""scikit-learn transformers over the zhnews functions, for ``sklearn.pipeline.Pipeline``.

Each transformer takes a 1-D sequence of texts (a list, a numpy array or a pandas
Series) and keeps one output row per input row, as scikit-learn requires:

* :class:`BoilerplateStripper` — the clean text of each article (:func:`zhnews.clean`);
* :class:`NearDuplicateFilter` — near-copies of an earlier text (seen in ``fit`` or
  earlier in the same batch) become ``""``, so the next step sees nothing of them;
* :class:`SentimentScorer` — four numeric columns: score, P(negative), P(neutral),
  P(positive) (:func:`zhnews.score_sentiment_many`);
* :class:`ClaimExtractor` — the text of each article's key claims.

>>> from sklearn.pipeline import make_pipeline
>>> from sklearn.feature_extraction.text import TfidfVectorizer
>>> from sklearn.linear_model import LogisticRegression
>>> texts = ["央行宣布降准，市场大涨。\\n点个在看", "公司亏损扩大，股价暴跌。\\n责任编辑：张三"] * 4
>>> pipe = make_pipeline(BoilerplateStripper(), TfidfVectorizer(analyzer="char"), LogisticRegression())
>>> pipe.fit(texts, [1, 0] * 4).predict(["降准利好，市场上涨。"]).tolist()
[1]
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

__all__ = ["BoilerplateStripper", "NearDuplicateFilter", "SentimentScorer", "ClaimExtractor"]


def _texts(X: Any, name: str = "X") -> list[str]:
    if isinstance(X, str):
        raise TypeError(f"{name} must be a sequence of texts, not a single str")
    if hasattr(X, "ndim") and getattr(X, "ndim", 1) == 2:
        X = np.asarray(X)
        if X.shape[1] != 1:
            raise ValueError(f"{name} must be one column of texts, got shape {X.shape}")
        X = X[:, 0]
    out = []
    for i, x in enumerate(X):
        if not isinstance(x, str):
            raise TypeError(f"{name}[{i}] must be str, not {type(x).__name__}")
        out.append(x)
    return out


class BoilerplateStripper(TransformerMixin, BaseEstimator):
    """Clean text: boilerplate, repeats and near-copies removed (:func:`zhnews.clean`).

    Args:
        near_duplicates: Jaccard threshold for in-article near-copies (None: exact only).
        normalize: normalise width and whitespace in the output.
        format: ``"auto"``, ``"text"`` or ``"html"``.
    """

    def __init__(self, near_duplicates: float | None = 0.8, normalize: bool = False, format: str = "auto"):
        self.near_duplicates = near_duplicates
        self.normalize = normalize
        self.format = format

    def fit(self, X: Iterable[str], y: Any = None) -> "BoilerplateStripper":
        _texts(X)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        from .pipeline import clean

        return np.array([clean(t, near_duplicates=self.near_duplicates, normalize=self.normalize,
                               format=self.format).text for t in _texts(X)], dtype=object)

    def _more_tags(self) -> dict[str, Any]:
        return {"X_types": ["string"], "stateless": True}


class NearDuplicateFilter(TransformerMixin, BaseEstimator):
    """Blank out near-duplicate texts (Jaccard ≥ ``threshold`` with a text seen before).

    ``fit`` indexes the training texts (near-copies among them count from the second
    on); ``transform`` compares each text with the fitted index and with the earlier
    texts of the same call.  After ``transform``, ``duplicate_of_`` holds, for each row,
    the position of the text it repeats (``"fit:<i>"`` for a fitted text) or None.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128):
        self.threshold = threshold
        self.num_perm = num_perm

    def fit(self, X: Iterable[str], y: Any = None) -> "NearDuplicateFilter":
        from .dedup import NearDuplicateIndex, dedup_stream

        texts = _texts(X)
        self.index_ = NearDuplicateIndex(threshold=self.threshold, num_perm=self.num_perm)
        records = ({"id": f"fit:{i}", "text": t} for i, t in enumerate(texts))
        for _ in dedup_stream(records, index=self.index_):
            pass
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        from .dedup import NearDuplicateIndex, dedup_stream

        if not hasattr(self, "index_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("NearDuplicateFilter is not fitted yet; call fit first")
        texts = _texts(X)
        # a copy of the fitted index, so that transform leaves the estimator unchanged
        index = NearDuplicateIndex(threshold=self.threshold, num_perm=self.num_perm)
        fitted = self.index_.keys()
        if fitted:
            index.add_signatures(fitted, np.vstack([self.index_.signature_of(k) for k in fitted]))
        out, dup_of = [], []
        records = ({"id": i, "text": t} for i, t in enumerate(texts))
        for rec in dedup_stream(records, index=index):
            dup_of.append(rec["duplicate_of"])
            out.append("" if rec["duplicate_of"] is not None else rec["text"])
        self.duplicate_of_ = dup_of
        return np.array(out, dtype=object)

    def _more_tags(self) -> dict[str, Any]:
        return {"X_types": ["string"]}


class SentimentScorer(TransformerMixin, BaseEstimator):
    """Sentiment features: score and class probabilities (negative, neutral, positive)."""

    def fit(self, X: Iterable[str], y: Any = None) -> "SentimentScorer":
        _texts(X)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        from .sentiment import score_sentiment_many

        results = score_sentiment_many(_texts(X))
        rows = []
        for r in results:
            probs = dict(r.probabilities) if not isinstance(r.probabilities, dict) else r.probabilities
            rows.append([r.score, probs.get("negative", 0.0), probs.get("neutral", 0.0), probs.get("positive", 0.0)])
        return np.array(rows, dtype=float).reshape(len(rows), 4)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.array(["sentiment_score", "p_negative", "p_neutral", "p_positive"], dtype=object)

    def _more_tags(self) -> dict[str, Any]:
        return {"X_types": ["string"], "stateless": True}


class ClaimExtractor(TransformerMixin, BaseEstimator):
    """The text of each article's top claims, one per line (:func:`zhnews.extract_claims`)."""

    def __init__(self, top_k: int = 5):
        self.top_k = top_k

    def fit(self, X: Iterable[str], y: Any = None) -> "ClaimExtractor":
        _texts(X)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        from .claims import extract_claims

        return np.array(["\n".join(c.text for c in extract_claims(t, top_k=self.top_k)) for t in _texts(X)],
                        dtype=object)

    def _more_tags(self) -> dict[str, Any]:
        return {"X_types": ["string"], "stateless": True}
