import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// Realise's own limits in every XML reader: nesting refused by its own check even when libxml2's is lifted,
/// and the per-field limit applied to a value assembled from several CDATA sections.
@Suite("XML limits of Realise's own", .serialized)
struct XMLLimitsTests {
    /// libxml2's nesting limit (`xmlParserMaxDepth`, 256 by default), found at run time so the test needs no
    /// C module of its own.
    static var libxmlMaxDepth: UnsafeMutablePointer<UInt32>? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "xmlParserMaxDepth")?.assumingMemoryBound(to: UInt32.self)
    }

    @Test("nesting 100 000 deep is refused by Realise's own check with libxml2's limit lifted", arguments: HostileXMLTests.formats)
    func deepNestingWithLibxmlLimitLifted(format: ImportFormat) throws {
        let limit = try #require(Self.libxmlMaxDepth, "libxml2's xmlParserMaxDepth not found")
        let saved = limit.pointee
        limit.pointee = 10_000_000
        defer { limit.pointee = saved }
        let folder = try TempFolder()
        defer { folder.remove() }
        let depth = 100_000
        let nested = "\n" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
        let path = try folder.write("deep.xml", try HostileXMLTests.document(format, text: nested))
        guard case .failure(let error) = HostileXMLTests.read(format, path), case .invalid(let diagnostics) = error else {
            Issue.record("expected the deep file to be refused as invalid")
            return
        }
        let line = try HostileXMLTests.document(format, text: "\u{1}").components(separatedBy: "\n").firstIndex { $0.contains("\u{1}") }! + 2
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.message == "elements are nested more than 64 deep, which no plan needs; the file is refused")
        #expect(diagnostics.first?.line == line && diagnostics.first?.path == path, "\(diagnostics)")
    }

    @Test("elements nested 64 levels deep are read; 65 are refused", arguments: HostileXMLTests.formats)
    func depthBoundary(format: ImportFormat) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        // The text sits two or more levels below the root already: find how deep, then nest up to the limit.
        let probe = try HostileXMLTests.document(format, text: "<probe/>")
        let below = try Self.depth(of: "<probe/>", in: probe)
        // The deepest added element has depth `below + extra - 1` (the root's is 0, its level 1).
        let limit = FieldLimits.xmlDepth
        #expect(limit == 64)
        for (extra, refused) in [(limit - below, false), (limit - below + 1, true)] {
            let nested = String(repeating: "<x>", count: extra) + String(repeating: "</x>", count: extra)
            let path = try folder.write("nested-\(extra).xml", try HostileXMLTests.document(format, text: nested))
            let outcome = HostileXMLTests.read(format, path)
            if refused {
                guard case .failure(let error) = outcome else { Issue.record("\(extra) extra levels were read"); continue }
                #expect(error.description.contains("nested more than 64 deep"), "\(error)")
            } else if case .failure(let error) = outcome {
                #expect(!error.description.contains("nested more than"), "\(extra) extra levels: \(error)")
            }
        }
    }

    /// The depth (root = 0) an element written at `marker` would have in `document`.
    static func depth(of marker: String, in document: String) throws -> Int {
        let head = try #require(document.range(of: marker)).lowerBound
        let before = document[..<head]
        var depth = 0, index = before.startIndex
        while let open = before[index...].firstIndex(of: "<") {
            let rest = before[before.index(after: open)...]
            let close = rest.firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[..<close]
            if tag.hasPrefix("/") { depth -= 1 } else if !(tag.hasPrefix("?") || tag.hasPrefix("!") || tag.hasSuffix("/")) { depth += 1 }
            index = close < before.endIndex ? before.index(after: close) : before.endIndex
        }
        return depth
    }

    @Test("a 180 000-character value in three CDATA sections is refused by the per-field limit", arguments: HostileXMLTests.formats)
    func cdataSplitValue(format: ImportFormat) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let third = String(repeating: "a", count: 60_000)
        let split = "<![CDATA[\(third)]]><![CDATA[\(third)]]><![CDATA[\(third)]]>"
        let path = try folder.write("split.xml", try HostileXMLTests.document(format, text: split))
        guard case .failure(let error) = HostileXMLTests.read(format, path) else {
            Issue.record("a 180 000-character value split across CDATA sections was imported")
            return
        }
        #expect(error.description.contains("180000 characters long"), "\(error.description.prefix(400))")
        #expect(error.description.contains("at most 100000 characters"))
    }
}
