"""The API reference at /docs: the OpenAPI schema rendered as a plain page (no script, no CDN)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def type_name(schema: Mapping[str, Any]) -> str:
    """A short type for a JSON schema: `string`, `date`, `integer (1..100)`, `list of string`, a model."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        kinds = [type_name(option) for option in schema["anyOf"] if option.get("type") != "null"]
        return " or ".join(kinds) or "null"
    kind = str(schema.get("format") or schema.get("type") or "any")
    if kind == "array":
        return f"list of {type_name(schema.get('items', {}))}"
    bounds = [schema.get(key) for key in ("minimum", "maximum")]
    if any(bound is not None for bound in bounds):
        low, high = ("" if bound is None else str(bound) for bound in bounds)
        kind += f" ({low}..{high})"
    return kind


def _fields(schema: Mapping[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    return [
        {
            "name": name,
            "type": type_name(field),
            "required": name in required,
            "description": field.get("description", ""),
        }
        for name, field in schema.get("properties", {}).items()
    ]


def _body(operation: Mapping[str, Any], components: Mapping[str, Any]) -> dict[str, Any] | None:
    content = operation.get("requestBody", {}).get("content", {})
    for media, spec in content.items():
        schema = spec.get("schema", {})
        name = type_name(schema)
        resolved = components.get(name, schema)
        return {
            "media": media,
            "name": name,
            "description": resolved.get("description", ""),
            "fields": _fields(resolved),
        }
    return None


def _endpoint(
    path: str, method: str, operation: Mapping[str, Any], components: Mapping[str, Any]
) -> dict[str, Any]:
    parameters = [item for item in operation.get("parameters", []) if item["name"] != "authorization"]
    return {
        "method": method.upper(),
        "path": path,
        "summary": operation.get("summary", ""),
        "description": operation.get("description", ""),
        "tag": (operation.get("tags") or ["other"])[0],
        "needs_token": len(parameters) < len(operation.get("parameters", [])),
        "parameters": [
            {
                "name": item["name"],
                "in": item["in"],
                "required": item.get("required", False),
                "type": type_name(item.get("schema", {})),
                "description": item.get("description", ""),
            }
            for item in parameters
        ],
        "body": _body(operation, components),
        "statuses": sorted(operation.get("responses", {})),
    }


def describe_api(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Endpoints grouped by tag, in the order the app declares them."""
    components = schema.get("components", {}).get("schemas", {})
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            if method in operations:
                endpoint = _endpoint(path, method, operations[method], components)
                groups.setdefault(endpoint["tag"], []).append(endpoint)
    info = schema.get("info", {})
    return {
        "title": info.get("title", ""),
        "version": info.get("version", ""),
        "description": info.get("description", ""),
        "groups": groups,
    }
