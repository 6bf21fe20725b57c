"""Build engine inputs that reach given SPD and SID totals under the 2023+ weights."""

from inovda.scoring.engine import Answer, InnovationInput, RegionInput

SPD_IDS = "1 2a 2b 3 4 5a 5b 6 7 8 9 10a 10b 11a 11b 12 13a 13b 14 15".split()  # noqa: SIM905
SID_IDS = [str(i) for i in range(16, 36)]
YANDAS = ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06"]

# Levels that give exact totals with the weights of the 2023–2026 rulebooks.
SPD_TOTALS = {
    40: {**dict.fromkeys(SPD_IDS, 2), "12": 1},  # 42 − 2
    63: dict.fromkeys(SPD_IDS, 3),
}
SID_TOTALS = {
    70: {**dict.fromkeys(SID_IDS, 2), "35": 1},  # 74 − 4
    80: {**dict.fromkeys(SID_IDS, 2), "16": 3, "31": 3},  # 74 + 6
    111: dict.fromkeys(SID_IDS, 3),
}


def answers(levels):
    return {k: Answer(v, ref=f"decision:{k}") for k, v in levels.items()}


def region(spd_total, innovations, sid_total, yandas=6, code="36.04"):
    urusan = YANDAS[:yandas]
    return RegionInput(
        code=code,
        spd=answers(SPD_TOTALS[spd_total]),
        innovations=tuple(
            InnovationInput(
                name=f"Inovasi {n}",
                key=str(n),
                urusan=(urusan[n % len(urusan)],) if n < len(urusan) else (urusan[0],),
                levels=answers(SID_TOTALS[sid_total]),
            )
            for n in range(innovations)
        ),
    )
