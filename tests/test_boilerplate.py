import pytest

import zhnews
from zhnews import Rule, RuleSet, default_rules, load_rules, strip_boilerplate
from zhnews.boilerplate import matching_form

TITLE = "央行宣布下调存款准备金率0.5个百分点"
BODY = [
    "中国人民银行5月13日宣布，决定于5月15日下调金融机构存款准备金率0.5个百分点，释放长期资金约1万亿元。",
    "央行有关负责人表示，此次降准是为了巩固经济回升向好的基础，保持流动性合理充裕。",
    "分析人士认为，降准将降低银行资金成本，有利于支持实体经济发展，市场普遍预期后续仍有政策空间。",
]


def where(line, position):
    if position == "head":
        return [TITLE, line, *BODY]
    if position == "tail":
        return [TITLE, *BODY, line]
    return [TITLE, BODY[0], BODY[1], line, BODY[2]]


def removed_reason(paras, index):
    result = strip_boilerplate(paras)
    for r in result.removed:
        if r.index == index:
            return r.reason
    return None


# lines that must go, with their reason, in the zone where scrapers leave them
DROP = [
    ("tail", "点“在看”，变好看哦。", "call_to_action"),
    ("tail", "点个在看，分享给更多朋友", "call_to_action"),
    ("tail", "喜欢就点个赞吧", "call_to_action"),
    ("head", "点击上方蓝字关注我们", "call_to_action"),
    ("tail", "长按识别二维码关注", "call_to_action"),
    ("tail", "扫描下方二维码，加入读者群", "call_to_action"),
    ("tail", "点击阅读原文", "call_to_action"),
    ("tail", "设为星标，不错过每一篇推送", "call_to_action"),
    ("tail", "欢迎在评论区留言讨论", "call_to_action"),
    ("tail", "*以上内容不构成投资建议,不代表刊登平台之观点,市场有风险,投资需谨慎,请独立判断和决策", "disclaimer"),
    ("tail", "免责声明：本文仅供参考，不构成投资建议。", "disclaimer"),
    ("tail", "个人观点，仅供参考。", "disclaimer"),
    ("tail", "责任编辑：王婉莹", "editor"),
    ("tail", "编辑｜王珊", "editor"),
    ("tail", "校对：李明", "editor"),
    ("head", "作者｜王艺", "byline"),
    ("head", "来源：光明日报 作者：吴亚琦", "byline"),
    ("head", "记者 张三 李四", "byline"),
    ("head", "文｜谢九", "byline"),
    ("head", "1周前", "timestamp"),
    ("head", "3小时前", "timestamp"),
    ("head", "2024-05-13 10:00", "timestamp"),
    ("head", "2024年05月13日 10:00:35", "timestamp"),
    ("tail", "本文首发于2024年04月", "timestamp"),
    ("tail", "展开", "app_chrome"),
    ("tail", "打开“财经头条”阅读更多精彩资讯", "app_chrome"),
    ("tail", "最新评论", "app_chrome"),
    ("tail", "参与讨论", "app_chrome"),
    ("tail", "APP内打开", "app_chrome"),
    ("tail", "下载APP", "app_chrome"),
    ("tail", "返回顶部", "app_chrome"),
    ("tail", "举报", "app_chrome"),
    ("tail", "海量资讯、精准解读，尽在新浪财经APP", "app_chrome"),
    ("tail", "继续滑动看下一个", "app_chrome"),
    ("tail", "本文为原创内容，版权归「三联生活周刊」所有。未经许可，严禁复制、转载。", "copyright"),
    ("tail", "未经授权禁止转载", "copyright"),
    ("tail", "版权所有 © 2024 某某网", "copyright"),
    ("middle", "（来源： Isomorphic Labs ）", "copyright"),
    ("middle", "图源：X@xAI", "copyright"),
    ("tail", "相关阅读", "related_links"),
    ("tail", "* 《阿里和腾讯合力拆墙", "related_links"),
    ("tail", "往期回顾", "related_links"),
    ("tail", "推荐阅读：《美联储宣布加息25个基点》", "related_links"),
    ("tail", "广告", "ad"),
    ("tail", "商务合作请联系微信：abc123", "ad"),
    ("head", "[**返回列表页**](/gzh/刘润)", "other"),
    ("tail", "END.", "other"),
    ("tail", "原标题：1000万购房补贴“抢人”，然后呢？", "other"),
    ("head", "首页 > 财经 > 正文", "other"),
]


@pytest.mark.parametrize("position, line, reason", DROP)
def test_drops_boilerplate(position, line, reason):
    paras = where(line, position)
    assert removed_reason(paras, paras.index(line)) == reason


# body sentences that merely mention the words rules look for
KEEP = [
    "投资者应关注公司的长期基本面，而不是短期股价波动。",
    "我们将持续关注事态发展。",
    "这篇文章引发了网友大量评论，不少人在微博上分享了自己的经历。",
    "分析师表示，市场有望在下半年迎来反弹，投资机会主要集中在消费和科技板块。",
    "该公司表示，本次投资不构成重大资产重组。",
    "报告显示，低收入群体的消费意愿仍然偏弱。",
    "记者从国家统计局获悉，5月份CPI同比上涨0.3%。",
    "编辑部的小秘密，每期帮你挖掘宝藏播客。",
    "来自全国各地的200多家企业参加了本次展会，现场签约金额超过50亿元。",
    "版权归属问题一直是短视频平台面临的难题。",
    "这并不代表他个人的观点，而是整个团队的共识。",
    "用户可以扫码购买商品，也可以在直播间下单。",
    "政府发放消费券和优惠券合计2000万元，带动消费超过1亿元。",
    "1",
    "加码消费者体验",
    "参考资料",
]


