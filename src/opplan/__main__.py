from opplan.cli import main

main()
