"""The demo: a sample news site and a local server for it."""
