"""A synthetic corpus of N plans, derived from the real ones, for the scale benchmark (``make bench``).

The atlas has to stay fast to build and to search at 300+ plans, but only a handful are imported.
``make_corpus`` writes a complete project tree (content/, site_config/, mkdocs.yml) whose plans are
the project's own plans reassigned to made-up regions: group *g* mirrors the whole region tree of the
real plans (每个真实地区 → 合成省NN / 合成市NNN, with its agencies and their aliases), and holds one
copy of each real plan, its tasks shuffled within their sections and its target figures perturbed.

Everything synthetic is marked as such: region ids ``synth-…``, region names 合成省 / 合成市, plan
ids ``synth-…``, titles prefixed 【合成】, and doc numbers 合成发〔…〕. The tree is written under a
scratch directory (the benchmark uses tmp/bench/), never into content/: it is never published.

The corpus passes ``load_content`` unchanged. Each source text is the real source under a synthetic
header (title, doc number, the mirrored documents it cites), so every verbatim field (text, title, annotation, quote …) still occurs in
it and its sha256 is recomputed. Figures: only a target's ``value`` (and ``value_max``) is perturbed,
its ``quote`` stays verbatim; that is what makes the indicator tables and charts differ per region.

Nothing here knows the real plans by name: any content tree with any region hierarchy works.
"""

from __future__ import annotations

import copy
import hashlib
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.content.yamlload import load_yaml

ROOT = Path(__file__).resolve().parent.parent
VOCAB_FILES = ("domains.yaml", "agency_types.yaml", "indicators.yaml")
PLAN_MODELINE = "# yaml-language-server: $schema=../../site_config/schema/plan.schema.json\n"
TITLE_MARK = "【合成】"


@dataclass(frozen=True)
class SynthRegion:
    """The synthetic copy of one real region in one group."""

    id: str
    name: str
    level: str
    parent: str | None


def _read(path: Path) -> object:
    """A content YAML file as plain data, read with the project's own YAML 1.2 reader."""
    doc, problems = load_yaml(path, path.name)
    if doc is None:
        raise ValueError(f"{path}: {'; '.join(str(p) for p in problems)}")
    return doc.data


def _dump(path: Path, data: object, modeline: str) -> None:
    # safe_dump quotes every string a YAML 1.1 or 1.2 reader could take for a number, bool or null.
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000)
    path.write_text(modeline + text, encoding="utf-8", newline="\n")


def _modeline(name: str) -> str:
    return f"# yaml-language-server: $schema=schema/{name.removesuffix('.yaml')}.schema.json\n"


