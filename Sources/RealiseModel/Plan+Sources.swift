extension Plan {
    /// The files the plan was read from (of its entities, links and values), each once, sorted: what a report on
    /// it names as its sources. Values typed in (`realise measure`, a review's measurement) come from no file.
    public var sourceFiles: [String] {
        var paths = Set<String>()
        // Values are the bulk and come in runs from one file: the path is hashed only when it changes.
        var last: String?
        func add(_ source: SourceRef) {
            guard source.path != last else { return }
            last = source.path
            if source.format != SourceRef.manualFormat { paths.insert(source.path) }
        }
        for entry in entityIndex { add(entry.source) }
        for link in links { add(link.source) }
        for value in values { add(value.source) }
        return paths.sorted()
    }
}
