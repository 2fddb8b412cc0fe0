"""fieldact: the service standard on a technician's tablet, signed acts for the office."""

__version__ = "0.1.0"
