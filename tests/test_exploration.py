"""What the exploration notebook calls: event actors by name, and the list of reports."""

from __future__ import annotations

import bilateral


def test_event_actors_joins_every_actor_id_to_its_entity(seed_tables):
    joined = bilateral.tables.event_actors(seed_tables)
    ids = [(e, int(a)) for e, acts in zip(seed_tables.events.event_id, seed_tables.events.actors, strict=True)
           for a in acts.split(";") if a]
    assert sorted(zip(joined.event_id, joined.entity_id, strict=True)) == sorted(ids)
    names = dict(zip(seed_tables.entities.entity_id, seed_tables.entities.name, strict=True))
    assert list(joined.name) == [names[i] for i in joined.entity_id]


def test_reports_of_a_folder_without_reports_is_an_empty_frame(tmp_path):
    df = bilateral.reports(tmp_path)
    assert df.empty and "status" in df.columns and "params" in df.columns
