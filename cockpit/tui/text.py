"""Text helpers of the screens: data shown as written, and comparing what is typed with what
is shown.

The rule of every screen: text that comes from data (the database, content files, what was
typed) reaches a widget as a `Text` made by `data_text()` (or is appended to one after
`printable()`), never inside a string a widget would read as markup; messages go through
`CockpitApp.notify`, which never reads markup. A name like `[@click=app.quit]X` is then shown
with its brackets, and `\\x1b]0;…` as visible signs."""

from __future__ import annotations

from rich.text import Text

# fold: lower case without accents, as the pickers' filters compare (one copy, the domain's).
from cockpit.domain.text import fold as fold
from cockpit.domain.text import printable


def data_text(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """`value` as a Text to show: control characters made visible, brackets kept as typed."""
    return Text(printable(str(value), multiline=multiline), style=style)
