import importlib.util
from pathlib import Path

import pytest

import zhnews
from zhnews import extract_claims
from zhnews.claims import attribution

ROOT = Path(__file__).resolve().parents[1]

# the key factual claims of the seed article named by the issue
SEED_KEYS = ["发布了《2024抖音电商消费者体验报告》", "48小时内发货订单比例", "拦截违规商品超15万件", "验货总量超3000万件",
             "GMV同比提升46%", "年轻电商作者超过200万个", "每天有38亿流量进入直播间", "售后满意度指标提升13%",
             "据魏雯雯透露"]


def test_seed_top5_are_key_claims(seed_article):
    raw, _, _ = seed_article
    clean = zhnews.clean(raw)
    claims = extract_claims(clean.paragraphs, top_k=5)
    assert len(claims) == 5
    for c in claims:
        assert any(key in c.text for key in SEED_KEYS), c.text
        assert c.text in clean.paragraphs[c.paragraph_index]
    assert [c.score for c in claims] == sorted((c.score for c in claims), reverse=True)
    shipping = next(c for c in claims if "48小时" in c.text)
    figures = {q.text: q for q in shipping.quantities if q.is_figure}
    assert figures["10%"].change == "increase" and figures["10%"].basis == "同比"
    assert figures["11小时"].change == "decrease"


def test_claims_are_sentences_of_the_input_and_returned_once():
    text = "\n".join(["公司发布年报", "公司2023年营收同比增长15%，净利润同比增长20%。",
                      "公司2023年营收同比增长15%，净利润同比增长20%！", "我们认为，这意味着什么？"])
    claims = extract_claims(text, top_k=5)
    sentences = {s for p in zhnews.split_paragraphs(text) for s in zhnews.split_sentences(p)}
    assert all(c.text in sentences for c in claims)
    assert sum("营收同比增长15%" in c.text for c in claims) == 1


@pytest.mark.parametrize("sentence, source", [
    ("据魏雯雯透露，下半年抖音电商将继续加大投入。", "魏雯雯"),
    ("报告显示，过去一年平台改善了售后服务。", "报告"),
    ("抖音电商总裁魏雯雯表示，全员要进一步加强协作。", "抖音电商总裁魏雯雯"),
    ("据新华社报道，会议于昨日闭幕。", "新华社"),
    ("国家统计局数据显示，5月CPI同比上涨0.3%。", "国家统计局数据"),
    ("电商进入用户时代。", None),
    ("他表示同意。", None),
])
def test_attribution(sentence, source):
    assert attribution(sentence) == source


def test_never_raises_on_text_and_types_checked():
    for text in ["", "。", "？？？", "1", "%" * 1000, "第一段\n\n第二段", "1.5万亿元" * 500, "\x00\ud800"]:
        extract_claims(text)
    assert extract_claims("") == []
    assert extract_claims("央行降准。", top_k=0) == []
    with pytest.raises(TypeError, match="text"):
        extract_claims(None)
    with pytest.raises(ValueError, match="top_k"):
        extract_claims("央行降准。", top_k=-1)


def test_claim_serialises():
    claim = extract_claims("2023年公司营收同比增长15%。", top_k=1)[0]
    d = claim.to_dict()
    assert d["quantities"][1]["value"] == 15.0 and d["quantities"][1]["change"] == "increase"


def test_dev_set_quality_floor():
    """extract_claims on the labelled dev articles must stay well above the baselines."""
    spec = importlib.util.spec_from_file_location("eval_claims", ROOT / "benchmarks" / "eval_claims.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    articles = mod.load_articles()
    precision, core_recall = mod.evaluate(articles, mod.zhnews_method)
    lead_p, lead_r = mod.evaluate(articles, mod.lead_method)
    assert precision >= 0.80 and core_recall >= 0.50
    assert precision > lead_p + 0.2 and core_recall > lead_r + 0.1
