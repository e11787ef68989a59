"""Anchor data of the offline planner: example clauses and lexical cues per task type.

The offline planner embeds each clause of a request and compares it with these anchors (plus the
registry's ``description`` and ``examples`` and, for TaskBench's tools, their public descriptions).
The examples are generic, hand-written phrasings; none is taken from TaskBench's labelled data.
Files and quoted texts appear as the placeholders the planner substitutes before embedding
("the image", "the audio", "the text").

``image-to-image`` has two anchor groups: ``IMAGE_EDIT`` (a change described in words, planned
with a
``text`` instruction) and plain ``image-to-image`` (restore, enhance, restyle: planned without one).
"""

from __future__ import annotations

IMAGE_EDIT = "image-to-image+text"
"""Anchor label of image-to-image with a text instruction (TaskBench's "Image Editing")."""

NONE = "none"
"""Anchor label of clauses that ask for no model: context, politeness, filler."""

EXAMPLES: dict[str, tuple[str, ...]] = {
    "text-classification": (
        "is this review positive or negative",
        "tell me the sentiment of the text",
        "classify the text by topic",
        "what emotion does this message express",
    ),
    "token-classification": (
        "find the named entities in the text",
        "identify the people, places and dates mentioned in the text",
        "tag each word with its part of speech",
        "extract the names of organisations and locations from the sentence",
        "highlight the key entities such as names and dates",
        "identify the nouns and verbs in the sentence",
        "pick out the keywords and entities",
    ),
    "question-answering": (
        "answer the question using the text",
        "based on the passage, who invented it",
        "find the answer to my question in the article",
        "according to the text, when did it happen",
        "answer a question about the given paragraph",
        "find out from the text what the main cause is",
    ),
    "summarization": (
        "summarize the article",
        "give me a short summary of the text",
        "condense the document into a few key points",
        "shorten this long text and keep the main ideas",
        "provide a brief overview of the report",
        "make a concise synopsis of the content",
        "extract the key points of the text",
    ),
    "translation": (
        "translate the text into French",
        "translate the sentence from English to Spanish",
        "what is this phrase in German",
        "convert the text into another language",
        "give me the English version of the text",
        "translate the result into Italian",
    ),
    "text-generation": (
        "write a story that starts with the text",
        "continue the sentence",
        "complete the unfinished text",
        "generate a paragraph about the topic",
        "write a creative description of the product",
        "paraphrase the text in other words",
        "compose an essay based on the summary",
        "expand the text into a longer narrative",
    ),
    "conversational": (
        "chat with me about my day",
        "reply to my message as a chatbot",
        "give me a conversational response to the question",
        "respond to the question like a friendly assistant",
        "have a dialogue about the topic",
        "suggest some ideas and talk me through them",
        "give me advice in a conversational way",
    ),
    "sentence-similarity": (
        "how similar are the two sentences",
        "compare the meaning of the two texts",
        "measure the similarity between the phrases",
        "check whether the two sentences mean the same thing",
        "how closely does the result match the original text",
        "compare the transcription with the original sentence",
    ),
    "zero-shot-classification": (
        "is the text about sports, politics or cooking",
        "classify the sentence into one of the given labels",
    ),
    "fill-mask": (
        "fill in the missing word in the sentence",
        "predict the masked word",
    ),
    "image-classification": (
        "classify the image",
        "what is the object in the image",
        "which category does the picture belong to",
        "identify what kind of animal is in the photo",
        "label the image with its class",
        "recognize what the picture shows",
        "categorize the image",
    ),
    "object-detection": (
        "detect the objects in the image",
        "draw bounding boxes around the cars in the picture",
        "locate every person in the photo",
        "count how many people are in the image",
        "find and label all objects in the picture",
        "identify the objects present in the photo and where they are",
    ),
    "image-segmentation": (
        "segment the image",
        "separate the objects in the picture from the background",
        "divide the photo into regions for each object",
        "create a mask for each object in the image",
        "isolate the foreground of the image",
        "split the image into segments",
    ),
    "depth-estimation": (
        "estimate the depth of the objects in the image",
        "how far are the objects from the camera in the photo",
        "create a depth map of the picture",
        "analyze the distance of objects in the image",
        "determine the spatial depth of the scene",
    ),
    "image-to-text": (
        "describe the image",
        "write a caption for the picture",
        "extract the text written in the image",
        "read the words in the photo",
        "generate a text description of the picture",
        "tell me what the image shows in words",
        "convert the image into a textual description",
    ),
    "text-to-image": (
        "generate an image of a sunset over the sea",
        "draw a picture of a cat",
        "create an image from the description",
        "illustrate the scene described in the text",
        "visualize the text as a picture",
        "make an image based on the summary",
        "paint an artwork that shows the text",
    ),
    "image-to-image": (
        "enhance the quality of the image",
        "restore the old photo",
        "transform the picture into a different style",
        "make the photo look like a painting",
        "convert the image to look like night time",
        "give the photo a vintage look",
        "upscale the image to a higher resolution",
        "turn the sketch into a realistic image",
    ),
    IMAGE_EDIT: (
        "edit the image to change the color of the car to red",
        "modify the picture so the sky is blue",
        "change the background of the photo",
        "add a hat to the person in the image",
        "remove the object from the picture",
        "edit the image according to the instruction",
        "replace the grass in the photo with sand",
        "apply the text instruction to modify the image",
    ),
    "visual-question-answering": (
        "what color is the car in the image",
        "answer a question about the picture",
        "how many apples are on the table in the photo",
        "who is the person in the image",
        "what is the main object in the picture doing",
        "tell me about the content of the image by answering my question",
    ),
    "document-question-answering": (
        "answer a question about the document image",
        "what is the total amount on the scanned invoice",
        "find the date in the document",
        "what does the document say about the topic",
        "extract information from the scanned form",
        "what is the main topic of the document",
    ),
    "zero-shot-image-classification": (
        "is the image a cat, a dog or a rabbit",
        "classify the picture into one of the given labels",
    ),
    "tabular-classification": (
        "classify the table",
        "classify the rows of the table in the image",
        "identify the content of the table",
        "analyze the tabular data in the image",
        "convert the table image into text",
    ),
    "text-to-speech": (
        "read the text aloud",
        "convert the text to speech",
        "generate an audio file of the sentence",
        "create a voice recording of the summary",
        "narrate the story",
        "turn the text into spoken audio",
        "make an audio version of the translation",
    ),
    "automatic-speech-recognition": (
        "transcribe the audio",
        "convert the recording into text",
        "what is said in the audio file",
        "write down the spoken words of the audio",
        "turn the speech into written text",
        "get a transcript of the recording",
    ),
    "audio-classification": (
        "classify the audio",
        "what sound is in the recording",
        "identify the emotion of the speaker in the audio",
        "recognize the command spoken in the audio",
        "detect the language of the audio",
        "label the sound clip",
        "identify the speaker in the recording",
    ),
    "audio-to-audio": (
        "remove the background noise from the audio",
        "enhance the quality of the recording",
        "clean up the audio",
        "separate the voices in the audio",
        "improve the clarity of the speech in the audio",
        "denoise the sound file",
    ),
    "text-to-video": (
        "create a video of waves on a beach",
        "generate a short video clip from the text",
        "make an animation based on the description",
        "produce a video that shows the story",
        "turn the text into a video",
    ),
    NONE: (
        "could you help me with this",
        "can you assist me",
        "I have an image named the image",
        "I have an audio file",
        "I am working on a project",
        "thank you very much",
        "please let me know",
        "is that something you can do",
        "I have a question",
        "it is for my presentation",
        "I took a photo yesterday",
        "I came across this recently",
        "I would like to analyze it more closely",
        "I want to understand it better",
        "I'm curious about it",
        "I'm trying to analyze some data for my class",
        "I'm struggling with this file",
        "is it possible to do that",
        "it is important for my work",
    ),
}
"""Hand-written example clauses per anchor label."""

