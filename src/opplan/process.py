"""What every command does around its work, with typer or without it.

`outcome` turns whatever a command raises into one line on stderr and an exit
code: nothing a user can cause prints a traceback. `running` sets up the
process for a command: SIGTERM ends it as Ctrl-C does, ruamel.yaml's warnings
stay off stderr, and garbage is collected rarely.
"""

from __future__ import annotations

import os
import signal
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from opplan.errors import ExitCode, OpplanError
from opplan.gc_tuning import fewer_collections


def outcome(command: Callable[[], ExitCode]) -> int:
    """The exit code of running `command`; an error is reported in one line on stderr."""
    try:
        code = command()
    except OpplanError as err:
        sys.stderr.write(f"opplan: error: {err}\n")
        code = err.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("opplan: interrupted\n")
        code = ExitCode.USAGE
    except Exception as err:
        # A bug, not something the user did: one line, and the traceback on request.
        if os.environ.get("OPPLAN_DEBUG"):
            raise
        sys.stderr.write(
            f"opplan: internal error: {type(err).__name__}: {err}; this is a bug in opplan "
            "(set OPPLAN_DEBUG=1 to see where it happened)\n"
        )
        code = ExitCode.USAGE
    return int(code)


@contextmanager
def running() -> Iterator[None]:
    """The process set up for a command, for as long as it runs."""
    # SIGTERM (a CI job cancelled, a timeout) ends the run as Ctrl-C does, so that a
    # write in progress removes its temporary file.
    signal.signal(signal.SIGTERM, _terminated)
    # ruamel.yaml warns on stderr, over several lines, of what YAML allows (an anchor
    # defined twice); whatever matters in a document is reported as a finding.
    warnings.filterwarnings("ignore", module=r"ruamel\.")
    with fewer_collections():  # a short-lived process: its garbage hardly needs collecting
        yield


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
