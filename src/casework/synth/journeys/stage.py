"""The stages of a child's journey, as each of them sees the others."""

from __future__ import annotations

from abc import ABC, abstractmethod

from casework.synth.journeys.routine import Routine


class Stage(Routine, ABC):
    """One part of the journey. Stages hand a child on to each other, and each is
    written in its own module; `Simulation` brings them together."""

    @abstractmethod
    def referral(self, day: int, harm: bool, mash: int) -> int | None: ...

    @abstractmethod
    def s47(self, day: int, slot: int) -> tuple[str, int, int, int]: ...

    @abstractmethod
    def cp(
        self, start: int, previous: int, case: str, chair: int, min_end: int = 0
    ) -> int | None: ...

    @abstractmethod
    def cin(
        self, start: int, previous: int, case: str, after_cp: bool, min_end: int
    ) -> int | None: ...

    @abstractmethod
    def cic(self, start: int, previous: int, case: str, via: str, min_end: int) -> int | None: ...

    @abstractmethod
    def care_leaver(self, start: int, previous: int, case: str) -> int | None: ...

    @abstractmethod
    def early_help(self, start: int) -> int | None: ...
