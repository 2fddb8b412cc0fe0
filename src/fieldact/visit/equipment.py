"""Devices a connection installs at the subscriber's or takes away: type from the brand's catalogue, serial
number and MAC checked against the type, each refused with a sentence that says what is expected."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from fieldact.standard.schema import Brand, EquipmentType
from fieldact.text import InputError, say

_MAC_DIGITS = re.compile(r"^[0-9A-F]{12}$")
_MAC_SEPARATORS = re.compile(r"[\s:\-.]")


class DeviceAction(StrEnum):
    INSTALLED = "installed"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Device:
    action: DeviceAction
    type_key: str
    serial: str
    mac: str = ""  # AA:BB:CC:DD:EE:FF


def equipment_type(brand: Brand, key: str) -> EquipmentType:
    for kind in brand.equipment:
        if kind.key == key:
            return kind
    raise InputError(say("Выберите тип устройства из списка.", "Choose the device type from the list."))


def make_device(brand: Brand, action: DeviceAction, type_key: str, serial: str, mac: str = "") -> Device:
    """The device as entered, normalised (no spaces, upper case), or InputError saying what is wrong."""
    kind = equipment_type(brand, type_key)
    return Device(action, kind.key, clean_serial(kind, serial), clean_mac(kind, mac))


def clean_serial(kind: EquipmentType, serial: str) -> str:
    cleaned = re.sub(r"\s+", "", serial).upper()
    if not cleaned:
        raise InputError(say(f"Введите серийный номер: {kind.name}.", f"Enter the serial number of the {kind.name}."))
    if not re.fullmatch(kind.serial_pattern, cleaned):
        raise InputError(
            say(
                f"Серийный номер «{cleaned}» не похож на номер устройства «{kind.name}»: нужно {kind.serial_hint}. "
                "Проверьте номер на этикетке или отсканируйте штрихкод.",
                f"The serial number '{cleaned}' does not look like one of a {kind.name}: expected {kind.serial_hint}. "
                "Check the label or scan its barcode.",
            )
        )
    return cleaned


def clean_mac(kind: EquipmentType, mac: str) -> str:
    digits = _MAC_SEPARATORS.sub("", mac).upper()
    if not kind.mac:
        if digits:
            raise InputError(
                say(f"У устройства «{kind.name}» MAC-адрес не записывают.", f"A {kind.name} has no MAC to record.")
            )
        return ""
    if not _MAC_DIGITS.fullmatch(digits):
        raise InputError(
            say(
                f"MAC-адрес «{mac.strip()}» неверный: нужно 12 шестнадцатеричных цифр (0–9, A–F), "
                "например 00:1A:2B:3C:4D:5E.",
                f"The MAC address '{mac.strip()}' is wrong: 12 hexadecimal digits (0-9, A-F) are needed, "
                "for example 00:1A:2B:3C:4D:5E.",
            )
        )
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2))


def serial_from_codes(kind: EquipmentType, codes: list[str]) -> str | None:
    """The first code read from a label that is a serial number of this type (a label also carries MACs, EANs)."""
    for code in codes:
        cleaned = re.sub(r"\s+", "", code).upper()
        if re.fullmatch(kind.serial_pattern, cleaned):
            return cleaned
        for part in re.split(r"S/N[:=]?|SN[:=]?|[;,|/]", cleaned):
            if part and re.fullmatch(kind.serial_pattern, part):
                return part
    return None
