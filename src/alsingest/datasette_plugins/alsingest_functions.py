"""A Datasette plugin, loaded by `alsingest browse` (``--plugins-dir``): the corpus's SQL
functions on Datasette's connections, so that the view sentence_texts can convert each
sentence to simplified script (an article version's text is stored once, m025)."""

from datasette import hookimpl

from alsingest.store.schema import register_functions


@hookimpl
def prepare_connection(conn):
    register_functions(conn)
