"""What `make bench` measures: each figure beside its reference from the same run.

Absolute times on a shared 2-core machine say little, so latency is reported
next to a minimal Rasa bot (bench/minimal/, no custom actions) trained and
served in the same run, and accuracy next to judge.py's keyword-search
baseline. Every step prints what it is doing; figures are plain numbers.
"""
from __future__ import annotations

import json
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench.load import LoadResult, rss_mb, run_locust
from bot.channels.edge import BUSY
from evaluation import nlu
from serving.client import post_json
from serving.processes import ROOT, free_port, running
from serving.start import bot, environment, rasa_server

JUDGE = ROOT.parent / "shared" / "eval" / "judge.py"
MINIMAL = ROOT / "bench" / "minimal"
LATENCY_TURNS = 600  # sequential questions per bot (the issue asks for at least 500)
CONVERSATIONS = 20  # senders the sequential questions rotate over, as in real traffic
LOAD_USERS = (10, 25, 50)
BURST = 30  # one citizen's messages sent at once (a pasted list, a retrying client)
LOAD_SECONDS = 30
LOAD_ROUNDS = 2  # at the top load, 暖流助手 and the minimal bot take turns this many times each
LONG_TURNS = 50  # questions in one long conversation
LONG_CONVERSATIONS = 40  # such conversations, one after the other: each turn's p95 over these
# A simulated citizen asks as fast as the bot answers (a long conversation: 50 questions in about a
# second), far past a person's typing; the per-sender limit (bot/channels/edge.py) would refuse it.
# The benchmark measures serving, so that limit is raised here; every other limit stays as deployed.
UNLIMITED_SENDER = {"NUANLIU_SENDER_BURST": "100000", "NUANLIU_SENDER_PER_MINUTE": "1000000"}


def say(step: str) -> None:
    print(f">> {step}", flush=True)


def percentile(values: Iterable[float], p: float) -> float:
    """The p-th percentile (0–100), interpolated between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def train(project: Path, out: Path, name: str) -> tuple[float, Path]:
    """Seconds to train the project from scratch, and the model file."""
    start = time.monotonic()
    run = subprocess.run(
        [Path(sys.executable).parent / "rasa", "train", "--force", "--fixed-model-name", name, "--out", str(out),
         "--quiet"], cwd=project, capture_output=True, text=True, timeout=1800, env=environment(),
    )
    if run.returncode != 0:
        raise RuntimeError(run.stdout[-2000:] + run.stderr[-2000:])
    return time.monotonic() - start, out / f"{name}.tar.gz"


def timed_turns(url: str, questions: list[str], turns: int) -> list[float]:
    """Milliseconds per REST turn, one after the other, over a few conversations."""
    return interleaved_turns([(url, questions)], turns)[0]


def interleaved_turns(bots: list[tuple[str, list[str]]], turns: int) -> list[list[float]]:
    """Milliseconds per REST turn for each (url, questions), the bots asked in turn, one question each:
    whatever else the machine does meanwhile slows them alike, so their ratio holds."""
    times: list[list[float]] = [[] for _ in bots]
    for i in range(turns):
        for (url, questions), taken in zip(bots, times, strict=True):
            start = time.perf_counter()
            post_json(url, {"sender": f"bench-{i % CONVERSATIONS}", "message": questions[i % len(questions)]})
            taken.append((time.perf_counter() - start) * 1000)
    return times


def alternating_load(hosts: list[str], users: int, out: Path, rounds: int = LOAD_ROUNDS) -> list[LoadResult]:
    """Each host's throughput with `users` locust users, the hosts taking turns `rounds` times
    (LOAD_SECONDS each) so that neither gets the machine's quieter minutes: one result per host."""
    runs: list[list[LoadResult]] = [[] for _ in hosts]
    for _ in range(rounds):
        for i, (host, taken) in enumerate(zip(hosts, runs, strict=True)):
            taken.append(run_locust(host, users, LOAD_SECONDS, out / f"locust-{i}", wait="0"))
    return [combined(taken) for taken in runs]


