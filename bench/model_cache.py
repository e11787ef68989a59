"""Model cache benchmark: first (cold) vs repeated (warm) call of the same tiny local model.

Builds a tiny BERT text classifier from a config (no download), then runs the same task through
``LocalExecutor.run`` several times. ``cold_s`` is the first call (loads the pipeline),
``warm_s`` the median of the following calls (served from the LRU model cache). Library import
time is measured separately (``import_s``) and not counted in ``cold_s``.

Prints one JSON object: ``{"cold_s", "warm_s", "ratio", ...}``.

Usage: ``python bench/model_cache.py [--quick]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, emit  # noqa: E402

sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer warm calls (CI)")
    args = parser.parse_args()
    warm_calls = 3 if args.quick else 20

    t0 = time.perf_counter()
    import torch
    import transformers  # noqa: F401

    torch.set_num_threads(1)
    import_s = time.perf_counter() - t0

    from hgpt_langchain.execution import LocalExecutor, Workspace
    from hgpt_langchain.tasks import TASKS
    from tests.tiny_models import build_text_classifier

    with tempfile.TemporaryDirectory() as tmp:
        model = str(build_text_classifier(Path(tmp)))
        ws = Workspace.create(Path(tmp) / "runs", run_id="bench")
        ex = LocalExecutor(device="cpu")
        spec = TASKS["text-classification"]
        t = time.perf_counter()
        ex.run(spec, model, {"text": "the food was cold"}, ws)
        cold = time.perf_counter() - t
        warm = []
        for i in range(warm_calls):
            t = time.perf_counter()
            ex.run(spec, model, {"text": f"the service was very good {i}"}, ws)
            warm.append(time.perf_counter() - t)
        warm_s = statistics.median(warm)
        emit(
            {
                "cold_s": round(cold, 4),
                "warm_s": round(warm_s, 5),
                "ratio": round(cold / warm_s, 1),
                "import_s": round(import_s, 3),
                "warm_calls": warm_calls,
                "cache": ex.cache.stats(),
                "quick": args.quick,
            }
        )


if __name__ == "__main__":
    main()
