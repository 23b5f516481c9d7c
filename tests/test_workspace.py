"""The workspace (helpers.workspace): one SQLite file, whole-table transactional writes, caches."""

from __future__ import annotations

import math
import sqlite3
import subprocess
import sys
import textwrap

from pathlib import Path

import pandas as pd
import pytest

import helpers.workspace as workspace_module
from helpers.paths import WORKSPACE_ENV
from helpers.workspace import DB_NAME, Workspace

OLD_ARTICLES = pd.DataFrame(
    {"article_id": ["a1", "a2"], "title": ["Première", "Second"], "n_chars": [10, 20]}
)
OLD_SKIPPED = pd.DataFrame({"path": ["bad.txt"], "reason": ["empty file"]})
NEW_ARTICLES = pd.DataFrame(
    {"article_id": ["b1", "b2", "b3"], "title": ["New 1", "New 2", "New 3"], "n_chars": [1, 2, 3]}
)


@pytest.fixture
def filled(tmp_workspace):
    """A workspace holding a complete previous state: ``articles`` and ``skipped``."""
    tmp_workspace.write_tables({"articles": OLD_ARTICLES, "skipped": OLD_SKIPPED})
    return tmp_workspace


def assert_previous_state(workspace: Workspace) -> None:
    pd.testing.assert_frame_equal(workspace.read_table("articles"), OLD_ARTICLES)
    pd.testing.assert_frame_equal(workspace.read_table("skipped"), OLD_SKIPPED)


def test_workspace_keeps_sqlite_in_its_folder(tmp_path):
    ws = Workspace(tmp_path / "nested" / "ws")
    assert ws.path == (tmp_path / "nested" / "ws").resolve()
    assert ws.db_path == ws.path / DB_NAME
    assert ws.db_path.is_file()
    with sqlite3.connect(ws.db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_workspace_follows_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(WORKSPACE_ENV, str(tmp_path / "from_env"))
    assert Workspace().path == (tmp_path / "from_env").resolve()
    assert Workspace(tmp_path / "explicit").path == (tmp_path / "explicit").resolve()


def make_kit_copy(base: Path) -> Path:
    """A second copy of the kit (its own notebooks/ folder), as a reporter makes one per investigation."""
    import shutil

    from helpers.paths import NOTEBOOKS

    shutil.copytree(NOTEBOOKS, base / "notebooks")
    return base


@pytest.mark.parametrize("where", ["notebooks", ".", "notebooks/sub"])
def test_default_workspace_is_the_one_of_the_copy_run_from(tmp_path, monkeypatch, where):
    from helpers.paths import PROJECT_ROOT, find_project

    kit = make_kit_copy(tmp_path / "investigation-b")
    folder = kit / where
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.delenv(WORKSPACE_ENV, raising=False)
    monkeypatch.chdir(folder)
    assert find_project() == kit.resolve()
    ws = Workspace()
    assert ws.path == (kit / "workspace").resolve() != (PROJECT_ROOT / "workspace").resolve()
    assert (kit / "workspace" / DB_NAME).is_file()


def test_default_workspace_outside_any_kit_is_beside_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(WORKSPACE_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert Workspace().path == (tmp_path / "workspace").resolve()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["plain", "accents é’€", "emoji 🙂", ""], ["plain", "accents é’€", "emoji 🙂", ""]),
        ([1, 2, 3, 4], [1, 2, 3, 4]),
        ([1.5, 2.25, -3.0, 0.0], [1.5, 2.25, -3.0, 0.0]),
        (["x", None, "y", None], ["x", None, "y", None]),
        ([1.0, float("nan"), 3.0, float("nan")], [1.0, None, 3.0, None]),
        ([["a", "b"], [], {"k": "é"}, ("t",)], ['["a", "b"]', "[]", '{"k": "é"}', '["t"]']),
    ],
)
def test_write_table_round_trips_values(tmp_workspace, values, expected):
    tmp_workspace.write_table("values", pd.DataFrame({"v": values}))
    got = tmp_workspace.read_table("values")["v"].tolist()
    assert [None if isinstance(g, float) and math.isnan(g) else g for g in got] == expected


