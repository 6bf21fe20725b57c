"""Hooks a higher floor listens to, so verification never imports it."""

from django.dispatch import Signal

# Sent inside the transaction that changed verified levels after a period's review was done
# (an accepted objection), with ``period``; the results floor recomputes on it.
levels_changed = Signal()
