"""Selection by fit: languages, direction, domain, runnable/served, with the facts in the reason."""

import gzip
import json

import pytest

from hgpt_langchain.catalog import Catalog, CatalogEntry, load_catalog
from hgpt_langchain.execution.local import LANGUAGES as LOCAL_LANGUAGES
from hgpt_langchain.execution.local import LocalExecutor
from hgpt_langchain.execution.policy import HybridExecutor
from hgpt_langchain.execution.remote import RemoteExecutor
from hgpt_langchain.fit import derive_facts, model_facts, request_facts
from hgpt_langchain.languages import LANGUAGES
from hgpt_langchain.planning.offline import _TARGET_LANG_RE
from hgpt_langchain.selection.index import ModelIndex
from hgpt_langchain.selection.retrieval import RetrievalSelector
from hgpt_langchain.state import Task
from tests.test_index import BagOfWords


def test_target_language_from_wording():
    assert request_facts("Translate 'good morning' into German", "translation").target == "de"
    assert request_facts("Say it in Spanish please", "translation").target == "es"
    assert request_facts("Übersetze das auf Deutsch", "translation").target == "de"
    assert request_facts("Translate this into English", "translation").target == "en"


def test_translate_from_names_the_source_not_the_target():
    facts = request_facts("Translate from German: Wir sehen uns morgen", "translation")
    assert facts.source == "de"
    assert facts.target != "de"


def test_no_language_named_gives_no_target():
    facts = request_facts("Translate this sentence", "translation", {"text": "<resource>-0"})
    assert facts.target is None


def test_source_language_of_given_text_is_identified_offline_even_in_another_script():
    facts = request_facts(
        "Translate '今日はいい天気ですね' into English",
        "translation",
        {"text": "今日はいい天気ですね"},
    )
    assert (facts.source, facts.target) == ("ja", "en")
    german = request_facts("Please translate: Guten Morgen, wie geht es dir heute?", "translation")
    assert german.source == "de"


def test_spoken_language_and_domain_words():
    asr = request_facts("Transcribe the Russian audio", "automatic-speech-recognition")
    assert asr.spoken == "ru" and asr.language == "ru"
    assert "finance" in request_facts("Sentiment of this stock market news").domains
    assert "tweets" in request_facts("Classify this tweet").domains


def test_model_facts_from_ids():
    assert derive_facts("Helsinki-NLP/opus-mt-fr-en", "translation").source == {"fr"}
    assert derive_facts("Helsinki-NLP/opus-mt-fr-en", "translation").target == {"en"}
    assert derive_facts("staka/fugumt-en-ja", "translation").target == {"ja"}
    korean = derive_facts("kresnik/wav2vec2-large-xlsr-korean", "automatic-speech-recognition")
    assert korean.languages == {"ko"} and "id" in korean.evidence["languages"]
    assert derive_facts("openai/whisper-tiny.en", "automatic-speech-recognition").languages == {
        "en"
    }


def test_one_language_table_for_planner_and_local_route():
    for lang in LANGUAGES.values():
        m = _TARGET_LANG_RE.search(f"translate it into {lang.name.capitalize()}")
        assert m, lang.name
        assert lang.name in LOCAL_LANGUAGES


def _translation_index(tmp_path, entries):
    return ModelIndex(Catalog(entries), embeddings=BagOfWords(), cache_dir=tmp_path)


def test_direction_mismatch_is_filtered_and_the_fallback_says_so(tmp_path):
    desc = "Marian translation model for text."
    entries = [
        CatalogEntry(id="o/opus-mt-fr-en", task="translation", description=desc, downloads=9000),
        CatalogEntry(id="o/opus-mt-en-fr", task="translation", description=desc, downloads=10),
    ]
    selector = RetrievalSelector(index=_translation_index(tmp_path, entries))
    task = Task(id=0, task="translation", args={"text": "good morning"})
    choice = selector.choose(task, "Translate 'good morning' into French")
    assert choice.model == "o/opus-mt-en-fr"
    assert "en->fr" in choice.reason
    only_wrong = RetrievalSelector(index=_translation_index(tmp_path / "b", entries[:1]))
    fallback = only_wrong.choose(task, "Translate 'good morning' into French")
    assert fallback.model == "o/opus-mt-fr-en"
    assert "no translation model fits" in fallback.reason and "not fr" in fallback.reason


