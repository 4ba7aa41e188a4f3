import RealiseModel
import CLibXML2

/// Streams an MSPDI file through `XMLSAXParser`: collects each task and maps it as soon as its end is read,
/// handing the mapped plan to the sink in chunks.
final class MSPDIReader: XMLSAXHandler {
    private let path: String
    private let names: MSPDINames
    private var collector: MSPDICollector
    private var mapper: MSPDIMapper
    private let sink: any PlanSink
    /// Whether the version's date has been told to the sink.
    private var dated = false

    init(parser: XMLSAXParser, options: ImportOptions, sink: any PlanSink) {
        path = parser.path
        names = MSPDINames(parser)
        collector = MSPDICollector(names: names)
        mapper = MSPDIMapper(path: parser.path, options: options)
        self.sink = sink
    }

    func start(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError) {
        if parser.depth == 0 {
            let namespace = element.namespace.map { String(cString: $0) } ?? ""
            guard element.name == names.project, namespace == MSPDIImporter.namespace || namespace.isEmpty else {
                throw .invalid([Diagnostic(.error, path: path, line: parser.startLine(),
                    "the root element must be <Project xmlns=\"\(MSPDIImporter.namespace)\">, not <\(String(cString: element.name))>")])
            }
        }
        collector.start(element.name, parser)
    }

    func end(_ name: XMLName, _ parser: XMLSAXParser) throws(ImportError) {
        guard collector.end(name, parser, parser.text), let task = collector.takeCompletedTask() else { return }
        date()
        mapper.add(task, header: collector.document)
        sink.flush(&mapper.plan, position: (parser.bytesConsumed, parser.fileSize))
    }

    /// The header (status date, last save) comes before the tasks: the version's date is told before the first one.
    private func date() {
        guard !dated else { return }
        dated = true
        if let day = collector.document.versionDate { sink.dated(day) }
    }

    /// Resolves what waits for the end of the file, hands the rest to the sink and returns the warnings.
    func finish() -> [Diagnostic] {
        date()
        return mapper.finish(header: collector.document, into: sink)
    }
}
