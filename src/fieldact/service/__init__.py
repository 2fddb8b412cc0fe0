"""The central HTTPS service and the tablet's client for it. No Qt here."""
