"""The HTTP adapter: configured sources → polite fetching → parsed article pages.

Imports newsbot.core, newsbot.config and newsbot.errors only (never newsbot.store): the
caller answers "what is stored?" through ``CrawlState`` and stores what it is handed.
See ``newsbot.crawl.crawler`` for the API and ``newsbot.crawl.fetch`` for the politeness.
"""

from newsbot.crawl.crawler import (
    ArticleFailure,
    CrawlItem,
    CrawlOptions,
    CrawlState,
    FetchedArticle,
    Known,
    NoState,
    SourceDone,
    crawl_source,
    crawl_sources,
    crawl_url,
    crawl_urls,
)
from newsbot.crawl.detect import Detection, detect
from newsbot.crawl.fetch import Fetched, Fetcher, NotModified
from newsbot.crawl.links import Link

__all__ = [
    "ArticleFailure",
    "CrawlItem",
    "CrawlOptions",
    "CrawlState",
    "Detection",
    "Fetched",
    "FetchedArticle",
    "Fetcher",
    "Known",
    "Link",
    "NoState",
    "NotModified",
    "SourceDone",
    "crawl_source",
    "crawl_sources",
    "crawl_url",
    "crawl_urls",
    "detect",
]
