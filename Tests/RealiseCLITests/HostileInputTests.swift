import Foundation
import Testing

/// Hostile XML through the `realise` binary, as a user would meet it: exit 65 with `path:line:` on standard
/// error, in bounded time and memory (measured per process), and a workspace (and its export) exactly as before.
/// The fixtures are `Tests/RealiseImportTests/Fixtures/hostile/<format>/` (see its README).
@Suite("hostile input (end to end)")
struct HostileInputTests {
    static let formats = ["realise-xml", "mspdi", "iati"]
    static let hostile = RealiseBinary.packageRoot.appendingPathComponent("Tests/RealiseImportTests/Fixtures/hostile")
    static let leaks = ["MUST-NOT-APPEAR", "root:x:0:0", "lollollol", "aaaaaaaaaaaaaaaaaaaa"]

    let scratch: Scratch
    var folder: URL { scratch.url }
    var db: String { folder.appendingPathComponent("w.sqlite").path }

    init() throws { scratch = try Scratch() }

    static func fixture(_ format: String, _ name: String) -> String {
        hostile.appendingPathComponent(format).appendingPathComponent(name).path
    }

    static func rootName(_ format: String) -> String {
        ["realise-xml": "plan", "mspdi": "Project", "iati": "iati-activities"][format]!
    }

    /// `valid.xml` of the format with its text replaced, an optional DOCTYPE on line 2 and root attributes.
    static func document(_ format: String, text: String, doctype: String? = nil, rootAttributes: String = "") throws -> String {
        var document = try String(contentsOfFile: fixture(format, "valid.xml"), encoding: .utf8)
            .replacingOccurrences(of: "Café £5 €", with: text)
        let root = "<\(rootName(format))"
        if !rootAttributes.isEmpty, let range = document.range(of: root) {
            document.replaceSubrange(range, with: root + " " + rootAttributes)
        }
        if let doctype, let end = document.firstIndex(of: "\n") {
            document.insert(contentsOf: doctype + "\n", at: document.index(after: end))
        }
        return document
    }

