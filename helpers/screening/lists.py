"""Read sanctions lists as published: OFAC SDN CSV, OpenSanctions exports, a user's own CSV.

Every reader returns a :class:`SanctionsList`: its entries as FollowTheMoney
entities ready for matching, the list's name and date, and the rows it had to
skip with their file, line and reason. A file that cannot be a list at all
raises :class:`ListError` naming the file (and line); a list that ends up with
no entry is an error too, never a silently empty list.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from followthemoney import EntityProxy, model
from followthemoney.exc import InvalidData

from helpers.screening.formats import (
    FTM_JSON,
    OFAC,
    OPENSANCTIONS_CSV,
    USER_CSV,
    detect_format,
)

log = logging.getLogger(__name__)

#: Schemata an entry may have to be screened: people, and organisations of every kind.
PERSON_SCHEMATA = frozenset({"Person"})
ORG_SCHEMATA = frozenset({"Organization", "Company", "LegalEntity", "PublicBody", "Vessel"})
MATCHABLE = PERSON_SCHEMATA | ORG_SCHEMATA
#: What a user CSV may write in its ``schema``/``type`` column.
USER_TYPES = {
    "per": "Person", "person": "Person", "individual": "Person", "personne": "Person",
    "org": "Organization", "organization": "Organization", "organisation": "Organization",
    "entity": "Organization", "company": "Company", "société": "Company", "societe": "Company",
    "legalentity": "LegalEntity", "vessel": "Vessel", "navire": "Vessel", "publicbody": "PublicBody",
}
OFAC_TYPES = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
OFAC_NULL = "-0-"
_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


class ListError(ValueError):
    """A list file that cannot be read; the message names the file and, when known, the line."""


@dataclass
class ListEntry:
    """One entry of a list: its own id, names, programs, remarks, and the entity matched against."""

    entry_id: str
    schema: str
    name: str
    aliases: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    remarks: str = ""
    countries: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    weak_aliases: list[str] = field(default_factory=list)
    family_names: list[str] = field(default_factory=list)

    def surnames(self) -> list[str]:
        """Family names of a person entry: as the list gives them (OFAC ``LAST, First``), else each name's last word."""
        if self.family_names:
            return self.family_names
        return sorted({n.split()[-1] for n in [self.name, *self.aliases] if n.split()})

    def entity(self, list_key: str) -> EntityProxy:
        """The entry as a FollowTheMoney entity (id prefixed by the list, so lists never collide)."""
        proxy = model.make_entity(self.schema)
        proxy.id = f"{list_key}-{self.entry_id}"
        proxy.add("name", self.name, cleaned=False)
        proxy.add("alias", self.aliases, cleaned=False)
        if proxy.schema.get("weakAlias"):
            proxy.add("weakAlias", self.weak_aliases)
        proxy.add("country", self.countries, quiet=True)
        if self.birth_dates and proxy.schema.get("birthDate"):
            proxy.add("birthDate", self.birth_dates, quiet=True)
        return proxy


@dataclass
class SanctionsList:
    """A list read from disk: entries, where it came from, what was skipped."""

    name: str
    date: str
    source: str
    format: str
    entries: list[ListEntry] = field(default_factory=list)
    skipped: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The list's name and date, as every result shows it."""
        return f"{self.name} ({self.date})" if self.date else self.name

    @property
    def key(self) -> str:
        """A short id prefix for the list's entities."""
        return re.sub(r"[^a-z0-9]+", "-", self.label.lower()).strip("-")

    def skip(self, path: str | Path, line: int, reason: str) -> None:
        log.warning("%s line %s skipped: %s", path, line, reason)
        self.skipped.append((str(path), line, reason))

    def summary(self) -> str:
        lines = [f"{self.label}: {len(self.entries)} entries from {self.source}"]
        if self.skipped:
            lines[0] += f"; {len(self.skipped)} rows skipped"
            lines += [f"  skipped {Path(p).name} line {n}: {r}" for p, n, r in self.skipped[:10]]
            if len(self.skipped) > 10:
                lines.append(f"  ... and {len(self.skipped) - 10} more")
        return "\n".join(lines)


# Public API ---------------------------------------------------------------------


