"""The MPXJ reference: read a project file with MPXJ's UniversalProjectReader and count its tasks.

Run with the benchmark venv's Python (Benchmarks/run.sh installs the PyPI packages `mpxj` and `JPype1`):
    .build-bench/venv/bin/python Benchmarks/mpxj_count.py FILE
"""
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader  # noqa: E402

project = UniversalProjectReader().read(sys.argv[1])
print(f"{project.getTasks().size()} tasks")
jpype.shutdownJVM()
