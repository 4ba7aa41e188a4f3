import Foundation
import RealiseModel
import Testing
@testable import RealiseGaps

/// The report made on every core against the same report made rule by rule, finding by finding; and findings worded
/// when read against the words the rule gave.
@Suite("A report made on every core")
struct ConcurrentReportTests {
    /// A troubled plan of `count` benefits: most rules find something for each, so a report has several findings
    /// per benefit (more than one slice of `GapAnalyzer`'s finishing and of the JSON renderer).
    static func troubledPlan(_ count: Int) -> Plan {
        var builder = PlanBuilder()
        builder.objective("O1", "A world-class, seamless service")
        for number in 0..<count {
            let benefit = "B\(number)", deliverable = "D\(number)"
            builder.deliverable(deliverable, planned: "2025-09-30", baseline: number % 2 == 0 ? "2025-03-31" : nil)
            builder.benefit(benefit, contributesTo: ["O1"], enabledBy: number % 3 == 0 ? [] : [deliverable],
                            description: number % 5 == 0 ? "Transform the customer experience" : nil, start: "2025-06-01",
                            owner: number % 4 == 0 ? nil : "Owner \(number % 7)")
            builder.metric("M\(number)", measures: [benefit],
                           values: [(.baseline, "2023-01-01", 10), (.target, "2026-01-01", Double(20 + number % 9)),
                                    (.measurement, "2024-0\(1 + number % 9)-15", Double(number % 13))],
                           frequency: number % 2 == 0 ? .monthly : nil, owner: number % 6 == 0 ? nil : "Analyst")
        }
        return builder.plan
    }

    @Test("results come in the order of the work, whichever finishes first")
    func orderOfWork() {
        let results = Concurrently.map(16) { index in
            // The first pieces take longest.
            Thread.sleep(forTimeInterval: Double(16 - index) * 0.001)
            return index * index
        }
        #expect(results == (0..<16).map { $0 * $0 })
        #expect(Concurrently.map(0) { $0 }.isEmpty)
        #expect(Concurrently.map(1) { $0 + 1 } == [1])
    }

    @Test("the findings are those of the rules run one after another, in report order, owned, reviewed and worded")
    func sameAsOneByOne() throws {
        let plan = ConcurrentReportTests.troubledPlan(3000), asOf = Day(iso: "2025-06-30")!
        let analyzer = try GapAnalyzer()
        let report = analyzer.report(for: plan, asOf: asOf)
        let context = GapContext(plan: plan, asOf: asOf)
        let expected = GapAnalyzer.inReportOrder(analyzer.rules.map { $0.findings(in: context) })
        #expect(expected.count > 10_000)
        #expect(report.findings.count == expected.count)
        #expect(report.findings.map(\.key) == expected.map(\.key))
        #expect(report.findings.map(\.message) == expected.map(\.message))
        #expect(report.findings.map(\.evidence) == expected.map(\.evidence))
        let owners = AccountableOwners(context)
        #expect(report.findings.map(\.owner) == expected.map { owners.owner(of: $0.subject) })
        #expect(report.findings.map(\.details) == expected.map { finding in
            EvidenceWording.details(finding.evidence, unit: context.metric(finding.subject.id).map(QuantityUnit.init) ?? .none)
        })
        #expect(report.coverage == analyzer.coverage(context))
        // And again: the same report however the threads ran.
        #expect(analyzer.report(for: plan, asOf: asOf).findings == report.findings)
    }

    @Test("a finding's message and evidence, worked out when read, are what the rule gave; equality and coding by them")
    func wordedWhenRead() throws {
        let metric = Metric(id: "M1", name: "Trips", source: SourceRef(path: "plan.xml", line: 3, format: "realise-xml"))
        let days = 12
        let finding = Finding(rule: StaleMetric(), about: metric, message: "last measured \(days) days ago",
                              evidence: ["daysSince": .number(Double(days)), "lastMeasured": .text("2025-01-01")])
        #expect(finding.message == "last measured 12 days ago")
        #expect(finding.evidence == ["daysSince": .number(12), "lastMeasured": .text("2025-01-01")])
        var changed = finding
        changed.message = "another"
        #expect(changed != finding)
        #expect(changed.message == "another" && finding.message == "last measured 12 days ago")
        let decoded = try JSONDecoder().decode(Finding.self, from: JSONEncoder().encode(finding))
        #expect(decoded == finding)
        #expect(decoded.hashValue == finding.hashValue)
        #expect(Set([finding, decoded]).count == 1)
    }
}
