"""Command line: `python -m bot build-db` builds build/measures.db from data/measures/."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import BUILD, DEFAULT_DB
from bot.database import build
from bot.glossary import terms, write_jieba_dictionary
from bot.measures import MEASURES_DIR, MeasureError, load_measures

JIEBA_DICT = BUILD / "jieba" / "nuanliu.txt"


def build_db(args: argparse.Namespace) -> int:
    try:
        measures = load_measures(args.measures_dir)
    except MeasureError as err:
        print(f"error: {err}\n(the previous {args.db} is left as it was)", file=sys.stderr)
        return 1
    print(f"loaded {len(measures)} measures from {args.measures_dir}", flush=True)
    build(measures, args.db)
    print(f"wrote {args.db}", flush=True)
    write_jieba_dictionary(terms(measures), args.jieba_dict)
    print(f"wrote {args.jieba_dict}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="暖流助手 tools")
    sub = parser.add_subparsers(dest="command", required=True)
    db = sub.add_parser("build-db", help="check data/measures/*.yml and build the SQLite measure table")
    db.add_argument("--measures-dir", type=Path, default=MEASURES_DIR)
    db.add_argument("--db", type=Path, default=DEFAULT_DB)
    db.add_argument("--jieba-dict", type=Path, default=JIEBA_DICT)
    db.set_defaults(func=build_db)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
