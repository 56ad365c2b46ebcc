"""A worker's own copy of the public fragments it read lately, in front of the shared cache.

A fragment's key names the content generation, the office's date and the language it was computed
under (``page_cache._fragment_prefix``), so what is stored under a key never needs to change: once a
worker has read or computed it, it may keep it in memory and skip the shared cache (a file opened,
decompressed and unpickled, or a round trip to Redis). An edit replaces the generation, which every
request reads from the shared cache, so the next request of every worker looks up new keys and the
entries of the old generation age out, least recently used first, within ``max_bytes``.

Text (a fragment's HTML) is kept as it is, being immutable; anything else is kept pickled and each
reader gets its own copy, so a caller that changes what it was given changes nothing for the next.
"""

import pickle
import sys
import threading
from collections import OrderedDict

_MISSING = object()


class FragmentMemory:
    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._entries = OrderedDict()  # key -> (stored value, its size in bytes)
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return default
            self._entries.move_to_end(key)
        stored = entry[0]
        return stored if isinstance(stored, str) else pickle.loads(stored)

    def set(self, key, value):
        stored = value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        size = sys.getsizeof(stored) + sys.getsizeof(key)
        if size > self.max_bytes // 8:
            return  # a value this large would push out most of the others
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._size -= previous[1]
            self._entries[key] = (stored, size)
            self._size += size
            while self._size > self.max_bytes:
                _key, (_stored, dropped) = self._entries.popitem(last=False)
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
