"""What the caller sees, at 80×24 and 120×40, with the clock stopped (SVG snapshots)."""

from __future__ import annotations

import pytest

from tests.ui.helpers import settle, start_call

SIZES = [(80, 24), (120, 40)]



@pytest.mark.parametrize("size", SIZES)
def test_first_screen(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_in_a_call(make_app, snap_compare, size) -> None:
    async def start(pilot) -> None:
        await start_call(pilot)
        await pilot.press("1")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=start)


@pytest.mark.parametrize("size", SIZES)
def test_objection_picker(make_app, snap_compare, size) -> None:
    async def pick(pilot) -> None:
        await start_call(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("o", *list("cher"))
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=pick)


@pytest.mark.parametrize("size", SIZES)
def test_end_of_call(make_app, snap_compare, size) -> None:
    async def end(pilot) -> None:
        await start_call(pilot)
        await pilot.press("f")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=end)


@pytest.mark.parametrize("size", SIZES)
def test_help_in_english(make_app, snap_compare, size) -> None:
    async def help_(pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(lang="en"), terminal_size=size, run_before=help_)


@pytest.mark.parametrize("size", SIZES)
def test_edit_card_form(make_app, snap_compare, size) -> None:
    async def edit(pilot) -> None:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=edit)


@pytest.mark.parametrize("size", SIZES)
def test_do_not_call_confirmation(make_app, snap_compare, size) -> None:
    async def confirm(pilot) -> None:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=confirm)


async def _to_needs(pilot) -> None:
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_needs(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_to_needs)


async def _to_match(pilot) -> None:
    await _to_needs(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("enter")  # from the search field to the list
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_freelances_for_a_need(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_to_match)


@pytest.mark.parametrize("size", SIZES)
def test_anonymised_cv(make_app, snap_compare, size) -> None:
    async def cv(pilot) -> None:
        await _to_match(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=cv)


@pytest.mark.parametrize("size", SIZES)
def test_recap_mail(make_app, snap_compare, size) -> None:
    async def mail(pilot) -> None:
        await _to_match(pilot)
        await pilot.press("m")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=mail)


async def _to_review(pilot) -> None:
    await settle(pilot)
    await pilot.press("g")
    await settle(pilot)
    # The team, then the chosen caller's overdue reminders, load one after the other.
    for _ in range(100):
        if pilot.app.screen.query("#overdue-table") and \
                pilot.app.screen.query_one("#overdue-table").row_count:
            break
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_review_team(make_app, snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_to_review)


@pytest.mark.parametrize("size", SIZES)
def test_review_figures(make_app, snap_compare, size) -> None:
    async def figures(pilot) -> None:
        await _to_review(pilot)
        await pilot.press("tab")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=figures)
