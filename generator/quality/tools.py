"""A check that cannot run because a tool is missing says which and how to install it."""

from __future__ import annotations

from generator.i18n import msg


class MissingTool(Exception):
    def __init__(self, tool: str, install: str):
        super().__init__(msg("check.missing_tool", tool=tool, install=msg(f"check.install.{install}")))
        self.tool = tool
