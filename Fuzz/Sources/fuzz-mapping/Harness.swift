import Foundation
import FuzzSupport
import RealiseImport
import RealiseModel

/// The YAML `--mapping` file: the input is parsed by `MappingFile.load(path:)` (Yams, that is libyaml), and a
/// mapping that loads is used as `realise import --mapping` uses it, on two small fixed registers: the
/// registry sniffs each with the mapping (`detect(path:options:)`), and the importer found reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.withFile(data, size, ext: "yaml") { path throws(ImportError) in
        let mapping = try MappingFile.load(path: path)
        for register in registers { read(register, mapping: mapping) }
    }
}

/// The registers, written once per process: one whose headers only a mapping makes sense of, one with
/// Realise's own headers (which a mapping may rename away or make clash).
let registers: [String] = {
    let files = [
        ("odd-headers", """
            Ref No,What we get,Lead,Strategic Aim,KPI Ref,KPI,Start Point,Start Point Date,Goal,Goal Date
            B-100,Cleaner air,Environment Officer,OBJ-9,M-100,NO2 concentration,40,2024-01-01,30,2028-01-01

            """),
        ("register", """
            Benefit ID,Description,Type,Objectives,Enablers,Benefit Owner,Metric ID,Metric Name,Unit,Direction,Baseline Value,Baseline Date,Target Value,Target Date
            BEN-1,Shorter journeys,benefit,OBJ-1;OBJ-2,DEL-1|DEL-2,Head of Transport,MET-1,Average journey time,minutes,decrease,68,2023-09-30,58,2028-03-31
            BEN-2,"Fewer missed connections, more punctual",Benefit,"OBJ-1, OBJ-3",DEL-3,Ops Lead,MET-1,Average journey time,minutes,decrease,68,2023-09-30,58,2028-03-31

            """),
    ]
    return files.map { name, text in
        let path = FuzzInput.folder + "/\(name).csv"
        FuzzInput.save(Array(text.utf8), to: path)
        return path
    }
}()

/// Reads one register with the mapping. The mapping is a dictionary, so the order its pairs are visited in
/// varies from one process (and one dictionary capacity) to the next: the same mapping copied into a
/// dictionary of another capacity must give the same plan, or the import would depend on chance.
func read(_ path: String, mapping: [String: String]) {
    var copy = [String: String](minimumCapacity: max(64, mapping.count * 8))
    for (header, column) in mapping.reversed() { copy[header] = column }
    let first = outcome(path, mapping: mapping)
    let second = outcome(path, mapping: copy)
    if first != second { FuzzInput.fail("the mapping \(mapping) reads \(path) as \(first) once and \(second) once") }
}

/// What reading gives, in brief: the plan's ids and counts and the warnings, or the first error.
func outcome(_ path: String, mapping: [String: String]) -> String {
    let options = ImportOptions(columnMapping: mapping)
    do {
        let importer = try ImporterRegistry.standard.detect(path: path, options: options)
        let result = try importer.read(path: path, options: options)
        FuzzInput.check(result, path: path)
        let ids = result.plan.entityIndex.map { "\($0.type):\($0.id)" }.joined(separator: " ")
        let warnings = result.warnings.map(\.message).joined(separator: "; ")
        return "\(importer.format.rawValue) [\(ids)] \(result.plan.counts.summary), warnings: \(warnings)"
    } catch {
        FuzzInput.check(error, path: path)
        return "error: \(error.diagnostics.first.map(\.message) ?? "")"
    }
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_mapping_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
