"""The urusan codes innovations are filed under; the table lives with the rules (the yandas
gate and the interchange check refer to it), this module keeps the app's import path."""

from inovda.rulebooks.urusan import URUSAN, YANDAS, urusan_label

__all__ = ["URUSAN", "YANDAS", "urusan_label"]