def test_models_the_executor_cannot_run_are_fallbacks_per_mode(tmp_path, monkeypatch):
    from huggingface_hub import constants

    fairseq = CatalogEntry(id="o/tts-fairseq", task="text-to-speech", library="fairseq")
    hf = CatalogEntry(id="o/tts-hf", task="text-to-speech", library="transformers", providers=[])
    served = CatalogEntry(id="o/tts-served", task="text-to-speech", providers=["hf-inference"])
    # Offline, only weights on this machine can load: a Hub id that is not cached cannot run.
    folder = tmp_path / "tts-here"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    here = CatalogEntry(id=str(folder), task="text-to-speech", library="transformers")
    assert LocalExecutor().can_run(hf) is False and LocalExecutor().can_run(here) is True
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    assert LocalExecutor().can_run(fairseq) is False
    assert LocalExecutor().can_run(hf) is True
    remote = RemoteExecutor(token="x")
    assert remote.can_run(hf) is False and remote.can_run(served) is True
    assert remote.can_run(fairseq) is None  # providers unknown
    assert RemoteExecutor(base_url="http://127.0.0.1:1").can_run(hf) is True
    local_only = HybridExecutor(policy="local", size_lookup=None)
    assert local_only.can_run(fairseq) is False and local_only.can_run(hf) is True
    desc = "Text-to-speech model that reads English text aloud."
    entries = [
        CatalogEntry(
            id="o/a",
            task="text-to-speech",
            description=desc,
            downloads=10**6,
            library="transformers",
            providers=[],
        ),
        CatalogEntry(
            id="o/b",
            task="text-to-speech",
            description=desc,
            downloads=10,
            library="transformers",
            providers=["hf-inference"],
        ),
    ]
    index = _translation_index(tmp_path, entries)
    task = Task(id=0, task="text-to-speech", args={"text": "hi"})
    by_remote = RetrievalSelector(index=index, can_run=remote.can_run).choose(task, "Read hi")
    assert by_remote.model == "o/b" and "served by hf-inference" in by_remote.reason
    by_local = RetrievalSelector(index=index, can_run=LocalExecutor().can_run).choose(
        task, "Read hi"
    )
    assert by_local.model == "o/a"


def test_old_catalog_without_fit_fields_loads_and_keeps_its_fingerprint(tmp_path):
    old = {
        "id": "o/opus-mt-en-de",
        "task": "translation",
        "likes": 1,
        "downloads": 2,
        "tags": [],
        "license": None,
        "library": None,
        "description": "English to German.",
    }
    path = tmp_path / "old.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps(old) + "\n")
    catalog = load_catalog(path)
    assert catalog[0].languages is None and catalog[0].description == "English to German."
    richer = Catalog(
        [catalog[0].model_copy(update={"providers": ["hf-inference"], "target_languages": ["de"]})]
    )
    assert richer.fingerprint() == catalog.fingerprint()


@pytest.fixture(scope="module")
def shipped():
    from hgpt_langchain.selection.index import default_index

    return RetrievalSelector(index=default_index(), can_run=LocalExecutor().can_run)


