import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// `XMLSAXParser`, the SAX2 front to libxml2 the MSPDI and IATI readers use, against `XMLPullReader`: the same
/// elements, lines and texts from well-formed files, and the same diagnostics, word for word, from broken and
/// hostile ones.
@Suite("XML SAX parser")
struct XMLSAXParserTests {
    static let project = #"<Project xmlns="http://schemas.microsoft.com/project">"#

    /// A document with what the fronts could read differently: CR LF line ends, a start tag over three lines,
    /// entity and character references in text and attributes, CDATA, comments and a processing instruction
    /// inside a text, an empty element, non-ASCII text.
    static let awkward = """
        <?xml version="1.0" encoding="UTF-8"?>\r
        <Project xmlns="http://schemas.microsoft.com/project" a="x &amp; y &#38; &lt;z&gt; &quot;">\r
          <Name>A &amp; B &#x263A; &lt;c&gt;</Name>
          <Task
             kind="1"
             other='2'><UID>1</UID><Notes>one<!-- c -->two<?pi x?>three<![CDATA[<four>]]><![CDATA[five]]>six</Notes><Empty/></Task>
          <Name>Café £5 € — 日本</Name>
        </Project>

        """

    static func write(_ folder: TempFolder, _ name: String, _ bytes: [UInt8]) throws -> String {
        try folder.write(name, bytes: bytes)
    }

