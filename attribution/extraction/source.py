"""Who spoke: the result the speaker stages pass along."""

from dataclasses import dataclass
from typing import Literal

SourceKind = Literal["person", "organization", "group", "anonymous", "unknown"]


@dataclass
class Source:
    speaker: str | None
    kind: SourceKind = "unknown"
    role: str | None = None
    outlet: str | None = None
    resolved_from_pronoun: bool = False

    def __post_init__(self) -> None:
        # A role says what a person is besides their name: organisations and groups have none; an unnamed
        # source ("a spokeswoman") is its description, which is both; any other role that only repeats the
        # speaker, or has no word of two letters (an initial), is no role.
        if self.role is None:
            return
        if (
            self.kind in ("organization", "group")
            or (self.kind != "anonymous" and self.role.casefold() == (self.speaker or "").casefold())
            or not any(sum(c.isalpha() for c in word) >= 2 for word in self.role.split())
        ):
            self.role = None
