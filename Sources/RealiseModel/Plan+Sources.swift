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
        // Each array read in place: `entityIndex` would copy every entity's id and source first (54 MB at the peak
        // of a 100 000-benefit report).
        func addAll<E: Entity>(_ entities: [E]) { for entity in entities { add(entity.source) } }
        addAll(programmes)
        addAll(organisations)
        addAll(objectives)
        addAll(benefits)
        addAll(deliverables)
        addAll(metrics)
        for link in links { add(link.source) }
        for value in values { add(value.source) }
        return paths.sorted()
    }
}
