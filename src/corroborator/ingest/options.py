"""What a caller can set about reading: limits, the address guard, and link following."""

from __future__ import annotations

from dataclasses import dataclass

from corroborator.errors import InputError


@dataclass(frozen=True)
class ReadOptions:
    """Options shared by every reader.

    `outlet`, when given, is set on every article read (the caller's word beats what a page says).
    """

    allow_private: bool = False
    follow_links: bool = False
    max_bytes: int = 10_000_000
    timeout: float = 10.0
    outlet: str | None = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise InputError(f"max_bytes must be positive, got {self.max_bytes}", "give a size in bytes")
        if self.timeout <= 0:
            raise InputError(f"timeout must be positive, got {self.timeout}", "give seconds, e.g. 10")
