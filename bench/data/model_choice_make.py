# ruff: noqa: E501
"""Writes bench/data/model_choice.jsonl: requests with the SET of acceptable catalog models.

Sets are written from the catalog's facts (ids, cards' languages, domains, library), by hand,
not from any ranking's output. Rows alternate between split "tune" and split "heldout".
Run: python bench/data/model_choice_make.py
"""

import json
from pathlib import Path

OPUS = "Helsinki-NLP/opus-mt-"
T5 = ["t5-small", "t5-base", "t5-large", "t5-3b", "t5-11b"]
FLAN = [
    "google/flan-t5-small",
    "google/flan-t5-base",
    "google/flan-t5-large",
    "google/flan-t5-xl",
    "google/flan-t5-xxl",
]
MULTI_MT = [
    "facebook/m2m100_418M",
    "facebook/nllb-200-distilled-600M",
    "alirezamsh/small100",
    "facebook/nllb-200-distilled-1.3B",
    "facebook/nllb-200-3.3B",
]
EN_ASR = [
    "jonatasgrosman/wav2vec2-large-xlsr-53-english",
    "openai/whisper-tiny.en",
    "openai/whisper-medium.en",
    "openai/whisper-tiny",
    "openai/whisper-small",
    "openai/whisper-base",
    "openai/whisper-medium",
    "openai/whisper-large",
    "openai/whisper-large-v2",
    "facebook/wav2vec2-base-960h",
    "facebook/wav2vec2-large-960h-lv60-self",
    "facebook/wav2vec2-large-960h",
    "facebook/hubert-large-ls960-ft",
    "facebook/s2t-small-librispeech-asr",
    "Systran/faster-whisper-tiny.en",  # packaged (offline extra), added with the catalog entry
]
WHISPER_MULTI = [
    "openai/whisper-tiny",
    "openai/whisper-small",
    "openai/whisper-base",
    "openai/whisper-medium",
    "openai/whisper-large",
    "openai/whisper-large-v2",
    "voidful/wav2vec2-xlsr-multilingual-56",
]
EN_TTS = [
    "microsoft/speecht5_tts",
    "mechanicalsea/speecht5-tts",
    "rhasspy/piper-voices:en_US-joe-medium",  # packaged (offline extra), added with the entry
]
CAPTION = [
    "nlpconnect/vit-gpt2-image-captioning",
    "Salesforce/blip-image-captioning-base",
    "Salesforce/blip-image-captioning-large",
    "Salesforce/blip2-opt-2.7b",
    "microsoft/git-large-coco",
    "Salesforce/blip2-flan-t5-xl",
    "ydshieh/vit-gpt2-coco-en",
    "Salesforce/blip2-opt-6.7b",
    "Salesforce/blip2-flan-t5-xxl",
    "microsoft/git-base",
    "Salesforce/blip2-flan-t5-xl-coco",
]
VQA = [
    "Salesforce/blip-vqa-base",
    "dandelin/vilt-b32-finetuned-vqa",
    "Salesforce/blip-vqa-capfilt-large",
    "microsoft/git-large-vqav2",
    "microsoft/git-base-vqav2",
]
SUM_EN = [
    "philschmid/bart-large-cnn-samsum",
    "facebook/bart-large-cnn",
    "sshleifer/distilbart-cnn-12-6",
    "google/pegasus-cnn_dailymail",
    "google/pegasus-xsum",
    "lidiya/bart-large-xsum-samsum",
    "facebook/bart-large-xsum",
    "sshleifer/distilbart-cnn-6-6",
    "google/pegasus-large",
    "linydub/bart-large-samsum",
    "tuner007/pegasus_summarizer",
    "slauw87/bart_summarisation",
    "snrspeaks/t5-one-line-summary",
    "pszemraj/long-t5-tglobal-base-16384-book-summary",
    "pszemraj/led-large-book-summary",
    "pszemraj/pegasus-x-large-book-summary",
    "philschmid/flan-t5-base-samsum",
    "jordiclive/flan-t5-3b-summarizer",
]
SENT_EN = [
    "distilbert-base-uncased-finetuned-sst-2-english",
    "siebert/sentiment-roberta-large-english",
    "cardiffnlp/twitter-roberta-base-sentiment",
    "cardiffnlp/twitter-roberta-base-sentiment-latest",
    "nlptown/bert-base-multilingual-uncased-sentiment",
    "cardiffnlp/twitter-xlm-roberta-base-sentiment",
    "finiteautomata/bertweet-base-sentiment-analysis",
]
TWEET = [
    "cardiffnlp/twitter-roberta-base-sentiment",
    "cardiffnlp/twitter-roberta-base-sentiment-latest",
    "cardiffnlp/twitter-xlm-roberta-base-sentiment",
    "finiteautomata/bertweet-base-sentiment-analysis",
]
FIN = [
    "ProsusAI/finbert",
    "yiyanghkust/finbert-tone",
    "mrm8488/distilroberta-finetuned-financial-news-sentiment-analysis",
]
EMO = [
    "j-hartmann/emotion-english-distilroberta-base",
    "joeddav/distilbert-base-uncased-go-emotions-student",
    "bhadresh-savani/distilbert-base-uncased-emotion",
    "cardiffnlp/twitter-roberta-base-emotion",
    "bhadresh-savani/bert-base-go-emotion",
    "arpanghoshal/EmoRoBERTa",
]
NER_EN = [
    "dslim/bert-base-NER",
    "dslim/bert-large-NER",
    "Jean-Baptiste/roberta-large-ner-english",
    "dbmdz/bert-large-cased-finetuned-conll03-english",
    "Davlan/distilbert-base-multilingual-cased-ner-hrl",
    "Davlan/bert-base-multilingual-cased-ner-hrl",
    "elastic/distilbert-base-uncased-finetuned-conll03-english",
    "Babelscape/wikineural-multilingual-ner",
    "xlm-roberta-large-finetuned-conll03-english",
    "jplu/tf-xlm-r-ner-40-lang",
]
DET = [
    "hustvl/yolos-tiny",
    "facebook/detr-resnet-50",
    "facebook/detr-resnet-101",
    "hustvl/yolos-small",
    "facebook/detr-resnet-101-dc5",
    "SenseTime/deformable-detr",
    "hustvl/yolos-base",
    "google/owlvit-base-patch32",
    "google/owlvit-large-patch14",
    "google/owlvit-base-patch16",
]
IMGCLS = [
    "google/vit-base-patch16-224",
    "microsoft/resnet-50",
    "microsoft/beit-base-patch16-224-pt22k-ft22k",
    "google/vit-large-patch32-384",
    "microsoft/swin-tiny-patch4-window7-224",
    "microsoft/swin-base-patch4-window7-224-in22k",
    "microsoft/resnet-18",
    "facebook/deit-base-patch16-224",
    "facebook/convnext-tiny-224",
    "facebook/deit-base-distilled-patch16-224",
    "google/vit-base-patch16-384",
    "apple/mobilevit-small",
    "google/vit-base-patch32-384",
    "google/vit-large-patch16-384",
    "deepmind/vision-perceiver-learned",
    "nvidia/mit-b0",
]


