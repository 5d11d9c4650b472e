#!/usr/bin/python3
"""Peer pipeline for bench/figures.sh: what a consultant writes with Debian's
pandas, NetworkX and matplotlib to get rcmap analyze's core deliverables.

    /usr/bin/python3 bench/peer_pipeline.py UNITS.csv RESPONSES.csv OUTDIR [--no-figures] [--all-metrics]

1. read_csv of the long units.csv and responses.csv (blank or NA = not
   answered);
2. a row's RC = mean of its answered dimensions; rows with fewer than 4 of 7
   answers dropped; ties (unit, target): n, mean RC, sample SD, 95 % t
   interval, the mean of each dimension; suppression below n = 5 (scores
   blanked, strength "suppressed"); a dimension answered by fewer than 5 rows
   of a shown tie is left out of that tie's row scores, as rcmap does
   (docs/method.md "Anonymity"), so that the tie means are the same;
3. metrics with NetworkX on the shown between-unit ties: in/out strength,
   betweenness on the functional ties (RC >= 3.5) with distance 1/RC (raw
   counts), PageRank (weight RC, damping 0.85); unit RC given, received,
   within; with --all-metrics also closeness (in, out), harmonic, HITS hub and
   authority, Burt's constraint and effective size, clustering, coreness and
   Louvain communities (rcmap's other unit metrics: the peer behind the 79x
   reported earlier at 60 units computed constraint and effective size, which take
   NetworkX seconds there);
4. writes ties.csv, units.csv and network.graphml;
5. unless --no-figures: four matplotlib figures, A4 landscape, each saved as
   PNG (200 dpi) and SVG: a coordination map with curved arrows coloured by
   RC, the authority-provider gap map (unmeasured pairs dotted), the RC
   matrix heatmap with a value in each cell and hatched suppressed cells, and
   the dimension profile (grouped bars with value labels); and report.pdf
   (PdfPages): a title page, the four figures, the gaps table and the units
   table.

It does not validate input, write a workbook, compute the other metrics
(without --all-metrics: closeness, harmonic, hub/authority, constraint,
effective size, communities; never: brokerage, edge betweenness, bridges,
gaps, Cronbach's alpha), sides.csv, gaps.csv, summary.json or checksums: it is a
lower bound for a pandas tool that delivers what rcmap does. Seconds of each
step go to stderr ("peer: step s").
"""
import os
import sys
import time
import warnings

T0 = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import networkx as nx  # noqa: E402
from scipy import stats  # noqa: E402

warnings.simplefilter("ignore", FutureWarning)  # NetworkX 2.8's HITS about NetworkX 3.0

DIMS = ["frequent", "timely", "accurate", "problem_solving",
        "shared_goals", "shared_knowledge", "mutual_respect"]
DIM_NAMES = ["frequent\ncommunication", "timely\ncommunication", "accurate\ncommunication",
             "problem-solving\ncommunication", "shared goals", "shared knowledge", "mutual respect"]
MIN_ANSWERS, MIN_N, WEAK, STRONG = 4, 5, 3.5, 4.0
SIDE_COLOURS = {"authority": "#0072b2", "provider": "#009e73", "general": "#cc79a7", "health": "#56b4e9"}
SIDE_ORDER = ["authority", "provider", "general", "health"]
A4 = (11.69, 8.27)
ALL_METRICS = False

_t = T0
_steps = []


def step(name):
    global _t
    now = time.perf_counter()
    _steps.append(f"{name} {now - _t:.3f}")
    _t = now


