"""The workspace: one folder, one SQLite database, shared by notebooks and the CLI.

Tables are written whole, inside one transaction, so a run interrupted at any
moment leaves the previous complete state readable. Caches are key/value rows
in the same database.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Sequence
from typing import Any, Iterator

import pandas as pd

from helpers.paths import resolve_workspace

DB_NAME = "dossier.sqlite"


class WorkspaceError(RuntimeError):
    """The workspace database cannot be read; the message says what to do. Nothing was changed."""


class Workspace:
    """A workspace folder holding ``dossier.sqlite`` and readable decision files."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path: Path = resolve_workspace(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.db_path = self.path / DB_NAME
        try:
            with self._connect() as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS cache (namespace TEXT, key TEXT, value BLOB, "
                    "PRIMARY KEY (namespace, key))"
                )
                conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        except sqlite3.DatabaseError as err:
            raise WorkspaceError(
                f"the workspace database {self.db_path} cannot be read (SQLite: {err}): it is left as it is; "
                "move it aside, or give another workspace folder, to start a new workspace"
            ) from err

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r})"

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.db_path, timeout=60)
        try:
            yield conn
        finally:
            conn.close()

    # Tables -----------------------------------------------------------------

    def write_table(self, name: str, frame: pd.DataFrame) -> None:
        """Replace table ``name`` with ``frame`` atomically."""
        self.write_tables({name: frame})

    def write_tables(self, tables: dict[str, pd.DataFrame], *, meta: dict[str, str] | None = None) -> None:
        """Replace several tables (and set ``meta`` values) in one transaction: all change, or none."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for name, frame in tables.items():
                    _check_name(name)
                    frame = frame.reset_index(drop=True)
                    columns = list(frame.columns)
                    conn.execute(f'DROP TABLE IF EXISTS "{name}"')
                    column_sql = ", ".join(f'"{c}"' for c in columns)
                    conn.execute(f'CREATE TABLE "{name}" ({column_sql})')
                    records = _records(frame)
                    if columns:
                        marks = ", ".join("?" for _ in columns)
                        conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', records)
                    conn.execute(
                        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                        (f"columns:{name}", json.dumps(columns)),
                    )
                    # SQLite stores booleans as 0/1: remember which columns were booleans.
                    booleans = [c for c in columns if pd.api.types.is_bool_dtype(frame[c])]
                    conn.execute(
                        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                        (f"booleans:{name}", json.dumps(booleans)),
                    )
                for key, value in (meta or {}).items():
                    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def get_meta(self, key: str) -> str | None:
        """A value stored with :meth:`write_tables` ``meta``, or None."""
        with self._connect() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    def has_table(self, name: str) -> bool:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
            ).fetchone()
        return row is not None

    def read_table(self, name: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Return table ``name``; a table never written is an error naming the step to run.

        ``columns`` reads only those of them the table has (the articles' ids
        without their texts, say), in the table's order.
        """
        _check_name(name)
        if not self.has_table(name):
            raise LookupError(
                f"The workspace {self.path} has no table {name!r} yet: run the step that "
                "writes it first (see the README's notebook list)."
            )
        with self._connect() as conn:
            select = "*"
            if columns is not None:
                stored = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
                wanted = set(columns)
                select = ", ".join(f'"{c}"' for c in stored if c in wanted) or "NULL AS _none"
            frame = _read_rows(conn.execute(f'SELECT {select} FROM "{name}"'))
        if select == "NULL AS _none":
            frame = frame.iloc[:, :0]
        for column in json.loads(self.get_meta(f"booleans:{name}") or "[]"):
            if column in frame:
                frame[column] = frame[column].astype(bool)
        return frame

    # Caches -----------------------------------------------------------------

    def get_cached(self, namespace: str, keys: list[str]) -> dict[str, bytes]:
        """Return the cached values among ``keys`` in ``namespace``."""
        found: dict[str, bytes] = {}
        with self._connect() as conn:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ", ".join("?" for _ in chunk)
                for key, value in conn.execute(
                    f"SELECT key, value FROM cache WHERE namespace=? AND key IN ({marks})",
                    (namespace, *chunk),
                ):
                    found[key] = value
        return found

    def put_cached(self, namespace: str, items: dict[str, bytes]) -> None:
        """Store ``items`` in ``namespace`` in one transaction."""
        if not items:
            return
        with self._connect() as conn:
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO cache VALUES (?, ?, ?)",
                    [(namespace, k, v) for k, v in items.items()],
                )

    # Readable files (curation decisions and the like) -------------------------

    def file(self, name: str) -> Path:
        """Path of a readable file kept in the workspace folder."""
        return self.path / name

    def write_text_atomic(self, name: str, text: str) -> Path:
        """Write a text file in the workspace so that readers never see half of it."""
        target = self.file(name)
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        return target


