"""Request facts a plain user's wording carries, and the shipped catalog's choice for them.

The language of a question, a chat message or sentences to compare (not only a ``text``
argument); a language named anywhere ("what the Mandarin teacher says"); what a request asks a
model to DO (deblur, denoise, identify the language), which no runnable model of another job may
take; the exact direction over a many-language model; English facts read from English-only
data sets. The choices use the shipped catalog and index, with the local executor told the Hub
is reachable (a user's normal case: every model of a library it loads can be downloaded).
"""

from unittest import mock

import pytest

from hgpt_langchain.catalog import Catalog, CatalogEntry
from hgpt_langchain.execution.local import LocalExecutor
from hgpt_langchain.fit import derive_facts, fact_fields, fit, model_facts, request_facts
from hgpt_langchain.selection.index import ModelIndex
from hgpt_langchain.selection.retrieval import RetrievalSelector
from hgpt_langchain.state import Task
from tests.test_index import BagOfWords


@pytest.mark.parametrize(
    ("task", "args", "request_", "language"),
    [
        (  # the question is German; the request's wording too
            "question-answering",
            {"question": "Wann wurde das Museum eröffnet?", "context": "Es wurde 1905 eröffnet."},
            "Frage zu diesem Text beantworten",
            "de",
        ),
        ("conversational", {"text": "你喜欢什么音乐？"}, "用中文和我聊天：你喜欢什么音乐？", "zh"),
        (
            "sentence-similarity",
            {"sentence1": "¿Dónde vives?", "sentence2": "¿En qué ciudad vives?"},
            "similitud entre estas dos frases",
            "es",
        ),
        (
            "automatic-speech-recognition",
            {"audio": "l.wav"},
            "What the Mandarin teacher says",
            "zh",
        ),
        ("token-classification", {"text": "Angela Merkel traf Macron."}, "NER auf Deutsch", "de"),
        # A short English clinical note py3langid takes for Danish (p 0.53) stays English.
        (
            "token-classification",
            {"text": "Patient given 50mg metoprolol for hypertension."},
            "highlight drugs, doses and diseases in this medical record",
            "en",
        ),
        ("text-classification", {"text": "I loved it"}, "Polish this review's sentiment", "en"),
    ],
)
def test_the_language_a_text_model_must_handle(task, args, request_, language):
    assert request_facts(request_, task, args).language == language


@pytest.mark.parametrize(
    ("task", "args", "request_", "language"),
    [
        # py3langid is below 0.9 on these short requests; their function words or script decide.
        (
            "automatic-speech-recognition",
            {"audio": "m.ogg"},
            "transcreve esse áudio pra mim? m.ogg",
            "pt",
        ),
        (
            "document-question-answering",
            {"image": "b.png"},
            "qual o valor a pagar neste boleto b.png?",
            "pt",
        ),
        ("conversational", {}, "Привет! Чем занимаешься вечером?", "ru"),
        # py3langid: Ukrainian 0.55, Russian 0.45; no Ukrainian letter (і ї є ґ): Russian.
        ("automatic-speech-recognition", {"audio": "r.wav"}, "Распознай речь в r.wav", "ru"),
        ("conversational", {}, "Переклади англійською цей лист", "uk"),
        ("conversational", {}, "Hola, ¿qué tal tu día?", "es"),  # Spanish's inverted marks
        # No function word of the guessed language: the English default stays.
        ("token-classification", {}, "Patient given 50mg metoprolol", "en"),
    ],
)
def test_a_short_request_s_language_from_its_script_or_function_words(
    task, args, request_, language
):
    facts = request_facts(request_, task, args)
    assert facts.language == language
    assert facts.language_named == (language != "en")


