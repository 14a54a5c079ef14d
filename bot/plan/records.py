"""The measure table's source: data/measures/*.yml, loaded and checked.

Every record must be traceable to the policy text, so loading refuses a
record whose quote is not in data/policy/ or whose parameters hold a number
its quote does not contain. An error names the file, the record and the
field, so whoever edits the YAML knows where to look.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import yaml

from bot import DATA
from bot.plan.calculator import KINDS
from bot.plan.facts import load_specs
from bot.plan.measure import Measure
from bot.plan.numbers import figures

MEASURES_DIR = DATA / "measures"
POLICY_DIR = DATA / "policy"
GROUPS_FILE = DATA / "groups.yml"
ASPECTS_FILE = DATA / "aspects.yml"
SECTION = re.compile(r"^(导语|关注[一二三四五六七八九十]+)$")
RECORD_FIELDS = {
    "id": str, "title": str, "audience": str, "groups": list, "department": str,
    "department_source": str, "kind": str, "params": dict, "conditions": list,
    "quote": str, "keywords": list,
}
OPTIONAL_FIELDS = {"requires": list}


class MeasureError(ValueError):
    """A record of the measure table that cannot be trusted, and where it is."""

    def __init__(self, path: Path, record: str | None, field: str | None, message: str) -> None:
        where = ", ".join(filter(None, [path.name, record and f"record {record}", field and f"field {field}"]))
        super().__init__(f"{where}: {message}")


def squeeze(text: str) -> str:
    """The text with all whitespace removed: the printed plan breaks lines mid-sentence."""
    return re.sub(r"\s+", "", text)


def policy_text(policy_dir: Path = POLICY_DIR) -> str:
    return "".join(squeeze(p.read_text(encoding="utf-8")) for p in sorted(policy_dir.glob("*.txt")))


@cache
def load_groups(path: Path = GROUPS_FILE) -> dict[str, dict]:
    """Read once per process (the action server asked for it on every 我能领什么); do not modify."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def load_places(path: Path = DATA / "places.yml") -> tuple[str, ...]:
    """The places of the city a citizen may name (德惠, 九台 …), to hold against the places a measure lists."""
    return tuple(yaml.safe_load(path.read_text(encoding="utf-8"))["places"])


@cache
def load_units(path: Path = DATA / "units.yml") -> dict[str, dict[str, float]]:
    """The standard units a citizen may ask a figure of the plan in (1公顷 = 15亩); do not modify."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def load_aspects(path: Path = ASPECTS_FILE, policy_dir: Path = POLICY_DIR) -> dict[str, str]:
    """关注 section → the plan's 方面 it works out ("1. 发展新型农业项目，促进农民增收"), each name checked
    against the policy text, so the operators' "which of the 37 tasks" column quotes the plan."""
    policy = policy_text(policy_dir)
    aspects = {}
    for section, aspect in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        if squeeze(aspect["name"]) not in policy:
            raise MeasureError(path, section, "name", f"{aspect['name']!r} is not in the policy text")
        aspects[section] = f"{aspect['number']}. {aspect['name']}"
    return aspects


def load_aspect_people(path: Path = ASPECTS_FILE) -> dict[str, str]:
    """A word for those a 方面 is for (农民, 科研人员) → its 关注 section: 农民有啥好处 asks what that part of the
    plan holds."""
    return {word: section for section, aspect in yaml.safe_load(path.read_text(encoding="utf-8")).items()
            for word in aspect.get("people", ())}