TASKBENCH_DESCRIPTIONS: dict[str, str] = {
    "token-classification": (
        "Token classification assigns a label to some tokens in a text, such as named entity "
        "recognition of dates, individuals and places, or part-of-speech tagging."
    ),
    "translation": "Translation converts text from one language to another.",
    "summarization": (
        "Summarization produces a shorter version of a document while preserving its important "
        "information."
    ),
    "question-answering": (
        "Question answering retrieves the answer to a question from a given text."
    ),
    "conversational": (
        "Conversational response modelling generates conversational text that is relevant, "
        "coherent and knowledgeable given a prompt, as in chatbots and voice assistants."
    ),
    "text-generation": (
        "Text generation produces new text, for example filling in incomplete text or paraphrasing."
    ),
    "sentence-similarity": "Sentence similarity determines how similar two texts are.",
    "tabular-classification": "Tabular classification classifies a table in image format.",
    "object-detection": (
        "Object detection identifies objects of defined classes in an image and outputs the image "
        "with bounding boxes and labels."
    ),
    "image-classification": ("Image classification assigns a label or class to an entire image."),
    "image-to-image": (
        "Image-to-image transforms a source image to match the characteristics of a target image "
        "or domain."
    ),
    "image-to-text": (
        "Image to text models output a text from a given image, such as captioning or OCR."
    ),
    "text-to-image": "Text-to-image generates images from input text.",
    "text-to-video": "Text-to-video generates a video from an input text.",
    "visual-question-answering": (
        "Visual question answering answers open-ended questions based on an image."
    ),
    "document-question-answering": (
        "Document question answering answers questions on document images."
    ),
    "image-segmentation": (
        "Image segmentation divides an image into segments where each pixel is mapped to an object."
    ),
    "depth-estimation": "Depth estimation predicts the depth of objects present in an image.",
    "text-to-speech": "Text-to-speech generates natural sounding speech from text input.",
    "automatic-speech-recognition": (
        "Automatic speech recognition transcribes a given audio into text."
    ),
    "audio-to-audio": (
        "Audio-to-audio transforms input audio into output audio, such as speech enhancement and "
        "source separation."
    ),
    "audio-classification": (
        "Audio classification assigns a label or class to audio, such as a command, speaker, "
        "emotion or language."
    ),
    IMAGE_EDIT: "Image editing changes an image according to a text description of the edit.",
}
"""TaskBench's public tool descriptions (``tool_desc.json``), shortened, as extra anchors."""

CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "text-classification": ((r"\bsentiment", 0.15), (r"positive or negative", 0.2)),
    "token-classification": (
        (r"named entit|\bentities\b|\bner\b", 0.25),
        (r"part[- ]of[- ]speech|\bpos tag", 0.25),
        (r"\bnouns?\b|\bverbs?\b|\bkeywords?\b", 0.1),
    ),
    "question-answering": ((r"\banswer\b", 0.05), (r"according to the text|from the text", 0.1)),
    "summarization": (
        (r"summar|synopsis|condens|\bsum (?:it|this|that|up)|gist|key points|\bessence\b", 0.25),
        (r"\bbrief\b|\bconcise\b|\bshort(?:er)? version|\bdistill|boil down|tl;dr", 0.12),
    ),
    "translation": (
        (r"\btranslat(?:e|es|ing)\b|\btranslation (?:of|into|to)\b", 0.3),
        (
            r"\b(?:into|to|in) (?:french|spanish|german|english|italian|chinese|japanese|"
            r"portuguese|russian|arabic|korean|hindi|dutch)\b",
            0.15,
        ),
    ),
    "text-generation": (
        (r"\bcontinu|\bcomplete (?:the|this|my)|paraphras|\bstory\b|\bnarrative\b|\bessay\b", 0.12),
        (
            r"\bwrite\b|\bcompose\b|\bcraft\b|\bgenerate (?:a |some )?(?:new )?(?:text|sentence|"
            r"paragraph|description)",
            0.08,
        ),
    ),
    "conversational": ((r"conversation|dialog|chat|\breply\b|\brespon(?:d|se)\b", 0.15),),
    "sentence-similarity": (
        (r"similar|\bcompar|how closely|\balign|\bmatch(?:es)?\b|same meaning|resembl", 0.2),
    ),
    "tabular-classification": ((r"\btable\b|\btabular\b|spreadsheet", 0.25),),
    "object-detection": (
        (r"\bdetect|bounding box|\blocate\b|\bhow many\b|\bcount\b|objects? (?:present|in)", 0.15),
    ),
    "image-classification": (
        (r"\bclassif|\bcategori[sz]|\bwhich class\b|\bwhat kind of\b|\blabel\b", 0.1),
    ),
    "image-to-image": (
        (r"\benhanc|\brestor|\bupscal|\bsharpen|\bvintage|\bstyle\b|\btransform|\bcoloriz", 0.1),
    ),
    IMAGE_EDIT: (
        (
            r"\bedit\b|\bediting\b|\bmodify|\balter\b|\bchange\b|\brecolou?r\b|\breplace\b|\badd\b|"
            r"\bremove\b|\bturn(?:ing)? the \w+ (?:\w+ )?"
            r"(?:red|blue|green|yellow|purple|black|white|"
            r"pink|orange)",
            0.15,
        ),
    ),
    "image-to-text": (
        (
            r"\bcaption|\bdescribe\b|\b(?:provide|generate|give|write|get|create|produce) (?:me )?"
            r"(?:a |an |the )?(?:\w+ )?(?:description|caption)|\bextract (?:the )?text|\bocr\b|"
            r"text (?:in|from) the image",
            0.15,
        ),
    ),
    "text-to-image": (
        (
            r"\b(?:generat|creat|draw|mak|produc|paint|render|design)\w* (?:me |us )?"
            r"(?:an? |the )?(?:new )?(?:image|picture|illustration|drawing|painting|visual)|"
            r"\billustrat|\bvisuali[sz]",
            0.25,
        ),
    ),
    "text-to-video": ((r"\bvideo|\banimat|\bclip\b|\bmovie\b|\bfootage", 0.3),),
    "visual-question-answering": (
        (r"\bwhat colou?r\b|\bcolou?r of\b|\bwho is\b|\bhow many\b|\bquestion\b", 0.08),
    ),
    "document-question-answering": (
        (r"\bdocument|\binvoice|\breceipt|\bscanned|\bform\b|\bletter\b", 0.15),
    ),
    "depth-estimation": ((r"\bdepth|\bhow far|\bdistance", 0.3),),
    "image-segmentation": ((r"\bsegment|\bmask\b|\bseparat|\bisolat|\bpartition", 0.25),),
    "text-to-speech": (
        (
            r"\baloud\b|\bnarrat|\bpronunc|\bvoice ?over|\btext[- ]to[- ]speech|"
            r"\bspeak (?:it|this|the)|"
            r"\baudio (?:file|version|book|guide|narration|description|format|clip|recording) "
            r"(?:of|for|"
            r"from|that)|\b(?:into|to|as) (?:an? |the )?(?:audio|speech|spoken|voice|sound)\b",
            0.25,
        ),
    ),
    "automatic-speech-recognition": (
        (
            r"\btranscrib(?:e|es|ing)\b|\btranscript(?:ion)? of|speech[- ]to[- ]text|"
            r"\bspoken (?:words|content)|\bwhat (?:is|was) (?:said|spoken)|"
            r"\b(?:into|to|as) (?:a |an |the )?(?:written|text|textual|transcript|words)\b",
            0.3,
        ),
    ),
    "audio-classification": (
        (
            r"\bclassif|\bemotion|\bmood\b|\bspeaker\b|\bcommand\b|\bsound (?:is|of)|\bidentify\b|"
            r"\blabel",
            0.1,
        ),
    ),
    "audio-to-audio": (
        (
            r"\bnoise|\benhanc|\bclean(?:er|ed)? ?up|\bclarity\b|\bquality\b|\bdenois|\bseparat|"
            r"\bimprov",
            0.2,
        ),
    ),
}
"""Regular expressions (lower-case text) with the score bonus they give a task when they match."""
