/// Reading the records from the elements of one `iati-activity`, for 2.0x (`narrative` children, numeric
/// codes) and 1.0x (text directly in the element, repeated per language; words for codes) alike.
extension IATIActivity {
    /// The activity in `node`, read from the file at `path`; text is chosen by `defaultLanguage`.
    init(node: IATINode, path: String, defaultLanguage language: String?) {
        func at(_ node: IATINode) -> IATILocation { IATILocation(path: path, line: node.line) }
        func text(_ nodes: [IATINode]) -> String? { IATINode.text(of: nodes, defaultLanguage: language) }
        func text(_ name: IATIName, of node: IATINode) -> String? { node.text(name, defaultLanguage: language) }
        func value(_ node: IATINode) -> IATIValue {
            IATIValue(value: node.raw(.value), comment: text(.comment, of: node), at: at(node))
        }
        func organisation(_ node: IATINode) -> IATIOrganisation {
            IATIOrganisation(name: text([node]), ref: node[.ref], role: node[.role])
        }

        self.init(identifier: node.first(.identifier)?.ownText, at: at(node))
        title = text(.title, of: node)
        let descriptions = Dictionary(grouping: node.children(.description), by: { $0[.type] ?? "1" })
        description = descriptions["1"].flatMap(text)
        if let objectives = descriptions["2"], let statement = text(objectives) {
            self.objectives = (statement, at(objectives[0]))
        }
        reportingOrg = node.first(.reportingOrg).map(organisation)
        participatingOrgs = node.children(.participatingOrg, organisation)
        status = node.first(.activityStatus)?[.code]
        dates = node.children(.activityDate) { date in
            (date[.type] ?? "", date[.isoDate] ?? date.ownText ?? "", at(date))
        }
        related = node.children(.relatedActivity) { ($0[.ref] ?? $0.ownText ?? "", $0[.type] ?? "", at($0)) }
        results = node.children(.result) { result in
            var record = IATIResult(ref: result[.ref], type: result[.type], title: text(.title, of: result),
                                    description: text(.description, of: result), at: at(result))
            record.indicators = result.children(.indicator) { indicator in
                var item = IATIIndicator(ref: indicator[.ref], measure: indicator[.measure], ascending: indicator[.ascending],
                                         title: text(.title, of: indicator),
                                         description: text(.description, of: indicator), at: at(indicator))
                item.baselines = indicator.children(.baseline) {
                    IATIBaseline(value: value($0), year: $0[.year], isoDate: $0[.isoDate])
                }
                item.periods = indicator.children(.period) { period in
                    let end = period.first(.periodEnd)
                    return IATIPeriod(end: end.flatMap { $0[.isoDate] ?? $0.ownText }, at: at(end ?? period),
                                      targets: period.children(.target, value),
                                      actuals: period.children(.actual, value))
                }
                return item
            }
            return record
        }
    }
}
