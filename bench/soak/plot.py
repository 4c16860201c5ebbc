"""Draws rss.csv (seconds, rss_mb, messages) as an SVG line chart: RSS in MB over messages received."""
import csv
import sys

source, target = sys.argv[1], sys.argv[2]
limit = float(sys.argv[3]) if len(sys.argv) > 3 else 512
rows = [(int(r["messages"] or 0), int(r["rss_mb"] or 0)) for r in csv.DictReader(open(source))]
width, height, pad = 720, 360, 50
max_x = max(m for m, _ in rows) or 1
max_y = max(limit * 1.1, max(r for _, r in rows))


def x(v):
    return pad + (width - 2 * pad) * v / max_x


def y(v):
    return height - pad - (height - 2 * pad) * v / max_y


points = " ".join("%.1f,%.1f" % (x(m), y(r)) for m, r in rows)
out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
       '<rect width="100%" height="100%" fill="white"/>',
       '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (pad, height - pad, width - pad, height - pad),
       '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (pad, pad, pad, height - pad),
       '<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="red" stroke-dasharray="4"/>' % (pad, y(limit), width - pad, y(limit)),
       '<text x="%d" y="%.1f" fill="red">%d MB limit</text>' % (width - pad - 80, y(limit) - 4, limit),
       '<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="%s"/>' % points,
       '<text x="%d" y="%d" text-anchor="middle">messages received (4 KB each, smtp-source)</text>' % (width / 2, height - 12),
       '<text x="14" y="%d" transform="rotate(-90 14 %d)" text-anchor="middle">RSS (MB)</text>' % (height / 2, height / 2)]
for i in range(0, 6):
    v = max_x * i / 5
    out.append('<text x="%.1f" y="%d" text-anchor="middle">%d</text>' % (x(v), height - pad + 16, v))
    w = max_y * i / 5
    out.append('<text x="%d" y="%.1f" text-anchor="end">%d</text>' % (pad - 4, y(w) + 4, w))
out.append("</svg>")
open(target, "w").write("\n".join(out) + "\n")
