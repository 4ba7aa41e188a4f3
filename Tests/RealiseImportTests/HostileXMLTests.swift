import Foundation
import Testing
import RealiseImport
import RealiseModel

/// Hostile XML against every XML importer (realise-xml, mspdi, iati), read as `realise import` reads it:
/// sniffed by `ImporterRegistry.standard`, or with `--from` through the importer's `read(path:options:)`.
/// Fixtures are in `Fixtures/hostile/<format>/` (see its README); large ones are generated here.
@Suite("hostile XML, for every XML importer")
struct HostileXMLTests {
    static let formats: [ImportFormat] = [.realiseXML, .mspdi, .iati]

    /// Marker texts of the fixtures' entities, DTD and secret file, and what /etc/passwd always holds:
    /// none may reach a plan or a message.
    static let leaks = ["MUST-NOT-APPEAR", "root:x:0:0", "lollollol", "aaaaaaaaaaaaaaaaaaaa"]

    static func fixture(_ format: ImportFormat, _ name: String) -> String {
        Fixtures.path("hostile/\(format.rawValue)/\(name)")
    }

    static func text(_ format: ImportFormat, _ name: String) throws -> String {
        try String(contentsOfFile: fixture(format, name), encoding: .utf8)
    }

    static func rootName(_ format: ImportFormat) -> String {
        switch format {
        case .realiseXML: "plan"
        case .mspdi: "Project"
        default: "iati-activities"
        }
    }

    /// The format's small valid document (`valid.xml`) with its one text replaced, a DOCTYPE on line 2 and
    /// attributes on the root when given.
    static func document(_ format: ImportFormat, text: String, doctype: String? = nil, rootAttributes: String = "") throws -> String {
        var document = try Self.text(format, "valid.xml").replacingOccurrences(of: "Café £5 €", with: text)
        let root = "<\(rootName(format))"
        if !rootAttributes.isEmpty, let range = document.range(of: root) {
            document.replaceSubrange(range, with: root + " " + rootAttributes)
        }
        if let doctype, let end = document.firstIndex(of: "\n") {
            document.insert(contentsOf: doctype + "\n", at: document.index(after: end))
        }
        return document
    }

    /// The document with a 9 KB comment after its declaration: whatever follows lies beyond the 8 KiB head
    /// that sniffing (and the importers' own DOCTYPE check) reads, and one line further down.
    static func padded(_ document: String) -> String {
        guard let end = document.firstIndex(of: "\n") else { return document }
        var padded = document
        padded.insert(contentsOf: "<!--" + String(repeating: "padding ", count: 1125) + "-->\n", at: padded.index(after: end))
        return padded
    }

    /// The plan's one imported text: the objective's statement (realise-xml) or the task's or activity's name.
    static func importedText(_ plan: Plan, _ format: ImportFormat) -> String? {
        format == .realiseXML ? plan.objectives.first?.statement : plan.deliverables.first?.name
    }

    static func importer(_ format: ImportFormat) -> any PlanImporter {
        ImporterRegistry.standard.importer(for: format)!
    }

    /// Everything a read produced that a user or the workspace could see: the plan as JSON, or the error's lines.
    static func visible(_ outcome: Result<Plan.WithWarnings, ImportError>) -> String {
        switch outcome {
        case .success(let (plan, warnings)):
            let json = (try? JSONEncoder().encode(plan)).map { String(decoding: $0, as: UTF8.self) } ?? "\(plan)"
            return json + warnings.map(\.description).joined(separator: "\n")
        case .failure(let error):
            return error.description
        }
    }

