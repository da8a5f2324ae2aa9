"""Plan the budget pages: a page per year (income by source, spending by purpose, each as an SVG
chart and a table that fits a phone, compared with the year before) and the years side by side;
and the budgets as CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import Any

from generator.common.charts import Chart, bar_chart
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.kinds.network.model import INCOME_SOURCES, SPENDING_PURPOSES, Budget
from generator.kinds.network.views import budgets, previous_budget

INDEX = "network/budget/"
CSV_FILE = "network/budget/budget.csv"
LABELS = {"dues": "Membership dues", "grants": "Grants", "fundraising": "Fundraising", "in_kind": "In kind",
          "equipment": "Equipment", "maintenance": "Maintenance", "training": "Training",
          "outreach": "Outreach", "coordination": "Coordination"}
SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def year_url(year: int) -> str:
    return f"{INDEX}{year}/"


def money(amount: int, currency: str, *, signed: bool = False) -> str:
    """'£18,400'; with ``signed``, a change: '+£1,200', '−£300' (a true minus sign), 'no change'."""
    if signed and amount == 0:
        return "no change"
    symbol = SYMBOLS.get(currency)
    number = f"{symbol}{abs(amount):,}" if symbol else f"{abs(amount):,} {currency}"
    sign = ("+" if amount > 0 else "−") if signed else ("−" if amount < 0 else "")
    return sign + number


def _rows(budget: Budget, previous: Budget | None, flow: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    now, before = getattr(budget, flow), getattr(previous, flow) if previous else None
    total = now.total or 1
    rows = []
    for key in (*keys, "total"):
        amount = getattr(now, key)
        earlier = getattr(before, key) if before else None
        rows.append({"key": key, "label": LABELS.get(key, "Total"), "amount": amount,
                     "shown": money(amount, budget.currency), "share": round(100 * amount / total),
                     "previous": None if earlier is None else money(earlier, previous.currency),
                     "change": None if earlier is None else money(amount - earlier, budget.currency, signed=True)})
    return rows


def _chart(budget: Budget, previous: Budget | None, flow: str, keys: tuple[str, ...], what: str) -> Chart:
    years = [b for b in (previous, budget) if b is not None]
    compared = f", next to {previous.year}" if previous else ""
    return bar_chart(
        f"budget-{budget.year}-{flow}", f"{what} in {budget.year}{compared}",
        f"{what} in {budget.year} in {budget.currency}" + (f", with {previous.year} beside each bar" if previous
                                                           else "") + ". The same numbers are in the table below.",
        [LABELS[k] for k in keys], [(str(b.year), [getattr(getattr(b, flow), k) for k in keys]) for b in years],
        budget.currency)


def plan_budgets(catalog: Catalog) -> list[PageSpec]:
    years = budgets(catalog)
    if not years:
        return []
    overview = [{"year": b.year, "basis": b.basis, "url": year_url(b.year),
                 "income": money(b.income.total, b.currency), "spending": money(b.spending.total, b.currency),
                 "balance": money(b.balance, b.currency, signed=True)} for b in years]
    currencies = {b.currency for b in years}
    pages = [PageSpec(f"{INDEX}index.md", "budget-index.html", "Network budget",
                      "Where the network's money comes from and what it is spent on, year by year.",
                      {"years": overview, "csv": CSV_FILE,
                       "chart": bar_chart(
                           "budget-years", "Income and spending by year",
                           "Total income and total spending of the network for each year"
                           + (f" in {years[0].currency}" if len(currencies) == 1 else "")
                           + ". The same numbers are in the table below.",
                           [str(b.year) for b in years],
                           [("Income", [b.income.total for b in years]),
                            ("Spending", [b.spending.total for b in years])],
                           years[0].currency if len(currencies) == 1 else "amount")})]
    for budget in years:
        previous = previous_budget(catalog, budget.year)
        pages.append(PageSpec(
            f"{INDEX}{budget.year}.md", "budget.html", f"Network budget {budget.year}",
            f"The network's income by source and spending by purpose in {budget.year}.",
            {"budget": budget, "previous": previous, "csv": CSV_FILE,
             "balance": money(budget.balance, budget.currency, signed=True),
             "income": _rows(budget, previous, "income", INCOME_SOURCES),
             "spending": _rows(budget, previous, "spending", SPENDING_PURPOSES),
             "income_chart": _chart(budget, previous, "income", INCOME_SOURCES, "Income by source"),
             "spending_chart": _chart(budget, previous, "spending", SPENDING_PURPOSES, "Spending by purpose")},
            source=catalog.budgets[budget.id].source.display))
    return pages


def budget_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """One row per year, flow and category, as the CSV publishes them."""
    rows = []
    for budget in budgets(catalog):
        for flow, keys in (("income", INCOME_SOURCES), ("spending", SPENDING_PURPOSES)):
            for key in (*keys, "total"):
                rows.append({"year": budget.year, "basis": budget.basis, "currency": budget.currency,
                             "flow": flow, "category": key, "amount": getattr(getattr(budget, flow), key)})
    return rows


def budget_files(catalog: Catalog, site_url: str) -> list[DataFile]:
    rows = budget_rows(catalog)
    if not rows:
        return []
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return [DataFile(CSV_FILE, buffer.getvalue())]
