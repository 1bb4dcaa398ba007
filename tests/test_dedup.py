import json
import subprocess
import sys

import numpy as np
import pytest

import zhnews
from zhnews import (NearDuplicateIndex, dedup_stream, drop_near_duplicates, find_near_duplicates,
                    minhash_signatures, shingles)
from zhnews.dedup import lsh_params, shingle_hash, to_minhash

BASE = ("2023年，该平台48小时内发货订单比例同比提升10%，整体发货时长同比缩短11小时，"
        "平台持续投入专项资金，优化质检准确度与效率，拦截违规商品超过15万件。")
EDITS = {
    "changed digits": ("2023年，该平台48小时内发货订单比例同比提升12%，整体发货时长同比缩短11小时，"
                       "平台持续投入专项资金，优化质检准确度与效率，拦截违规商品超过15万件。"),
    "dropped clause": ("2023年，该平台48小时内发货订单比例同比提升10%，整体发货时长同比缩短11小时，"
                       "平台持续投入专项资金，拦截违规商品超过15万件。"),
    "punctuation width": ("2023年,该平台48小时内发货订单比例同比提升10%,整体发货时长同比缩短11小时,"
                          "平台持续投入专项资金,优化质检准确度与效率,拦截违规商品超过15万件."),
    "traditional": ("2023年，該平臺48小時內發貨訂單比例同比提升10%，整體發貨時長同比縮短11小時，"
                    "平臺持續投入專項資金，優化質檢準確度與效率，攔截違規商品超過15萬件。"),
    "spacing": ("2023 年，该平台 48 小时内发货订单比例同比提升 10%，整体发货时长同比缩短 11 小时，"
                "平台持续投入专项资金，优化质检准确度与效率，拦截违规商品超过 15 万件。"),
}
OTHER = "国家统计局今日发布数据显示，5月份全国居民消费价格同比上涨0.3%，环比下降0.1%。"


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edited_copies_are_found(name):
    groups = find_near_duplicates([BASE, OTHER, EDITS[name]])
    assert [(g.original, g.duplicates) for g in groups] == [(0, (2,))]


def test_unrelated_paragraphs_sharing_boilerplate_phrases_are_not():
    paras = [
        "据新华社报道，国务院总理主持召开国务院常务会议，研究部署进一步稳定外贸的政策措施。",
        "据新华社报道，国务院总理主持召开国务院常务会议，听取关于今年以来安全生产情况的汇报。",
        "以上内容不构成投资建议，市场有风险，投资需谨慎。某公司发布年报，净利润同比增长百分之二十。",
        "以上内容不构成投资建议，市场有风险，投资需谨慎。另一家公司宣布回购，拟斥资五亿元。",
    ]
    assert find_near_duplicates(paras) == []


def test_exact_and_near_reasons():
    result = drop_near_duplicates([BASE, OTHER, BASE, EDITS["changed digits"]])
    assert [(r.index, r.reason, r.duplicate_of) for r in result.removed] == [
        (2, "duplicate", 0), (3, "near_duplicate", 0)]
    assert 0.8 <= result.removed[1].similarity < 1
    assert result.kept == (BASE, OTHER)


def test_short_paragraphs_are_never_near_duplicates():
    paras = ["1", "2", "小结", "小结一", "图1", "图2"] * 3
    assert find_near_duplicates(paras) == []


def test_short_text_gets_one_shingle_not_an_empty_signature():
    assert shingles("好") == ["好"]
    assert shingles("，。") == ["，。"]
    sig_a, sig_b = minhash_signatures(["好", "坏"])
    assert not np.array_equal(sig_a, sig_b)
    assert (sig_a != np.uint32(0xFFFFFFFF)).all()


def test_signatures_match_datasketch():
    from datasketch import MinHash
    for text in [BASE, OTHER, "好", "GDP", "", "，。"]:
        fast = MinHash(num_perm=128, seed=1, hashfunc=shingle_hash)
        fast.update_batch(shingles(text))
        assert np.array_equal(fast.hashvalues, minhash_signatures([text])[0])
        default = MinHash(num_perm=128, seed=1)
        default.update_batch([s.encode("utf-8") for s in shingles(text)])
        assert np.array_equal(default.hashvalues, minhash_signatures([text], hashfunc="sha1")[0])
    lean = to_minhash(minhash_signatures([BASE])[0])
    assert lean.jaccard(to_minhash(minhash_signatures([EDITS["changed digits"]])[0])) > 0.7
    with pytest.raises(ValueError, match="hashfunc"):
        minhash_signatures([BASE], hashfunc="md5")


def test_signatures_of_many_texts_equal_one_by_one():
    texts = [BASE, "", "好", OTHER, "，。", "GDP", EDITS["traditional"]] * 3
    together = minhash_signatures(texts)
    apart = np.vstack([minhash_signatures([t]) for t in texts])
    assert np.array_equal(together, apart)


