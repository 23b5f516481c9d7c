"""Entry point for ``python -m helpers``."""

import sys

from helpers.cli import main

if __name__ == "__main__":  # not when a spawned worker process imports this module
    sys.exit(main())
