# SPDX-License-Identifier: EUPL-1.2
"""The JSON Schema of the plan file, generated from the domain model.

Editors such as VS Code use it to complete and check plan files as they are typed. It is
committed as docs/plan.schema.json and a test fails when the model and that file differ, so
the documentation cannot silently fall behind the code.
"""

from __future__ import annotations

import json
from typing import Any

from koers.domain.plan import PLAN_FORMAT_VERSION, Plan

SCHEMA_ID = f"https://koers.invalid/schema/plan-v{PLAN_FORMAT_VERSION}.json"


def plan_json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "koers plan file",
        "description": "A municipality's social-domain policy plan as data (docs/plan-format.md).",
    }


def plan_json_schema_text() -> str:
    return json.dumps(plan_json_schema(), ensure_ascii=False, indent=2) + "\n"
