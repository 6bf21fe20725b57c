"""Record every public answer of a database, to compare two versions of the code.

Fetches the recap, the rankings of every cluster, several region results, the catalogue lists,
a sample of innovation profiles, portal pages and the downloads (XLSX as cell values, since the
file carries a timestamp), and writes them as JSON. Run it on the same database before and after
a change and compare the two files:

    export DATABASE_URL=sqlite:////tmp/demo.sqlite3
    .venv/bin/inovda migrate && .venv/bin/inovda demo load
    .venv/bin/python bench/public_answers.py /tmp/before.json
    # … change the code (and migrate) …
    .venv/bin/python bench/public_answers.py /tmp/after.json
    cmp /tmp/before.json /tmp/after.json
"""

import hashlib
import io
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inovda.settings")
os.environ["API_ANON_RATE"] = "100000/s"
os.environ["ALLOWED_HOSTS"] = "testserver"

import django

django.setup()

from django.test import Client  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from inovda.innovations.models import Innovation  # noqa: E402
from inovda.regions.clusters import Cluster  # noqa: E402

YEARS = (2019, 2020, 2026)
REGIONS = ("11", "36.04", "36.73", "91.01", "94.71", "31.71")


def answer(client: Client, url: str) -> list:
    response = client.get(url)
    if response.get("Content-Type", "").startswith("application/json"):
        return [response.status_code, response.json()]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if url.split("?")[0].endswith(".xlsx") and response.status_code == 200:
        sheet = load_workbook(io.BytesIO(body)).active
        body = repr([[cell.value for cell in row] for row in sheet.iter_rows()]).encode()
    return [response.status_code, hashlib.sha256(body).hexdigest(), len(body)]


def urls() -> list[str]:
    found = ["/api/v1/periods"]
    for year in YEARS:
        found.append(f"/api/v1/periods/{year}/recap")
        found += [f"/api/v1/periods/{year}/rankings?cluster={c}&limit=1000" for c in Cluster.values]
        found += [f"/api/v1/periods/{year}/regions/{code}" for code in REGIONS]
        found += [
            f"/api/v1/periods/{year}/innovations?limit=1000",
            f"/api/v1/periods/{year}/innovations?limit=1000&offset=5000",
            f"/api/v1/periods/{year}/innovations?urusan=1.02&tahapan=penerapan&limit=1000",
        ]
        found += [f"/periode/{year}/peringkat/?klaster={c}&page=2" for c in Cluster.values]
        found += [f"/katalog/?periode={year}&q={q}" for q in ("", "layanan", "sekolah digital")]
        found += [f"/periode/{year}/pemda/{code}/" for code in REGIONS[:3]]
        for name in ("peringkat.csv", "peringkat.xlsx", "katalog.csv", "katalog.xlsx"):
            found.append(f"/unduh/periode/{year}/{name}")
        found.append(f"/unduh/periode/{year}/peringkat.csv?klaster=tertinggal")
    for pk in Innovation.objects.order_by("pk").values_list("pk", flat=True)[::997]:
        found += [f"/api/v1/innovations/{pk}", f"/inovasi/{pk}/"]
    return found


def main(path: str) -> None:
    client = Client()
    found = {url: answer(client, url) for url in urls()}
    Path(path).write_text(json.dumps(found, indent=1, sort_keys=True, default=str))
    print(f"{len(found)} answers written to {path}")


if __name__ == "__main__":
    main(sys.argv[1])
