import Foundation
import RealiseModel
import RealiseTestSupport
import Testing
@testable import RealiseStore

@Suite("Shared strings: each column text as read, repeated ones kept once")
struct SharedStringsTests {
    /// `texts` read from a query's rows through one `SharedStrings`.
    private func read(_ texts: [String]) throws -> [String] {
        let workspace = try Workspace()
        return try workspace.read { db in
            var shared = SharedStrings(), read: [String] = []
            try db.each("SELECT value FROM json_each(?)", [String(decoding: try JSONEncoder().encode(texts), as: UTF8.self)]) { row in
                read.append(shared.string(row, 0))
                return true
            }
            return read
        }
    }

    @Test("many texts, repeated and not, past how many are kept, in random order (seed 0x5A4E_D001)")
    func manyTexts() throws {
        var generator = SeededGenerator(seed: 0x5A4E_D001)
        // 6 000 distinct texts of 16 bytes and more (shorter ones are not shared), each two or three times.
        let distinct = (0..<6_000).map { "Owner of things number \($0) " + String(repeating: "x", count: $0 % 7) }
        var texts = distinct + distinct + distinct.prefix(2_000)
        texts.shuffle(using: &generator)
        let read = try read(texts)
        #expect(read == texts)
        // A repeated text comes back as the instance kept the first time (one storage), for texts kept.
        var first: [String: UnsafeRawPointer] = [:], shared = 0
        for text in read {
            let storage = text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress!) }!
            if let earlier = first[text] { shared += earlier == storage ? 1 : 0 } else { first[text] = storage }
        }
        #expect(shared > 4_000)
    }

    @Test("texts kept as their bytes are: composed and decomposed spellings, and text beyond ASCII")
    func byteExact() throws {
        let texts = ["Chef de projet José Núñez", "Chef de projet Jose\u{301} Nu\u{303}n\u{303}ez", "Chef de projet José Núñez",
                     "Responsable 東京 du programme", "Chef de projet Jose\u{301} Nu\u{303}n\u{303}ez"]
        let read = try read(texts)
        #expect(read.map { Array($0.utf8) } == texts.map { Array($0.utf8) })
    }
}
