"""What `opplan init` has CI install, read from pip's record of where opplan came from."""

from __future__ import annotations

import json
import subprocess
from importlib.metadata import PathDistribution
from pathlib import Path

import pytest

from opplan.scaffold.install_spec import installed

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _distribution(tmp_path: Path, direct_url: object | None) -> PathDistribution:
    """A real installed-package record (dist-info folder), as pip writes it."""
    info = tmp_path / "opplan-1.4.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: opplan\nVersion: 1.4.0\n")
    if direct_url is not None:
        text = direct_url if isinstance(direct_url, str) else json.dumps(direct_url)
        (info / "direct_url.json").write_text(text)
    return PathDistribution(info)


@pytest.mark.parametrize(
    ("direct_url", "requirement"),
    [
        (None, "opplan==1.4.0"),
        (
            {
                "url": "https://github.com/acme/opplan.git",
                "vcs_info": {"vcs": "git", "requested_revision": "main", "commit_id": COMMIT},
            },
            f"opplan @ git+https://github.com/acme/opplan.git@{COMMIT}",
        ),
        (
            {
                "url": "https://example.com/mono.git",
                "vcs_info": {"vcs": "git", "commit_id": COMMIT},
                "subdirectory": "tools/opplan",
            },
            f"opplan @ git+https://example.com/mono.git@{COMMIT}#subdirectory=tools/opplan",
        ),
        (
            {"url": "https://example.com/opplan-1.4.0.tar.gz", "archive_info": {}},
            "opplan @ https://example.com/opplan-1.4.0.tar.gz",
        ),
        ({"url": "file:///home/me/opplan", "dir_info": {"editable": True}}, None),
        ({"url": "file:///home/me/opplan", "dir_info": {}}, None),
        ({"url": "file:///tmp/opplan-1.4.0.tar.gz", "archive_info": {}}, None),
        ("not json", None),
    ],
)
def test_the_requirement_reinstalls_what_runs(
    tmp_path: Path, direct_url: object | None, requirement: str | None
) -> None:
    spec = installed(_distribution(tmp_path, direct_url))
    assert spec.requirement == requirement
    assert spec.origin  # said to the user either way


def test_a_local_folder_is_named_in_the_message(tmp_path: Path) -> None:
    spec = installed(_distribution(tmp_path, {"url": "file:///home/me/opplan", "dir_info": {}}))
    assert spec.origin == "the local folder /home/me/opplan"


@pytest.mark.parametrize(
    ("remote", "source"),
    [
        ("https://github.com/acme/opplan.git", "https://github.com/acme/opplan.git"),
        ("git@github.com:acme/opplan.git", "ssh://git@github.com/acme/opplan.git"),
        ("/srv/mirrors/opplan.git", None),  # another local folder: no better
    ],
)
def test_a_local_git_checkout_suggests_its_remote_at_its_commit(
    tmp_path: Path, remote: str, source: str | None
) -> None:
    checkout = tmp_path / "opplan"
    checkout.mkdir()
    git = ["git", "-C", str(checkout), "-c", "user.name=T", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "x"], check=True)
    subprocess.run([*git, "remote", "add", "origin", remote], check=True)
    head = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    record = {"url": checkout.as_uri(), "dir_info": {"editable": True}}
    spec = installed(_distribution(tmp_path, record))
    assert spec.requirement is None and spec.origin == f"the local folder {checkout}"
    assert spec.suggestion == (f"opplan @ git+{source}@{head}" if source else None)