def combined(runs: list[LoadResult]) -> LoadResult:
    """Runs of equal length as one: requests and failures added, throughput averaged, the worst percentiles."""
    return LoadResult(
        users=runs[0].users, seconds=sum(r.seconds for r in runs), requests=sum(r.requests for r in runs),
        failures=sum(r.failures for r in runs), throughput=statistics.fmean(r.throughput for r in runs),
        p50_ms=max(r.p50_ms for r in runs), p95_ms=max(r.p95_ms for r in runs), p99_ms=max(r.p99_ms for r in runs),
    )


def long_conversations(url: str, questions: list[str], turns: int = LONG_TURNS,
                       conversations: int = LONG_CONVERSATIONS) -> list[float]:
    """The p95 milliseconds of each turn (1 … `turns`) over `conversations` conversations of that length,
    each asked from a different point of the question list."""
    times: list[list[float]] = [[] for _ in range(turns)]
    for c in range(conversations):
        for t in range(turns):
            start = time.perf_counter()
            post_json(url, {"sender": f"bench-long-{c}", "message": questions[(c * turns + t) % len(questions)]})
            times[t].append((time.perf_counter() - start) * 1000)
    return [percentile(turn, 95) for turn in times]


def burst(url: str, questions: list[str], size: int = BURST) -> tuple[float, int, list[float]]:
    """Seconds until one citizen's `size` simultaneous messages are all answered (the lock serves them
    one by one), how many of them were refused as "busy" (bot/channels/edge.py), and the milliseconds of
    other citizens' sequential turns meanwhile."""
    def one(i: int) -> bool:
        replies = post_json(url, {"sender": "bench-burst", "message": questions[i % len(questions)]}, timeout=300)
        return any(m.get("text") == BUSY for m in replies)

    with ThreadPoolExecutor(size + 1) as pool:
        start = time.perf_counter()
        others = pool.submit(timed_turns, url, questions, size)
        refused = sum(pool.map(one, range(size)))
        seconds = time.perf_counter() - start
        return seconds, refused, others.result()


def first_answer_seconds(start: float, url: str) -> float:
    """From starting the servers to the first reply (they are already up when this is called)."""
    post_json(url, {"sender": "bench-first", "message": "你好"})
    return time.monotonic() - start


def judge(url: str | None, report: Path) -> tuple[int, int, int]:
    """(correct, strict, cases) from ../shared/eval/judge.py on its sample; url None runs its bm25 baseline."""
    args = ["--baseline", "bm25"] if url is None else ["--url", url]
    run = subprocess.run([sys.executable, str(JUDGE), *args, "-q", "--report", str(report)],
                         capture_output=True, text=True, timeout=900)
    cases = re.search(r"cases: (\d+)/(\d+) passed", run.stdout)
    strict = re.search(r"strict \(correct and every reply <= 400 chars\): (\d+)/(\d+)", run.stdout)
    if not cases:
        raise RuntimeError(f"judge.py printed no result: {run.stdout[-1500:]} {run.stderr[-1500:]}")
    return int(cases.group(1)), int(strict.group(1)) if strict else 0, int(cases.group(2))


@contextmanager
def minimal_bot(model: Path, work: Path) -> Iterator[str]:
    """The minimal bot's base URL while it runs: Rasa alone, rules and responses only, through the same
    launcher and REST channel, with Rasa's stock SQL tracker store on SQLite and its own lock store, so
    the ratios show what this bot adds to (or takes from) plain Rasa on this machine."""
    port = free_port()
    endpoints = work / "minimal-endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {work / 'minimal-tracker.db'}\n",
                         encoding="utf-8")
    server = rasa_server(port, secrets.token_urlsafe(24), model=model, endpoints=endpoints,
                         credentials=MINIMAL / "credentials.yml")
    with running([server], environment()):
        yield f"http://127.0.0.1:{port}"


