import RealiseModel

/// What an action is about, read from what a person typed: a finding key (`missing-owner:MET-04`, as every gap
/// report shows it) or an entity id (`BEN-04`).
public struct ActionTarget: Sendable, Hashable {
    /// The target as given.
    public var text: String
    /// The entity it is about.
    public var subject: String
    /// The finding key's rule; nil for an entity id.
    public var rule: String?

    /// - Throws: `GapError.unknownRule` for a finding key whose rule part names no rule (`missing-ownr:MET-04`).
    public init(_ text: String) throws(GapError) {
        self.text = text
        if let colon = text.firstIndex(of: ":") {
            let rule = String(text[..<colon]), subject = String(text[text.index(after: colon)...])
            if GapRules.rule(rule) != nil, !subject.isEmpty {
                self.rule = rule
                self.subject = subject
                return
            }
            // Entity ids may hold a colon; a lower-case, hyphenated first part is a mistyped rule.
            if rule.contains("-"), rule.allSatisfy({ $0.isLowercase || $0 == "-" }) { throw .unknownRule(rule) }
        }
        rule = nil
        subject = text
    }
}