@pytest.mark.parametrize(
    ("task", "args", "request_", "acceptable"),
    [
        (
            "translation",
            {"text": "good morning"},
            "Translate 'good morning' into German",
            {
                "Helsinki-NLP/opus-mt-en-de",
                "t5-small",
                "t5-base",
                "t5-large",
                "google/flan-t5-base",
            },
        ),
        (
            "translation",
            {"text": "Hello"},
            "Translate 'Hello' into French",
            {"Helsinki-NLP/opus-mt-en-fr", "t5-small", "t5-base", "t5-large"},
        ),
        (
            "automatic-speech-recognition",
            {"audio": "a.wav"},
            "Transcribe this English speech a.wav",
            {
                "jonatasgrosman/wav2vec2-large-xlsr-53-english",
                "openai/whisper-tiny.en",
                "openai/whisper-medium.en",
                "openai/whisper-tiny",
                "openai/whisper-base",
                # English too; offline, the packaged model is the one whose weights are here
                "Systran/faster-whisper-tiny.en",
            },
        ),
        (
            "text-to-speech",
            {"text": "hello"},
            "Read this aloud: hello",
            {
                "microsoft/speecht5_tts",
                "mechanicalsea/speecht5-tts",
                "rhasspy/piper-voices:en_US-joe-medium",  # English, packaged (offline)
            },
        ),
        (
            "image-to-text",
            {"image": "a.jpg"},
            "Describe this photo a.jpg",
            {
                "nlpconnect/vit-gpt2-image-captioning",
                "Salesforce/blip-image-captioning-base",
                "Salesforce/blip-image-captioning-large",
            },
        ),
        (
            "visual-question-answering",
            {"image": "a.jpg", "question": "What animal is in this picture?"},
            "What animal is in this picture?",
            {
                "Salesforce/blip-vqa-base",
                "dandelin/vilt-b32-finetuned-vqa",
                "Salesforce/blip-vqa-capfilt-large",
                "microsoft/git-base-vqav2",
                "microsoft/git-large-vqav2",
            },
        ),
        (
            "summarization",
            {"text": "The economy grew by 3 percent last year as consumer spending rose."},
            "Summarize this article",
            {
                "philschmid/bart-large-cnn-samsum",
                "sshleifer/distilbart-cnn-12-6",
                "google/pegasus-cnn_dailymail",
                "google/pegasus-xsum",
                "lidiya/bart-large-xsum-samsum",
                "facebook/bart-large-xsum",
                "sshleifer/distilbart-cnn-6-6",
                "linydub/bart-large-samsum",
                "slauw87/bart_summarisation",
            },
        ),
    ],
)
def test_readme_failing_examples_now_pick_acceptable_models(
    shipped, task, args, request_, acceptable
):
    choice = shipped.choose(Task(id=0, task=task, args=args), request_)
    assert choice.model in acceptable, choice.reason
    assert "downloads" in choice.reason


def test_model_tools_for_a_query_apply_the_same_fit():
    from hgpt_langchain.toolkit import get_model_tools

    tools = get_model_tools("Translate 'good morning' into German", task="translation", k=3)
    assert tools[0].entry.id in {"Helsinki-NLP/opus-mt-en-de", "t5-small", "t5-base", "t5-large"}
    assert not any("opus-mt-fr-en" in t.entry.id or "en-ja" in t.entry.id for t in tools)
    free = get_model_tools("Transcribe this English speech recording", k=5)
    asr = [t.entry.id for t in free if t.entry.task == "automatic-speech-recognition"]
    assert asr and "korean" not in asr[0]


def test_llm_selector_sees_fitting_candidates_first(tmp_path):
    from hgpt_langchain.selection.llm import LLMSelector
    from hgpt_langchain.state import Plan
    from tests.fake_chat import ScriptedChatModel

    desc = "Marian translation model for text."
    entries = [
        CatalogEntry(id="o/opus-mt-fr-en", task="translation", description=desc, downloads=9000),
        CatalogEntry(id="o/opus-mt-en-fr", task="translation", description=desc, downloads=10),
        CatalogEntry(id="o/opus-mt-en-ja", task="translation", description=desc, downloads=5000),
    ]
    base = RetrievalSelector(index=_translation_index(tmp_path, entries))
    plan = Plan(tasks=[Task(id=0, task="translation", args={"text": "good morning"})])
    request = "Translate 'good morning' into French"
    llm = LLMSelector(ScriptedChatModel(responses=['{"0": {"model": "o/opus-mt-en-fr"}}']), base)
    prompt = llm.prompt(plan, request, base.select(plan, request))
    assert prompt.index("o/opus-mt-en-fr") < prompt.index("o/opus-mt-fr-en")
    assert prompt.index("o/opus-mt-en-fr") < prompt.index("o/opus-mt-en-ja")


def test_shipped_catalog_carries_facts_with_evidence():
    catalog = load_catalog()
    opus = catalog.get("Helsinki-NLP/opus-mt-en-de")
    assert (opus.source_languages, opus.target_languages) == (["en"], ["de"])
    assert opus.evidence["direction"] == "id opus-mt-en-de"
    finbert = catalog.get("ProsusAI/finbert")
    assert finbert.languages == ["en"] and "card language" in finbert.evidence["languages"]
    assert "finance" in finbert.domains
    assert catalog.get("facebook/fastspeech2-en-ljspeech").local_runnable is False


