"""The compiled validator reports exactly what jsonschema reports, on valid and broken files."""

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inovda.interchange.format import SCHEMA_PATH, _validator
from inovda.interchange.validate import compile_schema, generic_validator

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
COMPILED = compile_schema(SCHEMA)
REFERENCE = generic_validator(SCHEMA)

BASE = {
    "format": "inovda/1",
    "period": 2026,
    "generated_at": "2026-01-01T00:00:00Z",
    "source": "tes",
    "regions": [
        {
            "code": "36.04",
            "name": "Kabupaten Serang",
            "reported": True,
            "spd": {"1": 3, "2a": 0},
            "innovations": [
                {
                    "id": "a",
                    "name": "Inovasi A",
                    "urusan": ["1.01", "1.02"],
                    "eligible": True,
                    "levels": {"16": 1, "17": 3},
                },
                {"name": "Inovasi B", "levels": {}},
            ],
        },
        {"code": "36"},
    ],
}
KEYS = [
    "format", "period", "regions", "code", "name", "spd", "innovations", "levels",
    "urusan", "id", "eligible", "reported", "16", "2a", "x", "1.01",
]  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-2, 5)
    | st.sampled_from([3.0, 1.5, -0.0, 2018.0, 10**20])
    | st.sampled_from(["", "36.04", "36", "1.01", "9.9", "16", "inovda/1", "x", "36.04\n"])
    | st.text(max_size=4)
)
VALUES = st.recursive(
    SCALARS,
    lambda kids: (
        st.lists(kids, max_size=3)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=3), kids, max_size=3)
    ),
    max_leaves=6,
)


def containers(value, path=()):
    if isinstance(value, dict | list):
        yield path, value
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from containers(item, (*path, key))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_it_reports_what_jsonschema_reports(data):
    doc = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(0, 4))):
        places = list(containers(doc))
        _, target = data.draw(st.sampled_from(places))
        action = data.draw(st.sampled_from(["set", "delete", "append"]))
        if isinstance(target, dict):
            if action == "delete" and target:
                del target[data.draw(st.sampled_from(sorted(target)))]
            else:
                target[data.draw(st.sampled_from(KEYS))] = data.draw(VALUES)
        elif action == "delete" and target:
            target.pop(data.draw(st.integers(0, len(target) - 1)))
        elif action == "set" and target:
            target[data.draw(st.integers(0, len(target) - 1))] = data.draw(VALUES)
        else:
            target.append(data.draw(VALUES))
    assert COMPILED(doc) == REFERENCE(doc)


@given(VALUES)
@settings(max_examples=200, deadline=None)
def test_it_agrees_on_any_document_whatever(doc):
    assert COMPILED(doc) == REFERENCE(doc)


def test_a_valid_file_has_no_problems_and_each_problem_names_its_place():
    assert COMPILED(BASE) == []
    doc = copy.deepcopy(BASE)
    doc["regions"][0]["innovations"][1]["levels"] = {"17": 4, "x!": 1, "18": True, "19": 3.0}
    doc["regions"][0]["innovations"][0]["urusan"] = ["1.01", "1.01"]
    assert COMPILED(doc) == [
        (("regions", 0, "innovations", 0, "urusan"), "['1.01', '1.01'] has non-unique elements"),
        (("regions", 0, "innovations", 1, "levels"), "'x!' does not match '^[0-9]{1,2}[a-z]?$'"),
        (("regions", 0, "innovations", 1, "levels", "17"), "4 is greater than the maximum of 3"),
        (("regions", 0, "innovations", 1, "levels", "18"), "True is not of type 'integer'"),
    ]
    assert COMPILED(doc) == REFERENCE(doc)


def test_the_shipped_schema_compiles():
    # Were it to use a keyword the compiled validator refuses, every file would be validated by
    # the generic (200 times slower) validator: extend validate.py instead.
    assert _validator().__module__ == "inovda.interchange.validate"
    assert _validator().__qualname__ == "compile_schema.<locals>.validate"
