import json

import pytest

from hgpt_langchain.catalog import Catalog, CatalogEntry
from hgpt_langchain.selection.base import Selector
from hgpt_langchain.selection.index import ModelIndex
from hgpt_langchain.selection.llm import LLMSelector
from hgpt_langchain.selection.retrieval import RetrievalSelector, local_availability, task_query
from hgpt_langchain.state import Plan, Task
from tests.fake_chat import ScriptedChatModel
from tests.test_index import BagOfWords

ENTRIES = [
    CatalogEntry(
        id="Helsinki-NLP/opus-mt-en-de",
        task="translation",
        downloads=900,
        description="Translates English text into German (source en, target de).",
    ),
    CatalogEntry(
        id="Helsinki-NLP/opus-mt-en-fr",
        task="translation",
        downloads=500,
        description="Translates English text into French (source en, target fr).",
    ),
    CatalogEntry(
        id="Helsinki-NLP/opus-mt-es-en",
        task="translation",
        downloads=800,
        description="Translates Spanish text into English (source es, target en).",
    ),
    CatalogEntry(
        id="openai/whisper-tiny",
        task="automatic-speech-recognition",
        downloads=10,
        description="Whisper tiny transcribes speech audio into text.",
    ),
    CatalogEntry(
        id="facebook/wav2vec2-base-960h",
        task="automatic-speech-recognition",
        downloads=5,
        description="Speech recognition for English audio sampled at 16 kHz.",
    ),
]

PLAN = Plan(
    tasks=[
        Task(id=0, task="automatic-speech-recognition", args={"audio": "talk.wav"}),
        Task(
            id=1,
            task="translation",
            dep=[0],
            args={"text": "<resource>-0", "target_language": "French"},
        ),
        Task(id=2, task="fill-mask", args={"text": "Paris is the [MASK] of France."}),
    ]
)
REQUEST = "Transcribe talk.wav and translate it into French."


@pytest.fixture(scope="module")
def real_selector(tmp_path_factory):
    index = ModelIndex(Catalog(ENTRIES), cache_dir=tmp_path_factory.mktemp("sel"))
    return RetrievalSelector(index=index, top_k=3)


def test_retrieval_selector_picks_per_task_with_candidates_and_reasons(real_selector):
    assert isinstance(real_selector, Selector)
    choices = real_selector.select(PLAN, REQUEST)
    assert sorted(choices) == [0, 1, 2]

    asr = choices[0]
    assert asr.task == "automatic-speech-recognition"
    assert asr.model in {"openai/whisper-tiny", "facebook/wav2vec2-base-960h"}
    assert [c.id for c in asr.candidates][0] == asr.model and len(asr.candidates) == 2

    tr = choices[1]
    assert tr.model == "Helsinki-NLP/opus-mt-en-fr"  # target_language French beats popularity
    assert [c.score for c in tr.candidates] == sorted(
        (c.score for c in tr.candidates), reverse=True
    )
    assert "best of 3 translation models" in tr.reason and "\n" not in tr.reason
    assert tr.reason.startswith("en->fr")  # the deciding fact first

    missing = choices[2]
    assert missing.model is None and missing.candidates == []
    assert missing.reason.startswith("no model of task fill-mask in the catalog")


def test_unknown_task_type_gets_no_model(real_selector):
    choice = real_selector.select(Plan(tasks=[Task(id=4, task="juggling")]), "juggle")[4]
    assert choice.model is None and "juggling" in choice.reason


def test_task_query_skips_files_and_resources():
    q = task_query(PLAN.tasks[1], "req")
    assert q.startswith("Translation") and "target_language: French" in q and "<resource>" not in q
    assert "talk.wav" not in task_query(PLAN.tasks[0], "req")


def cache_model(cache, model_id: str, config: str = "config.json") -> None:
    """Lay out ``model_id`` in a Hugging Face cache as a download leaves it (refs/main -> abc)."""
    repo = cache / f"models--{model_id.replace('/', '--')}"
    (repo / "snapshots" / "abc").mkdir(parents=True)
    (repo / "snapshots" / "abc" / config).write_text("{}")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("abc")


def test_availability_prefers_downloaded_models(tmp_path):
    cache = tmp_path / "hub"
    cache_model(cache, "facebook/wav2vec2-base-960h")
    (tmp_path / "my-model").mkdir()
    (tmp_path / "my-model" / "config.json").write_text("{}")
    check = local_availability(cache)
    assert check("facebook/wav2vec2-base-960h") is True
    assert check("openai/whisper-tiny") is None
    assert check(str(tmp_path / "my-model")) is True  # a local model folder

    index = ModelIndex(Catalog(ENTRIES), embeddings=BagOfWords(), persist=False)
    plain = RetrievalSelector(index=index).select(PLAN, "transcribes speech")[0]
    assert plain.model == "openai/whisper-tiny"
    aware = RetrievalSelector(index=index, availability=check).select(PLAN, "transcribes speech")[0]
    assert aware.model == "facebook/wav2vec2-base-960h"
    assert aware.candidates[0].available is True and aware.candidates[1].available is None
    assert "available locally" in aware.reason


