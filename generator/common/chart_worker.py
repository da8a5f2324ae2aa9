"""The charts' drawing process (see generator/common/charts.py `_Drawer`): reads one JSON request per
line, [kind, arguments], and answers each in order with {"svg": ...} or {"error": ...}.

    python -m generator.common.chart_worker
"""

from __future__ import annotations

import json
import signal
import sys

from generator.common.charts import draw


def main() -> None:
    # the process that started it ends it, by closing its input (also when that process dies); a
    # terminal's Ctrl+C reaches every process of the group and printed a traceback from this one
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for line in sys.stdin:
        kind, key = json.loads(line)
        try:
            answer = {"svg": draw(kind, key)}
        except Exception as exc:  # noqa: BLE001 - reported back; the page's process draws it again
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
