import RealiseModel
import CLibXML2

/// An element's start as libxml2's SAX2 interface gives it: names are dictionary pointers, attribute values
/// byte ranges, valid only during the `XMLSAXHandler.start` call.
struct XMLSAXElement {
    let name: XMLName
    /// The namespace URI, nil when none.
    let namespace: XMLName?
    fileprivate let attributeCount: Int
    /// Five pointers per attribute: local name, prefix, URI, value start, value end.
    fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// Calls `body` with each attribute's local name and value (namespace declarations are not attributes).
    /// Without entity substitution libxml2 hands a `&` written as `&amp;` or `&#38;` over as `&#38;`, which its
    /// tree builder (and so `XMLPullReader`) turns back into `&`; `value(_:)` does the same.
    func forEachAttribute(_ body: (XMLName, UnsafeBufferPointer<UInt8>) throws(ImportError) -> Void) throws(ImportError) {
        guard let attributes else { return }
        for index in 0..<attributeCount {
            let base = attributes + index * 5
            guard let name = base[0], let start = base[3], let end = base[4] else { continue }
            try body(name, UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// An attribute value as text, with libxml2's `&#38;` made `&` again.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&#38;", with: "&")
    }
}

extension XMLSAXParser {
    /// The callbacks every parser is created with: elements, texts, comments, processing instructions and errors
    /// sent here, and nothing else. None of libxml2's own SAX2 callbacks is kept: they build a tree and take
    /// their user data for the parser context, which here is this parser. (Made for each parser: a shared one
    /// would be a global of a C type Swift cannot prove safe to share.)
    static func callbacks() -> xmlSAXHandler {
        var callbacks = xmlSAXHandler()
        callbacks.initialized = UInt32(XML_SAX2_MAGIC)
        callbacks.startElementNs = { context, name, _, namespace, _, _, count, _, attributes in
            guard let context, let name else { return }
            let element = XMLSAXElement(name: name, namespace: namespace, attributeCount: Int(count), attributes: attributes)
            Unmanaged<XMLSAXParser>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.started(element) }
        }
        callbacks.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.ended(name) }
        }
        callbacks.characters = { context, bytes, count in
            guard let context, let bytes else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.read(bytes, Int(count), isCDATA: false) }
        }
        callbacks.ignorableWhitespace = callbacks.characters
        callbacks.cdataBlock = { context, bytes, count in
            guard let context, let bytes else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.read(bytes, Int(count), isCDATA: true) }
        }
        callbacks.comment = { context, _ in
            guard let context else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endRun() }
        }
        callbacks.processingInstruction = { context, _, _ in
            guard let context else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endRun() }
        }
        callbacks.serror = { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLSAXParser>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.report(error.pointee) }
        }
        return callbacks
    }

    /// libxml2's limit on a text node without XML_PARSE_HUGE (`XML_MAX_TEXT_LENGTH`, in parserInternals.h).
    static let libxmlTextLimit = 10_000_000

    private func started(_ element: XMLSAXElement) {
        endRun()
        guard !state.pointee.stopped else { return }
        if state.pointee.depth >= FieldLimits.xmlDepth {
            stop(.invalid([Diagnostic(.error, path: name, line: startLine(), XMLPullReader.tooDeep(FieldLimits.xmlDepth))]))
            return
        }
        state.pointee.open[state.pointee.depth] = element.name
        state.pointee.depth += 1
        do throws(ImportError) { try handler?.start(element, self) } catch { stop(error) }
        state.pointee.clearText()
    }

    private func ended(_ name: XMLName) {
        endRun()
        guard !state.pointee.stopped else { return }
        do throws(ImportError) { try handler?.end(name, self) } catch { stop(error) }
        state.pointee.depth -= 1
        state.pointee.clearText()
    }

    private func read(_ bytes: UnsafePointer<xmlChar>, _ count: Int, isCDATA: Bool) {
        guard !state.pointee.stopped else { return }
        if let run = state.pointee.run, run.isCDATA != isCDATA { endRun() }
        if let run = state.pointee.run {
            // libxml2's tree builder (behind `xmlTextReader`) refuses to grow a text node past its limit, whether
            // or not the text is kept: the same words at the same place.
            if run.length + count > XMLSAXParser.libxmlTextLimit {
                report(line: line, column: Int(context?.pointee.input?.pointee.col ?? 0), "xmlSAX2Characters: huge text node")
                stop(.invalid(diagnostics))
                return
            }
            state.pointee.run?.length += count
        } else {
            // The tree builder gives a text node the line libxml2 stands at when its first piece is read.
            state.pointee.run = (state.pointee.count, line, isCDATA, count)
        }
        if state.pointee.keepsText { state.pointee.append(bytes, count) }
    }

    /// The text node being read ends: checks its length (`XMLPullReader.value` checks each text node it reads).
    func endRun() {
        guard let run = state.pointee.run else { return }
        state.pointee.run = nil
        guard state.pointee.count - run.start > FieldLimits.characters else { return }
        let node = String(decoding: UnsafeBufferPointer(rebasing: text[run.start...]), as: UTF8.self)
        guard FieldLimits.isTooLong(node) else { return }
        let depth = state.pointee.depth
        let parent = depth > 0 ? String(cString: state.pointee.open[depth - 1]) : "?"
        // A CDATA node has no line of its own in libxml2's tree: the reader said where the parser stood.
        diagnostics.append(FieldLimits.diagnostic(path: name, line: run.isCDATA ? line : run.line, column: 0,
                                                  length: node.count, what: "the text of <\(parent)>"))
        stop(.invalid(diagnostics))
    }

    /// Checks an attribute value read as `XMLPullReader.attributes()` checks it; the line is libxml2's (where
    /// the start tag ends), as the reader gives for an attribute.
    func checkAttribute(_ name: XMLName, _ value: String) throws(ImportError) {
        guard value.utf8.count > FieldLimits.characters, FieldLimits.isTooLong(value) else { return }
        diagnostics.append(FieldLimits.diagnostic(path: self.name, line: line, column: 0, length: value.count,
                                                  what: "attribute '\(String(cString: name))'"))
        throw .invalid(diagnostics)
    }

    private func stop(_ error: ImportError) {
        failure = error
        state.pointee.stopped = true
        xmlStopParser(context)
    }

    private func report(_ error: xmlError) {
        guard error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL else { return }
        report(line: Int(error.line), column: Int(error.int2), error.message.map { String(cString: $0) } ?? "XML error")
    }

    private func report(line: Int, column: Int, _ message: String) {
        let diagnostic = Diagnostic(.error, path: name, line: line, column: column, XMLPullReader.clarified(message))
        // libxml2 repeats some errors (once per attempt to read past them): each is reported once.
        if diagnostics.last != diagnostic { diagnostics.append(diagnostic) }
    }

    /// The error for a document libxml2 found malformed, worded as `XMLPullReader.next()` words it.
    func malformed(status: Int32) -> ImportError {
        var found = diagnostics
        if let last = xmlGetLastError(), last.pointee.code != 0 {
            let message = XMLPullReader.clarified(last.pointee.message.map { String(cString: $0) } ?? "")
            let diagnostic = Diagnostic(.error, path: name, line: Int(last.pointee.line), column: Int(last.pointee.int2), message)
            if !found.contains(where: { $0.line == diagnostic.line && $0.message == diagnostic.message }) { found.append(diagnostic) }
        }
        if state.pointee.depth > 0 {
            // What libxml2 says when the file stops inside the root element.
            for index in found.indices where found[index].message == "Extra content at the end of the document" {
                found[index].message = "the file ends before its root element is closed: it is truncated"
            }
        }
        if found.isEmpty { found = [Diagnostic(.error, path: name, line: line, "the file is not well-formed XML")] }
        return .invalid(found)
    }
}