    @Test("a well-formed file gives the same elements, start lines and texts through both fronts")
    func sameEvents() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("awkward.xml", Self.awkward)
        let sax = XMLFronts.sax(path)
        #expect(sax.diagnostics == nil, "\(sax)")
        #expect(sax.description == XMLFronts.pull(path).description)
        #expect(sax.tokens.contains("<Task@4"), "the line where the three-line start tag begins: \(sax)")
        #expect(sax.tokens.contains("A & B ☺ <c>"))
        #expect(sax.tokens.contains("onetwothree<four>fivesix"))
    }

    @Test("an attribute's &amp; and &#38; are read as &, as libxml2's tree builder gives them")
    func attributeAmpersands() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("attributes.xml", Self.awkward)
        final class Attributes: XMLSAXHandler {
            var values: [String] = []
            func start(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError) {
                try element.forEachAttribute { _, bytes throws(ImportError) in values.append(XMLSAXElement.value(bytes)) }
            }
            func end(_ name: XMLName, _ parser: XMLSAXParser) throws(ImportError) {}
        }
        let attributes = Attributes()
        try XMLSAXParser(path: path).parse(attributes)
        #expect(attributes.values == [#"x & y & <z> ""#, "1", "2"])
        let reader = try XMLPullReader(path: path)
        var pulled: [String] = []
        while try reader.next() {
            if reader.node == .element { pulled += reader.attributes().map(\.1) }
        }
        #expect(pulled == attributes.values)
    }

    /// Hostile and broken files, each with the one diagnostic both fronts give.
    static let broken: [(name: String, bytes: [UInt8], diagnostic: String)] = [
        ("unclosed", Array("<?xml version=\"1.0\"?>\n\(project)\n<Tasks>\n<Task><UID>1</UID>\n</Tasks>\n</Project>\n".utf8),
         "5:9: Opening and ending tag mismatch: Task line 4 and Tasks"),
        ("nul", Array("<?xml version=\"1.0\"?>\n\(project)\n<Name>a".utf8) + [0] + Array("b</Name>\n</Project>\n".utf8),
         "3:8: a NUL byte, which XML never holds: binary content (Char 0x0 out of allowed range)"),
        ("latin1", Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(project)\n<Name>Caf".utf8) + [0xE9] + Array("</Name>\n</Project>\n".utf8),
         "3:10: Input is not proper UTF-8, indicate encoding !\nBytes: 0xE9 0x3C 0x2F 0x4E"),
        ("truncated", Array("<?xml version=\"1.0\"?>\n\(project)\n<Tasks><Task><UID>1</UID>\n<Name>Ca".utf8),
         "4:9: the file ends before its root element is closed: it is truncated"),
        ("truncated-in-tag", Array("<?xml version=\"1.0\"?>\n\(project)\n<Tasks><Task".utf8),
         "3:13: Couldn't find end of Start Tag Task"),
        ("deep", Array(("<?xml version=\"1.0\"?>\n\(project)\n\n" + String(repeating: "<x>", count: 70) + String(repeating: "</x>", count: 70)
                        + "</Project>\n").utf8),
         "4: elements are nested more than 64 deep, which no plan needs; the file is refused"),
        ("long-text", Array(("<?xml version=\"1.0\"?>\n\(project)\n<Name>" + String(repeating: "é", count: 100_001) + "</Name>\n</Project>\n").utf8),
         "3: the text of <Name> is 100001 characters long; Realise takes at most 100000 characters in one field "
            + "(no plan needs more: is the file damaged?)"),
    ]

    @Test("broken and hostile files get the same diagnostics through both fronts", arguments: broken.map(\.name))
    func brokenFiles(name: String) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let fixture = try #require(Self.broken.first { $0.name == name })
        let path = try Self.write(folder, "\(name).xml", fixture.bytes)
        let sax = XMLFronts.sax(path)
        #expect(sax.description == XMLFronts.pull(path).description)
        let diagnostics = try #require(sax.diagnostics, "\(name) was read")
        #expect(diagnostics.map { "\($0.line)\($0.column > 0 ? ":\($0.column)" : ""): \($0.message)" } == [fixture.diagnostic])
        #expect(diagnostics.allSatisfy { $0.path == path && $0.severity == .error })
    }

    @Test("a text of 100 000 characters in more bytes is read; texts split by a comment are limited one by one")
    func textLimitCountsCharacters() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let half = String(repeating: "é", count: 60_000)
        for (name, text) in [("wide", String(repeating: "é", count: 100_000)), ("split", half + "<!-- -->" + half)] {
            let path = try folder.write("\(name).xml", "<?xml version=\"1.0\"?>\n\(Self.project)<Name>\(text)</Name></Project>\n")
            let sax = XMLFronts.sax(path)
            #expect(sax.diagnostics == nil, "\(name): \(sax.description.prefix(300))")
            #expect(sax.description == XMLFronts.pull(path).description, "\(name)")
        }
    }

    /// libxml2's own 10 MB limit on a text node is its tree builder's, which `XMLSAXParser` does without: it
    /// applies it itself, to texts it keeps and texts it skips alike, in libxml2's words.
    @Test("a text over libxml2's 10 MB limit is refused as XMLPullReader refuses it, kept or not")
    func libxmlTextLimit() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let huge = String(repeating: "x", count: 10_000_001)
        let path = try folder.write("huge.xml", "<?xml version=\"1.0\"?>\n\(Self.project)\n<Calendars>\(huge)</Calendars>\n</Project>\n")
        let sax = XMLFronts.sax(path)
        #expect(sax.description == XMLFronts.pull(path).description)
        let diagnostic = try #require(sax.diagnostics?.first)
        #expect(sax.diagnostics?.count == 1 && diagnostic.line == 3)
        #expect(diagnostic.message.hasPrefix("a text, name or value is longer than the XML parser allows"), "\(diagnostic)")
        #expect(diagnostic.message.hasSuffix("(xmlSAX2Characters: huge text node)"), "\(diagnostic)")
        // Through the IATI reader, which keeps no text outside an activity: refused the same way.
        let iati = try folder.write("huge-iati.xml", "<?xml version=\"1.0\"?>\n<iati-activities>\n<x>\(huge)</x>\n</iati-activities>\n")
        let error = try #require(importError { try IATIImporter().read(path: iati, options: .init()) })
        #expect(error.invalidDiagnostics?.map(\.line) == [3], "\(error.description.prefix(300))")
        #expect(error.description.contains("huge text node"), "\(error.description.prefix(300))")
    }

    /// Every prefix of a document, cut at each byte: libxml2 is handed the file in the slices `xmlTextReader`
    /// hands it, so each cut is reported the same way, at the same line and column.
    @Test("every truncation of a document is reported as XMLPullReader reports it")
    func everyTruncation() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        // Long enough for the 512-byte slices and the 4 KiB reads to end inside it in different places.
        let tasks = (1...60).map { "<Task><UID>\($0)</UID><Name>Task &amp; \($0)</Name><!-- note --><Start>2024-01-0\($0 % 9 + 1)</Start></Task>" }
        let document = Array(("<?xml version=\"1.0\"?>\n\(Self.project)\n<Tasks>\n" + tasks.joined(separator: "\n") + "\n</Tasks>\n</Project>\n").utf8)
        #expect(document.count > 4096 + 512)
        var cuts = Array(stride(from: 1, to: document.count, by: 7))
        cuts += [4, 5, 516, 517, 4100, 4101, 4100 + 511, 4100 + 512, 4100 + 513, document.count - 1, document.count]
        for cut in cuts {
            let path = try Self.write(folder, "cut.xml", Array(document.prefix(cut)))
            let sax = XMLFronts.sax(path), pull = XMLFronts.pull(path)
            #expect(sax.description == pull.description, "cut at \(cut) of \(document.count)")
            // Complete from `</Project>` on: only its line end may be missing.
            #expect((sax.diagnostics == nil) == (cut >= document.count - 1), "cut at \(cut)")
        }
    }
}
