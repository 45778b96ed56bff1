"""Widgets the screens are built from: the lazily drawn event list, timeline, search box."""
