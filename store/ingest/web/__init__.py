"""Press items from the web: saved pages, article URLs, feeds, sitemaps and listings.

`pages` turns one HTML page into an item (trafilatura, then the raw-text rules of
`store.ingest.parser`); `http` is the polite client; `feeds`, `sitemaps` and `listings` find a
source's article URLs; `harvest` fetches a source's pages; `sync` runs the configured
sources into the archive, one transaction per source.
"""
