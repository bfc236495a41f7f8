"""The path beyond one machine: extraction tasks on a Dask cluster, one writer."""

import pytest
from conftest import SEEDS

from alsingest import store

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.mark.slow
def test_ingest_flow_extracts_on_a_dask_cluster(prefect_harness, tmp_path):
    from flows.ingest import ingest, toolkit_for

    def toolkits_built() -> int:
        from flows.ingest import toolkit_for

        return toolkit_for.cache_info().currsize

    toolkit_for.cache_clear()
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        config = tmp_path / "dask.toml"
        config.write_text(
            f'[ingest]\ndask_address = "{cluster.scheduler_address}"\nbatch_size = 2\n',
            encoding="utf-8",
        )
        db_path = tmp_path / "corpus.db"
        summary = ingest([str(SEEDS)], db=str(db_path), config=str(config))
        with distributed.Client(cluster) as client:
            built_on_workers = client.run(toolkits_built)
    assert len(summary["new"]) == 5 and not summary["errors"]
    # The batches were extracted on the cluster's workers; this process only wrote.
    assert sum(built_on_workers.values()) >= 1 and toolkit_for.cache_info().currsize == 0
    db = store.open_db(db_path)
    assert db["articles"].count == 5 and db["claims"].count > 100
