/// Turns the bytes of a text file into UTF-8, whatever it was written in: UTF-8 with or without a BOM,
/// UTF-16 with a BOM, or (when the bytes are not valid UTF-8) Windows-1252, what Excel on Windows saves.
enum TextDecoding {
    /// The bytes as UTF-8 without a BOM.
    /// - Parameter isHead: the bytes are the first part of a longer file, so a character cut off at the very
    ///   end is not a sign of another encoding.
    static func utf8(_ bytes: [UInt8], isHead: Bool = false) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if isValidUTF8(bytes, allowTruncatedEnd: isHead) { return bytes }
        return windows1252(bytes)
    }

    /// The bytes decoded as a string (see `utf8(_:)`).
    static func decode(_ bytes: [UInt8], isHead: Bool = false) -> String {
        String(decoding: utf8(bytes, isHead: isHead), as: UTF8.self)
    }

    /// Valid UTF-8; with `allowTruncatedEnd`, a sequence cut off at the very end is allowed (a head read
    /// mid-character).
    static func isValidUTF8(_ bytes: [UInt8], allowTruncatedEnd: Bool = false) -> Bool {
        guard let tail = utf8Tail(bytes, checkingTail: false) else { return false }
        return tail == 0 || allowTruncatedEnd
    }

    /// Checks UTF-8: nil when invalid, else how many bytes at the end start a sequence cut off there (0 when
    /// none), so that a text read in chunks can carry them over to the next. `checkingTail`: whether the
    /// bytes present of that last sequence must be continuation bytes too.
    static func utf8Tail(_ bytes: [UInt8], checkingTail: Bool) -> Int? {
        bytes.withUnsafeBufferPointer { raw -> Int? in
            var index = 0
            let count = raw.count
            while index < count {
                // Eight ASCII bytes at a time.
                if index + 8 <= count {
                    let word = UnsafeRawPointer(raw.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
                }
                let byte = raw[index]
                if byte < 0x80 { index += 1; continue }
                let length: Int
                switch byte {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return nil
                }
                let present = min(length, count - index)
                if present < length, !checkingTail { return count - index }
                for offset in 1..<present where raw[index + offset] & 0xC0 != 0x80 { return nil }
                if present < length { return count - index }
                index += length
            }
            return 0
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Windows-1252's 0x80–0x9F; the rest of the high half is Latin-1.
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let code: UInt32 = (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return Array(String(scalars).utf8)
    }
}
