"""The open data of a 版 described for machines: a Frictionless Data Package (datapackage.json,
a Table Schema per CSV), the site's catalogue of packages, and the schema.org `Dataset`
(JSON-LD) of the data page. All of it is made from the tables of pages/opendata.py — the
same declarations the CSVs and the data dictionary are made from.

Why a Data Package and not CSVW: both describe CSV with types, keys and descriptions, but a
Data Package has a maintained validator (`frictionless validate`, which the test suite runs on
every package), is what open-data portals (CKAN) read, and states the encoding and dialect
of each file; CSVW has no validator kept up to date in the Python ecosystem."""

from __future__ import annotations

from generator.i18n import msg
from generator.model.resolved import ResolvedEdition
from generator.pages.opendata import ENCODING, Column, Table

PACKAGE_FILE = "datapackage.json"
TABLE_SCHEMA = "https://datapackage.org/profiles/2.0/tableschema.json"
# Licences by the names sites write, with the address that defines each (a licence written
# as an address is its own).
LICENCES = {
    "CC BY 4.0": ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC BY-SA 4.0": ("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0 1.0": ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC0": ("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-BY 1.0": ("ODC-By-1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "PDDL 1.0": ("PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
}


def licence_url(licence: str) -> str | None:
    if licence.startswith(("https://", "http://")):
        return licence
    known = LICENCES.get(" ".join(licence.split()))
    return known[1] if known else None


def resource_name(file_name: str) -> str:
    """A resource name as Data Package allows it (lower-case letters, digits, 「-」「.」「_」)."""
    return file_name.removesuffix(".csv").replace("_", "-")


def field_schema(column: Column) -> dict:
    field = {"name": column.name, "type": column.type, "description": column.meaning}
    if column.unit:
        field["unit"] = column.unit      # a custom property: Table Schema has no unit of its own
    if column.example:
        field["example"] = column.example
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.pattern:
        constraints["pattern"] = column.pattern.removeprefix("^").removesuffix("$")
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table) -> dict:
    schema = {"fields": [field_schema(c) for c in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(key.columns),
             "reference": {"resource": "" if key.table == table.name else resource_name(key.table),
                           "fields": list(key.reference)}} for key in table.foreign_keys]
    return schema


def resource(table: Table, size: int) -> dict:
    return {
        "name": resource_name(table.name), "path": table.name, "title": table.title,
        "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "bytes": size,
        # UTF-8 with a byte order mark (Excel needs it): "utf-8" readers that honour the BOM
        # (frictionless does) skip it; `encoding` below says so for people.
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True,
                    "header": True},
        "description": msg("opendata.package.csv_dialect"),
        "schema": table_schema(table),
    }


def package(content: ResolvedEdition, licence: str, tables: list[Table], files: dict[str, bytes]) -> dict:
    """datapackage.json of one edition: plan.json and every table with its Table Schema."""
    version = content.version
    url = licence_url(licence)
    data = {
        "name": resource_name(f"{content.id}-{version.id}").lower(),
        "title": msg("opendata.package.title", plan=f"{content.municipality} {content.title}", version=version.titled_name),
        "description": msg("opendata.package.description", title=content.title, version=version.titled_name),
        "version": version.label or version.id,
        "licenses": [{"title": licence, **({"path": url, "name": LICENCES.get(licence, ("",))[0] or None}
                                          if url else {})}],
        "keywords": [content.municipality, content.title],
        "resources": [{"name": "plan", "path": "plan.json", "format": "json", "mediatype": "application/json",
                       "encoding": "utf-8", "bytes": len(files["plan.json"]),
                       "description": msg("opendata.plan_json.markdown")}]
                     + [resource(t, len(files[t.name])) for t in tables],
        "planpub": {"plan_id": content.id, "version_id": version.id, "region_code": content.region_code,
                    "municipality": content.municipality, "date": version.date,
                    "encoding_on_disk": ENCODING},
    }
    data["licenses"] = [{k: v for k, v in entry.items() if v} for entry in data["licenses"]]
    if version.released:     # when planpub release published it (a date-time, as Data Package asks)
        data["created"] = version.released
    return {k: v for k, v in data.items() if v is not None}


def catalogue(site_title: str, packages: list[tuple[str, str, str]]) -> dict:
    """The site's catalogue (`/datapackages.json`): (name, title, path of datapackage.json) of
    every published edition, in the shape of a Frictionless catalog."""
    return {"title": msg("opendata.package.catalogue", site=site_title),
            "datasets": [{"name": name, "title": title, "package": path} for name, title, path in packages]}


def dataset(content: ResolvedEdition, licence: str, publisher: str | None, description: str,
            page_url: str, files: dict[str, str], url) -> dict:
    """The schema.org `Dataset` of a data page (JSON-LD). Addresses are relative to the page
    (JSON-LD resolves them against it), so the same site/ works under any path."""
    version = content.version
    municipality = {"@type": "AdministrativeArea", "name": content.municipality}
    if content.region_code:
        municipality["identifier"] = {"@type": "PropertyValue", "propertyID": msg("opendata.package.region_code"),
                                      "value": content.region_code}
    data = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": msg("opendata.package.title", plan=f"{content.municipality} {content.title}", version=version.titled_name),
        "description": description,
        "url": url(page_url),
        "creator": {"@type": "GovernmentOrganization", "name": content.municipality},
        "publisher": {"@type": "GovernmentOrganization", "name": publisher or content.municipality},
        "license": licence_url(licence) or licence,
        "inLanguage": "ja",
        "version": version.name,
        "temporalCoverage": f"{content.period_start}-04-01/{content.period_end + 1}-03-31",
        "spatialCoverage": {"@type": "Place", "name": content.municipality, "containedInPlace": municipality},
        "distribution": [{"@type": "DataDownload", "name": name, "contentUrl": url(address),
                          "encodingFormat": _media_type(name)} for name, address in files.items()],
    }
    if content.region_code:
        data["identifier"] = f"{content.region_code}:{content.id}:{version.id}"
    if version.released or version.date:
        data["dateModified"] = version.released or version.date   # when published, else the 版's date as stated
    return data


def _media_type(name: str) -> str:
    return {"csv": "text/csv", "json": "application/json"}[name.rsplit(".", 1)[1]]
