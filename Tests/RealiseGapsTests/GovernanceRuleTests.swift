import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("Ownership, wording, attribution and history rules")
struct GovernanceRuleTests {
    let asOf = Day(iso: "2025-06-30")!

    private func findings(_ rule: any GapRule, _ plan: Plan, history: GapHistory = GapHistory()) -> [Finding] {
        rule.findings(in: GapContext(plan: plan, asOf: asOf, history: history))
    }

    @Test("missing-owner covers objectives, benefits and metrics, treating blank as missing")
    func missingOwner() {
        var builder = PlanBuilder()
        builder.objective("O1", owner: nil)
        builder.objective("O2")
        builder.benefit("B1", owner: "  ")
        builder.benefit("B2")
        builder.metric("M1", owner: nil)
        builder.deliverable("D1")
        #expect(findings(MissingOwner(), builder.plan).map(\.subject.id) == ["O1", "B1", "M1"])
    }

    @Test("vague-statement: vague words without a targeted metric behind them")
    func vague() {
        var builder = PlanBuilder()
        builder.objective("O1", "A world-class, seamless citizen experience")
        builder.objective("O2", "Transform transport")
        builder.objective("O3", "Cut journey times by 10% by 2027")
        builder.benefit("B1", contributesTo: ["O2"], description: "A joined up network")
        builder.metric("M1", measures: ["B1"], values: [(.target, "2027-01-01", 10)])
        builder.benefit("B2", description: "Transformational change in how residents travel")
        builder.benefit("B3", description: "Transformers replaced at the depot")
        let found = findings(VagueStatement(), builder.plan)
        #expect(found.map(\.subject.id) == ["O1", "B2"])
        #expect(found.first?.evidence["terms"] == .list(["world-class", "seamless", "citizen experience"]))
    }

    /// The terms are found by first letter after a space; a plain search for every spelling must agree.
    @Test("vague terms: the same as searching for every spelling as whole words")
    func vagueTermsMatchPlainSearch() {
        var generator = SeededGenerator(seed: 0x0A6E_7E12_0002)
        let words = VagueStatement.terms + ["world", "class", "joined", "up", "data", "led", "step", "change", "fit", "for", "the",
                                           "future", "Transform", "SEAMLESS", "trans", "form", "ed", "x", "a", "-", "smarter-", "-holistic"]
        let gaps = [" ", "  ", "-", ", ", ".", "\r\n", "\t", "/", " (", ") "]
        func reference(_ text: String) -> [String] {
            var lower = " "
            var previous: Character = " "
            for character in text {
                if character.isLetter || character == "-" { lower.append(Character(character.lowercased())) }
                else if !(character == "\n" && previous == "\r") { lower.append(" ") }
                previous = character
            }
            lower.append(" ")
            return VagueStatement.terms.filter { term in
                lower.contains(" \(term) ") || lower.contains(" \(term.replacingOccurrences(of: "-", with: " ")) ")
            }
        }
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                text += words.randomElement(using: &generator)! + gaps.randomElement(using: &generator)!
            }
            #expect(VagueStatement.vagueTerms(in: text) == reference(text), "\(text.debugDescription)")
        }
    }

    @Test("cross-organisation-dependency needs different bodies and a missing owner on a side")
    func crossOrganisation() {
        var builder = PlanBuilder()
        builder.deliverable("D-other-unowned", organisation: "Operator")
        builder.deliverable("D-other-owned", organisation: "Operator", owner: "Ops director")
        builder.deliverable("D-same", organisation: "Council")
        builder.benefit("B1", enabledBy: ["D-other-unowned"], organisation: "Council")
        builder.benefit("B2", enabledBy: ["D-other-owned"], organisation: "Council")
        builder.benefit("B3", enabledBy: ["D-other-owned"], owner: nil, organisation: "Council")
        builder.benefit("B4", enabledBy: ["D-same"], owner: nil, organisation: "Council")
        #expect(findings(CrossOrganisationDependency(), builder.plan).map(\.subject.id) == ["B1", "B3"])
    }

    @Test("double-counted-metric: several claims with a missing share or more than 100 %")
    func doubleCounted() {
        var builder = PlanBuilder()
        builder.benefit("B1")
        builder.benefit("B2")
        builder.metric("Shared")
        builder.link(.measures, "Shared", "B1")
        builder.link(.measures, "Shared", "B2", share: 40)
        builder.metric("Over")
        builder.link(.measures, "Over", "B1", share: 70)
        builder.link(.measures, "Over", "B2", share: 40)
        builder.metric("Split")
        builder.link(.measures, "Split", "B1", share: 60)
        builder.link(.measures, "Split", "B2", share: 40)
        builder.metric("Single", measures: ["B1"])
        let found = findings(DoubleCountedMetric(), builder.plan)
        #expect(found.map(\.subject.id) == ["Shared", "Over"])
        #expect(found.last?.evidence["totalShare"] == .number(110))
    }

    @Test("target-lowered: a revision less ambitious for the metric's direction")
    func targetLowered() {
        var builder = PlanBuilder()
        builder.metric("Up")
        builder.metric("Down", direction: .decrease)
        let day = Day(iso: "2027-03-31")!
        let history = GapHistory(revisions: [
            ValueRevision(metric: "Up", kind: .target, date: day, oldValue: 100, newValue: 80, recordedOn: Day(iso: "2025-03-01")),
            ValueRevision(metric: "Up", kind: .target, date: day, oldValue: 80, newValue: 120, recordedOn: nil),
            ValueRevision(metric: "Down", kind: .target, date: day, oldValue: 50, newValue: 55, recordedOn: nil),
            ValueRevision(metric: "Down", kind: .baseline, date: day, oldValue: 50, newValue: 70, recordedOn: nil),
            ValueRevision(metric: "Down", kind: .target, date: day, oldValue: 50, newValue: nil, recordedOn: nil),
        ])
        let found = findings(TargetLowered(), builder.plan, history: history)
        #expect(found.map(\.subject.id) == ["Up", "Down"])
        #expect(found.first?.evidence["oldValue"] == .number(100))
    }

    @Test("review-overdue fires for standings due before as-of, on known subjects only")
    func reviewOverdue() {
        var builder = PlanBuilder()
        builder.benefit("B1")
        builder.metric("M1")
        let history = GapHistory(reviews: [
            ReviewStanding(subject: "B1", due: Day(iso: "2025-06-01")!, lastReviewed: nil, cadence: "monthly", reviewer: "SRO"),
            ReviewStanding(subject: "M1", due: Day(iso: "2025-06-30")!, lastReviewed: nil, cadence: "monthly", reviewer: nil),
            ReviewStanding(subject: "Gone", due: Day(iso: "2025-01-01")!, lastReviewed: nil, cadence: "monthly", reviewer: nil),
        ])
        let found = findings(ReviewOverdue(), builder.plan, history: history)
        #expect(found.map(\.subject.id) == ["B1"])
        #expect(found.first?.evidence["daysOverdue"] == .number(29))
        #expect(found.first?.subject.type == "benefit")
    }
}