def test_a_card_s_language_list_decides_over_a_multilingual_id():
    bloom = {"cardData": {"language": ["ar", "en", "es", "fr", "hi", "zh", "code"]}}
    fields = fact_fields("b/bloom", "text-generation", record=bloom)
    assert fields["languages"] == ["ar", "en", "es", "fr", "hi", "zh"]
    entry = CatalogEntry(id="b/bloom", task="text-generation", **fields)
    assert fit(
        entry, request_facts("напиши продолжение: В маленьком городе", "text-generation")
    ).mismatch
    assert fit(
        entry, request_facts("continúa la historia: Había una vez", "text-generation")
    ).language_match
    # "multilingual" beside a list of languages is a summary word, not a claim to all of them.
    t5ish = {"cardData": {"language": ["en", "fr", "ro", "de", "multilingual"]}}
    assert fact_fields("g/pix2struct-base", "image-to-text", record=t5ish)["languages"] == [
        "de",
        "en",
        "fr",
        "ro",
    ]


def test_a_warning_deep_in_a_long_card_is_kept_as_a_stored_fact():
    opening = "mT5 is pretrained on the mC4 corpus, covering 101 languages."
    card = (
        opening
        + " Languages: ..." * 100
        + (
            " Note: mT5 was only pre-trained on mC4 excluding any supervised training. Therefore, "
            "this model has to be fine-tuned before it is useable on a downstream task."
        )
    )
    fields = fact_fields("g/mt5-base", "summarization", description=opening, record={"card": card})
    assert fields["domains"] == ["pre-trained only"]
    assert fields["evidence"]["domains"].startswith("whole card")
    entry = CatalogEntry(id="g/mt5-base", task="summarization", description=opening, **fields)
    assert "pre-trained only" in model_facts(entry).domains  # kept: not read again from the opening
    # A title that merely says "pre-trained only" (BLIP-2 captions zero-shot) deep in a card is not.
    blip2 = opening + " x" * 400 + " BLIP-2, OPT-2.7b, pre-trained only."
    assert "domains" not in fact_fields(
        "s/blip2", "image-to-text", description=opening, record={"card": blip2}
    )


@pytest.mark.parametrize(
    ("task", "request_", "domain"),
    [
        (
            "image-segmentation",
            "Segmentiere diese Straßenszene aus der Fahrzeugkamera",
            "road scenes",
        ),
        ("image-segmentation", "separate masks for the shirt, pants and shoes", "clothing"),
        ("text-generation", "continue this immunology abstract: Tumor necrosis factor", "medical"),
        ("text-classification", "Text mining for sustainable investing (ESG) reports", "finance"),
        ("audio-to-audio", "swap the singer's voice for another singer", "singing"),
        (
            "image-segmentation",
            "Segmente les vêtements (haut, pantalon) sur mannequin.jpg",
            "clothing",
        ),
        ("text-classification", "¿Es tóxico este comentario?", "toxicity"),
        ("summarization", "总结这次会议的要点", "meetings"),
        (
            "image-to-text",
            "caption storefront.jpg, and mention what the shop signs say",
            "scene text",
        ),
        ("summarization", "summarize this email thread so I know what was decided", "dialogue"),
        ("visual-question-answering", "sign.jpg: what does the sign say?", "scene text"),
        (
            "image-segmentation",
            "segment the face parts (eyes, nose, lips) in portrait.jpg",
            "faces",
        ),
        ("text-classification", "¿este comentario es ofensivo?", "toxicity"),
        ("image-classification", "roughly how old is the person in portrait.jpg?", "age"),
        ("image-classification", "bean_leaf.jpg: is my bean crop sick?", "plant disease"),
        ("image-classification", "which digit is written in d.png?", "digits"),
        ("depth-estimation", "how far is the wall in my living room photo room.jpg", "indoor"),
        ("object-detection", "find the tables in this scanned page page.png", "document tables"),
        ("summarization", "summarize chapter 3 of this novel", "books"),
        ("summarization", "what do these terms of service say about my data?", "legal"),
        ("conversational", "answer like a sarcastic friend would", "sarcasm"),
    ],
)
def test_domain_words_of_a_request(task, request_, domain):
    assert domain in request_facts(request_, task).domains


def test_the_task_s_own_words_name_no_model():
    peers = [
        CatalogEntry(id="s/chatbot", task="conversational"),
        *(CatalogEntry(id=f"o/dialog-{i}", task="conversational") for i in range(8)),
    ]
    facts = request_facts(
        "chatbot reply to: what's your favourite season?", "conversational", {}, peers
    )
    assert "chatbot" not in facts.named


