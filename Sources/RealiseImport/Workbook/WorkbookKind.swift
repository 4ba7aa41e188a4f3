import Foundation
import RealiseModel
import ZIPFoundation

/// What a file that looks like a spreadsheet is, told by content: an Office Open XML workbook (`.xlsx`,
/// `.xlsm`, whatever the name), or one of the spreadsheets Realise refuses with a message saying what to do.
enum WorkbookKind: Equatable {
    /// A ZIP holding `[Content_Types].xml` and `xl/workbook.xml`.
    case workbook
    /// A ZIP that starts like a workbook but whose directory cannot be read.
    case damaged
    /// An OpenDocument spreadsheet (`.ods`).
    case openDocument
    /// An OLE2 compound file holding an `EncryptedPackage`: a password-protected workbook.
    case encrypted
    /// An OLE2 compound file of another kind: a legacy `.xls` (BIFF) workbook, or another old Office file.
    case legacy

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The kind of the file whose head this is; nil when it is no spreadsheet.
    static func of(_ head: FileHead) -> WorkbookKind? {
        let path = head.path, magic = head.bytes
        if magic.starts(with: oleMagic) { return containsUTF16(path: path, "EncryptedPackage") ? .encrypted : .legacy }
        guard magic.starts(with: zipMagic) else { return nil }
        guard let archive = WorkbookKind.archive(path) else {
            // The names of the first parts stand in their local headers at the start of the file.
            let names = String(decoding: magic, as: UTF8.self)
            return names.contains("[Content_Types].xml") || names.contains("xl/") ? .damaged : nil
        }
        if archive["[Content_Types].xml"] != nil, archive["xl/workbook.xml"] != nil { return .workbook }
        if archive["mimetype"] != nil, archive["content.xml"] != nil { return .openDocument }
        return nil
    }

    /// The archive at `path`, nil when its directory cannot be read.
    private static func archive(_ path: String) -> Archive? {
        do { return try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil) } catch { return nil }
    }

    /// The one-line refusal for a kind Realise does not read; nil for a workbook.
    func refusal(_ path: String) -> ImportError? {
        let message: String
        switch self {
        case .workbook: return nil
        case .damaged:
            message = "the workbook is damaged or truncated (its ZIP directory cannot be read); open it in Excel and save it again"
        case .openDocument:
            message = "this is an OpenDocument spreadsheet (.ods), which Realise does not read; save it as an Excel workbook (.xlsx) and import that"
        case .encrypted:
            message = "the workbook is encrypted (password-protected); remove the password and save again, then import it"
        case .legacy:
            message = "this is a legacy Excel 97-2003 workbook (.xls) or another old Office file, which Realise does not read; "
                + "save it as .xlsx (Excel Workbook) and import that"
        }
        return .invalid([Diagnostic(.error, path: path, line: 0, message)])
    }

    /// Whether the file holds `name` in UTF-16LE (how OLE2 directory entries are named), read a chunk at a
    /// time over its first 64 MiB.
    private static func containsUTF16(path: String, _ name: String) -> Bool {
        let needle = Array(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var carry: [UInt8] = []
        var read = 0
        while read < 64 << 20, let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
            read += data.count
            let bytes = carry + [UInt8](data)
            if bytes.count >= needle.count {
                for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                    if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
                }
            }
            carry = Array(bytes.suffix(needle.count - 1))
        }
        return false
    }
}
