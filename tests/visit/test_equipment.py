"""Devices checked against the brand's catalogue: serials and MACs, with sentences on wrong ones."""

from __future__ import annotations

import pytest

from fieldact.text import InputError
from fieldact.visit.equipment import DeviceAction, equipment_type, make_device, serial_from_codes


def test_a_typed_device_is_normalised(brand) -> None:
    device = make_device(brand, DeviceAction.INSTALLED, "router", " zx12 3456 7890 ", "00-1a-2b-3c-4d-5e")
    assert (device.serial, device.mac) == ("ZX1234567890", "00:1A:2B:3C:4D:5E")
    assert make_device(brand, DeviceAction.REMOVED, "cam", "12345678").mac == ""


@pytest.mark.parametrize(
    ("kind", "serial", "mac", "sentence"),
    [
        (
            "ont",
            "HWTC1A2B3C4",
            "00:1A:2B:3C:4D:5E",
            "не похож на номер устройства «Оптический терминал \\(ONT\\)»: нужно 4",
        ),
        ("stb", "12345", "00:1A:2B:3C:4D:5E", "нужно от 12 до 16 цифр"),
        ("router", "", "", "Введите серийный номер"),
        ("router", "ZX1234567890", "00:1A:2B:3C:4D", "MAC-адрес «00:1A:2B:3C:4D» неверный"),
        ("router", "ZX1234567890", "00:1A:2B:3C:4D:5G", "12 шестнадцатеричных цифр"),
        ("cam", "12345678", "00:1A:2B:3C:4D:5E", "MAC-адрес не записывают"),
        ("fridge", "1", "", "Выберите тип устройства"),
    ],
)
def test_wrong_entries_are_refused_with_a_sentence(brand, kind, serial, mac, sentence) -> None:
    with pytest.raises(InputError, match=sentence):
        make_device(brand, DeviceAction.INSTALLED, kind, serial, mac)


def test_a_label_code_that_is_the_serial_is_picked(brand) -> None:
    ont = equipment_type(brand, "ont")
    assert serial_from_codes(ont, ["4607001234562", "S/N:HWTC1A2B3C4D"]) == "HWTC1A2B3C4D"
    assert serial_from_codes(ont, ["4607001234562"]) is None
