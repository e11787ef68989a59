"""``hgpt serve-ray``: start the expert-model deployments on a running Ray cluster."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from hgpt_langchain.errors import ConfigurationError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``serve-ray`` subcommand."""
    p = sub.add_parser(
        "serve-ray",
        help="serve expert models on a Ray cluster (Ray Serve, multiplexed by model)",
        description="Start one Ray Serve application per task family (text, vision, audio, "
        "diffusion) on a running Ray cluster; then run requests with --execution ray "
        "(HGPT_RAY_ADDRESS=http://HOST:PORT from outside the cluster). Needs the ray extra.",
    )
    p.add_argument("--address", default="auto", help="Ray cluster address (default: auto)")
    p.add_argument("--host", default="127.0.0.1", help="HTTP proxy host (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="HTTP proxy port (default: 8000)")
    p.add_argument(
        "--families",
        default="text,vision,audio,diffusion",
        help="comma-separated task families to deploy",
    )
    p.add_argument("--max-models", type=int, help="loaded models per replica (LRU)")
    p.add_argument("--min-replicas", type=int, help="autoscaling lower bound (0: scale to zero)")
    p.add_argument("--max-replicas", type=int, help="autoscaling upper bound")
    p.add_argument("--num-cpus", type=float, help="CPUs per replica")
    p.add_argument("--num-gpus", type=float, help="GPUs per replica")
    p.set_defaults(func=cmd_serve_ray)


def cmd_serve_ray(args: argparse.Namespace) -> int:
    """Deploy the families and block until interrupted."""
    from hgpt_langchain.execution.ray_serve import DEFAULT_FAMILIES, FAMILIES, deploy

    families = [f.strip() for f in args.families.split(",") if f.strip()]
    unknown = sorted(set(families) - set(FAMILIES))
    if unknown:
        raise ConfigurationError(
            f"--families: unknown {', '.join(unknown)}; choose from {', '.join(FAMILIES)}."
        )
    overrides = {
        "max_models_per_replica": args.max_models,
        "min_replicas": args.min_replicas,
        "max_replicas": args.max_replicas,
        "num_cpus": args.num_cpus,
        "num_gpus": args.num_gpus,
    }
    overrides = {k: v for k, v in overrides.items() if v is not None}
    configs = {f: replace(DEFAULT_FAMILIES[f], **overrides) for f in families}
    try:
        import ray
        from ray import serve
    except ImportError as err:
        raise ConfigurationError(
            "hgpt serve-ray needs Ray Serve: pip install 'hgpt-langchain[ray]'."
        ) from err
    try:
        ray.init(address=args.address)
    except ConnectionError as err:
        raise ConfigurationError(
            f"No Ray cluster at {args.address!r} ({err}). Start one with `ray start --head`, "
            "or pass --address."
        ) from err
    serve.start(http_options={"host": args.host, "port": args.port})
    print(
        f"hgpt: serving {', '.join(families)} on http://{args.host}:{args.port}/hgpt/<family>; "
        f"run requests with --execution ray (HGPT_RAY_ADDRESS=http://{args.host}:{args.port}). "
        "Ctrl-C stops waiting (the deployments keep running until `serve shutdown`).",
        file=sys.stderr,
    )
    deploy(configs, blocking=True)
    return 0
