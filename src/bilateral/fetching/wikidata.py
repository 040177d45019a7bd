"""Types and labels of many Wikidata items at once, from the Wikidata Query Service.

One SPARQL query per batch of up to :data:`BATCH` items returns, for each item, the listed
classes (``resources/wikidata_types.yml``) that its "instance of" reaches through "subclass
of", and its labels in English and in the article's language. :func:`classify` turns those
rows into one type per item; docs/fetch.md explains the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..errors import FetchError
from .client import Client

BATCH = 100
TYPES = ("person", "state", "organization", "place", "other")
_ENTITY = "http://www.wikidata.org/entity/"
_QID = re.compile(r"^Q[1-9][0-9]*$")
_TABLE = Path(__file__).resolve().parents[1] / "resources" / "wikidata_types.yml"


@dataclass(frozen=True)
class ItemInfo:
    """What Wikidata says about one item: its type and its labels."""

    wikidata_id: str
    type: str
    label_en: str
    label: str


@dataclass(frozen=True)
class TypeTable:
    """Listed classes -> type, and the order that breaks ties."""

    classes: dict[str, str]
    order: tuple[str, ...]


@cache
def type_table(path: Path = _TABLE) -> TypeTable:
    """The class table from ``resources/wikidata_types.yml``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    classes = {qid: kind for kind, listed in data["types"].items() for qid in listed}
    order = tuple(data["order"])
    bad = sorted(set(classes.values()) - set(TYPES)) + sorted(q for q in classes if not _QID.match(q))
    if bad or set(order) != set(data["types"]):
        raise ValueError(f"{path}: bad type table ({bad or order})")
    return TypeTable(classes, order)


def sparql_query(qids: list[str], lang: str, table: TypeTable) -> str:
    """The SELECT for one batch: matched classes (direct and inherited) and both labels."""
    items = " ".join(f"wd:{q}" for q in qids)
    listed = " ".join(f"wd:{q}" for q in sorted(table.classes))
    labels = f'UNION {{ ?item rdfs:label ?label . FILTER(LANG(?label) = "{lang}") }}' if lang != "en" else ""
    return (
        "SELECT ?item ?class ?listed ?label_en ?label WHERE {\n"
        f"  VALUES ?item {{ {items} }}\n"
        f"  {{ ?item wdt:P31 ?class . ?class wdt:P279* ?listed . VALUES ?listed {{ {listed} }} }}\n"
        '  UNION { ?item rdfs:label ?label_en . FILTER(LANG(?label_en) = "en") }\n'
        f"  {labels}\n"
        "}"
    )


def classify(rows: list[dict], table: TypeTable) -> dict[str, str]:
    """One type per item from SPARQL rows: a direct P31 match beats an inherited one; ties go
    to the earliest type in the table's order."""
    direct: dict[str, set[str]] = {}
    inherited: dict[str, set[str]] = {}
    for row in rows:
        if "listed" not in row or "class" not in row:
            continue
        item = _qid(row["item"])
        listed = _qid(row["listed"])
        kind = table.classes.get(listed)
        if kind is None:
            continue
        target = direct if _qid(row["class"]) == listed else inherited
        target.setdefault(item, set()).add(kind)
    result = {}
    for item in set(direct) | set(inherited):
        kinds = direct.get(item) or inherited[item]
        result[item] = min(kinds, key=table.order.index)
    return result


def lookup(client: Client, endpoint: str, qids: list[str], lang: str) -> dict[str, ItemInfo]:
    """Type and labels of every item in ``qids``, a few requests in all (batches of :data:`BATCH`)."""
    table = type_table()
    wanted = sorted({q for q in qids if _QID.match(q)}, key=lambda q: int(q[1:]))
    rows: list[dict] = []
    for start in range(0, len(wanted), BATCH):
        data = client.sparql(endpoint, sparql_query(wanted[start:start + BATCH], lang, table))
        try:
            rows.extend(data["results"]["bindings"])
        except (KeyError, TypeError):
            raise FetchError(f"{endpoint}: the answer is not SPARQL JSON results (check --wikidata-api)") from None
    types = classify(rows, table)
    labels_en: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in rows:
        item = _qid(row["item"])
        if "label_en" in row:
            labels_en[item] = row["label_en"]["value"]
        if "label" in row:
            labels[item] = row["label"]["value"]
    return {
        q: ItemInfo(q, types.get(q, "other"), labels_en.get(q, ""),
                    labels_en.get(q, "") if lang == "en" else labels.get(q, ""))
        for q in wanted
    }


def _qid(binding: dict) -> str:
    return str(binding.get("value", "")).removeprefix(_ENTITY)
