"""Two editions of one article compared: the events both tell, those only one tells, the dates
they disagree on, and the actors one names and the other does not.

Events are aligned by date and actors. Two events can be one when their dates overlap at the
coarser of their two precisions (``1957-06`` and ``1957-06-14`` overlap; ``1963`` and ``1964``
do not) and they share a kind (other than ``other``) or an actor. Actors are compared by
Wikidata id where the entities table has one, else by canonical English name; the two states
the title names count as no evidence, since nearly every event has them. Events left over are
paired as one event told with different dates when they share a kind and an actor and lie within
``window`` years, or share a kind in one year and have no actors that differ. Each event is in at
most one pair; the best-supported pairs are taken first. An open-ended date ("after 1990") counts
as its one known bound; undated events ("today") are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..tables import Tables

#: ``status`` of an aligned row.
BOTH, ONLY_A, ONLY_B, DATES_DIFFER = "both", "only_a", "only_b", "dates_differ"
_ACTOR_TYPES = ("person", "country", "organization")


@dataclass(frozen=True)
class _Event:
    event_id: int
    lo: tuple[int, ...]
    hi: tuple[int, ...]
    precision: int
    kind: str
    keys: frozenset[str]  # actors with a cross-language key, the title's states left out
    unkeyed: bool  # has actors that carry no cross-language key


def _parts(iso: str) -> tuple[int, ...]:
    return tuple(int(p) for p in iso.split("-")) if iso else ()


def _events(t: Tables) -> list[_Event]:
    keys = entity_keys(t)
    parties = title_states(t)
    out = []
    for e in t.events.itertuples(index=False):
        start, end = _parts(str(e.start)), _parts(str(e.end))
        if not start and not end:
            continue  # undated ('today'): nothing to align it by
        lo, hi = start or end, end or start
        ids = [int(a) for a in str(e.actors).split(";") if a]
        found = {keys[i] for i in ids if i in keys and i not in parties}
        unkeyed = any(i not in keys for i in ids if i not in parties)
        out.append(_Event(int(e.event_id), lo, hi, min(len(lo), len(hi)), str(e.kind), frozenset(found), unkeyed))
    return out


def actor_keys(entities: pd.DataFrame) -> pd.Series:
    """Per entity row, a key that names the same actor in any language: its Wikidata id where
    the entities table has one, else ``en:<canonical English name>``; empty for places and for
    actors with neither."""
    qids = entities["wikidata_id"] if "wikidata_id" in entities.columns else pd.Series("", index=entities.index)
    qids = qids.astype("string").fillna("")
    english = "en:" + entities["canonical"].astype("string").fillna("").str.split().str.join(" ").str.casefold()
    keys = qids.where(qids != "", english.where(entities["canonical"].fillna("") != "", ""))
    return keys.where(entities["type"].isin(_ACTOR_TYPES), "").astype("string")


def entity_keys(t: Tables) -> dict[int, str]:
    """entity_id -> its cross-language key (see :func:`actor_keys`), for actors that have one."""
    keys = actor_keys(t.entities)
    return {int(i): str(k) for i, k in zip(t.entities.entity_id, keys, strict=True) if k}


def title_states(t: Tables) -> set[int]:
    """entity_ids of the two parties of the relations (the ``article`` table's party columns)."""
    from .narrative.parties import parties

    return {int(i) for i in parties(t).entity_id if int(i) >= 0}


def _overlap(a: _Event, b: _Event) -> bool:
    p = min(a.precision, b.precision)
    return a.lo[:p] <= b.hi[:p] and b.lo[:p] <= a.hi[:p]


def _same_kind(a: _Event, b: _Event) -> bool:
    return a.kind == b.kind and a.kind != "other"


def _score_same_date(a: _Event, b: _Event) -> float | None:
    if not _overlap(a, b):
        return None
    shared = len(a.keys & b.keys)
    if not (_same_kind(a, b) or shared):
        return None
    exact = a.lo == b.lo and a.hi == b.hi
    return 2 * _same_kind(a, b) + shared + 0.5 * exact


def _score_other_date(a: _Event, b: _Event, window: int) -> float | None:
    if not _same_kind(a, b):
        return None
    shared = len(a.keys & b.keys)
    gap = max(a.lo[0] - b.hi[0], b.lo[0] - a.hi[0], 0)
    if shared and gap <= window:
        return shared - gap / (window + 1)
    differ = a.keys and b.keys and not shared
    if gap == 0 and not differ:
        return 0.1
    return None


def _greedy(cands: list[tuple[float, int, int]], used_a: set[int], used_b: set[int]) -> list[tuple[int, int]]:
    out = []
    for _, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def align(a: Tables, b: Tables, window: int = 2) -> pd.DataFrame:
    """One row per event of either edition, matched events sharing a row: ``status`` (both,
    dates_differ, only_a, only_b), ``event_id_a``, ``event_id_b``, and each side's ``start``,
    ``end``, ``kind``, ``text`` (suffixes ``_a``, ``_b``; empty on the side that lacks the
    event), in time order."""
    ea, eb = _events(a), _events(b)
    used_a: set[int] = set()
    used_b: set[int] = set()
    same = [(s, i, j) for i, x in enumerate(ea) for j, y in enumerate(eb)
            if (s := _score_same_date(x, y)) is not None]
    rows = [(BOTH, i, j) for i, j in _greedy(same, used_a, used_b)]
    other = [(s, i, j) for i, x in enumerate(ea) if i not in used_a for j, y in enumerate(eb)
             if j not in used_b and (s := _score_other_date(x, y, window)) is not None]
    rows += [(DATES_DIFFER, i, j) for i, j in _greedy(other, used_a, used_b)]
    rows += [(ONLY_A, i, None) for i in range(len(ea)) if i not in used_a]
    rows += [(ONLY_B, None, j) for j in range(len(eb)) if j not in used_b]
    ida = [ea[i].event_id if i is not None else None for _, i, _ in rows]
    idb = [eb[j].event_id if j is not None else None for _, _, j in rows]
    out = pd.DataFrame({"status": pd.Series([r[0] for r in rows], dtype="string"),
                        "event_id_a": pd.Series(ida, dtype="Int64"), "event_id_b": pd.Series(idb, dtype="Int64")})
    for side, t in (("a", a), ("b", b)):
        ev = t.events.set_index("event_id")[["start", "end", "kind", "text"]]
        ev.columns = [f"{c}_{side}" for c in ev.columns]
        out = out.merge(ev, left_on=f"event_id_{side}", right_index=True, how="left")
    texts = [f"{c}_{side}" for side in "ab" for c in ("start", "end", "kind", "text")]
    out[texts] = out[texts].fillna("")  # the side an unmatched event is missing from: empty
    first = out.start_a.where(out.start_a != "", out.end_a.where(out.end_a != "", out.start_b.where(out.start_b != "", out.end_b)))
    order = first.str.pad(10, side="right", fillchar="~")
    return out.assign(_o=order).sort_values(["_o", "event_id_a", "event_id_b"]).drop(columns="_o").reset_index(drop=True)


def actors(a: Tables, b: Tables) -> pd.DataFrame:
    """The people, states and organizations of either edition by cross-language key: ``key``,
    ``type``, ``canonical`` (English name), ``code`` (states: ISO code), ``name_a``, ``name_b``, ``mentions_a``, ``mentions_b``, ``status`` (both, only_a,
    only_b) and ``certain``: for an actor one edition lacks, whether the other edition has no
    actor of its type without a key (so it surely does not name it under another spelling)."""
    sides = {}
    for side, t in (("a", a), ("b", b)):
        keys = entity_keys(t)
        ents = t.entities[t.entities.entity_id.isin(list(keys)) & ~t.entities.entity_id.isin(list(title_states(t)))]
        sides[side] = pd.DataFrame({"key": [keys[int(i)] for i in ents.entity_id], "type": list(ents.type),
                                    f"canonical_{side}": list(ents.canonical), f"code_{side}": list(ents.code),
                                    f"name_{side}": list(ents.name), f"mentions_{side}": list(ents.n_mentions)}
                                   ).groupby(["key", "type"], as_index=False, sort=False).agg(
            {f"canonical_{side}": "first", f"code_{side}": "first", f"name_{side}": "first", f"mentions_{side}": "sum"})
    out = sides["a"].merge(sides["b"], on=["key", "type"], how="outer")
    out.insert(2, "canonical", out.pop("canonical_a").fillna(out.pop("canonical_b")).astype("string").fillna(""))
    out.insert(3, "code", out.pop("code_a").fillna(out.pop("code_b")).astype("string").fillna(""))
    out["status"] = [BOTH if pd.notna(x) and pd.notna(y) else ONLY_A if pd.notna(x) else ONLY_B
                     for x, y in zip(out.name_a, out.name_b, strict=True)]
    loose = {side: set(_unkeyed_types(t)) for side, t in (("a", a), ("b", b))}
    out["certain"] = pd.Series([s == BOTH or (t not in loose["b"] if s == ONLY_A else t not in loose["a"])
                                for s, t in zip(out.status, out.type, strict=True)], index=out.index, dtype=bool)
    for side in ("a", "b"):
        out[f"mentions_{side}"] = out[f"mentions_{side}"].fillna(0).astype("int64")
        out[f"name_{side}"] = out[f"name_{side}"].astype("string").fillna("")
    rank = out.status.map({BOTH: 0, ONLY_A: 1, ONLY_B: 2})
    return (out.assign(_r=rank, _m=-(out.mentions_a + out.mentions_b)).sort_values(["_r", "_m", "key"])
            .drop(columns=["_r", "_m"]).reset_index(drop=True).astype({"status": "string", "key": "string", "type": "string"}))


def _unkeyed_types(t: Tables) -> list[str]:
    keys = entity_keys(t)
    parties = title_states(t)
    return [str(e.type) for e in t.entities.itertuples()
            if e.type in _ACTOR_TYPES and int(e.entity_id) not in keys and int(e.entity_id) not in parties]


@dataclass
class Comparison:
    """Two editions side by side: the aligned events and the actors."""

    a: Tables
    b: Tables
    events: pd.DataFrame
    actors: pd.DataFrame

    def shared(self) -> pd.DataFrame:
        """Events both editions tell on overlapping dates."""
        return self.events[self.events.status == BOTH].reset_index(drop=True)

    def only(self, side: str) -> pd.DataFrame:
        """Events only edition ``side`` ("a" or "b") tells."""
        return self.events[self.events.status == f"only_{side}"].reset_index(drop=True)

    def disagreements(self) -> pd.DataFrame:
        """Events both editions tell with dates that do not overlap."""
        return self.events[self.events.status == DATES_DIFFER].reset_index(drop=True)


def compare(a: Tables, b: Tables, window: int = 2) -> Comparison:
    """Compare edition ``a`` with edition ``b``."""
    return Comparison(a, b, align(a, b, window), actors(a, b))
