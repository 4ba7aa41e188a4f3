/// Writes pretty-printed JSON (two-space indentation, `"key": value`, items one a line, `[]` and `{}` when
/// empty) as UTF-8 bytes into one growing buffer, value by value.
///
/// Hand-written because the report is big: building a `JSONValue` tree and concatenating the nested strings
/// of every level was 46 % of `realise gaps --format json` on a 4 000-benefit workspace, and the
/// 1 000 000-measurement one writes about 100 MB. Appending bytes into one buffer, with runs of plain
/// characters copied at once, writes the same text several times faster. The output is exactly
/// `JSONValue.serialised()`'s: the same escapes (`\"`, `\\`, `\n`, `\r`, `\t`; other C0 controls, DEL, the C1 controls,
/// U+2028/U+2029 and the bidirectional controls that `ControlCharacters` names as lower-case `\uxxxx`; every
/// other character as itself) and numbers as `Double.plainText` (`null` when not finite).
struct JSONWriter {
    /// The text written so far.
    private var run: ByteRun
    /// The text written so far, as an array.
    var bytes: [UInt8] { run.array }
    /// Whether the innermost open container has an item yet (a comma comes before the next); nil when none is open.
    private var hasItems: Bool?
    /// The same for each container around it, outermost first: kept apart from the innermost's, which every item
    /// reads and sets.
    private var outerHasItems: [Bool] = []
    /// Indentation depth of the innermost open container's closing bracket.
    private var depth: Int
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false

    /// - Parameters:
    ///   - indent: the depth the top-level value is written at (its closing bracket's indentation).
    ///   - capacity: bytes to reserve.
    init(indent: Int = 0, capacity: Int = 0) {
        depth = indent
        run = ByteRun(capacity: capacity)
    }

    /// A writer for items of the array open here, written elsewhere (on another thread) and joined after this
    /// writer's text: the same text as writing them here. `afterItems`: the array already has items (a comma first).
    func items(afterItems: Bool, capacity: Int) -> JSONWriter {
        var writer = JSONWriter(indent: depth, capacity: capacity)
        writer.hasItems = afterItems
        return writer
    }

    /// Notes that the open container got items from writers made by `items(afterItems:capacity:)`.
    mutating func itemsWritten() { hasItems = true }

    /// Hands over the text written so far, keeping the place in the document: what follows continues it.
    mutating func takeBytes() -> [UInt8] {
        defer { run = ByteRun() }
        return run.array
    }

    /// The text written so far as a string.
    var text: String { String(decoding: run.array, as: UTF8.self) }

    // MARK: Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An object's key; its value comes next.
    mutating func key(_ name: String) {
        startItem()
        appendQuoted(name)
        run.append(UInt8(ascii: ":"))
        run.append(UInt8(ascii: " "))
        afterKey = true
    }

