"""Inter-rater agreement of two verifiers on the same indicators (Cohen's kappa). Pure Python.

kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of pairs on which both raters gave the
same level and p_e the agreement expected by chance from each rater's own level frequencies.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    pairs: int
    observed: float | None  # p_o, share of identical levels
    kappa: float | None  # None when undefined: no pairs, or chance agreement is already 1


def cohen_kappa(pairs: Iterable[tuple[int, int]]) -> Agreement:
    """Agreement between a first and a second rating of the same items.

    Undefined cases answer ``kappa=None`` instead of a made-up number: no pairs at all, or both
    raters always using one and the same level (p_e = 1, so the formula divides by zero).
    """
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return Agreement(0, None, None)
    observed = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1:
        return Agreement(n, observed, None)
    return Agreement(n, observed, (observed - expected) / (1 - expected))
