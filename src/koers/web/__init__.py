# SPDX-License-Identifier: EUPL-1.2
"""The dashboard sociaal domein: public pages, a JSON API, and (after login) the editor."""
