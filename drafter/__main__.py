from drafter.cli import main

# Guarded: worker processes started by "spawn" (Windows) import this module again.
if __name__ == "__main__":
    main()
