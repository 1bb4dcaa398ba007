import functools
import json

import pytest

import zhnews
from zhnews.pipeline import Pipeline, clean_step, looks_like_html, make_pipeline, process, to_article

ARTICLE = "央行宣布降准0.5个百分点\n全天候科技\n1周前\n中国人民银行决定下调存款准备金率0.5个百分点，释放长期资金约1万亿元。\n点个在看"
PAGE = """<!doctype html><html><head><title>央行降准_新浪财经_新浪网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/f">财经</a> <a href="/s">股票</a></div>
<div class="breadcrumb">首页 &gt; 财经 &gt; 正文</div>
<h1>央行宣布降准0.5个百分点</h1>
<div class="main-content">
<p>中国人民银行决定于5月15日下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元。</p>
<p>央行有关负责人表示，此次降准是为了巩固经济回升向好的基础，保持流动性合理充裕。</p>
<p>责任编辑：张三</p></div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/1">美联储宣布维持利率不变</a></li>
<li><a href="/2">A股三大指数集体收涨</a></li></ul></div>
<div class="footer">版权所有 © 1996-2024 新浪网</div>
<script>var x = 1;</script></body></html>"""


def test_process_record_passes_fields_through():
    r = process({"id": "x1", "title": "标题", "url": "https://a.cn/1", "date": "2024-05-13",
                 "source": "crawler-7", "text": ARTICLE}, steps=["clean"])
    assert (r.id, r.title, r.url, r.published) == ("x1", "标题", "https://a.cn/1", "2024-05-13")
    assert r.meta == {"source": "crawler-7"}
    assert r.paragraphs[0] == "央行宣布降准0.5个百分点"
    assert [x.reason for x in r.removed] == ["byline", "timestamp", "call_to_action"]
    d = r.to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False))["removed"][0]["reason"] == "byline"


def test_process_accepts_text_list_and_result():
    a = process(ARTICLE, steps=["clean"])
    b = process(ARTICLE.split("\n"), steps=["clean"])
    assert a.paragraphs == b.paragraphs
    assert process(a, steps=[]).text == a.text


def test_html_input_is_detected_and_main_content_extracted():
    assert looks_like_html(PAGE) and not looks_like_html(ARTICLE)
    r = process(PAGE, steps=["clean"])
    assert r.title == "央行宣布降准0.5个百分点"
    assert r.paragraphs == (
        "央行宣布降准0.5个百分点",
        "中国人民银行决定于5月15日下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元。",
        "央行有关负责人表示，此次降准是为了巩固经济回升向好的基础，保持流动性合理充裕。",
    )
    reasons = {x.text: x.reason for x in r.removed}
    assert reasons["责任编辑：张三"] == "editor"
    assert reasons["美联储宣布维持利率不变"] == "related_links"
    assert "var x" not in " ".join(reasons)
    assert r.n_input == len(r.paragraphs) + len(r.removed)
    assert zhnews.clean(PAGE).paragraphs == r.paragraphs
    assert process({"id": 1, "html": PAGE}, steps=["clean"]).paragraphs == r.paragraphs


def test_html_forced_and_broken_html_never_crashes():
    assert process("<p>正文第一段，内容。</p><p>第二段", steps=["clean"], format="html").paragraphs
    for junk in ["<", "<html>", "<div><div><div>", "</p></p>", "<<<>>>", "<html><body></body></html>"]:
        process(junk, steps=["clean"], format="html")
    line = "<p>正文第一段，内容比较长的一句话。</p>"
    assert process(line, steps=["clean"], format="text").paragraphs == (line,)


def test_pipeline_composes_steps_and_user_functions():
    def mark(result):
        return result.replace(meta={**result.meta, "marked": True})

    pipe = make_pipeline(clean_step(near_duplicates=None), mark)
    r = pipe(ARTICLE)
    assert r.meta["marked"] and "点个在看" not in r.text
    assert isinstance(pipe, Pipeline) and "clean" in repr(pipe)
    with pytest.raises(ValueError, match="unknown step"):
        Pipeline("nope")
    with pytest.raises(TypeError, match="ArticleResult"):
        Pipeline(lambda r: "not a result")(ARTICLE)


def test_to_article_errors():
    with pytest.raises(ValueError, match="no text field"):
        to_article({"id": 1, "txt": "x"})
    with pytest.raises(TypeError, match="'text'"):
        to_article({"id": 1, "text": 42})
    with pytest.raises(TypeError, match="'article'"):
        to_article(b"bytes")
    with pytest.raises(ValueError, match="format"):
        to_article("x", format="pdf")
