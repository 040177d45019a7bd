"""Running: the report notebook executed with papermill, one report or a batch, cached, and
published as HTML with an index.

:mod:`.parameters` what the notebook takes · :mod:`.cache` when a report is current ·
:mod:`.build` one report · :mod:`.executors` where report tasks run (local pool) ·
:mod:`.batch` many reports and the index · :mod:`.manifest` the record of one report ·
:mod:`.publish` an executed notebook as a page · :mod:`.startup` what report processes leave
unimported.
"""
