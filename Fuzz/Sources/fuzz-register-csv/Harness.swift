import FuzzSupport
import RealiseImport

/// Benefits register CSV: `RegisterCSVImporter.read(path:options:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.read(RegisterCSVImporter(), data, size, ext: "csv")
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_register_csv_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
