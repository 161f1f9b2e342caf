"""A trained linear model on the CFPB case's split, to compare `plaint taxonomy suggest` with.

    .venv-baseline/bin/python scripts/baseline_model.py EXPORTS_DIR

TF-IDF over words and word pairs, then a linear SVM (scikit-learn), trained on the train half
of the labelled complaints and scored on the test half. The halves are Plaint's: a ticket id's
64-bit FNV-1a hash, bit 17 even = train. Outside the product; needs scikit-learn from PyPI:
    python3 -m venv .venv-baseline && .venv-baseline/bin/pip install scikit-learn
"""
import os
import sys

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "cfpb-case"))
from labels import complaints  # noqa: E402


def half(ticket_id):
    """'train' or 'test', as Plaint's SampleHalf.of(id:)."""
    value = 0xCBF29CE484222325
    for byte in ticket_id.encode("utf-8"):
        value ^= byte
        value = (value * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "train" if (value >> 17) & 1 == 0 else "test"


def main(directory):
    rows = list(complaints(directory))
    train = [(text, issue) for key, issue, text in rows if half(key) == "train"]
    test = [(text, issue) for key, issue, text in rows if half(key) == "test"]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    features = vectorizer.fit_transform([text for text, _ in train])
    model = LinearSVC(C=1.0).fit(features, [issue for _, issue in train])
    predicted = model.predict(vectorizer.transform([text for text, _ in test]))
    right = sum(1 for guess, (_, issue) in zip(predicted, test) if guess == issue)
    majority = max(set(i for _, i in train), key=[i for _, i in train].count)
    base = sum(1 for _, issue in test if issue == majority)
    print(f"train {len(train)} tickets, test {len(test)} tickets")
    print(f"TF-IDF + linear SVM: {right / len(test):.1%} on the test half ({right} of {len(test)})")
    print(f"always '{majority}': {base / len(test):.1%}")


if __name__ == "__main__":
    main(sys.argv[1])
