#!/usr/bin/env python3
"""Draws a flame graph as SVG from collapsed stacks ("frame;frame;frame count" per line).

    python3 bench/flamegraph.py TITLE < profile.collapsed > profile.svg

async-profiler's converter writes collapsed stacks but draws its flame graphs in HTML only; an SVG is one file
that a browser, a review tool or the repository's own viewer shows as it is. Each frame is a box as wide as its
share of the samples, its callees above it; hovering shows the frame and its share. Qorgau's own frames are
drawn in orange, the JDK's and libraries' Java in green, the JVM's own and native code in grey; frames under
0.5% of the samples are left out so the file stays small.
"""
import html
import sys

WIDTH, ROW, FONT, MIN_SHARE = 1400, 16, 11, 0.005


def tree(lines):
    root = {"name": "all", "count": 0, "children": {}}
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        node = root
        node["count"] += int(count)
        for frame in stack.split(";"):
            node = node["children"].setdefault(frame, {"name": frame, "count": 0, "children": {}})
            node["count"] += int(count)
    return root


def short(name):
    """org.hibernate.internal.SessionImpl.find_[j] -> SessionImpl.find_[j]: the package only colours the box."""
    head, _, tail = name.partition("_[")
    parts = head.replace("/", ".").split(".")
    kept = ".".join(parts[-2:]) if len(parts) > 2 else head
    return kept + ("_[" + tail if tail else "")


def colour(name):
    if "kz.qorgau" in name or "kz/qorgau" in name:
        return "#f0a040"
    if "." in name or "/" in name:
        return "#8fd18f"
    return "#c8c8c8"


def boxes(node, x, depth, total, out):
    width = WIDTH * node["count"] / total
    out.append((x, depth, width, node["name"], node["count"]))
    for child in sorted(node["children"].values(), key=lambda c: c["name"]):
        if child["count"] / total >= MIN_SHARE:
            boxes(child, x, depth + 1, total, out)
        x += WIDTH * child["count"] / total
    return out


def svg(title, root):
    total = max(root["count"], 1)
    drawn = boxes(root, 0.0, 0, total, [])
    depth = max(d for _, d, _, _, _ in drawn) + 1
    height = (depth + 2) * ROW
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-family="monospace" '
             f'font-size="{FONT}"><rect width="100%" height="100%" fill="#ffffff"/>',
             f'<text x="4" y="{ROW - 3}" font-size="{FONT + 2}">{html.escape(title)} ({total:,} samples)</text>']
    for x, d, w, name, count in drawn:
        y = height - (d + 1) * ROW
        label = f"{short(name)} ({100 * count / total:.2f}%, {count:,} samples)"
        parts.append(f'<g><title>{html.escape(label)}</title><rect x="{x:.1f}" y="{y}" width="{max(w - 0.5, 0.1):.1f}" '
                     f'height="{ROW - 1}" fill="{colour(name)}"/>')
        chars = int(w / (FONT * 0.6))
        if chars >= 3:
            text = short(name)
            text = text if len(text) <= chars else text[: chars - 2] + ".."
            parts.append(f'<text x="{x + 2:.1f}" y="{y + ROW - 4}">{html.escape(text)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(svg(sys.argv[1] if len(sys.argv) > 1 else "flame graph", tree(sys.stdin)))
