"""Property tests over generated Chinese/mixed text: nothing lost, nothing invented,
nothing reordered, idempotent, deterministic, in range.  1,000 examples per property
under the default ("ci") profile."""
import json
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

import zhnews
from zhnews import (clean, decode, find_near_duplicates, matching_key, normalize, split_paragraphs,
                    split_sentences, strip_boilerplate)

BOILERPLATE = [
    "点“在看”，变好看哦。", "责任编辑：王婉莹", "1周前", "2024-05-13 10:00", "* 《阿里已过万重山", "相关阅读",
    "打开“财经头条”阅读更多精彩资讯", "最新评论", "参与讨论", "APP内打开", "展开", "举报", "版权所有 © 新浪网",
    "未经授权禁止转载", "*以上内容不构成投资建议，市场有风险，投资需谨慎", "来源：光明日报", "作者｜王艺",
    "点击上方蓝字关注我们", "长按识别二维码", "![](https://x.cn/a.gif)", "[返回列表页](/list)", "END", "---", "#",
    "【标签】#", "> 原文链接: https://a.cn/1", "首页 > 财经 > 正文", "商务合作请联系微信：abc123",
]
BODY = [
    "中国人民银行决定下调存款准备金率0.5个百分点，释放长期资金约1万亿元。",
    "2023年，该平台48小时内发货订单比例同比提升10%，整体发货时长同比缩短11小时。",
    "分析人士认为，降准将降低银行资金成本，投资者应关注后续政策。",
    "这篇文章引发了网友大量评论，不少人分享了自己的经历。", "加码消费者体验", "1", "2",
    "GDP增长3.5%，CPI上涨0.3%！", "他说：“我们会继续关注。”", "價格上漲，經濟增長。",
]
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
mixed = st.characters(blacklist_categories=("Cs",), max_codepoint=0x1F6FF)
punct = st.sampled_from(list("。，！？；：、…“”《》（）,.!?;:()*#>-|[]~ 　\t") + ["\u200b", "\ufeff", "\x00", "\u3000"])
emoji = st.sampled_from(["😀", "👇", "🎧", "🌪", "✍", "🚄"])
free_line = st.text(st.one_of(cjk, cjk, cjk, punct, emoji, mixed), min_size=0, max_size=60)
line = st.one_of(st.sampled_from(BOILERPLATE), st.sampled_from(BODY), free_line)
article = st.lists(line, min_size=0, max_size=25).map("\n".join)
line_breaks = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
article_any_breaks = st.tuples(st.lists(line, max_size=15), line_breaks).map(lambda t: t[1].join(t[0]))


def is_subsequence(small, big):
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


@given(article_any_breaks)
def test_clean_loses_and_invents_nothing(text):
    paras = split_paragraphs(text)
    r = clean(text)
    assert is_subsequence(r.paragraphs, paras)                      # nothing invented or reordered
    assert [paras[i] for i in r.kept_indices] == list(r.paragraphs)
    assert sorted([*r.kept_indices, *(x.index for x in r.removed)]) == list(range(len(paras)))  # nothing lost
    assert all(paras[x.index] == x.text and x.reason in zhnews.REASONS for x in r.removed)
    assert r.text == "\n".join(r.paragraphs)


@given(article)
def test_clean_is_idempotent(text):
    once = clean(text)
    twice = clean(once.text)
    assert twice.paragraphs == once.paragraphs


@given(article)
def test_strip_boilerplate_partitions_input(text):
    paras = split_paragraphs(text)
    r = strip_boilerplate(text)
    assert sorted([*r.kept_indices, *(x.index for x in r.removed)]) == list(range(len(paras)))
    assert is_subsequence(r.kept, paras)


@given(st.text(st.one_of(cjk, punct, mixed), max_size=200))
def test_sentences_cover_the_text(text):
    sentences = split_sentences(text)
    assert all(s and s == s.strip() for s in sentences)
    squeeze = lambda s: "".join(ch for ch in s if not ch.isspace())  # noqa: E731
    assert squeeze("".join(sentences)) == squeeze(text)


