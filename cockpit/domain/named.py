"""typing's NamedTuple, cast and overload, without importing typing at run time.

The short commands (`cockpit queue`, `next`, `report`…) are whole processes that end in
tens of milliseconds: typing, and the `re` it imports, cost them about a fifth of that (its
160 KB of code read, its regular expressions compiled, each NamedTuple's annotations checked).
The type checker sees typing's own names (the branch below it reads); the program runs on
these, which build the same classes: collections.namedtuple with the class's fields, defaults,
methods and docstring, as typing.NamedTuple does, the annotations kept unread.

A module that uses them writes `TYPE_CHECKING = False` and imports everything else from
typing under `if TYPE_CHECKING:` (annotations are strings: `from __future__ import
annotations`)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
    from typing import cast as cast
    from typing import overload as overload
else:
    from collections import namedtuple as _namedtuple

    # What typing.NamedTuple refuses in a class body, and what it leaves out of the class.
    _PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                             "_field_defaults", "_make", "_replace", "_asdict", "_source"})
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMeta(type):
        def __new__(mcs, typename, bases, ns):
            fields = list(ns.get("__annotations__", {}))
            defaults = []
            for name in fields:
                if name in ns:
                    defaults.append(ns[name])
                elif defaults:
                    raise TypeError(f"Non-default namedtuple field {name} cannot follow "
                                    f"default field{'s' if len(defaults) > 1 else ''} "
                                    f"{', '.join(fields[:len(defaults)])}")
            made = _namedtuple(typename, fields, defaults=defaults, module=ns["__module__"])
            made.__annotations__ = dict(ns.get("__annotations__", {}))
            for key, value in ns.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in _SPECIAL and key not in made._fields:
                    setattr(made, key, value)
            for key, value in ns.items():  # as type() does for a class's descriptors
                set_name = getattr(type(value), "__set_name__", None)
                if set_name is not None and key not in made._fields:
                    set_name(value, made, key)
            return made

    _Base = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    def NamedTuple(typename, fields=None, /, **kwargs):
        """The call form, NamedTuple('Name', [('field', type)])."""
        names = [name for name, _ in fields] if fields is not None else list(kwargs)
        return _namedtuple(typename, names)

    NamedTuple.__mro_entries__ = lambda bases: (_Base,)

    def cast(kind, value):
        return value

    def overload(function):
        return function
