"""The Discord adapter: a client, thin cogs and rendering to embeds.

``build_bot(app)`` gives the bot of a wired application; ``DiscordPoster`` lets the service
post digests and alerts through it.
"""

from newsbot.bot.client import NewsBot, build_bot
from newsbot.bot.poster import DiscordPoster

__all__ = ["DiscordPoster", "NewsBot", "build_bot"]
