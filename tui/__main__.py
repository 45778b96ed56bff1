"""`python -m tui` runs the pressroom command line (what SSH sessions start)."""

from tui.cli.main import main

raise SystemExit(main())