def test_write_table_replaces_the_whole_table(filled):
    filled.write_table("articles", NEW_ARTICLES)
    pd.testing.assert_frame_equal(filled.read_table("articles"), NEW_ARTICLES)
    pd.testing.assert_frame_equal(filled.read_table("skipped"), OLD_SKIPPED)


def test_write_table_keeps_columns_of_an_empty_frame(tmp_workspace):
    tmp_workspace.write_table("skipped", pd.DataFrame(columns=["path", "reason"]))
    frame = tmp_workspace.read_table("skipped")
    assert list(frame.columns) == ["path", "reason"] and frame.empty


class Interrupted(KeyboardInterrupt):
    """Stands for Ctrl-C arriving in the middle of a write."""


def _failing_records(after: int, error: BaseException):
    """Stand-in for ``_records`` that raises ``error`` after ``after`` rows, across tables."""
    calls = {"n": 0}
    real = workspace_module._records

    def rows(frame):
        for row in real(frame):
            calls["n"] += 1
            if calls["n"] > after:
                raise error
            yield row

    return rows


@pytest.mark.parametrize(
    ("tables", "patch", "error"),
    [
        # The second table has an invalid name: the first was already replaced inside the transaction.
        ({"articles": NEW_ARTICLES, "bad name;": OLD_SKIPPED}, None, ValueError),
        # A value SQLite cannot store, in the second table.
        ({"articles": NEW_ARTICLES, "skipped": pd.DataFrame({"path": [object()], "reason": ["x"]})},
         None, sqlite3.Error),
        # Ctrl-C after the first row of the first table (3 rows).
        ({"articles": NEW_ARTICLES, "skipped": OLD_SKIPPED}, 1, Interrupted),
        # A failure while writing the second table, the first one (3 rows) written.
        ({"articles": NEW_ARTICLES, "skipped": OLD_SKIPPED}, 3, OSError),
    ],
    ids=["invalid-name", "unstorable-value", "interrupted", "error-in-second-table"],
)
def test_write_tables_failure_keeps_previous_tables(filled, monkeypatch, tables, patch, error):
    if patch is not None:
        monkeypatch.setattr(workspace_module, "_records", _failing_records(patch, error()))
    with pytest.raises(error):
        filled.write_tables(tables)
    monkeypatch.undo()
    assert_previous_state(filled)
    # The workspace is still writable afterwards.
    filled.write_tables({"articles": NEW_ARTICLES})
    pd.testing.assert_frame_equal(filled.read_table("articles"), NEW_ARTICLES)


def test_write_tables_new_table_not_created_on_failure(filled, monkeypatch):
    monkeypatch.setattr(workspace_module, "_records", _failing_records(1, Interrupted()))
    with pytest.raises(Interrupted):
        filled.write_tables({"brand_new": NEW_ARTICLES})
    monkeypatch.undo()
    assert not filled.has_table("brand_new")


def test_write_tables_reader_sees_previous_state_during_write(filled, monkeypatch):
    seen: list[pd.DataFrame] = []
    real = workspace_module._records
    reader = Workspace(filled.path)

    def rows(frame):
        for row in real(frame):
            if not seen:
                seen.append(reader.read_table("articles"))
            yield row

    monkeypatch.setattr(workspace_module, "_records", rows)
    filled.write_tables({"articles": NEW_ARTICLES})
    pd.testing.assert_frame_equal(seen[0], OLD_ARTICLES)
    pd.testing.assert_frame_equal(reader.read_table("articles"), NEW_ARTICLES)


