"""The corpus: SQLite through sqlite-utils, below every stage (it imports none of them).

- ``schema``: the migrations, applied on every open (:func:`open_db`);
- ``articles``, ``documents``, ``decisions``, ``verdicts``: the writes, each article or
  document result in one transaction (a failure leaves the corpus as it was);
- ``reads``: what those writes and the review need to read back (the listings' queries
  are in ``alsingest.queries``).

The records the stages hand over are in ``alsingest.records``. Every public name is
importable from here, as ``store.open_db``, ``store.write_article`` …
"""

from ..records import RUN_JSON_COLUMNS, ArticleRows, article_id, article_rows, version_id
from .articles import (
    CHANGED,
    CHILD_TABLES,
    NEW,
    SQLITE_MAX_VARS,
    UNCHANGED,
    complete_search_terms,
    name_for,
    write_article,
)
from .base import WriteLock, write_lock
from .decisions import write_decision
from .documents import (
    ARCHIVED,
    ARCHIVED_VERSION,
    ATTACHED,
    FETCHED,
    NEW_VERSION,
    NO_VERSION,
    SAME_VERSION,
    document_id,
    document_version_id,
    reason_of,
    write_attached,
    write_fetched,
)
from .reads import (
    change_stamp,
    claims_to_verify,
    documents_to_verify,
    is_current,
    latest_decisions,
    read_decisions,
    read_decisions_of,
    read_derived,
    read_derived_any,
    therapies_to_check,
    verification_keys,
    version_claims,
    version_sentences,
)
from .schema import (
    SQLITE_HEADER,
    CorpusError,
    check_corpus_file,
    migrations,
    open_db,
    simplified_span,
    simplified_text,
)
from .verdicts import (
    documents_verified,
    forget_verifications,
    therapies_checked,
    verified,
    write_conflicts,
    write_derived,
    write_run,
    write_source_verdicts,
    write_verifications,
)

__all__ = [
    "ARCHIVED",
    "ARCHIVED_VERSION",
    "ATTACHED",
    "CHANGED",
    "CHILD_TABLES",
    "FETCHED",
    "NEW",
    "NEW_VERSION",
    "NO_VERSION",
    "RUN_JSON_COLUMNS",
    "SAME_VERSION",
    "SQLITE_HEADER",
    "SQLITE_MAX_VARS",
    "UNCHANGED",
    "ArticleRows",
    "CorpusError",
    "WriteLock",
    "article_id",
    "article_rows",
    "change_stamp",
    "check_corpus_file",
    "claims_to_verify",
    "complete_search_terms",
    "document_id",
    "document_version_id",
    "documents_to_verify",
    "documents_verified",
    "forget_verifications",
    "is_current",
    "latest_decisions",
    "migrations",
    "name_for",
    "open_db",
    "read_decisions",
    "read_decisions_of",
    "read_derived",
    "read_derived_any",
    "reason_of",
    "simplified_span",
    "simplified_text",
    "therapies_checked",
    "therapies_to_check",
    "verification_keys",
    "verified",
    "version_claims",
    "version_id",
    "version_sentences",
    "write_article",
    "write_attached",
    "write_conflicts",
    "write_decision",
    "write_derived",
    "write_fetched",
    "write_lock",
    "write_run",
    "write_source_verdicts",
    "write_verifications",
]
