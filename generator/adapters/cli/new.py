"""planpub new: start a new plan from an annotated example."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from generator.model.schema import ID_PATTERN, write_schemas
from generator.i18n import msg
from generator.render.resources import package_dir


def add_arguments(parser) -> None:
    parser.add_argument("plan", help=msg("cli_help.new.plan"))
    parser.add_argument("--content", default="content", type=Path, help=msg("cli_help.new.content"))


def run(args) -> int:
    if not re.fullmatch(ID_PATTERN, args.plan):
        print(msg("cli.bad_plan_id", plan=args.plan), file=sys.stderr)
        return 1
    target = args.content / "plans" / args.plan
    if target.exists():
        print(msg("cli.plan_exists", path=target), file=sys.stderr)
        return 1
    if not (args.content / "site.yml").exists():
        args.content.mkdir(parents=True, exist_ok=True)
        (args.content / "site.yml").write_text(
            f"# yaml-language-server: $schema=schema/site.schema.json\ntitle: {msg('cli.new_site_title')}\nlanguage: ja\n",
            encoding="utf-8")
    write_schemas(args.content / "schema")
    shutil.copytree(package_dir("generator.staff") / "scaffold", target)
    print(msg("cli.created", path=target))
    for path in sorted(target.rglob("*")):
        if path.is_file():
            print(f"  {path}")
    print(msg("cli.new_next"))
    return 0
