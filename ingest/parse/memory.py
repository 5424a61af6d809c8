"""Judgements kept from one text to the next: a page reads the same name or sentence several times, and the pages of
one site share their menus and lists. forget() empties every memory (a benchmark's pass starts cold with it)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

_Judgement = TypeVar("_Judgement", bound=Callable[..., Any])
_KEPT: list[Any] = []


def kept(maxsize: int) -> Callable[[_Judgement], _Judgement]:
    """lru_cache(maxsize), with the memory registered for forget()."""
    def remember(judgement: _Judgement) -> _Judgement:
        remembered = lru_cache(maxsize=maxsize)(judgement)
        _KEPT.append(remembered)
        return remembered  # type: ignore[return-value]
    return remember


def forget() -> None:
    for remembered in _KEPT:
        remembered.cache_clear()
