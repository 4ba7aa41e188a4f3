import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("ImporterRegistry: plan files, readAll, canonical paths")
struct RegistryPathsTests {
    let registry = ImporterRegistry.standard

    func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name))))
    }

    // MARK: planFiles

    @Test func folderExpansionIsRecursiveSortedAndSkipsHiddenAndOtherFiles() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        for name in ["b.xml", "a.csv", "Z.TXT", "notes.md", "image.png", "noextension", ".hidden.xml", ".git/e.xml",
                     "sub/c.xml", "sub/deeper/d.tsv", "sub/.cache/f.csv", "folder.xml/g.csv", "sub/deeper/readme.pdf"] {
            try folder.write(name, "x")
        }
        let found = try ImporterRegistry.planFiles(in: [folder.path])
        let expected = ["Z.TXT", "a.csv", "b.xml", "folder.xml/g.csv", "sub/c.xml", "sub/deeper/d.tsv"]
            .map { ImporterRegistry.canonical(folder.path + "/" + $0) }
        #expect(found == expected)
        #expect(found == found.sorted())
    }

    @Test func trailingSlashGivesTheSameFiles() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("one.xml", "x")
        try folder.write("two/three.csv", "x")
        #expect(try ImporterRegistry.planFiles(in: [folder.path + "/"]) == ImporterRegistry.planFiles(in: [folder.path]))
        #expect(try ImporterRegistry.planFiles(in: [folder.path]).count == 2)
    }

    @Test func filesNamedDirectlyAreKeptInArgumentOrderWhateverTheirExtension() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let named = try folder.write("plan.md", "x")
        let hidden = try folder.write(".hidden.xml", "x")
        try folder.write("sub/a.xml", "x")
        let found = try ImporterRegistry.planFiles(in: [named, folder.path + "/sub", hidden])
        #expect(found == [named, folder.path + "/sub/a.xml", hidden].map(ImporterRegistry.canonical))
    }

    @Test func missingPathIsFileNotFound() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let missing = folder.path + "/nope"
        let error = try #require(importError { try ImporterRegistry.planFiles(in: [folder.path, missing]) })
        guard case .fileNotFound(let path) = error else {
            Issue.record("expected fileNotFound, got \(error)")
            return
        }
        #expect(path == missing)
        #expect(error.isMissingInput)
        #expect(error.diagnostics.first?.path == missing)
    }

    // MARK: readAll

    @Test func readAllReadsEveryFileUnderAFolder() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("plan.xml", bytes: try fixtureBytes("xml/valid-plan.xml"))
        try folder.write("register/benefits.csv", bytes: try fixtureBytes("csv/benefits-register.csv"))
        try folder.write("README.md", "not a plan")
        let files = try registry.readAll(paths: [folder.path])
        #expect(files.map(\.path) == [folder.path + "/plan.xml", folder.path + "/register/benefits.csv"].map(ImporterRegistry.canonical))
        #expect(files.map(\.format) == ["realise-xml", "register-csv"])
        #expect(files[0].plan.counts.benefits == 2)
        #expect(files[1].plan.counts.benefits == 3)
        #expect(files[0].sha256 != files[1].sha256)
    }

    @Test func readAllWithOneBrokenFileThrowsItsDiagnostics() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("a-good.xml", bytes: try fixtureBytes("xml/valid-plan.xml"))
        let broken = try folder.write("b-broken.xml", bytes: try fixtureBytes("xml/malformed-mismatched.xml"))
        let error = try #require(importError { try registry.readAll(paths: [folder.path]) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.path == ImporterRegistry.canonical(broken) })
        #expect(diagnostics.first?.line == 7)
        #expect(!error.isMissingInput)
    }

    @Test func readAllCollectsTheProblemsOfEveryFile() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let xml = try folder.write("a.xml", bytes: try fixtureBytes("xml/schema-bad-enum.xml"))
        let csv = try folder.write("b.csv", "Benefit ID,Description,Realisation Start\nB1,d,2024-02-30\n")
        let unknown = try folder.write("c.csv", bytes: try fixtureBytes("csv/unknown-header.csv"))
        let error = try #require(importError { try registry.readAll(paths: [folder.path]) })
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        let paths = Set(diagnostics.map(\.path))
        #expect(paths == Set([xml, csv, unknown].map(ImporterRegistry.canonical)))
        #expect(diagnostics.contains { $0.path == ImporterRegistry.canonical(csv) && $0.line == 2 })
        #expect(diagnostics.contains { $0.path == ImporterRegistry.canonical(xml) && $0.line == 6 })
    }

    @Test func readAllStopsAtAMissingInput() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("broken.xml", bytes: try fixtureBytes("xml/malformed-mismatched.xml"))
        let error = try #require(importError { try registry.readAll(paths: [folder.path, folder.path + "/missing.xml"]) })
        #expect(error.isFileNotFound, "a missing input (exit 66) wins over bad data (65): got \(error)")
    }

    @Test func readAllOnAFolderWithoutPlanFilesIsInvalid() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("notes.md", "nothing")
        let error = try #require(importError { try registry.readAll(paths: [folder.path]) })
        let diagnostic = try #require(error.invalidDiagnostics?.first, "got \(error)")
        #expect(diagnostic.message.contains("no plan files"))
    }

    @Test func readAllWithFromAppliesToEveryFile() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("odd.csv", bytes: try fixtureBytes("csv/odd-headers.csv"))
        let mapping = try MappingFile.load(path: Fixtures.path("csv/odd-headers-mapping.yaml"))
        let files = try registry.readAll(paths: [folder.path], format: .registerCSV, options: ImportOptions(columnMapping: mapping))
        #expect(files.count == 1)
        #expect(files.first?.plan.benefits.map(\.id) == ["B-100"])
    }

    @Test func readingAFolderAsAFileIsUnreadable() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let error = try #require(importError { try registry.read(path: folder.path, format: .registerCSV) })
        #expect(error.isMissingInput, "got \(error)")
    }

    @Test func sameBytesSameDigest() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let copy = try folder.write("copy.xml", bytes: try fixtureBytes("xml/valid-plan.xml"))
        let original = try registry.read(path: Fixtures.path("xml/valid-plan.xml"))
        #expect(try registry.read(path: copy).sha256 == original.sha256)
        #expect(original.sha256.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    // MARK: canonical

    @Test("canonical paths are clean and relative to the current folder", arguments: [
        ("./x", "x"), ("a//b", "a/b"), ("./a/./b/../c", "a/c"), ("imports//a.xml", "imports/a.xml"), ("a/b/", "a/b"),
    ])
    func canonicalRelative(input: String, expected: String) {
        #expect(ImporterRegistry.canonical(input) == expected)
    }

    @Test func canonicalOfAnAbsolutePathInsideTheCurrentFolderIsRelative() {
        let here = FileManager.default.currentDirectoryPath
        #expect(ImporterRegistry.canonical(here + "/imports//a.xml") == "imports/a.xml")
        #expect(ImporterRegistry.canonical(here + "/./sub/../imports/a.xml") == "imports/a.xml")
    }

    @Test func canonicalOfAPathOutsideTheCurrentFolderStaysAbsolute() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let here = FileManager.default.currentDirectoryPath
        try #require(!folder.path.hasPrefix(here.hasSuffix("/") ? here : here + "/"), "the temp folder is outside the current folder")
        #expect(ImporterRegistry.canonical(folder.path + "//x/./y") == folder.path + "/x/y")
    }

    // MARK: source names

    @Test("a source is named by its path under the folder given, or its file name when given by itself")
    func sourceNames() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let plan = try fixtureBytes("xml/valid-plan.xml")
        try folder.write("plans/strategy.xml", bytes: plan)
        try folder.write("plans/2025/annex.xml", bytes: plan)
        let byFolder = try registry.importUnits(paths: [folder.path + "/plans"]).units
        #expect(byFolder.map(\.source) == ["2025/annex.xml", "strategy.xml"])
        #expect(try registry.importUnits(paths: [folder.path + "/plans/"]).units.map(\.source) == byFolder.map(\.source))
        let byFile = try registry.importUnits(paths: [folder.path + "/plans/strategy.xml"]).units
        #expect(byFile.map(\.source) == ["strategy.xml"] && byFile.map(\.path) == [ImporterRegistry.canonical(folder.path + "/plans/strategy.xml")])
        // The same file copied to another folder is the same source.
        try folder.write("colleague/strategy.xml", bytes: plan)
        #expect(try registry.importUnits(paths: [folder.path + "/colleague/strategy.xml"]).units.map(\.source) == ["strategy.xml"])
    }

    @Test("a group of tables is named by its folder's name, whether that folder or the one above it is given")
    func groupSourceNames() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("results-csv/full")) {
            try folder.write("data/wb/" + name, bytes: try fixtureBytes("results-csv/full/" + name))
        }
        let above = try #require(try registry.importUnits(paths: [folder.path + "/data"]).units.first)
        let itself = try #require(try registry.importUnits(paths: [folder.path + "/data/wb"]).units.first)
        #expect(above.source == "wb/" && itself.source == "wb/")
        #expect(above.sourceParts == itself.sourceParts)
        #expect(above.sourceParts.allSatisfy { $0.hasPrefix("wb/") && !$0.dropFirst(3).contains("/") }, "\(above.sourceParts)")
    }

    @Test("two files of one import with one source name are refused, naming both")
    func sourceNameClash() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let plan = try fixtureBytes("xml/valid-plan.xml")
        let first = try folder.write("a/plan.xml", bytes: plan), second = try folder.write("b/plan.xml", bytes: plan)
        let error = try #require(importError { _ = try registry.importUnits(paths: [first, second]) })
        #expect(error.diagnostics.first?.message.contains("both the source named 'plan.xml'") == true, "\(error)")
        #expect(error.diagnostics.first?.message.contains("import the folder holding both") == true)
    }
}
