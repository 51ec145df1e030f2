"""JSON Schema for each content file, so a curator's editor completes and checks as they type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kiosk.content.model import FILE_MODELS

SCHEMA_DIR_NAME = ".schema"


def schema_for(file_name: str) -> dict[str, Any]:
    model = FILE_MODELS[file_name]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"content/{file_name}"
    # The modeline key is allowed at the top so editors can be pointed at this schema.
    schema.setdefault("properties", {})["$schema"] = {"type": "string"}
    return schema


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in FILE_MODELS:
        path = out_dir / name.replace(".yaml", ".schema.json")
        path.write_text(json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
