"""Extraction: what an article's sentences say. Dates (:mod:`.timex`), the entities they name
(:mod:`.entities`), quotations and their speakers (:mod:`.quotes`), and dated events with their
kind and tone (:mod:`.events`), joined into table rows by :mod:`.pipeline`; answers about a
single word are remembered by :mod:`.memo`."""
