"""Datasette plugin: the bot's search and calculator as SQL functions on the `measures` database.

The canned queries in lookup/metadata.yml call these, so an operator's amount
comes from bot.calculator exactly as a citizen's does.
"""
from __future__ import annotations

from pathlib import Path

from datasette import hookimpl

from bot.lookup import register_functions


@hookimpl
def prepare_connection(conn, database, datasette):
    if database == "measures":
        register_functions(conn, Path(datasette.get_database(database).path))
