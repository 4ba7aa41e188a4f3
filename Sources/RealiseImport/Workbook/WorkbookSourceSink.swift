import RealiseModel

/// Hands what the sheets of a workbook yield on to the workspace with their sources as it keeps them: the
/// workbook as the path and the sheet in the format (see `SourceRef.inWorkbook`). The tabular readers locate
/// rows by sheet path (`book.xlsx[Benefits]`) like any file; the workspace keys withdrawal and ownership on the
/// workbook itself, so a renamed sheet or a row moved between sheets is the same workbook stating it again.
final class WorkbookSourceSink: PlanSink {
    private let sink: any PlanSink

    init(_ sink: any PlanSink) { self.sink = sink }

    func take(_ chunk: Plan) {
        var chunk = chunk
        for index in chunk.programmes.indices { chunk.programmes[index].source = chunk.programmes[index].source.inWorkbook }
        for index in chunk.organisations.indices { chunk.organisations[index].source = chunk.organisations[index].source.inWorkbook }
        for index in chunk.objectives.indices { chunk.objectives[index].source = chunk.objectives[index].source.inWorkbook }
        for index in chunk.benefits.indices { chunk.benefits[index].source = chunk.benefits[index].source.inWorkbook }
        for index in chunk.deliverables.indices { chunk.deliverables[index].source = chunk.deliverables[index].source.inWorkbook }
        for index in chunk.metrics.indices { chunk.metrics[index].source = chunk.metrics[index].source.inWorkbook }
        for index in chunk.values.indices { chunk.values[index].source = chunk.values[index].source.inWorkbook }
        for index in chunk.links.indices { chunk.links[index].source = chunk.links[index].source.inWorkbook }
        sink.take(chunk)
    }

    func amend(deliverable id: String, parent: String?, appendingNotes lines: [String]) {
        sink.amend(deliverable: id, parent: parent, appendingNotes: lines)
    }

    func reached(_ done: Int, of total: Int) { sink.reached(done, of: total) }

    func dated(_ day: Day) { sink.dated(day) }
}
