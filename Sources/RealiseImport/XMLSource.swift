import RealiseModel
import CLibXML2
import Foundation

/// Opening an XML file for libxml2, shared by `XMLPullReader` and `XMLSAXParser`: the file is opened once,
/// and its prolog checked (`XMLProlog`) on that descriptor before libxml2 reads a byte of it.
enum XMLSource {
    /// NONET: never touch the network. BIG_LINES: true line numbers past 65535. No NOENT, DTDLOAD, DTDVALID,
    /// XINCLUDE, RECOVER or HUGE: entities stay unexpanded, external DTDs unloaded, and libxml2's limits (256
    /// levels of nesting, 10 MB texts) stand. CDATA is kept as CDATA nodes (NOCDATA loses it when a schema
    /// is plugged in).
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private static let initialise: Void = { xmlInitParser() }()

    /// A descriptor open on `path` whose prolog holds no DOCTYPE and whose encoding the check can read;
    /// diagnostics name the file `name`. The caller closes it.
    /// - Throws: `.fileNotFound` / `.unreadable`; `.invalid` when the prolog holds a DOCTYPE or the file is in
    ///   an encoding whose markup the prolog check cannot read (see `XMLProlog`).
    static func open(path: String, name: String) throws(ImportError) -> Int32 {
        _ = XMLSource.initialise
        // libxml2 reads the descriptor as plain bytes: it never gunzips (a compressed file is binary, not a
        // plan, and a gzip bomb must not inflate behind the file's back), and it never closes the descriptor.
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? .fileNotFound(path: path) : .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        guard let problem = XMLProlog.problem(descriptor: descriptor) else { return descriptor }
        close(descriptor)
        switch problem {
        case .doctype(let line):
            throw .invalid([Diagnostic(.error, path: name, line: line,
                "a DOCTYPE is not allowed (entities and DTDs are never loaded); remove it")])
        case .encoding(let encoding, let line):
            throw .invalid([Diagnostic(.error, path: name, line: line,
                "the file is encoded in \(encoding), which Realise does not read; save it as UTF-8")])
        case .notXML(let line):
            throw .invalid([Diagnostic(.error, path: name, line: line,
                "the file is not XML: it does not start with '<' (binary or compressed content, or another format)")])
        }
    }
}