def test_lang_id_in_an_id_is_not_indonesian_and_stored_id_languages_are_reread():
    assert derive_facts("anton-l/wav2vec2-base-lang-id", "audio-classification").languages == set()
    assert derive_facts("x/indobert-base-id", "text-classification").languages == {"id"}
    stored = CatalogEntry(
        id="s/lang-id-voxlingua107-ecapa",
        task="audio-classification",
        languages=["id"],
        evidence={"languages": "id lang-id-voxlingua107-ecapa"},
    )
    assert model_facts(stored).languages == set()
    card = CatalogEntry(
        id="s/other", task="audio-classification", languages=["id"], evidence={"languages": "card"}
    )
    assert model_facts(card).languages == {"id"}


@pytest.mark.parametrize(
    ("model_id", "description", "domain"),
    [
        (
            "p/pygmalion-6b",
            "Dialogue model. Warning: This model is NOT suitable for use by minors.",
            "role-play (adult)",
        ),
        ("r/stable-diffusion-inpainting", "Stable Diffusion Inpainting model.", "inpainting"),
        ("m/segformer_b2_clothes", "SegFormer fine-tuned for clothes segmentation.", "clothing"),
        ("o/fullstop-multilang", "Restores punctuation in transcripts.", "punctuation"),
    ],
)
def test_specialised_models_get_their_domain(model_id, description, domain):
    assert domain in derive_facts(model_id, "conversational", description=description).domains


def test_nsfw_in_an_image_models_card_is_no_role_play_warning():
    card = "Trained on analog photographs. My dataset did not include any NSFW material."
    assert "role-play (adult)" in derive_facts("w/chat", "conversational", description=card).domains
    facts = derive_facts("w/Analog-Diffusion", "text-to-image", description=card)
    assert "role-play (adult)" not in facts.domains


def test_card_links_and_recipes_are_no_code_or_food_domain():
    tts = "FastSpeech 2 model from fairseq S^2 (paper/code). Trained with an espnet recipe."
    assert derive_facts("f/fastspeech2-en", "text-to-speech", description=tts).domains == set()
    code = "Models trained on the Python, Java and JavaScript subset of The Stack."
    assert "code" in derive_facts("b/santacoder", "text-generation", description=code).domains
    # A dialogue model's card is no dialogue-summarisation data; a SAMSum fine-tune's is.
    chat = "DialoGPT is a large-scale pretrained dialogue response generation model."
    assert derive_facts("m/DialoGPT", "conversational", description=chat).domains == set()
    samsum = "This model was obtained by fine-tuning bart-large-xsum on the Samsum dataset."
    assert derive_facts("l/bart-samsum", "summarization", description=samsum).domains == {
        "dialogue"
    }
    flair = derive_facts(
        "flair/ner-english",
        "token-classification",
        tags=["flair", "sequence-tagger-model"],
        description="The standard 4-class NER model for English that ships with Flair.",
    )
    assert flair.operations == {"named entities"}  # a sequence tagger, not a POS tagger
    asr = "Transcribes a recording, voice message, meeting or any spoken audio file into text."
    assert (
        derive_facts("s/faster-whisper", "automatic-speech-recognition", description=asr).domains
        == set()
    )
    # Narrow models a generic request must not get: each carries what it is narrow on.
    age = "A vision transformer finetuned to classify the age of a given person's face."
    assert derive_facts(
        "n/vit-age-classifier", "image-classification", description=age
    ).domains == {
        "age",
        "faces",
    }
    child = derive_facts("b/wav2vec2-adult-child-cls", "audio-classification")
    assert child.operations == {"speaker age or gender"}
    assert derive_facts("f/textless_sm_pt_en", "audio-to-audio").operations == {
        "speech translation"
    }
    assert derive_facts("v/glpn-nyu", "depth-estimation").domains == {"indoor"}
    assert derive_facts("k/yolov8m-table-extraction", "object-detection").domains == {
        "document tables"
    }
    assert derive_facts("a/anything-v4.0", "text-to-image").domains == {"anime"}
    assert derive_facts("n/sidewalk-semantic-demo", "image-segmentation").domains == {
        "road scenes",
        "test model",
    }
    # "a novel dataset" and an "arXiv paper" link are no book or science-paper model.
    novel = "Fine-tuned on a novel financial news dataset. Our arXiv paper is coming soon."
    assert derive_facts("h/fin-sum", "summarization", description=novel).domains == {"finance"}
    assert derive_facts("p/led-large-book-summary", "summarization").domains == {"books"}
    hub = "A model shared on the Hugging Face Hub."
    assert derive_facts("o/seg", "image-segmentation", description=hub).domains == set()
    assert derive_facts("j/face-parsing", "image-segmentation").domains == {"faces"}
    request = request_facts("Suggest a recipe for this dish, and the code to print it in python")
    assert {"food", "code"} <= request.domains


