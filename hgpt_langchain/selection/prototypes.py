"""Per-task request texts (prototypes): what the index's task term and the task head start from.

A foundation of the selection stage, imported by :mod:`hgpt_langchain.selection.index` and
:mod:`hgpt_langchain.selection.taskhead` (it imports only the task registry).
"""

from __future__ import annotations

from hgpt_langchain.tasks import TASKS

# Hand-written requests per task type (not taken from any benchmark), which anchor the task term
# of the ranking next to the registry's own description, examples and cues.
REQUEST_PROTOTYPES: dict[str, tuple[str, ...]] = {
    "text-classification": (
        "Tell me whether this review is positive or negative.",
        "Classify the sentiment or topic of this text.",
        "Detect the emotion expressed in this sentence.",
    ),
    "token-classification": (
        "Find the named entities (people, organizations, locations, dates) in this sentence.",
        "Tag each word of the text with its part of speech.",
        "Extract the names of persons and places mentioned in the text.",
    ),
    "question-answering": (
        "Answer my question using the paragraph I give you.",
        "Given this context passage, what is the answer to the question?",
        "Find the answer to the question inside the provided text.",
    ),
    "summarization": (
        "Summarize this long article into a few sentences.",
        "Give me a short summary of the following text.",
        "Condense this document into its main points.",
    ),
    "translation": (
        "Translate this English sentence into French.",
        "Convert this text from Spanish to English.",
        "What is this phrase in German?",
    ),
    "text-generation": (
        "Continue writing this story.",
        "Generate a paragraph of text from this prompt.",
        "Complete the following sentence with more text.",
        "Write a poem about the sea.",
    ),
    "conversational": (
        "Chat with me and reply to my message like an assistant.",
        "Respond to this question in a conversation.",
        "Have a dialogue with me about my day.",
    ),
    "sentence-similarity": (
        "How similar in meaning are these two sentences?",
        "Compare these two texts and give a similarity score.",
        "Do these two phrases mean the same thing?",
    ),
    "zero-shot-classification": (
        "Classify this text into one of these candidate labels: sports, politics, business.",
        "Which of the given categories does this sentence belong to?",
    ),
    "fill-mask": (
        "Predict the missing word in this sentence with a [MASK] token.",
        "Fill in the blank in the sentence.",
    ),
    "image-classification": (
        "What category does the object in this image belong to?",
        "Classify the picture photo.jpg into a label.",
        "Identify what kind of animal is shown in the image.",
    ),
    "object-detection": (
        "Detect all objects in the image and draw bounding boxes around them.",
        "Locate and label the cars and people in photo.jpg.",
        "Identify and label the objects present in this image.",
        "Find where each object is in the picture.",
    ),
    "image-segmentation": (
        "Segment the image into regions for each object.",
        "Create a mask separating the foreground from the background of the photo.",
        "Label every pixel of the image by its class.",
    ),
    "depth-estimation": (
        "Estimate how far away each part of the scene in the image is.",
        "Produce a depth map of the photo.",
        "Predict the depth of the objects in the picture.",
    ),
    "image-to-text": (
        "Write a caption describing the photo.jpg.",
        "Describe what is shown in this image in words.",
        "Read the text written in the image (OCR).",
    ),
    "text-to-image": (
        "Generate an image from this text description.",
        "Draw a picture of a cat sitting on a sofa.",
        "Create an illustration based on my prompt.",
    ),
    "image-to-image": (
        "Edit the photo.jpg to change its style.",
        "Transform this image into a painting.",
        "Modify the picture according to my instruction, e.g. change the background color.",
    ),
    "visual-question-answering": (
        "Answer a question about what is in the image photo.jpg.",
        "Looking at the picture, how many people are there?",
        "What color is the car in this image?",
    ),
    "document-question-answering": (
        "Answer a question about this scanned document image.",
        "From the invoice image, what is the total amount?",
        "Find the date written on the form in document.png.",
    ),
    "zero-shot-image-classification": (
        "Is this image a cat, a dog or a bird?",
        "Classify the photo into one of these labels that I give you.",
    ),
    "tabular-classification": (
        "Classify the rows of this table.",
        "Predict the category for each row of the CSV data.",
        "Given the table image, classify the records.",
    ),
    "text-to-speech": (
        "Convert this text into spoken audio.",
        "Read this sentence aloud in a natural voice.",
        "Synthesize speech from the text and give me an audio file.",
        "Create an audio file that reads out this text.",
    ),
    "automatic-speech-recognition": (
        "Transcribe the speech in recording.wav into text.",
        "Convert this audio file to written text.",
        "What words are spoken in the audio?",
    ),
    "audio-classification": (
        "What kind of sound is in this audio clip?",
        "Classify the audio file recording.wav.",
        "Recognize the emotion or the speaker's command in the audio.",
    ),
    "audio-to-audio": (
        "Remove the background noise from recording.wav.",
        "Enhance the speech quality of this audio file.",
        "Separate the voices in the audio clip.",
    ),
    "text-to-video": (
        "Generate a short video from this text description.",
        "Create an animated clip showing a dog running on the beach.",
        "Make a video based on my prompt.",
    ),
}
"""Typical requests for each task type, used as task prototypes."""


def task_prototypes() -> list[tuple[str, str]]:
    """``(task, text)`` pairs describing each task type.

    The registry's title, description, examples and cues, plus :data:`REQUEST_PROTOTYPES`.
    """
    pairs: list[tuple[str, str]] = []
    for name, spec in TASKS.items():
        names = ", ".join([spec.title, *spec.aliases])
        pairs.append((name, f"{names}: {spec.description}"))
        for example in spec.examples:
            pairs.append((name, example))
        if spec.cues:
            pairs.append((name, f"{spec.title}: {'; '.join(spec.cues)}"))
        for request in REQUEST_PROTOTYPES.get(name, ()):
            pairs.append((name, request))
    return pairs