def _check_record(path: Path, raw: object, policy: str, groups: Mapping) -> None:
    if not isinstance(raw, dict):
        raise MeasureError(path, None, None, f"each measure must be a mapping, got {type(raw).__name__}")
    rid = raw.get("id") if isinstance(raw.get("id"), str) else None
    for name, expected in RECORD_FIELDS.items():
        if name not in raw:
            raise MeasureError(path, rid, name, "missing")
        if not isinstance(raw[name], expected):
            raise MeasureError(path, rid, name, f"must be a {expected.__name__}, got {type(raw[name]).__name__}")
    for name, expected in OPTIONAL_FIELDS.items():
        if name in raw and not isinstance(raw[name], expected):
            raise MeasureError(path, rid, name, f"must be a {expected.__name__}")
    unknown = set(raw) - set(RECORD_FIELDS) - set(OPTIONAL_FIELDS)
    if unknown:
        raise MeasureError(path, rid, ", ".join(sorted(unknown)), "unknown field")
    if rid is None or not re.fullmatch(r"[a-z][a-z0-9_]*", rid):
        raise MeasureError(path, rid, "id", "use lower-case ASCII words joined by _")
    if raw["kind"] not in KINDS:
        raise MeasureError(path, rid, "kind", f"{raw['kind']!r} is not one of {', '.join(KINDS)}")
    missing = [p for p in KINDS[raw["kind"]].params if p not in raw["params"]]
    if missing:
        raise MeasureError(path, rid, "params", f"kind {raw['kind']} needs {', '.join(missing)}")
    for item in raw["params"].get("items", []):
        if not {"label", "value", "unit"} <= set(item) <= {"label", "value", "unit", "added"}:
            raise MeasureError(path, rid, "params.items", "each item needs label, value and unit (and may say added)")
    bad_groups = set(raw["groups"]) - set(groups)
    if bad_groups:
        raise MeasureError(path, rid, "groups", f"unknown {sorted(bad_groups)}; groups are listed in {GROUPS_FILE.name}")
    specs = load_specs()
    for req in raw.get("requires", []):
        if req.get("fact") not in specs or "label" not in req or not ({"min", "equals"} & set(req)):
            raise MeasureError(path, rid, "requires", f"{req!r}: needs a fact of facts.yml, a label, and min or equals")
    if raw["department_source"] not in {"text", "lead"}:
        raise MeasureError(path, rid, "department_source", "must be text (named in the plan) or lead")
    if raw["department_source"] == "text" and raw["department"] not in policy:
        raise MeasureError(path, rid, "department", f"{raw['department']} is not named in the policy text")
    quote = squeeze(raw["quote"])
    if quote not in policy:
        raise MeasureError(path, rid, "quote", "not found in the policy text (data/policy/)")


def load_file(path: Path, policy: str, groups: Mapping) -> list[Measure]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise MeasureError(path, None, None, f"not valid YAML: {err}") from err
    if not isinstance(doc, dict) or not isinstance(doc.get("measures"), list):
        raise MeasureError(path, None, "measures", "the file needs section, heading, effective and a measures list")
    for name in ("section", "heading", "effective"):
        if name not in doc:
            raise MeasureError(path, None, name, "missing")
    if not SECTION.match(str(doc["section"])):
        raise MeasureError(path, None, "section", f"{doc['section']!r} is not 导语 or 关注N")
    measures = []
    for raw in doc["measures"]:
        _check_record(path, raw, policy, groups)
        measure = Measure(
            id=raw["id"], section=doc["section"], heading=doc["heading"], effective=int(doc["effective"]),
            title=raw["title"], audience=raw["audience"], groups=tuple(raw["groups"]),
            department=raw["department"], department_source=raw["department_source"], kind=raw["kind"],
            params=raw["params"], requires=tuple(raw.get("requires", ())), conditions=tuple(raw["conditions"]),
            quote=squeeze(raw["quote"]), keywords=tuple(raw["keywords"]), source_file=path.name,
        )
        in_quote = figures(measure.quote)
        for value in measure.numbers:
            if float(value) not in in_quote:
                raise MeasureError(path, measure.id, "params", f"{value} does not occur in its quote")
        measures.append(measure)
    return measures


def load_measures(measures_dir: Path = MEASURES_DIR, policy_dir: Path = POLICY_DIR) -> list[Measure]:
    """All records, in file then record order; raises MeasureError on the first bad one."""
    policy, groups = policy_text(policy_dir), load_groups()
    measures: list[Measure] = []
    seen: dict[str, str] = {}
    for path in sorted(measures_dir.glob("*.yml")):
        for measure in load_file(path, policy, groups):
            if measure.id in seen:
                raise MeasureError(path, measure.id, "id", f"already used in {seen[measure.id]}")
            seen[measure.id] = path.name
            measures.append(measure)
    if not measures:
        raise MeasureError(measures_dir, None, None, "no measures found")
    return measures
