"""The pressroom terminal app and its command line."""
