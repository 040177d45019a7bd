"""Presentation: from tables to what a reader sees. Charts (:mod:`.charts`), the written
narrative (:mod:`.narrative`), the report notebook's cells (:mod:`.report`) and the HTML
templates (:mod:`.pages`). Nothing here runs a notebook."""
