"""Reading the append-only audit: lines about an erased person or reminder are labelled."""

from cockpit.domain.audit import AuditLine, mark_erased


def _line(seq: int, action: str, entity: str, entity_id: int, details: str = "") -> AuditLine:
    return AuditLine(seq, None, "Melissa", action, entity, entity_id, details)


def test_lines_up_to_an_erasure_are_labelled_and_later_ones_are_not() -> None:
    lines = [  # newest first, as read
        _line(6, "reassign", "reminder", 9),  # a newcomer's reminder got id 9 again
        _line(5, "edit", "contact", 5),  # a newcomer got id 5 again
        _line(4, "erase", "contact", 5, "erased on request; reminders #9 #11"),
        _line(3, "reassign", "reminder", 11),
        _line(2, "reassign", "reminder", 9),
        _line(1, "edit", "contact", 5),
        _line(0, "edit", "contact", 7),
    ]
    assert [line.entity for line in mark_erased(lines)] == [
        "reminder", "contact", "contact (erased)", "reminder (erased)", "reminder (erased)",
        "contact (erased)", "contact"]


def test_a_second_erasure_of_the_same_id_covers_both_people() -> None:
    lines = [_line(3, "erase", "freelance", 2), _line(2, "edit", "freelance", 2),
             _line(1, "erase", "freelance", 2), _line(0, "edit", "freelance", 2)]
    assert {line.entity for line in mark_erased(lines)} == {"freelance (erased)"}
