"""Tokens, the lunr index and its packed transport form, the t2s table, the written files."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import jieba
from helpers import make_atlas, plan, task

from generator.search.bundle import build_bundle
from generator.search.documents import HUB_KINDS, PASSAGE_KINDS, build_documents
from generator.search.emit import INDEX_FILE, SITE_SUBDIR, STATIC_FILES, write_search
from generator.search.index import build_index, pack, unpack
from generator.text.t2s import full_table, table_for, to_simplified
from generator.search.tokenize import Segmenter, fold, runs

SMALL = make_atlas(
    plan("alpha-2016", "alpha", (
        task("t1", "建设全市统一的远程医疗服务平台。", title="推进远程医疗", lead=("市经信委",),
             domains=("health",)),
        task("t2", "由国务院办公厅统筹,发展O2O服务。"),
    )),
    plan("beta-2017", "beta", (task("t1", "完善“12345”热线网络。"),)),
)


def test_runs_split_han_from_other_letters_and_digits_and_drop_punctuation():
    assert runs(fold("完善“12345”热线,发展O2O与4G")) == [
        ("完善", True), ("12345", False), ("热线", True), ("发展", True), ("o2o", False),
        ("与", True), ("4g", False)]


def test_fold_makes_full_width_digits_and_letters_ascii_lower_case():
    assert fold("ＡＢ１２") == "ab12"


def test_user_dictionary_keeps_vocabulary_words_whole():
    plain = Segmenter()
    ours = Segmenter(["市经信委", "互联网+制造"])
    assert "市经信委" not in plain.words("牵头单位:市经信委")
    assert "市经信委" in ours.words("牵头单位:市经信委")


def test_segmenter_never_touches_the_global_jieba_or_site_packages():
    Segmenter(["阿尔法贝塔委"])
    assert "阿尔法贝塔委" not in jieba.dt.FREQ
    assert not any(Path(jieba.__file__).parent.glob("*.cache"))
    assert os.path.isdir(Segmenter()._tk.tmp_dir)


def test_pack_is_lossless_for_what_the_index_stores():
    docs = build_documents(SMALL)
    index = build_index(docs, Segmenter())
    assert unpack(pack(index)) == index
    assert pack(unpack(pack(index))) == pack(index)


def test_index_holds_words_per_field_and_no_lunr_pipeline():
    b = small_bundle()
    terms = {t: p for t, p in b.index["invertedIndex"]}
    assert b.index["pipeline"] == []
    assert b.index["fields"] == ["title", "agencies", "context"]
    assert terms["远程医疗"]["title"]  # from the task title
    assert terms["市经信委"]["agencies"]  # the lead, as written
    assert "经济和信息化" in "".join(terms)  # canonical name segmented too


def test_documents_are_task_level_with_region_plan_domains_and_agencies():
    docs = build_documents(SMALL)
    t1 = next(d for d in docs if d.url == "plans/alpha-2016/#t1")
    assert (t1.kind, t1.region, t1.plan, t1.domains) == ("task", "alpha", "alpha-2016", ("health",))
    assert {"市经信委", "阿尔法市经济和信息化委员会", "经信委"} <= set(t1.agencies)
    assert t1.context == ("主要任务",)
    kinds = {d.kind for d in docs}
    assert {"task", "section", "plan", "agency", "domain"} <= kinds <= set(PASSAGE_KINDS + HUB_KINDS)


@lru_cache(maxsize=1)
def small_bundle():
    return build_bundle(SMALL)


def test_search_finds_substrings_aliases_and_requires_every_segment():
    s = small_bundle().searcher()
    docs = small_bundle().documents

    def urls(q):
        return [docs[h.ref].url for h in s.search(q)]

    assert "plans/alpha-2016/#t2" in urls("办公厅")  # inside 国务院办公厅
    assert urls("12345热线")[0] == "plans/beta-2017/#t1"
    assert "plans/alpha-2016/#t1" in urls("经济和信息化委员会")  # canonical name of 市经信委
    assert urls("远程医疗 热线") == []  # no document has both
    assert urls("遠程醫療") == urls("远程医疗")
    assert urls("o2o") == urls("Ｏ２Ｏ") == ["plans/alpha-2016/#t2"]


def test_t2s_table_comes_from_opencc_and_ships_only_what_the_corpus_can_match():
    assert to_simplified("遠程醫療經信委辦公廳") == "远程医疗经信委办公厅"
    assert len(full_table()) > 3000
    small = table_for("远程")
    assert small == {k: v for k, v in full_table().items() if v in "远程"}
    assert "遠" in small and "醫" not in small


def site_files(root: Path) -> dict[str, bytes]:
    base = root / SITE_SUBDIR
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


def test_write_search_writes_the_core_shards_and_assets_byte_identically(tmp_path):
    write_search(SMALL, tmp_path / "a")
    write_search(SMALL, tmp_path / "b")
    a = site_files(tmp_path / "a")
    assert a == site_files(tmp_path / "b")
    assert {INDEX_FILE, *(n for _, n in STATIC_FILES)} <= set(a)
    assert any(n.startswith("shards/p") for n in a) and any(n.startswith("shards/d") for n in a)
    script = a[INDEX_FILE].decode("utf-8")
    assert script.startswith("window.__atlasCore=") and script.endswith(";\n")
    json.loads(script[len("window.__atlasCore="):-2])
    shard = a["shards/d0.js"].decode("utf-8")
    assert shard.startswith('window.__atlasLoad("d",0,') and shard.endswith(");\n")


def test_a_second_build_leaves_no_stale_shard(tmp_path):
    big = make_atlas(plan("alpha-2016", "alpha", tuple(
        task(f"t{i}", f"建设第{i}个远程医疗服务平台。") for i in range(40))))
    write_search(big, tmp_path)
    write_search(SMALL, tmp_path)
    written = set(site_files(tmp_path))
    fresh = tmp_path / "fresh"
    write_search(SMALL, fresh)
    assert written == set(site_files(fresh))


def chunk_payload(script: str) -> list:
    return json.loads(script[script.index(",", script.index(",") + 1) + 1:-3])


def test_index_script_keeps_markup_in_content_as_data(tmp_path):
    hostile = make_atlas(plan("alpha-2016", "alpha", (
        task("t1", "建设</script><img src=x onerror=alert(1)>平台\u2028。"),)))
    write_search(hostile, tmp_path)
    chunks = [(tmp_path / SITE_SUBDIR / name) for name in site_files(tmp_path) if name.startswith("shards/d")]
    scripts = [c.read_text(encoding="utf-8") for c in chunks]
    assert not any("\u2028" in s for s in scripts)
    docs = [d for s in scripts for d in chunk_payload(s)]
    assert any("<img src=x onerror=alert(1)>" in d[3] for d in docs)


def test_assets_reference_no_other_host():
    from generator.search.emit import ASSETS

    for src, _ in STATIC_FILES:
        if src.endswith((".js", ".css")) and "vendor" not in src:
            text = (ASSETS / src).read_text(encoding="utf-8")
            assert "http://" not in text and "https://" not in text and "fetch(" not in text, src


def test_same_content_gives_the_same_bytes_across_processes(tmp_path):
    """Hash randomisation, set order and jieba's cache must not leak into the output."""
    import subprocess
    import sys

    code = (
        "import sys; sys.path.insert(0, 'tests/search');"
        "from pathlib import Path; from helpers import *; from test_index import SMALL;"
        "from generator.search.emit import write_search; write_search(SMALL, Path(sys.argv[1]))"
    )
    root = Path(__file__).resolve().parents[2]
    for seed, out in (("1", "a"), ("2", "b")):
        subprocess.run([sys.executable, "-c", code, str(tmp_path / out)], cwd=root, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300)
    assert site_files(tmp_path / "a") == site_files(tmp_path / "b")


