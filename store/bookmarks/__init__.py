"""A user's bookmarks and clippings, apart from the archive: the archive may be read-only and
shared, bookmarks are one user's, in a TinyDB file that survives crashes and other writers.

`store` is the API, `storage` the atomic, locked TinyDB storage beneath it, `bookmark` and
`clippings` the records it keeps (a marked item, a quoted passage), `repair` what is done
with a file that cannot be used, `citation` how a quote is cited, `export` the case file and
the plain list.
"""

from store.bookmarks.store import Bookmark, Bookmarks

__all__ = ["Bookmark", "Bookmarks"]
