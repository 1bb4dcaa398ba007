"""Key claims: the few sentences that carry an article's main factual claims.

Each sentence of the (clean) article is described by a small set of features —
its figures and changes (:func:`zhnews.parse_quantities`), dates and announcement
verbs, attribution (据…透露, …表示, 报告显示), position, centrality to the article,
overlap with the headline, and penalties for questions, rhetoric, anecdotes,
background, headings and table-like lines — and scored by a logistic model whose
weights (``resources/claims_weights.json``) were fitted on the hand-labelled
claims in ``data/claims`` by ``scripts/train_claims.py`` (leave-one-article-out
validation figures are in ``docs/claims.md``).  The top sentences are returned
best first, near-identical ones once, each with its quantities and attribution.  A second logistic model, fitted on the
claims alone, prefers the article's core claims (headline facts) among them.

>>> text = '''抖音电商发布消费者体验报告
... 5月13日，抖音电商发布了《2024抖音电商消费者体验报告》。
... 电商进入用户时代。
... 2023年，该平台48小时内发货订单比例同比提升10%，整体发货时长同比缩短11小时。
... 谈到抖音电商客服，消费者小丽的第一反应是感动。
... 据魏雯雯透露，下半年抖音电商将继续加大投入。'''
>>> claims = extract_claims(text, top_k=3)
>>> [c.sentence_index for c in claims]
[1, 3, 5]
>>> claims[2].attribution
'魏雯雯'
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._validate import require_int, require_text_or_paragraphs
from .text import matching_key, split_paragraphs, split_sentences

__all__ = ["Claim", "extract_claims", "attribution", "sentence_features", "FEATURES"]


@dataclass(frozen=True)
class Claim:
    """One key-claim sentence.

    Attributes:
        text: the sentence, exactly as in the input.
        sentence_index: its position among all sentences of the article.
        paragraph_index: the paragraph it is in (index into the paragraphs given).
        score: the model's score (higher is more claim-like).
        quantities: its figures (:class:`zhnews.quantities.Quantity`), in order.
        attribution: the source of an attributed claim (据魏雯雯透露 → ``"魏雯雯"``,
            报告显示 → ``"报告"``), or ``None``.
    """

    text: str
    sentence_index: int
    paragraph_index: int
    score: float
    quantities: tuple[Any, ...] = ()
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sentence_index": self.sentence_index, "paragraph_index": self.paragraph_index,
                "score": self.score, "attribution": self.attribution,
                "quantities": [q.to_dict() if hasattr(q, "to_dict") else q for q in self.quantities]}


# --- attribution -----------------------------------------------------------------------------

_SAY = r"(?:透露|表示|称|指出|介绍|强调|认为|说|坦言|预计|预测|宣布|披露|回应|解释|提到|直言|告诉|证实|承认|警告|呼吁)"
_SHOW = r"(?:显示|表明|指出|称|披露|发现)"
_ACCORDING_RE = re.compile(r"据([^，,。；;：:“”]{1,24}?)(?:的)?(?:透露|介绍|报道|统计|了解|悉|称|表示|显示|数据|消息|公告|测算|估计|分析)")
_DOC_RE = re.compile(r"([^，,。；;：:“”]{0,24}?(?:报告|数据|公告|调查|研究|统计|文件|声明|通知|意见|财报|年报|研报|方案|规划|办法|消息|资料))" + _SHOW)
_SAYS_RE = re.compile(r"(?:^|[，,；;。：:”])\s*([^，,。；;：:“”]{2,30}?)" + _SAY + r"(?:[，,：:]|“|$)")
_LEADING_NOISE_RE = re.compile(
    r"^(?:近日|日前|此前|同日|当天|当日|今天|昨天|目前|随后|此外|另外|同时|其中|对此|而|但|并|且|也|还|则|"
    r"(?:\d{1,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?|[上下]午|晚间|早间)+")
# a cheap test for the feature; the source itself is parsed only for returned claims
_ATTRIBUTED_RE = re.compile(r"(?:^|[，,。；;：:\s“])据(?!说)|" + _SAY + "|" + _SHOW)
_GENERIC_SOURCES = {"统计", "了解", "悉", "报道", "介绍", "测算", "估计", "分析", "他", "她", "他们", "她们", "我", "我们", "有人", "业内"}


def attribution(sentence: str) -> str | None:
    """The source of an attributed statement, or ``None``.

    >>> attribution("据魏雯雯透露，下半年抖音电商将继续加大投入。")
    '魏雯雯'
    >>> attribution("报告显示，过去一年平台改善了售后服务。")
    '报告'
    >>> attribution("抖音电商总裁魏雯雯表示，全员要进一步加强协作。")
    '抖音电商总裁魏雯雯'
    >>> attribution("电商进入用户时代。") is None
    True
    """
    if not isinstance(sentence, str):
        raise TypeError(f"argument 'sentence' must be str, not {type(sentence).__name__}")
    s = sentence[:400]
    m = _ACCORDING_RE.search(s)
    if m:
        src = _clean_source(m.group(1))
        if src:
            return src
    m = _DOC_RE.search(s)
    if m:
        src = _clean_source(m.group(1))
        if src:
            return src
    m = _SAYS_RE.search(s)
    if m:
        src = _clean_source(m.group(1))
        if src and src not in _GENERIC_SOURCES:
            return src
    return None


def _clean_source(src: str) -> str | None:
    src = _LEADING_NOISE_RE.sub("", src.strip(" 　\t“”\"'（）()"))
    src = re.sub(r"^(?:该|这份|这一|此|一份|一组|这组|最新)+", "", src)
    src = re.sub(r"(?:也|还|则|更|均|都|已|曾|再次|进一步|公开|近日|日前|此前|对此|随后)+$", "", src)
    if not src or src in _GENERIC_SOURCES or len(src) > 24:
        return None
    # "抖音电商公布的一组数据" → keep the phrase; a bare document word stays as it is
    return src


# --- features --------------------------------------------------------------------------------

FEATURES = (
    "bias", "has_figure", "figures", "large_figure", "meeting", "changes", "basis", "money", "percent", "date", "event_verb", "attributed",
    "is_title", "lead", "first_paragraph", "first_in_paragraph", "position", "centrality", "centrality_z",
    "title_overlap", "title_overlap_z",
    "question", "rhetoric", "anecdote", "background", "heading", "table_like", "short", "long", "quote_only",
)

_DATE_RE = re.compile(r"\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月(?:份|底|末|初|中旬|上旬|下旬)?|[今去明前]年|本月|上月|"
                      r"[上下]半年|第[一二三四1-4]季度|前[三两1-3]季度|一季度|二季度|三季度|四季度|近日|日前|当日|同日")
_EVENT_RE = re.compile(r"发布|宣布|公布|推出|启动|签署|签约|批准|审议通过|表决通过|获得?通过|通过了|决定|下调|上调|增持|减持|收购|并购|罚款|处罚|起诉|"
                       r"判决|裁定|实施|出台|印发|成立|上市|开通|完成|达成|获得|获批|投产|落地|披露|发行|"
                       r"回购|中标|停产|暂停|叫停|关闭|立案|调查|逮捕|提出|部署|要求|规定|明确")
# meetings and visits are events too, but more often the scene than the news
_MEETING_RE = re.compile(r"举行|召开|举办|出席|会见|会晤|访问|考察|调研|座谈|交流会|研讨会|论坛|峰会")
_MAGNITUDE_UNITS = ("万", "亿")
_QUESTION_RE = re.compile(r"[？?]|[吗呢么]\W*$")
_RHETORIC_RE = re.compile(r"[！!]|我们|你们|你|咱们|让我们|不妨|难道|何尝|岂|意味着|可见|可以说|毫无疑问|不可否认|值得|"
                          r"离不开|关键在于|归根到底|说到底|本质上|换句话说|显然|无疑|应该|应当|必须|需要|才能|正在成为")
_ANECDOTE_RE = re.compile(r"回忆|记得|那天|那年|有一次|笑着说|感慨|告诉记者|她说|他说|她的|他的|孩子|母亲|父亲|妈妈|爸爸|"
                          r"(?:消费者|市民|网友|居民|村民|患者|学生|家长|顾客|用户)[\u4e00-\u9fff]{1,3}"
                          r"(?:说|表示|的第一反应|告诉|回忆|坦言)")
_BACKGROUND_RE = re.compile(r"成立于|创立于|创办于|始建于|是一家|是一个|是中国|是全球|是国内|历史上|自古以来|多年来|长期以来|"
                            r"过去(?:[几数十百]+|\d{2,})[\u4e00-\u9fff]{0,2}年|早在|曾经|回顾|众所周知|近年来|一直以来|"
                            r"^作为[^，,。]{2,30}[，,]")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_DIGIT_RE = re.compile(r"\d")
# a sentence without a digit or a Chinese numeral has no figure to parse
_DIGITISH_RE = re.compile(r"[\d０-９一二三四五六七八九十两半百千万亿零〇廿卅成倍]")
_END_PUNCT = tuple("。！？!?；;…”」）)")


def _gram_list(key: str) -> list[str]:
    """Character bigrams of a matching key (a key of one character or none is its own gram)."""
    return list(map(str.__add__, key[:-1], key[1:])) if len(key) > 1 else [key]


def _bigrams(key: str) -> Counter:
    return Counter(_gram_list(key))


def _centrality_and_title_overlap(keys: Sequence[str], title_key: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: TF-IDF cosine of its bigrams with the article's bigram total, and
    Jaccard overlap of its bigram set with the title's.

    Sparse (sentence, bigram) pairs in numpy rather than one dict per sentence: an
    article of a few thousand characters is scored in well under a millisecond, and a
    huge one stays linear."""
    grams = [_gram_list(k) for k in keys]
    n = len(keys)
    vocab, cols = np.unique(np.array([g for gs in grams for g in gs]), return_inverse=True)
    rows = np.repeat(np.arange(n, dtype=np.int64), [len(gs) for gs in grams])
    pairs, counts = np.unique(rows * len(vocab) + cols.reshape(-1), return_counts=True)
    r, c = pairs // len(vocab), pairs % len(vocab)
    df = np.bincount(c, minlength=len(vocab))
    idf = np.log((1 + n) / (1 + df)) + 1.0
    w = counts * idf[c]
    centroid = np.bincount(c, weights=counts, minlength=len(vocab)) * idf
    cnorm = math.sqrt(float(centroid @ centroid))
    norms = np.sqrt(np.bincount(r, weights=w * w, minlength=n))
    dots = np.bincount(r, weights=w * centroid[c], minlength=n)
    centrality = np.zeros(n)
    ok = norms > 0
    if cnorm:
        centrality[ok] = dots[ok] / (norms[ok] * cnorm)
    overlap = np.zeros(n)
    if title_key is not None:
        title_set = set(_gram_list(title_key))
        in_title = np.isin(vocab, list(title_set))
        inter = np.bincount(r, weights=in_title[c], minlength=n)
        union = np.bincount(r, minlength=n) + len(title_set) - inter
        overlap = inter / union
    return centrality, overlap


