import RealiseModel
import CLibXML2

/// Streams an MSPDI file through `XMLSAXParser`: collects each task and maps it as soon as its end is read,
/// handing the mapped plan to the sink in chunks.
final class MSPDIReader: XMLSAXHandler {
    /// What changes as the file is read, behind a pointer: measured on a 100 000-task file, Swift's run-time
    /// exclusivity checks on these as class properties, at every element, took 5% of the reader thread.
    private struct State {
        var collector: MSPDICollector
        var mapper: MSPDIMapper
        /// Whether the version's date has been told to the sink.
        var dated = false
    }

    private let path: String
    private let names: MSPDINames
    private let sink: any PlanSink
    private let state: UnsafeMutablePointer<State>

    init(parser: XMLSAXParser, options: ImportOptions, sink: any PlanSink) {
        path = parser.path
        names = MSPDINames(parser)
        self.sink = sink
        state = .allocate(capacity: 1)
        state.initialize(to: State(collector: MSPDICollector(names: names), mapper: MSPDIMapper(path: parser.path, options: options)))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func start(_ element: XMLSAXElement, _ parser: XMLSAXParser) throws(ImportError) {
        if parser.depth == 0 {
            let namespace = element.namespace.map { String(cString: $0) } ?? ""
            guard element.name == names.project, namespace == MSPDIImporter.namespace || namespace.isEmpty else {
                throw .invalid([Diagnostic(.error, path: path, line: parser.startLine(),
                    "the root element must be <Project xmlns=\"\(MSPDIImporter.namespace)\">, not <\(String(cString: element.name))>")])
            }
        }
        state.pointee.collector.start(element.name, parser)
    }

    func end(_ name: XMLName, _ parser: XMLSAXParser) throws(ImportError) {
        guard state.pointee.collector.end(name, parser, parser.text), let task = state.pointee.collector.takeCompletedTask() else { return }
        date()
        let header = state.pointee.collector.document
        state.pointee.mapper.add(task, header: header)
        sink.flush(&state.pointee.mapper.plan, position: (parser.bytesConsumed, parser.fileSize))
    }

    /// The header (status date, last save) comes before the tasks: the version's date is told before the first one.
    private func date() {
        guard !state.pointee.dated else { return }
        state.pointee.dated = true
        if let day = state.pointee.collector.document.versionDate { sink.dated(day) }
    }

    /// Resolves what waits for the end of the file, hands the rest to the sink and returns the warnings.
    func finish() -> [Diagnostic] {
        date()
        let header = state.pointee.collector.document
        return state.pointee.mapper.finish(header: header, into: sink)
    }
}
