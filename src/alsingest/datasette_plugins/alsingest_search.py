"""A Datasette plugin, loaded by `alsingest browse` (``--plugins-dir``): its search box on
sentences finds what `alsingest search` finds for a therapy's alias, every sentence naming the
therapy by any alias in either script (托夫生 finds 托夫生注射液, Tofersen and Qalsody too).

Datasette matches ``?_search=`` through the SQL function ``escape_fts``; this plugin registers
it again, widened as `alsingest search` widens its own match (:func:`queries.or_therapy`), with
the lexicon browse names in the metadata (``plugins.alsingest.lexicon``). The index needs
nothing more: ingest already indexes each therapy's id, as search needs."""

from functools import lru_cache

from datasette import hookimpl
from datasette.utils import escape_fts

from alsingest.lexicon import Lexicon
from alsingest.queries import or_therapy

PLUGIN = "alsingest"


@lru_cache(maxsize=4)
def load_lexicon(path: str) -> Lexicon:
    return Lexicon.load(path)


def search_match(query: str, lexicon: Lexicon) -> str:
    """What FTS5 matches for the search box's ``query``: Datasette's own escaping (each word a
    quoted phrase), or any sentence naming the therapy the whole query is an alias of."""
    return or_therapy(escape_fts(query), lexicon.canonical(query))


# trylast: Datasette's own plugin registers escape_fts on every connection, and the last
# registration wins.
@hookimpl(trylast=True)
def prepare_connection(conn, datasette):
    path = (datasette.plugin_config(PLUGIN) or {}).get("lexicon")
    if not path:  # Datasette started by hand, without browse's metadata: its own search
        return
    lexicon = load_lexicon(path)
    conn.create_function(
        "escape_fts", 1, lambda query: search_match(query, lexicon), deterministic=True
    )
