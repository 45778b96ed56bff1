"""The app's screens: Events (home), Reader, People, Bookmarks, and the Help and jump modals."""
