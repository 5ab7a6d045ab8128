"""What the figures' counters share: compared and shown by their fields, as a dataclass would
be, without loading dataclasses (~8 ms of every `cockpit report`)."""


class Counts:
    """A base for counters that change as they count (plain classes with `__slots__`): equal
    when of one class with equal fields; no hash, since they change."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, Counts):
            return False
        return self._values() == other._values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"
