import Foundation
import FuzzSupport
import RealiseImport
import RealiseModel

/// `--programme` and `--link-field` values, as `realise import` hands them over: the CLI checks neither and
/// passes them to the importers as typed (`PlanInputOptions.read`), so any string a command line can hold
/// (every byte but NUL, decoded as `CommandLine.arguments` decodes it, invalid UTF-8 repaired) is reachable.
///
/// The input is `FLAGS PROGRAMME \0 ALIAS \0 ALIAS … \0\0 BODY`: bit 0 of the first byte says whether
/// `--programme` is given (then the first NUL-separated value is it, else every value is an alias); no
/// alias at all means the defaults, as on the command line. A BODY is read by the MS Project, register CSV
/// and realise-xml importers; without one, a fixed MS Project file (with link fields) and a fixed register
/// are read, and every entity they give must carry the programme given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let flags = bytes.first else { return 0 }
    let (head, body) = FuzzInput.cut(Array(bytes.dropFirst()), at: [0, 0])
    var values = head.isEmpty ? [] : head.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let programme = flags & 1 == 1 ? (values.isEmpty ? "" : values.removeFirst()) : nil
    let options = ImportOptions(programme: programme, linkFields: values.isEmpty ? ImportOptions.defaultLinkFields : values)
    let importers: [any PlanImporter] = [MSPDIImporter(), RegisterCSVImporter(), RealiseXMLImporter()]
    if body.isEmpty {
        for (importer, path) in zip(importers, fixed) { read(importer, path: path, options: options, fixed: true) }
    } else {
        let path = FuzzInput.path(ext: "txt")
        FuzzInput.save(body, to: path)
        for importer in importers { read(importer, path: path, options: options, fixed: false) }
    }
    return 0
}

/// Reads a file with the options; a fixed file must import, and with `--programme` every entity it gives
/// belongs to that programme (neither fixed file names one of its own).
func read(_ importer: some PlanImporter, path: String, options: ImportOptions, fixed: Bool) {
    do {
        let result = try importer.read(path: path, options: options)
        FuzzInput.check(result, path: path)
        guard fixed, let programme = options.programme else { return }
        let plan = result.plan
        let programmes = plan.objectives.map(\.programme) + plan.benefits.map(\.programme)
            + plan.deliverables.map(\.programme) + plan.metrics.map(\.programme)
        if programmes.isEmpty || programmes.contains(where: { $0 != programme }) {
            FuzzInput.fail("--programme \(programme.debugDescription) gave the programmes \(programmes) in \(path)")
        }
    } catch {
        if fixed { FuzzInput.fail("the fixed \(path) failed with options \(options): \(error)") }
        FuzzInput.check(error, path: path)
    }
}

/// The fixed MS Project file and register, written once per process into the per-process folder.
let fixed: [String] = [("mspdi.xml", FixedFiles.mspdi), ("register.csv", FixedFiles.register)].map { name, text in
    let path = FuzzInput.folder + "/" + name
    FuzzInput.save(Array(text.utf8), to: path)
    return path
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_options_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
