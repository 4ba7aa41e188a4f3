import RealiseModel
import Testing
@testable import RealiseGaps

/// Findings in report order: by severity, then by their rule's place, then as found.
@Suite("Report order")
struct ReportOrderTests {
    private func finding(_ rule: String, _ severity: Severity, _ id: String) -> Finding {
        var finding = Finding(rule: MissingOwner(), about: Benefit(id: id, description: id, source: SourceRef(path: "p", line: 1, format: "f")),
                              message: "")
        finding.rule = rule
        finding.severity = severity
        return finding
    }

    /// The order as a plain sort of every finding states it.
    private func reference(_ found: [[Finding]]) -> [String] {
        let order = Dictionary(uniqueKeysWithValues: GapRules.ids.enumerated().map { ($1, $0) })
        return found.flatMap { $0 }.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            let ra = order[a.element.rule] ?? 0, rb = order[b.element.rule] ?? 0
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element.subject.id)
    }

    @Test("groups of one rule and severity, and groups that mix them, sort as every finding would")
    func order() {
        var generator = SeededGenerator(seed: 0x0BDE_2A11_0005)
        let rules = GapRules.ids + ["not-a-rule"]
        for round in 0..<300 {
            var serial = 0
            let found: [[Finding]] = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                let rule = rules.randomElement(using: &generator)!, severity = Severity.allCases.randomElement(using: &generator)!
                return (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                    serial += 1
                    // Every other round, some findings differ from their group's rule or severity.
                    let mixed = round % 2 == 1 && Bool.random(using: &generator)
                    return finding(mixed ? rules.randomElement(using: &generator)! : rule,
                                   mixed ? Severity.allCases.randomElement(using: &generator)! : severity, "F\(serial)")
                }
            }
            #expect(GapAnalyzer.inReportOrder(found).map(\.subject.id) == reference(found))
        }
    }

    @Test("a rule's findings fitted to their number keep their order and words")
    func fitted() {
        var grown: [Finding] = []
        for number in 0..<100 { grown.append(finding(MissingOwner.id, .medium, "F\(number)")) }
        let fitted = GapAnalyzer.fitted(grown)
        #expect(fitted == grown)
        #expect(fitted.capacity <= fitted.count + fitted.count / 8)
        #expect(GapAnalyzer.fitted([]).isEmpty)
    }

    @Test("a finding's title, hint and review read back as set")
    func wordsAndReview() {
        var finding = finding(MissingOwner.id, .medium, "F1")
        #expect(finding.title == MissingOwner.title && finding.hint == MissingOwner.hint && finding.review == nil)
        finding.title = "Another title"
        finding.hint = "Another hint"
        let review = ReviewOutcome(subject: "F1", date: Day(dayNumber: 20_000), rag: .amber, reviewer: "Ann", note: "late")
        finding.review = review
        #expect(finding.title == "Another title" && finding.hint == "Another hint" && finding.review == review)
        finding.review = nil
        #expect(finding.review == nil && finding.title == "Another title")
    }
}
