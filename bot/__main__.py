"""Command line: `python -m bot build-db` builds build/measures.db; `python -m bot lookup 抗日老兵` searches it;
`python -m bot wechat-menu` publishes the WeChat account's menu."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from wechatpy.exceptions import WeChatClientException

from bot import BUILD, DEFAULT_DB
from bot.hotline import daily_counts, ratings
from bot.hotline.lookup import Lookup, table
from bot.hotline.unanswered import DEFAULT_LOG, open_log
from bot.plan.records import MEASURES_DIR, MeasureError, load_measures
from bot.plan.store import StoreError, build
from bot.plan.terms import terms, write_jieba_dictionary
from bot.wechat.api import API_BASE
from bot.wechat.menu import MENU, MenuError, load, publish

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


def lookup(args: argparse.Namespace) -> int:
    query = " ".join(args.words)
    try:
        found = Lookup(args.db).find(query, limit=args.limit)
    except StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(table(found) if found else f"没有找到与“{query}”相符的措施。可换个说法，如：抗美援朝、创业补贴、低保。")
    return 0


def init_log(args: argparse.Namespace) -> int:
    """The stores the operators' lookup serves beside the measure table, created empty if missing."""
    open_log(args.log)
    ratings.open_ratings(args.ratings)
    daily_counts.open_counts(args.counts)
    print(f"unanswered-question log, ratings and daily counts ready at {args.log}, {args.ratings}, {args.counts}",
          flush=True)
    return 0


def wechat_menu(args: argparse.Namespace) -> int:
    """Publish data/wechat_menu.yml; the account's AppID and AppSecret come from the environment only."""
    app_id, secret = os.environ.get("WECHAT_APPID"), os.environ.get("WECHAT_SECRET")
    if not app_id or not secret:
        print("error: set WECHAT_APPID and WECHAT_SECRET (公众平台 → 设置与开发 → 基本配置)", file=sys.stderr)
        return 1
    try:
        publish(load(args.menu), app_id, secret, args.api_base)
    except MenuError as err:
        print(f"error: {args.menu}: {err}", file=sys.stderr)
        return 1
    except WeChatClientException as err:
        print(f"error: WeChat refused the menu: {err.errcode} {err.errmsg}", file=sys.stderr)
        return 1
    print(f"published {args.menu} to the account {app_id}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="暖流助手 tools")
    sub = parser.add_subparsers(dest="command", required=True)
    db = sub.add_parser("build-db", help="check data/measures/*.yml and build the SQLite measure table")
    db.add_argument("--measures-dir", type=Path, default=MEASURES_DIR)
    db.add_argument("--db", type=Path, default=DEFAULT_DB)
    db.add_argument("--jieba-dict", type=Path, default=JIEBA_DICT)
    db.set_defaults(func=build_db)
    find = sub.add_parser("lookup", help="print the measures matching some words, as a table with their sources")
    find.add_argument("words", nargs="+")
    find.add_argument("--db", type=Path, default=DEFAULT_DB)
    find.add_argument("--limit", type=int, default=5)
    find.set_defaults(func=lookup)
    log = sub.add_parser("init-log", help="create the unanswered-question log, ratings and daily counts if missing")
    log.add_argument("--log", type=Path, default=DEFAULT_LOG)
    log.add_argument("--ratings", type=Path, default=ratings.DEFAULT_DB)
    log.add_argument("--counts", type=Path, default=daily_counts.DEFAULT_DB)
    log.set_defaults(func=init_log)
    menu = sub.add_parser("wechat-menu", help="publish the WeChat account's menu (WECHAT_APPID, WECHAT_SECRET)")
    menu.add_argument("--menu", type=Path, default=MENU)
    menu.add_argument("--api-base", default=API_BASE, help="WeChat's API, ending in /cgi-bin/")
    menu.set_defaults(func=wechat_menu)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
