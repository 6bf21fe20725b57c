"""A compiled validator for the interchange schema (``schema.json``), in one pass.

The generic JSON Schema validator re-walks the schema for every value and spent about 11 s on a
region of 10,000 innovations. This compiles the schema once into nested closures and walks the
document once. It supports only the keywords a data schema like ours needs and refuses any
other at compile time, so the schema file stays the single description of the format.

Messages and their order are those of ``jsonschema`` (Draft 2020-12, no format checking), so
what a user reads does not depend on which validator ran; ``tests/interchange`` compares both on
valid and broken documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]
Problem = tuple[Path, str]
Check = Callable[[Any, Path, list[Problem]], None]
Ok = Callable[[Any], bool]

# Words that describe and never constrain (``format`` is not checked without a format checker).
ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "format", "default"}
)


class SchemaNotSupported(ValueError):
    pass


def _is_integer(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    return isinstance(x, int) or (isinstance(x, float) and x.is_integer())


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


IS_TYPE: dict[str, Callable[[Any], bool]] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}


def _equal(one: Any, two: Any) -> bool:
    """JSON equality as jsonschema sees it: ``True`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(map(_equal, one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(_equal(one[k], two[k]) for k in one)
    if isinstance(one, bool) or isinstance(two, bool):
        return type(one) is type(two) and bool(one == two)
    return bool(one == two)


def unique(items: list[Any]) -> bool:
    if all(isinstance(x, str) for x in items):
        return len(set(items)) == len(items)
    return not any(_equal(a, b) for n, a in enumerate(items) for b in items[n + 1 :])


@dataclass(frozen=True)
class Node:
    """A compiled schema: ``check`` reports every problem; ``ok``, when there is one, is a quick
    test that is True only for a valid value (tried first, so a valid value builds no path)."""

    check: Check
    ok: Ok | None = None


class Compiler:
    """Compiles each (sub)schema once, whatever refers to it."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.nodes: dict[int, Node] = {}
        self.refs: dict[str, Node] = {}

    def resolve(self, ref: str) -> Node:
        if not ref.startswith("#/$defs/"):
            raise SchemaNotSupported(f"$ref {ref!r}: only '#/$defs/<name>' is supported")
        if ref not in self.refs:
            self.refs[ref] = Node(lambda i, p, o: None)  # while a recursive definition compiles
            self.refs[ref] = self.node(self.schema["$defs"][ref.removeprefix("#/$defs/")])
        return self.refs[ref]

    def node(self, schema: dict[str, Any]) -> Node:
        if id(schema) not in self.nodes:
            self.nodes[id(schema)] = self._compile(schema)
        return self.nodes[id(schema)]

    def _compile(self, schema: dict[str, Any]) -> Node:
        from inovda.interchange.quick import quick_test

        unknown = set(schema) - ANNOTATIONS - set(KEYWORDS)
        if unknown:
            raise SchemaNotSupported(f"unsupported keywords: {sorted(unknown)}")
        checks = [KEYWORDS[k](v, schema, self) for k, v in schema.items() if k in KEYWORDS]

        def check(instance: Any, path: Path, out: list[Problem]) -> None:
            for c in checks:
                c(instance, path, out)

        full = checks[0] if len(checks) == 1 else check
        return Node(full, quick_test(schema, self) or _no_problems(full))


def compile_schema(schema: dict[str, Any]) -> Callable[[Any], list[Problem]]:
    """``validate(instance)``: every problem as (path, message), sorted by path."""
    root = Compiler(schema).node(schema)

    def validate(instance: Any) -> list[Problem]:
        out: list[Problem] = []
        if root.ok is None or not root.ok(instance):
            root.check(instance, (), out)
        out.sort(key=lambda problem: problem[0])  # stable: keyword order within one path
        return out

    return validate


def generic_validator(schema: dict[str, Any]) -> Callable[[Any], list[Problem]]:
    """The same report from the jsonschema package: the reference the tests compare with, and
    the fallback for a schema that uses a keyword ``compile_schema`` refuses."""
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]

    validator = Draft202012Validator(schema)

    def validate(instance: Any) -> list[Problem]:
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        return [(tuple(e.absolute_path), e.message) for e in errors]

    return validate


def _no_problems(check: Check) -> Ok:
    """The quick test of a shape without one: the full check, on a scratch list."""

    def ok(x: Any) -> bool:
        out: list[Problem] = []
        check(x, (), out)
        return not out

    return ok


def _sub(node: Node, x: Any, path: Path, out: list[Problem]) -> None:
    if node.ok is None or not node.ok(x):
        node.check(x, path, out)


KeywordCompiler = Callable[[Any, dict[str, Any], Compiler], Check]


def _type(types: str | list[str], schema: dict[str, Any], c: Compiler) -> Check:
    names = [types] if isinstance(types, str) else list(types)
    tests = [IS_TYPE[t] for t in names]
    reprs = ", ".join(repr(t) for t in names)

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if not any(t(x) for t in tests):
            out.append((path, f"{x!r} is not of type {reprs}"))

    return check


def _const(value: Any, schema: dict[str, Any], c: Compiler) -> Check:
    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if not _equal(x, value):
            out.append((path, f"{value!r} was expected"))

    return check


def _enum(values: list[Any], schema: dict[str, Any], c: Compiler) -> Check:
    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if not any(_equal(v, x) for v in values):
            out.append((path, f"{x!r} is not one of {values!r}"))

    return check


def _required(names: list[str], schema: dict[str, Any], c: Compiler) -> Check:
    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if isinstance(x, dict):
            out.extend((path, f"{n!r} is a required property") for n in names if n not in x)

    return check


def _properties(props: dict[str, Any], schema: dict[str, Any], c: Compiler) -> Check:
    compiled = {name: c.node(sub) for name, sub in props.items()}

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if isinstance(x, dict):
            for name, sub in compiled.items():
                if name in x:
                    _sub(sub, x[name], (*path, name), out)

    return check


def _additional(ap: bool | dict[str, Any], schema: dict[str, Any], c: Compiler) -> Check:
    if "patternProperties" in schema:
        raise SchemaNotSupported("patternProperties")
    known = set(schema.get("properties", {}))
    if isinstance(ap, dict):
        sub = c.node(ap)

        def each(x: Any, path: Path, out: list[Problem]) -> None:
            if isinstance(x, dict):
                for key, value in x.items():
                    if key not in known:
                        _sub(sub, value, (*path, key), out)

        return each

    def forbid(x: Any, path: Path, out: list[Problem]) -> None:
        if not ap and isinstance(x, dict) and not known.issuperset(x):
            extras = sorted((k for k in x if k not in known), key=str)
            verb = "was" if len(extras) == 1 else "were"
            names = ", ".join(repr(e) for e in extras)
            out.append((path, f"Additional properties are not allowed ({names} {verb} unexpected)"))

    return forbid


def _property_names(sub_schema: dict[str, Any], schema: dict[str, Any], c: Compiler) -> Check:
    sub = c.node(sub_schema)

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if isinstance(x, dict):
            for key in x:
                _sub(sub, key, path, out)  # reported at the object, as jsonschema does

    return check


def _items(sub_schema: dict[str, Any], schema: dict[str, Any], c: Compiler) -> Check:
    if "prefixItems" in schema or not isinstance(sub_schema, dict):
        raise SchemaNotSupported("items must be one schema")
    sub = c.node(sub_schema)

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if isinstance(x, list):
            for n, item in enumerate(x):
                _sub(sub, item, (*path, n), out)

    return check


def _bound(op: str) -> KeywordCompiler:
    def compile_bound(limit: Any, schema: dict[str, Any], c: Compiler) -> Check:
        def check(x: Any, path: Path, out: list[Problem]) -> None:
            if not _is_number(x):
                return
            if op == "minimum" and x < limit:
                out.append((path, f"{x!r} is less than the minimum of {limit!r}"))
            elif op == "maximum" and x > limit:
                out.append((path, f"{x!r} is greater than the maximum of {limit!r}"))

        return check

    return compile_bound


def _min_length(n: int, schema: dict[str, Any], c: Compiler) -> Check:
    message = "should be non-empty" if n == 1 else "is too short"

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if isinstance(x, str) and len(x) < n:
            out.append((path, f"{x!r} {message}"))

    return check


def _max_length(n: int, schema: dict[str, Any], c: Compiler) -> Check:
    message = "is expected to be empty" if n == 0 else "is too long"

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if isinstance(x, str) and len(x) > n:
            out.append((path, f"{x!r} {message}"))

    return check


def _pattern(pattern: str, schema: dict[str, Any], c: Compiler) -> Check:
    search = re.compile(pattern).search

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if isinstance(x, str) and not search(x):
            out.append((path, f"{x!r} does not match {pattern!r}"))

    return check


def _unique_items(on: bool, schema: dict[str, Any], c: Compiler) -> Check:
    def check(x: Any, path: Path, out: list[Problem]) -> None:
        if on and isinstance(x, list) and not unique(x):
            out.append((path, f"{x!r} has non-unique elements"))

    return check


def _ref(ref: str, schema: dict[str, Any], c: Compiler) -> Check:
    c.resolve(ref)  # compile (and fail on a bad reference) now

    def check(x: Any, path: Path, out: list[Problem]) -> None:
        # Looked up at call time, so a definition that refers to itself works.
        _sub(c.resolve(ref), x, path, out)

    return check


KEYWORDS: dict[str, KeywordCompiler] = {
    "type": _type,
    "const": _const,
    "enum": _enum,
    "required": _required,
    "additionalProperties": _additional,
    "properties": _properties,
    "propertyNames": _property_names,
    "items": _items,
    "minimum": _bound("minimum"),
    "maximum": _bound("maximum"),
    "minLength": _min_length,
    "maxLength": _max_length,
    "pattern": _pattern,
    "uniqueItems": _unique_items,
    "$ref": _ref,
}
