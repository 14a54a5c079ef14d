"""The benchmark code itself (make bench is not part of make test; its arithmetic and report are)."""
from __future__ import annotations

import json

import pytest

from bench import report
from bench.load import LoadResult
from bench.measure import combined, percentile


def test_percentiles_interpolate_between_ranks():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile([7.0], 99) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


def fake_results(**changes) -> dict:
    load = [{"users": u, "seconds": 30, "requests": 900, "failures": 0, "throughput": t, "p50_ms": 100.0,
             "p95_ms": 300.0, "p99_ms": 400.0} for u, t in ((10, 40.0), (25, 55.0), (50, 62.0))]
    results = {
        "latency_p50_ms": 30.0, "latency_p95_ms": 45.0, "latency_p99_ms": 60.0, "baseline_p50_ms": 20.0,
        "baseline_p95_ms": 35.0, "baseline_p99_ms": 50.0, "p95_ratio": 45 / 35, "throughput_msg_s": 62.0,
        "baseline_throughput_msg_s": 70.0,
        "throughput_errors": 0, "train_s": 25.0, "baseline_train_s": 10.0, "rss_mb": {"rasa": 950.0, "actions": 200.0},
        "rss_mb_total": 1150.0, "model_mb": 5.0, "startup_s": 30.0, "intent_accuracy": 0.951, "entity_f1": 0.991,
        "sample_correct": 19, "sample_strict": 19, "sample_cases": 19, "bm25_correct": 3, "load": load,
        "burst_s": 2.5, "burst_busy": 0, "burst_others_p95_ms": 60.0, "baseline_burst_s": 29.8, "throughput_ratio": 62 / 70,
        "long_conversation_p95_ms": [30.0] * 49 + [36.0], "long_conversation_p95_ratio": 1.2,
    }
    return results | changes


def test_the_summary_says_which_targets_are_met():
    rows = {row[0]: row for row in report.summary_rows(fake_results(train_s=200.0))}
    assert rows["train time (s)"][3].startswith("NO")
    assert rows["latency p50 / p95 / p99 (ms)"][3].startswith("ratio 1.29: yes")
    assert rows["throughput at 10 / 25 / 50 users (msg/s)"][1] == "40.0 / 55.0 / 62.0"
    assert rows["one citizen's 30 messages at once: all answered (s)"][3].startswith("yes")
    assert rows["throughput at 10 / 25 / 50 users (msg/s)"][3].startswith("ratio 0.89: yes")
    assert rows["one conversation of 50 questions: p95 of turn 1 / 50 (ms)"][1] == "30 / 36"
    assert rows["one conversation of 50 questions: p95 of turn 1 / 50 (ms)"][3].startswith("ratio 1.20: yes")
    behind = {row[0]: row for row in report.summary_rows(fake_results(throughput_ratio=0.8,
                                                                       long_conversation_p95_ratio=1.4))}
    assert behind["throughput at 10 / 25 / 50 users (msg/s)"][3].startswith("ratio 0.80: NO")
    assert behind["one conversation of 50 questions: p95 of turn 1 / 50 (ms)"][3].startswith("ratio 1.40: NO")
    slow = {row[0]: row for row in report.summary_rows(fake_results(burst_s=29.0))}
    assert slow["one citizen's 30 messages at once: all answered (s)"][3].startswith("NO")


def test_results_json_report_and_plots_are_written(tmp_path):
    report.write(fake_results(), {"ours": [30.0] * 600, "minimal": [20.0] * 600}, tmp_path)
    assert not report.missing(json.loads((tmp_path / "results.json").read_text()))
    assert "| public sample correct / strict | 19 / 19 of 19 |" in (tmp_path / "report.md").read_text()
    for plot in ("latency.png", "throughput.png", "long_conversation.png"):
        assert (tmp_path / plot).stat().st_size > 5000


def test_results_missing_a_figure_are_refused(tmp_path):
    results = fake_results()
    del results["bm25_correct"]
    with pytest.raises(ValueError, match="bm25_correct"):
        report.write(results, {"ours": [1.0], "minimal": [1.0]}, tmp_path)


def test_alternating_load_rounds_combine_into_one_result_per_bot():
    runs = [LoadResult(50, 30, 1500, 0, 50.0, 900.0, 1400.0, 1800.0),
            LoadResult(50, 30, 1200, 2, 40.0, 1000.0, 1600.0, 1700.0)]
    both = combined(runs)
    assert (both.seconds, both.requests, both.failures) == (60, 2700, 2)
    assert both.throughput == pytest.approx(45.0)
    assert (both.p50_ms, both.p95_ms, both.p99_ms) == (1000.0, 1600.0, 1800.0)
