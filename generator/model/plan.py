"""The typed model of a plan: what the loader produces and the pages read.

Pure data: no I/O, no MkDocs, no HTML. Every class mirrors a part of the content
format described in docs/format-spec.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from generator.model.fields import INITIATIVE_FIELDS, FieldSet


@dataclass(frozen=True)
class Text:
    """A prose value: one paragraph, or bullet items when `is_list`."""

    items: tuple[str, ...]
    is_list: bool = False

    @classmethod
    def of(cls, value) -> "Text | None":
        if value is None:
            return None
        # Trailing blank space (e.g. the final newline of a YAML block) carries no meaning.
        if isinstance(value, list):
            return cls(tuple(str(v).rstrip() for v in value), True)
        return cls((str(value).rstrip(),), False)

    def plain(self) -> str:
        return "\n".join(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class Vision:
    id: str
    text: Text
    number: str | None = None
    theme_id: str = ""


@dataclass
class Theme:
    id: str
    name: str | None              # None: the document gives the level a number and a statement only
    number: str | None = None
    description: Text | None = None
    notes: Text | None = None
    visions: list[Vision] = field(default_factory=list)
    children: list["Theme"] = field(default_factory=list)
    parent_id: str | None = None
    depth: int = 0
    schedule: dict[int, Text] = field(default_factory=dict)   # a theme's own plans per fiscal year
    kpis: list["Kpi"] = field(default_factory=list)            # a theme's own measures
    labels: dict[str, str] = field(default_factory=dict)      # what this chapter calls fields (目標(令和8年度))

    @property
    def stated_labels(self) -> dict[str, str]:
        return self.labels

    def walk(self) -> Iterator["Theme"]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def display_name(self) -> str:
        return theme_name(self.number, self.name)


def theme_name(number: str | None, name: str | None) -> str:
    """「① 窓口改革」, or only the number a document gives a level that has no name (「基本方針①」)."""
    return " ".join(part for part in (number, name) if part)


@dataclass(frozen=True)
class Department:
    name: str
    all: bool = False


@dataclass(frozen=True)
class Status:
    name: str
    description: str = ""


@dataclass(frozen=True)
class VersionStatus:
    """A stage a 版 can be in (案, パブリックコメント版, 策定 …), declared by the site."""

    id: str
    name: str


@dataclass(frozen=True)
class KpiValue:
    """A baseline, target, actual or reference figure as the document states it: a number,
    the words as written (「1名以上」), or a target relative to a named base year — a ratio
    (「1.5倍」), a change in percent (「50%減」 = -50) or in units — whose number is known once
    the base year's value is."""

    value: float | int | None = None
    text: str | None = None
    change_percent: float | int | None = None
    base_fy: int | None = None
    as_of: str | None = None
    fy: int | None = None          # the fiscal year a baseline or a reference figure is of
    ratio: float | int | None = None
    change: float | int | None = None
    by: int | str | None = None    # a target without a year: None, a fiscal year, or PERIOD_END
    survey_planned: str | None = None  # a figure still to be surveyed then (「令和6年3月調査予定」): no number yet

    @property
    def relative(self) -> bool:
        return any(v is not None for v in (self.ratio, self.change_percent, self.change))


PERIOD_END = "period_end"   # a target "by the end of the plan period"


@dataclass
class Kpi:
    id: str
    name: str
    unit: str | None = None
    direction: str | None = None  # "increase" | "decrease"
    definition: Text | None = None
    rationale: Text | None = None
    baseline: KpiValue | None = None
    targets: dict[int, KpiValue] = field(default_factory=dict)
    actuals: dict[int, KpiValue] = field(default_factory=dict)
    initiative_id: str | None = None  # None for plan-level KPIs
    theme_id: str | None = None       # set for a theme's own KPI
    target: KpiValue | None = None    # a target the document gives without a fiscal year of its own
    references: list[KpiValue] = field(default_factory=list)   # 〈参考〉 figures: shown, never judged

    def years(self) -> list[int]:
        return sorted(set(self.targets) | set(self.actuals))


@dataclass(frozen=True)
class Activity:
    """A row of a schedule as the document draws it: one item from `start` to `end`,
    open-ended (「～」: `end` None with `ongoing`), with an end the document does not give
    (`end_unstated`), or completed before the schedule begins (「令和4年度済」: `done`). Text in
    a later cell of the same row continues the item (`cells`: 「検討 | 導入・運用」)."""

    name: str
    start: int | None = None
    end: int | None = None
    ongoing: bool = False
    done: int | None = None
    end_unstated: bool = False
    cells: dict[int, str] = field(default_factory=dict, hash=False)

    def years(self) -> set[int]:
        """The fiscal years its bar and its later cells name (a 済 item: none of the schedule's)."""
        spanned = set(range(self.start, (self.end or self.start) + 1)) if self.start is not None else set()
        return spanned | set(self.cells)

    def covers(self, fy: int, last: int) -> bool:
        """Whether the bar spans `fy` (an open-ended one runs to `last`, the plan's last year)."""
        if self.start is None:
            return False
        return self.start <= fy <= self.last_year(last)

    def last_year(self, last: int) -> int | None:
        if self.ongoing:
            return last
        if self.end is not None:
            return self.end
        # no end stated: the bar reaches its last cell of text, and says that its end is not given
        return max([self.start, *self.cells]) if self.start is not None else None


