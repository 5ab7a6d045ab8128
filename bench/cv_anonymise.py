"""The generated corpus of French CVs (tests/cv_corpus.py: .txt, .md, .docx, .pdf, .odt),
anonymised into its natural output (Word into Word keeping its layout, PDF into Word and
into PDF, text into text): time per CV by input and output format, leaks and skills lost.
The baseline, in the same run, is reading each file's text alone (read.extract): what any
use of the CV costs before anonymising. Target: under a second a CV."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _common import ROOT, median

sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=40)
    args = parser.parse_args()
    from cockpit.cv.anonymised import anonymise_file
    from cockpit.cv.read import extract
    from cockpit.cv.sectors import employer_sectors
    from tests.cv_corpus import write_corpus

    employers = employer_sectors()
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder), count=args.count)
        anonymise_file(corpus[0].path, "txt", employers=employers)  # imports, compiled regexes
        read_times: list[float] = []
        times: dict[str, list[float]] = defaultdict(list)
        leaks = lost = 0
        for cv in corpus:
            started = time.perf_counter()
            extract(cv.path)
            read_times.append(time.perf_counter() - started)
            outputs = [cv.format] if cv.format in ("txt", "md") else ["docx"]
            outputs += ["pdf"] if cv.format == "pdf" else []
            for to in outputs:
                started = time.perf_counter()
                result = anonymise_file(cv.path, to, employers=employers)
                times[f"{cv.format}->{to}"].append(time.perf_counter() - started)
                written = Path(folder) / f"{cv.path.stem}-out.{to}"
                written.write_bytes(result.data)
                text = " ".join(extract(written).text.split())
                leaks += sum(1 for v in cv.gone if " ".join(v.split()) in text)
                lost += sum(1 for v in cv.kept if " ".join(v.split()) not in text)
    every = [t for values in times.values() for t in values]
    print(f"{len(corpus)} CVs, {len(every)} anonymised files; leaks {leaks}, skills lost {lost}")
    for kind, values in sorted(times.items()):
        print(f"  {kind:10} {len(values):3} files  median {median(values) * 1000:7.1f} ms")
    print(f"  all        median {median(every) * 1000:7.1f} ms, max {max(every) * 1000:.1f} ms;"
          f" baseline (text read alone) median {median(read_times) * 1000:.1f} ms"
          f" -> ratio {median(every) / median(read_times):.1f}x")


if __name__ == "__main__":
    main()