def tie_table(units, rows):
    """Ties as rcmap's ties.csv defines them (docs/method.md)."""
    scores = rows[DIMS]
    answered = scores.notna().sum(axis=1)
    rows = rows[answered >= MIN_ANSWERS]
    key = ["unit", "target"]
    g = rows.groupby(key, sort=True)
    n = g.size().rename("n")
    counts = g[DIMS].count()
    # A dimension answered by 1..MIN_N-1 rows of a shown tie is left out of
    # that tie (its mean blank, row scores over the other dimensions).
    left_out = (counts > 0) & (counts < MIN_N) & (n.values[:, None] >= MIN_N)
    masked = rows[DIMS]
    if left_out.values.any():
        drop = left_out.reindex(pd.MultiIndex.from_frame(rows[key])).to_numpy()
        masked = masked.mask(drop)
    rows = rows.assign(rc=masked.mean(axis=1, skipna=True))
    g = rows.groupby(key, sort=True)
    ties = g["rc"].agg(rc="mean", rc_sd="std")
    ties.insert(0, "n", n)
    dim_means = g[DIMS].mean().mask(left_out)
    ties = ties.join(dim_means)
    # A row left with no dimension suppresses its tie.
    empty = rows["rc"].isna().groupby([rows["unit"], rows["target"]]).any()
    shown = (ties["n"] >= MIN_N) & ~empty.reindex(ties.index, fill_value=False)
    half = stats.t.ppf(0.975, ties["n"] - 1) * ties["rc_sd"] / np.sqrt(ties["n"])
    ties["rc_ci_low"] = ties["rc"] - half
    ties["rc_ci_high"] = ties["rc"] + half
    blank = ["rc", "rc_sd", "rc_ci_low", "rc_ci_high"] + DIMS
    ties.loc[~shown, blank] = np.nan
    ties["strength"] = np.select([~shown, ties["rc"] < WEAK, ties["rc"] >= STRONG],
                                 ["suppressed", "weak", "strong"], "moderate")
    ties = ties.reset_index().rename(columns={"unit": "source"})
    lab = units.set_index("unit")
    for end in ("source", "target"):
        ties[end + "_label"] = ties[end].map(lab["label"])
        ties[end + "_side"] = ties[end].map(lab["side"])
    cols = ["source", "target", "source_label", "target_label", "source_side", "target_side",
            "n", "rc", "rc_sd", "rc_ci_low", "rc_ci_high"] + DIMS + ["strength"]
    return ties[cols], rows


def unit_table(units, rows, ties):
    shown = ties[ties["strength"] != "suppressed"]
    between = shown[shown["source"] != shown["target"]]
    g = nx.DiGraph()
    g.add_nodes_from(units["unit"])
    for s, t, rc in between[["source", "target", "rc"]].itertuples(index=False):
        g.add_edge(s, t, rc=rc, dist=1.0 / rc)
    func = nx.DiGraph()
    func.add_nodes_from(units["unit"])
    func.add_edges_from((s, t, d) for s, t, d in g.edges(data=True) if d["rc"] >= WEAK)
    u = units[["unit", "label", "side", "headcount"]].copy()
    u["respondents"] = u["unit"].map(rows.groupby("unit")["respondent"].nunique()).fillna(0).astype(int)
    u["rc_given"] = u["unit"].map(between.groupby("source")["rc"].mean())
    u["rc_received"] = u["unit"].map(between.groupby("target")["rc"].mean())
    within = shown[shown["source"] == shown["target"]].set_index("source")["rc"]
    u["rc_within"] = u["unit"].map(within)
    u["in_strength"] = u["unit"].map(dict(g.in_degree(weight="rc")))
    u["out_strength"] = u["unit"].map(dict(g.out_degree(weight="rc")))
    u["betweenness"] = u["unit"].map(nx.betweenness_centrality(func, weight="dist", normalized=False))
    u["pagerank"] = u["unit"].map(nx.pagerank(g, alpha=0.85, weight="rc"))
    if ALL_METRICS:
        # The rest of rcmap's unit metrics (docs/metrics.md), as NetworkX computes
        # them; not compared with rcmap's (conventions differ in places).
        step("metrics: strength, betweenness, PageRank")
        u["closeness_in"] = u["unit"].map(nx.closeness_centrality(func, distance="dist"))
        u["closeness_out"] = u["unit"].map(nx.closeness_centrality(func.reverse(copy=False), distance="dist"))
        u["harmonic"] = u["unit"].map(nx.harmonic_centrality(func.reverse(copy=False), distance="dist"))
        hub, auth = nx.hits(g)
        u["hub"], u["authority_score"] = u["unit"].map(hub), u["unit"].map(auth)
        step("metrics: closeness, harmonic, HITS")
        u["constraint"] = u["unit"].map(nx.constraint(g, weight="rc"))
        step("metrics: constraint")
        u["effective_size"] = u["unit"].map(nx.effective_size(g, weight="rc"))
        step("metrics: effective size")
        und = func.to_undirected()
        u["clustering"] = u["unit"].map(nx.clustering(und))
        u["coreness"] = u["unit"].map(nx.core_number(und))
        community = {v: i for i, c in enumerate(nx.community.louvain_communities(und, seed=1)) for v in c}
        u["community"] = u["unit"].map(community)
        step("metrics: clustering, coreness, Louvain")
    return u, g


