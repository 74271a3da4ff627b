"""``python -m kiosk``: the same operator CLI as the ``kiosk`` console script."""

import sys

from kiosk.cli.main import main

sys.exit(main())
