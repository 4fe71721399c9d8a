# SPDX-License-Identifier: EUPL-1.2
"""koers: steer and monitor a municipality's social-domain policy plan.

The domain core (``koers.domain``) holds the plan, periods, goals and the SMART check and
imports nothing of files, databases or the web; ``koers.planfile`` reads and writes plan
files; ``koers.cli`` is the command line.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("koers")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"
