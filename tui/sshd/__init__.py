"""`pressroom serve --ssh`: an SSH server that gives each connection its own app in its own PTY."""
