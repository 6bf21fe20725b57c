"""A folder of yearly rules files (``<folder>/<year>.json``): the rulebooks and the award books
are both shipped this way. Pure Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class FileProblems(Exception):
    """A rules file that cannot be used; ``problems`` holds one line per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class YearFiles:
    """``error`` is raised with one message: ``missing`` (``{year}``, ``{years}``) for a year
    the folder lacks, ``unreadable`` (``{path}``, ``{reason}``) for a file that cannot be read."""

    folder: Path
    error: type[FileProblems]
    missing: str
    unreadable: str

    def years(self) -> list[int]:
        return sorted(int(p.stem) for p in self.folder.glob("*.json") if p.stem.isdigit())

    def cache_key(self, year_or_path: int | str | Path) -> tuple[str, int, int]:
        """(resolved path, mtime in ns, size) of a shipped year (int or digit string) or of any
        path: the key a loader caches on, so a file edited while the process runs is read
        again."""
        if isinstance(year_or_path, int) or (
            isinstance(year_or_path, str) and year_or_path.isdigit()
        ):
            path = self.folder / f"{int(year_or_path)}.json"
            if not path.is_file():
                years = ", ".join(map(str, self.years()))
                raise self.error([self.missing.format(year=year_or_path, years=years)])
        else:
            path = Path(year_or_path)
        try:
            stat = path.stat()
        except OSError as exc:
            raise self.error([self.unreadable.format(path=path, reason=exc.strerror)]) from None
        return str(path.resolve()), stat.st_mtime_ns, stat.st_size
