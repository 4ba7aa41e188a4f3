import Foundation
import Testing
import RealiseModel
import RealiseTestSupport
@testable import RealiseStore

/// The import's compact rows (`SQLRows`): bound in place on SQLite and as arrays on PostgreSQL, fingerprinted as the
/// values they hold, and copied row by row.
@Suite("Compact rows")
struct SQLRowsTests {
    /// Three hundred rows: more than two statements' groups on SQLite (128 each), then groups of 32, 8 and 4.
    static let texts: [String?] = (0..<300).map { index in
        switch index % 5 {
        case 0: nil
        case 1: ""
        case 2: "Zoë — 東京 \(index)"
        case 3: String(repeating: "long text ", count: 40) + "\(index)"
        default: "T\(index)"
        }
    }

    @Test("rows are written as they are held: texts, empty texts, NULLs, numbers, over several groups",
          arguments: TestBackend.available)
    func roundTrip(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        var rows = SQLRows(width: 3)
        for (index, text) in SQLRowsTests.texts.enumerated() {
            rows.append(text)
            rows.append(index)
            rows.append(index % 7 == 0 ? nil : Double(index) / 4)
        }
        let read: [(String?, Int64, Double?)] = try workspace.write { db in
            try db.execute("CREATE TEMPORARY TABLE rows_probe (a TEXT, b BIGINT, c DOUBLE PRECISION)")
            try MultiRowStatement([.text, .integer, .real]) { "INSERT INTO rows_probe (a, b, c) \($0)" }.send(rows, on: db)
            var read: [(String?, Int64, Double?)] = []
            try db.each("SELECT a, b, c FROM rows_probe ORDER BY b", []) { row in
                read.append((row.optionalString(0), row.int64(1), row.double(2)))
                return true
            }
            try db.execute("DROP TABLE rows_probe")
            return read
        }
        #expect(read.count == 300)
        for (index, row) in read.enumerated() {
            #expect(row.0 == SQLRowsTests.texts[index], "row \(index)")
            #expect(row.1 == Int64(index))
            #expect(row.2 == (index % 7 == 0 ? nil : Double(index) / 4))
        }
    }

    @Test("rows are looked up by the keys they hold", arguments: TestBackend.available)
    func lookUp(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        var chunk = Plan()
        chunk.deliverables = (1...200).map { Deliverable(id: "D\($0)", name: "Deliverable \($0)", source: at("plan.xml", $0 + 1)) }
        _ = try workspace.importFiles([ImportedFile(path: "plan.xml", format: "realise-xml", sha256: "p1", plan: chunk)])
        let keys = SQLRows(column: ["D7", "none", "D200", "", "D1"])
        let found: [String] = try workspace.write { db in
            var found: [String] = []
            try MultiRowStatement([.text]) { "SELECT e.id FROM \(db.dialect.probe($0, "entity", as: "e", on: "e.id = k.column1"))" }
                .each(keys, on: db) { found.append($0.string(0)) }
            return found.sorted()
        }
        #expect(found == ["D1", "D200", "D7"])
    }

    @Test("a fingerprint of rows is the fingerprint of their values added one by one")
    func fingerprint() {
        let values: [SQLValue] = [.text("deliverable"), .text("Zoë"), .null, .text(""), .integer(-3), .real(0), .real(-0.0), .real(2.5)]
        var rows = SQLRows(width: values.count)
        for value in values { rows.append(value) }
        var one = ContentHash(), other = ContentHash()
        for value in values { one.add(value) }
        rows.hash(0..<values.count, into: &other)
        #expect(one.fingerprint == other.fingerprint)
        var shorter = ContentHash()
        rows.hash(0..<(values.count - 1), into: &shorter)
        #expect(shorter.fingerprint != one.fingerprint)
    }

    @Test("an entity's fingerprint is the one its import stores")
    func storedFingerprint() throws {
        let workspace = try emptyWorkspace(.sqlite)
        var chunk = Plan()
        var deliverable = Deliverable(id: "D1", name: "Depot", source: at("plan.xml", 2))
        deliverable.plannedFinish = day("2027-03-31")
        deliverable.percentComplete = 40
        deliverable.notes = "Zoë"
        chunk.deliverables = [deliverable]
        _ = try workspace.importFiles([ImportedFile(path: "plan.xml", format: "realise-xml", sha256: "p1", plan: chunk)])
        let stored: Int64? = try workspace.read { try $0.value("SELECT content_hash FROM entity WHERE id = 'D1'") }
        #expect(stored == EntityStates.hash(deliverable, EntityTables.deliverable))
    }

    @Test("a row is copied with its texts")
    func copyRow() {
        var from = SQLRows(width: 2)
        for (text, number) in [("a", 1), ("", 2), ("ccc", 3)] {
            from.append(text)
            from.append(number)
        }
        var to = SQLRows(width: 2)
        to.append("x")
        to.append(nil as Int?)
        to.append(row: 2, of: from)
        to.append(row: 1, of: from)
        #expect((0..<6).map(to.value(at:)) == [.text("x"), .null, .text("ccc"), .integer(3), .text(""), .integer(2)])
    }

    @Test("a source's first import withdraws nothing of others; its next withdraws what it no longer states",
          arguments: TestBackend.available)
    func firstImportWithdrawsNothing(_ backend: TestBackend) throws {
        let workspace = try emptyWorkspace(backend)
        func plan(_ path: String, _ ids: [String]) -> ImportedFile {
            var chunk = Plan()
            chunk.deliverables = ids.enumerated().map { Deliverable(id: $1, name: $1, source: at(path, $0 + 2)) }
            return ImportedFile(path: path, format: "realise-xml", sha256: path + ids.joined(), plan: chunk)
        }
        _ = try workspace.importFiles([plan("a.xml", ["A1", "A2"])])
        let first = try workspace.importFiles([plan("b.xml", ["B1", "B2"])])
        #expect(first.map(\.withdrawn) == [0])
        let second = try workspace.importFiles([plan("b.xml", ["B1"])])
        #expect(second.map(\.withdrawn) == [1])
        #expect(try workspace.loadPlan().deliverables.map(\.id).sorted() == ["A1", "A2", "B1"])
    }
}