def tr(text, target, req, ok):
    return {
        "task": "translation",
        "args": {"text": text, "target_language": target},
        "request": req,
        "acceptable": ok,
    }


R = [
    tr(
        "good morning",
        "German",
        "Translate 'good morning' into German",
        [OPUS + "en-de", *T5, *FLAN, *MULTI_MT],
    ),
    tr(
        "Hello, how are you?",
        "French",
        "Translate this into French: Hello, how are you?",
        [OPUS + "en-fr", *T5, *FLAN, *MULTI_MT],
    ),
    tr(
        "Where is the train station?",
        "Spanish",
        "How do I say 'Where is the train station?' in Spanish",
        [OPUS + "en-es", *FLAN, *MULTI_MT],
    ),
    tr(
        "Guten Morgen, wie geht es dir heute?",
        "English",
        "Translate 'Guten Morgen, wie geht es dir heute?' into English",
        [OPUS + "de-en", OPUS + "mul-en", *FLAN, *MULTI_MT],
    ),
    tr(
        "Je voudrais un café, s'il vous plaît.",
        "English",
        "What does 'Je voudrais un café, s'il vous plaît.' mean in English?",
        [OPUS + "fr-en", OPUS + "mul-en", *FLAN, *MULTI_MT],
    ),
    tr(
        "¿Dónde está la biblioteca?",
        "English",
        "Translate from Spanish: ¿Dónde está la biblioteca?",
        [OPUS + "es-en", OPUS + "mul-en", *FLAN, *MULTI_MT],
    ),
    tr(
        "The meeting is at noon.",
        "Chinese",
        "Translate 'The meeting is at noon.' into Chinese",
        [OPUS + "en-zh", "liam168/trans-opus-mt-en-zh", *MULTI_MT],
    ),
    tr(
        "今天天气很好",
        "English",
        "Translate '今天天气很好' to English",
        [OPUS + "zh-en", OPUS + "mul-en", *MULTI_MT, "K024/mt5-zh-ja-en-trimmed"],
    ),
    tr(
        "Thank you very much",
        "Japanese",
        "Translate 'Thank you very much' into Japanese",
        ["staka/fugumt-en-ja", *MULTI_MT],
    ),
    tr(
        "ありがとうございます",
        "English",
        "Translate 'ありがとうございます' into English",
        [
            "staka/fugumt-ja-en",
            OPUS + "ja-en",
            OPUS + "mul-en",
            *MULTI_MT,
            "K024/mt5-zh-ja-en-trimmed",
        ],
    ),
    tr(
        "Я люблю читать книги",
        "English",
        "Translate 'Я люблю читать книги' to English",
        [OPUS + "ru-en", OPUS + "mul-en", *MULTI_MT],
    ),
    tr(
        "I love reading books",
        "Russian",
        "Translate 'I love reading books' into Russian",
        [OPUS + "en-ru", *MULTI_MT],
    ),
    tr(
        "Bugün hava çok güzel",
        "English",
        "Translate 'Bugün hava çok güzel' into English",
        [OPUS + "tr-en", OPUS + "mul-en", *MULTI_MT],
    ),
    tr(
        "안녕하세요 만나서 반갑습니다",
        "English",
        "Translate '안녕하세요 만나서 반갑습니다' to English",
        [OPUS + "ko-en", OPUS + "mul-en", *MULTI_MT],
    ),
    tr(
        "The weather is lovely today",
        "German",
        "Please translate the text into German: The weather is lovely today",
        [OPUS + "en-de", *T5, *FLAN, *MULTI_MT],
    ),
    tr(
        "Our store opens at nine",
        "French",
        "Render 'Our store opens at nine' in French",
        [OPUS + "en-fr", *T5, *FLAN, *MULTI_MT],
    ),
    tr(
        "We need more time",
        "Spanish",
        "Translate into Spanish: We need more time",
        [OPUS + "en-es", *FLAN, *MULTI_MT],
    ),
    tr(
        "Wir sehen uns morgen",
        "English",
        "Translate from German to English: Wir sehen uns morgen",
        [OPUS + "de-en", OPUS + "mul-en", *FLAN, *MULTI_MT],
    ),
]


