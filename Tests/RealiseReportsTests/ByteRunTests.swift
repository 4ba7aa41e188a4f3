import RealiseTestSupport
import Testing
@testable import RealiseReports

@Suite("Byte run: the bytes an array would hold, copied on write")
struct ByteRunTests {
    @Test("random appends of every way and length, from an empty run, against an array (seed 0xB17E_5001)")
    func againstAnArray() {
        var generator = SeededGenerator(seed: 0xB17E_5001)
        var run = ByteRun(), expected: [UInt8] = []
        for _ in 0..<3_000 {
            // Lengths around the in-place copy's limits (8-byte words, 32 bytes) and beyond.
            let bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                bytes.withUnsafeBufferPointer { run.append($0) }
                expected += bytes
            case 1:
                bytes.withUnsafeBytes { run.append($0) }
                expected += bytes
            case 2:
                for byte in bytes { run.append(byte) }
                expected += bytes
            default:
                run.append(repeating: bytes.first ?? 7, count: bytes.count)
                expected += repeatElement(bytes.first ?? 7, count: bytes.count)
            }
        }
        #expect(run.count == expected.count)
        #expect(run.array == expected)
    }

    @Test("a copy is a value: appending to one leaves the other as it was")
    func copyOnWrite() {
        var first = ByteRun(capacity: 4)
        first.append("shared")
        var second = first
        second.append(" and more, past the first run's room")
        first.append(UInt8(ascii: "!"))
        first.append("?" as StaticString)  // a single character's literal holds no pointer
        #expect(String(decoding: first.array, as: UTF8.self) == "shared!?")
        #expect(String(decoding: second.array, as: UTF8.self) == "shared and more, past the first run's room")
    }
}
