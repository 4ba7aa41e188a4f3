import RealiseModel

/// How often a review recurs: a named cadence (`monthly`, `quarterly`, …) or an RFC 5545 RRULE.
public struct Cadence: Sendable, Hashable, CustomStringConvertible {
    /// The cadence as the user gave it, normalised (`quarterly`, or the RRULE text).
    public let name: String
    public let rule: RecurrenceRule

    /// The named cadences and their rules.
    public static let named: [(String, RecurrenceRule)] = [
        ("weekly", RecurrenceRule(frequency: .weekly)),
        ("fortnightly", RecurrenceRule(frequency: .weekly, interval: 2)),
        ("monthly", RecurrenceRule(frequency: .monthly)),
        ("quarterly", RecurrenceRule(frequency: .monthly, interval: 3)),
        ("half-yearly", RecurrenceRule(frequency: .monthly, interval: 6)),
        ("annually", RecurrenceRule(frequency: .yearly)),
    ]

    /// Parses a named cadence (case-insensitive; `yearly`, `biweekly`, `six-monthly` also accepted) or an RRULE.
    /// - Throws: `ReviewError.invalidCadence` naming the bad part.
    public init(_ text: String) throws(ReviewError) {
        let key = text.lowercased().filter { $0.isLetter }
        let aliases = ["yearly": "annually", "annual": "annually", "biweekly": "fortnightly", "sixmonthly": "half-yearly",
                       "halfyearly": "half-yearly", "biannually": "half-yearly"]
        let wanted = (aliases[key] ?? key).filter(\.isLetter)
        if let (name, rule) = Cadence.named.first(where: { $0.0.filter(\.isLetter) == wanted }) {
            self.name = name
            self.rule = rule
            return
        }
        guard text.contains("=") else {
            let near = NearMiss.closest(to: text, among: Cadence.named.map(\.0) + aliases.keys.sorted())
            throw .invalidCadence(text: text, part: text, reason: "not a named cadence or an RRULE"
                                  + (near.map { " (did you mean `\(aliases[$0] ?? $0)`?)" } ?? ""))
        }
        rule = try RecurrenceRule(parsing: text)
        name = rule.text
    }

    public var description: String { name }
}
