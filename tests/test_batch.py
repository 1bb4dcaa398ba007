import json
import os
import subprocess
import sys

import pytest

import zhnews
from zhnews.batch import InputError, is_error, process_batch, read_records
from zhnews.cli import main

GOOD = "央行宣布降准0.5个百分点\n中国人民银行决定下调存款准备金率0.5个百分点，释放长期资金约1万亿元。\n点个在看"


def records(n):
    return [{"id": f"r{i}", "text": GOOD + f"\n第{i}段补充说明，内容各不相同。"} for i in range(n)]


def test_batch_order_and_error_records():
    recs = records(5)
    recs.insert(2, {"id": "bad-type", "text": 123})
    recs.insert(4, {"id": "no-text"})
    recs.insert(5, "a plain string article")
    recs.append(InputError(id="line:99", error="bad JSON"))
    out = list(process_batch(recs, steps=["clean"]))
    assert len(out) == len(recs)
    assert [r["id"] for r in out] == ["r0", "r1", "bad-type", "r2", "no-text", 5, "r3", "r4", "line:99"]
    errors = [r for r in out if is_error(r)]
    assert [r["id"] for r in errors] == ["bad-type", "no-text", "line:99"]
    assert "TypeError" in errors[0]["error"] and "ValueError" in errors[1]["error"]


def test_workers_give_the_same_results():
    recs = records(60) + [{"id": "bad", "text": None}]
    one = list(process_batch(recs, steps=["clean"], workers=1))
    two = list(process_batch(recs, steps=["clean"], workers=2, chunksize=7))
    assert one == two


def crash_on_poison(result):
    if "POISON" in result.text:
        os._exit(13)  # a worker killed mid-batch
    return result


def test_killed_worker_loses_no_records():
    recs = records(30)
    recs[11] = {"id": "poison", "text": "这一段会让工作进程崩溃。POISON"}
    out = list(process_batch(recs, steps=["clean", crash_on_poison], workers=2, chunksize=4))
    assert [r["id"] for r in out] == [r["id"] for r in recs]
    bad = [r for r in out if is_error(r)]
    assert [r["id"] for r in bad] == ["poison"] and "WorkerCrash" in bad[0]["error"]


def test_read_records_jsonl_csv_dir(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"id": 1, "content": "正文"}\n{broken\n[1, 2]\n\n{"body": "无编号"}\n', encoding="utf-8")
    got = list(read_records(jsonl, text_field="content"))
    assert got[0] == {"id": 1, "text": "正文"}
    assert isinstance(got[1], InputError) and got[1]["id"] == "line:2"
    assert isinstance(got[2], InputError) and "list" in got[2]["error"]
    assert got[3]["id"] == "line:5"
    csv_path = tmp_path / "a.csv"
    csv_path.write_text('id,text\n1,"第一篇\n第二段"\n2,第二篇\n', encoding="utf-8")
    assert [r["text"] for r in read_records(csv_path)] == ["第一篇\n第二段", "第二篇"]
    d = tmp_path / "dir"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_bytes("新闻正文".encode("gb18030"))
    (d / "sub" / "b.html").write_text("<html><body><p>正文</p></body></html>", encoding="utf-8")
    (d / "c.txt").write_bytes(b"\xff\xff\xff")
    (d / "skip.bin").write_bytes(b"\x00")
    got = list(read_records(d))
    assert [r["id"] for r in got] == ["a.txt", "c.txt", "sub/b.html"]
    assert got[0]["text"] == "新闻正文" and "html" in got[2]
    assert isinstance(got[1], InputError) and "gb18030" in got[1]["error"]


def write_dump(path):
    lines = [json.dumps({"id": f"a{i}", "title": f"标题{i}", "text": GOOD + f"\n补充{i}。"}, ensure_ascii=False)
             for i in range(6)]
    lines.insert(1, "{this is not json")
    lines.insert(3, json.dumps({"id": "n1", "text": None}))
    lines.insert(4, json.dumps({"id": "n2", "content_missing": "x"}))
    lines.insert(6, json.dumps(["not", "an", "object"]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_cli_process_end_to_end_counts_errors_and_resumes(tmp_path):
    src = tmp_path / "in.jsonl"
    n_in = write_dump(src)
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    code = main(["process", str(src), "-o", str(out), "--errors", str(errs), "--steps", "clean", "--quiet"])
    assert code == 3  # finished, with error records
    good = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    bad = [json.loads(l) for l in errs.read_text(encoding="utf-8").splitlines()]
    assert len(good) + len(bad) == n_in
    assert [r["id"] for r in good] == [f"a{i}" for i in range(6)]
    assert {r["id"] for r in bad} == {"line:2", "n1", "n2", "line:7"}
    assert all(set(r) == {"id", "error"} for r in bad)
    assert good[0]["title"] == "标题0" and good[0]["removed"][0]["reason"] == "call_to_action"
    # interrupted run: the last line was cut off half-way; resuming redoes it, no duplicates
    text = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\n".join(text[:3]) + "\n" + text[3][:20], encoding="utf-8")
    code = main(["process", str(src), "-o", str(out), "--errors", str(errs), "--steps", "clean", "--quiet"])
    assert code == 3
    ids = [json.loads(l)["id"] for l in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(f"a{i}" for i in range(6)) and len(ids) == 6


def test_cli_process_workers_and_stdin(tmp_path):
    src = tmp_path / "in.jsonl"
    write_dump(src)
    proc = subprocess.run([sys.executable, "-m", "zhnews.cli", "process", "-", "--steps", "clean", "--workers", "2",
                           "--quiet"], input=src.read_bytes(), capture_output=True)
    assert proc.returncode == 3
    assert len(proc.stdout.decode("utf-8").splitlines()) == 6
    assert proc.stderr.decode("utf-8").count("zhnews process: record") == 4


def test_cli_exit_codes(tmp_path, capsys):
    assert main(["process", str(tmp_path / "missing.jsonl"), "--quiet"]) == 1
    ok = tmp_path / "ok.jsonl"
    ok.write_text(json.dumps({"id": 1, "text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["process", str(ok), "-o", str(tmp_path / "o.jsonl"), "--steps", "clean", "--quiet"]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["process", str(ok), "--workers", "0"])
    assert exc.value.code == 2


def test_cli_dedup(tmp_path):
    src = tmp_path / "in.jsonl"
    base = "国家统计局今日发布数据显示，5月份全国居民消费价格同比上涨0.3%，环比下降0.1%，核心CPI同比上涨0.6%。"
    rows = [{"id": 1, "text": base}, {"id": 2, "text": base.replace("0.6%", "0.7%")},
            {"id": 3, "text": "央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元。"}, {"id": 4}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    index = tmp_path / "index.npz"
    assert main(["dedup", str(src), "-o", str(out), "--index", str(index), "--quiet"]) == 3
    got = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["duplicate_of"]) for r in got] == [(1, None), (2, 1), (3, None)]
    assert index.exists() and len(zhnews.NearDuplicateIndex.load(index)) == 2


def test_cli_help_mentions_options():
    proc = subprocess.run([sys.executable, "-m", "zhnews.cli", "process", "--help"], capture_output=True, text=True)
    for option in ("--workers", "--steps", "--errors", "--overwrite", "--format", "--text-field"):
        assert option in proc.stdout
