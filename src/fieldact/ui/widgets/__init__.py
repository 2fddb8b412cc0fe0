"""Reusable widgets: the PIN pad, big buttons, the signature pad."""
