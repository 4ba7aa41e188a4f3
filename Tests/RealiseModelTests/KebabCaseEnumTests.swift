import Foundation
import Testing
import RealiseModel

@Suite("KebabCaseEnum")
struct KebabCaseEnumTests {
    @Test("dis-benefit is recognised however it is typed",
          arguments: ["dis-benefit", "Dis-benefit", "dis benefit", "DISBENEFIT", "Dis_Benefit", " dis-benefit ", "dis–benefit"])
    func disBenefit(text: String) {
        #expect(Benefit.Kind(lenient: text) == .disBenefit)
    }

    @Test("plain spellings of other vocabularies")
    func plainSpellings() {
        #expect(Benefit.Kind(lenient: "Benefit") == .benefit)
        #expect(Benefit.Class(lenient: "Non Cashable") == .nonCashable)
        #expect(Deliverable.Kind(lenient: "Business Change") == .businessChange)
        #expect(Frequency(lenient: "Half-Yearly") == .halfYearly)
        #expect(Frequency(lenient: "half yearly") == .halfYearly)
        #expect(RAG(lenient: "Amber/Red") == .amberRed)
        #expect(RAG(lenient: "AMBER GREEN") == .amberGreen)
        #expect(Link.Kind(lenient: "Enabled By") == .enabledBy)
        #expect(Link.Kind(lenient: "contributes_to") == .contributesTo)
        #expect(Link.DependencyType(lenient: "FS") == .finishToStart)
        #expect(Link.DependencyType(lenient: "s-s") == .startToStart)
        #expect(MetricValue.Kind(lenient: "Target") == .target)
        #expect(EntityType(lenient: "Deliverable") == .deliverable)
    }

    @Test("aliases", arguments: [
        ("Financial", "cashable"), ("non-cash", "non-cashable"), ("Social", "societal"),
    ])
    func classAliases(text: String, raw: String) {
        #expect(Benefit.Class(lenient: text)?.rawValue == raw)
    }

    @Test("more aliases across the vocabularies")
    func otherAliases() {
        #expect(RAG(lenient: "R") == .red)
        #expect(RAG(lenient: "a") == .amber)
        #expect(RAG(lenient: "G") == .green)
        #expect(RAG(lenient: "Red-Amber") == .amberRed)
        #expect(RAG(lenient: "green/amber") == .amberGreen)
        #expect(Frequency(lenient: "Bi-weekly") == .fortnightly)
        #expect(Frequency(lenient: "Yearly") == .annually)
        #expect(Frequency(lenient: "Annual") == .annually)
        #expect(Frequency(lenient: "six-monthly") == .halfYearly)
        #expect(Frequency(lenient: "Quarter") == .quarterly)
        #expect(Metric.Direction(lenient: "Up") == .increase)
        #expect(Metric.Direction(lenient: "lower") == .decrease)
        #expect(Metric.Direction(lenient: "Stable") == .maintain)
        #expect(Metric.MeasureType(lenient: "Percent") == .percentage)
        #expect(Metric.MeasureType(lenient: "money") == .currency)
        #expect(Deliverable.Kind(lenient: "Work Package") == .summary)
        #expect(Deliverable.Kind(lenient: "phase") == .summary)
        #expect(MetricValue.Kind(lenient: "Actual") == .measurement)
    }

    @Test("unknown words are nil", arguments: ["", "   ", "-", "benefits", "disbenefitx", "maybe", "very high", "amber red green"])
    func unknown(text: String) {
        #expect(Benefit.Kind(lenient: text) == nil)
        #expect(Confidence(lenient: text) == nil)
        #expect(RAG(lenient: text) == nil)
    }

    @Test("unknown words in other vocabularies are nil")
    func unknownElsewhere() {
        #expect(Frequency(lenient: "daily") == nil)
        #expect(Metric.Direction(lenient: "sideways") == nil)
        #expect(Link.Kind(lenient: "blocks") == nil)
        #expect(Benefit.Class(lenient: "cash") == nil)
    }

    @Test("normalise keeps lower-case letters and digits only")
    func normalise() {
        #expect(Benefit.Kind.normalise("Dis-Benefit 2!") == "disbenefit2")
        #expect(Benefit.Kind.normalise(" A_b.C/d ") == "abcd")
        #expect(Benefit.Kind.normalise("") == "")
    }

    @Test("choices lists the raw values in declaration order")
    func choices() {
        #expect(Confidence.choices == "high, medium, low")
        #expect(Benefit.Kind.choices == "benefit, dis-benefit")
        #expect(RAG.choices == "red, amber-red, amber, amber-green, green")
        #expect(Frequency.choices == "weekly, fortnightly, monthly, quarterly, half-yearly, annually")
        #expect(Link.Kind.choices == "contributes-to, enabled-by, depends-on, measures")
    }

    /// Every raw value reads back as its own case, in any case; every alias key is already normalised
    /// (a key with capitals or punctuation could never match) and does not shadow a raw value.
    private func checkVocabulary<E: KebabCaseEnum>(_ type: E.Type) -> [String] {
        var problems: [String] = []
        for item in E.allCases {
            if E(lenient: item.rawValue) != item { problems.append("\(E.self): '\(item.rawValue)' does not read back") }
            if E(lenient: item.rawValue.uppercased()) != item { problems.append("\(E.self): '\(item.rawValue.uppercased())' does not read back") }
            if E(lenient: item.rawValue.replacingOccurrences(of: "-", with: " ")) != item {
                problems.append("\(E.self): spaced '\(item.rawValue)' does not read back")
            }
        }
        let normalisedRaw = Set(E.allCases.map { E.normalise($0.rawValue) })
        if normalisedRaw.count != E.allCases.count { problems.append("\(E.self): two raw values normalise alike") }
        for (key, value) in E.aliases {
            if E.normalise(key) != key { problems.append("\(E.self): alias '\(key)' is not normalised") }
            if normalisedRaw.contains(key) { problems.append("\(E.self): alias '\(key)' shadows a raw value") }
            if E(lenient: key) != value { problems.append("\(E.self): alias '\(key)' does not resolve") }
        }
        return problems
    }

    @Test("every vocabulary's raw values and aliases are reachable")
    func vocabulariesAreConsistent() {
        var problems: [String] = []
        problems += checkVocabulary(Benefit.Kind.self)
        problems += checkVocabulary(Benefit.Class.self)
        problems += checkVocabulary(Confidence.self)
        problems += checkVocabulary(RAG.self)
        problems += checkVocabulary(Deliverable.Kind.self)
        problems += checkVocabulary(Metric.Direction.self)
        problems += checkVocabulary(Metric.MeasureType.self)
        problems += checkVocabulary(Frequency.self)
        problems += checkVocabulary(MetricValue.Kind.self)
        problems += checkVocabulary(Link.Kind.self)
        problems += checkVocabulary(Link.DependencyType.self)
        problems += checkVocabulary(EntityType.self)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("encodes and decodes as the kebab-case raw value")
    func codable() throws {
        let json = String(decoding: try JSONEncoder().encode([Benefit.Kind.disBenefit]), as: UTF8.self)
        #expect(json == #"["dis-benefit"]"#)
        let decoded = try JSONDecoder().decode([Frequency].self, from: Data(#"["half-yearly","annually"]"#.utf8))
        #expect(decoded == [.halfYearly, .annually])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Frequency].self, from: Data(#"["Half Yearly"]"#.utf8)) }
    }
}