@pytest.mark.parametrize("line", KEEP)
@pytest.mark.parametrize("position", ["middle", "tail"])
def test_keeps_body_sentences(line, position):
    paras = where(line, position)
    if position == "tail" and len(line) < 12:
        pytest.skip("a lone heading as the very last line is not a body sentence")
    assert removed_reason(paras, paras.index(line)) is None


def test_seed_article_reasons(seed_article):
    raw, clean_lines, labels = seed_article
    result = zhnews.clean(raw)
    assert list(result.paragraphs) == clean_lines
    removed = {r.index: r for r in result.removed}
    for i, label in enumerate(labels):
        got = removed[i].reason if i in removed else None
        assert got == label["reason"], (label["line"], label["text"])


def test_kept_plus_removed_is_input():
    text = "\n".join(where("点个在看", "tail") + ["", "最新评论", "举报"])
    result = strip_boilerplate(text)
    paras = zhnews.split_paragraphs(text)
    assert sorted(list(result.kept_indices) + [r.index for r in result.removed]) == list(range(len(paras)))
    assert [paras[i] for i in result.kept_indices] == list(result.kept)
    assert all(paras[r.index] == r.text for r in result.removed)


def test_footer_block_takes_its_images_and_blurbs():
    paras = [TITLE, *BODY, "长按识别二维码关注", "![](https://x.cn/qr.png)", "每天一篇深度好文", "最新评论"]
    result = strip_boilerplate(paras)
    assert list(result.kept) == [TITLE, *BODY]


def test_related_block_takes_plain_titles():
    last = "央行表示，下一步将继续实施稳健的货币政策，保持流动性合理充裕，引导金融机构加大对实体经济的支持力度。"
    paras = [TITLE, *BODY, "相关阅读", "美联储宣布加息25个基点", "A股三大指数集体收涨，创业板指涨超2%", last]
    result = strip_boilerplate(paras)
    assert [r.reason for r in result.removed] == ["related_links"] * 3
    assert result.kept[-1] == last


def test_reference_list_is_content():
    paras = [TITLE, *BODY, "参考资料：", "1、某某报告", "https://example.com/report", "责任编辑：张三"]
    result = strip_boilerplate(paras)
    assert [r.text for r in result.removed] == ["责任编辑：张三"]


def test_context_off_uses_rules_only():
    paras = [TITLE, "全天候科技", "1周前", *BODY]
    assert [r.text for r in strip_boilerplate(paras, context=False).removed] == ["1周前"]
    assert [r.text for r in strip_boilerplate(paras).removed] == ["全天候科技", "1周前"]


def test_rules_can_be_disabled_and_added():
    paras = [TITLE, *BODY, "点个在看", "本站微信号：abc"]
    without = strip_boilerplate(paras, rules=default_rules().without("cta", "ad"))
    assert "点个在看" in without.kept
    extra = Rule(id="site.wechat", reason="other", pattern="^本站微信号", max_chars=40)
    added = strip_boilerplate(paras, rules=default_rules().with_rules([extra]))
    assert {r.text: r.rule for r in added.removed}["本站微信号：abc"] == "site.wechat"


def test_load_rules_tsv_and_json(tmp_path):
    tsv = tmp_path / "r.tsv"
    tsv.write_text("# comment\nmy.rule\tad\tany\t30\tfull\t[^\\w]*赞助[^\\w]*\n", encoding="utf-8")
    rs = load_rules(tsv)
    assert rs.ids == ("my.rule",) and rs["my.rule"].full
    js = tmp_path / "r.json"
    js.write_text('[{"id": "j.rule", "reason": "ad", "pattern": "赞助", "max_chars": 30}]', encoding="utf-8")
    assert load_rules(js).ids == ("j.rule",)
    bad = tmp_path / "bad.tsv"
    bad.write_text("x\tnot_a_reason\tany\t30\t-\tfoo\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown reason"):
        load_rules(bad)


def test_bundled_rules_are_valid():
    rules = default_rules()
    assert len(rules) > 50
    assert all(r.max_chars > 0 or r.pattern.startswith("^") for r in rules), "unbounded rules must be anchored"
    assert {r.reason for r in rules} <= set(zhnews.REASONS) | {"keep"}


def test_matching_form():
    assert matching_form("**點“在看”**") == "点“在看”"
    assert matching_form("[《标题》](https://a.cn/x)") == "《标题》"
    assert matching_form("![](https://a.cn/x.png)") == "\ufffc"
    assert matching_form("https://a.cn/x") == "url"


@pytest.mark.parametrize("bad", [None, 42, b"bytes", [1, 2]])
def test_bad_input_types(bad):
    with pytest.raises(TypeError, match="text"):
        strip_boilerplate(bad)


def test_empty_input():
    assert strip_boilerplate("").kept == ()
    assert strip_boilerplate([]).removed == ()
