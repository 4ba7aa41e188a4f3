import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// The realistic sample programme shipped in `imports/` (the README's first command reports on it).
@Suite("sample programme in imports/")
struct SampleProgrammeTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("imports").path

    func readAll() throws -> [LoadedFile] {
        try ImporterRegistry.standard.readAll(paths: [SampleProgrammeTests.folder])
    }

    @Test func everyFileIsReadWithTheRightFormat() throws {
        let files = try readAll()
        let byName = Dictionary(files.map { (($0.path as NSString).lastPathComponent, $0.format) }, uniquingKeysWith: { a, _ in a })
        #expect(byName == [
            "ccm-benefits-register.csv": "register-csv",
            "ccm-measurements.csv": "register-csv",
            "ccm-strategy.xml": "realise-xml",
        ])
        #expect(files.map(\.path) == files.map(\.path).sorted())
    }

    @Test func mergedValidationHasNoErrorsAndTheExpectedCounts() throws {
        var merged = Plan()
        for file in try readAll() { merged.merge(file.plan) }
        let errors = try merged.importErrors()
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        let counts = merged.counts
        #expect(counts.objectives == 6)
        #expect(counts.benefits == 11)
        #expect(counts.deliverables == 20)
        #expect(merged.programmes.map(\.id) == ["CCM"])
    }

    @Test func everyBenefitOfTheRegisterContributesToAnObjectiveOfTheStrategy() throws {
        var merged = Plan()
        for file in try readAll() { merged.merge(file.plan) }
        let objectives = Set(merged.objectives.map(\.id))
        let contributing = Set(merged.links.filter { $0.kind == .contributesTo && objectives.contains($0.to) }.map(\.from))
        #expect(merged.benefits.allSatisfy { contributing.contains($0.id) })
    }

    @Test func eachFileAloneLeavesCrossFileReferencesDangling() throws {
        // The register refers to objectives and deliverables in the strategy XML: alone it does not validate,
        // which is why merged validation above matters.
        let register = try #require(try readAll().first { $0.path.hasSuffix("ccm-benefits-register.csv") })
        let errors = try register.plan.importErrors()
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.message.contains("does not exist") })
    }
}