def test_segmentation_cache_is_reused_across_builds_and_keyed_by_the_dictionary(tmp_path):
    texts = ["牵头单位:市经信委", "建设全市统一的远程医疗服务平台"]
    first = Segmenter(["市经信委"], cache_dir=tmp_path)
    want = [first.words(t) for t in texts]
    first.save()
    again = Segmenter(["市经信委"], cache_dir=tmp_path)
    assert [again.words(t) for t in texts] == want
    assert again._tk is None  # every run came from the cache: jieba was never loaded
    other = Segmenter(["阿尔法贝塔委"], cache_dir=tmp_path)
    other.words(texts[0])
    other.save()
    assert len(list(tmp_path.glob("jieba-*.json"))) == 2  # another dictionary, another file
    assert Segmenter(["市经信委"], cache_dir=tmp_path).words(texts[0]) == Segmenter(["市经信委"]).words(texts[0])


def test_postings_are_written_as_the_json_module_would(bundle):
    from generator.search.emit import postings_json, to_json

    def plain(shard):  # gram postings are machine-word arrays; the json module wants lists
        return {kind: {k: list(v) for k, v in part.items()} for kind, part in shard.items()}

    shards = bundle.shards()
    assert all(postings_json(p) == to_json(plain(p)) for p in shards.postings)
