/// A fingerprint of a row's content: 64-bit FNV-1a over its values, each tagged with its kind, so that an import
/// can tell an entity restated unchanged (nothing to keep in history) from one whose content changed, by comparing
/// one stored number instead of loading the old entity. Hand-written: a few lines, and no library of this machine
/// offers a stable non-cryptographic hash (`Hasher` is seeded per process).
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The fingerprint of the values added so far, as stored.
    var fingerprint: Int64 { Int64(bitPattern: value) }

    mutating func add(_ value: SQLValue) {
        switch value {
        case .null: add(byte: 0)
        case .integer(let number):
            add(byte: 1)
            add(bits: UInt64(bitPattern: number))
        case .real(let number):
            add(byte: 2)
            // 52 and 52.0 are one number; -0 and 0 too.
            add(bits: (number == 0 ? 0 : number).bitPattern)
        case .text(let text):
            add(byte: 3)
            for byte in text.utf8 { add(byte: byte) }
            add(byte: 0xff)
        }
    }

    /// Adds a text given as its UTF-8 bytes: the same as adding `.text` of them.
    mutating func add(text bytes: ArraySlice<UInt8>) {
        add(byte: 3)
        for byte in bytes { add(byte: byte) }
        add(byte: 0xff)
    }

    private mutating func add(bits: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    private mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
