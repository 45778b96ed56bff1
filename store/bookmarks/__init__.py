"""A user's bookmarks and clippings, apart from the archive: the archive may be read-only and
shared, bookmarks are one user's, in a TinyDB file that survives crashes and other writers.

`store` is the API, `storage` the atomic, locked TinyDB storage beneath it, `clippings` the
records of quoted paragraphs, `citation` how a quote is cited, `export` the case file.
"""

from store.bookmarks.store import Bookmark, Bookmarks

__all__ = ["Bookmark", "Bookmarks"]
