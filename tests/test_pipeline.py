import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import cli, corpus, pipeline

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = ROOT / "seeds" / "000_1bbc821df740a206.txt"
# PolNeAR dev texts, used when ../shared is present (the first few by name).
POLNEAR_DEV = (
    ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "raw" / "dev" / "text"
)
N_POLNEAR = 6


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The seed, a few PolNeAR dev texts, a bad file, and two files with one id."""
    root = tmp_path_factory.mktemp("inputs")
    (root / "a").mkdir()
    (root / "b").mkdir()
    shutil.copy(SEED_PATH, root / "a" / SEED_PATH.name)
    (root / "a" / "broken.txt").write_bytes(b"\x00\x01 not text")
    same = "Talks resumed. “We are hopeful,” the minister said on Monday.\n"
    (root / "a" / "same.txt").write_text(same, encoding="utf-8")
    (root / "b" / "same.txt").write_text("Other news.\n\n" + same, encoding="utf-8")
    paths = [str(root / "a"), str(root / "b")]
    if POLNEAR_DEV.is_dir():
        paths += [str(p) for p in sorted(POLNEAR_DEV.glob("*.txt"))[:N_POLNEAR]]
    return paths


@pytest.fixture(scope="module")
def single(inputs):
    return pipeline.tables(inputs)


@pytest.fixture(scope="module")
def cluster():
    with pipeline.local_cluster(2) as local:
        yield local


def _assert_same(out, single):
    for table in pipeline.TABLES:
        pd.testing.assert_frame_equal(pipeline.load(out, table), single[table])


def test_schemas_declared_once_and_loaded_as_declared(single):
    assert set(pipeline.TABLES) >= {
        "articles",
        "sentences",
        "quotes",
        "mentions",
        "stance",
        "claims",
        "frames",
        "errors",
    }
    for table, frame in single.items():
        assert list(frame.columns) == pipeline.SCHEMAS[table].names
        assert dict(frame.dtypes.astype(str)) == pipeline.dtypes(table)
        if table != "errors":
            assert frame.columns[0] == "article"


def test_single_process_tables(single, inputs):
    errors = single["errors"]
    assert errors["path"].str.endswith("broken.txt").tolist() == [True]
    assert errors["reason"].tolist() == ["binary data (NUL bytes), not text"]
    articles = single["articles"]
    n_polnear = len(inputs) - 2
    assert len(articles) == 1 + 2 + n_polnear  # seed, two same.txt, PolNeAR
    ids = articles["article"].tolist()
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    same = sorted(i for i in ids if i.startswith("same"))
    assert len(same) == 2  # both files named same.txt: slug and path hash
    assert all(re.fullmatch(r"same-[0-9a-f]{10}", i) for i in same)
    for table in pipeline.ARTICLE_TABLES:
        assert set(single[table]["article"]) <= set(ids)
    body = single["sentences"].query("kind == 'sentence'").groupby("article").size()
    assert (
        body.reindex(articles["article"]).fillna(0).tolist()
        == articles["sentences"].tolist()
    )


def test_analyze_rows_slice_the_text(seed_article):
    rows = pipeline.analyze(seed_article)
    assert set(rows) == set(pipeline.ARTICLE_TABLES)
    text = seed_article.text
    for table in ("sentences", "quotes", "mentions", "claims", "cues"):
        for row in rows[table]:
            assert row["article"] == seed_article.id
            assert text[row["start"] : row["end"]] == row["text"]
        spans = [(r["start"], r["end"]) for r in rows[table]]
        assert spans == sorted(spans), table
    assert rows == pipeline.analyze(seed_article)


def test_analyze_fills_every_table(seed_article):
    rows = pipeline.analyze(seed_article)
    assert len(rows["articles"]) == 1
    for table in pipeline.ARTICLE_TABLES:
        assert rows[table], table
    assert all(
        r["tone"] is not None for r in rows["sentences"] if r["kind"] != "byline"
    )


@pytest.mark.parametrize(
    ("module", "function"),
    [
        ("quotes", "extract"),
        ("actors", "mentions"),
        ("actors", "canonical"),
        ("sentiment", "sentences"),
        ("sentiment", "score"),
        ("stance", "stances"),
        ("frames", "analyze"),
        ("sources", "speaker_types"),
    ],
)
def test_a_renamed_stage_function_fails_loudly(
    seed_article, monkeypatch, module, function
):
    """A stage function that is gone is an error, never an empty table."""
    import importlib

    monkeypatch.delattr(importlib.import_module(f"analysis.{module}"), function)
    with pytest.raises(AttributeError, match=function):
        pipeline.analyze(seed_article)


def test_a_broken_stage_fails_loudly(seed_article, monkeypatch):
    from analysis import stance

    def broken(doc, targets=None):
        raise RuntimeError("stance is broken")

    monkeypatch.setattr(stance, "stances", broken)
    with pytest.raises(RuntimeError, match="stance is broken"):
        pipeline.analyze(seed_article)


def test_analyze_timings_cover_the_stages(seed_article):
    timings = {}
    pipeline.analyze(seed_article, timings=timings)
    expected = {"tokenize", "sentiment", "quotes", "actors", "stance", "frames"}
    assert set(timings) == expected
    assert all(seconds >= 0 for seconds in timings.values())


def test_plan_sorts_by_id_and_makes_ids_unique(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "b.txt").write_text("B.\n", encoding="utf-8")
    (tmp_path / "x" / "a.txt").write_text("A.\n", encoding="utf-8")
    work = pipeline.plan([tmp_path / "y", tmp_path / "x", tmp_path / "x" / "a.txt"])
    ids = [aid for _, aid in work]
    assert ids[0] == "a"
    assert all(re.fullmatch(r"b-[0-9a-f]{10}", aid) for aid in ids[1:])
    assert ids == sorted(ids)
    assert len(set(ids)) == 3
    # the same ids whatever the order the folders are named in
    again = pipeline.plan([tmp_path / "x", tmp_path / "y"])
    assert sorted(again) == sorted(work)


def test_plan_makes_paths_absolute(monkeypatch):
    monkeypatch.chdir(ROOT)
    work = pipeline.plan(["seeds"])
    assert work == [(str(SEED_PATH), SEED_PATH.stem)]


def test_local_cluster_equals_single_process(inputs, single, tmp_path):
    out = tmp_path / "out"
    summary = pipeline.run(inputs, out, workers=2, progress=False)
    assert summary.workers == 2
    assert summary.articles == len(single["articles"])
    assert [p for p, _ in summary.errors] == single["errors"]["path"].tolist()
    for table in pipeline.TABLES:
        parts = sorted((out / table).glob("*.parquet"))
        assert [p.name for p in parts] == ["part-00000.parquet"]
        schema = pq.read_schema(parts[0])
        assert schema.equals(pipeline.SCHEMAS[table], check_metadata=False), table
    _assert_same(out, single)


def test_scheduler_address_and_small_partitions(inputs, single, cluster, tmp_path):
    out = tmp_path / "out"
    # Stale parts from an earlier, larger run must go.
    (out / "quotes").mkdir(parents=True)
    (out / "quotes" / "part-00099.parquet").write_bytes(b"stale")
    summary = pipeline.run(
        inputs,
        out,
        scheduler=cluster.scheduler_address,
        partition_size=2,
        batch_size=1,
        progress=False,
    )
    n_files = len(single["articles"]) + len(single["errors"])
    parts = sorted(p.name for p in (out / "quotes").glob("*.parquet"))
    assert parts == [f"part-{i:05d}.parquet" for i in range((n_files + 1) // 2)]
    assert summary.partitions == len(parts)
    assert len(summary.peak_rss) == 2  # both workers did some of the work
    trajectory = summary.peak_rss_by_partition
    assert len(trajectory) == len(parts)
    assert trajectory == sorted(trajectory)  # a running high-water mark
    assert trajectory[-1] == max(summary.peak_rss.values())
    _assert_same(out, single)


def _worker_settings(dask_worker):  # Client.run passes the worker by this name
    return {
        "profiler": "profile" in dask_worker.periodic_callbacks,
        "state log": dask_worker.state.log.maxlen,
        "transfer log": dask_worker.transfer_outgoing_log.maxlen,
    }


def test_local_cluster_workers_are_quiet(cluster):
    """The settings `local_cluster` makes reach the worker processes it starts."""
    with distributed.Client(cluster, set_as_default=False) as client:
        settings = client.run(_worker_settings)
    assert len(settings) == 2
    for got in settings.values():
        assert got["profiler"] is False  # no call tree per second
        assert got["state log"] == 100  # the low-level logs: 1,000 by default
        assert got["transfer log"] == 100


def test_cli_through_scheduler(inputs, single, cluster, tmp_path, capsys):
    out = tmp_path / "out"
    argv = ["corpus", *inputs, "--out", str(out)]
    assert cli.main([*argv, "--scheduler", cluster.scheduler_address]) == 2
    err = capsys.readouterr().err
    assert "broken.txt: binary data (NUL bytes), not text" in err
    assert "Traceback" not in err
    _assert_same(out, single)
    good = [p for p in inputs if not p.endswith("/a")]  # the folder with broken.txt
    argv = ["corpus", *good, "--out", str(out)]
    status = cli.main([*argv, "--scheduler", cluster.scheduler_address])
    assert status == 0
    assert pipeline.load(out, "errors").empty


def test_workers_with_other_package_files_are_refused(cluster, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "fingerprint", lambda: "another checkout")
    with pytest.raises(pipeline.ClusterError, match="another version"):
        pipeline.run([SEED_PATH], tmp_path, scheduler=cluster.scheduler_address)


def test_a_scheduler_without_workers_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CONNECT_TIMEOUT", "0.5s")
    empty = distributed.LocalCluster(
        n_workers=0,
        processes=False,
        dashboard_address=None,
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
    )
    with empty, pytest.raises(pipeline.ClusterError, match="has no workers"):
        pipeline.run([SEED_PATH], tmp_path, scheduler=empty.scheduler_address)
    assert not (tmp_path / "articles").exists()  # nothing replaced when nothing ran


def test_cli_bad_usage(tmp_path, capsys, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["corpus", str(empty), "--out", str(tmp_path / "o")]) == 2
    assert "no .txt, .md or .html files" in capsys.readouterr().err
    for table in pipeline.ARTICLE_TABLES:  # an empty corpus still has every table
        assert pipeline.load(tmp_path / "o", table).empty
    # the empty folder is an error row, not silence
    errors = pipeline.load(tmp_path / "o", "errors")
    assert errors["path"].tolist() == [str(empty)]
    assert errors["reason"].tolist() == ["folder has no .txt, .md or .html files"]
    monkeypatch.setattr(pipeline, "CONNECT_TIMEOUT", "0.5s")
    argv = ["corpus", str(SEED_PATH), "--out", str(tmp_path / "o")]
    assert cli.main([*argv, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot reach the scheduler at tcp://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit):
        cli.main([*argv, "--workers", "0"])
    with pytest.raises(SystemExit):
        cli.main([*argv, "--workers", "1", "--scheduler", "tcp://127.0.0.1:9"])


def test_load_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown table"):
        pipeline.load(tmp_path, "nope")
    with pytest.raises(FileNotFoundError, match="run the corpus first"):
        pipeline.load(tmp_path, "quotes")


def test_an_analysis_failure_is_an_error_row(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text("Fine text.\n", encoding="utf-8")
    boom = tmp_path / "boom.txt"
    boom.write_text("BOOM text.\n", encoding="utf-8")

    from analysis import tokenize

    real = tokenize.word_count

    def word_count(text):
        if text.startswith("BOOM"):
            raise RuntimeError("kaput\nsecond line")
        return real(text)

    monkeypatch.setattr(tokenize, "word_count", word_count)
    result = pipeline.tables([tmp_path])
    assert result["articles"]["article"].tolist() == ["good"]
    assert result["errors"]["reason"].tolist() == [
        "analysis failed: RuntimeError: kaput second line"
    ]


def test_read_article_errors_keep_their_reason(tmp_path):
    missing = tmp_path / "missing.txt"
    result = pipeline.tables([missing])
    assert result["errors"].to_dict("records") == [
        {
            "path": str(missing),
            "reason": corpus.ArticleError(missing, "no such file").reason,
        }
    ]


def test_comparison_reads_the_corpus_tables(inputs, single, cluster, tmp_path):
    # The comparison notebook's tables are the same whether the corpus was run on a
    # cluster and read back from Parquet, or analysed in this process.
    from analysis import compare

    out = tmp_path / "out"
    pipeline.run(inputs, out, scheduler=cluster.scheduler_address, progress=False)
    loaded = compare.corpus_tables([], corpus_dir=str(out))
    for table in (
        compare.compare_frames,
        compare.compare_sources,
        compare.compare_portrayal,
        compare.labelling,
        compare.claim_coverage,
    ):
        pd.testing.assert_frame_equal(table(loaded), table(single))
    assert compare.article_texts(loaded) == compare.article_texts(single)
    assert len(compare.compare_frames(loaded).columns) == len(single["articles"])


def test_batches_use_the_system_allocator():
    """A worker gives the memory of its batches' Arrow tables back (flat RSS)."""
    probe = (
        "import pyarrow as pa; from analysis import pipeline; "
        f"pipeline._process_batch(0, [({str(SEED_PATH)!r}, 'seed')]); "
        "print(pa.default_memory_pool().backend_name)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["system"]


# --- safe replacement, completion marker, per-article timeout (issue 18) ---------------


def test_load_refuses_an_incomplete_output(tmp_path):
    out = tmp_path / "out"
    pipeline.run([SEED_PATH], out, progress=False, workers=1)
    assert not pipeline.load(out, "articles").empty
    (out / pipeline.COMPLETE).unlink()  # as a run killed before it finished leaves it
    with pytest.raises(pipeline.IncompleteOutputError, match="incomplete") as info:
        pipeline.load(out, "articles")
    assert "\n" not in str(info.value)


def test_a_failed_run_leaves_the_last_complete_output(
    inputs, single, cluster, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    pipeline.run(inputs, out, scheduler=cluster.scheduler_address, progress=False)
    before = {t: pipeline.load(out, t) for t in pipeline.TABLES}
    calls = []

    def killed(summary, batch):  # the run dies after its first batch is written
        calls.append(batch)
        if len(calls) > 1:
            raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_add_measures", killed)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(
            inputs,
            out,
            scheduler=cluster.scheduler_address,
            partition_size=1,
            batch_size=1,
            progress=False,
        )
    monkeypatch.undo()
    for table in pipeline.TABLES:
        pd.testing.assert_frame_equal(pipeline.load(out, table), before[table])
    # a killed run's folder (SIGKILL: no clean-up) is removed by the next run
    stale = out / ".run-killed"
    (stale / "articles").mkdir(parents=True)
    pipeline.run([SEED_PATH], out, scheduler=cluster.scheduler_address, progress=False)
    assert not stale.exists()
    assert pipeline.load(out, "articles")["article"].tolist() == [SEED_PATH.stem]


def test_a_slow_article_becomes_an_error_row(tmp_path, monkeypatch):
    import time

    slow = tmp_path / "slow.txt"
    slow.write_text("A slow article. It takes long.\n", encoding="utf-8")
    shutil.copy(SEED_PATH, tmp_path / SEED_PATH.name)
    analyze = pipeline.analyze

    def sometimes_slow(article, **kwargs):
        if article.id == "slow":
            while True:  # a pure-Python loop, as in a superlinear rule
                time.sleep(0.01)
        return analyze(article, **kwargs)

    monkeypatch.setattr(pipeline, "analyze", sometimes_slow)
    began = time.perf_counter()
    found = pipeline.tables([tmp_path], timeout=1)
    assert time.perf_counter() - began < 30
    assert found["articles"]["article"].tolist() == [SEED_PATH.stem]
    [reason] = found["errors"]["reason"].tolist()
    assert reason == "timed out: analysis took more than 1 s"


def test_cli_timeout_option(tmp_path, capsys):
    argv = ["corpus", str(SEED_PATH), "--out", str(tmp_path / "o"), "--timeout", "0"]
    with pytest.raises(SystemExit):
        cli.main(argv)
    assert "--timeout" in capsys.readouterr().err


def test_concurrent_runs_into_one_out_are_refused(tmp_path, capsys):
    out = tmp_path / "out"
    with pipeline._locked(out):
        with pytest.raises(pipeline.BusyError, match="another corpus run"):
            pipeline.run([SEED_PATH], out, workers=1, progress=False)
        argv = ["corpus", str(SEED_PATH), "--out", str(out), "--workers", "1"]
        assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "another corpus run" in err
