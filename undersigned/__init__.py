"""Undersigned: an open knowledge base of joint statements."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = PROJECT_ROOT / "sample"
DEFAULT_DB = "statements.db"
