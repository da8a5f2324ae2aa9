"""Network metrics (content/metrics/<region>-<period>.yml): aggregates only, published with small
numbers suppressed, as pages with charts, CSV and JSON.

May import generator.core, generator.common and the kinds below it (triage, organisations)."""

from __future__ import annotations

from typing import Any

from generator.core.catalog import Catalog
from generator.core.collection import URL, Collection
from generator.core.content_type import ContentType
from generator.core.references import ref
from generator.kinds.metrics.checks import check_metrics, patient_level_message
from generator.kinds.metrics.model import MetricsReport
from generator.kinds.metrics.pages import metrics_files, plan_metrics
from generator.kinds.metrics.publish import NETWORK, publish


def _export(catalog: Catalog, site_url: str, public: Any) -> Collection:
    """The figures the metrics pages publish, after suppression; never the reports themselves."""
    items = []
    if catalog.metrics and catalog.tiers:
        rows = [row.as_dict() for row in publish(catalog).rows]
        items = [{"id": region,
                  "label": "Whole network" if region == NETWORK else catalog.regions[region].label,
                  "url": site_url + ("metrics/" if region == NETWORK else f"metrics/{region}/"),
                  "rows": [row for row in rows if row["region"] == region]}
                 for region in sorted({row["region"] for row in rows})]
    return Collection("metrics", "Network metrics",
                      "Published aggregate figures per region (and `network`): small counts suppressed, as on the "
                      "metrics pages.", None, items, {}, METRICS_SCHEMA)


METRICS = ContentType(
    "metrics", MetricsReport, folder="content/metrics", new="metrics", schema="metrics-report.schema.json",
    reword=patient_level_message,
    references=(
        ref("region", "regions", "region"),
        ref("contacts_by_tier.{}", "tiers", "tier"),
        ref("time_to_vet.*.tier", "tiers", "tier"),
        ref("outcomes.*.problem", "problems", "problem guide", list_options=False),
    ),
    checks=(check_metrics,), pages=plan_metrics, files=metrics_files, export=_export, examples="metrics")

TYPES = (METRICS,)
METRICS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "label", "url", "rows"],
    "properties": {
        "id": {"type": "string", "description": "a region id, or `network` for the network totals"},
        "label": {"type": "string"},
        "url": URL,
        "rows": {"type": "array", "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["period", "region", "measure", "category", "value", "published_as"],
            "properties": {
                "period": {"type": "string", "description": "YYYY-MM or YYYY-Qn"},
                "region": {"type": "string"},
                "measure": {"type": "string", "description": "e.g. contacts, seen-within-target:<tier>, "
                                                             "minutes-to-vet:<tier>, referrals, outcomes:<guide>"},
                "category": {"type": "string"},
                "value": {"type": ["number", "null"], "description": "null where the figure is suppressed"},
                "published_as": {"type": "string", "description": "the figure as shown: the number, 'fewer than 5' "
                                                                         "(a count from 1 to 4) or 'not shown'"},
            }}},
    },
}
