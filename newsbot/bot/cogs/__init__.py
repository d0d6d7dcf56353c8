"""Slash commands, one extension per theme. A cog is thin: read the options, call
``Knowledge`` in a worker thread, render, send."""
