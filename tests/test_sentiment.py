import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from zhnews import sentiment as S
from zhnews.sentiment import (
    SENTIMENT_LABELS,
    Sentiment,
    SentenceSentiment,
    score_sentiment,
    score_sentiment_many,
    sentence_sentiments,
)
from zhnews.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

POSITIVE = [
    "公司业绩大幅增长，股价涨停，利好不断！",
    "业绩超预期，股价创新高。",
    "一季度净利润同比增长45%，扭亏为盈，订单饱满。",
    "这只股票太牛了，明天继续涨停，坚定持有！",
    "酒店服务很好，房间干净，早餐丰富，下次还来。",
]
NEGATIVE = [
    "巨额亏损，股价跌停，公司被立案调查。",
    "主力资金大幅流出，股价破位下跌，恐慌情绪蔓延。",
    "公司涉嫌财务造假，被证监会处罚，投资者损失惨重。",
    "垃圾股，天天跌，套牢了，割肉出局。",
    "房间又脏又小，服务态度恶劣，再也不会来了。",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_clear_positive(text):
    r = score_sentiment(text)
    assert r.label == "positive"
    assert r.score > 0.3


@pytest.mark.parametrize("text", NEGATIVE)
def test_clear_negative(text):
    r = score_sentiment(text)
    assert r.label == "negative"
    assert r.score < -0.3


@pytest.mark.parametrize("text", ["", "   \n\t", "。！？", "12345", "——……"])
def test_empty_and_wordless_text_is_neutral(text):
    r = score_sentiment(text)
    assert r.label == "neutral"
    assert r.score == 0.0
    assert r.probabilities == {"positive": 0.0, "neutral": 1.0, "negative": 0.0}
    assert r.drivers == ()


@pytest.mark.parametrize("text", ["今天是星期三。", "本报记者从北京发来报道。", "公司公告。", "董事会决议通过。"])
def test_text_without_sentiment_words_is_neutral(text):
    assert score_sentiment(text).label == "neutral"


def test_ranges_and_probabilities():
    texts = POSITIVE + NEGATIVE + ["公司发布公告称将于下周召开股东大会。"]
    for r in score_sentiment_many(texts):
        assert isinstance(r, Sentiment)
        assert r.label in SENTIMENT_LABELS
        assert -1.0 <= r.score <= 1.0
        assert set(r.probabilities) == set(SENTIMENT_LABELS)
        assert all(0.0 <= p <= 1.0 for p in r.probabilities.values())
        assert math.isclose(sum(r.probabilities.values()), 1.0, abs_tol=1e-5)
        assert math.isclose(r.score, r.probabilities["positive"] - r.probabilities["negative"], abs_tol=1e-5)
        assert r.label == max(r.probabilities, key=r.probabilities.get) or r.label == "neutral"


def test_batch_equals_single_and_is_deterministic():
    texts = POSITIVE + NEGATIVE + ["", "公司公告。\n董事会决议通过。"] + [FIXTURES.joinpath(
        "douyin-consumer-experience.clean.txt").read_text(encoding="utf-8")]
    batch = score_sentiment_many(texts)
    assert batch == [score_sentiment(t) for t in texts]
    assert batch == score_sentiment_many(list(texts))
    assert score_sentiment_many(texts, batch_size=3) == batch
    assert score_sentiment_many(iter(texts)) == batch


def test_seed_article_positive_with_sentence_results():
    text = FIXTURES.joinpath("douyin-consumer-experience.clean.txt").read_text(encoding="utf-8")
    r = score_sentiment(text)
    assert r.label == "positive"
    assert r.n_sentences == len(split_sentences(text))
    assert 1 <= len(r.drivers) <= S.MAX_DRIVERS
    sentences = split_sentences(text)
    for d in r.drivers:
        assert sentences[d.index] == d.text
        assert d.contribution > 0
    assert [d.contribution for d in r.drivers] == sorted((d.contribution for d in r.drivers), reverse=True)
    rows = sentence_sentiments(text)
    assert [s.text for s in rows] == sentences
    assert [s.index for s in rows] == list(range(len(sentences)))
    assert all(isinstance(s, SentenceSentiment) and s.label in SENTIMENT_LABELS for s in rows)
    assert any(s.label == "positive" for s in rows)
    json.dumps(r.to_dict(), ensure_ascii=False)
    json.dumps([s.to_dict() for s in rows], ensure_ascii=False)


def test_document_logits_are_a_sum_of_sentence_contributions():
    text = "公司发布年报。净利润大幅增长，超预期！但海外业务亏损扩大。"
    scored = S._score_batch([text])
    m = S._model()
    gate = np.array([len(text) / (len(text) + m.gate_chars)])
    const = (S.combiner_inputs(m.b[None, :], np.zeros((1, 2)), gate) @ m.A[:, :-1].T
             + m.c + gate[:, None] * m.A[:, -1])
    assert np.allclose(scored.logits[0], const[0] + scored.sent_contrib.sum(axis=0))
    push = [s.contribution for s in sentence_sentiments(text)]
    assert push[1] > 0 > push[2]


def test_sentence_sentiments_single_sentence_and_empty():
    assert sentence_sentiments("") == []
    (only,) = sentence_sentiments("股价涨停！")
    assert only.index == 0 and only.label == "positive"


def test_negation_flips_lexicon_words():
    assert S.lexicon_hits("业绩增长") == [("增长", 1.0)]
    assert S.lexicon_hits("业绩没有增长") == [("增长", -1.0)]
    assert S.lexicon_hits("营收大幅下滑") == [("下滑", -1.5)]
    assert S.lexicon_hits("利润略有下降")[0][1] == -0.5
    assert S.lexicon_hits("公司不断发展壮大，持续增长") == [("增长", 1.0)]


def test_type_errors_name_the_argument():
    with pytest.raises(TypeError, match="'text'"):
        score_sentiment(None)
    with pytest.raises(TypeError, match="'text'"):
        score_sentiment(b"\xe5\x88\xa9\xe5\xa5\xbd")
    with pytest.raises(TypeError, match="'text'"):
        sentence_sentiments(42)
    with pytest.raises(TypeError, match="'texts'"):
        score_sentiment_many("利好")
    with pytest.raises(TypeError, match="'texts'.*item 1"):
        score_sentiment_many(["利好", 3])
    with pytest.raises(TypeError, match="'backend'"):
        score_sentiment("利好", backend=1)
    with pytest.raises(ValueError, match="'backend'"):
        score_sentiment("利好", backend="bert")


def test_snownlp_backend():
    pytest.importorskip("snownlp")
    r = score_sentiment("这家酒店非常好，服务周到，强烈推荐！", backend="snownlp")
    assert r.backend == "snownlp" and r.label == "positive" and r.score > 0
    assert score_sentiment("", backend="snownlp").label == "neutral"
    batch = score_sentiment_many(["很好", "很差"], backend="snownlp")
    assert [b.backend for b in batch] == ["snownlp", "snownlp"]
    rows = sentence_sentiments("很好。很差。", backend="snownlp")
    assert [r.index for r in rows] == [0, 1]


def test_model_is_portable_small_and_loads_lazily_without_sklearn():
    path = ROOT / "zhnews" / "resources" / S.MODEL_FILE
    assert path.stat().st_size <= 20 * 1024 * 1024
    with np.load(path, allow_pickle=False) as z:  # no pickled objects inside
        assert {"meta", "idf", "W", "b", "A", "c"} <= set(z.files)
        assert all(z[k].dtype != object for k in z.files)
    code = (
        "import sys, zhnews, zhnews.sentiment as s\n"
        "assert s._model.cache_info().currsize == 0, 'model loaded at import'\n"
        "r = s.score_sentiment('股价涨停，利好！')\n"
        "assert r.label == 'positive', r\n"
        "bad = [m for m in ('sklearn', 'scipy', 'torch', 'snownlp', 'jieba') if m in sys.modules]\n"
        "assert not bad, bad\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
    assert out.stderr == ""  # quiet: nothing printed


def test_model_info_reports_validation():
    info = S.sentiment_model_info()
    assert info["bits"] == 18 and info["labels"] == list(SENTIMENT_LABELS)
    assert "finfe" in info["validation"]["cv"]
