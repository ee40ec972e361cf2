"""全国地方公共団体コード (the national code of a local government, JIS X 0401 + 総務省): five
digits and a check digit, e.g. 江津市 32207 → 322075.

The check digit: multiply the five digits by 6, 5, 4, 3, 2, add them up, divide by 11; the
check digit is the last digit of 11 minus the remainder (remainder 0 → 1, remainder 1 → 0).
The open data names a plan's municipality by this code, as the 標準オープンデータセット do.
"""

from __future__ import annotations

import re

PATTERN = r"^[0-9]{6}$"
WEIGHTS = (6, 5, 4, 3, 2)


def check_digit(first_five: str) -> int:
    total = sum(int(digit) * weight for digit, weight in zip(first_five, WEIGHTS))
    return (11 - total % 11) % 10


def is_valid(code: str) -> bool:
    """Six digits whose last is the check digit of the first five."""
    return bool(re.fullmatch(PATTERN, code)) and int(code[5]) == check_digit(code[:5])


def expected(code: str) -> str | None:
    """The code with the right check digit (for the message that says how to fix it)."""
    return code[:5] + str(check_digit(code[:5])) if re.fullmatch(r"[0-9]{5,6}", code) else None
