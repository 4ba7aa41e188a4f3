import Foundation

/// The elements and attributes of a worksheet that matter, told by the bytes of their local names: a sheet
/// of a million rows has tens of millions of them, too many to make a string of each.
enum SheetTag {
    case row, cell, value, formula, text, phonetic, sheetData, other

    init(_ name: UnsafePointer<CChar>?) {
        guard let name else { self = .other; return }
        if name[1] == 0 {
            switch UInt8(bitPattern: name[0]) {
            case UInt8(ascii: "c"): self = .cell
            case UInt8(ascii: "v"): self = .value
            case UInt8(ascii: "f"): self = .formula
            case UInt8(ascii: "t"): self = .text
            default: self = .other
            }
        } else if strcmp(name, "row") == 0 {
            self = .row
        } else if strcmp(name, "rPh") == 0 {
            self = .phonetic
        } else if strcmp(name, "sheetData") == 0 {
            self = .sheetData
        } else {
            self = .other
        }
    }

    /// The one-letter attribute name `name` is (`r`, `t`, `s`), as its byte; 0 for any other.
    static func attribute(_ name: UnsafePointer<CChar>) -> UInt8 {
        name[1] == 0 ? UInt8(bitPattern: name[0]) : 0
    }

    /// A decimal number written in `text`; nil when it is not one (or is too long to be a row or style).
    static func integer(_ text: UnsafePointer<CChar>) -> Int? {
        var value = 0, index = 0
        while text[index] != 0 {
            let digit = Int(text[index]) - 48
            guard (0...9).contains(digit), index < 12 else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return index == 0 ? nil : value
    }

    /// The column of a cell reference such as `C12` or `$C$12` (1-based), nil when it has no column letters.
    static func column(_ reference: UnsafePointer<CChar>) -> Int? {
        var column = 0, index = 0
        if reference[0] == 36 { index = 1 }  // `$`
        while true {
            let byte = UInt8(bitPattern: reference[index]) & ~0x20
            guard (65...90).contains(byte) else { break }
            column = column * 26 + Int(byte - 64)
            index += 1
            guard index <= 4 else { return nil }
        }
        return column > 0 && column <= 16_384 ? column : nil
    }
}
