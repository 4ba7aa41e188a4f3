import RealiseModel
import CLibXML2
import Foundation

/// A streaming XML reader over libxml2's `xmlTextReader`: the one place Realise touches the C library.
///
/// Safe by construction: the network is never used, external entities and DTDs are never loaded or
/// substituted, and each reader has its own structured error handler (no process-wide libxml2 state is
/// changed, since Foundation shares the library). Optionally validates against an XSD while streaming.
final class XMLPullReader {
    /// The node kinds importers care about.
    enum Node { case element, endElement, text, doctype, other }

    private let reader: xmlTextReaderPtr
    private let errors: ErrorSink
    private lazy var locator = XMLLineLocator(path: path)
    let path: String

    /// Collects libxml2's errors for one reader.
    private final class ErrorSink {
        var diagnostics: [Diagnostic] = []
        let path: String
        init(path: String) { self.path = path }
    }

    private static let initialise: Void = { xmlInitParser() }()

    /// Opens `path` for streaming, validating against the XSD at `schemaPath` when given.
    init(path: String, schemaPath: String? = nil) throws(ImportError) {
        _ = XMLPullReader.initialise
        self.path = path
        // NONET: never touch the network. BIG_LINES: true line numbers past 65535. No NOENT, DTDLOAD, DTDVALID,
        // XINCLUDE or RECOVER: entities stay unexpanded and external DTDs unloaded. CDATA is kept as CDATA
        // nodes (NOCDATA loses it when a schema is plugged in).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        xmlResetLastError()
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw .unreadable(path: path, reason: "libxml2 could not open it")
        }
        self.reader = reader
        errors = ErrorSink(path: path)
        let context = Unmanaged.passUnretained(errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
            let level = error.pointee.level
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            message = message.trimmingCharacters(in: .whitespacesAndNewlines)
            sink.diagnostics.append(Diagnostic(.error, path: sink.path, line: Int(error.pointee.line),
                                               column: Int(error.pointee.int2), message))
        }, context)
        if let schemaPath, xmlTextReaderSchemaValidate(reader, schemaPath) != 0 {
            throw .unreadable(path: schemaPath, reason: "the XML schema could not be loaded")
        }
    }

    /// Bytes of the file parsed so far.
    var bytesConsumed: Int { max(Int(xmlTextReaderByteConsumed(reader)), 0) }

    /// The file's size in bytes (0 when it cannot be had).
    lazy var fileSize: Int = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0

    // Runs also when `init` throws after `reader` is set, so the reader is freed exactly once.
    deinit { xmlFreeTextReader(reader) }

    /// Advances to the next node. Returns false at the end of the document.
    /// - Throws: `ImportError.invalid` with every error libxml2 reported, when the document is malformed.
    func next() throws(ImportError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status < 0 || (status == 0 && !errors.diagnostics.isEmpty) {
            var found = errors.diagnostics
            if found.isEmpty, let last = xmlGetLastError(), last.pointee.code != 0 {
                // With schema validation plugged in, libxml2 2.9 reports well-formedness errors only to the
                // (thread-local) last-error slot, not to the reader's handler.
                let message = last.pointee.message.map { String(cString: $0) } ?? "the file is not well-formed XML"
                found = [Diagnostic(.error, path: path, line: Int(last.pointee.line), column: Int(last.pointee.int2),
                                    message.trimmingCharacters(in: .whitespacesAndNewlines))]
            }
            if found.isEmpty { found = [Diagnostic(.error, path: path, line: line, "the file is not well-formed XML")] }
            throw .invalid(found)
        }
        return status == 1
    }

    /// Errors reported so far (schema validity errors do not stop the reader).
    var diagnostics: [Diagnostic] { errors.diagnostics }

    var node: Node {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue): .text
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue): .doctype
        default: .other
        }
    }

    /// The current node's local name.
    var localName: String { xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? "" }

    /// The current node's namespace URI.
    var namespaceURI: String? { xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } }

    /// Whether the current element is written `<x/>` (no end-element node follows).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Depth of the current node (the root is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Text of the current text node.
    var value: String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }

    /// Line of the current node in the file; for an element, the line where its start tag begins.
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(reader), xmlGetLineNo(node) > 0 else {
            return Int(xmlTextReaderGetParserLineNumber(reader))
        }
        let recorded = Int(xmlGetLineNo(node))
        guard self.node == .element, let locator else { return recorded }
        return locator.startLine(of: localName, endLine: recorded)
    }

    /// The value of the current element's attribute `name` (no namespace), or nil.
    func attribute(_ name: String) -> String? {
        let raw = name.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlTextReaderGetAttribute(reader, $0) }
        }
        guard let raw else { return nil }
        defer { realise_xml_free(raw) }
        return String(cString: raw)
    }

    /// Every attribute of the current element as (local name, value), in document order.
    func attributes() -> [(String, String)] {
        var result: [(String, String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            if !(xmlTextReaderConstPrefix(reader).map { String(cString: $0) } == "xmlns" || name == "xmlns") {
                result.append((name, value))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return result
    }
}