def rc_cmap():
    from matplotlib.colors import LinearSegmentedColormap
    # Brown to orange below 3.5 (weak), grey to 4 (moderate), lilac to purple from 4 (strong), on 2..5.
    stops = [(0.0, "#7f3b08"), (0.5 - 1e-6, "#f1a340"), (0.5, "#a8a8a8"), (2 / 3 - 1e-6, "#b8b8b8"),
             (2 / 3, "#a59dd0"), (1.0, "#542788")]
    return LinearSegmentedColormap.from_list("rc", stops)


def figures(out, units, rows, ties, uo):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.patches import FancyArrowPatch, Rectangle
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    step("import matplotlib")
    cmap, norm = rc_cmap(), Normalize(2, 5)
    respondents = f"{rows['respondent'].nunique()} respondents"
    shown = ties[ties["strength"] != "suppressed"]
    between = shown[shown["source"] != shown["target"]]
    resp = uo.set_index("unit")["respondents"]
    side = units.set_index("unit")["side"]
    label = units.set_index("unit")["label"]

    def frame(title):
        fig = plt.figure(figsize=A4)
        fig.text(0.03, 0.95, title, fontsize=18, weight="bold")
        fig.text(0.03, 0.92, respondents, fontsize=10, color="#444444")
        return fig

    def colour_bar(fig, rect):
        cax = fig.add_axes(rect)
        cb = fig.colorbar(ScalarMappable(norm, cmap), cax=cax, orientation="horizontal")
        cb.set_ticks([2, 3, 3.5, 4, 5])
        cb.ax.tick_params(labelsize=7)
        cax.set_title("Relational coordination (RC, 1-5)", fontsize=8, weight="bold", loc="left")
        return cax

    def network(title, ids, pos, gaps):
        fig = frame(title)
        ax = fig.add_axes([0.02, 0.12, 0.96, 0.78])
        ax.set_xlim(-0.4, 1.4)
        ax.set_ylim(-0.1, 1.1)
        ax.axis("off")
        keep = between[between["source"].isin(ids) & between["target"].isin(ids)]
        for s, t, rc, n in keep[["source", "target", "rc", "n"]].itertuples(index=False):
            cross = {side[s], side[t]} == {"authority", "provider"}
            faint = not cross
            ax.add_patch(FancyArrowPatch(
                pos[s], pos[t], connectionstyle="arc3,rad=0.06", arrowstyle="-|>", mutation_scale=10,
                shrinkA=9, shrinkB=9, lw=0.4 + 0.08 * n if not faint else 0.6,
                color=cmap(norm(rc)), alpha=0.25 if faint else 0.9, zorder=1 if faint else 2))
        if gaps:
            have = set(zip(keep["source"], keep["target"]))
            for s in ids:
                for t in ids:
                    if side[s] != side[t] and (s, t) not in have:
                        ax.add_patch(FancyArrowPatch(pos[s], pos[t], connectionstyle="arc3,rad=0.06",
                                                     arrowstyle="-|>", mutation_scale=8, shrinkA=9, shrinkB=9,
                                                     lw=0.8, ls=":", color="black", zorder=3))
        xs = [pos[u][0] for u in ids]
        ys = [pos[u][1] for u in ids]
        ax.scatter(xs, ys, s=[20 + 12 * resp[u] for u in ids], c=[SIDE_COLOURS.get(side[u], "grey") for u in ids],
                   edgecolors="white", linewidths=1.0, zorder=4)
        for u in ids:
            x, y = pos[u]
            ha = {"authority": "right", "provider": "left"}.get(side[u], "center")
            dx = -0.03 if ha == "right" else 0.03 if ha == "left" else 0
            dy = 0.05 if (ha == "center" and y > 0.5) else -0.06 if ha == "center" else 0
            ax.text(x + dx, y + dy, label[u], ha=ha, va="center", fontsize=9, zorder=5)
        for i, s in enumerate(sorted({side[u] for u in ids}, key=SIDE_ORDER.index)):
            fig.text(0.05 + 0.1 * (i // 2), 0.07 - 0.025 * (i % 2), "\u25cf " + s, fontsize=8,
                     color=SIDE_COLOURS[s])
        colour_bar(fig, [0.3, 0.05, 0.25, 0.02])
        fig.text(0.6, 0.03, "Node area: respondents\nLine width: respondents behind the tie\n"
                 + ("...... unmeasured (no tie or hidden)\n" if gaps else "Thin, light: other ties\n")
                 + "Ties from fewer than 5 respondents are hidden", fontsize=8, va="bottom")
        return fig

    def side_positions(ids):
        pos = {}
        cols = {s: [u for u in ids if side[u] == s] for s in SIDE_ORDER}
        for s, x in (("authority", 0.0), ("provider", 1.0)):
            us = cols[s]
            for i, u in enumerate(us):
                pos[u] = (x, 0.15 + 0.7 * (len(us) - 1 - i) / max(1, len(us) - 1))
        for s, y in (("general", 1.0), ("health", 0.0)):
            us = cols[s]
            for i, u in enumerate(us):
                pos[u] = (0.15 + 0.7 * (i + 0.5) / len(us), y - 0.1 * (i % 2) * (1 if y > 0.5 else -1))
        return pos

    figs = {}
    ids = list(units["unit"])
    figs["map"] = network("Coordination map", ids, side_positions(ids), False)
    step("layout map")
    ap = [u for u in ids if side[u] in ("authority", "provider")]
    figs["gap-map"] = network("Coordination gaps: authority and provider", ap, side_positions(ap), True)
    step("layout gap-map")

    # RC matrix: rows rate columns, units ordered by side.
    order = sorted(ids, key=lambda u: SIDE_ORDER.index(side[u]))
    m = ties.pivot(index="source", columns="target", values="rc").reindex(index=order, columns=order)
    nn = ties.pivot(index="source", columns="target", values="n").reindex(index=order, columns=order)
    fig = frame("Relational coordination between units")
    ax = fig.add_axes([0.26, 0.1, 0.7, 0.6])
    ax.imshow(m.to_numpy(dtype=float), cmap=cmap, norm=norm, aspect="auto")
    k = len(order)
    for i in range(k):
        for j in range(k):
            v, n = m.iat[i, j], nn.iat[i, j]
            if pd.notna(v):
                ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=8,
                        color="white" if v < 2.8 or v > 4.4 else "black")
            elif pd.notna(n):
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="////", ec="#cccccc", lw=0))
                ax.text(j, i, "n<5", ha="center", va="center", fontsize=7, color="#555555")
        ax.add_patch(Rectangle((i - 0.5, i - 0.5), 1, 1, fill=False, ec="black", lw=1.2, zorder=3))
    ax.set_xticks(range(k), [label[u] for u in order], rotation=90, fontsize=8)
    ax.set_yticks(range(k), [label[u] for u in order], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_xticks(np.arange(-0.5, k, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, k, 1), minor=True)
    ax.grid(which="minor", color="white", lw=1)
    ax.tick_params(which="minor", length=0)
    colour_bar(fig, [0.05, 0.05, 0.25, 0.02])
    fig.text(0.35, 0.04, "Hatched: fewer than 5 respondents (hidden)\nOutlined: within the unit", fontsize=8)
    figs["matrix"] = fig
    step("layout matrix")

    # Dimension profile: mean of each dimension over the rows of shown ties between
    # different units, four groups.
    rs = rows.merge(shown[["source", "target"]], left_on=["unit", "target"], right_on=["source", "target"])
    rs = rs[rs["unit"] != rs["target"]]
    rs = rs.assign(ss=rs["unit"].map(side), ts=rs["target"].map(side))
    groups = [("authority \u2192 provider", (rs.ss == "authority") & (rs.ts == "provider")),
              ("provider \u2192 authority", (rs.ss == "provider") & (rs.ts == "authority")),
              ("within authority", (rs.ss == "authority") & (rs.ts == "authority")),
              ("within provider", (rs.ss == "provider") & (rs.ts == "provider"))]
    fig = frame("Relational coordination by dimension")
    ax = fig.add_axes([0.08, 0.2, 0.82, 0.66])
    x = np.arange(len(DIMS))
    colours = ["#0072b2", "#009e73", "#8fc0e0", "#8dd5c0"]
    for gi, (name, sel) in enumerate(groups):
        vals = rs.loc[sel, DIMS].mean()
        bars = ax.bar(x + (gi - 1.5) * 0.19, vals, 0.19, color=colours[gi], edgecolor=colours[gi % 2],
                      label=f"{name}  (n = {int(sel.sum())})")
        ax.bar_label(bars, fmt="%.1f", fontsize=7)
    ax.axhline(STRONG, ls="--", color="#542788")
    ax.axhline(WEAK, ls="--", color="#b35806")
    ax.text(len(DIMS) - 0.4, STRONG, "strong \u2265 4.0", color="#542788", fontsize=8, va="center")
    ax.text(len(DIMS) - 0.4, WEAK, "weak < 3.5", color="#b35806", fontsize=8, va="center")
    ax.set_ylim(1, 5)
    ax.set_xticks(x, DIM_NAMES, fontsize=8)
    ax.set_ylabel("Mean RC", weight="bold")
    ax.grid(axis="y", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4, frameon=False, fontsize=8)
    figs["profile"] = fig
    step("layout profile")

    for name, fig in figs.items():
        fig.savefig(os.path.join(out, name + ".png"), dpi=200)
        step("png " + name)
        fig.savefig(os.path.join(out, name + ".svg"))
        step("svg " + name)

    with PdfPages(os.path.join(out, "report.pdf")) as pdf:
        fig = plt.figure(figsize=A4)
        fig.text(0.1, 0.6, "Relational coordination", fontsize=28, weight="bold")
        fig.text(0.1, 0.5, f"{len(units)} units\n{respondents}", fontsize=14)
        pdf.savefig(fig)
        plt.close(fig)
        for fig in figs.values():
            pdf.savefig(fig)
        # Gaps table: authority <-> provider ties, weakest first.
        gt = between[between["source"].map(side).isin(["authority", "provider"])
                     & between["target"].map(side).isin(["authority", "provider"])
                     & (between["source"].map(side) != between["target"].map(side))].sort_values("rc")
        cells = [[a, b, f"{rc:.2f}", str(n)] for a, b, rc, n in
                 gt[["source_label", "target_label", "rc", "n"]].itertuples(index=False)]
        for start in range(0, len(cells), 30):
            fig = plt.figure(figsize=A4)
            fig.text(0.05, 0.94, "Coordination gaps, most severe first", fontsize=14, weight="bold")
            ax = fig.add_axes([0.05, 0.05, 0.9, 0.85])
            ax.axis("off")
            t = ax.table(cellText=cells[start:start + 30], colLabels=["From", "To", "RC", "n"], loc="upper left",
                         colWidths=[0.4, 0.4, 0.1, 0.1])
            t.auto_set_font_size(False)
            t.set_fontsize(8)
            pdf.savefig(fig)
            plt.close(fig)
        fig = plt.figure(figsize=A4)
        fig.text(0.05, 0.94, "Units", fontsize=14, weight="bold")
        ax = fig.add_axes([0.05, 0.05, 0.9, 0.85])
        ax.axis("off")
        fmt = lambda v, d: "" if pd.isna(v) else f"{v:.{d}f}"  # noqa: E731
        cells = [[r.label, r.side, str(r.respondents), fmt(r.rc_given, 2), fmt(r.rc_received, 2),
                  fmt(r.rc_within, 2), fmt(r.pagerank, 3), fmt(r.betweenness, 1)] for r in uo.itertuples()]
        t = ax.table(cellText=cells, colLabels=["Unit", "Side", "Respondents", "RC given", "RC received",
                                                "RC within", "PageRank", "Betweenness"], loc="upper left",
                     colWidths=[0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])
        t.auto_set_font_size(False)
        t.set_fontsize(8)
        pdf.savefig(fig)
        plt.close(fig)
    step("report.pdf")


def main():
    global ALL_METRICS
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    draw = "--no-figures" not in sys.argv
    ALL_METRICS = "--all-metrics" in sys.argv
    units_path, responses_path, out = args[:3]
    os.makedirs(out, exist_ok=True)
    step("import pandas+networkx+scipy")
    ids = {"respondent": str, "unit": str, "target": str}
    units = pd.read_csv(units_path, dtype={"unit": str}, keep_default_na=False)
    rows = pd.read_csv(responses_path, dtype=ids, keep_default_na=False,
                       na_values={d: ["", "NA", "na", "Na"] for d in DIMS})
    step("read")
    ties, rows = tie_table(units, rows)
    step("ties")
    uo, g = unit_table(units, rows, ties)
    step("metrics")
    ties.to_csv(os.path.join(out, "ties.csv"), index=False, float_format="%.6f")
    uo.to_csv(os.path.join(out, "units.csv"), index=False, float_format="%.6f")
    nx.write_graphml(g, os.path.join(out, "network.graphml"))
    step("write csv+graphml")
    if draw:
        figures(out, units, rows, ties, uo)
    print("peer: " + ", ".join(_steps) + f", total {time.perf_counter() - T0:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
