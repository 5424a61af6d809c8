"""Sources to statement records: discover, fetch, parse."""

__version__ = "0.1.0"
