"""Hostile input: every case finishes, keeps its content and raises only documented errors.

Times are printed by benchmarks/bench_hostile.py, never asserted here.
"""
import codecs

import pytest

import zhnews
from zhnews import clean, decode, split_paragraphs, split_sentences

BODY = "中国人民银行决定下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元。"


def kept_everything(result, text):
    paras = split_paragraphs(text)
    assert result.n_input == len(paras)
    assert sorted(list(result.kept_indices) + [r.index for r in result.removed]) == list(range(len(paras)))


def distinct_lines(n, seed=7):
    import random

    rng = random.Random(seed)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    return ["".join(rng.choice(pool) for _ in range(28)) + "，" + "".join(rng.choice(pool) for _ in range(12)) + "。"
            for _ in range(n)]


def test_ten_megabyte_article():
    text = "\n".join(distinct_lines(85_000))
    assert len(text.encode("utf-8")) > 10_000_000
    result = clean(text)
    kept_everything(result, text)
    assert len(result.paragraphs) > 84_900  # random text may spell a rule phrase (侵删)


def test_one_megabyte_single_line():
    line = (BODY * 12_000)[:350_000]
    result = clean(line)
    assert result.paragraphs == (line,)
    assert len(split_sentences(line)) > 1000


def test_hundred_thousand_line_link_list():
    text = "\n".join(f"* 《第{i}篇相关文章》" for i in range(100_000))
    result = clean(BODY + "\n" + text)
    assert result.paragraphs == (BODY,)
    assert {r.reason for r in result.removed} == {"related_links"}


@pytest.mark.parametrize("junk", [
    "。" * 200_000, "…" * 200_000, "。。。……" * 50_000, "*《" * 100_000, "*《*《\n" * 20_000,
    "![" * 100_000, "[(" * 100_000, "](" * 100_000, "http://" * 50_000, "<" * 100_000, "\\" * 100_000,
    "—" * 100_000, "#" * 100_000, "a" * 1_000_000,
])
def test_pathological_lines(junk):
    text = BODY + "\n" + junk + "\n" + BODY.replace("0.5", "0.25")
    result = clean(text)
    kept_everything(result, text)
    assert BODY in result.paragraphs


def test_control_characters_surrogates_bom_line_ends():
    text = "\ufeff标题\r\n正文\x00含有NUL，\ud800孤立代理\udfff。\r第三段\u2028第四段\u200b。\n\x0b\x0c\x1b"
    result = clean(text)
    kept_everything(result, text)
    assert "正文\x00含有NUL，\ud800孤立代理\udfff。" in result.paragraphs
    assert zhnews.minhash_signatures([text]).shape == (1, 128)
    assert zhnews.minhash_signatures([text], hashfunc="sha1").shape == (1, 128)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "big5", "utf-16", "utf-16-le-bom"])
def test_encodings_through_decode(encoding):
    text = "臺灣經濟日報：央行宣布降息半碼，股市應聲上漲。" if encoding == "big5" else BODY
    if encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    assert decode(data) == text
    assert clean(decode(data)).paragraphs == (text,)


def test_undecodable_bytes_raise_documented_error():
    with pytest.raises(ValueError, match="tried"):
        decode(b"\xff\xfe\xfd\xff" * 10 + b"\x81")
    with pytest.raises(ValueError, match="utf-16"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a BOM, then a broken surrogate


@pytest.mark.parametrize("html", [
    "<html><body>" + "<div>" * 5000 + f"<p>{BODY}</p>" + "</div>" * 5000 + "</body></html>",
    "<html><body>" + "<span>" * 50_000 + BODY + "</body></html>",
    "<script>" + "var a = '<p>不是正文</p>';" * 10_000 + f"</script><p>{BODY}</p>",
    f"<p>{BODY}<script>document.write('x')",
    f"<html><body><p>{BODY}</b></i></table></p><div><p>第二段没有闭合" * 100,
    "<!doctype html><html><head><title>t</title></head><body>" + f"<p>{BODY}</p>" + "<" * 10_000,
    f"<?xml version='1.0' encoding='gbk'?><html><body><p>{BODY}</p></body></html>",
])
def test_broken_html_keeps_content(html):
    result = clean(html, format="html")
    assert any(BODY in p for p in result.paragraphs)
    assert result.n_input == len(result.paragraphs) + len(result.removed)


def test_traditional_chinese_article_uses_the_same_rules():
    text = "\n".join([
        "港股今日收市上漲",
        "記者｜陳大文",
        "2024年05月13日 10:00",
        "恒生指數今日收市上漲三百點，成交額逾一千億港元，科技股領漲大市。",
        "分析師表示，市場對美國減息的預期升溫，資金流入港股。",
        "責任編輯：李小明",
        "點擊上方藍字關注我們",
        "未經授權，禁止轉載",
    ])
    result = clean(text)
    assert result.paragraphs == (
        "港股今日收市上漲",
        "恒生指數今日收市上漲三百點，成交額逾一千億港元，科技股領漲大市。",
        "分析師表示，市場對美國減息的預期升溫，資金流入港股。",
    )
    assert [r.reason for r in result.removed] == ["byline", "timestamp", "editor", "call_to_action", "copyright"]