def _check_name(name: str) -> None:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"Invalid table name {name!r}")


#: Rows fetched from SQLite at a time when a table is read.
READ_CHUNK = 20_000


def _read_rows(cursor: sqlite3.Cursor) -> pd.DataFrame:
    """The rows of ``cursor`` as a frame, fetched :data:`READ_CHUNK` at a time, column by column.

    The frame ``pd.read_sql_query`` gives (each column's type inferred from
    all its values), except that a repeating text column (see
    :data:`SHARE_BELOW`) holds one string object per distinct value, shared
    as the rows arrive: SQLite hands back a new string for every row, and a
    table read whole before sharing held every copy at once.
    """
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchmany(max(READ_CHUNK, _SHARE_SAMPLE))  # the sample that decides what is shared
    if not rows:
        return pd.DataFrame.from_records([], columns=names, coerce_float=True)
    sample = list(zip(*rows[:_SHARE_SAMPLE]))
    shared = [{} if len(rows) > 1 and _repeats(values) else None for values in sample]
    columns: list[list] = [[] for _ in names]
    while rows:
        for values, into, first in zip(zip(*rows), columns, shared):
            if first is None:
                into.extend(values)
            else:
                into.extend([first.setdefault(v, v) if isinstance(v, str) else v for v in values])
        rows = cursor.fetchmany(READ_CHUNK)
    data = {}
    for i in range(len(columns)):
        data[i] = pd.Series(columns[i])
        columns[i] = []  # each list goes as soon as its column is built
    frame = pd.DataFrame(data)
    frame.columns = names
    return frame


def _repeats(values: tuple) -> bool:
    """Whether a text column whose first values are ``values`` repeats enough to share its strings."""
    return any(isinstance(v, str) for v in values) and len(set(values)) <= SHARE_BELOW * len(values)


#: A text column whose first values repeat this much (distinct / values) or more is read with one
#: string object per distinct value: SQLite gives a new one for every row, so the article ids,
#: labels and entity ids of a table of mentions took more memory than their texts.
SHARE_BELOW = 0.5
_SHARE_SAMPLE = 1000


#: Rows converted to Python values at a time when a table is written: converting a whole table
#: of mentions at once held every one of its values as a Python object besides the table.
RECORD_CHUNK = 20_000


def _records(frame: pd.DataFrame) -> Iterator[tuple]:
    """Rows of ``frame`` as tuples of SQLite-ready Python values (None for missing), chunk by chunk."""
    for start in range(0, len(frame), RECORD_CHUNK):
        part = frame.iloc[start:start + RECORD_CHUNK]
        columns = []
        for name in part.columns:
            series = part[name]
            values = series.astype(object).where(series.notna(), None).tolist()
            if series.dtype == object:
                values = [_to_sql_value(v) for v in values]
            elif isinstance(series.dtype, pd.StringDtype):
                values = [_unshared_text(v) if v is not None else None for v in values]
            columns.append(values)
        yield from zip(*columns)


#: A text this long or longer that is not ASCII is bound as a copy of itself (see :func:`_to_sql_value`).
COPY_TEXT_FROM = 256


def _unshared_text(value: str) -> str:
    """``value``, or a copy of it when long and not ASCII: what is bound to SQLite.

    SQLite takes text as UTF-8, and Python keeps the UTF-8 form it makes inside
    a string for the string's life: bound as themselves, the article texts a
    caller keeps after writing them were held twice.
    """
    if len(value) >= COPY_TEXT_FROM and not value.isascii():
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")
    return value


def _to_sql_value(value: Any) -> Any:
    if value is None:
        return None
    if type(value) is str:
        return _unshared_text(value)
    if isinstance(value, float) and value != value:  # NaN
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value
