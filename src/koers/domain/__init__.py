# SPDX-License-Identifier: EUPL-1.2
"""The domain core: the plan as data, periods, frequencies, targets and the SMART check.

Nothing here reads files, talks to a database or serves the web: adapters do that around it.
"""
