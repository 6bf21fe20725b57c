"""Quick tests for the interchange validator: True only for a valid value, and cheap.

A region of 10,000 innovations holds 200,000 levels and as many indicator keys; the full check
(``validate.py``) builds a path and walks every keyword for each. A quick test answers "valid"
in one expression, with C loops for the repeated shapes (a level dict, a list of codes). When it
says no, or when a shape has none, the full check runs and names every problem, so the quick
tests decide speed only, never a message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from inovda.interchange.validate import ANNOTATIONS, IS_TYPE, Ok, unique

if TYPE_CHECKING:
    from inovda.interchange.validate import Compiler

Many = Callable[[Any], bool]


def quick_test(schema: dict[str, Any], c: Compiler) -> Ok | None:
    keys = set(schema) - ANNOTATIONS
    kind = schema.get("type")
    if keys == {"$ref"}:
        return c.resolve(schema["$ref"]).ok  # None while a recursive definition compiles
    if kind == "integer" and keys <= {"type", "minimum", "maximum"}:
        low, high = schema.get("minimum", float("-inf")), schema.get("maximum", float("inf"))
        return lambda x: type(x) is int and low <= x <= high
    if kind in ("string", None) and keys and keys <= {"type", "pattern", "minLength"}:
        search = re.compile(schema.get("pattern", "")).search
        shortest = schema.get("minLength", 0)
        return lambda x: type(x) is str and len(x) >= shortest and search(x) is not None
    if kind == "boolean" and keys == {"type"}:
        return lambda x: type(x) is bool
    if isinstance(kind, list) and keys == {"type"}:
        tests = [IS_TYPE[k] for k in kind]
        return lambda x: any(test(x) for test in tests)
    if keys == {"const"} and type(schema["const"]) in (str, int):
        value = schema["const"]
        return lambda x: type(x) is type(value) and x == value
    if kind == "array" and keys <= {"type", "items", "uniqueItems"} and "items" in schema:
        return _array(schema, c)
    if kind == "object" and keys == {"type", "propertyNames", "additionalProperties"}:
        return _mapping(schema, c)
    if kind == "object" and keys <= {"type", "required", "properties", "additionalProperties"}:
        return _record(schema, c)
    return None


def _array(schema: dict[str, Any], c: Compiler) -> Ok | None:
    items = _all_ok(schema["items"], c)
    if items is None:
        return None
    if schema.get("uniqueItems", False):
        return lambda x: type(x) is list and items(x) and unique(x)
    return lambda x: type(x) is list and items(x)


def _mapping(schema: dict[str, Any], c: Compiler) -> Ok | None:
    """An open dict such as the levels: every name and every value tested in bulk."""
    extra = schema["additionalProperties"]
    names = _all_ok(schema["propertyNames"], c)
    values = _all_ok(extra, c) if isinstance(extra, dict) else None
    if names is None or values is None:
        return None
    return lambda x: type(x) is dict and names(x) and values(x.values())


def _record(schema: dict[str, Any], c: Compiler) -> Ok | None:
    """A closed dict of named properties (a region, an innovation, the document)."""
    if schema.get("additionalProperties", True) is not False:
        return None
    props = schema.get("properties", {})
    tests = [(name, c.node(sub).ok) for name, sub in props.items()]
    if any(test is None for _, test in tests):
        return None
    known, required = frozenset(props), frozenset(schema.get("required", ()))

    def ok(x: Any) -> bool:
        if type(x) is not dict or not known.issuperset(x) or not required.issubset(x):
            return False
        return all(test(x[name]) for name, test in tests if name in x)  # type: ignore[misc]

    return ok


def _all_ok(schema: dict[str, Any], c: Compiler) -> Many | None:
    """A quick test of many values at once: C loops for a small integer range or a pattern."""
    keys = set(schema) - ANNOTATIONS
    kind = schema.get("type")
    if kind == "integer" and keys == {"type", "minimum", "maximum"}:
        allowed = frozenset(range(schema["minimum"], schema["maximum"] + 1))
        if len(allowed) <= 64:
            # Types first: True equals 1 in a set.
            return lambda xs: set(map(type, xs)) <= {int} and allowed.issuperset(xs)
    if kind in ("string", None) and keys - {"type"} == {"pattern"}:
        return _known_strings(re.compile(schema["pattern"]).search)
    one = c.node(schema).ok
    return None if one is None else lambda xs: all(map(one, xs))


def _known_strings(search: Callable[[str], Any], limit: int = 4096) -> Many:
    """Indicator ids and urusan codes repeat by the thousand: remember the valid ones, so most
    collections pass in one C-level subset test instead of a regex per string."""
    valid: set[str] = set()

    def ok(xs: Any) -> bool:
        try:
            if valid.issuperset(xs):
                return True
        except TypeError:  # an unhashable item is no valid string
            return False
        for x in xs:
            if x not in valid:
                if type(x) is not str or search(x) is None:
                    return False
                if len(valid) < limit:
                    valid.add(x)
        return True

    return ok
