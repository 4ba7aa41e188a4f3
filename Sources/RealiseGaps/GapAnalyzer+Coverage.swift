import RealiseModel

extension GapAnalyzer {
    /// A row per objective (its benefits and those of the objectives nested under it), then a row per programme
    /// (or one for all benefits when the plan names no programme).
    func coverage(_ context: GapContext) -> [Coverage] {
        // Subjects whose every scheduled review is up to date (none overdue).
        let standings = Dictionary(grouping: context.history.reviews, by: \.subject)
        let reviewed = Set(standings.filter { $0.value.allSatisfy { $0.due >= context.asOf } }.keys)
        // A benefit is counted in the row of every objective above it and in its programme's: what is known
        // about it is worked out once.
        var standing: [String: BenefitStanding] = [:]
        standing.reserveCapacity(context.plan.benefits.count)
        func standingOf(_ benefit: String) -> BenefitStanding {
            if let known = standing[benefit] { return known }
            let metrics = context.metrics(measuring: benefit)
            // Each metric found once: its values and its collection frequency.
            let facts = metrics.map { metric in
                context.metricPositions[metric].map { (context.series(ofMetricAt: $0), context.plan.metrics[$0].frequency) }
                    ?? (context.series(of: metric), nil)
            }
            let found = BenefitStanding(
                delivered: context.hasDeliveryPath(benefit),
                measurable: facts.contains { series, _ in series.has(.baseline) && series.has(.target) },
                recentlyMeasured: facts.contains { series, frequency in isRecentlyMeasured(series, frequency, context) },
                reviewed: !reviewed.isEmpty && (reviewed.contains(benefit) || metrics.contains(where: reviewed.contains)))
            standing[benefit] = found
            return found
        }
        func row(level: String, id: String, statement: String, benefits: [String]) -> Coverage {
            var row = Coverage(level: level, objective: id, statement: statement, benefits: benefits.count,
                               withDeliverable: 0, withMeasurableMetric: 0, recentlyMeasured: 0, upToDateReview: 0)
            for benefit in benefits {
                let known = standingOf(benefit)
                if known.delivered { row.withDeliverable += 1 }
                if known.measurable { row.withMeasurableMetric += 1 }
                if known.recentlyMeasured { row.recentlyMeasured += 1 }
                if known.reviewed { row.upToDateReview += 1 }
            }
            return row
        }
        // Every benefit's standing first, in plan order: what is read about one benefit lies near what is read
        // about the next, where the objective rows would visit them scattered.
        for benefit in context.plan.benefits { _ = standingOf(benefit.id) }
        let objectives = context.plan.objectives.map { objective in
            row(level: "objective", id: objective.id, statement: objective.statement,
                benefits: context.benefits(servingObjective: objective.id))
        }
        guard !context.plan.programmes.isEmpty else {
            return objectives + [row(level: "programme", id: "*", statement: "All benefits", benefits: context.plan.benefits.map(\.id))]
        }
        var byProgramme: [String: [String]] = [:]
        for benefit in context.plan.benefits {
            if let programme = benefit.programme { byProgramme[programme, default: []].append(benefit.id) }
        }
        return objectives + context.plan.programmes.map { programme in
            row(level: "programme", id: programme.id, statement: programme.name, benefits: byProgramme[programme.id] ?? [])
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
}