def test_code_is_held_to_no_natural_language():
    facts = request_facts("finish my python code", "text-generation", {"text": "def f(path):"})
    assert "code" in facts.domains and facts.language is None


def test_language_names_are_language_facts_not_named_specialisations():
    peers = [
        CatalogEntry(id="r/wenyanwen-chinese-translate-to-ancient", task="translation"),
        *(CatalogEntry(id=f"o/opus-mt-{p}", task="translation") for p in ("zh-en", "en-de")),
        *(CatalogEntry(id=f"x/m{i}", task="translation") for i in range(6)),
    ]
    facts = request_facts(
        "Chinese -> English: 我们明天见", "translation", {"text": "我们明天见"}, peers
    )
    assert (facts.source, facts.target) == ("zh", "en") and not facts.named


def test_english_only_training_data_and_no_card_template_facts():
    tts = derive_facts("m/speecht5_tts", "text-to-speech", description="Fine-tuned on LibriTTS.")
    assert tts.languages == {"en"} and "libritts" in tts.evidence["languages"].lower()
    # The catalog's stand-in text for a model without a card names the task's jobs, not its own.
    blank = "f/xm: a audio-to-audio model. Transform audio: enhance speech, separate sources."
    facts = derive_facts("f/xm", "audio-to-audio", description=blank)
    assert not facts.operations and not facts.domains


def test_stored_facts_read_from_the_entry_are_read_again_with_current_rules():
    blank = "f/xm: a audio-to-audio model. Transform audio: enhance speech, separate sources."
    stale = CatalogEntry(
        id="f/xm",
        task="audio-to-audio",
        description=blank,
        domains=["source separation"],
        evidence={"domains": "id/tags/card words"},
    )
    assert "source separation" not in model_facts(stale).domains
    synced = CatalogEntry(
        id="f/xm2", task="audio-to-audio", domains=["meetings"], evidence={"domains": "hub"}
    )
    assert "meetings" in model_facts(synced).domains


def _index(tmp_path, entries):
    return ModelIndex(Catalog(entries), embeddings=BagOfWords(), cache_dir=tmp_path)


def test_an_operation_the_request_names_outranks_a_runnable_model_of_another_job(tmp_path):
    entries = [
        CatalogEntry(
            id="l/sd-image-variations",
            task="image-to-image",
            description="Image variations of a photo with Stable Diffusion.",
            downloads=19_000,
            library="diffusers",
        ),
        CatalogEntry(
            id="g/maxim-s3-deblurring-gopro",
            task="image-to-image",
            description="MAXIM pre-trained for image deblurring.",
            downloads=200,
            library="keras",
        ),
    ]
    selector = RetrievalSelector(
        index=_index(tmp_path, entries), can_run=lambda e: e.library == "diffusers"
    )
    task = Task(id=0, task="image-to-image", args={"image": "a.jpg"})
    choice = selector.choose(task, "a.jpg is blurry from camera shake, fix it")
    assert choice.model == "g/maxim-s3-deblurring-gopro"
    assert "can run with this executor; fallback" in choice.reason
    assert "does deblurring" in choice.reason
    # A request naming no job keeps the runnable model.
    assert selector.choose(task, "make something of a.jpg").model == "l/sd-image-variations"


def test_a_diarizer_is_not_a_transcriber_unless_asked(tmp_path):
    entries = [
        CatalogEntry(
            id="p/speaker-diarization",
            task="automatic-speech-recognition",
            description="Speaker diarization of meetings: who spoke when.",
            downloads=900_000,
        ),
        CatalogEntry(
            id="o/whisper-tiny.en",
            task="automatic-speech-recognition",
            description="Transcribes English speech in meetings.",
            downloads=100,
        ),
    ]
    selector = RetrievalSelector(index=_index(tmp_path, entries))
    task = Task(id=0, task="automatic-speech-recognition", args={"audio": "m.wav"})
    assert selector.choose(task, "transcript of our meeting m.wav").model == "o/whisper-tiny.en"
    asked = selector.choose(task, "diarize m.wav: who spoke when?")
    assert asked.model == "p/speaker-diarization" and "does speaker diarization" in asked.reason


