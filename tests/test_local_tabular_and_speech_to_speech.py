"""The last two task types locally: tabular classification (skops) and speech-to-speech (SpeechT5).

Both run on tiny models built in the test: a scikit-learn classifier saved with skops, and a
SpeechT5 speech-to-speech model plus HiFi-GAN vocoder built from small configs.
"""

from __future__ import annotations

import json
import pickle
import wave
from pathlib import Path

import numpy as np
import pytest

from hgpt_langchain.errors import ExecutionError
from hgpt_langchain.execution import LocalExecutor, Scheduler, Workspace
from hgpt_langchain.selection.base import StaticSelector
from hgpt_langchain.state import Plan, Task
from hgpt_langchain.tasks import TASKS, registry_rows
from tests.tiny_models import write_wav

IRIS_COLUMNS = ["sepal_length", "sepal_width", "petal_length", "petal_width"]


@pytest.fixture(scope="module")
def iris_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real scikit-learn classifier trained on iris, saved the way skops.hub_utils saves it."""
    import skops.io as sio
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression

    folder = tmp_path_factory.mktemp("models") / "iris-skops"
    folder.mkdir()
    data = load_iris()
    clf = LogisticRegression(max_iter=500).fit(data.data, data.target_names[data.target])
    sio.dump(clf, folder / "model.skops")
    config = {
        "sklearn": {
            "columns": IRIS_COLUMNS,
            "model": {"file": "model.skops"},
            "model_format": "skops",
            "task": "tabular-classification",
        }
    }
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def test_every_task_type_has_a_local_route():
    rows = registry_rows()
    assert all(r["local"] for r in rows), [r["task"] for r in rows if not r["local"]]
    assert LocalExecutor().supports(TASKS["tabular-classification"])
    assert LocalExecutor().supports(TASKS["audio-to-audio"])


def test_tabular_model_labels_each_row_of_a_csv_file(iris_model: Path, ws: Workspace, tmp_path):
    csv_file = tmp_path / "flowers.csv"
    # Columns in another order than the model was trained on: matched by name.
    csv_file.write_text(
        "petal_length,petal_width,sepal_length,sepal_width\n"
        "1.4,0.2,5.1,3.5\n"
        "5.8,2.2,6.5,3.0\n"
        "4.5,1.5,6.0,2.9\n"
    )
    name = ws.import_file(str(csv_file))
    out = LocalExecutor(device="cpu").run(
        TASKS["tabular-classification"], str(iris_model), {"table": name}, ws
    )
    assert out.data["labels"] == ["setosa", "virginica", "versicolor"]
    assert out.text.startswith("row 1: setosa; row 2: virginica")
    assert out.executor == "local"


def test_tabular_model_reads_inline_rows(iris_model: Path, ws: Workspace):
    out = LocalExecutor(device="cpu").run(
        TASKS["tabular-classification"], str(iris_model), {"table": "5.0,3.4,1.5,0.2"}, ws
    )
    assert out.data["labels"] == ["setosa"]


def test_tabular_input_errors_are_clear(iris_model: Path, ws: Workspace):
    ex = LocalExecutor(device="cpu")
    with pytest.raises(ExecutionError, match=r"lacks the model's feature column\(s\)"):
        ex.run(TASKS["tabular-classification"], str(iris_model), {"table": "a,b\n1,2\n"}, ws)
    with pytest.raises(ExecutionError, match="do not have the 4 values"):
        ex.run(TASKS["tabular-classification"], str(iris_model), {"table": "1,2\n3,4"}, ws)


def test_pickle_model_files_need_an_explicit_trust_flag(tmp_path: Path, ws: Workspace):
    from sklearn.tree import DecisionTreeClassifier

    folder = tmp_path / "pickled"
    folder.mkdir()
    clf = DecisionTreeClassifier().fit([[0.0], [1.0]], ["low", "high"])
    (folder / "model.pkl").write_bytes(pickle.dumps(clf))
    task = TASKS["tabular-classification"]
    with pytest.raises(ExecutionError, match="can run arbitrary code.*HGPT_TRUST_PICKLE"):
        LocalExecutor(device="cpu").run(task, str(folder), {"table": "0.9"}, ws)
    trusted = LocalExecutor(device="cpu", trust_pickle=True)
    assert trusted.run(task, str(folder), {"table": "0.9"}, ws).data["labels"] == ["high"]


def _double(x):
    return np.asarray(x) * 2


def test_skops_files_with_untrusted_types_are_refused(tmp_path: Path, ws: Workspace):
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer
    from sklearn.tree import DecisionTreeClassifier

    folder = tmp_path / "untrusted"
    folder.mkdir()
    # A reference to arbitrary code (here a function of this module) is not trusted by skops.
    clf = make_pipeline(FunctionTransformer(func=_double), DecisionTreeClassifier())
    sio.dump(clf.fit([[0.0], [1.0]], ["low", "high"]), folder / "model.skops")
    with pytest.raises(ExecutionError, match="types that skops does not trust.*_double"):
        LocalExecutor(device="cpu").run(
            TASKS["tabular-classification"], str(folder), {"table": "4.0"}, ws
        )


@pytest.fixture(scope="module")
def tiny_speecht5_vc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SpeechT5 speech-to-speech model with its HiFi-GAN vocoder, built from tiny configs."""
    import torch
    from transformers import (
        SpeechT5Config,
        SpeechT5FeatureExtractor,
        SpeechT5ForSpeechToSpeech,
        SpeechT5HifiGan,
        SpeechT5HifiGanConfig,
    )

    torch.manual_seed(0)
    folder = tmp_path_factory.mktemp("models") / "tiny-speecht5-vc"
    config = SpeechT5Config(
        hidden_size=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        num_feat_extract_layers=2,
        conv_dim=(32, 32),
        conv_stride=(5, 2),
        conv_kernel=(10, 3),
        num_conv_pos_embeddings=16,
        num_conv_pos_embedding_groups=2,
        speech_decoder_prenet_units=32,
        speech_decoder_postnet_units=32,
        speech_decoder_postnet_layers=2,
        speaker_embedding_dim=16,
        num_mel_bins=20,
        max_speech_positions=800,
        max_text_positions=100,
    )
    SpeechT5ForSpeechToSpeech(config).save_pretrained(folder)
    SpeechT5FeatureExtractor(num_mel_bins=20).save_pretrained(folder)
    vocoder = SpeechT5HifiGan(
        SpeechT5HifiGanConfig(
            model_in_dim=20,
            upsample_initial_channel=16,
            upsample_rates=[4, 4],
            upsample_kernel_sizes=[8, 8],
            resblock_kernel_sizes=[3],
            resblock_dilation_sizes=[[1, 3]],
        )
    )
    vocoder.save_pretrained(folder / "vocoder")
    np.save(folder / "speaker_embeddings.npy", np.linspace(-1, 1, 16).astype("float32"))
    return folder


