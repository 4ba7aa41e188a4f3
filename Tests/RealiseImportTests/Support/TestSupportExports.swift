// The helpers every test target shares (`Requirement`, `SeededGenerator`), visible in each of this target's files.
@_exported import RealiseTestSupport