@pytest.fixture(scope="module")
def online():
    """The shipped selector with the local executor told the Hub is reachable."""
    from hgpt_langchain.selection.index import default_index

    executor = LocalExecutor()

    def can_run(entry):
        with mock.patch("hgpt_langchain.execution.local.hub_offline", return_value=False):
            return executor.can_run(entry)

    return RetrievalSelector(index=default_index(), can_run=can_run)


@pytest.mark.parametrize(
    ("task", "args", "request_", "acceptable", "said"),
    [
        (
            "translation",
            {"text": "我们明天见", "target_language": "English"},
            "Chinese -> English: 我们明天见",
            {"Helsinki-NLP/opus-mt-zh-en"},
            "zh->en",
        ),
        (
            "automatic-speech-recognition",
            {"audio": "lesson.wav"},
            "Write out what the Mandarin teacher says in lesson.wav",
            {
                "jonatasgrosman/wav2vec2-large-xlsr-53-chinese-zh-cn",
                "ydshieh/wav2vec2-large-xlsr-53-chinese-zh-cn-gpt",
            },
            "zh",
        ),
        (
            "audio-to-audio",
            {"audio": "podcast.wav"},
            "clean up the hiss and hum in podcast.wav",
            {
                "JorisCos/DCCRNet_Libri1Mix_enhsingle_16k",
                "JorisCos/DCUNet_Libri1Mix_enhsingle_16k",
                "speechbrain/metricgan-plus-voicebank",
                "speechbrain/mtl-mimic-voicebank",
                "speechbrain/sepformer-wham16k-enhancement",
                "speechbrain/sepformer-wham-enhancement",
                "speechbrain/sepformer-whamr-enhancement",
                "cankeles/DPTNet_WHAMR_enhsingle_16k",
                "cankeles/ConvTasNet_WHAMR_enhsingle_16k",
            },
            "does speech enhancement",
        ),
        (
            "audio-classification",
            {"audio": "speech.wav"},
            "identify the spoken language of speech.wav",
            {
                "TalTechNLP/voxlingua107-epaca-tdnn",
                "speechbrain/lang-id-voxlingua107-ecapa",
                "speechbrain/lang-id-commonlanguage_ecapa",
                "anton-l/wav2vec2-base-lang-id",
                "sahita/language-identification",
                "TalTechNLP/voxlingua107-epaca-tdnn-ce",
            },
            "does language identification",
        ),
        (
            "question-answering",
            {"question": "公司有多少员工？", "context": "该公司有三百名员工。"},
            "根据这段中文回答问题：公司有多少员工？",
            {
                "uer/roberta-base-chinese-extractive-qa",
                "luhua/chinese_pretrain_mrc_roberta_wwm_ext_large",
                "luhua/chinese_pretrain_mrc_macbert_large",
            },
            "zh",
        ),
        (
            "text-generation",
            {"text": "def parse_csv(path):"},
            "finish my python code: def parse_csv(path):",
            {"bigcode/santacoder"},
            "domain code",
        ),
        (  # BLOOM's card lists 46 languages, not Russian; mGPT's 60 hold it
            "text-generation",
            {"text": "В маленьком городе на берегу Волги"},
            "напиши продолжение рассказа: В маленьком городе на берегу Волги",
            {"sberbank-ai/mGPT"},
            "language ru",
        ),
        (  # "NSFW" in a photo-style model's card is no adult role-play warning
            "text-to-image",
            {"text": "a diner at night with neon signs"},
            "analog style photo, grainy film look: a diner at night with neon signs",
            {"wavymulder/Analog-Diffusion"},
            "named: analog",
        ),
    ],
)
def test_the_shipped_catalog_picks_the_model_that_fits(
    online, task, args, request_, acceptable, said
):
    choice = online.choose(Task(id=0, task=task, args=args), request_)
    assert choice.model in acceptable, choice.reason
    assert said in choice.reason


