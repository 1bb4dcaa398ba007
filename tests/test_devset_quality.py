"""Quality gate: boilerplate stripping on the bundled labelled dev sets must not regress.

Each floor is a little under what the current rules reach (benchmarks/eval_boilerplate.py
prints the figures); raise a floor when the rules get better, never lower it silently.
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FLOORS = {
    # set names: (drop F1, content recall)
    ("wechat", "seed"): (0.95, 0.995),
    ("extra",): (0.94, 0.99),
    ("dev2",): (0.94, 0.99),
}


@pytest.fixture(scope="module")
def evaluate():
    spec = importlib.util.spec_from_file_location("eval_boilerplate", ROOT / "benchmarks" / "eval_boilerplate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate


@pytest.mark.parametrize("sets", sorted(FLOORS))
def test_dev_set_quality(evaluate, sets):
    scores = evaluate(list(sets), False)
    f1_floor, recall_floor = FLOORS[sets]
    assert scores["f1"] >= f1_floor
    assert scores["content_recall"] >= recall_floor
