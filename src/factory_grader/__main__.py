"""`python -m factory_grader …` is the same as the `factory-grader` command."""

import sys

from factory_grader.cli import main

if __name__ == "__main__":
    sys.exit(main())