    static func read(_ format: ImportFormat, _ path: String) -> Result<Plan.WithWarnings, ImportError> {
        do throws(ImportError) {
            return .success(try importer(format).read(path: path, options: .init()))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Entities and DTDs

    static let doctypeFixtures = ["xxe-file.xml", "xxe-relative.xml", "xxe-network.xml", "xxe-parameter.xml",
                                  "external-dtd.xml", "external-dtd-network.xml", "internal-entity.xml", "billion-laughs.xml"]

    /// Each fixture has its DOCTYPE on line 2; padded, on line 3 and past the 8 KiB the importers' own check
    /// reads, so there only the reader's prolog check stands between the DOCTYPE and libxml2 (without it,
    /// libxml2 parses the DTD and the importer refuses at the doctype node, one line late).
    @Test("a DOCTYPE (external entity, external DTD, parameter entity, internal entity, bomb) is refused at its line, its content never read",
          arguments: formats, doctypeFixtures)
    func doctypeRefused(format: ImportFormat, fixture: String) throws {
        // The fixtures copied, with the padded file beside the original: their relative ../secret.txt and
        // ../evil.dtd still resolve.
        let folder = try TempFolder()
        defer { folder.remove() }
        try FileManager.default.copyItem(atPath: Fixtures.path("hostile"), toPath: folder.path + "/hostile")
        let paddedPath = folder.path + "/hostile/\(format.rawValue)/padded-\(fixture)"
        try Self.padded(try Self.text(format, fixture)).write(toFile: paddedPath, atomically: true, encoding: .utf8)

        for (path, line) in [(Self.fixture(format, fixture), 2), (paddedPath, 3)] {
            var outcome: Result<Plan.WithWarnings, ImportError> = .failure(.fileNotFound(path: path))
            let elapsed = threadCPUTime { outcome = Self.read(format, path) }
            guard case .failure(let error) = outcome else {
                Issue.record("\(path) was imported: \(Self.visible(outcome))")
                continue
            }
            let diagnostics = try #require(error.invalidDiagnostics, "expected .invalid, got \(error)")
            #expect(diagnostics.count == 1, "\(diagnostics)")
            #expect(diagnostics.first?.path == path)
            #expect(diagnostics.first?.line == line, "\(diagnostics)")
            #expect(diagnostics.first?.message.contains("DOCTYPE is not allowed") == true, "\(diagnostics)")
            #expect(!Self.leaks.contains { error.description.contains($0) }, "\(error)")
            #expect(elapsed < .seconds(5))
            // Sniffed (no --from) the same file is refused too, and says nothing of what the DTD holds.
            let sniffed = try #require(importError { try ImporterRegistry.standard.read(path: path) })
            #expect(!Self.leaks.contains { sniffed.description.contains($0) }, "\(sniffed)")
        }
    }

    /// An XML declaration in UTF-7 hides `<!DOCTYPE` from any byte scan (`+ADw-!DOCTYPE`) while libxml2, through
    /// iconv, reads it and would expand the entity: such encodings are refused before libxml2 starts.
    @Test("encodings that could hide markup from the prolog check (UTF-7, UTF-32) are refused", arguments: formats)
    func unreadableEncodingsRefused(format: ImportFormat) throws {
        let path = Self.fixture(format, "utf7-doctype.xml")
        let error = try #require(importError { try Self.importer(format).read(path: path, options: .init()) })
        let diagnostic = try #require(error.invalidDiagnostics?.first, "got \(error)")
        #expect(diagnostic.path == path && diagnostic.line == 1)
        #expect(diagnostic.message.contains("UTF-7"), "\(diagnostic)")
        #expect(!Self.leaks.contains { error.description.contains($0) })

        let folder = try TempFolder()
        defer { folder.remove() }
        let document = try Self.document(format, text: "wide")
        var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
        for scalar in document.unicodeScalars {
            let value = scalar.value
            bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }
        let wide = try folder.write("utf32.xml", bytes: bytes)
        let refused = try #require(importError { try Self.importer(format).read(path: wide, options: .init()) })
        #expect(refused.invalidDiagnostics?.first?.message.contains("UTF-32") == true, "\(refused)")
    }

    @Test("XInclude is never processed: the included file's text never reaches the plan", arguments: formats)
    func xincludeIgnored(format: ImportFormat) throws {
        // realise-xml's schema refuses the element. The IATI reader passes over it, keeping the text before it
        // ("plain"); the MS Project reader takes a <Name> only when it is text alone, so the task is named from its
        // UID, as a task without a name is.
        let path = Self.fixture(format, "xinclude.xml")
        let outcome = Self.read(format, path)
        #expect(!Self.leaks.contains { Self.visible(outcome).contains($0) }, "\(Self.visible(outcome))")
        switch outcome {
        case .failure(let error):
            #expect(format == .realiseXML, "\(error)")
            #expect(error.invalidDiagnostics?.map { "\($0.path == path) \($0.line): \($0.message)" } == [
                "true 4: Element '{urn:realise:plan:1}statement': Element content is not allowed, because the type definition is simple.",
            ])
        case .success(let (plan, warnings)):
            #expect(format != .realiseXML, "the schema should refuse <xi:include>")
            #expect(plan.deliverables.map(\.name) == [format == .mspdi ? "Task 1" : "plain"])
            #expect(plan.itemCount == 1 && warnings.isEmpty, "\(Self.visible(outcome))")
        }
    }

