import FuzzSupport
import RealiseImport

/// The CSV reader in memory, through its public API: `CSVReader(bytes:path:)` (decoding, delimiter detection,
/// RFC 4180 parsing with line numbers) and `FileHead(path:bytes:)` (the sniffing of a header row or XML root).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let head = FileHead(path: "fuzz.csv", bytes: bytes)
    if head.rootElement != nil, !head.headerKeys.isEmpty { FuzzInput.fail("a head with both an XML root and a header row") }
    do {
        let csv = try CSVReader(bytes: bytes, path: "fuzz.csv")
        guard [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].contains(csv.delimiter) else {
            FuzzInput.fail("delimiter \(csv.delimiter)")
        }
        // Records start on lines that only grow, from line 1; a record is never the lone empty field of a blank line.
        var previous = 0
        for record in csv.records {
            if record.line <= previous { FuzzInput.fail("record line \(record.line) after \(previous)") }
            if record.fields.isEmpty || (record.fields.count == 1 && record.fields[0].isEmpty) {
                FuzzInput.fail("an empty record at line \(record.line)")
            }
            previous = record.line
        }
    } catch {
        FuzzInput.check(error, path: "fuzz.csv")
    }
    return 0
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_csv_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
