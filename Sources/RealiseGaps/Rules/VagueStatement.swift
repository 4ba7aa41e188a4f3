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

    /// The vague terms in `text`.
    static func vagueTerms(in text: String) -> [String] {
        let lower = " " + text.lowercased().map { $0.isLetter || $0 == "-" ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
        return terms.filter { lower.contains(" \($0) ") || lower.contains(" \($0.replacingOccurrences(of: "-", with: " ")) ") }
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