@functools.lru_cache(maxsize=4096)
def _quantities(sentence: str) -> tuple[Any, ...]:
    from .quantities import parse_quantities

    return tuple(parse_quantities(sentence))


_MONEY_UNITS = ("元", "美元", "港元", "欧元", "日元", "英镑", "澳元", "新台币", "卢布", "韩元")


def sentence_features(sentences: Sequence[tuple[int, str]], title: str | None = None) -> list[dict[str, float]]:
    """The feature values (see :data:`FEATURES`) of each ``(paragraph_index, sentence)``
    of one article, in order."""
    keys = [matching_key(s) for _, s in sentences]
    n = max(len(sentences), 1)
    title_key = matching_key(title) if title else ""
    centrality, title_overlap = (_centrality_and_title_overlap(keys, title_key if title else None)
                                 if keys else ((), ()))
    is_title = [bool(title_key) and key == title_key for key in keys]
    body_paras = [p for (p, _), t in zip(sentences, is_title) if not t]
    first_para = body_paras[0] if body_paras else 0
    out = []
    prev_para = None
    for k, ((para, sent), key) in enumerate(zip(sentences, keys)):
        qs = _quantities(sent) if _DIGITISH_RE.search(sent) else ()
        figures = [q for q in qs if getattr(q, "is_figure", True)]
        cjk = len(_CJK_RE.findall(sent)) or 1
        digits = len(_DIGIT_RE.findall(sent))
        stripped = sent.strip()
        f = {
            "bias": 1.0,
            "has_figure": float(bool(figures)),
            "large_figure": float(any(isinstance(getattr(q, "value", None), (int, float))
                                      and abs(q.value) >= 10_000 for q in figures)),
            "meeting": float(_MEETING_RE.search(sent) is not None),
            "figures": math.log1p(min(len(figures), 6)),
            "changes": float(any(getattr(q, "change", None) for q in figures)),
            "basis": float(any(getattr(q, "basis", None) for q in figures)),
            "money": float(any(getattr(q, "unit", "") in _MONEY_UNITS for q in figures)),
            "percent": float(any(getattr(q, "unit", "") in ("%", "个百分点") for q in figures)),
            "date": float(_DATE_RE.search(sent) is not None),
            "event_verb": float(_EVENT_RE.search(sent) is not None),
            "attributed": float(_ATTRIBUTED_RE.search(sent) is not None),
            "is_title": float(is_title[k]),
            "first_paragraph": float(para == first_para and not is_title[k]),
            "first_in_paragraph": float(para != prev_para),
            "position": k / n,
            "centrality": float(centrality[k]),
            "title_overlap": float(title_overlap[k]),
            "question": float(_QUESTION_RE.search(stripped) is not None),
            "rhetoric": float(_RHETORIC_RE.search(sent) is not None),
            "anecdote": float(_ANECDOTE_RE.search(sent) is not None),
            "background": float(_BACKGROUND_RE.search(sent) is not None),
            "heading": float(not stripped.endswith(_END_PUNCT) and len(key) <= 30),
            "table_like": float(digits / (cjk + digits) > 0.45 or len(figures) >= 6),
            "short": float(len(key) < 12),
            "long": float(len(key) > 160),
            "quote_only": float(stripped.startswith(("“", "「")) and stripped.rstrip("。").endswith(("”", "」"))),
        }
        out.append(f)
        prev_para = para
    # within-article standing: how central / on-topic a sentence is compared with the rest
    for name in ("centrality", "title_overlap"):
        values = [f[name] for f in out]
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
        for f, v in zip(out, values):
            f[name + "_z"] = max(-3.0, min(3.0, (v - mean) / sd))
    lead = next((k for k, t in enumerate(is_title) if not t), None)
    for k, f in enumerate(out):
        f["lead"] = float(k == lead)
    return out


