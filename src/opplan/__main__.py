from opplan.launch import main

main()
