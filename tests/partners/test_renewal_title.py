"""``renewal_title``: the mark of an updated form added once, never leaving an empty title."""

from partners.services import TITLE_MAX_LENGTH, renewal_title

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
