"""Sanctions-list readers: the shipped OFAC extract, OpenSanctions exports, a user's CSV, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.screening import DEFAULT_LIST, ListError, read_list, read_lists
from helpers.screening.formats import FTM_JSON, OFAC, OPENSANCTIONS_CSV, USER_CSV, detect_format
from helpers.screening.lists import ofac_person_name

LISTS = Path(__file__).resolve().parent / "fixtures" / "lists"


@pytest.fixture(scope="module")
def ofac():
    return read_list(DEFAULT_LIST)


def test_ofac_sample_reads_every_entry_with_its_date(ofac):
    assert len(ofac.entries) == 385
    assert ofac.skipped == []
    assert ofac.label == "OFAC SDN (2023-12-28)"
    assert {e.schema for e in ofac.entries} == {"Person", "Organization", "Vessel", "Airplane"}


def test_ofac_person_names_are_turned_first_name_first(ofac):
    prigozhin = next(e for e in ofac.entries if e.entry_id == "21171")
    assert prigozhin.name == "Yevgeniy Viktorovich PRIGOZHIN"
    assert "Evgeny PRIGOZHIN" in prigozhin.aliases
    assert prigozhin.birth_dates == ["1961-06-01"]
    assert "Russia" in prigozhin.countries
    assert "RUSSIA-EO14024" in prigozhin.programs and "CYBER2" in prigozhin.programs


def test_ofac_remarks_continue_in_sdn_comments(ofac):
    sberbank = next(e for e in ofac.entries if e.entry_id == "17018")
    assert "Registration Number 1027700132195" in sberbank.remarks  # only in sdn_comments.csv


def test_ofac_weak_aliases_come_from_remarks(ofac):
    hizballah = next(e for e in ofac.entries if e.entry_id == "4697")
    assert "FOREIGN RELATIONS DEPARTMENT" in hizballah.weak_aliases


def test_ofac_entities_are_valid_followthemoney(ofac):
    entity = next(e for e in ofac.entries if e.entry_id == "36216").entity(ofac.key)
    assert entity.schema.name == "Organization"
    assert entity.id == "ofac-sdn-2023-12-28-36216"
    assert "HYDRA MARKETPLACE" in entity.get("alias")


@pytest.mark.parametrize("raw, turned", [
    ("PUTIN, Vladimir Vladimirovich", "Vladimir Vladimirovich PUTIN"),
    ("KIM, Jong Un", "Jong Un KIM"),
    ("HAMAS", "HAMAS"),
    ("ODD,", "ODD,"),
])
def test_ofac_person_name(raw, turned):
    assert ofac_person_name(raw) == turned


@pytest.mark.parametrize("name, kind", [
    ("targets.simple.csv", OPENSANCTIONS_CSV),
    ("entities.ftm.json", FTM_JSON),
    ("watchlist_own.csv", USER_CSV),
    ("ofac_truncated", OFAC),
    ("not_a_list.csv", None),
])
def test_detect_format(name, kind):
    assert detect_format(LISTS / name) == kind


def test_opensanctions_csv_reads_aliases_dates_and_skips_bad_rows():
    found = read_list(LISTS / "targets.simple.csv")
    assert found.name == "OpenSanctions"
    person = next(e for e in found.entries if e.entry_id == "fixture-p1")
    assert person.aliases == ["Ivan Fiktionov", "Иван Фиктионов"]
    assert person.birth_dates == ["1961-06-01"] and person.countries == ["ru"]
    assert person.programs == ["Fixture sanctions programme"]
    reasons = {line: reason for _path, line, reason in found.skipped}
    assert "unknown schema 'Spaceship'" in reasons[4]
    assert "3 fields where the header has 15" in reasons[5]


def test_ftm_json_lines_attach_sanction_programs_and_skip_bad_lines():
    found = read_list(LISTS / "entities.ftm.json")
    assert [e.entry_id for e in found.entries] == ["fx-p1", "fx-o1"]  # the Address is not screenable
    assert found.entries[0].programs == ["Fixture programme"]
    assert found.entries[0].countries == ["ru"]
    assert [line for _p, line, _r in found.skipped] == [4, 5]


def test_user_csv_reads_types_and_skips_unknown_types_and_nameless_rows():
    found = read_list(LISTS / "watchlist_own.csv")
    assert [(e.name, e.schema) for e in found.entries] == [("Ivan Fictionov", "Person"), ("Fictive Trading", "Company")]
    assert found.entries[0].aliases == ["Ivan Fiktionov", "I. Fictionov"]
    assert found.entries[0].remarks == "In-house watchlist: fixture person"
    reasons = [r for _p, _l, r in found.skipped]
    assert any("planet" in r for r in reasons) and "no name" in reasons


def test_truncated_ofac_lines_are_skipped_with_file_and_line():
    found = read_list(LISTS / "ofac_truncated")
    assert [e.entry_id for e in found.entries] == ["21171", "36025"]
    skipped = {(Path(p).name, line): reason for p, line, reason in found.skipped}
    assert "truncated" in skipped[("sdn.csv", 3)]
    assert "3 columns" in skipped[("sdn.csv", 4)]
    assert "unknown ent_num 12345" in skipped[("alt.csv", 2)]
    assert "4 rows skipped" in found.summary()


@pytest.mark.parametrize("name, message", [
    ("ofac_utf16", "sdn.csv line 1: NUL byte"),
    ("empty_list.csv", "no usable entry"),
    ("not_a_list.csv", "not a sanctions list in a known format"),
    ("missing_folder", "no such file or folder"),
])
def test_unreadable_lists_raise_a_clear_error_naming_the_file(name, message):
    with pytest.raises(ListError) as err:
        read_list(LISTS / name)
    assert message in str(err.value)
    assert name in str(err.value)


def test_read_lists_walks_a_folder_for_list_files(tmp_path):
    (tmp_path / "own.csv").write_text("name,aliases,schema\nIvan Fictionov,,person\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a list", encoding="utf-8")
    found = read_lists([tmp_path])
    assert [entry.name for entry in found[0].entries] == ["Ivan Fictionov"]


def test_read_lists_folder_without_lists_is_an_error(tmp_path):
    (tmp_path / "notes.txt").write_text("not a list", encoding="utf-8")
    with pytest.raises(ListError, match="no sanctions-list file"):
        read_lists([tmp_path])


def test_article_loader_skips_list_files_with_a_reason(tmp_path):
    from helpers.articles import load_articles

    corpus = load_articles([LISTS, DEFAULT_LIST])
    assert len(corpus.articles) == 0
    reasons = dict(zip(corpus.skipped["path"].map(lambda p: Path(p).name), corpus.skipped["reason"]))
    for name in ("targets.simple.csv", "entities.ftm.json", "watchlist_own.csv", "sdn.csv", "alt.csv", "add.csv"):
        assert reasons[name].startswith("sanctions-list file"), name
        assert "--lists" in reasons[name]