def read_list(path: str | Path, *, name: str | None = None, list_date: str | None = None) -> SanctionsList:
    """Read one list file or folder, its format detected.

    Args:
        path: an OFAC folder (``sdn.csv`` + ``alt.csv`` ...), ``sdn.csv`` itself,
            an OpenSanctions ``targets.simple.csv`` or FtM JSON lines file, or a user CSV.
        name: the list's name to show (default from the format).
        list_date: the list's publication date (default from the folder or file name,
            else the file's modification date).

    Raises:
        ListError: the path is not a list in a known format, or it holds no usable entry.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise ListError(f"{path}: no such file or folder")
    if path.is_file() and path.name.lower() == "sdn.csv":
        path = path.parent
    kind = detect_format(path)
    if kind is None:
        raise ListError(
            f"{path}: not a sanctions list in a known format (an OFAC folder with sdn.csv, an "
            "OpenSanctions targets.simple.csv or FtM JSON lines file, or a CSV with a 'name' column "
            "and aliases/schema/country/note)"
        )
    reader = {OFAC: _read_ofac, OPENSANCTIONS_CSV: _read_opensanctions_csv,
              FTM_JSON: _read_ftm_json, USER_CSV: _read_user_csv}[kind]
    default_name = {OFAC: "OFAC SDN", OPENSANCTIONS_CSV: "OpenSanctions", FTM_JSON: "FtM entities",
                    USER_CSV: path.stem}[kind]
    result = SanctionsList(name=name or default_name, date=list_date or _list_date(path),
                           source=str(path), format=kind)
    reader(path, result)
    if not result.entries:
        reasons = "; ".join(f"line {n}: {r}" for _p, n, r in result.skipped[:3])
        raise ListError(f"{path}: no usable entry in this list" + (f" ({reasons})" if reasons else ""))
    return result


def list_files(paths: Iterable[str | Path]) -> list[Path]:
    """The list files and OFAC folders named by ``paths``; a folder that is not an OFAC folder is walked.

    Raises:
        ListError: a path is missing, or is neither a list nor a folder holding one.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            raise ListError(f"{path}: no such file or folder")
        if path.is_dir() and detect_format(path) is None:
            inside = [p for p in sorted(path.rglob("*")) if p.is_file() and detect_format(p)
                      and p.name.lower() not in ("alt.csv", "add.csv", "sdn_comments.csv")]
            if not inside:
                raise ListError(f"{path}: no sanctions-list file in this folder")
            found.extend(inside)
        elif detect_format(path) is None:
            raise ListError(f"{path}: not a sanctions list in a known format (an OFAC folder with sdn.csv, "
                            "an OpenSanctions targets.simple.csv or FtM JSON lines file, or a CSV with a "
                            "'name' column and aliases/schema/country/note)")
        else:
            found.append(path)
    return found


def read_lists(paths: Iterable[str | Path]) -> list[SanctionsList]:
    """Read several lists; see :func:`list_files` and :func:`read_list`."""
    return [read_list(path) for path in list_files(paths)]


# Decoding and dates -------------------------------------------------------------


