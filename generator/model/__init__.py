"""Model: the typed, pure-data picture of plans (no I/O, no HTML), the field registry that
declares every content field once, and what is computed from data alone (fiscal years,
KPI judgement, the order of 版, field-level diffs).
"""