class _Corpus:
    """Builds the synthetic vocabularies and plans from the real ones; ``write`` puts them on disk."""

    def __init__(self, src: Path, n_plans: int, seed: int):
        self.src = src
        self.rng = random.Random(seed)
        self.n = n_plans
        self.regions: list[dict] = _read(src / "site_config/regions.yaml")["regions"]
        self.agencies: list[dict] = _read(src / "site_config/agencies.yaml")["agencies"]
        self.plan_files = sorted((src / "content/plans").glob("*.yaml"))
        if not self.plan_files:
            raise ValueError(f"no plans in {src / 'content/plans'} to derive a corpus from")
        self.plans = [_read(f) for f in self.plan_files]
        # the real regions that are mirrored: everything below the country (national agencies and
        # the country itself are shared by every group, as in the real atlas)
        self.mirrored = [r for r in self.regions if r["level"] != "country"]
        self.kept_regions = [r for r in self.regions if r["level"] == "country"]
        kept_ids = {r["id"] for r in self.kept_regions}
        self.kept_agencies = [a for a in self.agencies if a["region"] in kept_ids]
        self.n_provinces = 0
        self.n_cities = 0

    # --- vocabularies -------------------------------------------------------------------------

    def group_regions(self) -> dict[str, SynthRegion]:
        """Real region id → its copy in the next group (the whole tree below the country)."""
        ids: dict[str, tuple[str, str]] = {}
        for r in self.mirrored:
            if r["level"] in ("province", "municipality"):
                self.n_provinces += 1
                ids[r["id"]] = (f"synth-p{self.n_provinces:02d}", f"合成省{self.n_provinces:02d}")
            else:  # city, district
                self.n_cities += 1
                word = "区" if r["level"] == "district" else "市"
                ids[r["id"]] = (f"synth-c{self.n_cities:03d}", f"合成{word}{self.n_cities:03d}")
        # parents mapped once every copy has its id: no assumption about the file's order
        out: dict[str, SynthRegion] = {}
        for r in self.mirrored:
            sid, name = ids[r["id"]]
            parent = ids[r["parent"]][0] if r["parent"] in ids else r["parent"]
            out[r["id"]] = SynthRegion(sid, name, r["level"], parent)
        return out

    def region_rows(self, mapping: dict[str, SynthRegion]) -> list[dict]:
        return [{"id": s.id, "name": s.name, "short_name": s.name, "level": s.level,
                 "parent": s.parent, "adcode": None} for s in mapping.values()]

    def agency_rows(self, mapping: dict[str, SynthRegion]) -> tuple[list[dict], dict[str, str]]:
        """The real regions' agencies copied to the group's regions, and the id mapping."""
        names = {r["id"]: r["name"] for r in self.regions}
        rows, ids = [], {}
        for a in self.agencies:
            s = mapping.get(a["region"])
            if s is None:
                continue
            suffix = a["id"].removeprefix(a["region"] + "-")
            new_id = f"{s.id}-{suffix}"
            real_name = names[a["region"]]
            name = a["name"]
            name = s.name + name[len(real_name):] if name.startswith(real_name) else f"{s.name}{name}"
            ids[a["id"]] = new_id
            rows.append({"id": new_id, "region": s.id, "name": name,
                         "aliases": list(a.get("aliases") or []), "type": a.get("type")})
        return rows, ids

    # --- plans --------------------------------------------------------------------------------

    def plan(self, real: dict, index: int, group_regions: dict[str, SynthRegion],
             agency_ids: dict[str, str], doc_numbers: dict[str, tuple[str, str]]) -> tuple[dict, str]:
        """The synthetic copy of one real plan, and its source text."""
        p = copy.deepcopy(real)
        region = group_regions[p["region"]]
        real_region_name = next(r["name"] for r in self.regions if r["id"] == p["region"])
        p["id"] = f"synth-{index:03d}-{real['id']}"
        p["title"] = f"{TITLE_MARK}{region.name}{real['title']}"
        p["region"] = region.id
        if p.get("issuer"):
            p["issuer"] = p["issuer"].replace(real_region_name, region.name)
        # the synthetic header of the source: what the copy says that the real text does not
        header = [p["title"]]
        if p.get("doc_number"):
            p["doc_number"] = doc_numbers[real["doc_number"]][0]
            header.append(p["doc_number"])
        for cite in p.get("cites") or []:
            mirror = doc_numbers.get(cite.get("doc_number"))
            if mirror is not None:  # a real plan citing another real plan cites its mirror
                cite["doc_number"], cite["title"] = mirror
                header.append(f"《{mirror[1]}》({mirror[0]})")
        source_text = (self.src / "content/sources" / real["source"]["file"]).read_text(encoding="utf-8")
        source_text = "\n".join(header) + "\n\n" + source_text
        p["source"] = dict(p["source"], file=f"{p['id']}.txt", url=None, retrieved=None,
                           sha256=hashlib.sha256(source_text.encode("utf-8")).hexdigest())
        for section in p.get("sections") or []:
            self._section(section, agency_ids)
        for att in p.get("attachments") or []:
            for m in att.get("members") or []:
                if m.get("agency"):
                    m["agency"] = agency_ids.get(m["agency"], m["agency"])
        return p, source_text

    def _section(self, section: dict, agency_ids: dict[str, str]) -> None:
        for target in section.get("targets") or []:
            self._perturb(target)
        tasks = section.get("tasks") or []
        self.rng.shuffle(tasks)  # order within a section; ids (the anchors) stay unique
        for task in tasks:
            for role in ("lead", "cooperating", "responsible"):
                for ref in task.get(role) or []:
                    if ref.get("agency"):
                        ref["agency"] = agency_ids.get(ref["agency"], ref["agency"])
            for target in task.get("targets") or []:
                self._perturb(target)
        for child in section.get("sections") or []:
            self._section(child, agency_ids)

    def _perturb(self, target: dict) -> None:
        factor = self.rng.uniform(0.7, 1.3)
        value = target.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            new = round(value * factor, 1)
            target["value"] = int(new) if isinstance(value, int) and new == int(new) else new
        value_max = target.get("value_max")
        if isinstance(value_max, (int, float)) and not isinstance(value_max, bool):
            target["value_max"] = max(target["value"], round(value_max * factor, 1))

    # --- the tree -----------------------------------------------------------------------------

    def write(self, out: Path) -> None:
        plans_dir, sources_dir, config = out / "content/plans", out / "content/sources", out / "site_config"
        for d in (plans_dir, sources_dir, config / "schema", out / "docs"):
            d.mkdir(parents=True, exist_ok=True)
        regions, agencies = list(self.kept_regions), list(self.kept_agencies)
        per_group = len(self.plans)
        index = 0
        for _ in range((self.n + per_group - 1) // per_group):
            mapping = self.group_regions()
            regions += self.region_rows(mapping)
            rows, agency_ids = self.agency_rows(mapping)
            agencies += rows
            chosen = self.plans[: min(per_group, self.n - index)]
            # each real plan's doc number → its mirror's (doc number, title) in this group
            doc_numbers: dict[str, tuple[str, str]] = {}
            for k, real in enumerate(chosen):
                if real.get("doc_number"):
                    year = real.get("signed", "")[:4] if isinstance(real.get("signed"), str) else "2016"
                    title = f"{TITLE_MARK}{mapping[real['region']].name}{real['title']}"
                    doc_numbers[real["doc_number"]] = (f"合成发〔{year or '2016'}〕{index + k + 1}号", title)
            for real in chosen:
                index += 1
                plan, source = self.plan(real, index, mapping, agency_ids, doc_numbers)
                (sources_dir / plan["source"]["file"]).write_text(source, encoding="utf-8", newline="\n")
                _dump(plans_dir / f"{plan['id']}.yaml", plan, PLAN_MODELINE)
        _dump(config / "regions.yaml", {"regions": regions}, _modeline("regions.yaml"))
        _dump(config / "agencies.yaml", {"agencies": agencies}, _modeline("agencies.yaml"))
        for name in VOCAB_FILES:
            shutil.copyfile(self.src / "site_config" / name, config / name)
        for schema in sorted((self.src / "site_config/schema").glob("*.json")):
            shutil.copyfile(schema, config / "schema" / schema.name)
        _write_mkdocs_yml(self.src, out)


def _write_mkdocs_yml(src: Path, out: Path) -> None:
    """The project's mkdocs.yml, with the theme overrides taken from the project (not copied)."""
    text = (src / "mkdocs.yml").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        if line.strip().startswith("custom_dir:"):
            indent = line[: len(line) - len(line.lstrip())]
            line = f"{indent}custom_dir: {(src / 'overrides').resolve().as_posix()}"
        lines.append(line)
    (out / "mkdocs.yml").write_text("# SYNTHETIC benchmark corpus (devtools/synthetic.py): never publish.\n"
                                    + "\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def make_corpus(n_plans: int, out_root: Path, *, seed: int = 0, src: Path = ROOT) -> Path:
    """Write a project tree with ``n_plans`` synthetic plans under ``out_root``; return its root.

    ``out_root`` is emptied first (it must not be the project itself). The same ``n_plans``, ``seed``
    and source content give byte-identical files.
    """
    if n_plans < 1:
        raise ValueError("n_plans must be at least 1")
    out = Path(out_root).resolve()
    if out == Path(src).resolve() or Path(src).resolve().is_relative_to(out):
        raise ValueError(f"refusing to write a synthetic corpus over the project: {out}")
    if out.exists():
        shutil.rmtree(out)
    _Corpus(Path(src), n_plans, seed).write(out)
    return out
