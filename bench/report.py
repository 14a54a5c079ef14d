"""results.json, the Markdown report and its plots, from the figures bench/measure.py took."""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen here
import matplotlib.pyplot as plt

REQUIRED = (
    "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "baseline_p95_ms", "throughput_msg_s",
    "throughput_errors", "train_s", "rss_mb", "intent_accuracy", "entity_f1", "sample_correct",
    "sample_strict", "bm25_correct", "burst_s", "burst_busy", "burst_others_p95_ms", "baseline_burst_s",
    "baseline_throughput_msg_s", "throughput_ratio", "long_conversation_p95_ms", "long_conversation_p95_ratio",
)
THROUGHPUT_RATIO = 0.85
TARGETS = {  # figure → (test, what the issue asks)
    "p95_ratio": (lambda r: r["p95_ratio"] <= 1.3, "p95 ≤ 1.3 × the minimal bot's"),
    "throughput_ratio": (lambda r: r["throughput_ratio"] >= THROUGHPUT_RATIO and r["throughput_errors"] == 0,
                         f"≥ {THROUGHPUT_RATIO} × the minimal bot's at 50 users, 0 errors"),
    "long_conversation_p95_ratio": (lambda r: r["long_conversation_p95_ratio"] <= 1.3,
                                    "turn 50's p95 ≤ 1.3 × turn 1's"),
    "train_s": (lambda r: r["train_s"] <= 180, "≤ 3 min"),
    "rss_mb_total": (lambda r: r["rss_mb_total"] <= 1536, "Rasa + action server ≤ 1.5 GB"),
    "burst_s": (lambda r: r["burst_s"] <= 10 and r["burst_others_p95_ms"] <= 3 * r["latency_p95_ms"],
                "30 at once in ≤ 10 s, others' p95 ≤ 3 × alone"),
    "sample_strict": (lambda r: r["sample_strict"] == r["sample_cases"], "every sample case correct and ≤ 400 chars"),
}


def missing(results: dict) -> list[str]:
    return [key for key in REQUIRED if key not in results]


def summary_rows(results: dict) -> list[tuple[str, str, str, str]]:
    """(figure, ours, reference, target met?) for docs/benchmarks.md and the console."""
    r = results
    met = {name: ("yes" if test(r) else "NO") + f" ({goal})" for name, (test, goal) in TARGETS.items()}
    load = {row["users"]: row for row in r["load"]}
    return [
        ("latency p50 / p95 / p99 (ms)", f"{r['latency_p50_ms']:.0f} / {r['latency_p95_ms']:.0f} / {r['latency_p99_ms']:.0f}",
         f"minimal bot {r['baseline_p50_ms']:.0f} / {r['baseline_p95_ms']:.0f} / {r['baseline_p99_ms']:.0f}",
         f"ratio {r['p95_ratio']:.2f}: {met['p95_ratio']}"),
        ("throughput at 10 / 25 / 50 users (msg/s)",
         " / ".join(f"{load[u]['throughput']:.1f}" for u in sorted(load)),
         f"minimal bot {r['baseline_throughput_msg_s']:.1f} at {max(load)} users; errors {r['throughput_errors']}, "
         f"p95 at {max(load)} users {load[max(load)]['p95_ms']:.0f} ms",
         f"ratio {r['throughput_ratio']:.2f}: {met['throughput_ratio']}"),
        ("one conversation of 50 questions: p95 of turn 1 / 50 (ms)",
         f"{r['long_conversation_p95_ms'][0]:.0f} / {r['long_conversation_p95_ms'][-1]:.0f}", "",
         f"ratio {r['long_conversation_p95_ratio']:.2f}: {met['long_conversation_p95_ratio']}"),
        ("train time (s)", f"{r['train_s']:.0f}", f"minimal bot {r['baseline_train_s']:.0f}", met["train_s"]),
        ("memory after load (MB)", f"{r['rss_mb_total']:.0f}",
         ", ".join(f"{k} {v:.0f}" for k, v in r["rss_mb"].items()), met["rss_mb_total"]),
        ("one citizen's 30 messages at once: all answered (s)", f"{r['burst_s']:.1f}",
         f"{r['burst_busy']} told it is busy; other citizens meanwhile p95 {r['burst_others_p95_ms']:.0f} ms "
         f"(alone {r['latency_p95_ms']:.0f} ms); "
         f"minimal bot (Rasa's own lock) {r['baseline_burst_s']:.1f} s", met["burst_s"]),
        ("model size (MB) / start-up to first answer (s)", f"{r['model_mb']:.1f} / {r['startup_s']:.0f}", "", ""),
        ("held-out intent accuracy / entity F1", f"{r['intent_accuracy']:.3f} / {r['entity_f1']:.3f}", "", ""),
        ("public sample correct / strict", f"{r['sample_correct']} / {r['sample_strict']} of {r['sample_cases']}",
         f"bm25 keyword search {r['bm25_correct']} of {r['sample_cases']}", met["sample_strict"]),
    ]


