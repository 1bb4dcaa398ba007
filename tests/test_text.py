import codecs

import pytest

from zhnews import decode, matching_key, normalize, split_paragraphs, split_sentences, to_simplified


@pytest.mark.parametrize("text, expected", [
    ("a\nb", ["a", "b"]),
    ("a\r\nb\rc", ["a", "b", "c"]),
    ("a\n\n\n\nb", ["a", "b"]),
    ("\u3000\u3000首行缩进。\u00a0", ["首行缩进。"]),
    ("零\u200b宽\ufeff字符", ["零宽字符"]),
    ("段落\u2029第二段", ["段落", "第二段"]),
    ("   \n\t\n", []),
    ("", []),
    ("内部  两个空格", ["内部  两个空格"]),  # inner text is never changed
])
def test_split_paragraphs(text, expected):
    assert split_paragraphs(text) == expected


def test_split_paragraphs_list():
    assert split_paragraphs(["一\n二", "  ", "三"]) == ["一", "二", "三"]


@pytest.mark.parametrize("bad", [None, 3, 4.5, b"bytes", {"a": 1}])
def test_split_paragraphs_bad_type(bad):
    with pytest.raises(TypeError, match="text"):
        split_paragraphs(bad)


@pytest.mark.parametrize("text, expected", [
    ("甲。乙！丙？", ["甲。", "乙！", "丙？"]),
    ("增长3.5%，利润1.2亿元。", ["增长3.5%，利润1.2亿元。"]),
    ("他说：“好的。”然后走了。", ["他说：“好的。”", "然后走了。"]),
    ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    ("等等……然后呢", ["等等……", "然后呢"]),
    ("省略号...不拆开", ["省略号...", "不拆开"]),
    ("第一；第二;第三", ["第一；", "第二;", "第三"]),
    ("（括号里的话。）后面", ["（括号里的话。）", "后面"]),
    ("U.S. GDP增长", ["U.S. GDP增长"]),
    ("没有标点", ["没有标点"]),
    ("一行\n两行", ["一行", "两行"]),
    ("", []),
    ("《报告》显示，营收增长。", ["《报告》显示，营收增长。"]),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_split_sentences_keeps_every_character():
    text = "据魏雯雯透露，下半年将加大投入。“好！”他说……3.5%的增长？\n新段落"
    joined = "".join(split_sentences(text))
    assert joined == text.replace("\n", "")


@pytest.mark.parametrize("text, expected", [
    ("抖音电商:以用户为中心,打造", "抖音电商：以用户为中心，打造"),
    ("ＧＤＰ增长１２％", "GDP增长12%"),
    ("价格3,000元，时间10:30", "价格3,000元，时间10:30"),
    ("他说(笑)", "他说（笑）"),
    ("English, text: here", "English, text: here"),
    ("中文  中文", "中文中文"),
    ("AI  模型", "AI 模型"),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_normalize_is_explicit_and_optional():
    text = "抖音电商:以用户为中心"
    assert normalize(text, width=False, whitespace=False) == text


def test_normalize_traditional():
    assert normalize("經濟增長", traditional=True) == "经济增长"
    assert to_simplified("臺灣銀行") in ("台湾银行", "臺湾银行")


def test_matching_key_ignores_punctuation_width_and_script():
    a = "抖音电商:以用户为中心,打造有温度的购物体验"
    b = "抖音電商：以用戶為中心，打造有溫度的購物體驗！"
    assert matching_key(a) == matching_key(b)
    assert matching_key("GDP 增长 3.5%") == "gdp增长35"
    assert matching_key("……——") == ""


def test_decode_utf8_gb18030_bom():
    assert decode("新闻".encode("utf-8")) == "新闻"
    assert decode("新闻".encode("gb18030")) == "新闻"
    assert decode("新闻".encode("gbk")) == "新闻"
    assert decode(codecs.BOM_UTF8 + "新闻".encode()) == "新闻"
    assert decode("新闻".encode("utf-16")) == "新闻"
    assert decode("新聞".encode("big5"), encoding="big5") == "新聞"


def test_decode_errors_name_encodings():
    with pytest.raises(ValueError, match="utf-8.*gb18030.*big5"):
        decode(b"abc\xff\xff")
    with pytest.raises(ValueError, match="big5"):
        decode(b"\xff\xff\xff", encoding="big5")
    with pytest.raises(TypeError, match="data"):
        decode("already text")
    with pytest.raises(TypeError, match="data"):
        decode(None)
