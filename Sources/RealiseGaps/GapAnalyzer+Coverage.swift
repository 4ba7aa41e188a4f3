import RealiseModel

extension GapAnalyzer {
    /// A row per objective (its benefits and those of the objectives nested under it), then a row per programme
    /// (or one for all benefits when the plan names no programme).
    func coverage(_ context: GapContext) -> [Coverage] {
        // Subjects whose every scheduled review is up to date (none overdue).
        let standings = Dictionary(grouping: context.history.reviews, by: \.subject)
        let reviewed = Set(standings.filter { $0.value.allSatisfy { $0.due >= context.asOf } }.keys)
        // A benefit is counted in the row of every objective above it and in its programme's: what is known
        // about it is worked out once, by its position in the plan, in plan order.
        let benefits = context.plan.benefits
        let standing = benefits.indices.map { index in
            let links = context.links(ofBenefitAt: index), id = benefits[index].id
            let metrics = links.sources(.measures)
            // Each metric found once: its values and its collection frequency.
            let facts = metrics.map { metric in
                context.metricPositions[metric].map { (context.series(ofMetricAt: $0), context.plan.metrics[$0].frequency) }
                    ?? (context.series(of: metric), nil)
            }
            return BenefitStanding(
                delivered: links.hasTargets(.enabledBy) || context.hasDeliveryPath(id),
                measurable: facts.contains { series, _ in series.has(.baseline) && series.has(.target) },
                recentlyMeasured: facts.contains { series, frequency in isRecentlyMeasured(series, frequency, context) },
                reviewed: !reviewed.isEmpty && (reviewed.contains(id) || metrics.contains(where: reviewed.contains)),
                red: context.latestReviews[id]?.rag == .red)
        }
        func row(level: String, id: String, statement: String, positions: some Collection<Int>) -> Coverage {
            var row = Coverage(level: level, objective: id, statement: statement, benefits: positions.count,
                               withDeliverable: 0, withMeasurableMetric: 0, recentlyMeasured: 0, upToDateReview: 0,
                               review: context.latestReviews[id])
            for position in positions {
                let known = standing[position]
                if known.delivered { row.withDeliverable += 1 }
                if known.measurable { row.withMeasurableMetric += 1 }
                if known.recentlyMeasured { row.recentlyMeasured += 1 }
                if known.reviewed { row.upToDateReview += 1 }
                if known.red { row.reviewedRed += 1 }
            }
            return row
        }
        // The benefits serving each objective (`GapContext.benefits(servingObjective:)`), by position, each once:
        // `seen` holds the number of the row that last counted each benefit.
        var seen = [Int](repeating: -1, count: benefits.count)
        let objectives = context.plan.objectives.enumerated().map { number, objective in
            var serving: [Int] = []
            for tree in context.objectiveTree(objective.id) {
                for position in context.contributingBenefitPositions[tree] ?? [] where seen[position] != number {
                    seen[position] = number
                    serving.append(position)
                }
            }
            return row(level: "objective", id: objective.id, statement: objective.statement, positions: serving)
        }
        guard !context.plan.programmes.isEmpty else {
            return objectives + [row(level: "programme", id: "*", statement: "All benefits", positions: benefits.indices)]
        }
        var byProgramme: [String: [Int]] = [:]
        for index in benefits.indices {
            if let programme = benefits[index].programme { byProgramme[programme, default: []].append(index) }
        }
        return objectives + context.plan.programmes.map { programme in
            row(level: "programme", id: programme.id, statement: programme.name, positions: byProgramme[programme.id] ?? [])
        }
    }

    /// A measurement on or before as-of within 1.5 × the metric's collection frequency (a quarter when unset).
    private func isRecentlyMeasured(_ series: MetricSeries, _ frequency: Frequency?, _ context: GapContext) -> Bool {
        let window = StaleMetric.window(frequency)
        // Values are in date order: the latest measurement up to as-of is the one to look at.
        guard let latest = series.last(.measurement, onOrBefore: context.asOf) else { return false }
        return latest.date.days(to: context.asOf) <= window
    }
}

/// What the coverage counts of one benefit.
private struct BenefitStanding {
    var delivered: Bool
    var measurable: Bool
    var recentlyMeasured: Bool
    var reviewed: Bool
    /// Its latest review rated it red.
    var red: Bool
}
