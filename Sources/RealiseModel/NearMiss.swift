/// The word a person most likely meant when they mistyped one (`gapz` → `gaps`): for "did you mean" hints.
public enum NearMiss {
    /// The candidate closest to `typed` (ignoring case) by edit distance, when it is close enough to be a
    /// slip of the keyboard (at most a third of the word, and at least one edit), or one the typed text begins; nil when none is.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let word = Array(typed.lowercased())
        guard !word.isEmpty else { return nil }
        let allowed = max(1, word.count / 3)
        let scored = candidates.map { ($0, distance(word, Array($0.lowercased()))) }
        if let best = scored.filter({ $0.1 <= allowed }).min(by: { $0.1 < $1.1 }) { return best.0 }
        // A word cut short (`quart` for `quarterly`) is close too, when it begins one candidate only.
        let starts = candidates.filter { word.count >= 3 && $0.lowercased().hasPrefix(typed.lowercased()) }
        return starts.count == 1 ? starts[0] : nil
    }

    /// The Levenshtein distance between two words (insertions, deletions and substitutions), with a
    /// transposition of neighbours counted as one edit (`gpas` → `gaps`).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            before = previous
            previous = current
        }
        return previous[b.count]
    }
}
