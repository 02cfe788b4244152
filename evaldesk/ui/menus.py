"""Placing a feature's actions in the window's menus without the window listing them.

Each feature module (new year, merge, compare) adds its actions beside an action the window
already has, found through the menus that hold it, so the window only calls ``install``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def menus_of(action: QAction) -> list[QMenu]:
    return [o for o in action.associatedObjects() if isinstance(o, QMenu)]


def insert_after(anchor: QAction, actions: Sequence[QAction]) -> None:
    """Put ``actions`` right after ``anchor`` in every menu that holds it."""
    for menu in menus_of(anchor):
        existing = menu.actions()
        at = existing.index(anchor) + 1
        for action in actions:
            if at < len(existing):
                menu.insertAction(existing[at], action)
            else:
                menu.addAction(action)


def append_to_menu_of(anchor: QAction, actions: Sequence[QAction], *, separator: bool = False) -> None:
    for menu in menus_of(anchor):
        if separator:
            menu.addSeparator()
        menu.addActions(list(actions))
