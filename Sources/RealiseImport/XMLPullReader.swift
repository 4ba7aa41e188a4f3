import RealiseModel
import CLibXML2
import Foundation

/// A streaming XML reader over libxml2's `xmlTextReader`: the one place Realise touches the C library.
///
/// Safe by construction: a DOCTYPE is refused before libxml2 reads the file (`XMLProlog`), so no entity is
/// ever declared, expanded or fetched and no DTD loaded; the network is never used; compressed files are not
/// inflated; nesting is limited by Realise's own check (`FieldLimits.xmlDepth`) and libxml2's limits on
/// nesting and text length stand behind it; and each reader has its own structured error
/// handler (no process-wide libxml2 state is changed, since Foundation shares the library). Optionally
/// validates against an XSD while streaming.
final class XMLPullReader {
    /// The node kinds importers care about.
    enum Node { case element, endElement, text, doctype, other }

    private let reader: xmlTextReaderPtr
    private let descriptor: Int32
    private let errors: ErrorSink
    private lazy var locator = XMLLineLocator(path: path)
    let path: String
    /// The name diagnostics give the file: its path, or a part of a workbook extracted to `path`.
    let name: String

    /// Collects libxml2's errors for one reader.
    private final class ErrorSink {
        var diagnostics: [Diagnostic] = []
        /// A text or attribute value read was longer than `FieldLimits.characters`: the next `next()` throws.
        var tooLong = false
        let path: String
        init(path: String) { self.path = path }
    }

