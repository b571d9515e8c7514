"""QtGui as PyInstaller's own hook collects it, minus the plugins the app never loads.

Filtering here, before PyInstaller resolves the plugins' linked libraries, also keeps out what
only those plugins need (the GTK platform theme alone pulls in GTK, cairo and pango).
The pattern comes from the spec's hooksconfig, so the spec holds the one list of unused files.
"""

import re
from pathlib import PurePath

from PyInstaller.utils.hooks import get_hook_config
from PyInstaller.utils.hooks.qt import add_qt6_dependencies


def hook(hook_api):
    hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
    unused = re.compile(get_hook_config(hook_api, "woninginbraken", "unused_files"), re.VERBOSE)

    def kept(pairs):
        return [
            (source, folder)
            for source, folder in pairs
            if not unused.search((PurePath(folder) / PurePath(source).name).as_posix())
        ]

    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(kept(binaries))
    hook_api.add_datas(kept(datas))
