"""``renewal_title`` and ``renewal_refusals``: the mark of an updated form added once, never an empty title."""

import pytest

from partners import services
from partners.services import TITLE_MAX_LENGTH, renewal_refusals, renewal_title
from tests.factories import AgreementFactory

MARK = " (updated form)"


def test_a_title_that_is_only_the_mark_is_kept_and_marked_not_emptied():
    assert renewal_title(MARK, "en") == MARK + MARK
    assert renewal_title(MARK.strip(), "en") == MARK.strip() + MARK


def test_a_marked_title_keeps_one_mark_and_a_plain_one_gets_it():
    assert renewal_title("Exchange" + MARK, "en") == "Exchange" + MARK
    assert renewal_title("Exchange", "en") == "Exchange" + MARK


def test_a_long_title_is_cut_to_leave_room_for_the_mark():
    title = renewal_title("x" * (TITLE_MAX_LENGTH + 50), "en")

    assert len(title) == TITLE_MAX_LENGTH
    assert title.endswith(MARK)


def test_a_language_that_puts_the_mark_first_also_fits_a_long_title_in_the_column(monkeypatch):
    monkeypatch.setattr(services, "gettext", lambda pattern: "Updated form: %(title)s")

    title = renewal_title("x" * (TITLE_MAX_LENGTH + 50), "uz")

    assert title == "Updated form: " + "x" * (TITLE_MAX_LENGTH - len("Updated form: "))
    assert renewal_title(title, "uz") == title  # marked once


def test_a_cut_at_a_space_leaves_no_space_before_the_mark_and_a_leading_space_is_kept():
    room = TITLE_MAX_LENGTH - len(MARK)
    title = renewal_title("x" * (room - 1) + " yyyy", "en")

    assert title == "x" * (room - 1) + MARK
    assert renewal_title(" Exchange", "en") == " Exchange" + MARK


@pytest.mark.django_db
def test_a_draft_is_refused_renewal_with_the_reason_and_a_signed_one_is_not():
    draft = AgreementFactory(signed_on=None)

    assert renewal_refusals(draft) == ["A draft cannot be renewed: sign it first, or edit the draft itself."]
    assert renewal_refusals(AgreementFactory()) == []
