import RealiseModel
import CLibXML2
import Foundation

/// An element or attribute name as libxml2's dictionary holds it: within one parse, equal names are equal
/// pointers, so a reader compares names by pointer (`XMLSAXParser.intern`) and makes a string of none.
typealias XMLName = UnsafePointer<xmlChar>

/// What a format's reader does with the elements an `XMLSAXParser` reads.
protocol XMLSAXHandler: AnyObject {
    /// An element starts; `parser.text` holds the text read since the previous start or end of an element.
    func start(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError)
    /// The element called `name` ends (an empty element ends right after it starts); `parser.text` as for `start`.
    func end(_ name: XMLName, _ parser: XMLSAXParser) throws(ImportError)
}

/// A streaming XML parser over libxml2's SAX2 push interface, for the readers of large files (MSPDI, IATI):
/// they see names as dictionary pointers and texts as bytes, and make a Swift value only of what they keep.
/// Measured on a 100 000-task MSPDI file, libxml2's `xmlTextReader` alone costs 2.3 times a SAX2 parse,
/// before any string is made; hence this second front to libxml2 beside `XMLPullReader`.
///
/// It keeps every safety property of `XMLPullReader` and says the same things: the file is opened and its
/// prolog checked by `XMLSource` (a DOCTYPE is refused before libxml2 reads a byte), with the same parser
/// options (no network, no entity expansion, libxml2's limits kept); nesting deeper than
/// `FieldLimits.xmlDepth` is refused by Realise's own check; a text (a run of characters, or of adjacent CDATA
/// sections, between markup) longer than `FieldLimits.characters` is refused while text is kept; errors go to a
/// structured handler of this parser's own. The file is pushed to libxml2 in the slices `xmlTextReader`
/// pushes (4 bytes, then 512 at a time), so that libxml2 reports the same errors at the same places.
final class XMLSAXParser {
    let path: String
    /// The name diagnostics give the file.
    let name: String
    private let descriptor: Int32
    /// The file, in the slices libxml2 is handed.
    private var slices: XMLSlices
    // Set by the callbacks (`XMLSAXParser+Events.swift`) as well as here.
    var context: xmlParserCtxtPtr?
    var handler: (any XMLSAXHandler)?
    /// Errors libxml2 reported, and Realise's own.
    var diagnostics: [Diagnostic] = []
    /// The error that stopped the parse from inside a callback.
    var failure: ImportError?
    /// The open elements, the text and the text node being read (see `XMLSAXState`).
    let state: UnsafeMutablePointer<XMLSAXState>

    /// Whether text is collected into `text` (and checked against the limit). A reader turns it off where
    /// it keeps nothing, and `XMLPullReader`'s readers would not have read the text either.
    var keepsText: Bool {
        get { state.pointee.keepsText }
        set { state.pointee.keepsText = newValue }
    }

    /// The text read since the last start or end of an element, while `keepsText`; valid until the parser
    /// goes on.
    var text: UnsafeBufferPointer<UInt8> { state.pointee.text }

    /// The name of the open element at `depth` (the root's is 0), up to the element being started or ended.
    func openName(_ depth: Int) -> XMLName { state.pointee.open[depth] }

    /// Opens `path`; diagnostics name the file `name` (default: its path).
    /// - Throws: as `XMLSource.open`, before libxml2 reads a byte.
    init(path: String, name: String? = nil) throws(ImportError) {
        self.path = path
        self.name = name ?? path
        descriptor = try XMLSource.open(path: path, name: name ?? path)
        slices = XMLSlices(descriptor: descriptor)
        state = .allocate(capacity: 1)
        state.initialize(to: XMLSAXState())
        xmlResetLastError()
        // Created with the first 4 bytes, as `xmlTextReader` creates its parser; this parser, fully
        // initialised by now, is the callbacks' user data from the start.
        let head = slices.head()
        var callbacks = XMLSAXParser.callbacks()
        let user = Unmanaged.passUnretained(self).toOpaque()
        let created = head.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { xmlCreatePushParserCtxt(&callbacks, user, $0.isEmpty ? nil : $0.baseAddress, Int32($0.count), path) }
        }
        // When this throws, deinit closes the descriptor (self is initialised).
        guard let context = created else {
            throw .unreadable(path: path, reason: "libxml2 could not open it")
        }
        self.context = context
        xmlCtxtUseOptions(context, XMLSource.options)
    }

    deinit {
        state.pointee.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
        if let context {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
        close(descriptor)
    }

    /// libxml2's dictionary entry for `name`: the pointer every element of that name is given.
    func intern(_ name: String) -> XMLName {
        var name = name
        return name.withUTF8 { xmlDictLookup(context?.pointee.dict, $0.baseAddress, Int32($0.count)) }!
    }

    /// Bytes of the file parsed so far.
    var bytesConsumed: Int { max(Int(xmlByteConsumed(context)), 0) }

    /// The file's size in bytes (0 when it cannot be had).
    lazy var fileSize: Int = FileDigest.size(path: path)

    /// The depth of the element being started or ended (the root is 0).
    var depth: Int { state.pointee.depth - 1 }

    /// libxml2's current line.
    var line: Int { Int(context?.pointee.input?.pointee.line ?? 0) }

    /// The line where the start tag just read begins. libxml2's own line is where the tag ends (an element's
    /// attributes may span lines); the tag is still in libxml2's buffer, ending where it stands, and holds no
    /// other `<`, so the lines back to its `<` are counted.
    func startLine() -> Int {
        let line = self.line
        guard let input = context?.pointee.input?.pointee, let base = input.base, var cursor = input.cur else { return line }
        var newlines = 0
        while cursor > base {
            cursor -= 1
            if cursor.pointee == UInt8(ascii: "<") { return line - newlines }
            if cursor.pointee == 10 { newlines += 1 }
        }
        return line
    }

    /// Parses the whole file, calling `handler`.
    /// - Throws: `ImportError.invalid` with every error libxml2 reported when the document is malformed, or
    ///   Realise's own (nesting, text length); what `handler` throws.
    func parse(_ handler: some XMLSAXHandler) throws(ImportError) {
        self.handler = handler
        defer { self.handler = nil }
        var status: Int32 = 0
        while slices.next({ bytes, terminate in
            status = bytes.withMemoryRebound(to: CChar.self) { xmlParseChunk(context, $0.baseAddress, Int32($0.count), terminate ? 1 : 0) }
        }) {
            if let failure { throw failure }
            if status != 0 || context?.pointee.wellFormed == 0 { throw malformed(status: status) }
        }
        if !diagnostics.isEmpty { throw .invalid(diagnostics) }
    }
}
