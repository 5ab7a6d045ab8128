"""The screens' one pattern for a change asked in a modal: `ask(screen, modal, then)` opens
the modal and hands its answer to `then` (usually a thread worker that calls the service
through `run_service` and posts a typed message with the result)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from textual.screen import Screen

P = ParamSpec("P")
R = TypeVar("R")


def ask(screen: Screen[Any], modal: Screen[R | None], then: Callable[[R], object]) -> None:
    """Open `modal` over `screen`; once it is answered, `then(answer)` on the UI thread. A
    None answer is a cancel: nothing follows."""

    def answered(answer: R | None) -> None:
        if answer is not None:
            then(answer)

    screen.app.push_screen(modal, answered)


def for_effect(fn: Callable[P, object]) -> Callable[P, bool]:
    """fn called for what it does, returning True once done: through `run_service`, None then
    only ever means that it failed (and the failure was said)."""

    def done(*args: P.args, **kwargs: P.kwargs) -> bool:
        fn(*args, **kwargs)
        return True

    return done