def markdown(results: dict) -> str:
    lines = ["# 暖流助手 benchmark", "", "| figure | 暖流助手 | reference, same run | target |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in summary_rows(results)]
    lines += ["", "![latency](latency.png)", "", "![throughput](throughput.png)", "",
              "![one long conversation](long_conversation.png)", ""]
    return "\n".join(lines)


def plot_latency(latencies: dict[str, list[float]], results: dict, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 3.5))
    labels = ["p50", "p95", "p99"]
    ours = [results[f"latency_{p}_ms"] for p in labels]
    floor = [results[f"baseline_{p}_ms"] for p in labels]
    xs = range(len(labels))
    ax.bar([x - 0.2 for x in xs], ours, 0.4, label=f"nuanliu ({len(latencies['ours'])} turns)")
    ax.bar([x + 0.2 for x in xs], floor, 0.4, label=f"minimal Rasa bot ({len(latencies['minimal'])} turns)")
    ax.set_xticks(list(xs), labels)
    ax.set_ylabel("ms per REST turn")
    ax.set_title("Sequential latency, same run")
    ax.set_ylim(0, max(ours + floor) * 1.35)  # room for the legend above the bars
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_throughput(results: dict, path: Path) -> None:
    load = sorted(results["load"], key=lambda row: row["users"])
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot([r["users"] for r in load], [r["throughput"] for r in load], marker="o", label="messages/s")
    ax.axhline(results["baseline_throughput_msg_s"], linestyle=":", color="tab:orange",
               label=f"minimal Rasa bot at {load[-1]['users']} users")
    ax.axhline(THROUGHPUT_RATIO * results["baseline_throughput_msg_s"], linestyle="--", color="grey",
               label=f"target: {THROUGHPUT_RATIO} × the minimal bot")
    ax.set_ylim(0, max(results["baseline_throughput_msg_s"], *(r["throughput"] for r in load)) * 1.3)
    ax.set_xlabel("concurrent users (locust, no pause)")
    ax.set_ylabel("messages/s")
    ax.set_title("Throughput vs concurrent users")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def plot_long_conversation(results: dict, path: Path) -> None:
    p95 = results["long_conversation_p95_ms"]
    turns = range(1, len(p95) + 1)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(turns, p95, marker=".", label="p95 of each turn")
    ax.axhline(1.3 * p95[0], linestyle="--", color="grey", label="target: 1.3 × turn 1")
    ax.set_ylim(0, max(p95) * 1.35)
    ax.set_xlabel("turn of the conversation")
    ax.set_ylabel("ms per REST turn")
    ax.set_title("One long conversation: cost per turn")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write(results: dict, latencies: dict[str, list[float]], out: Path) -> None:
    absent = missing(results)
    if absent:
        raise ValueError(f"results lack {absent}")
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    plot_latency(latencies, results, out / "latency.png")
    plot_throughput(results, out / "throughput.png")
    plot_long_conversation(results, out / "long_conversation.png")
    (out / "report.md").write_text(markdown(results), encoding="utf-8")
