"""What pressroom knows about language: folding, printable text, dates, names, word lists.

No I/O and nothing else of `store`: ingest and index both lean on it, so it sits beneath them.
"""
