import json
from pathlib import Path

import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests: 1,000 examples per property in CI (the default here), fewer with
# HYPOTHESIS_PROFILE=dev for quick local runs.
settings.register_profile("ci", max_examples=1000, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
