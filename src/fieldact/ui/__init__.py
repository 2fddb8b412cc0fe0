"""The PySide6 user interface: kiosk shell, one module per screen, widgets, the office window."""
