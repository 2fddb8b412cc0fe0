"""Photo evidence: frames made into stamped, hashed JPEGs, and the rules of how many an item takes. No Qt."""

from fieldact.photo.process import Photo, Stamp, process_bytes, process_image

__all__ = ["Photo", "Stamp", "process_bytes", "process_image"]
