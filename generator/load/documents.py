"""What loading produces: the model plus the documents it came from (for line numbers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.load.problems import Problems
from generator.load.yamlfile import YamlDocument
from generator.model.plan import Plan, PlanContent, Site


@dataclass
class LoadedContent:
    """A plan's content as of one 版, with the documents it came from (for line numbers)."""

    directory: Path
    content: PlanContent
    plan_doc: YamlDocument
    initiative_docs: dict[str, YamlDocument] = field(default_factory=dict)
    chapter_paths: dict[str, Path] = field(default_factory=dict)


@dataclass
class LoadedPlan:
    plan: Plan
    directory: Path
    contents: dict[str, LoadedContent] = field(default_factory=dict)  # by version id
    working: LoadedContent | None = None
    release_docs: dict[str, YamlDocument] = field(default_factory=dict)
    history_doc: YamlDocument | None = None


@dataclass
class LoadResult:
    site: Site | None               # None when site.yml could not be read
    plans: list[LoadedPlan]
    problems: Problems
    # The site as far as it was read (defaults for what site.yml could not give): the rules
    # across files still run on it, so a mistake in site.yml hides no other problem.
    draft_site: Site | None = None