def test_a_card_written_in_another_language_gives_the_model_s_language():
    card = "元语功能型对话大模型, 这个模型可以用于问答、结合上下文做对话、做各种生成任务。"
    facts = derive_facts("C/ChatYuan", "summarization", description=card)
    assert facts.languages == {"zh"} and "card written in zh" in facts.evidence["languages"]
    english = derive_facts("m/DialoGPT", "conversational", description="A dialogue model.")
    assert not english.languages  # English is the Hub's common language: it proves nothing


def test_a_card_that_lists_its_languages_is_held_to_them():
    card = (
        "A Named Entity Recognition model for 10 high resourced languages (Arabic, German, "
        "English, Spanish, French, Italian, Latvian, Dutch, Portuguese and Chinese)."
    )
    facts = derive_facts("D/bert-base-multilingual-cased-ner-hrl", "token-classification", [], card)
    assert facts.languages == {"ar", "de", "en", "es", "fr", "it", "nl", "pt", "zh"}
    vague = derive_facts("s/mGPT", "text-generation", [], "GPT-like models on 60 languages.")
    assert vague.languages == {"multilingual"}


def test_t5_translates_its_wmt_directions_whatever_the_card_claims():
    claim = "FLAN-T5 is fine-tuned on 1000 more tasks covering also more languages."
    assert derive_facts("google/flan-t5-xxl", "translation", [], claim).target == {"de", "fr", "ro"}
    # "seamlessly" is not SeamlessM4T; "programming languages" are not languages.
    code = "CodeT5 seamlessly supports code understanding in 8 programming languages."
    assert not derive_facts("Salesforce/codet5-base", "translation", [], code).target


def test_function_words_of_other_languages_name_no_specialisation():
    peers = [CatalogEntry(id="t/pegasus_paraphrase", task="translation")] + [
        CatalogEntry(id=f"x/m{i}", task="translation") for i in range(8)
    ]
    pt = request_facts("Pode traduzir para o inglês? Fica pronto.", "translation", None, peers)
    assert not pt.named
    en = request_facts("Translate it with the paraphrase model please", "translation", None, peers)
    assert "paraphras" in en.named
    iris = [CatalogEntry(id="j/autotrain-iris-xgboost", task="tabular-classification")] + [
        CatalogEntry(id=f"x/t{i}", task="tabular-classification") for i in range(8)
    ]
    de = request_facts("Bestimme die Iris-Art für jede Zeile", "tabular-classification", None, iris)
    assert "iris" in de.named  # a German request still names its data set


def test_a_compound_name_split_in_the_id_is_named_whole():
    peers = [CatalogEntry(id="b/bert-base-go-emotion", task="text-classification")] + [
        CatalogEntry(id=f"x/c{i}", task="text-classification") for i in range(8)
    ]
    facts = request_facts(
        "label it with the GoEmotions categories", "text-classification", None, peers
    )
    assert facts.named.get("goemotion") == {"b/bert-base-go-emotion"}