@functools.lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], dict[str, float], float]:
    """(claim weights, core weights, beta) from resources/claims_weights.json."""
    from .resources import resource_json

    data = resource_json("claims_weights.json")
    claim = {name: float(data["weights"].get(name, 0.0)) for name in FEATURES}
    core = {name: float(data.get("core_weights", {}).get(name, 0.0)) for name in FEATURES}
    return claim, core, float(data.get("beta", 0.0))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _score(features: dict[str, float], model: tuple[dict[str, float], dict[str, float], float]) -> float:
    """P(claim) · P(core | claim)^beta: claim-like first, the article's headline facts first
    among claims."""
    claim, core, beta = model
    p = _sigmoid(sum(claim[name] * features[name] for name in FEATURES))
    if beta:
        p *= _sigmoid(sum(core[name] * features[name] for name in FEATURES)) ** beta
    return p


def _scores(feats: Sequence[dict[str, float]], model: tuple[dict[str, float], dict[str, float], float]) -> list[float]:
    """:func:`_score` of every sentence at once."""
    claim, core, beta = model
    matrix = np.array([[f[name] for name in FEATURES] for f in feats], dtype=float).reshape(len(feats), len(FEATURES))
    z = np.clip(matrix @ np.array([claim[name] for name in FEATURES]), -30.0, 30.0)
    p = 1.0 / (1.0 + np.exp(-z))
    if beta:
        zc = np.clip(matrix @ np.array([core[name] for name in FEATURES]), -30.0, 30.0)
        p = p * (1.0 / (1.0 + np.exp(-zc))) ** beta
    return p.tolist()


