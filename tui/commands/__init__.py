"""One module per `pressroom` subcommand; each offers `register(subparsers, common)`."""
