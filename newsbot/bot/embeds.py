"""Embeds and messages within Discord's limits, from a title, a body and fields of any length.

Pure: builds ``discord.Embed`` values (plain data) and groups them into ``Reply`` messages;
nothing here talks to Discord. Discord refuses a message over these limits, so a long body
becomes several embeds, and several embeds several messages, each cut at a natural break.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import discord

from newsbot.bot.text import split_text, truncate

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_PER_EMBED = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
EMBED_TOTAL = 6000  # every title, description, field, footer and author of a message together
EMBEDS_PER_MESSAGE = 10
CONTINUED = " (cont.)"
ATTACHMENT = "attachment://"

COLOUR = discord.Colour(0x3B82F6)


@dataclass(frozen=True, slots=True)
class Field:
    """A named block of an embed; a long value continues in further fields."""

    name: str
    value: str
    inline: bool = False


@dataclass(slots=True)
class Reply:
    """One Discord message: text, embeds and attached files (name, bytes)."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    files: list[tuple[str, bytes]] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(len(e) for e in self.embeds)


def card(
    title: str, body: str = "", fields: Iterable[Field] = (), *, url: str | None = None,
    footer: str | None = None, colour: discord.Colour = COLOUR,
) -> list[discord.Embed]:  # fmt: skip
    """Embeds showing ``title``, ``body`` and ``fields``; the title only on the first."""
    embeds = [discord.Embed(title=truncate(title, TITLE_LIMIT) or None, url=url, colour=colour)]
    for index, chunk in enumerate(split_text(body, DESCRIPTION_LIMIT)):
        if index or len(embeds[-1]) + len(chunk) > EMBED_TOTAL:
            embeds.append(discord.Embed(colour=colour))
        embeds[-1].description = chunk
    for name, value, inline in _field_parts(fields):
        last = embeds[-1]
        if len(last.fields) >= FIELDS_PER_EMBED or len(last) + len(name) + len(value) > EMBED_TOTAL:
            embeds.append(last := discord.Embed(colour=colour))
        last.add_field(name=name, value=value, inline=inline)
    if footer:
        _add_footer(embeds, truncate(footer, FOOTER_LIMIT), colour)
    return embeds


def _field_parts(fields: Iterable[Field]) -> list[tuple[str, str, bool]]:
    parts = []
    for item in fields:
        chunks = split_text(item.value, FIELD_VALUE_LIMIT) or ["—"]
        name = item.name.strip() or "\u200b"
        for index, chunk in enumerate(chunks):
            label = truncate(name, FIELD_NAME_LIMIT - len(CONTINUED)) + CONTINUED if index else name
            inline = item.inline and len(chunks) == 1
            parts.append((truncate(label, FIELD_NAME_LIMIT), chunk, inline))
    return parts


def _add_footer(embeds: list[discord.Embed], footer: str, colour: discord.Colour) -> None:
    if len(embeds[-1]) + len(footer) > EMBED_TOTAL:
        embeds.append(discord.Embed(colour=colour))
    embeds[-1].set_footer(text=footer)


def pack(embeds: Sequence[discord.Embed], content: str | None = None) -> list[Reply]:
    """Messages holding ``embeds`` in order, each within 10 embeds and 6,000 characters.

    Long ``content`` is split over messages of its own before the embeds.
    """
    replies = [Reply(piece) for piece in split_text(content or "", CONTENT_LIMIT)]
    current = replies.pop() if replies else Reply()
    for embed in embeds:
        full = len(current.embeds) >= EMBEDS_PER_MESSAGE or len(current) + len(embed) > EMBED_TOTAL
        if full and current.embeds:
            replies.append(current)
            current = Reply()
        current.embeds.append(embed)
    if current.content or current.embeds:
        replies.append(current)
    return replies


def message(text: str, *, title: str | None = None, colour: discord.Colour = COLOUR) -> list[Reply]:
    """A short notice as a single embed (several when the text is long)."""
    return pack(card(title or "", text, colour=colour))


def errors(reply: Reply) -> list[str]:
    """Discord limits that ``reply`` breaks (empty when Discord would accept it)."""
    found = []
    if reply.content and len(reply.content) > CONTENT_LIMIT:
        found.append(f"content has {len(reply.content)} characters")
    if len(reply.embeds) > EMBEDS_PER_MESSAGE:
        found.append(f"{len(reply.embeds)} embeds")
    if len(reply) > EMBED_TOTAL:
        found.append(f"embeds have {len(reply)} characters")
    for index, embed in enumerate(reply.embeds):
        found += [f"embed {index}: {problem}" for problem in _embed_errors(embed)]
    if not (reply.content or reply.embeds or reply.files):
        found.append("empty message")
    return found


def _embed_errors(embed: discord.Embed) -> list[str]:
    checks = [("title", embed.title, TITLE_LIMIT), ("description", embed.description,
              DESCRIPTION_LIMIT), ("footer", embed.footer.text, FOOTER_LIMIT),
              ("author", embed.author.name, AUTHOR_LIMIT)]  # fmt: skip
    for item in embed.fields:
        checks += [("field name", item.name, FIELD_NAME_LIMIT),
                   ("field value", item.value, FIELD_VALUE_LIMIT)]  # fmt: skip
    found = [f"{what} over {limit}" for what, text, limit in checks if text and len(text) > limit]
    if len(embed.fields) > FIELDS_PER_EMBED:
        found.append(f"{len(embed.fields)} fields")
    if any(not item.value or not item.name for item in embed.fields):
        found.append("an empty field")
    return found


def spread(
    content: str, embeds: Sequence[discord.Embed], files: Sequence[tuple[str, bytes]]
) -> list[Reply]:
    """Messages within Discord's limits; each file goes with the embed that shows it."""
    replies = pack(embeds, content) or [Reply()]
    for name, data in files:
        home = next((r for r in replies if any(_shows(e, name) for e in r.embeds)), replies[0])
        home.files.append((name, data))
    return [r for r in replies if r.content or r.embeds or r.files]


def _shows(embed: discord.Embed, filename: str) -> bool:
    urls = (embed.image.url, embed.thumbnail.url)
    return any(url == ATTACHMENT + filename for url in urls if url)
