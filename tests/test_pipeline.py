import subprocess
import sys

import pytest

import zhnews
from zhnews import clean, find_repeats
from zhnews.pipeline import boilerplate_step, repeat_step


def test_clean_seed_exact(seed_article):
    raw, clean_lines, _ = seed_article
    result = clean(raw)
    assert result.text == "\n".join(clean_lines)
    assert result.n_input == len(result.paragraphs) + len(result.removed)


def test_clean_accepts_paragraph_list(seed_article):
    raw, clean_lines, _ = seed_article
    assert list(clean(raw.splitlines()).paragraphs) == clean_lines


def test_duplicates_point_to_kept_original(seed_article):
    raw, _, _ = seed_article
    result = clean(raw)
    paras = zhnews.split_paragraphs(raw)
    kept = set(result.kept_indices)
    dups = [r for r in result.removed if r.reason == "duplicate"]
    assert dups
    for r in dups:
        assert r.duplicate_of in kept and r.duplicate_of < r.index
        assert zhnews.matching_key(paras[r.duplicate_of]) == zhnews.matching_key(r.text)


def test_repeat_of_short_paragraph_needs_context():
    paras = ["第一章", "1", "这是第一部分很长的正文内容。", "1", "这是另一个部分的正文内容。"]
    assert find_repeats(paras) == {}
    doubled = ["标题", "这是第一部分很长的正文内容。", "1", "小节标题", "这是另一个部分的正文内容。"]
    body = doubled[1:]
    assert find_repeats(doubled + body) == {5: 1, 6: 2, 7: 3, 8: 4}


def test_repeat_ignores_width_and_spacing():
    a = "抖音电商:以用户为中心,打造有温度的购物体验。"
    b = "抖音电商：以用户为中心，打造 有温度的购物体验。"
    assert find_repeats([a, "中间的一段正文内容。", b]) == {2: 0}


def test_identical_placeholder_images_are_not_repeats():
    img = "![Image](https://mp.weixin.qq.com/s/placeholder.svg)"
    paras = ["正文第一段的内容。", img, "正文第二段的内容。", img, "正文第三段的内容。"]
    assert find_repeats(paras) == {}


def test_custom_steps_compose():
    def drop_english(paragraphs):
        return [zhnews.Removal(index=i, text=p, reason="other", rule="user.english")
                for i, p in enumerate(paragraphs) if p.isascii()]

    result = clean("标题\nHello world\n正文内容比较长的一段。\n正文内容比较长的一段。", steps=[drop_english, repeat_step()])
    assert [(r.index, r.reason, r.duplicate_of) for r in result.removed] == [(1, "other", None), (3, "duplicate", 2)]
    assert clean("点个在看", steps=[]).paragraphs == ("点个在看",)
    assert clean("标题\n点个在看", steps=[boilerplate_step()]).paragraphs == ("标题",)


def test_normalize_option():
    result = clean("抖音电商:以用户为中心,打造体验", normalize=True)
    assert result.paragraphs == ("抖音电商：以用户为中心，打造体验",)
    assert clean("抖音电商:以用户为中心,打造体验").paragraphs == ("抖音电商:以用户为中心,打造体验",)


@pytest.mark.parametrize("bad", [None, 1, 2.5, b"x", bytearray(b"x"), object()])
def test_clean_bad_types(bad):
    with pytest.raises(TypeError, match="'text'"):
        clean(bad)


def test_clean_empty():
    result = clean("")
    assert result.text == "" and result.paragraphs == () and result.removed == ()


def test_results_serialise():
    import json
    result = clean("标题\n央行宣布降准。\n责任编辑：张三")
    d = result.to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False))["removed"][0]["reason"] == "editor"


def test_deterministic_across_processes(seed_article, tmp_path):
    raw, _, _ = seed_article
    code = ("import sys, zhnews, json; r = zhnews.clean(sys.stdin.read()); "
            "print(json.dumps(r.to_dict(), ensure_ascii=False))")
    outs = {subprocess.run([sys.executable, "-c", code], input=raw, capture_output=True, text=True,
                           check=True).stdout for _ in range(2)}
    assert len(outs) == 1


def test_import_is_light():
    code = "import sys, zhnews; print('jieba' in sys.modules, 'snownlp' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]
