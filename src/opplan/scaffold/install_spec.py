"""What CI should install to get the opplan that is running now.

pip records where it installed a package from (PEP 610, `direct_url.json` in
the package's metadata): nothing for a release from a package index, a VCS URL
and the exact commit for an install from git, a URL for an archive, a folder
for a local (or editable) install. The first three can be installed again on a
CI runner; a local folder cannot, and `opplan init` then asks for `--package`.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse
from urllib.request import url2pathname

from opplan import __version__

NAME = "opplan"


class InstallSpec(NamedTuple):
    """A pip requirement for this opplan, or why there is none."""

    requirement: str | None  # None: CI cannot install what is running here
    origin: str  # where it came from, for messages
    # For a local git checkout: its remote at its HEAD commit, to suggest (if pushed).
    suggestion: str | None = None


def installed(distribution: importlib.metadata.Distribution | None = None) -> InstallSpec:
    """The requirement that installs the running opplan (or `distribution`) again."""
    if distribution is None:
        try:
            distribution = importlib.metadata.distribution(NAME)
        except importlib.metadata.PackageNotFoundError:  # run from a source tree
            return InstallSpec(None, "a source tree that is not installed")
    version = distribution.version or __version__
    record = _direct_url(distribution)
    if record is None:
        return InstallSpec(f"{NAME}=={version}", f"release {version} from a package index")
    url = str(record.get("url", ""))
    subdirectory = record.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if subdirectory else ""
    vcs = record.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        source = f"{vcs['vcs']}+{url}@{vcs['commit_id']}"
        return InstallSpec(f"{NAME} @ {source}{fragment}", f"{url} at commit {vcs['commit_id']}")
    if "archive_info" in record and not url.startswith("file:"):
        return InstallSpec(f"{NAME} @ {url}{fragment}", url)
    if url.startswith("file:"):
        folder = url2pathname(urlparse(url).path)
        return InstallSpec(None, f"the local folder {folder}", _checkout(Path(folder)))
    return InstallSpec(None, "a source pip did not record")


def _direct_url(distribution: importlib.metadata.Distribution) -> dict[str, Any] | None:
    text = distribution.read_text("direct_url.json")
    if not text:
        return None
    try:
        record = json.loads(text)
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


_SCP = re.compile(r"(?P<user>[\w.-]+)@(?P<host>[\w.-]+):(?P<path>[^/].*)")  # git@host:org/repo


def _checkout(folder: Path) -> str | None:
    """`opplan @ git+REMOTE@HEAD` for a git checkout with an `origin` remote, else None."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    try:
        remote, commit = git("remote", "get-url", "origin"), git("rev-parse", "HEAD")
    except OSError:  # no git
        return None
    scp = _SCP.fullmatch(remote)
    if scp:
        remote = f"ssh://{scp['user']}@{scp['host']}/{scp['path']}"
    if not commit or not remote.startswith(("https://", "http://", "ssh://")):
        return None
    return f"{NAME} @ git+{remote}@{commit}"
