"""Errors newsledger raises, each saying what went wrong and how to fix it.

The hierarchy (every class carries a stable code, printed in front of the message)::

    NewsledgerError                 base class; catch this to catch everything below
    ├── ModelNotFoundError   [N001] no spaCy pipeline could be loaded
    ├── InputError           [N100] one input (a file, a feed entry, a JSONL line) is unusable
    │   ├── EmptyInputError       [N101] nothing but whitespace
    │   ├── BinaryInputError      [N102] not text at all
    │   ├── EncodingError         [N103] not valid UTF-8
    │   ├── NoArticleError        [N104] a page or feed entry with no article text in it
    │   ├── FeedError             [N105] a feed that does not parse
    │   ├── JSONLineError         [N106] a JSONL line that is not a JSON object with "text"
    │   ├── TooLongError          [N107] an article longer than the configured limit
    │   ├── NotEnglishError       [N108] an article that does not look like English
    │   ├── UnknownFormatError    [N109] a file whose kind cannot be told
    │   └── WarcError             [N110] a WARC file that cannot be read
    ├── DateFormatError      [N200] a publication date in a form we do not read
    ├── RecordError          [N300] a record that breaks the SPEC (bad offsets, dangling ids, bad JSON)
    ├── StageError           [N400] an extraction stage failed or returned the wrong thing
    │   └── LanguageDataError     [N410] a word-class or rule file under data/ is missing or malformed
    ├── StoreError           [N500] the SQLite ledger cannot be opened, migrated or written
    │   └── MigrationError   [N501] the database schema is newer than this newsledger, or damaged
    └── ExplainError         [N600] ``explain`` was asked about an item or offset the trace does not cover

Library code raises these; the CLI prints ``error: [CODE] message`` and exits non-zero.
"""

from __future__ import annotations

__all__ = [
    "NewsledgerError",
    "ModelNotFoundError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "EncodingError",
    "NoArticleError",
    "FeedError",
    "JSONLineError",
    "TooLongError",
    "NotEnglishError",
    "UnknownFormatError",
    "WarcError",
    "DateFormatError",
    "RecordError",
    "StageError",
    "LanguageDataError",
    "StoreError",
    "MigrationError",
    "ExplainError",
]


class NewsledgerError(Exception):
    """Base class of every newsledger error."""

    code = "N000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ModelNotFoundError(NewsledgerError):
    code = "N001"


class InputError(NewsledgerError):
    """One input is unusable. ``source`` names it (a path, ``path:line``, a URL)."""

    code = "N100"

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(f"{source}: {message}" if source else message)
        self.source = source


class EmptyInputError(InputError):
    code = "N101"


class BinaryInputError(InputError):
    code = "N102"


class EncodingError(InputError):
    code = "N103"


class NoArticleError(InputError):
    code = "N104"


class FeedError(InputError):
    code = "N105"


class JSONLineError(InputError):
    code = "N106"


class TooLongError(InputError):
    code = "N107"


class NotEnglishError(InputError):
    code = "N108"


class UnknownFormatError(InputError):
    code = "N109"


class WarcError(InputError):
    code = "N110"


class DateFormatError(NewsledgerError):
    code = "N200"


class RecordError(NewsledgerError):
    code = "N300"


class StageError(NewsledgerError):
    code = "N400"


class LanguageDataError(StageError):
    code = "N410"


class StoreError(NewsledgerError):
    code = "N500"


class MigrationError(StoreError):
    code = "N501"


class ExplainError(NewsledgerError):
    code = "N600"