@pytest.mark.parametrize(
    ("model_id", "task", "description", "operation"),
    [
        ("s/sepformer-wsj02mix", "audio-to-audio", "Audio source separation.", "source separation"),
        ("m/speecht5_vc", "audio-to-audio", "SpeechT5 for voice conversion.", "voice conversion"),
        (
            "J/DCCRNet_Libri1Mix_enhsingle_16k",
            "audio-to-audio",
            "Trained with Asteroid.",
            "speech enhancement",
        ),
        ("g/maxim-s3-deblurring-gopro", "image-to-image", "MAXIM for deblurring.", "deblurring"),
        (
            "c/swin2SR-classical-sr-x2-64",
            "image-to-image",
            "Swin2SR upscales x2.",
            "super-resolution",
        ),
        (
            "T/voxlingua107-epaca-tdnn",
            "audio-classification",
            "Spoken language recognition.",
            "language identification",
        ),
        (
            "p/speaker-diarization",
            "automatic-speech-recognition",
            "Who spoke when.",
            "speaker diarization",
        ),
    ],
)
def test_models_of_a_task_with_several_jobs_get_their_operation(
    model_id, task, description, operation
):
    assert derive_facts(model_id, task, description=description).operations == {operation}


def test_self_supervised_fashion_is_not_clothing_and_branches_are_not_separation():
    beit = "BEiT pre-trained in a self-supervised fashion on ImageNet-22k."
    assert (
        "clothing" not in derive_facts("m/beit", "image-classification", description=beit).domains
    )
    shards = "A reupload. Sharded variants are available in separate branches."
    assert (
        "source separation" not in derive_facts("w/p", "conversational", description=shards).domains
    )


def test_a_model_of_unknown_language_ranks_after_one_known_to_fit_a_non_english_request(tmp_path):
    desc = "A dialogue model that replies to chat messages."
    entries = [
        CatalogEntry(id="o/chat", task="conversational", description=desc, downloads=10**5),
        CatalogEntry(
            id="o/ru-chat", task="conversational", description=desc, downloads=500, languages=["ru"]
        ),
    ]
    selector = RetrievalSelector(index=_translation_index(tmp_path, entries))
    task = Task(id=0, task="conversational", args={"text": "Привет"})
    assert selector.choose(task, "Reply in Russian to: Привет").model == "o/ru-chat"
    english = Task(id=0, task="conversational", args={"text": "hello there"})
    assert selector.choose(english, "Reply to: hello there").model == "o/chat"


def test_a_model_no_local_route_loads_stays_behind_while_nothing_is_downloaded(tmp_path):
    desc = "Enhances speech: removes background noise from a recording."
    entries = [
        CatalogEntry(
            id="o/keras-enhance",
            task="audio-to-audio",
            description=desc,
            downloads=10**4,
            library="keras",
        ),
        CatalogEntry(
            id="o/hf-enhance",
            task="audio-to-audio",
            description=desc,
            downloads=10,
            library="transformers",
        ),
    ]
    index = _translation_index(tmp_path, entries)
    task = Task(id=0, task="audio-to-audio", args={"audio": "a.wav"})
    never = RetrievalSelector(index=index, can_run=lambda entry: False)
    assert never.choose(task, "Remove the noise from a.wav").model == "o/hf-enhance"


def _style_entries():
    desc = "Stable Diffusion text-to-image model: generates images from a text prompt."
    return [
        CatalogEntry(
            id="o/stable-diffusion",
            task="text-to-image",
            description=desc,
            downloads=3_500_000,
            likes=6000,
        ),
        CatalogEntry(id="o/sd-2", task="text-to-image", description=desc, downloads=10**5),
        CatalogEntry(id="o/openjourney", task="text-to-image", description=desc, downloads=10**5),
        # Popularity of the real pair (runwayml/stable-diffusion-v1-5, nitrosocke/Ghibli-Diffusion)
        CatalogEntry(
            id="o/Ghibli-Diffusion",
            task="text-to-image",
            description=desc,
            downloads=4000,
            likes=400,
        ),
    ]


