"""pandas helpers: clean a column, or process a whole frame.

Importing this module registers a ``.zhnews`` accessor on Series:

>>> import pandas as pd
>>> import zhnews.pandas  # registers the accessor
>>> s = pd.Series(["央行宣布降准。\\n点个在看", "公司发布年报。\\n责任编辑：张三"])
>>> s.zhnews.clean().tolist()
['央行宣布降准。', '公司发布年报。']
>>> s.pipe(zhnews.pandas.clean_text).tolist() == s.zhnews.clean().tolist()
True
>>> frame = zhnews.pandas.process_frame(pd.DataFrame({"id": [1, 2], "text": s}), steps=["clean"])
>>> frame[["id", "text", "n_removed"]].values.tolist()
[[1, '央行宣布降准。', 1], [2, '公司发布年报。', 1]]
"""

from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from .pipeline import DEFAULT_STEPS, clean, process

__all__ = ["clean_text", "process_frame"]


def clean_text(series: pd.Series, **options: Any) -> pd.Series:
    """The clean text of every article in a Series (same index); options go to
    :func:`zhnews.clean`.  Missing values stay missing."""
    return series.map(lambda t: clean(t, **options).text if isinstance(t, str) else t)


def process_frame(frame: pd.DataFrame, *, text: str = "text", steps: Sequence[str] = DEFAULT_STEPS,
                  **options: Any) -> pd.DataFrame:
    """Run :func:`zhnews.process` on every row; returns a frame with the input's columns
    plus ``text`` (clean), ``n_removed``, ``removed`` (list of dicts) and, when those steps
    ran, ``sentiment_label``, ``sentiment_score`` and ``claims`` (list of claim texts)."""
    rows = []
    for record in frame.to_dict("records"):
        body = record.get(text)
        if not isinstance(body, str):
            rows.append({**record, "n_removed": None, "removed": None})
            continue
        result = process({**{k: v for k, v in record.items() if k != text}, "text": body}, steps=steps, **options)
        row = {**record, text: result.text, "n_removed": len(result.removed),
               "removed": [r.to_dict() for r in result.removed]}
        if result.sentiment is not None:
            row["sentiment_label"] = result.sentiment.label
            row["sentiment_score"] = result.sentiment.score
        if result.claims is not None:
            row["claims"] = [c.text for c in result.claims]
        rows.append(row)
    return pd.DataFrame(rows, index=frame.index)


@pd.api.extensions.register_series_accessor("zhnews")
class _ZhnewsAccessor:
    """``series.zhnews.clean(...)``: the clean text of each article."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def clean(self, **options: Any) -> pd.Series:
        return clean_text(self._series, **options)
