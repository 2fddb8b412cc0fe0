"""The signed act: canonical content, PDF, QR code, hashes and verification. No Qt."""
