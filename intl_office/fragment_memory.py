"""A worker's own copy of the public fragments it read lately, in front of the shared cache.

A fragment's key names the content generation, the office's date and the language it was computed
under (``page_cache._fragment_prefix``), so what is stored under a key never needs to change: once a
worker has read or computed it, it may keep it in memory and skip the shared cache (a file opened,
decompressed and unpickled, or a round trip to Redis). An edit replaces the generation, which every
request reads from the shared cache, so the next request of every worker looks up new keys and the
entries of the old generation age out, least recently used first, within ``max_bytes``.

What cannot change (text such as a fragment's HTML, numbers, tuples of them such as a list's pks) is kept as
it is; anything else is kept pickled and each reader gets its own copy, so a caller that changes what it was
given changes nothing for the next.
"""

import pickle
import sys
import threading
from collections import OrderedDict

_MISSING = object()
_ATOMS = (str, bytes, int, float, type(None))


def _immutable(value):
    """Whether nobody can change ``value`` (nor anything in it) in place."""
    if isinstance(value, _ATOMS):
        return True
    return type(value) is tuple and all(_immutable(item) for item in value)


class FragmentMemory:
    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._entries = OrderedDict()  # key -> (stored value, its size in bytes, whether it is pickled)
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return default
            self._entries.move_to_end(key)
        stored, _size, pickled = entry
        return pickle.loads(stored) if pickled else stored

    def set(self, key, value):
        pickled = not _immutable(value)
        stored = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if pickled else value
        size = sys.getsizeof(key) + (sys.getsizeof(stored) if pickled else _sizeof(value))
        if size > self.max_bytes // 8:
            return  # a value this large would push out most of the others
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._size -= previous[1]
            self._entries[key] = (stored, size, pickled)
            self._size += size
            while self._size > self.max_bytes:
                _key, (_stored, dropped, _pickled) = self._entries.popitem(last=False)
                self._size -= dropped

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._size = 0

    def __len__(self):
        return len(self._entries)

    @property
    def size(self):
        """The bytes held, keys included."""
        return self._size


def _sizeof(value):
    """The bytes a tuple (of tuples) of atoms holds, itself and its items."""
    if isinstance(value, tuple):
        return sys.getsizeof(value) + sum(_sizeof(item) for item in value)
    return sys.getsizeof(value)
