"""The one error type the ingest side raises for bad input."""


class IngestError(Exception):
    """An input that cannot be ingested; str() is the one-line message for the user."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