def test_selection_and_the_local_executor_agree_on_what_is_on_this_machine(tmp_path, monkeypatch):
    from huggingface_hub import constants

    from hgpt_langchain.execution.local import LocalExecutor

    cache = tmp_path / "hub"
    cache_model(cache, "org/downloaded")
    cache_model(cache, "org/pipeline", config="model_index.json")
    (cache / "models--org--partial" / "snapshots" / "abc").mkdir(parents=True)  # no refs/main
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "config.json").write_text("{}")
    (tmp_path / "no-model").mkdir()
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    executor, selection = LocalExecutor(device="cpu"), local_availability()
    expected = {
        "org/downloaded": True,
        "org/pipeline": True,
        "org/partial": False,
        "org/never-seen": False,
        str(tmp_path / "folder"): True,
        str(tmp_path / "no-model"): False,
    }
    for model, here in expected.items():
        assert executor.is_available(model) is here, model
        assert selection(model) is (True if here else None), model
    assert (
        executor.model_files("org/downloaded")
        == cache / "models--org--downloaded" / "snapshots" / "abc"
    )


def test_llm_selector_one_call_for_all_tasks_and_validates_picks():
    index = ModelIndex(Catalog(ENTRIES), embeddings=BagOfWords(), persist=False)
    base = RetrievalSelector(index=index, top_k=3)
    retrieval = base.select(PLAN, REQUEST)
    second_tr = retrieval[1].candidates[1].id
    answer = {
        "0": {"model": "not/a-candidate", "reason": "made up"},
        "1": {"model": second_tr, "reason": "It fits the language pair."},
    }
    llm = ScriptedChatModel([f"Here you go:\n```json\n{json.dumps(answer)}\n```"])
    selector = LLMSelector(llm, base)
    choices = selector.select(PLAN, REQUEST)
    assert selector.llm_calls == 1 and llm.calls == 1
    prompt = llm.prompts[0][-1].content
    assert "task 0" in prompt and "task 1" in prompt and second_tr in prompt
    assert "task 2" not in prompt  # nothing to choose for a task without candidates

    assert choices[1].model == second_tr and choices[1].candidates[0].id == second_tr
    assert choices[1].reason == "LLM: It fits the language pair."
    assert {c.id for c in choices[1].candidates} == {c.id for c in retrieval[1].candidates}
    assert choices[0].model == retrieval[0].model and "not a candidate" in choices[0].reason
    assert choices[2].model is None


def test_llm_selector_falls_back_on_malformed_output():
    index = ModelIndex(Catalog(ENTRIES), embeddings=BagOfWords(), persist=False)
    base = RetrievalSelector(index=index)
    llm = ScriptedChatModel(["I think the first ones are fine!"])
    selector = LLMSelector(llm, base)
    choices = selector.select(PLAN, REQUEST)
    retrieval = base.select(PLAN, REQUEST)
    assert selector.llm_calls == 1
    assert {k: v.model for k, v in choices.items()} == {k: v.model for k, v in retrieval.items()}
    assert "LLM answer unusable" in choices[1].reason


def test_llm_selector_skips_the_call_when_nothing_to_choose():
    index = ModelIndex(Catalog(ENTRIES[3:4]), embeddings=BagOfWords(), persist=False)
    llm = ScriptedChatModel([])
    selector = LLMSelector(llm, RetrievalSelector(index=index))
    choices = selector.select(Plan(tasks=[PLAN.tasks[0]]), REQUEST)
    assert choices[0].model == "openai/whisper-tiny" and selector.llm_calls == 0 and llm.calls == 0


def test_models_of_libraries_the_executors_cannot_load_are_demoted_not_dropped(tmp_path):
    text = "Text-to-speech model that reads English text aloud with a natural voice."
    catalog = Catalog(
        [
            CatalogEntry(
                id="org/fairseq-tts",
                task="text-to-speech",
                description=text,
                library="fairseq",
                downloads=90_000,
            ),
            CatalogEntry(
                id="org/transformers-tts",
                task="text-to-speech",
                description=text,
                library="transformers",
                downloads=1_000,
            ),
        ]
    )
    index = ModelIndex(catalog, embeddings=BagOfWords(), cache_dir=tmp_path)
    selector = RetrievalSelector(index=index)
    plan = Plan(tasks=[Task(id=0, task="text-to-speech", args={"text": "hello"})])
    choice = selector.select(plan, "Read 'hello' aloud")[0]
    assert choice.model == "org/transformers-tts"
    assert [c.id for c in choice.candidates] == ["org/transformers-tts", "org/fairseq-tts"]
