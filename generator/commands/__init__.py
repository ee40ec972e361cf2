"""One module per `planpub` command (HELP, DESCRIPTION, add_arguments, run)."""
