"""The bundle's entry script: PyInstaller freezes this, and it runs ``fieldact`` exactly as the gui-script does.

A script of its own (rather than ``src/fieldact/__main__.py``) keeps ``src/fieldact`` off the analysis path, so
no module of the package is ever found a second time as a top-level module.
"""

import sys

from fieldact.__main__ import main

sys.exit(main())
