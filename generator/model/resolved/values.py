"""One resolved fact: a field's value as written, its state, its label and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.model.fields import Field


class State(StrEnum):
    """What a 版 says about one field of one item. Views decide only *how* to show each state,
    never *whether* a fact is stated:

    - STATED: the document states it (in this 版, or — at the stable address only — in the
      earlier 版 named by `Value.source`, because this 版's document leaves the field out);
    - STATED_EMPTY: the document has the row, but it is blank (an empty schedule table):
      shown as such, never as 「記載なし」;
    - OMITTED: this 版's document does not state it — for this item (the entry is silent), or
      for every item (the 版 `omits` the field: `Value.omitted_by_version`). A view may say
      「記載なし」, because the plan uses the field;
    - NOT_USED: not a field of this plan (`fields.uses`): shown nowhere, not even as 「記載なし」.
    """

    STATED = "stated"
    STATED_EMPTY = "stated_empty"
    OMITTED = "omitted"
    NOT_USED = "not_used"


@dataclass(frozen=True)
class Source:
    """The 版 whose document states a value, as the site names it (with its stage)."""

    version_id: str
    name: str                 # 「第1.5版より前の個別業務一覧（版数・発行日の記載なし）」
    stage: str | None = None  # 案, パブリックコメント版 … when the 版 states a stage
    carried: bool = False     # True: an earlier 版's document, shown because this 版 leaves the field out

    @property
    def titled_name(self) -> str:
        from generator.model.resolved.versions import with_stage
        return with_stage(self.name, self.stage)


@dataclass(frozen=True)
class Value:
    """One field of one item (initiative, sub-item), resolved for one edition."""

    field: Field              # the declaration: kind, place, vocabulary (model/fields.py)
    label: str                # from the most specific scope that names it (labels.py)
    state: State
    value: object = None      # as written (Text, list, {fy: Text}, [Activity], {fy: Progress}, [ResolvedKpi] …)
    source: Source | None = None          # for STATED values
    omitted_by_version: bool = False      # OMITTED because the 版's document leaves the field out (`omits`)
    table_label: str = ""     # its name as a row of the schedule table (スケジュール → 予定・取組事項)

    @property
    def key(self) -> str:
        return self.field.key

    @property
    def kind(self) -> str:
        return self.field.kind

    @property
    def stated(self) -> bool:
        return self.state is State.STATED

    @property
    def carried(self) -> bool:
        return self.source is not None and self.source.carried

    @property
    def shown(self) -> bool:
        """Whether a full view (the initiative page) shows the field at all."""
        return self.state in (State.STATED, State.STATED_EMPTY)

    def __bool__(self) -> bool:
        return self.stated
