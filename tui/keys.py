"""Which keys a text box types: the one rule for what works while the user is typing.

A focused `Input` takes every key that has a printable character (a letter, `?`, `/`,
`[`, space) as text, before any binding of the screen or the app hears it; F1, Escape,
Enter, Tab, arrows and ctrl-keys reach the bindings as usual. The key bar and Help use
`is_typed` to say so, so neither shows a key that would only type a character.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.widgets import Input

_UNNAMED = {"slash": "/"}
"""Keys Textual's `key_to_character` does not know (8.x has no entry for `slash`), although
`Input` types them."""


def is_typed(key: str) -> bool:
    """True when a focused text box would type `key` (`e`, `question_mark`, `slash`)."""
    character = _UNNAMED.get(key) or key_to_character(key)
    return character is not None and character.isprintable()


def typing_in(node: DOMNode) -> bool:
    """True while a text box has the focus on `node`'s screen, or on a screen over it (a note
    prompt over the reader): either way a single key pressed now, or back there, types."""
    return isinstance(node.screen.focused, Input) or isinstance(node.app.focused, Input)
