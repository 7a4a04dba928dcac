"""Numbers in sentences: "1 document", "2 documents"."""
from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with its noun in agreement: ``counted(1, "document")`` → ``"1 document"``.

    ``plural`` defaults to ``singular + "s"``; thousands are separated with commas.
    """
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"
