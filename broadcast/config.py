"""Typed settings: the commune a broadcast is made for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadcast.errors import BroadcastError

COMMUNE_KINDS = ("xã", "phường", "thị trấn")


@dataclass(frozen=True)
class Commune:
    """The commune (xã, phường or thị trấn) whose radio airs the broadcast."""

    name: str
    kind: str = "xã"

    @classmethod
    def from_text(cls, text: str) -> Commune:
        """'Phúc Lộc' → xã Phúc Lộc; 'phường Tân An' → phường Tân An."""
        cleaned = " ".join(text.split())
        match = re.match(rf"^({'|'.join(COMMUNE_KINDS)})\s+(.+)$", cleaned, re.I)
        kind, name = (match[1].lower(), match[2]) if match else ("xã", cleaned)
        if not name or not re.search(r"\w", name) or len(name) > 60:
            raise BroadcastError(
                f"Tên xã '{text}' không hợp lệ. Hãy ghi tên xã, ví dụ --commune \"Phúc Lộc\"."
            )
        return cls(name=name, kind=kind)

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def authority(self) -> str:
        return f"Ủy ban nhân dân {self.full_name}"

    @property
    def radio(self) -> str:
        return f"Đài truyền thanh {self.full_name}"
