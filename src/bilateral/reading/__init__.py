"""Reading: a seed file becomes an :class:`~bilateral.reading.article.Article` (header and body),
and its body becomes sections, paragraphs, sentences and words (:mod:`.structure`)."""
