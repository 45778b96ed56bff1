"""`pressroom serve --ssh`: an SSH server that gives each connection its own app in its own PTY."""

import warnings

# asyncssh still names DSA keys in its type hints, and cryptography >= 47 warns about DSA
# when those are evaluated at import. The server never offers or accepts DSA; the warning
# would only be a stray block of text on an admin's terminal before the first log line.
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"asyncssh(\.|$)")
