"""The key bar: the bottom line naming the current screen's main keys.

Textual's `Footer` builds one widget per key and recomposes them all whenever focus or the
screen stack changes: opening the reader rebuilt it three or four times, ~20 ms each, a
quarter of the reader's time to first frame. This bar is one widget drawing one line of
text, and a change of bindings only repaints it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

from tui.keys import is_typed, typing_in


class KeyBar(Widget):
    """`key description` for each shown binding of the screen, the palette key on the right.

    Keys with the same action are shown once (the first), as Textual's Footer does; a
    disabled binding is dimmed. While a text box has focus, keys it would type are left
    out (`tui.keys`): they type, so the bar shows only what works. Clicking a key presses
    it (when the mouse is on).
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--disabled {
            text-style: dim;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []
        """(start, end, key) of each key drawn, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def render(self) -> Text:
        styles = (
            self.get_component_rich_style("key-bar--key"),
            self.get_component_rich_style("key-bar--description"),
            self.get_component_rich_style("key-bar--disabled"),
        )
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        keys: list[tuple[str, Text]] = []
        palette: tuple[str, Text] | None = None
        seen: set[str] = set()
        typing = typing_in(self)
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key != palette_key and (not binding.show or binding.action in seen):
                continue
            if typing and is_typed(key):
                continue
            label = self._label(app.get_key_display(binding), binding.description, enabled,
                                *styles)
            if key == palette_key:
                palette = (binding.key, label)
            else:
                seen.add(binding.action)
                keys.append((binding.key, label))
        # The palette key keeps its place on the right; the screen's keys fill the rest in
        # order, whole: a key that does not fit is left out, not cut in half. Widths are in
        # terminal cells, as clicks are.
        width = self.size.width
        room = width - (palette[1].cell_len + 1 if palette else 0)
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for key, label in keys:
            if line.cell_len + label.cell_len > room:
                break
            self._spans.append((line.cell_len, line.cell_len + label.cell_len, key))
            line.append_text(label)
        if palette is not None and room >= 0:
            key, label = palette
            line.append(" " * (width - line.cell_len - label.cell_len))
            self._spans.append((line.cell_len, line.cell_len + label.cell_len, key))
            line.append_text(label)
        return line

    @staticmethod
    def _label(key: str, description: str, enabled: bool, key_style: Style,
               description_style: Style, disabled_style: Style) -> Text:
        label = Text(no_wrap=True, end="")
        label.append(f" {key} ", key_style if enabled else key_style + disabled_style)
        if description:
            style = description_style if enabled else description_style + disabled_style
            label.append(f"{description} ", style)
        return label

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
