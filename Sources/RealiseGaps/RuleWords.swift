/// A rule's title and hint, which every finding of the rule repeats: kept once and shared by reference, a finding
/// holds one word (8 bytes) instead of two strings (32), and a large report has a hundred thousand findings.
final class RuleWords: Sendable {
    let title: String
    let hint: String

    init(title: String, hint: String) {
        self.title = title
        self.hint = hint
    }

    /// The words of `rule`: those of the rule of its id in `GapRules.all` when they are the same, so a run's findings
    /// share them; new ones otherwise (a rule made elsewhere, as tests make).
    static func of(_ rule: any GapRule.Type) -> RuleWords {
        if let known = known[rule.id], known.title == rule.title, known.hint == rule.hint { return known }
        return RuleWords(title: rule.title, hint: rule.hint)
    }

    private static let known: [String: RuleWords] = Dictionary(
        GapRules.all.map { rule in (type(of: rule).id, RuleWords(title: type(of: rule).title, hint: type(of: rule).hint)) },
        uniquingKeysWith: { first, _ in first })
}
