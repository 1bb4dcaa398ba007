import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils.estimator_checks import (check_get_params_invariance, check_no_attributes_set_in_init,
                                            check_parameters_default_constructible, check_set_params)

from zhnews.sklearn import BoilerplateStripper, ClaimExtractor, NearDuplicateFilter

POS = "央行宣布降准，释放长期资金约1万亿元，市场大涨，投资者信心提振。\n点个在看\n责任编辑：张三"
NEG = "公司亏损扩大，股价暴跌，多名高管被调查，投资者损失惨重。\n未经授权禁止转载"

ESTIMATORS = [BoilerplateStripper(), NearDuplicateFilter(), ClaimExtractor()]


@pytest.mark.parametrize("est", ESTIMATORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("check", [check_get_params_invariance, check_set_params, check_no_attributes_set_in_init,
                                   check_parameters_default_constructible])
def test_applicable_estimator_checks(est, check):
    # the other sklearn checks feed random numeric matrices, which text transformers reject by design
    check(type(est).__name__, clone(est))


def test_pipeline_with_vectorizer_and_classifier_fits_and_predicts():
    X = [POS, NEG] * 6
    y = [1, 0] * 6
    pipe = Pipeline([("clean", BoilerplateStripper()), ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=(1, 2))),
                     ("clf", LogisticRegression())])
    pipe.fit(X, y)
    assert pipe.predict(["降准利好，市场大涨，信心提振。", "亏损扩大，股价暴跌。"]).tolist() == [1, 0]
    assert pickle.loads(pickle.dumps(pipe)).predict([POS]).tolist() == [1]


def test_stripper_output():
    out = BoilerplateStripper().fit_transform([POS, NEG])
    assert out.tolist() == [POS.split("\n")[0], NEG.split("\n")[0]]
    with pytest.raises(TypeError):
        BoilerplateStripper().fit_transform([POS, 3])
    with pytest.raises(TypeError):
        BoilerplateStripper().fit_transform(POS)


def test_near_duplicate_filter_keeps_rows_and_blanks_copies():
    base = "国家统计局今日发布数据显示，5月份全国居民消费价格同比上涨0.3%，环比下降0.1%，核心CPI同比上涨0.6%。"
    f = NearDuplicateFilter().fit([base])
    out = f.transform([base.replace("0.6%", "0.7%"), NEG, NEG])
    assert out.tolist() == ["", NEG, ""]
    assert f.duplicate_of_ == ["fit:0", None, 1]
    assert len(f.index_) == 1  # transform does not grow the fitted index
    with pytest.raises(Exception, match="not fitted"):
        NearDuplicateFilter().transform([base])


def test_claim_extractor():
    out = ClaimExtractor(top_k=1).fit_transform([POS])
    assert out.tolist() == ["央行宣布降准，释放长期资金约1万亿元，市场大涨，投资者信心提振。"]
