"""The README's quarterly routine ("Start to finish") works as written.

The block runs word for word in a git repository holding the example team's
2027 plan and first check-in; `$EDITOR` is a script that fills a check-in in
as the example check-in of that quarter does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import EXAMPLES, ROOT
from opplan.document import load

TEAM = Path("plans/2027/payments-platform")

# Writes the example check-in of the file's quarter, pointed at op2.md.
EDITOR = textwrap.dedent(
    """\
    import re, sys
    from pathlib import Path
    target = Path(sys.argv[1])
    quarter = re.search(r"checkin-(q[1-4])", target.name).group(1)
    text = (Path({examples!r}) / f"checkin-{{quarter}}-payments-platform.md").read_text()
    target.write_text(text.replace("plan: op2-payments-platform.md", "plan: op2.md"))
    """
)


def _routine() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n### Start to finish\n", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def _repository(root: Path) -> None:
    team = root / TEAM
    team.mkdir(parents=True)
    op2 = (EXAMPLES / "op2-payments-platform.md").read_text(encoding="utf-8")
    (team / "op2.md").write_text(op2.replace("op1: op1-payments-platform.md", "op1: op1.md"))
    (team / "op1.md").write_text((EXAMPLES / "op1-payments-platform.md").read_text("utf-8"))
    q1 = (EXAMPLES / "checkin-q1-payments-platform.md").read_text(encoding="utf-8")
    (team / "checkin-q1.md").write_text(
        q1.replace("plan: op2-payments-platform.md", "plan: op2.md")
    )
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "plans"],
        [
            "git",
            "-c",
            "user.name=Planner",
            "-c",
            "user.email=p@example.com",
            "commit",
            "-qm",
            "OP2",
        ],
    ):
        subprocess.run(command, cwd=root, check=True)


def test_the_quarterly_routine_runs_word_for_word(tmp_path: Path) -> None:
    commands = _routine()
    assert any(c.startswith("opplan new checkin --from") for c in commands)
    assert any(c.startswith("opplan new op1 --from-previous") for c in commands)
    root = tmp_path / "planning"
    _repository(root)
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR.format(examples=str(EXAMPLES)), encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "EDITOR": f"{sys.executable} {editor}",
        "GIT_AUTHOR_NAME": "Planner",
        "GIT_AUTHOR_EMAIL": "p@example.com",
        "GIT_COMMITTER_NAME": "Planner",
        "GIT_COMMITTER_EMAIL": "p@example.com",
    }
    done = subprocess.run(
        ["bash", "-c", "set -e\n" + "\n".join(commands) + "\n"],
        cwd=root,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    # The second quarter started from the first, and the diff shows each goal's movement.
    assert "carried forward from plans/2027/payments-platform/checkin-q1.md (Q1)" in out
    assert re.search(r"goal moved: G-4 .*\(value 36 -> 30; score 0\.06 -> 0\.25 \(\+0\.19\)", out)
    # The roll-up was written, and the export gives each goal's latest check-in.
    assert (root / "build" / "checkins-2027.md").is_file()
    assert "checkin,value,confidence,score,score_basis" in out
    assert ",G-4,team," in out and ",Q2,30,at-risk,0.25,metric" in out
    # Next year's OP1 opens with the results of the final check-in.
    nxt = load(root / "plans" / "2028" / "payments-platform" / "op1.md")
    assert nxt.model is not None and nxt.model.cycle == 2028
    results = nxt.model.results  # type: ignore[attr-defined]
    assert [r.status for r in results] == [
        "hit",
        "partial",
        "hit",
        "partial",
        "missed",
        "partial",
        "hit",
    ]
    assert results[3].actual == 9 and results[3].target == 6
