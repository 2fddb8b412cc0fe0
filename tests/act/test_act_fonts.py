"""The act's fonts: shipped subsets with their licence, parsed once per process, covering what acts print."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader

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


def test_acts_of_template_3_share_one_cut_of_the_act_repertoire(content, signature) -> None:
    """Two acts printing different names and addresses embed the same cut (the repertoire), cut once."""
    assert content["template"] == 3
    act_fonts.FONT_CUTS.clear()
    first = render_pdf(content, signature)
    assert act_fonts.FONT_CUTS.misses == 2 and act_fonts.FONT_CUTS.hits == 0  # regular and bold
    other = dict(content, subscriber=dict(content["subscriber"], name="Щукина Юлия Эдуардовна", address="Ёлкино"))
    second = render_pdf(other, signature)  # type: ignore[arg-type]
    assert act_fonts.FONT_CUTS.misses == 2 and act_fonts.FONT_CUTS.hits == 2
    assert verify_pdf(first) == [] and verify_pdf(second) == []
    fonts = _font_files(second)
    assert fonts == _font_files(first) and len(fonts) == 2
    for data in fonts:
        cmap = TTFont(io.BytesIO(data)).getBestCmap()
        assert [char for char in act_fonts.ACT_REPERTOIRE if ord(char) not in cmap] == []
        assert ord("Ӓ") not in cmap, "a letter outside the repertoire, and unused, is not embedded"
        assert len(data) < 20_000


def test_a_letter_beyond_the_repertoire_is_cut_in_and_verifies(content, signature) -> None:
    act_fonts.FONT_CUTS.clear()
    other = dict(content, subscriber=dict(content["subscriber"], name="Ӓӓ Ӧӧ Ӱӱ"))
    pdf = render_pdf(other, signature)  # type: ignore[arg-type]
    assert verify_pdf(pdf) == []
    assert any(ord("Ӓ") in TTFont(io.BytesIO(data)).getBestCmap() for data in _font_files(pdf))
    assert "Ӓӓ Ӧӧ Ӱӱ" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def _font_files(pdf: bytes) -> list[bytes]:
    reader = PdfReader(io.BytesIO(pdf))
    files = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            data = descriptor["/FontFile2"].get_object().get_data()
            if data not in files:
                files.append(data)
    return files


def test_a_kept_font_cut_gives_the_act_byte_for_byte(content, signature, monkeypatch) -> None:
    content = {**content, "template": 2}  # the templates that cut their fonts
    act_fonts.FONT_CUTS.clear()
    cut_afresh = render_pdf(content, signature)
    assert act_fonts.FONT_CUTS.misses == 2 and act_fonts.FONT_CUTS.hits == 0  # regular and bold, cut and kept

    from_kept = render_pdf(content, signature)
    assert act_fonts.FONT_CUTS.hits == 2
    assert from_kept == cut_afresh
    assert verify_pdf(from_kept) == []

    cuts = []
    original = act_fonts.ftsubset.Subsetter.subset
    monkeypatch.setattr(
        act_fonts.ftsubset.Subsetter, "subset", lambda self, font: cuts.append(font) or original(self, font)
    )
    render_pdf(content, signature)
    assert cuts == [], "glyphs already cut are not cut again"


def test_other_glyphs_are_cut_again_and_the_cuts_are_bounded(content, signature) -> None:
    content = {**content, "template": 2}
    act_fonts.FONT_CUTS.clear()
    render_pdf(content, signature)
    other = dict(content, subscriber=dict(content["subscriber"], name="Ӓӓ Ӧӧ Ӱӱ"))
    assert verify_pdf(render_pdf(other, signature)) == []  # type: ignore[arg-type]
    # the face that prints the name is cut again, the other is kept; verifying draws the act again from the cuts
    assert act_fonts.FONT_CUTS.misses == 3 and act_fonts.FONT_CUTS.hits == 1 + 2
    kept = act_fonts.FontCuts(capacity=2)
    for n in range(5):
        kept.put(("font", (f"g{n}",), ""), b"cut")
    assert kept.get(("font", ("g0",), "")) is None and kept.get(("font", ("g4",), "")) == b"cut"
