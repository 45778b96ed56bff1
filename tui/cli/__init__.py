"""The `pressroom` command line: `main` parses, each subcommand module offers
`register(subparsers, common)` and its `run`, `launch` starts the app."""
