import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a small generator that gives the same numbers for the same seed on
/// every platform, so a test that draws random inputs can be replayed. Each test fixes its seed and prints it;
/// `REALISE_TEST_SEED=N` replaces every fixed seed, to explore other inputs or replay a printed one.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator from `seed` (or `REALISE_TEST_SEED`), printing which, with `test` to say where.
    public init(seed: UInt64, test: String = #function, file: String = #fileID) {
        let chosen = ProcessInfo.processInfo.environment["REALISE_TEST_SEED"].flatMap { UInt64($0) } ?? seed
        print("\(file) \(test): random seed \(chosen) (replay with REALISE_TEST_SEED=\(chosen))")
        state = chosen
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
