"""The optional LLM extractor: an adapter to OpenAI-compatible chat-completions endpoints.

Off by default (``[extraction] method = "llm"`` turns it on). Produces the same
``Extraction`` as the offline rules extractor.
"""

from newsbot.llm.cache import LLMCache, MemoryCache, SqlCache, cache_key
from newsbot.llm.client import ChatClient, api_key_from_env
from newsbot.llm.extractor import PROMPT_VERSION, LLMExtractor

__all__ = [
    "PROMPT_VERSION",
    "ChatClient",
    "LLMCache",
    "LLMExtractor",
    "MemoryCache",
    "SqlCache",
    "api_key_from_env",
    "cache_key",
]
