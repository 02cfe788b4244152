from __future__ import annotations

import gc

import pytest

from evaldesk.io.gcpause import collector_paused


def _fail_inside() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner block must not start it early
            pass
        assert not gc.isenabled()
        raise RuntimeError


def test_the_collector_is_paused_inside_and_running_again_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        _fail_inside()
    assert gc.isenabled()


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
