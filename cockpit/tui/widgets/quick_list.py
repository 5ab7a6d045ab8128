"""An OptionList that draws its lines for less.

Textual's OptionList asks for its option's component styles once for every line it draws,
and each answer is built anew (two fresh Styles objects): about an eighth of the cockpit's
first frame went there. The answer only changes when the styles do, so it is kept until
the next style update (a theme change, focus, a CSS reload)."""

from __future__ import annotations

from typing import Any

from textual.css.styles import RenderStyles
from textual.widgets import OptionList


class QuickOptionList(OptionList):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._component_styles_kept: dict[tuple[str, ...], RenderStyles] = {}

    def get_component_styles(self, *names: str) -> RenderStyles:
        kept = self._component_styles_kept.get(names)
        if kept is None:
            kept = self._component_styles_kept[names] = super().get_component_styles(*names)
        return kept

    def notify_style_update(self) -> None:
        self._component_styles_kept.clear()
        super().notify_style_update()
