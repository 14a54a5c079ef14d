"""Datasette plugin: the Datasette pages under the operators' desk in Chinese, with lang="zh-CN".

Datasette 0.65 has no translations, and each page keeps its labels inside one
large template block, so a block override would be a copy of the page that
no longer follows Datasette's fixes. Instead the installed templates (Datasette's
and datasette-auth-passwords') are kept, and the fragments lookup/datasette_zh.yml
lists are replaced as each one is loaded; words Datasette computes in Python
(errors, messages, filter kinds, the row count line) go through the helpers
registered here. Columns show under their labels in lookup/metadata.yml
(`column_labels`) wherever a page names them, while URLs, filters and exports
keep the real names. Our own templates (lookup/templates/) are never rewritten.
tests/hotline/test_datasette_zh.py checks every fragment against the installed templates.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml
from datasette import hookimpl
from datasette.filters import Filters
from jinja2 import Environment
from jinja2.ext import Extension

TRANSLATION = Path(__file__).resolve().parent.parent / "datasette_zh.yml"
DEFAULT_PREFIX = "default:"  # how a template names Datasette's own copy of a template it overrides
LINK_COLUMN = "Link"  # the first column Datasette adds, linking to each row, when a table's key has several columns


@cache
def load(path: Path = TRANSLATION) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def translate_source(source: str, fragments: list[list[str]]) -> str:
    """A template's source with each fragment replaced, in order (a later fragment may rely on an earlier one)."""
    for english, chinese in fragments:
        source = source.replace(english, chinese)
    return source


def _extension(templates: dict[str, list[list[str]]], own_folder: str | None) -> type[Extension]:
    class Chinese(Extension):
        """Rewrites an installed template's labels when Jinja loads it (the cache keeps the result)."""

        def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
            if not name or (own_folder and filename and Path(filename).resolve().is_relative_to(own_folder)):
                return source
            fragments = templates.get(name.removeprefix(DEFAULT_PREFIX))
            return translate_source(source, fragments) if fragments else source

    return Chinese


def describe(zh: dict[str, Any], filters: Filters, search: str | None, sort: str | None, sort_desc: str | None,
             label: Callable[[str], str] = str) -> str:
    """What the rows shown were chosen by, in Chinese: Datasette's `human_description_en`, rebuilt from its parts,
    each column named by `label`."""
    parts = [zh["search"].format(v=search)] if search else []
    for column, key, value in filters.selections():
        if key in zh["filters"]:
            parts.append(zh["filters"][key].format(c=label(column), v=value))
    if sort or sort_desc:
        parts.append(zh["sort_desc"].format(c=label(sort_desc)) if sort_desc else zh["sort"].format(c=label(sort)))
    return f"（{'，'.join(parts)}）" if parts else ""


@hookimpl
def prepare_jinja2_environment(env: Environment, datasette) -> None:
    zh = load()
    own = str(Path(datasette.template_dir).resolve()) if datasette.template_dir else None
    env.add_extension(_extension(zh["templates"], own))
    words: dict[str, str] = zh["words"]

    def title(database: str, table: str | None = None) -> str:
        return datasette.metadata("title", database=database, table=table, fallback=False) or table or database

    def crumb_label(item: dict[str, str], database: str | None = None, table: str | None = None) -> str:
        if item["href"] == datasette.urls.instance():
            return zh["home"]
        if table and item["href"] == datasette.urls.table(database, table):
            return title(database, table)
        return title(database)

    def column_label(database: str | None, table: str | None, column: str) -> str:
        """A column by its label in lookup/metadata.yml (`column_labels`), else its name; the column Datasette
        adds to link each row of a table keyed by several columns ("Link") by the words for it."""
        labels = (datasette.table_metadata(database, table).get("column_labels") or {}) if database and table else {}
        return labels.get(column) or (zh["link_column"] if column == LINK_COLUMN else column)

    def description(filters: Filters, search: str | None, sort: str | None, sort_desc: str | None,
                    database: str | None = None, table: str | None = None) -> str:
        return describe(zh, filters, search, sort, sort_desc, partial(column_label, database, table))

    def param_label(query: dict[str, Any] | None, name: str) -> str:
        """A canned query's field by its label in lookup/metadata.yml (`param_labels`), else its name."""
        return ((query or {}).get("param_labels") or {}).get(name, name)

    env.filters["zh"] = lambda value: words.get(str(value), value)
    env.globals.update(zh_description=description, table_title=title, crumb_label=crumb_label,
                       column_label=column_label, param_label=param_label)


@hookimpl
def extra_body_script(template: str) -> str | None:
    """The column menu and filter buttons Datasette's table.js draws in English, relabelled once it has run;
    the menu's SQL column type (TEXT, INTEGER) is hidden, as it tells an operator nothing."""
    if template != "table.html":
        return None
    zh = load()
    return f"""document.addEventListener("DOMContentLoaded", () => {{
  for (const [selector, words] of Object.entries({json.dumps(zh["column_menu"])})) {{
    document.querySelectorAll(".dropdown-menu " + selector).forEach(a => {{ a.textContent = words; }});
  }}
  document.querySelectorAll('.filter-row a[aria-label="Remove this filter"]').forEach(a => {{
    a.setAttribute("aria-label", {json.dumps(zh["remove_filter"])});
  }});
  document.head.insertAdjacentHTML("beforeend",
    "<style>.dropdown-menu .dropdown-column-type {{ display: none !important; }}</style>");
}});"""
