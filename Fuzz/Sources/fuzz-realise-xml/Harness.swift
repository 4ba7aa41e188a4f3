import FuzzSupport
import RealiseImport

/// Realise plan XML: `RealiseXMLImporter.read(path:options:)` (libxml2 with the XSD plugged in).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.read(RealiseXMLImporter(), data, size, ext: "xml")
}

/// The entry point SwiftPM links `main` to (see `FuzzInput.runDriver`).
@_cdecl("fuzz_realise_xml_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzInput.runDriver(argc, argv, fuzz)
}
