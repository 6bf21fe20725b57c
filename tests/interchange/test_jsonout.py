"""write_json writes exactly the text of format.dumps, a piece at a time."""

import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inovda.interchange import jsonout
from inovda.interchange.format import dumps
from inovda.interchange.jsonout import write_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.decimals(allow_nan=False, allow_infinity=False, places=2)
    | st.sampled_from([Decimal("1E+1"), Decimal("NaN"), Decimal("-0.00"), Decimal("40.00")])
)
KEYS = st.text(max_size=4) | st.sampled_from(["a%s", "%", "level", "points"])
VALUES = st.recursive(
    SCALARS,
    lambda kids: (
        st.lists(kids, max_size=4) | st.tuples(kids, kids) | st.dictionaries(KEYS, kids, max_size=4)
    ),
    max_leaves=25,
)


def written(obj, **kwargs):
    out = io.StringIO()
    write_json(obj, out.write, **kwargs)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_it_writes_what_dumps_writes(value):
    assert written(value) == dumps(value)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.dictionaries(KEYS, SCALARS, max_size=4), max_size=5))
def test_flat_dicts_of_one_shape_reuse_a_template_and_stay_exact(rows):
    shaped = [{"level": 1, "points": Decimal("2.00"), **row} for row in rows]
    assert written({"x": shaped}) == dumps({"x": shaped})
    assert written([{"n": 1}, {"n": [1]}, {"n": 2}]) == dumps([{"n": 1}, {"n": [1]}, {"n": 2}])


def test_an_iterator_is_written_as_a_list_made_as_it_is_written(monkeypatch):
    monkeypatch.setattr(jsonout, "FLUSH_PIECES", 1)
    pieces: list[str] = []
    made: list[int] = []

    def regions():
        for n in range(3):
            made.append(n)
            # Everything before this item is already written when it is made.
            assert "".join(pieces).count('"n"') == n
            yield {"n": n, "rows": [{"a": Decimal("1.50")}]}

    write_json({"regions": regions(), "empty": iter(())}, pieces.append)
    assert made == [0, 1, 2]
    expected = {"regions": [{"n": n, "rows": [{"a": Decimal("1.50")}]} for n in range(3)]}
    assert "".join(pieces) == dumps({**expected, "empty": []})


def test_what_json_cannot_write_is_refused():
    with pytest.raises(TypeError):
        written({"a": object()})
    with pytest.raises(TypeError):
        written({Decimal(1): 1})
