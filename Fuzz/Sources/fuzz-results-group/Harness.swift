import Foundation
import FuzzSupport
import RealiseImport
import RealiseModel

/// IATI results CSV as a group of tables, read as `realise import FOLDER` does: the input is cut at form
/// feeds (`\f`, byte 0x0C) into up to four files, written into the per-process folder as the tables of one
/// unit, and `ImporterRegistry.standard.readAll(paths:)` sniffs each, groups the `results-csv` tables of the
/// folder into one unit and joins them (`ResultsCSVImporter.read(group:options:into:)`); a part that is
/// another format, or none, is a unit of its own, as on the command line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = FuzzInput.split(FuzzInput.bytes(data, size), on: 0x0C, maxParts: tableNames.count)
    let folder = FuzzInput.folder
    // The tables of the last input that this one does not have must go, or they would join in.
    for (index, name) in tableNames.enumerated() {
        let path = folder + "/" + name
        if index < parts.count { FuzzInput.save(parts[index], to: path) } else { unlink(path) }
    }
    do {
        let loaded = try ImporterRegistry.standard.readAll(paths: [folder])
        check(loaded, files: parts.count)
    } catch {
        FuzzInput.check(error, path: folder)
    }
    return 0
}

/// The names okfn_iati's conversion gives the tables (the reader tells them apart by header, not by name).
let tableNames = ["activities.csv", "results.csv", "indicators.csv", "indicator_periods.csv"]

/// Invariants of a folder read: every plan is sound (see `FuzzInput.check`); the `results-csv` tables form
/// at most one unit, which names the folder when it joins several; and every file is in exactly one unit.
func check(_ loaded: [LoadedFile], files: Int) {
    for file in loaded { FuzzInput.check((file.plan, file.warnings), path: file.path) }
    let grouped = loaded.filter { $0.format == ImportFormat.resultsCSV.rawValue }
    if grouped.count > 1 { FuzzInput.fail("\(grouped.count) results-csv units from one folder") }
    if let group = grouped.first, group.parts.count > 1, !group.path.hasSuffix("/") {
        FuzzInput.fail("a group of \(group.parts.count) tables with the path \(group.path)")
    }
    let parts = loaded.flatMap(\.parts)
    if parts.count != files || Set(parts).count != files {
        FuzzInput.fail("\(files) files read as the parts \(parts)")
    }
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_results_group_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