    /// A 9 KB comment after the declaration: what follows is past the 8 KiB sniffing head, one line down.
    static func padded(_ document: String) -> String {
        guard let end = document.firstIndex(of: "\n") else { return document }
        var padded = document
        padded.insert(contentsOf: "<!--" + String(repeating: "padding ", count: 1125) + "-->\n", at: padded.index(after: end))
        return padded
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Everything a user could read back from the workspace.
    private func snapshot() throws -> String {
        var out = try RealiseBinary.run(["export", "--format", "json", "--db", db]).stdout
        for subject in ["objectives", "benefits", "deliverables", "metrics", "links", "imports"] {
            out += try RealiseBinary.run(["list", subject, "--format", "json", "--db", db]).stdout
        }
        return out
    }

    /// Bombs and absurd nesting, padded past the head so that only the reader's own checks stand in the way:
    /// refused with exit 65 at the right line in under 5 s, and the process's peak memory stays within 64 MiB
    /// of importing the format's small valid file (a bomb expanded would take gigabytes).
    @Test("bombs and 100 000-deep nesting are refused in bounded time and memory", arguments: formats)
    func boundedRefusals(format: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let baseline = try MeasuredRun.run(["import", "--from", format, Self.fixture(format, "valid.xml"), "--db", db], in: folder)
        #expect(baseline.status == 0, "\(baseline.stderr)")

        let root = Self.rootName(format)
        let entity = "<!DOCTYPE \(root) [<!ENTITY e \"\(String(repeating: "a", count: 50_000))\">]>"
        let references = String(repeating: "&e;", count: 50_000)
        let laughs = try String(contentsOfFile: Self.fixture(format, "billion-laughs.xml"), encoding: .utf8)
        let depth = 100_000
        let nested = "\n" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
        let nestedLine = try Self.document(format, text: "\u{1}").components(separatedBy: "\n").firstIndex { $0.contains("\u{1}") }! + 2
        let cases: [(name: String, text: String, line: Int)] = [
            ("billion-laughs.xml", Self.padded(laughs), 3),
            ("quadratic-text.xml", Self.padded(try Self.document(format, text: references, doctype: entity)), 3),
            ("quadratic-attribute.xml", Self.padded(try Self.document(format, text: "x", doctype: entity, rootAttributes: "a=\"\(references)\"")), 3),
            ("deep.xml", try Self.document(format, text: nested), nestedLine),
        ]
        let before = try snapshot()
        for item in cases {
            let path = try write(item.name, item.text)
            let run = try MeasuredRun.run(["import", "--from", format, path, "--db", db], in: folder)
            #expect(run.status == 65, "\(item.name): \(run.stderr)")
            #expect(run.stderr.contains("\(path):\(item.line):"), "\(item.name): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count <= 2, "one or two lines: \(run.stderr)")
            #expect(run.cpuSeconds < 5, "\(item.name) took \(run.cpuSeconds) s of CPU")
            #expect(run.peakKB < baseline.peakKB + 64 * 1024, "\(item.name): peak \(run.peakKB) KiB against \(baseline.peakKB) KiB for a valid file")
            #expect(!Self.leaks.contains { run.stderr.contains($0) })
        }
        #expect(try snapshot() == before)
    }

    /// Every hostile fixture of every XML format, as given and padded past the head, with `--from` and sniffed:
    /// exit 65, nothing of an entity, DTD or included file in any message, and the workspace and its export
    /// exactly as before. XInclude files import (the element is passed over) without the included text.
    @Test("hostile XML files are refused whole and leak nothing into messages, the workspace or an export")
    func refusedWhole() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RealiseBinary.run(["import", RealiseBinary.samplePlans, "--db", db]).status == 0)
        let before = try snapshot()
        let refused = ["xxe-file.xml", "xxe-relative.xml", "xxe-network.xml", "xxe-parameter.xml", "external-dtd.xml",
                       "external-dtd-network.xml", "internal-entity.xml", "billion-laughs.xml", "utf7-doctype.xml",
                       "truncated.xml", "nul-byte.xml", "binary.xml", "compressed.xml"]
        // A copy of the fixtures in the scratch folder, so padded variants can sit beside the originals (their
        // relative ../secret.txt and ../evil.dtd still resolve) without writing into the source tree.
        let copy = folder.appendingPathComponent("hostile")
        try FileManager.default.copyItem(at: Self.hostile, to: copy)
        for format in Self.formats {
            for name in refused {
                let path = copy.appendingPathComponent(format).appendingPathComponent(name).path
                var files = [path]
                if let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("<!DOCTYPE") {
                    files.append(copy.appendingPathComponent(format).appendingPathComponent("padded-\(name)").path)
                    try Self.padded(text).write(toFile: files[1], atomically: true, encoding: .utf8)
                }
                for file in files {
                    for arguments in [["import", "--from", format, file, "--db", db], ["import", file, "--db", db],
                                      ["validate", "--from", format, file]] {
                        let result = try RealiseBinary.run(arguments)
                        #expect(result.status == 65, "\(arguments): \(result.stderr)")
                        #expect(result.stderr.hasPrefix("realise: error: \(file):"), "\(arguments): \(result.stderr)")
                        #expect(!Self.leaks.contains { result.stderr.contains($0) || result.stdout.contains($0) }, "\(arguments)")
                    }
                }
            }
        }
        #expect(try snapshot() == before)
        for format in ["mspdi", "iati"] {
            // Two files of one name and two formats are two sources: each is imported under a name of its own.
            let named = folder.appendingPathComponent("\(format)-xinclude.xml").path
            try FileManager.default.copyItem(atPath: Self.fixture(format, "xinclude.xml"), toPath: named)
            #expect(try RealiseBinary.run(["import", "--from", format, named, "--db", db]).status == 0)
        }
        let after = try snapshot()
        #expect(!Self.leaks.contains { after.contains($0) })
        let xml = try RealiseBinary.run(["export", "--format", "realise-xml", "--db", db]).stdout
        #expect(!Self.leaks.contains { xml.contains($0) })
    }
}