@pytest.mark.parametrize(
    ("task", "request_", "operations"),
    [
        ("text-classification", "is this review positive or negative?", {"sentiment"}),
        ("text-classification", "what language is this written in?", {"language identification"}),
        (
            "token-classification",
            "POS-tag each word (noun, verb, adj...)",
            {"part-of-speech tagging"},
        ),
        ("token-classification", "riconosci le entità in questa frase", {"named entities"}),
        ("audio-classification", "tag the sounds in backyard.wav", {"sound events"}),
        ("image-to-image", "make old.jpg 2x sharper/larger", {"super-resolution"}),
        ("text-classification", "classify this text", set()),
        (
            "text-classification",
            "thumbs up or thumbs down? the sequel was a letdown",
            {"sentiment"},
        ),
        ("text-classification", "这条影评是正面还是负面？", {"sentiment"}),
        ("text-classification", "detect language: Morgen gaan we", {"language identification"}),
        ("audio-classification", "¿En qué idioma habla la persona?", {"language identification"}),
        ("audio-classification", "welches Kommando ist in befehl.wav?", {"keyword spotting"}),
        ("audio-to-audio", "make it sound like someone else is singing", {"voice conversion"}),
        ("audio-to-audio", "swap the singer's voice in take2.wav (SVC)", {"voice conversion"}),
        (
            "audio-classification",
            "radio.wav - can you tell me the language?",
            {"language identification"},
        ),
        ("audio-classification", "what's that noise in yard.wav?", {"sound events"}),
        ("audio-classification", "¿qué sonido se oye en patio.wav?", {"sound events"}),
        ("audio-to-audio", "quita el ruido de esta grabación", {"speech enhancement"}),
        ("image-to-image", "colorea esta foto en blanco y negro", {"colorization"}),
        ("token-classification", "trova le persone e i luoghi in questa frase", {"named entities"}),
        ("text-classification", "bu yorum olumlu mu olumsuz mu?", {"sentiment"}),
        ("text-classification", "Cet avis est-il positif ou négatif ?", {"sentiment"}),
        (
            "text-classification",
            "does the premise entail the hypothesis?",
            {"natural language inference"},
        ),
        ("text-classification", "给这条新闻分个类", {"topic"}),
        (
            "audio-classification",
            "is it an adult or a child speaking in kid.wav?",
            {"speaker age or gender"},
        ),
        ("audio-to-audio", "improve the audio quality of clip.wav", {"speech enhancement"}),
        (
            "token-classification",
            "donne la catégorie grammaticale de chaque mot",
            {"part-of-speech tagging"},
        ),
    ],
)
def test_the_operation_a_request_names(task, request_, operations):
    assert request_facts(request_, task).operations == operations


def test_an_adult_role_play_model_is_never_chosen_for_a_plain_chat(tmp_path):
    entries = [
        CatalogEntry(
            id="P/pygmalion-6b",
            task="conversational",
            description="A dialogue model based on GPT-J. Lots of text about it here. "
            "Warning: This model is NOT suitable for use by minors.",
            downloads=700_000,
        ),
        CatalogEntry(
            id="m/DialoGPT-small",
            task="conversational",
            description="A dialogue response generation model.",
            downloads=50,
        ),
    ]
    selector = RetrievalSelector(index=_index(tmp_path, entries))
    task = Task(id=0, task="conversational", args={"text": "I failed my driving test today"})
    choice = selector.choose(task, "reply like a supportive friend: I failed my driving test")
    assert choice.model == "m/DialoGPT-small"
    assert "road scenes" not in request_facts("I failed my driving test").domains


def test_a_translation_model_of_unknown_direction_comes_after_those_known_to_fit(tmp_path):
    entries = [
        CatalogEntry(
            id="t/pegasus_paraphrase",
            task="translation",
            description="Paraphrases text in many ways.",
            downloads=200_000,
        ),
        CatalogEntry(
            id="H/opus-mt-mul-en",
            task="translation",
            description="Translates many languages into English.",
            downloads=300,
        ),
    ]
    selector = RetrievalSelector(index=_index(tmp_path, entries))
    task = Task(
        id=0, task="translation", args={"text": "Fica pronto", "target_language": "English"}
    )
    assert selector.choose(task, "Pode traduzir para o inglês? Fica pronto").model == (
        "H/opus-mt-mul-en"
    )


def test_a_language_identification_request_holds_models_to_no_language():
    facts = request_facts("¿En qué idioma habla la persona en llamada.wav?", "audio-classification")
    assert facts.operations == {"language identification"} and facts.language is None


def test_a_model_whose_card_says_it_needs_fine_tuning_is_a_last_resort(tmp_path):
    entries = [
        CatalogEntry(
            id="m/MiniLM-L12-H384-uncased",
            task="text-classification",
            description="A distilled model. Please note: it needs to be fine-tuned before use!",
            downloads=10**6,
        ),
        CatalogEntry(
            id="d/distilbert-sst-2",
            task="text-classification",
            description="A text classifier for sentiment.",
            downloads=10,
        ),
    ]
    selector = RetrievalSelector(index=_index(tmp_path, entries))
    task = Task(id=0, task="text-classification", args={"text": "great"})
    assert selector.choose(task, "classify this text: great").model == "d/distilbert-sst-2"
    german = request_facts("wo sind die Kennzeichen auf einfahrt.jpg?", "object-detection")
    assert "license plates" in german.domains
