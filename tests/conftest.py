import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed_article():
    """The seed example: raw text, expected clean lines, per-line labels."""
    stem = FIXTURES / "douyin-consumer-experience"
    raw = stem.with_suffix(".txt").read_text(encoding="utf-8")
    clean_lines = [l for l in Path(str(stem) + ".clean.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    labels = [json.loads(l) for l in Path(str(stem) + ".expected.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    return raw, clean_lines, labels