    /// Every way a document can name a URL (external entity, parameter entity, external DTD, XInclude, and for
    /// the XSD-validated realise-xml an `xsi:schemaLocation` hint), pointed at a local socket, padded past the
    /// head or not: the socket never sees a connection.
    @Test("the network is never used", arguments: formats)
    func networkNeverUsed(format: ImportFormat) throws {
        let listener = try LocalListener()
        let folder = try TempFolder()
        defer { folder.remove() }
        var names = ["xxe-network.xml", "xxe-parameter.xml", "external-dtd-network.xml", "xinclude.xml"]
        if format == .realiseXML { names.append("schema-location-network.xml") }
        for name in names {
            let aimed = listener.aim(try Self.text(format, name))
            #expect(aimed.contains("127.0.0.1:\(listener.port)/"), "\(name) names no URL")
            for (label, text) in [("plain", aimed), ("padded", Self.padded(aimed))] {
                let path = try folder.write("\(label)-\(name)", text)
                _ = Self.read(format, path)
                _ = try? ImporterRegistry.standard.read(path: path)
                #expect(listener.connections() == 0, "\(label) \(name) made a connection")
            }
        }
    }

    // MARK: Bombs

    /// The bombs: "billion laughs" (10 levels of 10 references, 3 GB expanded) and the quadratic blow-up
    /// (one 50 kB entity referenced 50 000 times, 2.5 GB expanded) in text and in an attribute, each also
    /// padded past the head. Refused at the DOCTYPE's line before any expansion, so well under the limit.
    @Test("entity expansion bombs are refused quickly at the DOCTYPE's line", arguments: formats)
    func expansionBombsRefused(format: ImportFormat) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = Self.rootName(format)
        let entity = "<!DOCTYPE \(root) [<!ENTITY e \"\(String(repeating: "a", count: 50_000))\">]>"
        let references = String(repeating: "&e;", count: 50_000)
        let bombs = [
            ("billion-laughs", try Self.text(format, "billion-laughs.xml")),
            ("quadratic-text", try Self.document(format, text: references, doctype: entity)),
            ("quadratic-attribute", try Self.document(format, text: "x", doctype: entity, rootAttributes: "a=\"\(references)\"")),
        ]
        for (name, document) in bombs {
            for (path, line) in [(try folder.write("\(name).xml", document), 2), (try folder.write("\(name)-padded.xml", Self.padded(document)), 3)] {
                var outcome: Result<Plan.WithWarnings, ImportError> = .failure(.fileNotFound(path: path))
                let elapsed = threadCPUTime { outcome = Self.read(format, path) }
                #expect(elapsed < .seconds(5), "\(path) took \(elapsed)")
                guard case .failure(let error) = outcome, let diagnostics = error.invalidDiagnostics else {
                    Issue.record("\(path): expected .invalid, got \(Self.visible(outcome).prefix(300))")
                    continue
                }
                #expect(diagnostics.map(\.line) == [line], "\(diagnostics)")
                #expect(diagnostics.allSatisfy { $0.path == path && $0.message.contains("DOCTYPE") })
                #expect(!Self.leaks.contains { error.description.contains($0) })
            }
        }
    }

    /// 100 000 levels on one line (line 3 of the document): Realise's own check stops at 64 levels, before
    /// libxml2's 256 (never lifted with XML_PARSE_HUGE), and the message says so in words, at the line.
    @Test("nesting 100 000 deep is refused quickly with the file and line", arguments: formats)
    func absurdNestingRefused(format: ImportFormat) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let depth = 100_000
        let nested = "\n" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
        let path = try folder.write("deep.xml", try Self.document(format, text: nested))
        var outcome: Result<Plan.WithWarnings, ImportError> = .failure(.fileNotFound(path: path))
        let elapsed = threadCPUTime { outcome = Self.read(format, path) }
        #expect(elapsed < .seconds(5))
        guard case .failure(let error) = outcome, let diagnostics = error.invalidDiagnostics else {
            Issue.record("expected .invalid, got \(Self.visible(outcome).prefix(300))")
            return
        }
        #expect(diagnostics.allSatisfy { $0.path == path })
        let line = try Self.document(format, text: "\u{1}").components(separatedBy: "\n").firstIndex { $0.contains("\u{1}") }! + 2
        let nesting = try #require(diagnostics.first { $0.message.contains("nested more than 64 deep") }, "\(diagnostics)")
        #expect(nesting.line == line, "\(nesting)")
        #expect(!nesting.message.contains("XML_PARSE_HUGE"), "the message names no parser option the user cannot set")
    }

    // MARK: Damaged files

    @Test("truncated, NUL-holding, binary and gzip-compressed files get one located error", arguments: formats,
          [("truncated.xml", "truncated"), ("nul-byte.xml", "NUL byte"), ("binary.xml", "not XML"), ("compressed.xml", "not XML")])
    func damagedFiles(format: ImportFormat, fixture: (name: String, says: String)) throws {
        let path = Self.fixture(format, fixture.name)
        // With --from: read by the importer, whatever the content.
        let error = try #require(importError { try Self.importer(format).read(path: path, options: .init()) },
                                 "\(fixture.name) was imported")
        let diagnostics = try #require(error.invalidDiagnostics, "got \(error)")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.path == path)
        #expect(diagnostic.line >= 1)
        #expect(diagnostic.message.contains(fixture.says), "\(diagnostic)")
        // Sniffed: still one line naming the file.
        let sniffed = try #require(importError { try ImporterRegistry.standard.read(path: path) })
        #expect(sniffed.diagnostics.count == 1 && sniffed.diagnostics.first?.path == path, "\(sniffed)")
    }

    /// A NUL byte and a truncation are located where they are: line 4, 7 or 5 of the fixture, by format.
    @Test("a NUL byte and a truncation are located at their line", arguments: formats)
    func damageLocated(format: ImportFormat) throws {
        let valid = try Self.text(format, "valid.xml").components(separatedBy: "\n")
        let line = try #require(valid.firstIndex { $0.contains("Café") }) + 1
        for name in ["nul-byte.xml", "truncated.xml"] {
            let error = try #require(importError { try Self.importer(format).read(path: Self.fixture(format, name), options: .init()) })
            #expect(error.invalidDiagnostics?.first?.line == line, "\(name): \(error)")
        }
    }

    // MARK: UTF-16

    @Test("UTF-16 documents with a BOM, little- and big-endian, import like their UTF-8 original", arguments: formats,
          ["utf16le-bom.xml", "utf16be-bom.xml"])
    func utf16Imports(format: ImportFormat, fixture: String) throws {
        let original = try ImporterRegistry.standard.read(path: Self.fixture(format, "valid.xml"))
        let file = try ImporterRegistry.standard.read(path: Self.fixture(format, fixture))
        #expect(file.format == format.rawValue, "sniffed as \(format.rawValue)")
        #expect(Self.importedText(file.plan, format) == "Café £5 €")
        #expect(file.plan.counts == original.plan.counts)
        #expect(file.plan.entityIndex.map(\.source.line) == original.plan.entityIndex.map(\.source.line))
        #expect(file.warnings.map(\.message) == original.warnings.map(\.message))
    }

    // MARK: The prolog check itself

    /// The checks read the prolog as libxml2 does: comments holding `->` and `<!DOCTYPE`, processing
    /// instructions holding `>`, CR LF line ends (one line each) and a lone CR (none, to libxml2). They find the
    /// DOCTYPE after them at line 5, and let the same prolog without one through.
    @Test("the prolog checks skip comments and PIs and count lines as libxml2 does", arguments: formats)
    func prologCheck(format: ImportFormat) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let prolog = "<?xml version=\"1.0\"?>\r\n<!-- a <!DOCTYPE x> in a comment - -> -> \r\n\r\n-->\r<?pi a > b ?>\n"
        let document = try Self.document(format, text: "kept")
        let body = String(document[document.index(after: document.firstIndex(of: "\n")!)...])
        let plain = try folder.write("prolog.xml", prolog + body)
        #expect(Self.importedText(try Self.importer(format).read(path: plain, options: .init()).plan, format) == "kept")
        let root = Self.rootName(format)
        let doctyped = try folder.write("prolog-doctype.xml", prolog + "<!DOCTYPE \(root) [<!ENTITY e \"MUST-NOT-APPEAR\">]>\n" + body)
        let error = try #require(importError { try Self.importer(format).read(path: doctyped, options: .init()) })
        #expect(error.invalidDiagnostics?.map(\.line) == [5], "\(error)")
        // Past the 8 KiB head, the reader's own check counts the same way.
        let far = try folder.write("prolog-doctype-far.xml", Self.padded(prolog + "<!DOCTYPE \(root) SYSTEM \"x.dtd\">\n" + body))
        let farError = try #require(importError { try Self.importer(format).read(path: far, options: .init()) })
        #expect(farError.invalidDiagnostics?.map(\.line) == [6], "\(farError)")
    }
}
