import subprocess
import sys

from zhnews.cli import main


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "zhnews.cli", *args], input=stdin, capture_output=True)


def test_clean_file(seed_article, tmp_path):
    raw, clean_lines, _ = seed_article
    src = tmp_path / "a.txt"
    src.write_text(raw, encoding="utf-8")
    proc = run("clean", str(src))
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8").splitlines() == clean_lines


def test_clean_stdin_gb18030_and_explain():
    text = "标题\n正文第一段，内容很长很长。\n责任编辑：张三\n"
    proc = run("clean", "-", "--explain", stdin=text.encode("gb18030"))
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8").splitlines()
    assert out[0].strip().startswith("KEEP")
    assert out[2].startswith("- editor [editor.label]")


def test_clean_bad_bytes_exit_code(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\xff\xff")
    proc = run("clean", str(bad))
    assert proc.returncode == 1
    assert b"utf-8" in proc.stderr and b"gb18030" in proc.stderr


def test_missing_file_and_usage(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope.txt")]) == 1
    proc = run()
    assert proc.returncode == 2
