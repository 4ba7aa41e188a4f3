import RealiseModel
import Testing
@testable import RealiseGaps

@Suite("Findings a person can act on: title, hint, owner, readable evidence, key")
struct ActionableFindingTests {
    let asOf = Day(iso: "2025-06-30")!

    @Test("every rule has its own plain-English title, and findings carry it with the rule's hint")
    func titles() throws {
        let titles = GapRules.all.map { type(of: $0).title }
        #expect(Set(titles).count == titles.count)
        #expect(titles.allSatisfy { !$0.isEmpty && $0.first!.isUppercase && !GapRules.ids.contains($0.lowercased()) })
        var builder = PlanBuilder()
        builder.benefit("B1")
        let finding = try #require(GapAnalyzer(only: ["benefit-without-metric"]).report(for: builder.plan, asOf: asOf).findings.first)
        #expect(finding.title == BenefitWithoutMetric.title)
        #expect(finding.hint == BenefitWithoutMetric.hint)
        #expect(finding.key == "benefit-without-metric:B1")
    }

    @Test("the owner is the subject's, else its benefit's, else the programme's SRO")
    func accountableOwner() throws {
        var builder = PlanBuilder()
        builder.plan.programmes = [Programme(id: "P", name: "Programme", owner: "The SRO", source: SourceRef(path: "p", line: 1, format: "f"))]
        builder.benefit("B1", owner: "Benefit owner")
        builder.benefit("B2", owner: nil)
        builder.metric("M1", measures: ["B1"], owner: nil)
        builder.metric("M2", measures: ["B2"], owner: " ")
        builder.metric("M3", measures: ["B1"], owner: "Analyst")
        builder.deliverable("D1")
        builder.benefit("B3", enabledBy: ["D1"], owner: "Enabled owner")
        builder.deliverable("D2", parent: "D1")
        let report = try GapAnalyzer().report(for: builder.plan, asOf: asOf)
        func owner(_ rule: String, _ id: String) -> String? {
            report.findings.first { $0.rule == rule && $0.subject.id == id }?.owner
        }
        #expect(owner("missing-owner", "M1") == "Benefit owner")
        #expect(owner("missing-owner", "M2") == "The SRO")
        #expect(owner("missing-owner", "B2") == "The SRO")
        #expect(owner("metric-without-baseline", "M3") == "Analyst")
        #expect(owner("benefit-without-metric", "B3") == "Enabled owner")
    }

    @Test("an owner's name is trimmed of white space, Unicode's included; a blank one names nobody")
    func trimmedNames() {
        let names: [(String?, String?)] = [
            ("Ann Smith", "Ann Smith"), ("A", "A"), ("  Ann ", "Ann"), ("\tAnn\n", "Ann"), ("\u{00A0}Ann", "Ann"),
            ("Ann\u{2003}", "Ann"), ("Zoë", "Zoë"), ("Éric", "Éric"), ("Ann\u{0301}", "Ann\u{0301}"), ("", nil), ("   ", nil),
            ("\u{3000}", nil), (nil, nil),
        ]
        for (name, named) in names { #expect(name.named == named, "\(String(reflecting: name))") }
    }

    @Test("nobody is named when neither the subject, its benefit nor a programme names an owner")
    func nobody() throws {
        var builder = PlanBuilder()
        builder.benefit("B1", owner: nil)
        let report = try GapAnalyzer(only: ["missing-owner"]).report(for: builder.plan, asOf: asOf)
        #expect(report.findings.map(\.owner) == [nil])
    }

    @Test("evidence reads in the metric's unit, rounded, in a fixed order")
    func readableEvidence() throws {
        var builder = PlanBuilder()
        builder.benefit("B1")
        builder.metric("M1", measures: ["B1"], values: [(.baseline, "2024-01-01", 100), (.target, "2026-01-01", 8000),
                                                        (.measurement, "2025-03-31", 1150)])
        builder.plan.metrics[0].unit = "trips per month"
        let report = try GapAnalyzer(only: ["metric-off-trajectory"]).report(for: builder.plan, asOf: asOf)
        let details = try #require(report.findings.first?.details)
        #expect(details.first == Finding.Detail(label: "measured", value: "1,150 trips per month"))
        #expect(details.map(\.label).prefix(4) == ["measured", "on", "expected by then", "shortfall"])
        #expect(details.allSatisfy { !$0.value.contains(".") || $0.value.split(separator: ".")[1].prefix { $0.isNumber }.count <= 2 })
        #expect(details.contains(Finding.Detail(label: "tolerance", value: "790 trips per month")))
    }

    @Test("numbers are rounded to three significant figures but never lose whole digits",
          arguments: [(2243.8356, "2,244"), (57.5, "57.5"), (-1.5945, "-1.59"), (0.012345, "0.0123"), (5, "5"), (1_000_000, "1,000,000"),
                      (9.999, "10"), (0, "0"), (-0.0001, "-0.0001"), (12.34, "12.3")])
    func rounding(value: Double, text: String) {
        #expect(ReadableNumber.text(value) == text)
    }

    @Test("units: percentages and currencies are written as people write them")
    func units() {
        var metric = Metric(id: "M", name: "M", unit: "%", source: SourceRef(path: "p", line: 1, format: "f"))
        #expect(QuantityUnit(metric).apply("45.5") == "45.5%")
        metric.unit = nil
        metric.measureType = .percentage
        #expect(QuantityUnit(metric).apply("45") == "45%")
        metric.unit = "£m"
        #expect(QuantityUnit(metric).apply("-12.5") == "-£12.5m")
        metric.unit = "minutes"
        #expect(QuantityUnit(metric).apply("3") == "3 minutes")
        #expect(EvidenceWording.details(["slopePerYear": .number(-1.5945), "slipDays": .number(1)], unit: QuantityUnit(metric))
                == [Finding.Detail(label: "trend", value: "-1.59 minutes a year"), Finding.Detail(label: "slip", value: "1 day")])
        #expect(EvidenceWording.details(["someNewKey": .number(3.14159), "empty": .text("")], unit: .none)
                == [Finding.Detail(label: "some new key", value: "3.14")])
    }

    @Test("the key stays the same across runs and as-of days")
    func stableKey() throws {
        var builder = PlanBuilder()
        builder.benefit("B1")
        builder.metric("M1", measures: ["B1"], values: [(.baseline, "2024-01-01", 1)])
        let keys = { (day: String) in try GapAnalyzer().report(for: builder.plan, asOf: Day(iso: day)!).findings.map(\.key) }
        #expect(try keys("2025-06-30") == keys("2025-06-30"))
        #expect(try keys("2025-06-30").contains("metric-without-target:M1"))
        #expect(try Set(keys("2026-06-30")).isSuperset(of: keys("2025-06-30")))
    }
}