    /// An object's key written in the program, which needs no escape (printable ASCII but `"` and `\`): copied as it
    /// is. A report's keys are most of its strings, and escaping them was a fifth of writing it.
    mutating func key(plain name: StaticString) {
        assert(name.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } },
               "\(name) needs escaping: write it with key(_:)")
        startItem()
        run.append(UInt8(ascii: "\""))
        run.append(name)
        run.append(JSONWriter.keyEnd)
        afterKey = true
    }

    /// What follows a key's name.
    private static var keyEnd: StaticString { "\": " }

    // MARK: Values

    mutating func string(_ text: String) {
        startValue()
        appendQuoted(text)
    }

    /// Two texts and an ASCII `separator` between them as one string: the same as `string(first + separator + second)`
    /// (each is escaped whole, and the separator needs no escape), without making that string.
    mutating func string(_ first: String, _ separator: Unicode.Scalar, _ second: String) {
        assert(separator.isASCII && separator.value >= 0x20 && separator != "\"" && separator != "\\")
        startValue()
        run.append(UInt8(ascii: "\""))
        appendEscaped(first)
        run.append(UInt8(separator.value))
        appendEscaped(second)
        run.append(UInt8(ascii: "\""))
    }

    /// A number as `Double.plainText` writes it: whole numbers below 10¹⁵ without a fraction, others as Swift's
    /// shortest round-tripping description; `null` when not finite.
    mutating func number(_ value: Double) {
        startValue()
        guard value.isFinite else { return appendASCII("null") }
        if value == value.rounded(), abs(value) < 1e15 { return appendInteger(Int64(value)) }
        appendASCII(String(value))
    }

    /// An integer: the same text as `number(Double(value))` for every count a report holds (below 10¹⁵).
    mutating func number(_ value: Int) { number(Double(value)) }

    mutating func bool(_ value: Bool) {
        startValue()
        appendASCII(value ? "true" : "false")
    }

    mutating func null() {
        startValue()
        appendASCII("null")
    }

    /// A line break after the top-level value.
    mutating func newline() { run.append(UInt8(ascii: "\n")) }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        startValue()
        run.append(bracket)
        if let hasItems { outerHasItems.append(hasItems) }
        hasItems = false
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if hasItems == true { newlineAndIndent() }
        // The enclosing container's state: nil after the outermost, whose state (like that of the array an items
        // writer continues) was never pushed.
        hasItems = outerHasItems.popLast()
        run.append(bracket)
    }

    /// Before a value: nothing after a key or at the top level, else it is an array item.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else if hasItems != nil {
            startItem()
        }
    }

    /// A comma after the previous item, a new line and the indentation.
    private mutating func startItem() {
        if hasItems == true { run.append(UInt8(ascii: ",")) } else { hasItems = true }
        newlineAndIndent()
    }

    /// A line break and two spaces per level, appended at once.
    private mutating func newlineAndIndent() {
        let count = 1 + 2 * depth, line = JSONWriter.lineStart
        if count <= line.utf8CodeUnitCount {
            run.append(UnsafeBufferPointer(start: line.utf8Start, count: count))
        } else {
            run.append(UnsafeBufferPointer(start: line.utf8Start, count: line.utf8CodeUnitCount))
            run.append(repeating: UInt8(ascii: " "), count: count - line.utf8CodeUnitCount)
        }
    }

    /// A line break and 32 levels of indentation, in the program's constant text (no array to retain).
    private static var lineStart: StaticString {
        "\n                                                                "
    }

    private mutating func appendASCII(_ text: String) {
        var text = text
        text.withUTF8 { run.append($0) }
    }

    private mutating func appendInteger(_ value: Int64) {
        if value < 0 { run.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64) = (0, 0)  // up to 32 decimal digits of scratch space
        withUnsafeMutableBytes(of: &digits) { scratch in
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            run.append(UnsafeRawBufferPointer(rebasing: scratch[start...]))
        }
    }

    // MARK: Strings

    /// Whether any of eight bytes is other than printable ASCII without the quote and backslash: a control character,
    /// `"`, `\`, DEL or a byte of a non-ASCII character. (Exact: the classic tests for a byte below a bound and for a
    /// zero byte, which have no false negatives; a false positive would only send the bytes through the byte-by-byte
    /// look.) Hand-written because the escaping loop was a sixth of writing a report on IATI's long texts.
    @inline(__always)
    private static func needsALook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below = (word &- 0x20 &* ones) & ~word & highs
        return (word & highs) | below | hasZero(word ^ (0x22 &* ones)) | hasZero(word ^ (0x5C &* ones)) | hasZero(word ^ (0x7F &* ones)) != 0
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `text` in quotes, escaped. Works on the UTF-8 bytes: every byte that needs an escape is ASCII except
    /// those of U+2028 and U+2029 (E2 80 A8/A9), and runs of other bytes are copied whole.
    private mutating func appendQuoted(_ text: String) {
        run.append(UInt8(ascii: "\""))
        appendEscaped(text)
        run.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0, index = 0
        let count = utf8.count
        while index < count {
            // Eight bytes at a time while they are all plain ASCII: most of a report's text.
            while index + 8 <= count, !JSONWriter.needsALook(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = utf8[index]
            // Most bytes need no escape: printable ASCII but the quote and backslash, and the bytes of
            // characters other than the C1 controls (lead byte C2) and U+2028–U+2069 (lead byte E2).
            if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C || byte >= 0x80 && byte != 0xC2 && byte != 0xE2 {
                index += 1
                continue
            }
            let escape: StaticString?
            var width = 1
            // The scalar written as `\uXXXX` when `escape` is empty.
            var scalar = UInt32(byte)
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20, 0x7F: escape = ""
            // C1 controls (U+0080–U+009F: C2 80…9F), escaped as every other control character is.
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(utf8[index + 1]):
                (escape, scalar, width) = ("", UInt32(utf8[index + 1]), 2)
            // U+2028–U+202E (line and paragraph separators, bidirectional embeddings and overrides: E2 80 A8…AE)
            // and U+2066–U+2069 (bidirectional isolates: E2 81 A6…A9).
            case 0xE2 where index + 2 < count && ((utf8[index + 1] == 0x80 && (0xA8...0xAE).contains(utf8[index + 2]))
                                                   || (utf8[index + 1] == 0x81 && (0xA6...0xA9).contains(utf8[index + 2]))):
                (escape, width) = ("", 3)
                scalar = 0x2000 | (UInt32(utf8[index + 1] & 0x3F) << 6) | UInt32(utf8[index + 2] & 0x3F)
            default: escape = nil
            }
            guard let escape else {
                index += 1
                continue
            }
            run.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            if escape.utf8CodeUnitCount > 0 {
                run.append(UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            } else {
                run.append(UInt8(ascii: "\\"))
                run.append(UInt8(ascii: "u"))
                for shift in [12, 8, 4, 0] { run.append(JSONWriter.hex[Int(scalar >> shift & 0xF)]) }
            }
            index += width
            runStart = index
        }
        run.append(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }
}
