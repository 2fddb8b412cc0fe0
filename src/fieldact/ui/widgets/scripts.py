"""A script of the standard rendered for a visit, ready to show."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QWidget

from fieldact.standard import Script
from fieldact.ui.widgets.common import script_box
from fieldact.visit import Visit
from fieldact.visit.scripts import ScriptValueMissing, render_script, render_title


def rendered_script(visit: Visit, script: Script, at: datetime) -> QWidget:
    """The words with the visit's names, times and greeting; a missing value shows as the sentence naming it."""
    context = visit.script_context(at)
    try:
        title = render_title(script, context, visit.standard)
        text = render_script(script, context, visit.standard)
    except ScriptValueMissing as error:
        title, text = script.title, str(error)
    return script_box(title, text)