def test_speech_to_speech_writes_a_wav_in_the_target_voice(
    tiny_speecht5_vc: Path, ws: Workspace, tmp_path: Path
):
    name = ws.import_file(str(write_wav(tmp_path / "speech.wav", seconds=0.4)))
    out = LocalExecutor(device="cpu").run(
        TASKS["audio-to-audio"], str(tiny_speecht5_vc), {"audio": name}, ws
    )
    (path,) = out.files
    assert out.executor == "local" and out.data["voice"] == "the model's speaker"
    with wave.open(path) as w:
        assert w.getframerate() == 16000 and w.getnframes() > 0


def test_speech_to_speech_refuses_other_architectures_with_the_reason(
    tiny_speecht5_vc: Path, ws: Workspace, tmp_path: Path
):
    other = tmp_path / "not-speecht5"
    other.mkdir()
    (other / "config.json").write_text(json.dumps({"model_type": "bert"}))
    name = ws.import_file(str(write_wav(tmp_path / "speech.wav")))
    with pytest.raises(ExecutionError, match="runs SpeechT5 speech-to-speech models"):
        LocalExecutor(device="cpu").run(TASKS["audio-to-audio"], str(other), {"audio": name}, ws)


def test_scheduler_falls_back_from_an_unrunnable_audio_model_and_runs_a_table(
    tiny_speecht5_vc: Path, iris_model: Path, ws: Workspace, tmp_path: Path
):
    """A 2-task plan through the scheduler: audio-to-audio falls back to the runnable candidate."""
    broken = tmp_path / "asteroid-like"
    broken.mkdir()
    (broken / "config.json").write_text(json.dumps({"model_type": "asteroid"}))
    ws.import_file(str(write_wav(tmp_path / "call.wav", seconds=0.3)))
    plan = Plan(
        tasks=[
            Task(id=0, task="audio-to-audio", args={"audio": "call.wav"}),
            Task(id=1, task="tabular-classification", args={"table": "6.7,3.1,5.6,2.4"}),
        ]
    )
    models = {
        "audio-to-audio": [str(broken), str(tiny_speecht5_vc)],
        "tabular-classification": [str(iris_model)],
    }
    choices = StaticSelector(lambda t: models[t.task]).select(plan, "")
    results = Scheduler(LocalExecutor(device="cpu"), retries=0).run(plan, choices, ws)
    assert results[0].status == "ok" and results[0].model == str(tiny_speecht5_vc)
    assert "runs SpeechT5" in results[0].attempts[0]
    assert results[1].status == "ok" and results[1].data["labels"] == ["virginica"]
