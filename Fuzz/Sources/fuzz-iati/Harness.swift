import FuzzSupport
import RealiseImport

/// IATI activity XML: `IATIImporter.read(path:options:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.read(IATIImporter(), data, size, ext: "xml")
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_iati_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