def run_all(out: Path, db_path: Path, step: Callable[[str], None] = say) -> dict:
    """Every figure of results.json; `out` receives models, locust logs and judge reports."""
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {}

    step("training 暖流助手 from scratch (timed)")
    results["train_s"], model = train(ROOT, out / "models", "nuanliu-bench")
    results["model_mb"] = model.stat().st_size / 1e6
    step("training the minimal reference bot")
    results["baseline_train_s"], minimal_model = train(MINIMAL, out / "models", "minimal")

    step("held-out NLU set: rasa test nlu")
    nlu.run_test_nlu(model, out / "nlu")
    results["intent_accuracy"] = nlu.intent_accuracy(out / "nlu")
    results["entity_f1"] = nlu.entity_f1(out / "nlu")

    questions = nlu.held_out_questions()
    messages = [text for texts in nlu.examples(MINIMAL / "data" / "nlu.yml").values() for text in texts]
    step("starting 暖流助手 (Rasa + action server, SQLite tracker)")
    started = time.monotonic()
    work = out / "live"
    shutil.rmtree(work, ignore_errors=True)  # conversations of an earlier run would slow every turn
    work.mkdir()
    with bot(work, db_path, model=model, env=UNLIMITED_SENDER) as live:
        url = f"{live.url}/webhooks/rest/webhook"
        results["startup_s"] = first_answer_seconds(started, url)
        step("starting the minimal bot beside it: the two are measured in turns, not one after the other")
        with minimal_bot(minimal_model, work) as floor_host:
            floor_url = f"{floor_host}/webhooks/rest/webhook"
            interleaved_turns([(url, questions), (floor_url, messages)], 20)  # warm-up: TensorFlow's first calls
            results["rss_mb_after_warmup"] = {name: rss_mb(pid) for name, pid in live.pids.items()}
            step(f"latency: {LATENCY_TURNS} sequential questions each, one to 暖流助手, one to the minimal bot, …")
            ours, floor = interleaved_turns([(url, questions), (floor_url, messages)], LATENCY_TURNS)
            step(f"{LONG_CONVERSATIONS} conversations of {LONG_TURNS} questions each: does a turn slow down as they grow?")
            results["long_conversation_p95_ms"] = long_conversations(url, questions)
            step(f"one citizen's burst: {BURST} messages at once, other citizens asking meanwhile")
            results["burst_s"], results["burst_busy"], others = burst(url, questions)
            results["burst_others_p95_ms"] = percentile(others, 95)
            results["baseline_burst_s"], _, _ = burst(floor_url, messages)
            step("judge.py on the public sample")
            results["sample_correct"], results["sample_strict"], results["sample_cases"] = judge(url, out / "judge.json")
            step("judge.py --baseline bm25 (keyword search over the policy text)")
            results["bm25_correct"], _, _ = judge(None, out / "judge-bm25.json")
            load = []
            for users in LOAD_USERS[:-1]:
                step(f"throughput: locust, {users} users, {LOAD_SECONDS} s, no pause between questions")
                load.append(run_locust(live.url, users, LOAD_SECONDS, out / "locust", wait="0"))
            users = LOAD_USERS[-1]
            step(f"throughput: locust, {users} users, no pause, 暖流助手 and the minimal bot taking turns "
                 f"{LOAD_ROUNDS} times {LOAD_SECONDS} s each")
            top, floor_load = alternating_load([live.url, floor_host], users, out)
            load.append(top)
            results["rss_mb"] = {name: rss_mb(pid) for name, pid in live.pids.items()}

    results.update({
        "latency_turns": len(ours),
        "latency_p50_ms": percentile(ours, 50), "latency_p95_ms": percentile(ours, 95),
        "latency_p99_ms": percentile(ours, 99), "latency_mean_ms": statistics.fmean(ours),
        "baseline_p50_ms": percentile(floor, 50), "baseline_p95_ms": percentile(floor, 95),
        "baseline_p99_ms": percentile(floor, 99),
        "throughput_msg_s": load[-1].throughput, "throughput_errors": sum(r.failures for r in load),
        "baseline_throughput_msg_s": floor_load.throughput,
        "load": [vars(r) for r in load],
    })
    results["p95_ratio"] = results["latency_p95_ms"] / results["baseline_p95_ms"]
    results["throughput_ratio"] = results["throughput_msg_s"] / results["baseline_throughput_msg_s"]
    long_p95 = results["long_conversation_p95_ms"]
    results["long_conversation_p95_ratio"] = long_p95[-1] / long_p95[0]
    results["rss_mb_total"] = sum(results["rss_mb"].values())
    (out / "latency_ms.json").write_text(json.dumps({"ours": ours, "minimal": floor}))
    return results
