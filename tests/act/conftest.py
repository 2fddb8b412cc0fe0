"""Shared acts for the act tests: the demo connection visit signed with a synthesized 600-sample signature."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from PIL.Image import Image

from fieldact.act import ActContent, build_content, render_pdf
from fieldact.act.sample import sample_meta, sample_signature, sample_visit
from fieldact.ink import Signature

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"


@pytest.fixture(scope="session")
def signature() -> Signature:
    return sample_signature(600)


@pytest.fixture(scope="session")
def content(standard, brand, signature) -> ActContent:
    return build_content(sample_visit(standard, brand), sample_meta(brand), signature)


@pytest.fixture(scope="session")
def act_pdf(content: ActContent, signature: Signature) -> bytes:
    return render_pdf(content, signature)


@pytest.fixture(scope="session")
def long_content(content: ActContent) -> ActContent:
    """The demo act with its checklist four times over: a checklist that must flow over pages."""
    items = sorted((dict(item) for _ in range(4) for item in content["items"]), key=lambda i: i["stage"]["number"])
    return {**content, "items": items}  # type: ignore[typeddict-item]


@pytest.fixture(scope="session")
def long_pdf(long_content: ActContent, signature: Signature) -> bytes:
    return render_pdf(long_content, signature)


class PdfLook:
    """Reading an act back as a person and a program would: text, pictures and embedded files."""

    @staticmethod
    def page_texts(pdf: bytes) -> list[str]:
        from pypdf import PdfReader

        return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]

    @staticmethod
    def flat(text: str) -> str:
        """Text with line breaks and the no-break spaces of amounts read as plain spaces."""
        return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))

    @staticmethod
    def page_images(pdf: bytes, scale: float) -> list[Image]:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(pdf)
        try:
            return [document[index].render(scale=scale).to_pil() for index in range(len(document))]
        finally:
            document.close()

    @staticmethod
    def save_pages(pdf: bytes, prefix: str, scale: float = 2.0) -> list[Path]:
        """PNGs of every page in screenshots/, to look at."""
        SCREENSHOTS.mkdir(exist_ok=True)
        paths = []
        for index, image in enumerate(PdfLook.page_images(pdf, scale), start=1):
            path = SCREENSHOTS / f"{prefix}{index}.png"
            image.save(path)
            paths.append(path)
        return paths

    @staticmethod
    def attachments(pdf: bytes) -> dict[str, bytes]:
        from pypdf import PdfReader

        return {name: data[0] for name, data in PdfReader(BytesIO(pdf)).attachments.items()}


@pytest.fixture
def look() -> type[PdfLook]:
    return PdfLook
