import Foundation
import RealiseTestSupport
import Testing

/// `realise diff`'s exit codes and output files: a diff with changes exits 0; usage errors 64, bad data 65, a missing
/// version 66.
@Suite("realise diff: exit codes and files (end to end)")
struct DiffExitCodeTests {
    let scratch: Scratch
    init() throws { scratch = try Scratch() }

    @Test("a diff with changes exits 0; --output writes what standard output would show")
    func output() throws {
        let printed = try DiffCommandTests.diff(["imports", CLIGolden.nextVersion, "--format", "markdown"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("## Deliverables slipped"))
        let file = scratch.url.appendingPathComponent("changes.md")
        let written = try DiffCommandTests.diff(["imports", CLIGolden.nextVersion, "--format", "markdown", "--output", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)
    }

    @Test("--format xlsx writes a workbook to --output")
    func workbook() throws {
        let file = scratch.url.appendingPathComponent("changes.xlsx")
        let result = try DiffCommandTests.diff(["imports", CLIGolden.nextVersion, "--format", "xlsx", "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: file)
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }

    @Test("a missing version exits 66 naming it; a bad day or format 64; a broken plan 65")
    func failures() throws {
        let missing = try DiffCommandTests.diff(["imports", "no-such-folder"])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("no-such-folder"))
        #expect(missing.stdout.isEmpty)
        let day = try RealiseBinary.run(["diff", "imports", "imports", "--as-of-old", "31/10/2025"], in: RealiseBinary.packageRoot)
        #expect(day.status == 64)
        #expect(day.stderr.hasPrefix("realise: error: --as-of-old '31/10/2025' is not a date; write it as YYYY-MM-DD"), "\(day.stderr)")
        let format = try DiffCommandTests.diff(["imports", "imports", "--format", "htm"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("did you mean `html`?"), "\(format.stderr)")
        let broken = scratch.url.appendingPathComponent("broken.xml")
        try "<plan xmlns=\"urn:realise:plan:1\" version=\"1\"><benefit id=\"B1\"><description>x</description><enabled-by ref=\"NOPE\"/></benefit></plan>"
            .write(to: broken, atomically: true, encoding: .utf8)
        let bad = try DiffCommandTests.diff([broken.path, "imports"])
        #expect(bad.status == 65, "\(bad.stderr)")
        #expect(bad.stderr.contains("NOPE"), "\(bad.stderr)")
    }
}
