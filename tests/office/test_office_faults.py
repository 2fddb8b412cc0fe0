"""Exports onto a full disk: a sentence, and nothing half written left behind."""

from __future__ import annotations

import pytest

from fieldact.office.export import ExportError, export_acts
from fieldact.office.queries import ActFilter, act_ids


@pytest.mark.parametrize("target_name", ["acts.zip", "acts"])
def test_an_export_onto_a_full_disk_is_a_sentence_and_leaves_nothing(
    database, office_zone, small_disk, target_name: str
) -> None:
    ids = act_ids(database, ActFilter(), office_zone)
    assert ids
    small_disk.fill()
    target = small_disk.path / target_name
    with pytest.raises(ExportError) as failed:
        export_acts(database, ids, target)
    assert "ничего не записано наполовину" in str(failed.value)
    left = [p.name for p in small_disk.path.rglob("*") if p.name != ".filler"]
    assert left in ([], ["acts"]), f"half-written files left: {left}"
    small_disk.free()
    report = export_acts(database, ids, target)
    assert len(report.exported) == len(ids)
