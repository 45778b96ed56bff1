"""Outside data becomes items: press text, JSONL, saved and fetched web pages.

`sources` and `web` read, `parser` and `participants` find items, dates and people in text,
`pipeline` parses on a second core; `store.archive` stores what comes out.
"""