def _decode(path: Path) -> str:
    """A list file's text: UTF-8 (with or without BOM), else Windows-1252; NUL bytes are an error."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ListError(f"{path}: cannot read file: {err.strerror or err}") from err
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ListError(f"{path} line {line}: NUL byte: a binary file or a text encoding other than UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        log.warning("%s line %s is not UTF-8; reading the file as Windows-1252", path, line)
        return data.decode("cp1252", errors="replace")


def _list_date(path: Path) -> str:
    found = _DATE_IN_NAME.search(path.name) or _DATE_IN_NAME.search(path.parent.name)
    if found:
        return found.group(1)
    stamp = path.stat().st_mtime
    return datetime.fromtimestamp(stamp, tz=timezone.utc).date().isoformat()


def _split(value: str | None, sep: str = ";") -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


# OFAC SDN -----------------------------------------------------------------------

SDN_COLUMNS = 12
ALT_COLUMNS = 5
ADD_COLUMNS = 6
COMMENT_COLUMNS = 2
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_DOB = re.compile(r"\bDOB (?:circa |between )?((?:\d{1,2} )?(?:[A-Z][a-z]{2} )?\d{4})")
_NATIONALITY = re.compile(r"\b(?:nationality|citizen) ([A-Z][A-Za-z .'-]+?)(?:;|\.$|$)")
_WEAK_ALIAS = re.compile(r"a\.k\.a\. '([^']+)'")


def _ofac_rows(path: Path, width: int, result: SanctionsList) -> Iterator[tuple[int, list[str | None]]]:
    """Rows of one OFAC file with ``-0-`` as None; rows of the wrong width are skipped with their line."""
    text = _decode(path).rstrip("\x1a\r\n ")
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\x1a")
        if not line.strip():
            continue
        try:
            row = next(csv.reader([line], strict=True))
        except csv.Error as err:
            result.skip(path, number, f"malformed CSV ({err}); a truncated line?")
            continue
        if len(row) != width:
            result.skip(path, number, f"{len(row)} columns where {path.name} has {width}; a truncated line?")
            continue
        if not row[0].strip().isdigit():
            result.skip(path, number, f"ent_num {row[0]!r} is not a number")
            continue
        yield number, [None if v.strip() == OFAC_NULL else v.strip() for v in row]


def ofac_person_name(name: str) -> str:
    """``LAST, First Middle`` as ``First Middle LAST``, the order articles write it in."""
    if "," in name:
        last, first = name.split(",", 1)
        if first.strip():
            return f"{first.strip()} {last.strip()}"
    return name


def _ofac_date(text: str) -> str | None:
    parts = text.split()
    if len(parts) == 3 and parts[1].lower()[:3] in _MONTHS:
        return f"{parts[2]}-{_MONTHS[parts[1].lower()[:3]]:02d}-{int(parts[0]):02d}"
    if len(parts) == 2 and parts[0].lower()[:3] in _MONTHS:
        return f"{parts[1]}-{_MONTHS[parts[0].lower()[:3]]:02d}"
    if len(parts) == 1 and parts[0].isdigit():
        return parts[0]
    return None


def _read_ofac(folder: Path, result: SanctionsList) -> None:
    entries: dict[str, ListEntry] = {}
    remarks: dict[str, str] = {}
    for _number, row in _ofac_rows(folder / "sdn.csv", SDN_COLUMNS, result):
        ent_num, name, sdn_type, programs = row[0], row[1], row[2], row[3]
        if not name:
            result.skip(folder / "sdn.csv", _number, f"entry {ent_num} has no name")
            continue
        schema = OFAC_TYPES.get((sdn_type or "").lower(), "Organization")
        entries[ent_num] = ListEntry(
            entry_id=ent_num, schema=schema,
            name=ofac_person_name(name) if schema == "Person" else name,
            programs=_split(programs, "] ["),
            family_names=[name.split(",")[0].strip()] if schema == "Person" and "," in name else [],
        )
        remarks[ent_num] = row[11] or ""
    comments = folder / "sdn_comments.csv"
    if comments.is_file():
        for _number, row in _ofac_rows(comments, COMMENT_COLUMNS, result):
            if row[0] in remarks and row[1]:
                remarks[row[0]] += row[1]
    alt = folder / "alt.csv"
    if alt.is_file():
        for number, row in _ofac_rows(alt, ALT_COLUMNS, result):
            entry = entries.get(row[0])
            if entry is None:
                result.skip(alt, number, f"alias of unknown ent_num {row[0]}")
            elif row[3]:
                entry.aliases.append(ofac_person_name(row[3]) if entry.schema == "Person" else row[3])
                last = row[3].split(",")[0].strip()
                if entry.schema == "Person" and "," in row[3] and last not in entry.family_names:
                    entry.family_names.append(last)
    add = folder / "add.csv"
    if add.is_file():
        for number, row in _ofac_rows(add, ADD_COLUMNS, result):
            entry = entries.get(row[0])
            if entry is None:
                result.skip(add, number, f"address of unknown ent_num {row[0]}")
            elif row[4] and row[4] not in entry.countries:
                entry.countries.append(row[4])
    for ent_num, entry in entries.items():
        text = remarks.get(ent_num, "")
        entry.remarks = text
        entry.birth_dates = [d for d in (_ofac_date(m) for m in _DOB.findall(text)) if d]
        for nationality in _NATIONALITY.findall(text):
            if nationality.strip() not in entry.countries:
                entry.countries.append(nationality.strip())
        entry.weak_aliases = _WEAK_ALIAS.findall(text)
    result.entries = list(entries.values())


# OpenSanctions ------------------------------------------------------------------


def _csv_records(path: Path, result: SanctionsList, required: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    text = _decode(path)
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as err:
        raise ListError(f"{path} line 1: no readable header row ({err})") from err
    missing = required - set(header)
    if missing:
        raise ListError(f"{path} line 1: missing column(s) {', '.join(sorted(missing))}")
    while True:
        number = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            result.skip(path, number, f"malformed CSV ({err}); a truncated line?")
            return
        if not any(v.strip() for v in row):
            continue
        if len(row) != len(header):
            result.skip(path, number, f"{len(row)} fields where the header has {len(header)}")
            continue
        yield number, dict(zip(header, (v.strip() for v in row)))


def _read_opensanctions_csv(path: Path, result: SanctionsList) -> None:
    for number, record in _csv_records(path, result, {"id", "schema", "name"}):
        schema = record["schema"]
        if model.get(schema) is None:
            result.skip(path, number, f"unknown schema {schema!r}")
            continue
        if not record["name"]:
            result.skip(path, number, "no name")
            continue
        result.entries.append(ListEntry(
            entry_id=record["id"], schema=schema, name=record["name"],
            aliases=_split(record.get("aliases")),
            programs=_split(record.get("sanctions")),
            remarks="; ".join(f"{k}: {record[k]}" for k in ("identifiers", "addresses", "dataset")
                              if record.get(k)),
            countries=_split(record.get("countries")),
            birth_dates=_split(record.get("birth_date")),
        ))


def _read_ftm_json(path: Path, result: SanctionsList) -> None:
    proxies: dict[str, tuple[int, EntityProxy]] = {}
    programs: dict[str, list[str]] = defaultdict(list)
    for number, line in enumerate(_decode(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            proxy = model.get_proxy(data, cleaned=False)
        except (ValueError, InvalidData, TypeError) as err:
            result.skip(path, number, f"not a FollowTheMoney entity ({str(err)[:120]})")
            continue
        if not proxy.id:
            result.skip(path, number, "entity without an id")
            continue
        if proxy.schema.name == "Sanction":
            for target in proxy.get("entity"):
                programs[target].extend(proxy.get("program") or proxy.get("reason"))
            continue
        proxies[proxy.id] = (number, proxy)
    for entity_id, (number, proxy) in proxies.items():
        if proxy.schema.name not in MATCHABLE:
            continue
        names = proxy.get("name")
        if not names:
            result.skip(path, number, f"entity {entity_id} has no name")
            continue
        result.entries.append(ListEntry(
            entry_id=entity_id, schema=proxy.schema.name, name=names[0],
            aliases=names[1:] + proxy.get("alias", quiet=True),
            weak_aliases=proxy.get("weakAlias", quiet=True),
            programs=programs.get(entity_id, []) + proxy.get("program", quiet=True),
            remarks="; ".join(proxy.get("notes", quiet=True) + proxy.get("summary", quiet=True)),
            countries=proxy.get("country", quiet=True) + proxy.get("nationality", quiet=True),
            birth_dates=proxy.get("birthDate", quiet=True),
        ))


# A user's own list --------------------------------------------------------------


def _read_user_csv(path: Path, result: SanctionsList) -> None:
    for number, record in _csv_records(path, result, {"name"}):
        if not record["name"]:
            result.skip(path, number, "no name")
            continue
        kind = (record.get("schema") or record.get("type") or "").strip().lower()
        schema = USER_TYPES.get(kind.replace(" ", ""), "LegalEntity" if not kind else None)
        if schema is None:
            result.skip(path, number, f"type {kind!r} is not one of {', '.join(sorted(set(USER_TYPES)))}")
            continue
        result.entries.append(ListEntry(
            entry_id=record.get("id") or str(number), schema=schema, name=record["name"],
            aliases=_split(record.get("aliases")),
            programs=_split(record.get("programs") or record.get("program")),
            remarks=record.get("note", ""),
            countries=_split(record.get("country")),
            birth_dates=_split(record.get("birth_date") or record.get("birthdate")),
        ))