@dataclass(frozen=True)
class Progress:
    status: str | None = None
    text: Text | None = None
    as_of: str | None = None


class ItemTree:
    """What an initiative and a sub-item are called and how they nest (`id`, `number`, `title`,
    `parent_id`, `items`): shared by the model and the resolved 版 (model/resolved/)."""

    @property
    def display_title(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    @property
    def local_id(self) -> str:
        """A sub-item's id within its initiative (the part after the parent's id)."""
        return self.id.rpartition(".")[2] if self.parent_id else self.id

    def walk(self) -> Iterator:
        """The item, then its sub-items (and theirs), in document order."""
        yield self
        for child in self.items:
            yield from child.walk()


@dataclass
class Initiative(ItemTree):
    id: str
    title: str
    number: str | None = None
    theme: str | None = None
    related_themes: list[str] = field(default_factory=list)
    visions: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    texts: dict[str, Text] = field(default_factory=dict)     # prose fields (of the "text" kind) by key
    extra: dict[str, object] = field(default_factory=dict)   # values of fields the plan declares itself
    stated_empty: frozenset[str] = frozenset()   # fields the document shows empty (an empty schedule table)
    items: list["Initiative"] = field(default_factory=list)   # sub-items with fields of their own
    parent_id: str | None = None                             # set on a sub-item
    stated_id: str | None = None                             # a sub-item's `id` as written (else its position)
    labels: dict[str, str] = field(default_factory=dict)     # what this item's document calls fields (環境整備)

    schedule: dict[int, Text] = field(default_factory=dict)
    annual_goals: dict[int, Text] = field(default_factory=dict)
    activities: list[Activity] = field(default_factory=list)
    progress: dict[int, Progress] = field(default_factory=dict)
    kpis: list[Kpi] = field(default_factory=list)
    related: list[str] = field(default_factory=list)          # ids of explicitly related initiatives

    def years(self, fields: FieldSet = INITIATIVE_FIELDS) -> list[int]:
        """Every fiscal year the initiative's per-year fields and activities mention."""
        years: set[int] = set()
        for value in (f.value(self) for f in fields):
            # what a value states for a year is keyed by it; a row of a schedule spans years
            if isinstance(value, dict):
                years.update(fy for fy in value if isinstance(fy, int))
            elif isinstance(value, list):
                years.update(fy for row in value if isinstance(row, Activity) for fy in row.years())
        return sorted(years)

    def latest_status(self) -> tuple[int, str] | None:
        """The most recent fiscal year with a stated status, and that status."""
        return self.latest_of(self.progress)

    @staticmethod
    def latest_of(progress: dict[int, "Progress"]) -> tuple[int, str] | None:
        for fy in sorted(progress, reverse=True):
            if progress[fy].status:
                return fy, progress[fy].status
        return None


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    file: str
    markdown: str


@dataclass(frozen=True)
class Contact:
    """問い合わせ先 as the plan states it; every part optional."""

    name: str | None = None
    department: str | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    address: str | None = None

    PARTS = ("name", "department", "address", "phone", "email", "url")


class ThemeTree:
    """Finding one's way in a theme hierarchy (`themes`, `theme_levels`): shared by a plan's
    content and its resolved 版 (model/resolved/)."""

    def all_themes(self) -> Iterator:
        for theme in self.themes:
            yield from theme.walk()

    def theme(self, theme_id: str | None):
        return next((t for t in self.all_themes() if t.id == theme_id), None)

    def all_visions(self) -> Iterator[Vision]:
        for theme in self.all_themes():
            yield from theme.visions

    def vision(self, vision_id: str) -> Vision | None:
        return next((v for v in self.all_visions() if v.id == vision_id), None)

    def theme_path(self, theme_id: str | None) -> list:
        """A theme with its ancestors, top first (「① 市民サービスの改革 ＞ ① 窓口改革」)."""
        path, theme = [], self.theme(theme_id)
        while theme is not None:
            path.insert(0, theme)
            theme = self.theme(theme.parent_id)
        return path

    def theme_level_name(self, depth: int) -> str | None:
        return self.theme_levels[depth] if depth < len(self.theme_levels) else None


@dataclass
class PlanContent(ThemeTree):
    """One plan as of one 版 (a frozen snapshot or the working copy)."""

    municipality: str
    title: str
    period_start: int | None          # the stated 計画期間; None (both) when the document states none
    period_end: int | None
    region_code: str | None = None      # 全国地方公共団体コード (model/region_code.py), site metadata
    parent_strategy: str | None = None
    subtitle: str | None = None
    adoption: str = "adopted"
    lead: Text | None = None
    source: Text | None = None
    source_url: str | None = None   # where the municipality publishes the source document
    licence: str | None = None
    theme_levels: list[str] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    fields: FieldSet = INITIATIVE_FIELDS   # the fields of this plan's initiatives (model/fields.py)
    format: int = 1                        # the content format version the files are written in
    version_policy: Text | None = None     # what the plan says a major and a minor 版 mean
    goals: Text | None = None              # 目指す姿: what the whole plan aims at
    fields_declaration: dict | None = None # plan.yml `fields` as written (uses, labels, extra)
    figures: dict[str, bytes] = field(default_factory=dict)   # figures/<name> of the chapters
    contact: Contact | None = None         # 問い合わせ先, only when the plan states one

    @property
    def period_stated(self) -> bool:
        return self.period_start is not None and self.period_end is not None

    @property
    def period(self) -> range:
        """The years the plan covers: its stated 計画期間, or — a document that states none — the
        years its schedules, activities and measures name (never shown as a plan period)."""
        if self.period_stated:
            return range(self.period_start, self.period_end + 1)
        years = {fy for i in self.initiatives for item in i.walk() for fy in item.years(self.fields)}
        years |= {fy for k in self.all_kpis() for fy in k.years()}
        years |= {fy for t in self.all_themes() for fy in t.schedule}
        return range(min(years), max(years) + 1) if years else range(0)

    def initiative(self, initiative_id: str) -> Initiative | None:
        return next((i for i in self.initiatives if i.id == initiative_id), None)

    def all_kpis(self) -> list[Kpi]:
        """The plan's, its themes', then every initiative's and sub-item's measures."""
        return list(self.kpis) + [k for t in self.all_themes() for k in t.kpis] + \
            [k for i in self.initiatives for item in i.walk() for k in item.kpis]

    def owner_of(self, kpi: Kpi) -> Initiative | None:
        """The (top-level) initiative a KPI belongs to, also when a sub-item states it."""
        return next((i for i in self.initiatives if any(item.id == kpi.initiative_id for item in i.walk())), None)



@dataclass(frozen=True)
class PublicComment:
    """A draft's public-comment period as the document states it (either date may be
    unstated, each as precise as written), and what the consultation excluded
    (「第5章及び第6章は対象外」)."""

    start: str | None = None
    end: str | None = None
    excludes: Text | None = None


@dataclass(frozen=True)
class NextStage:
    """The stage a 版 says comes next (「策定 令和6年2月予定」): a stage of the site's
    vocabulary and its planned date, as precise as stated (None: no date stated)."""

    status: str
    date: str | None = None


@dataclass(frozen=True)
class Version:
    """One 版 in the revision history; `snapshot` when its content is frozen here."""

    id: str
    name: str
    label: str | None = None
    date: str | None = None  # as the document states it: "YYYY-MM-DD", "YYYY-MM", "YYYY"; None: unknown
    precedes: str | None = None
    status: str | None = None     # id in the site's version statuses (案, パブリックコメント版, 策定 …)
    summary: Text | None = None
    notes: Text | None = None
    source: Text | None = None
    document: str | None = None
    snapshot: bool = False
    omits: tuple[str, ...] = ()   # fields this 版's source document does not contain
    released: str | None = None   # when `planpub release` published it (ledger.yml); None: not recorded
    public_comment: PublicComment | None = None   # a draft's comment period, as stated
    next_stage: NextStage | None = None           # the stage planned next, as stated


@dataclass
class Plan:
    """A plan with its whole history: ordered versions and their frozen contents."""

    id: str
    versions: list[Version]
    snapshots: dict[str, PlanContent]
    working: PlanContent | None = None
    # The plan's own words and their readings (readings.yml beside its 版, for ふりがな and
    # search): (word, reading in hiragana), sorted.
    readings: tuple[tuple[str, str], ...] = ()

    @property
    def snapshot_versions(self) -> list[Version]:
        return [v for v in self.versions if v.snapshot]

    @property
    def latest(self) -> Version | None:
        snaps = self.snapshot_versions
        return snaps[-1] if snaps else None

    def version(self, version_id: str) -> Version | None:
        return next((v for v in self.versions if v.id == version_id), None)


@dataclass
class Site:
    title: str
    language: str
    plans: list[Plan]
    statuses: list[Status]
    current_fy: int
    version_statuses: list["VersionStatus"] = field(default_factory=list)

    def version_status(self, status_id: str | None) -> "VersionStatus | None":
        return next((s for s in self.version_statuses if s.id == status_id), None)
    description: str | None = None
    publisher: str | None = None
    licence: str | None = None