def test_deterministic_across_processes():
    code = ("import zhnews, json, sys; p = json.loads(sys.stdin.read()); "
            "g = zhnews.find_near_duplicates(p); s = zhnews.minhash_signatures(p[:2]); "
            "print(json.dumps([[x.to_dict() for x in g], s.tolist()]))")
    paras = json.dumps([BASE, OTHER, EDITS["changed digits"], EDITS["traditional"]], ensure_ascii=False)
    outs = {subprocess.run([sys.executable, "-c", code], input=paras, capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout
            for seed in (1, 2)}
    assert len(outs) == 1


def test_index_add_query_contains_len():
    index = NearDuplicateIndex(threshold=0.8)
    index.add("base", BASE)
    index.add("other", OTHER)
    assert len(index) == 2 and "base" in index and "nope" not in index
    hits = index.query(EDITS["changed digits"])
    assert [k for k, _ in hits] == ["base"] and 0.75 < hits[0][1] <= 1.0
    assert index.query(OTHER)[0] == ("other", 1.0)
    assert index.query("完全无关的一段文字，讲的是天气预报和城市交通。") == []
    with pytest.raises(ValueError, match="already"):
        index.add("base", OTHER)


def test_index_many_items_and_flushes():
    index = NearDuplicateIndex(threshold=0.8)
    texts = [f"第{i}号公告：某某公司{i}年度报告显示营收{i * 7 % 1000}亿元，同比增长{i % 50}%。" for i in range(10000)]
    index.add_many(list(range(10000)), texts)
    assert len(index) == 10000 and len(index._runs) >= 1
    for i in (0, 4095, 4096, 9999):
        assert (i, 1.0) in index.query(texts[i])


def test_index_accepts_datasketch_minhash():
    from datasketch import MinHash
    m = MinHash(num_perm=128, seed=1, hashfunc=shingle_hash)
    m.update_batch(shingles(BASE))
    index = NearDuplicateIndex()
    index.add_signature("ds", m)
    assert index.query(BASE) == [("ds", 1.0)]
    assert index.query_signature(m)[0][0] == "ds"
    legacy = MinHash(num_perm=128, scheme="legacy")
    with pytest.raises(ValueError, match="scheme"):
        index.add_signature("old", legacy)


def test_save_load_round_trip(tmp_path):
    index = NearDuplicateIndex(threshold=0.85, num_perm=64, seed=7)
    texts = {f"k{i}": f"这是第{i}篇文章的正文，讨论了第{i}个话题的若干细节和数据。" for i in range(300)}
    index.add_many(list(texts), list(texts.values()))
    path = tmp_path / "index.npz"
    index.save(path)
    loaded = NearDuplicateIndex.load(path)
    assert (loaded.threshold, loaded.num_perm, loaded.seed, len(loaded)) == (0.85, 64, 7, 300)
    assert loaded.keys() == index.keys()
    for k in ("k0", "k150", "k299"):
        assert loaded.query(texts[k]) == index.query(texts[k])
        assert np.array_equal(loaded.signature_of(k), index.signature_of(k))
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="NearDuplicateIndex"):
        NearDuplicateIndex.load(bad)


def test_dedup_stream_marks_clusters():
    records = [{"id": "a", "text": BASE}, {"id": "b", "text": OTHER},
               {"id": "c", "text": EDITS["changed digits"]}, {"id": "d", "text": BASE}]
    out = list(dedup_stream(records))
    assert [(r["id"], r["duplicate_of"]) for r in out] == [("a", None), ("b", None), ("c", "a"), ("d", "a")]
    assert out[0]["text"] == BASE and out[3]["similarity"] == 1.0
    assert records[0] == {"id": "a", "text": BASE}  # input records are not modified


def test_dedup_stream_across_batches_and_callables():
    recs = [(i, f"第{i % 100}号公告：某某公司年度报告显示营收{i % 100}亿元，同比增长{(i % 100) * 3}%，利润创新高。")
            for i in range(500)]
    out = list(dedup_stream(recs, key=lambda r: r[0], text=lambda r: r[1], batch_size=64))
    assert len(out) == 500
    assert all(r["duplicate_of"] is None for r in out[:100])
    assert all(r["duplicate_of"] == r["key"] % 100 for r in out[100:])


@pytest.mark.parametrize("kwargs, exc", [
    ({"threshold": 0}, ValueError), ({"threshold": 1.5}, ValueError), ({"threshold": -0.1}, ValueError),
    ({"num_perm": 8}, ValueError), ({"num_perm": 12.5}, TypeError), ({"threshold": "0.8"}, TypeError),
    ({"bands": 40, "rows": 4}, ValueError),
])
def test_index_bad_arguments(kwargs, exc):
    with pytest.raises(exc):
        NearDuplicateIndex(**kwargs)


def test_bad_text_types():
    index = NearDuplicateIndex()
    with pytest.raises(TypeError, match="text"):
        index.add("k", None)
    with pytest.raises(TypeError, match="text"):
        index.query(b"bytes")
    with pytest.raises(TypeError, match="texts"):
        minhash_signatures("a single string")
    with pytest.raises(TypeError, match="paragraphs"):
        find_near_duplicates(["ok", 3])
    with pytest.raises(ValueError, match="threshold"):
        find_near_duplicates(["a"], threshold=0)
    with pytest.raises(ValueError, match="num_perm"):
        minhash_signatures(["a"], num_perm=8)


def test_lsh_params_catch_pairs_at_threshold():
    for threshold in (0.5, 0.7, 0.8, 0.9):
        b, r = lsh_params(threshold, 128)
        assert b * r <= 128
        assert 1 - (1 - threshold ** r) ** b >= 0.999


def test_clean_uses_near_duplicates(seed_article):
    raw, clean_lines, _ = seed_article
    assert list(zhnews.clean(raw).paragraphs) == clean_lines
    text = "\n".join(["标题", BASE, OTHER, EDITS["changed digits"]])
    result = zhnews.clean(text)
    assert [(r.reason, r.duplicate_of) for r in result.removed] == [("near_duplicate", 1)]
    assert zhnews.clean(text, near_duplicates=None).removed == ()
