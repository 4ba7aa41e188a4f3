import FuzzSupport
import RealiseImport

/// What `realise import` does with a file of unknown format: `ImporterRegistry.standard.detect(path:)` sniffs
/// it, the importer found reads it, and the plan is validated as the workspace would hold it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.withFile(data, size, ext: "txt") { path throws(ImportError) in
        let importer = try ImporterRegistry.standard.detect(path: path)
        FuzzInput.check(try importer.read(path: path, options: .init()), path: path)
    }
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_sniff_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
