from eakit.cli.main import main

main()
