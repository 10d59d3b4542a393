"""One module per subcommand; each exposes `run(...)` returning an exit code."""
