"""Quality gate: boilerplate stripping on the bundled labelled dev set must not regress.

The floor is a little under what the current rules reach (benchmarks/eval_boilerplate.py
prints the figures); raise it when the rules get better, never lower it silently.
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def evaluate():
    spec = importlib.util.spec_from_file_location("eval_boilerplate", ROOT / "benchmarks" / "eval_boilerplate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate


def test_dev_set_quality(evaluate, capsys):
    scores = evaluate(None, False)
    assert scores["f1"] >= 0.95
    assert scores["content_recall"] >= 0.995
