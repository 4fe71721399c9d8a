# SPDX-License-Identifier: EUPL-1.2
"""koers: steer and monitor a municipality's social-domain policy plan.

The domain core (``koers.domain``) holds the plan, periods, goals and the SMART check and
imports nothing of files, databases or the web; ``koers.planfile`` reads and writes plan
files; ``koers.cli`` is the command line.

``koers.__version__`` is read from the installed package when it is first asked for:
importlib.metadata is slow to import, and ``koers --help`` does not need it.
"""


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module 'koers' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("koers")
    except PackageNotFoundError:  # running from a source tree without installing
        found = "0.0.0+unknown"
    globals()["__version__"] = found
    return found
