"""Report Compare (报告对照).

    python main.py [FILE ...]           open the app (the bundled sample reports when no file is given)
    python main.py outline FILE [--json]  print metadata and the section tree
"""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from viewer.cli import COMMANDS

    if argv and argv[0] in COMMANDS or argv[:1] in (["-h"], ["--help"]):
        from viewer.cli import main as cli_main

        return cli_main(argv)
    from viewer.ui.app import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
