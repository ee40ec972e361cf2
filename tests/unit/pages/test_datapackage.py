"""datapackage.json (pages/datapackage.py): Table Schemas made from the tables' declarations,
licences as addresses, resource names Data Package accepts, the site catalogue."""

from __future__ import annotations

import re

from generator.pages import datapackage, urls
from generator.pages.opendata import Column, ForeignKey, Table


def test_licences_are_addresses():
    assert datapackage.licence_url("CC BY 4.0") == "https://creativecommons.org/licenses/by/4.0/"
    assert datapackage.licence_url("https://www.city.example.lg.jp/opendata/terms") == \
        "https://www.city.example.lg.jp/opendata/terms"
    assert datapackage.licence_url("市の利用規約による") is None   # never a made-up address


def test_resource_names_follow_the_data_package_pattern():
    for name in ("initiatives.csv", "initiative_related_themes.csv", "carried_values.csv"):
        assert re.fullmatch(r"[-a-z0-9._/]+", datapackage.resource_name(name))


def test_a_table_schema_says_types_units_constraints_and_keys():
    table = Table("initiative_departments.csv", "担当課", [
        Column("region_code", "コード", pattern=r"^[0-9]{6}$"),
        Column("initiative_id", "取組ID", required=True),
        Column("position", "順番", "integer", required=True),
        Column("department", "担当課", enum=("市民課", "税務課"), required=True),
        Column("fiscal_year", "年度", "integer", unit="年度", example="2024")],
        primary_key=("initiative_id", "position"),
        foreign_keys=(ForeignKey(("initiative_id",), "initiatives.csv", ("initiative_id",)),
                      ForeignKey(("initiative_id",), "initiative_departments.csv", ("initiative_id",))))
    schema = datapackage.table_schema(table)
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields["region_code"]["constraints"] == {"pattern": "[0-9]{6}"}   # Table Schema patterns are anchored
    assert fields["department"]["constraints"] == {"required": True, "enum": ["市民課", "税務課"]}
    assert fields["fiscal_year"] == {"name": "fiscal_year", "type": "integer", "description": "年度",
                                     "unit": "年度", "example": "2024"}
    assert schema["primaryKey"] == ["initiative_id", "position"]
    assert schema["foreignKeys"] == [
        {"fields": ["initiative_id"], "reference": {"resource": "initiatives", "fields": ["initiative_id"]}},
        {"fields": ["initiative_id"], "reference": {"resource": "", "fields": ["initiative_id"]}}]


def test_the_catalogue_lists_packages():
    path = urls.data_file(urls.plan_base("town"), datapackage.PACKAGE_FILE)
    catalogue = datapackage.catalogue("サイト", [("town", "町の計画", path)])
    assert catalogue["datasets"] == [{"name": "town", "title": "町の計画", "package": path}]
