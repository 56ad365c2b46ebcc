"""A worker's own copy of the fragments it read (intl_office/fragment_memory.py) in front of the shared cache."""

import datetime
import sys
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache

from intl_office import page_cache
from intl_office.fragment_memory import FragmentMemory
from intl_office.page_cache import (
    cached_fragment,
    cached_item_fragments,
    forget_local_fragments,
    fragment_key,
    local_fragments,
)

pytestmark = pytest.mark.django_db(transaction=True)  # fragments are read and written outside a transaction


class Row:
    def __init__(self, pk):
        self.pk = pk


def test_a_fragment_read_once_is_served_from_the_worker_s_memory_without_the_shared_cache(settings):
    assert cached_fragment("figures", lambda: {"partners": 120}) == {"partners": 120}
    key = fragment_key("figures")
    cache.delete(key)  # culled from the shared cache, or another worker filled it: this worker remembers

    assert cached_fragment("figures", lambda: {"partners": 0}) == {"partners": 120}

    settings.PUBLIC_FRAGMENT_MEMORY = 0  # no memory: the shared cache alone, which lost it
    assert cached_fragment("figures", lambda: {"partners": 121}) == {"partners": 121}


def test_an_edit_anywhere_makes_every_worker_s_copy_unused_at_once():
    assert cached_fragment("partner-page", lambda: "<h1>Inha University</h1>", vary=(7,)) == "<h1>Inha University</h1>"
    # Another process committed an edit: it replaced the generation in the shared cache.
    cache.set(page_cache.GENERATION_KEY, "after-the-edit", timeout=None)

    assert cached_fragment("partner-page", lambda: "<h1>Inha Univ.</h1>", vary=(7,)) == "<h1>Inha Univ.</h1>"


def test_what_a_caller_changes_in_a_remembered_value_is_not_served_to_the_next():
    counts = cached_fragment("country-counts", lambda: [("KR", 3), ("TR", 2)])
    counts.append(("CN", 1))
    counts[0] = ("KR", 99)

    assert cached_fragment("country-counts", lambda: []) == [("KR", 3), ("TR", 2)]
    assert local_fragments().get(fragment_key("country-counts")) == [("KR", 3), ("TR", 2)]


def test_cards_come_from_memory_first_then_the_shared_cache_then_are_rendered():
    rendered = []

    def render(html):
        def render_many(items):
            rendered.append(sorted(item.pk for item in items))
            return {item.pk: f"{html} {item.pk}" for item in items}

        return render_many

    assert cached_item_fragments("call-card", [Row(1), Row(2)], render("Erasmus+")) == {
        1: "Erasmus+ 1",
        2: "Erasmus+ 2",
    }
    prefix = page_cache._fragment_prefix("call-card")
    cache.delete_many([f"{prefix}:1", f"{prefix}:2"])  # culled from the shared cache, and this worker restarted:
    local_fragments().clear()  # neither copy is left
    cache.set(f"{prefix}:2", "KOICA 2")  # another worker stored card 2 meanwhile

    cards = cached_item_fragments("call-card", [Row(1), Row(2), Row(3)], render("JICA"))

    assert cards == {1: "JICA 1", 2: "KOICA 2", 3: "JICA 3"}
    assert rendered == [[1, 2], [1, 3]]
    # All three are remembered: the next page showing them renders nothing and reads no file.
    cache.clear()
    cache.set(page_cache.GENERATION_KEY, prefix.split(":")[1], timeout=None)
    assert cached_item_fragments("call-card", [Row(3), Row(2)], render("ITEC")) == {3: "JICA 3", 2: "KOICA 2"}
    assert rendered == [[1, 2], [1, 3]]


def test_the_memory_keeps_the_recently_read_within_its_bytes_and_drops_the_oldest():
    memory = FragmentMemory(max_bytes=8000)
    for n in range(16):
        memory.set(f"card:{n}", "x" * 600)
    assert memory.size <= 8000
    kept = [n for n in range(16) if memory.get(f"card:{n}") is not None]
    assert kept == list(range(16 - len(kept), 16)) and 2 <= len(kept) < 16

    memory.get(f"card:{kept[0]}")  # read again: now the most recent
    memory.set("card:new", "y" * 600)
    assert memory.get(f"card:{kept[0]}") == "x" * 600
    assert memory.get(f"card:{kept[1]}") is None


def test_a_value_replaced_under_its_key_is_counted_once_and_a_huge_one_is_not_kept():
    memory = FragmentMemory(max_bytes=8000)
    memory.set("figures", "a" * 100)
    size = memory.size
    memory.set("figures", "b" * 100)
    assert memory.size == size and len(memory) == 1 and memory.get("figures") == "b" * 100

    memory.set("whole-directory", "z" * 1500)  # more than an eighth of the memory
    assert memory.get("whole-directory") is None and memory.get("figures") == "b" * 100

    memory.clear()
    assert len(memory) == 0 and memory.size == 0 and memory.get("figures", "gone") == "gone"


