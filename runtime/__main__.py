from runtime.main import main

main()
