"""The server's log lines: one line per event, whatever a client sent."""

from __future__ import annotations

import logging
from types import TracebackType

from store.text.printable import printable

ExcInfo = (
    tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]
)


class PrintableFormatter(logging.Formatter):
    """A formatter whose lines hold no escape sequence, control or bidi override.

    Log lines carry what clients chose (user names, their errors) and are read in a
    terminal (`journalctl`, `tail -f`): each message is `printable` and on one line, so a
    client can neither forge a line nor drive the admin's terminal. A traceback keeps its
    line breaks.
    """

    def formatMessage(self, record: logging.LogRecord) -> str:
        return printable(super().formatMessage(record))

    def formatException(self, ei: ExcInfo) -> str:
        return printable(super().formatException(ei), keep_newlines=True)
