"""Cohen's kappa, as a table of known cases."""

import pytest

from inovda.verification.kappa import cohen_kappa

WIKIPEDIA = [(1, 1)] * 20 + [(1, 0)] * 5 + [(0, 1)] * 10 + [(0, 0)] * 15

CASES = [
    # pairs, n, observed agreement, kappa
    ([], 0, None, None),
    ([(0, 0), (1, 1), (2, 2), (3, 3)], 4, 1.0, 1.0),
    ([(3, 3)] * 5, 5, 1.0, None),  # one level only: chance agreement is 1, kappa undefined
    ([(0, 1), (1, 0)], 2, 0.0, -1.0),
    ([(1, 1), (1, 2)], 2, 0.5, 0.0),
    (WIKIPEDIA, 50, 0.7, 0.4),  # the textbook example: p_o 0.7, p_e 0.5
    # p_o 5/6; p_e (3·2 + 1·2 + 1·1 + 1·1)/36 = 10/36; kappa (5/6 − 10/36)/(1 − 10/36) = 10/13
    ([(3, 3), (3, 2), (2, 2), (1, 1), (0, 0), (3, 3)], 6, 5 / 6, 10 / 13),
]


@pytest.mark.parametrize(("pairs", "n", "observed", "kappa"), CASES)
def test_it_computes_cohens_kappa(pairs, n, observed, kappa):
    result = cohen_kappa(pairs)
    assert result.pairs == n
    assert result.observed == (pytest.approx(observed) if observed is not None else None)
    assert result.kappa == (pytest.approx(kappa) if kappa is not None else None)


def test_it_accepts_any_iterable():
    assert cohen_kappa(iter([(2, 2), (1, 2)])).pairs == 2
