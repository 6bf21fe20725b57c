"""Open data of the award: only a signed revision is visible, read from its frozen snapshot."""

from ninja import Router, Schema
from ninja.errors import HttpError

from inovda.awards.plenary import signed_revision
from inovda.results.api import ERRORS

router = Router(tags=["penghargaan"])


class AwardRow(Schema):
    rank: int
    code: str
    name: str
    index: str
    presentation: str | None
    field: str | None
    final: str
    winner: bool
    tie_note: str


class AwardCluster(Schema):
    cluster: str
    nominees: list[AwardRow]
    winners: list[AwardRow]


class AwardOut(Schema):
    year: int
    revision: int
    book_year: int
    weights: dict[str, str]
    assumption: str
    clusters: list[AwardCluster]


@router.get("/periods/{year}/awards", response={200: AwardOut, **ERRORS})
def award(request, year: int):
    revision = signed_revision(year)
    if revision is None:
        raise HttpError(404, f"Penghargaan {year} tidak ada atau belum ditetapkan pleno.")
    snap = revision.snapshot
    return {
        "year": year,
        "revision": revision.number,
        "book_year": snap["book"]["year"],
        "weights": snap["book"]["weights"],
        "assumption": snap["book"]["assumption"],
        "clusters": [
            {
                "cluster": c["cluster"],
                "nominees": c["rows"],
                "winners": [r for r in c["rows"] if r["winner"]],
            }
            for c in snap["clusters"]
        ],
    }
