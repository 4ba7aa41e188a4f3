import RealiseModel
import Testing

@Suite("MeasurementCheck and NearMiss")
struct MeasurementCheckTests {
    let trips = MeasurementCheck(metric: "M1", unit: "trips", measureType: .number, baseline: 100, target: 50)
    let today = Day(iso: "2026-01-15")!

    @Test("values more than 10 × the baseline-to-target distance beyond them warn, on either side")
    func plausibleRange() {
        #expect(trips.plausibleRange == -450...600)
        #expect(trips.warnings(value: 600, date: today, today: today).isEmpty)
        #expect(trips.warnings(value: -450, date: today, today: today).isEmpty)
        #expect(trips.warnings(value: 600.5, date: today, today: today).count == 1)
        #expect(trips.warnings(value: -451, date: today, today: today).first?.contains("baseline 100 to its target 50") == true)
        // No distance to scale by: no range, no warning.
        #expect(MeasurementCheck(metric: "M1", unit: nil, measureType: .number, baseline: 5, target: 5).plausibleRange == nil)
        #expect(MeasurementCheck(metric: "M1", unit: nil, measureType: .number, baseline: 5, target: nil).plausibleRange == nil)
    }

    @Test("a future date and a percentage over 100 warn; today and 100 do not")
    func futureAndPercentage() {
        #expect(trips.warnings(value: 80, date: Day(iso: "2026-01-16")!, today: today).first?.hasPrefix("2026-01-16 is in the future") == true)
        #expect(trips.warnings(value: 80, date: today, today: today).isEmpty)
        for (unit, type) in [("%", Metric.MeasureType.number), ("Percent", .number), (nil, .percentage)] as [(String?, Metric.MeasureType)] {
            let check = MeasurementCheck(metric: "P", unit: unit, measureType: type, baseline: nil, target: nil)
            #expect(check.warnings(value: 100, date: today, today: today).isEmpty)
            #expect(check.warnings(value: 100.1, date: today, today: today) == ["P is a percentage and 100.1 is over 100; check the value"])
        }
    }

    @Test("near misses: slips of the keyboard and words cut short, not unrelated words")
    func nearMiss() {
        let commands = ["init", "import", "gaps", "map", "measure", "review", "log", "list", "show"]
        #expect(NearMiss.closest(to: "gapz", among: commands) == "gaps")
        #expect(NearMiss.closest(to: "gpas", among: commands) == "gaps")
        #expect(NearMiss.closest(to: "REVEIW", among: commands) == "review")
        #expect(NearMiss.closest(to: "meas", among: commands) == "measure")
        #expect(NearMiss.closest(to: "frobnicate", among: commands) == nil)
        #expect(NearMiss.closest(to: "", among: commands) == nil)
    }
}
