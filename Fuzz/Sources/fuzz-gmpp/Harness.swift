import FuzzSupport
import RealiseImport

/// GMPP CSV (rows or transposed): `GMPPImporter.read(path:options:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.read(GMPPImporter(), data, size, ext: "csv")
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_gmpp_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
