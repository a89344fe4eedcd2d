"""The sample article the demo runs on: the seed article of ../shared where it exists (a checkout
beside the shared folder), else the fictional article that ships with the package."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from .records import Article

__all__ = ["sample_article", "bundled_sample", "SEED_PUBLISHED"]

# The seed article's gold gives this publication date (the Monday after the Sunday visit).
SEED_PUBLISHED = "2025-02-03"


def bundled_sample() -> Article:
    """The fictional sample article shipped in newsledger/data (ours, MIT like the rest)."""
    data = resources.files("newsledger") / "data"
    meta = json.loads((data / "sample_article.json").read_text(encoding="utf-8"))
    return Article(text=(data / "sample_article.txt").read_text(encoding="utf-8"), source="newsledger/data/sample_article.txt",
                   **meta)


def sample_article(cwd: Path | None = None) -> Article:
    seed = (cwd or Path.cwd()) / ".." / "shared" / "seed"
    if (seed / "article.txt").is_file():
        published = SEED_PUBLISHED
        gold = seed / "article.gold.json"
        if gold.is_file():
            try:
                published = json.loads(gold.read_text(encoding="utf-8"))["doc"]["published"]
            except (ValueError, KeyError):
                pass
        return Article(text=(seed / "article.txt").read_text(encoding="utf-8"), id="seed", published=published,
                       source=str((seed / "article.txt").resolve()))
    return bundled_sample()