@given(st.text(st.one_of(cjk, punct, mixed), max_size=120), st.booleans())
def test_normalize_is_idempotent(text, traditional):
    once = normalize(text, traditional=traditional)
    assert normalize(once, traditional=traditional) == once
    assert matching_key(matching_key(text)) == matching_key(text)


@given(st.lists(st.one_of(st.sampled_from(BODY), free_line), max_size=20))
def test_near_duplicates_point_backwards_to_kept_paragraphs(paras):
    groups = find_near_duplicates(paras)
    dups = {d for g in groups for d in g.duplicates}
    for g in groups:
        assert g.original not in dups
        assert all(d > g.original for d in g.duplicates)
        assert all(0.8 <= s <= 1.0 for s in g.similarities)


# (a GB18030 text of one or two characters can also be valid UTF-8: too short to tell)
@given(st.text(cjk, min_size=4, max_size=80), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_decode_round_trip(text, encoding):
    assert decode(text.encode(encoding)) == text


@given(st.lists(article, min_size=1, max_size=3))
def test_process_dicts_serialise(texts):
    for r in zhnews.process_batch([{"id": i, "text": t} for i, t in enumerate(texts)], steps=["clean"]):
        json.loads(json.dumps(r, ensure_ascii=True))


def test_results_identical_across_processes():
    import random

    rng = random.Random(11)
    texts = ["\n".join(rng.choice(BOILERPLATE + BODY) for _ in range(rng.randint(1, 20))) for _ in range(300)]
    code = ("import json, sys, zhnews; texts = json.load(sys.stdin); "
            "print(json.dumps([zhnews.clean(t).to_dict() for t in texts], ensure_ascii=False))")
    here = json.dumps([clean(t).to_dict() for t in texts], ensure_ascii=False)
    for seed in ("0", "1"):
        out = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True,
                             check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout.strip()
        assert out == here


# --- rule-based parsers and scorers: never raise on text, stay inside their input -------

numeric = st.sampled_from(list("0123456789０１２３４５６７８９.,%％+-~～/亿万千百十零一二三四五六七八九两半成倍元美港股点年月日季度同比环增长下降跌涨约近超逾") +
                          ["个百分点", "亿元", "万美元", "同比增长", "下降了", "第", "约", "以上", "至", "2024年", "Q3", "1.2万亿", "3/4"])
figure_text = st.lists(st.one_of(numeric, numeric, cjk, punct, mixed), max_size=60).map("".join)


@given(figure_text)
def test_parse_quantities_spans_are_slices_of_the_input(text):
    quantities = zhnews.parse_quantities(text)
    previous_end = 0
    for q in quantities:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= previous_end  # in order, never overlapping
        previous_end = q.end
        assert q.change in (None, "increase", "decrease", "flat")
    assert zhnews.parse_quantities(text) == quantities


@given(st.lists(st.one_of(st.sampled_from(BODY), figure_text), max_size=12).map("\n".join), st.integers(0, 8))
def test_claims_are_sentences_of_the_input_best_first(text, top_k):
    claims = zhnews.extract_claims(text, top_k=top_k)
    assert len(claims) <= top_k
    sentences = [s for p in split_paragraphs(text) for s in split_sentences(p)]
    for c in claims:
        assert sentences[c.sentence_index] == c.text
        assert 0.0 <= c.score <= 1.0
    assert [c.score for c in claims] == sorted((c.score for c in claims), reverse=True)
    assert len({c.sentence_index for c in claims}) == len(claims)


@given(st.lists(st.one_of(st.sampled_from(BODY), free_line, figure_text), max_size=8).map("\n".join))
def test_sentiment_is_a_distribution_and_batch_equals_single(text):
    single = zhnews.score_sentiment(text)
    assert single.label in ("positive", "neutral", "negative")
    assert -1.0 <= single.score <= 1.0
    assert abs(sum(single.probabilities.values()) - 1.0) < 1e-5
    assert all(0.0 <= p <= 1.0 for p in single.probabilities.values())
    assert zhnews.score_sentiment_many([text, text]) == [single, single]