_NEAR_SAME = 0.6


def extract_claims(
    text: str | Sequence[str],
    *,
    top_k: int = 5,
    title: str | None = None,
    min_score: float = 0.0,
) -> list[Claim]:
    """The sentences that carry the article's main factual claims, best first.

    Args:
        text: the article (run it on :func:`zhnews.clean` output, or its paragraphs,
            so that boilerplate never becomes a claim).
        top_k: how many claims at most.
        title: the headline, when it is not the first paragraph (used for overlap).
        min_score: leave out sentences scoring below this (0 keeps the ``top_k`` best).

    Never raises on a ``str``; non-str input raises ``TypeError``.
    """
    require_text_or_paragraphs(text, "text")
    require_int(top_k, "top_k", minimum=0)
    paragraphs = split_paragraphs(text)
    sentences: list[tuple[int, str]] = []
    for p, para in enumerate(paragraphs):
        for sent in split_sentences(para):
            sentences.append((p, sent))
    if not sentences or top_k == 0:
        return []
    if title is None and paragraphs and len(split_sentences(paragraphs[0])) == 1 and not paragraphs[0].endswith("。"):
        title = paragraphs[0]
    feats = sentence_features(sentences, title)
    model = _model()
    scored = list(zip(_scores(feats, model), range(len(feats))))
    scored.sort(key=lambda si: (-si[0], si[1]))
    chosen: list[tuple[float, int]] = []
    chosen_grams: list[set[str]] = []
    for score, i in scored:
        if score < min_score or len(chosen) >= top_k:
            break
        if title is not None and sentences[i][1].strip() == title.strip():
            continue  # the headline restates the article; it is not itself a claim
        grams = set(_bigrams(matching_key(sentences[i][1])))
        if any(len(grams & g) / (len(grams | g) or 1) >= _NEAR_SAME for g in chosen_grams):
            continue  # a near-identical claim is returned once
        chosen.append((score, i))
        chosen_grams.append(grams)
    out = []
    for score, i in chosen:
        para, sent = sentences[i]
        out.append(Claim(text=sent, sentence_index=i, paragraph_index=para, score=round(score, 4),
                         quantities=_quantities(sent), attribution=attribution(sent)))
    return out
