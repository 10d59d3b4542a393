from opplan.cli import main; main()  # noqa: E702