def test_a_specialised_model_the_request_names_wins_over_a_popular_general_one(
    tmp_path, monkeypatch
):
    from hgpt_langchain.selection import retrieval

    selector = RetrievalSelector(index=_translation_index(tmp_path, _style_entries()))
    task = Task(id=0, task="text-to-image", args={"text": "a countryside house"})
    request = "Paint a countryside house in Studio Ghibli style"
    choice = selector.choose(task, request)
    assert choice.model == "o/Ghibli-Diffusion"
    assert "named: ghibli" in choice.reason
    # Without the term the popularity prior wins: the test measures the term, not similarity.
    monkeypatch.setattr(retrieval, "NAMED_LIFT", 0.0)
    assert selector.choose(task, request).model == "o/stable-diffusion"


def test_a_generic_request_is_not_hijacked_by_an_incidental_word(tmp_path):
    entries = _style_entries()
    peers = entries
    # A word of the task's data (the prompt) names no model.
    facts = request_facts(
        "Draw a ghibli museum", "text-to-image", {"text": "a ghibli museum"}, peers
    )
    assert facts.named == {}
    selector = RetrievalSelector(index=_translation_index(tmp_path, entries))
    task = Task(id=0, task="text-to-image", args={"text": "a ghibli museum"})
    choice = selector.choose(task, "Draw a ghibli museum")
    assert choice.model == "o/stable-diffusion" and "named" not in choice.reason
    # File names, modality words and request verbs name no model either.
    enhancers = [
        CatalogEntry(id=f"o/{name}", task="image-to-image", description="Enhances an image.")
        for name in ("photo-restorer", "image-upscaler", "remover-x", "a", "b", "c", "d", "e")
    ]
    facts = request_facts("Remove the noise from photo.jpg", "image-to-image", {}, enhancers)
    assert facts.named == {}


def test_a_word_most_of_the_task_models_carry_is_the_task_s_own_word():
    seg = [
        CatalogEntry(id=f"o/{name}", task="image-segmentation", description="Segments images.")
        for name in ("detr-panoptic", "maskformer-panoptic", "oneformer-panoptic", "clipseg")
    ]
    assert request_facts("Give a panoptic map of a.jpg", "image-segmentation", {}, seg).named == {}
    facts = request_facts(
        "Give a panoptic map of a.jpg",
        "image-segmentation",
        {},
        seg
        + [
            CatalogEntry(id=f"o/seg-{i}", task="image-segmentation", description="Segments images.")
            for i in range(8)
        ],
    )
    assert set(facts.named) == {"panoptic"} and len(facts.named["panoptic"]) == 3
    # Compound id parts share a stem: "deblurring" holds "blur".
    deblur = [
        CatalogEntry(id=f"o/{name}", task="image-to-image", description="Restores images.")
        for name in ("maxim-deblurring-gopro", "sd-variations", "upscaler", "colorizer")
    ]
    facts = request_facts("Remove the motion blur from a.jpg", "image-to-image", {}, deblur)
    assert facts.named == {"blur": frozenset({"o/maxim-deblurring-gopro"})}


def test_model_tools_and_selection_read_the_same_named_specialisation():
    from hgpt_langchain.toolkit import get_model_tools

    tools = get_model_tools(
        "Paint a countryside house in Studio Ghibli style", task="text-to-image", k=1
    )
    assert tools[0].entry.id == "nitrosocke/Ghibli-Diffusion"


def test_a_punctuation_model_does_not_win_an_entity_request(tmp_path):
    desc = "A token classification model for English text."
    entries = [
        CatalogEntry(
            id="o/fullstop-punctuation",
            task="token-classification",
            description=desc + " Predicts punctuation.",
            downloads=70_000,
        ),
        CatalogEntry(
            id="o/bert-ner", task="token-classification", description=desc, downloads=9000
        ),
    ]
    selector = RetrievalSelector(index=_translation_index(tmp_path, entries))
    task = Task(id=0, task="token-classification", args={"text": "Tim Cook met Sundar Pichai."})
    assert selector.choose(task, "Label the person names in this text").model == "o/bert-ner"
    assert selector.choose(task, "Restore the punctuation").model == "o/fullstop-punctuation"
