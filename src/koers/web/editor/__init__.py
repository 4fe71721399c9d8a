# SPDX-License-Identifier: EUPL-1.2
"""The editor (/beheer): ``routes`` holds the HTTP handlers, ``actions`` what they do (check,
store, audit) apart from HTTP."""
