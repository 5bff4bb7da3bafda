"""The local engine hands on each analysed shard as soon as it is done, not behind a slower earlier one."""

from __future__ import annotations

import time
from pathlib import Path

from corroborator.batch.local import LocalEngine

WAIT_LIMIT = 60.0


def wait_for_or_touch(order: tuple[int, str]) -> int:
    """Item 0 waits until item 1 has run (it leaves a file); any other item leaves its file at once."""
    position, folder = order
    if position == 0:
        deadline = time.monotonic() + WAIT_LIMIT
        while not (Path(folder) / "1").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    else:
        (Path(folder) / str(position)).touch()
    return position


def test_a_later_item_done_first_is_handed_on_before_the_slow_first_one(tmp_path: Path) -> None:
    items = [(position, str(tmp_path)) for position in range(4)]
    with LocalEngine(2) as engine:
        handed = [result for _, result in engine._map(lambda item: item, wait_for_or_touch, items)]
    assert sorted(handed) == [0, 1, 2, 3]
    assert handed.index(1) < handed.index(0)


def test_one_process_hands_items_on_in_order(tmp_path: Path) -> None:
    items = [(position, str(tmp_path)) for position in (1, 0, 2)]
    with LocalEngine(1) as engine:
        handed = [result for _, result in engine._map(lambda item: item, wait_for_or_touch, items)]
    assert handed == [1, 0, 2]
