"""Running: the report notebook executed with papermill, one report or a batch, cached, and
published as HTML with an index (:mod:`.batch`, :mod:`.publish`)."""
