"""A fixed bank of unrelated sentences in each language: the margin's reference neighbours.

None of these is a translation of any other; they were written for this project on
everyday news topics. Their similarity to a document's sentences tells the scorer what
"unrelated" looks like for the model in use, and pads the neighbourhood of a short
document (an article of three sentences still has k neighbours).
"""
from __future__ import annotations

import numpy as np

from aligner.embed.base import Encoder

BANK_EN = (
    "The library on the corner opens at nine every morning.",
    "Heavy rain flooded several roads in the northern district last night.",
    "She learned to play the violin when she was seven years old.",
    "The company reported higher profits in the third quarter.",
    "Scientists found a new species of frog in the mountain forest.",
    "The football match was postponed because of the storm.",
    "Prices of vegetables rose sharply in the local markets this week.",
    "The old bridge will be closed for repairs until next month.",
    "Students gathered in the hall to hear the guest speaker.",
    "The train from the capital arrived two hours late.",
    "Doctors advise drinking plenty of water during hot weather.",
    "A new museum of modern art opened in the city centre.",
)
BANK_BN = (
    "গ্রামের মেলায় এবার অনেক হস্তশিল্পের দোকান বসেছে।",
    "নদীর তীরে নতুন একটি বাঁধ নির্মাণের কাজ শুরু হয়েছে।",
    "শীতের সকালে কুয়াশার কারণে ফেরি চলাচল বন্ধ ছিল।",
    "বিদ্যালয়ের শিক্ষার্থীরা বিজ্ঞান মেলায় তাদের প্রকল্প প্রদর্শন করে।",
    "কৃষকেরা এ বছর ধানের ভালো ফলন আশা করছেন।",
    "শহরের হাসপাতালে নতুন একটি শিশু ওয়ার্ড চালু করা হয়েছে।",
    "তিনি প্রতিদিন ভোরে পার্কে হাঁটতে যান।",
    "বইমেলায় তরুণ লেখকদের বই বেশি বিক্রি হয়েছে।",
    "ঝড়ের পূর্বাভাস পেয়ে জেলেরা সমুদ্র থেকে ফিরে এসেছেন।",
    "নতুন সড়কটি চালু হলে যাতায়াতের সময় অনেক কমবে।",
    "দলটি টানা তিনটি ম্যাচে জয় পেয়েছে।",
    "পাহাড়ি এলাকায় ভূমিধসের ঝুঁকি বাড়ছে।",
)


def bank_vectors(encoder: Encoder) -> tuple[np.ndarray, np.ndarray]:
    """The bank embedded with `encoder`: (Bangla, English), each (12, dim)."""
    vectors = encoder.encode(list(BANK_BN) + list(BANK_EN))
    return vectors[: len(BANK_BN)], vectors[len(BANK_BN) :]
