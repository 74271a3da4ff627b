"""``python -m central``: the admin command line."""

from central.cli import main

raise SystemExit(main())
