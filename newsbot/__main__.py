"""``python -m newsbot`` runs the command line."""

from newsbot.cli import main

main()