    /// Opens `path` for streaming, validating against the XSD at `schemaPath` when given; diagnostics name the
    /// file `name` (default: its path).
    /// - Throws: `.fileNotFound` / `.unreadable`; `.invalid` when the prolog holds a DOCTYPE or the file is in
    ///   an encoding whose markup the prolog check cannot read (see `XMLProlog`), before libxml2 reads a byte.
    init(path: String, schemaPath: String? = nil, name: String? = nil) throws(ImportError) {
        self.path = path
        let name = name ?? path
        self.name = name
        // One descriptor for the check and the parse, so both read the same file.
        let descriptor = try XMLSource.open(path: path, name: name)
        let options = XMLSource.options
        xmlResetLastError()
        guard let reader = xmlReaderForFd(descriptor, path, nil, options) else {
            close(descriptor)
            throw .unreadable(path: path, reason: "libxml2 could not open it")
        }
        self.descriptor = descriptor
        self.reader = reader
        errors = ErrorSink(path: name)
        let context = Unmanaged.passUnretained(errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
            let level = error.pointee.level
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            let diagnostic = Diagnostic(.error, path: sink.path, line: Int(error.pointee.line), column: Int(error.pointee.int2),
                                        XMLPullReader.clarified(message))
            // libxml2 repeats some errors (once per attempt to read past them): each is reported once.
            if sink.diagnostics.last != diagnostic { sink.diagnostics.append(diagnostic) }
        }, context)
        if let schemaPath, xmlTextReaderSchemaValidate(reader, schemaPath) != 0 {
            throw .unreadable(path: schemaPath, reason: "the XML schema could not be loaded")
        }
    }

    /// Bytes of the file parsed so far.
    var bytesConsumed: Int { max(Int(xmlTextReaderByteConsumed(reader)), 0) }

    /// The file's size in bytes (0 when it cannot be had).
    lazy var fileSize: Int = FileDigest.size(path: path)

    /// libxml2's message, trimmed, with the limits Realise keeps (it never parses with XML_PARSE_HUGE) said
    /// in words a user can act on rather than as the parser option that would lift them.
    static func clarified(_ message: String) -> String {
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if message == "Char 0x0 out of allowed range" {
            return "a NUL byte, which XML never holds: binary content (\(message))"
        }
        if message.hasPrefix("Excessive depth in document") {
            // libxml2's own limit, met only when it parses further ahead than Realise's own check has read.
            return tooDeep(256)
        }
        let limits = ["huge text node", "Huge input lookup", "Name too long", "AttValue length too long", "Comment too big",
                      "CData section too big", "too big found", "text too long"]
        if limits.contains(where: message.contains) {
            return "a text, name or value is longer than the XML parser allows (10 MB for a text, 50 000 characters for a name), "
                + "which no plan needs; the file is refused (\(message))"
        }
        return message
    }

    // Runs also when `init` throws after `reader` is set, so the reader is freed and the file closed exactly once.
    deinit {
        xmlFreeTextReader(reader)
        close(descriptor)
    }

    /// Advances to the next node. Returns false at the end of the document.
    /// - Throws: `ImportError.invalid` with every error libxml2 reported, when the document is malformed.
    func next() throws(ImportError) -> Bool {
        let status = xmlTextReaderRead(reader)
        if status < 0 || (status == 0 && !errors.diagnostics.isEmpty) || errors.tooLong {
            var found = errors.diagnostics
            if status < 0, let last = xmlGetLastError(), last.pointee.code != 0 {
                // With schema validation plugged in, libxml2 2.9 reports well-formedness errors only to the
                // (thread-local) last-error slot, not to the reader's handler: after the schema's own errors.
                let message = XMLPullReader.clarified(last.pointee.message.map { String(cString: $0) } ?? "")
                let diagnostic = Diagnostic(.error, path: name, line: Int(last.pointee.line), column: Int(last.pointee.int2), message)
                if !found.contains(where: { $0.line == diagnostic.line && $0.message == diagnostic.message }) {
                    found.append(diagnostic)
                }
            }
            if status < 0, rootIsOpen {
                // What libxml2's reader says when the file stops inside the root element.
                for index in found.indices where found[index].message == "Extra content at the end of the document" {
                    found[index].message = "the file ends before its root element is closed: it is truncated"
                }
            }
            if found.isEmpty { found = [Diagnostic(.error, path: name, line: line, "the file is not well-formed XML")] }
            throw .invalid(found)
        }
        if status == 1, xmlTextReaderDepth(reader) >= FieldLimits.xmlDepth,
           xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
            throw .invalid([Diagnostic(.error, path: name, line: line, XMLPullReader.tooDeep(FieldLimits.xmlDepth))])
        }
        return status == 1
    }

    /// The message for elements nested deeper than `levels`.
    static func tooDeep(_ levels: Int) -> String {
        "elements are nested more than \(levels) deep, which no plan needs; the file is refused"
    }

    /// Whether the last node read lies inside the root element (or is its start tag).
    private var rootIsOpen: Bool {
        xmlTextReaderDepth(reader) > 0
            || (xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) && xmlTextReaderIsEmptyElement(reader) != 1)
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

    /// The current node's local name as libxml2 holds it (valid until the reader moves on): for readers that
    /// compare names by byte rather than make a string of each, as a sheet of a million rows needs.
    var localNamePointer: UnsafePointer<CChar>? {
        xmlTextReaderConstLocalName(reader).map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
    }

    /// Calls `body` with each attribute of the current element as its local name and value, as libxml2 holds
    /// them (valid only during the call; no string is made). For short attributes read by byte, such as a
    /// cell's reference and type; `attribute(_:)` checks a value's length, this does not.
    func forEachAttribute(_ body: (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Void) {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        repeat {
            if let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) {
                body(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
    }

    /// The current node's namespace URI.
    var namespaceURI: String? { xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } }

    /// Whether the current element is written `<x/>` (no end-element node follows).
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Depth of the current node (the root is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Text of the current text node. A text longer than `FieldLimits.characters` is an error, thrown by the
    /// next call to `next()`.
    var value: String { checked(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "", "the text of <\(parentName)>") }

    /// The local name of the current node's parent element (for messages).
    private var parentName: String {
        guard let name = xmlTextReaderCurrentNode(reader)?.pointee.parent?.pointee.name else { return "?" }
        return String(cString: name)
    }

    /// `text`, after recording an error when it is longer than `FieldLimits.characters`.
    private func checked(_ text: String, _ what: @autoclosure () -> String) -> String {
        if text.utf8.count > FieldLimits.characters, FieldLimits.isTooLong(text) {
            errors.tooLong = true
            errors.diagnostics.append(FieldLimits.diagnostic(path: name, line: line, column: 0, length: text.count, what: what()))
        }
        return text
    }

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
        return checked(String(cString: raw), "attribute '\(name)'")
    }

    /// Every attribute of the current element as (local name, value), in document order.
    func attributes() -> [(String, String)] {
        var result: [(String, String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            let value = checked(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "", "attribute '\(name)'")
            if !(xmlTextReaderConstPrefix(reader).map { String(cString: $0) } == "xmlns" || name == "xmlns") {
                result.append((name, value))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return result
    }
}