def row(task, args, req, ok):
    return {"task": task, "args": args, "request": req, "acceptable": ok}


A = {"audio": "clip.wav"}
IMG = {"image": "photo.jpg"}
R += [
    row(
        "automatic-speech-recognition",
        A,
        "Transcribe this English speech recording clip.wav",
        EN_ASR,
    ),
    row("automatic-speech-recognition", A, "What is said in clip.wav?", EN_ASR),
    row(
        "automatic-speech-recognition", A, "Write down the words of this voicemail clip.wav", EN_ASR
    ),
    row(
        "automatic-speech-recognition",
        A,
        "Transcribe the Russian audio clip.wav",
        ["jonatasgrosman/wav2vec2-large-xlsr-53-russian", *WHISPER_MULTI],
    ),
    row(
        "automatic-speech-recognition",
        A,
        "Transcribe this Chinese speech clip.wav",
        [
            "jonatasgrosman/wav2vec2-large-xlsr-53-chinese-zh-cn",
            "ydshieh/wav2vec2-large-xlsr-53-chinese-zh-cn-gpt",
            *WHISPER_MULTI,
        ],
    ),
    row(
        "automatic-speech-recognition",
        A,
        "Transcribe this Korean speech clip.wav",
        ["kresnik/wav2vec2-large-xlsr-korean", *WHISPER_MULTI],
    ),
    row(
        "automatic-speech-recognition",
        A,
        "Convert the Spanish podcast clip.wav to text",
        ["jonatasgrosman/wav2vec2-large-xlsr-53-spanish", *WHISPER_MULTI],
    ),
    row(
        "automatic-speech-recognition", A, "Give me a transcript of the lecture in clip.wav", EN_ASR
    ),
    row("text-to-speech", {"text": "hello world"}, "Read this aloud: hello world", EN_TTS),
    row(
        "text-to-speech",
        {"text": "Welcome to the museum"},
        "Turn 'Welcome to the museum' into speech",
        EN_TTS,
    ),
    row(
        "text-to-speech",
        {"text": "Your order has shipped"},
        "Say 'Your order has shipped' out loud",
        EN_TTS,
    ),
    row(
        "text-to-speech",
        {"text": "Good night"},
        "Generate a spoken audio file of 'Good night'",
        EN_TTS,
    ),
    row(
        "text-to-speech",
        {"text": "Bienvenidos"},
        "Read 'Bienvenidos' aloud in Spanish",
        ["facebook/tts_transformer-es-css10"],
    ),
    row(
        "text-to-speech",
        {"text": "The forecast calls for rain"},
        "Narrate the sentence 'The forecast calls for rain'",
        EN_TTS,
    ),
    row(
        "summarization",
        {
            "text": "The economy grew by 3 percent last year as consumer spending rose and unemployment fell."
        },
        "Summarize this article",
        SUM_EN,
    ),
    row(
        "summarization",
        {
            "text": "Alice: are we still on for lunch? Bob: yes, 12:30 at the usual place. Alice: great."
        },
        "Summarize this chat conversation",
        SUM_EN,
    ),
    row(
        "summarization",
        {"text": "Quarterly revenue rose 12% while operating margins narrowed on higher costs."},
        "Give me a short summary of this earnings report",
        ["human-centered-summarization/financial-summarization-pegasus", *SUM_EN],
    ),
    row(
        "summarization",
        {
            "text": "The team discussed the launch date, agreed to move QA earlier and assigned owners."
        },
        "Summarize the notes of our meeting",
        ["knkarthick/MEETING_SUMMARY", *SUM_EN],
    ),
    row(
        "summarization",
        {"text": "A long news story about the city council's new budget and the debate it caused."},
        "Condense this news story into a few sentences",
        SUM_EN,
    ),
    row(
        "summarization",
        {"text": "The study followed 2,000 patients with type 2 diabetes over five years."},
        "Summarize this medical paper abstract",
        ["google/bigbird-pegasus-large-pubmed", *SUM_EN],
    ),
    row("image-to-text", IMG, "Describe this photo photo.jpg", CAPTION),
    row("image-to-text", IMG, "Write a caption for photo.jpg", CAPTION),
    row("image-to-text", IMG, "What is in the picture photo.jpg?", CAPTION),
    row(
        "image-to-text",
        IMG,
        "Read the handwriting in photo.jpg",
        [
            "microsoft/trocr-small-handwritten",
            "microsoft/trocr-base-handwritten",
            "microsoft/trocr-large-handwritten",
        ],
    ),
    row(
        "image-to-text",
        IMG,
        "Extract the text from this receipt photo.jpg",
        [
            "naver-clova-ix/donut-base-finetuned-cord-v2",
            "microsoft/trocr-base-printed",
            "microsoft/trocr-large-printed",
            "microsoft/trocr-small-printed",
        ],
    ),
    row("image-to-text", IMG, "Generate a description of the scene in photo.jpg", CAPTION),
    row(
        "visual-question-answering",
        {"image": "photo.jpg", "question": "What animal is in this picture?"},
        "What animal is in this picture?",
        VQA,
    ),
    row(
        "visual-question-answering",
        {"image": "photo.jpg", "question": "How many people are there?"},
        "How many people are in photo.jpg?",
        VQA,
    ),
    row(
        "visual-question-answering",
        {"image": "photo.jpg", "question": "What color is the car?"},
        "Look at photo.jpg: what color is the car?",
        VQA,
    ),
    row(
        "visual-question-answering",
        {"image": "photo.jpg", "question": "Is it raining?"},
        "Is it raining in photo.jpg?",
        VQA,
    ),
    row(
        "visual-question-answering",
        {"image": "photo.jpg", "question": "What is written on the sign?"},
        "What is written on the sign in photo.jpg?",
        ["microsoft/git-base-textvqa", "microsoft/git-large-textvqa", *VQA],
    ),
    row(
        "visual-question-answering",
        {"image": "photo.jpg", "question": "What sport is being played?"},
        "What sport is being played in photo.jpg?",
        VQA,
    ),
    row(
        "text-classification",
        {"text": "I absolutely loved this movie, the acting was superb."},
        "Is this review positive or negative?",
        SENT_EN,
    ),
    row(
        "text-classification",
        {"text": "Stocks fell sharply after the earnings miss."},
        "What is the sentiment of this financial news headline?",
        FIN,
    ),
    row(
        "text-classification",
        {"text": "just got my new phone and it's amazing #happy"},
        "Classify the sentiment of this tweet",
        TWEET,
    ),
    row(
        "text-classification",
        {"text": "I can't believe they cancelled the show, I'm so angry"},
        "What emotion does this text express?",
        EMO,
    ),
    row(
        "text-classification",
        {"text": "You are an idiot and nobody likes you"},
        "Is this comment toxic?",
        ["unitary/toxic-bert"],
    ),
    row(
        "text-classification",
        {"text": "The service was slow and the food was cold."},
        "Classify the sentiment of this restaurant review",
        SENT_EN,
    ),
    row(
        "text-classification",
        {"text": "Bank shares rallied as interest rates rose."},
        "Analyse the sentiment of this market news for investors",
        FIN,
    ),
    row(
        "text-classification",
        {"text": "feeling so sad today, nothing is going right"},
        "Detect the emotion in this message",
        EMO,
    ),
    row(
        "text-classification",
        {"text": "Die Lieferung kam zu spät und war beschädigt."},
        "Classify the sentiment of this German review",
        [
            "nlptown/bert-base-multilingual-uncased-sentiment",
            "cardiffnlp/twitter-xlm-roberta-base-sentiment",
        ],
    ),
    row(
        "text-classification",
        {"text": "What language is this sentence written in?"},
        "Which language is this text in?",
        ["papluca/xlm-roberta-base-language-detection"],
    ),
    row(
        "token-classification",
        {"text": "Barack Obama visited Paris in 2015."},
        "Find the named entities in: Barack Obama visited Paris in 2015.",
        NER_EN,
    ),
    row(
        "token-classification",
        {"text": "Angela Merkel traf Emmanuel Macron in Berlin."},
        "Extract the people and places from this German sentence",
        [
            "flair/ner-german-large",
            "Davlan/distilbert-base-multilingual-cased-ner-hrl",
            "Davlan/bert-base-multilingual-cased-ner-hrl",
            "Babelscape/wikineural-multilingual-ner",
            "jplu/tf-xlm-r-ner-40-lang",
        ],
    ),
    row(
        "token-classification",
        {"text": "Emmanuel Macron est né à Amiens."},
        "Find the named entities in this French text",
        [
            "Jean-Baptiste/camembert-ner",
            "Jean-Baptiste/camembert-ner-with-dates",
            "cmarkea/distilcamembert-base-ner",
            "Davlan/distilbert-base-multilingual-cased-ner-hrl",
            "Davlan/bert-base-multilingual-cased-ner-hrl",
            "Babelscape/wikineural-multilingual-ner",
            "jplu/tf-xlm-r-ner-40-lang",
        ],
    ),
    row(
        "token-classification",
        {"text": "The patient was given 50mg of aspirin for chest pain."},
        "Tag the medical entities in this clinical note",
        [
            "d4data/biomedical-ner-all",
            "samrawal/bert-base-uncased_clinical-ner",
            "StanfordAIMI/stanford-deidentifier-base",
        ],
    ),
    row(
        "token-classification",
        {"text": "Apple opened a new office in London last week."},
        "Which organisations and locations are mentioned in this sentence?",
        NER_EN,
    ),
    row(
        "token-classification",
        {"text": "Tim Cook met Sundar Pichai in California."},
        "Label the person names in this text",
        NER_EN,
    ),
    row("object-detection", IMG, "Detect the objects in photo.jpg", DET),
    row("object-detection", IMG, "Draw boxes around every person in photo.jpg", DET),
    row(
        "object-detection",
        IMG,
        "Find the license plates in photo.jpg",
        [
            "nickmuchi/yolos-small-finetuned-license-plate-detection",
            "nickmuchi/yolos-small-rego-plates-detection",
        ],
    ),
    row(
        "object-detection",
        IMG,
        "Locate the tables in this scanned document photo.jpg",
        [
            "microsoft/table-transformer-detection",
            "TahaDouaji/detr-doc-table-detection",
            "nielsr/detr-table-detection",
        ],
    ),
    row("object-detection", IMG, "What objects are on the street in photo.jpg?", DET),
    row("object-detection", IMG, "Detect cars and pedestrians in photo.jpg", DET),
    row("image-classification", IMG, "Classify the image photo.jpg", IMGCLS),
    row("image-classification", IMG, "What kind of object is shown in photo.jpg?", IMGCLS),
    row("image-classification", IMG, "Which food is in photo.jpg?", ["nateraw/food"]),
    row(
        "image-classification",
        IMG,
        "Estimate the age of the person in photo.jpg",
        ["nateraw/vit-age-classifier"],
    ),
    row("image-classification", IMG, "What category does photo.jpg belong to?", IMGCLS),
    row("image-classification", IMG, "Identify the main subject of photo.jpg", IMGCLS),
]
R += [
    row("automatic-speech-recognition", A, "Please transcribe clip.wav", EN_ASR),
    row("automatic-speech-recognition", A, "Turn the interview in clip.wav into text", EN_ASR),
    row(
        "text-to-speech",
        {"text": "Thank you for calling"},
        "Make an audio clip saying 'Thank you for calling'",
        EN_TTS,
    ),
    row("text-to-speech", {"text": "Chapter one"}, "Convert 'Chapter one' to audio", EN_TTS),
    row(
        "summarization",
        {
            "text": "The new phone has a bigger screen, a faster chip and a better camera than last year's."
        },
        "Summarize this product announcement",
        SUM_EN,
    ),
    row(
        "summarization",
        {"text": "Researchers found that sleep improves memory consolidation in adults."},
        "Write a one-line summary of this text",
        SUM_EN,
    ),
    row("image-to-text", IMG, "Caption the image photo.jpg", CAPTION),
    row(
        "image-to-text",
        IMG,
        "Transcribe the handwritten note in photo.jpg",
        [
            "microsoft/trocr-small-handwritten",
            "microsoft/trocr-base-handwritten",
            "microsoft/trocr-large-handwritten",
        ],
    ),
    row(
        "text-classification",
        {"text": "This product broke after two days. Terrible."},
        "Is this customer feedback positive?",
        SENT_EN,
    ),
    row(
        "text-classification",
        {"text": "omg best concert ever!!! @band"},
        "What's the sentiment of this tweet?",
        TWEET,
    ),
    row(
        "token-classification",
        {"text": "Microsoft was founded by Bill Gates in Albuquerque."},
        "Recognise the named entities in this sentence",
        NER_EN,
    ),
    row("object-detection", IMG, "Find all the animals in photo.jpg and mark them", DET),
    row(
        "image-classification",
        IMG,
        "Tell me what photo.jpg shows using an ImageNet classifier",
        IMGCLS,
    ),
    row(
        "visual-question-answering",
        {"image": "photo.jpg", "question": "Where was this photo taken?"},
        "Where was photo.jpg taken?",
        VQA,
    ),
    tr(
        "Good luck with your exam",
        "German",
        "Translate 'Good luck with your exam' into German",
        [OPUS + "en-de", *T5, *FLAN, *MULTI_MT],
    ),
    tr(
        "Merci pour votre aide",
        "English",
        "Translate 'Merci pour votre aide' into English",
        [OPUS + "fr-en", OPUS + "mul-en", *FLAN, *MULTI_MT],
    ),
]
out = Path(__file__).with_name("model_choice.jsonl")
with out.open("w") as f:
    for i, r in enumerate(R):
        r["split"] = "tune" if i % 2 == 0 else "heldout"
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(R), "rows ->", out)
