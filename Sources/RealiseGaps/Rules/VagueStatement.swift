import Foundation

import RealiseModel

/// An objective or benefit that relies on unquantified terms and has no metric with a target behind it.
public struct VagueStatement: GapRule {
    public static let id = "vague-statement"
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
        return spellings.filter { entry in entry.patterns.contains { occurs($0, in: lower) } }.map(\.term)
    }

    /// Whether `pattern` occurs in `bytes`.
    private static func occurs(_ pattern: [UInt8], in bytes: [UInt8]) -> Bool {
        let count = pattern.count
        guard count <= bytes.count, let first = pattern.first else { return false }
        return bytes.withUnsafeBufferPointer { text in
            pattern.withUnsafeBufferPointer { pattern in
                var start = 0
                let last = text.count - count
                while start <= last {
                    if text[start] == first {
                        var index = 1
                        while index < count && text[start + index] == pattern[index] { index += 1 }
                        if index == count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    public func findings(in context: GapContext) -> [Finding] {
        func hasTargetedMetric(_ benefit: String) -> Bool {
            context.metrics(measuring: benefit).contains { metric in (context.values[metric] ?? []).contains { $0.kind == .target } }
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
