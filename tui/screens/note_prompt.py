"""The note prompt: a line of text for a bookmark; Enter saves, Escape or ctrl+c cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from store.text.printable import printable


class NotePrompt(ModalScreen[str | None]):
    """Ask for a bookmark's note; dismisses with the note (maybe "") or None when cancelled."""

    CSS_PATH = "note_prompt.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+c", "cancel", "Cancel", priority=True),
    ]
    """Escape cancels, and so does ctrl+c (shown in the footer), for terminals where Escape
    is slow or swallowed (tmux escape-time, some SSH clients)."""

    def __init__(self, title: str, note: str = "", *, blink: bool = True,
                 label: str = "Note for", placeholder: str = "a short note (optional)") -> None:
        super().__init__()
        self.item_title = title
        self.note = note
        self.blink = blink
        self.label = label
        """What is asked: "Note for", "Tags for" (the `t` key), "Show only the tag"."""
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(printable(f"{self.label}: {self.item_title}"), id="note-title",
                        markup=False)
            note = Input(printable(self.note), placeholder=self.placeholder, id="note")
            note.cursor_blink = self.blink
            yield note
            yield Label("Enter saves · Escape or ctrl+c cancels", id="note-hint")
            with Horizontal():
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        note = self.query_one("#note", Input)
        note.focus()
        note.cursor_position = len(note.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.dismiss(self.query_one("#note", Input).value.strip())
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
