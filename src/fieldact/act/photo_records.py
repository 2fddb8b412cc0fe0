"""The photos and equipment an act lists: their records in the content, the photo bytes by SHA-256, and the check
that each photo embedded in an act is the one its content names. No drawing here (fpdf2 stays unloaded)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict
from zoneinfo import ZoneInfo

from fieldact.hashing import sha256_hex
from fieldact.text import say
from fieldact.visit import Visit


class PhotoRecord(TypedDict):
    item: str  # stage.item key
    caption: str  # the item's short name, as stamped on the photo
    taken_at: str  # local ISO time
    sha256: str  # over the embedded file's bytes
    file: str  # the embedded file's name
    width: int
    height: int


class DeviceRecord(TypedDict):
    action: str  # installed, removed
    type: str
    name: str
    serial: str
    mac: str


# --- content ------------------------------------------------------------------------------------------------


def photo_records(visit: Visit, zone: ZoneInfo) -> list[PhotoRecord]:
    captions = {
        entry.key: entry.item.photos.caption if entry.item.photos else entry.item.text
        for entry in visit.checklist.entries
    }
    return [
        PhotoRecord(
            item=photo.item_key,
            caption=captions.get(photo.item_key, photo.item_key),
            taken_at=photo.taken_at.astimezone(zone).isoformat(timespec="seconds"),
            sha256=photo.sha256,
            file=f"photo-{number:02d}-{photo.sha256[:12]}.jpg",
            width=photo.width,
            height=photo.height,
        )
        for number, photo in enumerate(visit.photos, start=1)
    ]


def device_records(visit: Visit) -> list[DeviceRecord]:
    names = {kind.key: kind.name for kind in visit.brand.equipment}
    return [
        DeviceRecord(
            action=device.action.value,
            type=device.type_key,
            name=names.get(device.type_key, device.type_key),
            serial=device.serial,
            mac=device.mac,
        )
        for device in visit.devices
    ]


def photo_files(visit: Visit) -> dict[str, bytes]:
    """The visit's photo bytes by their SHA-256, for the renderer to embed."""
    return {photo.sha256: photo.jpeg for photo in visit.photos}


def embedded_photos(content: Mapping[str, Any], attachments: Mapping[str, bytes]) -> dict[str, bytes]:
    """The photo bytes an act carries, by the SHA-256 its content names them with, to draw the act again."""
    return {
        photo["sha256"]: attachments[photo["file"]]
        for photo in content.get("photos") or []
        if photo.get("file") in attachments
    }


def photo_problems(content: Mapping[str, Any], attachments: Mapping[str, bytes]) -> list[str]:
    """Each photo the content names is embedded, and its bytes hash to the SHA-256 the content gives."""
    found = []
    for photo in content.get("photos") or []:
        data = attachments.get(photo.get("file", ""))
        if data is None:
            found.append(
                say(
                    f"В акте нет вложенного фото «{photo.get('caption')}» ({photo.get('file')}): оно удалено.",
                    f"The act lacks the embedded photo '{photo.get('caption')}' ({photo.get('file')}): it was removed.",
                )
            )
        elif sha256_hex(data) != photo.get("sha256"):
            found.append(
                say(
                    f"Фото «{photo.get('caption')}» ({photo.get('file')}) подменено: его SHA-256 не тот, что в "
                    "содержании акта.",
                    f"The photo '{photo.get('caption')}' ({photo.get('file')}) was swapped: its SHA-256 is not the "
                    "one in the act's content.",
                )
            )
    return found