def test_what_cannot_change_is_kept_as_it_is_and_the_rest_as_a_copy():
    memory = FragmentMemory(max_bytes=1_000_000)
    pks = tuple(range(1, 500))
    memory.set("partner-directory-pks", pks)
    memory.set("country-counts", [("KR", 3)])
    memory.set("figures", ("partners", [120]))  # a tuple holding a list can change

    assert memory.get("partner-directory-pks") is pks
    assert memory.get("country-counts") == [("KR", 3)]
    assert memory.get("country-counts") is not memory.get("country-counts")
    memory.get("figures")[1].append(121)
    assert memory.get("figures") == ("partners", [120])
    # Sizes count what a tuple holds, not only the tuple itself.
    assert memory.size > sys.getsizeof(pks) + sum(sys.getsizeof(pk) for pk in pks)


def test_what_one_worker_computed_another_reads_from_the_shared_cache():
    assert cached_fragment("figures", lambda: {"partners": 120}, vary=("KR",)) == {"partners": 120}
    forget_local_fragments()  # another worker: its memory has never seen the fragment

    def never():
        raise AssertionError("computed again")

    assert cached_fragment("figures", never, vary=("KR",)) == {"partners": 120}
    assert local_fragments().get(fragment_key("figures", ("KR",))) == {"partners": 120}  # now it remembers too


def test_cards_one_worker_rendered_another_reads_from_the_shared_cache():
    rendered = []

    def render_many(items):
        rendered.extend(item.pk for item in items)
        return {item.pk: f"<article>Visit {item.pk}</article>" for item in items}

    cached_item_fragments("visit-card", [Row(4), Row(5)], render_many)
    forget_local_fragments()

    cards = cached_item_fragments("visit-card", [Row(5), Row(4)], render_many)

    assert cards == {4: "<article>Visit 4</article>", 5: "<article>Visit 5</article>"}
    assert rendered == [4, 5]
    assert local_fragments().get(f"{page_cache._fragment_prefix('visit-card')}:5") == "<article>Visit 5</article>"


def entry_size(key, value):
    """What an entry of text counts: its key and its value, as Python holds them."""
    return sys.getsizeof(key) + sys.getsizeof(value)


def test_the_bytes_counted_are_the_keys_and_values_held():
    memory = FragmentMemory(max_bytes=1_000_000)
    assert memory.size == 0 and len(memory) == 0

    memory.set("layout-footer", "<footer>JizPI</footer>")
    assert memory.size == entry_size("layout-footer", "<footer>JizPI</footer>")

    # A value kept pickled counts its pickle, which holds the text of every item (a list holds only references).
    names = [f"Partner {n} " * 100 for n in range(10)]
    memory.set("partner-names", names)
    assert memory.size - entry_size("layout-footer", "<footer>JizPI</footer>") > sum(len(name) for name in names)

    pks = (1, 2, 3)
    memory.set("pks", pks)
    assert memory.get("pks") is pks


def test_an_entry_of_an_eighth_of_the_memory_is_kept_and_a_full_memory_drops_nothing():
    footer = "<footer>" + "x" * 200 + "</footer>"
    size = entry_size("footer", footer)
    memory = FragmentMemory(max_bytes=8 * size)
    memory.set("footer", footer)
    assert memory.get("footer") == footer  # exactly an eighth: kept

    # Eight entries of that size fill it exactly: all are kept.
    keys = ["footer", *(f"footr{n}" for n in range(7))]
    for key in keys[1:]:
        memory.set(key, footer)
    assert memory.size == 8 * size
    assert all(memory.get(key) == footer for key in keys)
    memory.set("footr7", footer)  # one more: the least recently read goes
    assert memory.get("footer") is None and len(memory) == 8


def test_with_the_memory_off_fragments_and_cards_last_in_the_shared_cache_the_rest_of_the_day(settings):
    settings.PUBLIC_FRAGMENT_MEMORY = 0
    morning = datetime.datetime(2026, 4, 6, 8, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Tashkent"))

    def never(*_args):
        raise AssertionError("computed again")

    with time_machine.travel(morning, tick=False):
        assert cached_fragment("figures", lambda: 120) == 120
        assert cached_item_fragments("call-card", [Row(1)], lambda items: {1: "<h2>Erasmus+</h2>"}) == {
            1: "<h2>Erasmus+</h2>"
        }
    with time_machine.travel(morning + datetime.timedelta(hours=12), tick=False):
        assert cached_fragment("figures", never) == 120
        assert cached_item_fragments("call-card", [Row(1)], never) == {1: "<h2>Erasmus+</h2>"}
