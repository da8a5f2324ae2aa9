"""The directory as one CSV file for spreadsheets: one row per organisation, one column per fact."""

from __future__ import annotations

import csv
import io
import re

from generator.common.schedule import hours_summary, is_always_open
from generator.core.catalog import Catalog
from generator.exports.vcard import vcard_path
from generator.kinds.organisations.availability import cover_words
from generator.kinds.organisations.model import PHONE_LABELS, Organisation
from generator.kinds.organisations.views import orgs

CSV_PATH = "api/directory.csv"
# A cell starting with one of these is run as a formula by spreadsheet programs; such text gets a
# leading apostrophe. Phone numbers in E.164 (+ and digits only) are left alone: no formula there.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_E164 = re.compile(r"^\+\d{6,15}$")

COLUMNS = ["id", "name", "kind", "status", "alert", "region", "street", "locality", "postcode", "country",
           "latitude", "longitude", "first_call", *(f"{t.replace('-', '_')}_phones" for t in PHONE_LABELS),
           "email", "website", "hours", "open_24_7", "after_hours", "after_hours_partner", "night_cover", "species",
           "services",
           "languages", "accepts_referrals_from", "last_verified", "page", "vcard"]


def _cell(value: object) -> str:
    if not isinstance(value, str):  # numbers (a negative longitude) and empty cells stay as they are
        return "" if value is None else str(value)
    return "'" + value if value.startswith(_FORMULA) and not _E164.match(value) else value


def _row(catalog: Catalog, org: Organisation, site_url: str) -> dict[str, object]:
    address, coordinates = org.location.address, org.location.coordinates
    vcard = vcard_path(org)
    row: dict[str, object] = {
        "id": org.id, "name": org.name, "kind": org.kind, "status": org.status, "alert": org.alert,
        "region": org.location.region, "street": address.street, "locality": address.locality,
        "postcode": address.postcode, "country": address.country,
        "latitude": coordinates.lat if coordinates else None, "longitude": coordinates.lon if coordinates else None,
        "first_call": org.first_call.number,
        "email": org.contacts.email, "website": org.contacts.website, "hours": hours_summary(org.hours),
        "open_24_7": "yes" if is_always_open(org.hours) else "no",
        "after_hours": org.after_hours.arrangement, "after_hours_partner": org.after_hours.partner,
        # how it answers owners at night, in the words every page uses (generator/kinds/organisations/availability.py)
        "night_cover": cover_words(org) if _veterinary(catalog, org) and org.status == "active" else None,
        # lists are joined with "; " so each stays one cell
        "species": "; ".join(c.species for c in org.species),
        "services": "; ".join(s.service for s in org.services),
        "languages": "; ".join(org.languages),
        "accepts_referrals_from": "; ".join(org.referrals.accepts_from) if org.referrals else None,
        "last_verified": org.verified.on.isoformat(),
        "page": f"{site_url}organisations/{org.id}/", "vcard": site_url + vcard if vcard else None,
    }
    for kind in PHONE_LABELS:
        row[f"{kind.replace('-', '_')}_phones"] = "; ".join(p.number for p in org.phones_of(kind))
    if org.status == "closed":
        # as on its page: no numbers for a closed organisation, so none is copied into a phone list
        row.update({key: None for key in row if key == "first_call" or key.endswith("_phones")})
    return row


def _veterinary(catalog: Catalog, org: Organisation) -> bool:
    kind = catalog.kinds.get(org.kind)
    return kind is None or kind.veterinary


def directory_csv(catalog: Catalog, site_url: str) -> str:
    buffer = io.StringIO()
    # RFC 4180 line ends, and a byte-order mark so spreadsheet programs read the file as UTF-8
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for org in sorted(orgs(catalog), key=lambda o: o.id):
        writer.writerow({key: _cell(value) for key, value in _row(catalog, org, site_url).items()})
    return buffer.getvalue()
