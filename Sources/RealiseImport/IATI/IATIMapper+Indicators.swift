import RealiseModel

/// Indicators and their values.
///
/// - An indicator becomes a Metric `<result id>#<ref>` or `<result id>#I<n>` that `measures` its result when
///   the result became a Benefit. An output's indicators are kept as metrics with no `measures` link (a
///   metric may measure only a benefit or an objective), with one warning per output and a note on each.
/// - `@measure` 1 (unit) and 3 (nominal) → number, 2 → percentage, 4 → ordinal, 5 → qualitative; missing or
///   unknown → number with a warning. `@ascending` 0/false → decrease, else increase.
/// - The baseline is dated by `@iso-date`, else 1 January of `@year`; a year of 1900 or earlier (the
///   placeholder some publishers write) or none gives no date, so the baseline is skipped with a warning.
/// - Each period gives a Target (from `target/@value`) and a Measurement (from `actual/@value`) at its
///   `period-end`. When several targets or actuals are given (2.03 disaggregations) the first is taken.
/// - A value that is not a number is kept as text with a warning; a value that is missing keeps the
///   comment as its text, or is skipped when there is no comment either. Never a failed import.
extension IATIMapper {
    mutating func mapIndicator(_ indicator: IATIIndicator, id: String, position: Int, result: String, measures: String?,
                               note: String?) {
        let measureType = IATICodes.measureType(indicator.measure) ?? {
            let written = indicator.measure.map { "measure '\($0.prefix(20))', which is not an IATI code (1–5)" } ?? "no @measure"
            warn(indicator.at, "indicator '\(id)' has \(written); read as a number")
            return .number
        }()
        let direction = IATICodes.direction(indicator.ascending) ?? {
            warn(indicator.at, "indicator '\(id)' has ascending '\(indicator.ascending?.prefix(20) ?? "")', not 0 or 1; read as increase")
            return .increase
        }()
        let notes = [indicator.description, note].compactMap { $0 }
        plan.metrics.append(Metric(
            id: id, name: indicator.title.map(IATINarrative.singleLine) ?? "Indicator \(position) of \(result)",
            direction: direction, measureType: measureType, programme: programme,
            notes: notes.isEmpty ? nil : notes.joined(separator: "\n"), source: source(indicator.at, indicator.ref)))
        if let measures {
            plan.links.append(Link(kind: .measures, from: id, to: measures, source: source(indicator.at)))
        }
        if let baseline = indicator.baselines.first {
            if indicator.baselines.count > 1 {
                warn(indicator.baselines[1].value.at, "indicator '\(id)' has \(indicator.baselines.count) baselines; the first was imported")
            }
            if let date = baselineDate(baseline, metric: id) {
                add(.baseline, metric: id, date: date, baseline.value, what: "the baseline of '\(id)'")
            }
        }
        for period in indicator.periods { mapPeriod(period, metric: id) }
    }

    private mutating func baselineDate(_ baseline: IATIBaseline, metric: String) -> Day? {
        let at = baseline.value.at
        if let iso = baseline.isoDate?.trimmed, !iso.isEmpty {
            if let day = Day(iso: iso) { return day }
            warn(at, "the baseline iso-date '\(iso.prefix(40))' of '\(metric)' is not a date; its year is used")
        }
        guard let text = baseline.year?.trimmed, !text.isEmpty else {
            warn(at, "the baseline of '\(metric)' has neither an iso-date nor a year; it was not imported")
            return nil
        }
        guard let year = Int(text), year > 1900, let day = Day(year: year, month: 1, day: 1) else {
            warn(at, "the baseline year '\(text.prefix(20))' of '\(metric)' is a placeholder, not a date; the baseline was not imported")
            return nil
        }
        return day
    }

    private mutating func mapPeriod(_ period: IATIPeriod, metric: String) {
        guard !period.targets.isEmpty || !period.actuals.isEmpty else { return }
        guard let text = period.end?.trimmed, let end = Day(iso: text) else {
            let written = period.end.map { "'\($0.trimmed.prefix(40))' is not a date" } ?? "is missing"
            warn(period.at, "the period-end of a period of '\(metric)' \(written); its target and actual were not imported")
            return
        }
        for (kind, values, name) in [(MetricValue.Kind.target, period.targets, "target"), (.measurement, period.actuals, "actual")] {
            guard let first = values.first else { continue }
            if values.count > 1 {
                warn(values[1].at, "the period of '\(metric)' ending \(end) has \(values.count) \(name)s; the first was imported")
            }
            add(kind, metric: metric, date: end, first, what: "the \(name) of '\(metric)' for the period ending \(end)")
        }
    }

    /// Adds one dated value: a number, or text with a warning. A second value for the same metric, kind and
    /// day is dropped with a warning when it differs. `what` names the value in a warning; most values need none.
    private mutating func add(_ kind: MetricValue.Kind, metric: String, date: Day, _ raw: IATIValue,
                              what: @autoclosure () -> String) {
        var number: Double?, text: String?, note = raw.comment
        if let written = raw.value?.trimmed, !written.isEmpty {
            if let value = Double(lenient: written) {
                number = value
            } else {
                text = written
                warn(raw.at, "\(what()) is '\(written.prefix(40))', not a number; kept as qualitative text")
            }
        } else if let comment = raw.comment {
            text = comment
            note = nil
            warn(raw.at, "\(what()) has no value; its comment is kept as qualitative text")
        } else {
            warn(raw.at, "\(what()) has no value and no comment; nothing was recorded")
            return
        }
        let key = ValueKey(metric: metric, kind: kind, date: date)
        if let earlier = valuesByKey[key] {
            if earlier.value != number || earlier.text != text {
                warn(raw.at, "\(what()) differs from the one at line \(earlier.line) for the same day; only the first was imported")
            }
            return
        }
        valuesByKey[key] = (number, text, raw.at.line)
        plan.values.append(MetricValue(metric: metric, kind: kind, date: date, value: number, text: text, note: note,
                                       source: source(raw.at)))
    }
}