@pytest.mark.parametrize("kill_after", [0, 2, 4])
def test_write_tables_killed_process_keeps_previous_tables(filled, kill_after):
    """A process that dies mid-write (no cleanup at all) leaves the previous state readable."""
    script = textwrap.dedent(
        f"""
        import os
        import pandas as pd
        import helpers.workspace as w

        real = w._records
        calls = [0]

        def rows(frame):
            for row in real(frame):
                calls[0] += 1
                if calls[0] > {kill_after}:
                    os._exit(9)
                yield row

        w._records = rows
        ws = w.Workspace({str(filled.path)!r})
        new = pd.DataFrame({{"article_id": ["b1", "b2", "b3"], "title": ["1", "2", "3"], "n_chars": [1, 2, 3]}})
        ws.write_tables({{"articles": new, "skipped": new}})
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    assert_previous_state(Workspace(filled.path))


def test_read_table_missing_names_the_table(tmp_workspace):
    with pytest.raises(LookupError, match="no table 'mentions'"):
        tmp_workspace.read_table("mentions")
    assert not tmp_workspace.has_table("mentions")


@pytest.mark.parametrize("name", ["", "two words", "x;drop table cache", 'q"uote', "a-b", "../escape"])
def test_table_names_are_checked(tmp_workspace, name):
    with pytest.raises(ValueError, match="Invalid table name"):
        tmp_workspace.write_table(name, OLD_SKIPPED)
    with pytest.raises(ValueError, match="Invalid table name"):
        tmp_workspace.read_table(name)


def test_cache_round_trip(tmp_workspace):
    tmp_workspace.put_cached("spacy", {"k1": b"one", "k2": b"\x00\xff binary"})
    tmp_workspace.put_cached("other", {"k1": b"elsewhere"})
    assert tmp_workspace.get_cached("spacy", ["k1", "k2", "missing"]) == {"k1": b"one", "k2": b"\x00\xff binary"}
    assert tmp_workspace.get_cached("other", ["k1", "k2"]) == {"k1": b"elsewhere"}
    tmp_workspace.put_cached("spacy", {"k1": b"replaced"})
    assert tmp_workspace.get_cached("spacy", ["k1"]) == {"k1": b"replaced"}


def test_cache_handles_more_keys_than_one_query(tmp_workspace):
    items = {f"key{i}": str(i).encode() for i in range(1234)}
    tmp_workspace.put_cached("many", items)
    assert tmp_workspace.get_cached("many", [*items, "absent"]) == items


def test_cache_survives_reopening(tmp_workspace):
    tmp_workspace.put_cached("spacy", {"k": b"v"})
    tmp_workspace.write_table("articles", OLD_ARTICLES)
    again = Workspace(tmp_workspace.path)
    assert again.get_cached("spacy", ["k"]) == {"k": b"v"}
    pd.testing.assert_frame_equal(again.read_table("articles"), OLD_ARTICLES)


def test_write_text_atomic_replaces_whole_file(tmp_workspace):
    target = tmp_workspace.write_text_atomic("curation.csv", "old\n")
    tmp_workspace.write_text_atomic("curation.csv", "new, é\n")
    assert target == tmp_workspace.path / "curation.csv"
    assert target.read_text(encoding="utf-8") == "new, é\n"
    assert [p.name for p in tmp_workspace.path.glob("curation.csv*")] == ["curation.csv"]


def test_a_table_larger_than_a_record_chunk_round_trips_in_order(tmp_workspace, monkeypatch):
    monkeypatch.setattr(workspace_module, "RECORD_CHUNK", 7)
    frame = pd.DataFrame({"n": list(range(50)), "text": [f"t{i}" if i % 9 else None for i in range(50)],
                          "flag": [i % 2 == 0 for i in range(50)], "x": [i / 3 for i in range(50)]})
    tmp_workspace.write_table("big", frame)
    pd.testing.assert_frame_equal(tmp_workspace.read_table("big"), frame)


def test_read_table_reads_only_the_columns_asked_for_that_it_has(filled):
    frame = filled.read_table("articles", ["n_chars", "article_id", "absent"])
    assert list(frame.columns) == ["article_id", "n_chars"]  # the table's order
    pd.testing.assert_frame_equal(frame, OLD_ARTICLES[["article_id", "n_chars"]])
    assert filled.read_table("articles", ["absent"]).shape == (2, 0)


def test_repeated_strings_are_read_as_one_object_each_with_the_same_table(tmp_workspace, monkeypatch):
    frame = pd.DataFrame({"label": ["PER", "ORG", "PER", "LOC"] * 50, "text": [f"name {i}" for i in range(200)],
                          "n": range(200)})
    tmp_workspace.write_table("mentions", frame)
    shared = tmp_workspace.read_table("mentions")
    assert len({id(v) for v in shared["label"].to_numpy(dtype=object)}) == 3  # one string object per label
    assert len({id(v) for v in shared["text"].to_numpy(dtype=object)}) == 200  # all distinct: left as read
    monkeypatch.setattr(workspace_module, "SHARE_BELOW", -1)
    plain = tmp_workspace.read_table("mentions")
    assert len({id(v) for v in plain["label"].to_numpy(dtype=object)}) == 200
    pd.testing.assert_frame_equal(shared, plain)
    pd.testing.assert_frame_equal(shared.astype({"label": object, "text": object}),
                                  frame.astype({"label": object, "text": object}), check_dtype=False)


def test_tables_read_in_chunks_equal_the_whole_read_and_share_strings_across_chunks(tmp_workspace, monkeypatch):
    n = 57
    frame = pd.DataFrame({
        "label": ["PER", "ORG", None, "LOC"] * 14 + ["PER"],
        "text": [f"name {i}" for i in range(n)],
        "n": range(n),
        "maybe": [None if i % 5 == 0 else i for i in range(n)],  # ints with gaps: floats with NaN
        "late": [None] * 40 + [i * 0.5 for i in range(17)],  # missing in the first chunks only
        "empty": [None] * n,
        "flag": [i % 2 == 0 for i in range(n)],
    })
    tmp_workspace.write_table("mentions", frame)
    monkeypatch.setattr(workspace_module, "READ_CHUNK", 4)
    monkeypatch.setattr(workspace_module, "_SHARE_SAMPLE", 8)  # decided on the first 8 rows, read 4 at a time
    got = tmp_workspace.read_table("mentions")
    with sqlite3.connect(tmp_workspace.db_path) as conn:
        whole = pd.read_sql_query('SELECT * FROM "mentions"', conn)
    whole["flag"] = whole["flag"].astype(bool)
    pd.testing.assert_frame_equal(got, whole)
    assert len({id(v) for v in got["label"].dropna().to_numpy(dtype=object)}) == 3  # across every chunk
    assert got["maybe"].dtype == float and got["late"].isna().sum() == 40
    monkeypatch.setattr(workspace_module, "READ_CHUNK", 1)
    pd.testing.assert_frame_equal(tmp_workspace.read_table("mentions"), whole)
    tmp_workspace.write_table("nothing", frame.iloc[:0])
    with sqlite3.connect(tmp_workspace.db_path) as conn:
        nothing = pd.read_sql_query('SELECT * FROM "nothing"', conn)
    pd.testing.assert_frame_equal(tmp_workspace.read_table("nothing"), nothing.astype({"flag": bool}))


def test_writing_long_texts_leaves_no_utf8_copy_inside_the_callers_strings(tmp_workspace):
    """SQLite is handed UTF-8; Python would keep that form inside each string the caller holds on to."""
    import tracemalloc

    texts = [("Le parquet a saisi 10 000 € à Paris. " * 40) + str(i) for i in range(300)]
    frame = pd.DataFrame({"text": pd.array(texts, dtype="string"), "same": pd.Series(texts, dtype=object),
                          "short": ["é"] * 300})
    tracemalloc.start()
    try:
        tmp_workspace.write_table("articles", frame)
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held < sum(map(len, texts)) / 10  # a UTF-8 copy of each would be more than the texts' length
    assert tmp_workspace.read_table("articles")["same"].tolist() == texts
