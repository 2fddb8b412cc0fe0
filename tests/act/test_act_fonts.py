"""The act's fonts: shipped subsets with their licence, parsed once per process, covering what acts print."""

from __future__ import annotations

from fontTools.ttLib import TTFont

from fieldact.act import fonts as act_fonts
from fieldact.act import render_pdf, verify_pdf
from fieldact.act.fonts import FONT_FILES, LICENSE_FILE, loaded_fonts
from fieldact.resources import resource_path

PRINTED = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҮүҢңҺһӨөІі«»—–№₽\u202f\u00a0…’"


def test_fonts_ship_with_their_licence_and_cover_what_acts_print() -> None:
    licence = resource_path(LICENSE_FILE).read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence and "Arev Fonts Copyright" in licence
    for relative in FONT_FILES.values():
        path = resource_path(relative)
        assert path.stat().st_size < 100_000, "a subset, not the full 700 KB font"
        cmap = TTFont(path).getBestCmap()
        missing = [char for char in PRINTED if ord(char) not in cmap]
        assert missing == [], f"{relative} lacks {missing}"
        assert all(ord(char) in cmap for char in "0123456789 ABCXYZ abcxyz.,:;!?()[]/-+%")


def test_fonts_are_parsed_once_per_process(content, signature, monkeypatch) -> None:
    render_pdf(content, signature)
    assert loaded_fonts.cache_info().currsize == 1
    parsed = []
    original = act_fonts.TTFFont.__init__

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(act_fonts.TTFFont, "__init__", counting)
    render_pdf(content, signature)
    assert parsed == [], "a second act parses no font file"


def test_a_changed_fpdf2_font_object_falls_back_to_add_font(content, signature, monkeypatch) -> None:
    def unknown_font_object(*args: object) -> None:
        raise AttributeError("'TTFFont' object has no attribute 'subset'")

    monkeypatch.setattr(act_fonts, "_fresh_copy", unknown_font_object)
    assert verify_pdf(render_pdf(content, signature)) == []
