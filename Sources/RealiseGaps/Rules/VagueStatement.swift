import Foundation

import RealiseModel

/// An objective or benefit that relies on unquantified terms and has no metric with a target behind it.
public struct VagueStatement: GapRule {
    public static let id = "vague-statement"
    public static let title = "Vague aim with nothing measurable behind it"
    public static let severity = Severity.low
    public static let explanation = "A statement relies on unquantified terms and has no metric with a target."
    public static let hint = "Say what will be different, by how much and by when, and add a metric with a target."

    /// Words and phrases that sound like outcomes but measure nothing (matched case-insensitively, whole words).
    public static let terms = [
        "transform", "transformational", "transformative", "world-class", "world class", "seamless", "seamlessly",
        "citizen experience", "customer experience", "joined-up", "joined up", "best-in-class", "cutting-edge",
        "state-of-the-art", "innovative", "holistic", "synergy", "synergies", "empower", "leverage", "modernise",
        "modernize", "streamline", "smarter", "vibrant", "thriving", "excellence", "enhanced", "improved outcomes",
        "fit for the future", "step change", "data-led", "data-driven", "digital by default",
    ]

    public init() {}

    /// Each term with the UTF-8 spellings searched for: the term, and the term with its hyphens as spaces, each
    /// with a space either side (whole words).
    private static let spellings: [(term: String, patterns: [[UInt8]])] = terms.map { term in
        (term, [Array(" \(term) ".utf8), Array(" \(term.replacingOccurrences(of: "-", with: " ")) ".utf8)])
    }

    /// The spellings by their first letter (the byte after the leading space), with their term's position: a
    /// spelling can only occur where a space is followed by its first letter, so only those few are compared.
    private static let byFirstLetter: [[(term: Int, pattern: [UInt8])]] = {
        precondition(spellings.count <= UInt64.bitWidth, "terms found are kept as the bits of a UInt64")
        var buckets = Array(repeating: [(term: Int, pattern: [UInt8])](), count: 256)
        for (term, entry) in spellings.enumerated() {
            for pattern in Set(entry.patterns) { buckets[Int(pattern[1])].append((term, pattern)) }
        }
        return buckets
    }()

    /// The vague terms in `text`: its lower-cased letters and hyphens, every other character a space, searched
    /// as UTF-8 bytes (the terms are ASCII, so a byte match is a match of whole characters).
    static func vagueTerms(in text: String) -> [String] {
        var lower: [UInt8] = [32]
        lower.reserveCapacity(text.utf8.count + 2)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the letters are A–Z and a–z, and the only character of two scalars is CR LF (one space).
            var previous: UInt8 = 0
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"): lower.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower.append(byte + 32)
                case 10 where previous == 13: break
                default: lower.append(32)
                }
                previous = byte
            }
        } else {
            for character in text.lowercased() {
                if character.isLetter || character == "-" { lower.append(contentsOf: character.utf8) } else { lower.append(32) }
            }
        }
        lower.append(32)
        let found = occurring(in: lower)
        return found == 0 ? [] : spellings.indices.filter { found & (1 << $0) != 0 }.map { spellings[$0].term }
    }

    /// The terms (bits by position in `terms`) one of whose spellings occurs in `bytes`.
    private static func occurring(in bytes: [UInt8]) -> UInt64 {
        var found: UInt64 = 0
        bytes.withUnsafeBufferPointer { text in
            for start in text.indices.dropLast() where text[start] == 32 {
                for (term, pattern) in byFirstLetter[Int(text[start + 1])] where found & (1 << term) == 0 {
                    guard start + pattern.count <= text.count else { continue }
                    if pattern.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text.baseAddress! + start, $0.count) == 0 }) {
                        found |= 1 << term
                    }
                }
            }
        }
        return found
    }

    public func findings(in context: GapContext) -> [Finding] {
        func hasTargetedMetric(_ benefit: String) -> Bool {
            context.metrics(measuring: benefit).contains { context.hasValue(of: $0, .target) }
        }
        var found: [Finding] = []
        for objective in context.plan.objectives {
            let terms = VagueStatement.vagueTerms(in: objective.statement)
            guard !terms.isEmpty, !context.benefits(servingObjective: objective.id).contains(where: hasTargetedMetric) else { continue }
            found.append(Finding(rule: self, about: objective,
                                 message: "relies on \(terms.map { "\"\($0)\"" }.joined(separator: ", ")) and no benefit behind it has a metric with a target",
                                 evidence: ["terms": .list(terms)]))
        }
        for benefit in context.plan.benefits {
            let terms = VagueStatement.vagueTerms(in: benefit.description)
            guard !terms.isEmpty, !hasTargetedMetric(benefit.id) else { continue }
            found.append(Finding(rule: self, about: benefit,
                                 message: "relies on \(terms.map { "\"\($0)\"" }.joined(separator: ", ")) and has no metric with a target",
                                 evidence: ["terms": .list(terms)]))
        }
        return found
    }
}
