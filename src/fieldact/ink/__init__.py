"""Signature ink: the captured samples, their lossless storage, their drawing and quality checks.

Pure Python on the standard library only; nothing here knows about Qt, the PDF or the rest of fieldact.
"""

from .codec import FORMAT_VERSION, InkFormatError, canonical_bytes, decode, encode, encoded_sha256, sha256
from .geometry import (
    DEFAULT_PEN,
    Box,
    InkPen,
    Polyline,
    Segment,
    StrokeBuilder,
    fit_to_box,
    polylines,
    quantize,
    segment_ink_length,
    segments_bounds,
    segments_for,
    stroke_segments,
)
from .model import BoundingBox, CaptureContext, PointerType, Sample, Signature, Stroke
from .quality import DEFAULT_RULES, QualityCode, QualityProblem, QualityRules, check_quality

__all__ = [
    "DEFAULT_PEN",
    "DEFAULT_RULES",
    "FORMAT_VERSION",
    "BoundingBox",
    "Box",
    "CaptureContext",
    "InkFormatError",
    "InkPen",
    "PointerType",
    "Polyline",
    "QualityCode",
    "QualityProblem",
    "QualityRules",
    "Sample",
    "Segment",
    "Signature",
    "Stroke",
    "StrokeBuilder",
    "canonical_bytes",
    "check_quality",
    "decode",
    "encode",
    "encoded_sha256",
    "fit_to_box",
    "polylines",
    "quantize",
    "segment_ink_length",
    "segments_bounds",
    "segments_for",
    "sha256",
    "stroke_segments",
]
