"""Time `opplan lsp` from a change to its diagnostics, for a plan of about 3,000 words.

    python bench/lsp_bench.py [--changes N] [--others N] [--debounce MS]

Starts `opplan lsp` as an editor does, opens a generated OP1 of about 3,000 words
in a repository of `--others` other generated plans (read for the cross-document
rules), then sends N changes one at a time, each waiting for its diagnostics.
Prints the time to the first diagnostics (after opening) and, for the changes
after it, the median, 90th percentile and worst time from sending `didChange` to
receiving `publishDiagnostics`, with the server's debounce (part of that time)
and the target (100 ms). The machine's load average is printed too: on a shared
machine, other processes inflate the times.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

TARGET_MS = 100.0


class Editor:
    """A client that types into one document and notes when its diagnostics arrive."""

    def __init__(self, client: LanguageClient, uri: str, text: str) -> None:
        self.client, self.uri, self.version = client, uri, 1
        self.lines = text.split("\n")
        self.row = next(i for i, line in enumerate(self.lines) if line.startswith("# ")) + 2
        self.arrived: asyncio.Queue[tuple[int, float]] = asyncio.Queue()

    def type_word(self) -> float:
        """Type one word at the end of a paragraph line; the time it was sent."""
        column = len(self.lines[self.row])
        self.lines[self.row] += " more"
        self.version += 1
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(self.row, column), types.Position(self.row, column)),
            text=" more",
        )
        params = types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version), [change]
        )
        sent = time.perf_counter()
        self.client.text_document_did_change(params)
        return sent

    async def diagnostics(self) -> float:
        """When the diagnostics of the current version arrived."""
        while True:
            version, when = await self.arrived.get()
            if version == self.version:
                return when


async def measure(
    plan: Path, root: Path, changes: int, debounce: float
) -> tuple[float, list[float], list[float]]:
    client = LanguageClient("lsp-bench", "1")
    editor = Editor(client, plan.as_uri(), plan.read_text(encoding="utf-8"))

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: types.PublishDiagnosticsParams) -> None:
        editor.arrived.put_nowait((params.version or 0, time.perf_counter()))

    await client.start_io(sys.executable, "-m", "opplan", "lsp")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root.as_uri(),
            initialization_options={"debounce": debounce},
        )
    )
    client.initialized(types.InitializedParams())
    text = plan.read_text(encoding="utf-8")
    sent = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(editor.uri, "markdown", 1, text))
    )
    first = (await editor.diagnostics()) - sent
    single = []
    for _ in range(changes):
        sent = editor.type_word()
        single.append((await editor.diagnostics()) - sent)
    bursts = []
    for _ in range(max(1, changes // 5)):
        for _ in range(5):  # typing: a word every 30 ms
            sent = editor.type_word()
            await asyncio.sleep(0.03)
        bursts.append((await editor.diagnostics()) - sent)
        await asyncio.sleep(0.2)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, single, bursts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=30, help="changes to time")
    parser.add_argument("--others", type=int, default=30, help="other plans of each kind")
    parser.add_argument("--debounce", type=float, default=50, help="the server's debounce, ms")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        generate(root, max(args.others, 1), seed=2027)
        plan = root / "team-0000" / "op1.md"
        words = len(plan.read_text(encoding="utf-8").split())
        first, single, bursts = asyncio.run(measure(plan, root, args.changes, args.debounce))
    print(f"plan: {words} words, in a repository of {max(args.others, 1) * 3} plans")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"first diagnostics after opening: {first * 1000:.0f} ms (loads the checker)")
    report("a change after a quiet moment -> diagnostics", single)
    report(f"the last of 5 quick changes -> diagnostics (debounce {args.debounce:g} ms)", bursts)


def report(what: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    within = sum(1 for t in ms if t <= TARGET_MS)
    print(
        f"{what}: median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, worst {ms[-1]:.0f} ms "
        f"over {len(ms)}; {within} within the {TARGET_MS:.0f} ms target"
    )


if __name__ == "__main__":
    main()
