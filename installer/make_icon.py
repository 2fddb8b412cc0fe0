"""Draw the app icon (installer/fieldact.ico): a signed act with a check mark on a rounded tile.

Run once after changing the drawing: ``python installer/make_icon.py``. The .ico is committed, so building
the bundle never needs Pillow's drawing; the PNG beside it in build/ is for looking at the result.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ICON = HERE / "fieldact.ico"
PREVIEW = HERE.parent / "build" / "fieldact-icon.png"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
CANVAS = 1024  # drawn large and scaled down, for smooth edges at every size

TILE = (0, 109, 119)
PAPER = (255, 255, 255)
INK = (38, 50, 56)
CHECK = (46, 160, 67)


def draw() -> Image.Image:
    image = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((40, 40, CANVAS - 40, CANVAS - 40), radius=190, fill=TILE)
    # The act: a sheet with a folded corner, text lines and a signature stroke.
    left, top, right, bottom, fold = 250, 150, 774, 874, 150
    pen.polygon([(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)], fill=PAPER)
    pen.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=(200, 214, 216))
    for y in (300, 390, 480):
        pen.rounded_rectangle((left + 70, y, right - 110 if y == 300 else right - 70, y + 40), radius=20, fill=INK)
    pen.line([(left + 70, 720), (430, 640), (470, 730), (540, 650)], fill=INK, width=34, joint="curve")
    # The check mark of a work accepted, over the sheet's lower right corner.
    pen.ellipse((560, 600, 900, 940), fill=CHECK, outline=PAPER, width=30)
    pen.line([(640, 775), (710, 845), (830, 700)], fill=PAPER, width=58, joint="curve")
    return image


def main() -> None:
    image = draw()
    image.save(ICON, sizes=[(size, size) for size in SIZES])
    PREVIEW.parent.mkdir(parents=True, exist_ok=True)
    image.resize((256, 256), Image.Resampling.LANCZOS).save(PREVIEW)
    print(f"{ICON} ({ICON.stat().st_size} bytes), preview {PREVIEW}")


if __name__ == "__main__":
    main()
