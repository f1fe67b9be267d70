import Foundation
import JieyouDomain
import Testing

/// A monitor's appointment: its fields checked, and whether it serves on a day of its term.
@Suite struct MonitorTests {
    @Test func aMonitorServesWithinItsTermWhileActive() throws {
        let draft = MonitorDraft(
            name: "政务大厅3号窗口", kind: "integrity", form: "place", termStartsOn: "2026-03-01", termEndsOn: "2027-02-28")
        let values = try draft.validated().get()
        #expect(values.kind == .integrity && values.form == .place && values.active)
        #expect(
            values.isServing(on: LocalDate(iso: "2026-03-01")!) && values.isServing(on: LocalDate(iso: "2027-02-28")!))
        #expect(!values.isServing(on: LocalDate(iso: "2027-03-01")!))
        var ended = draft
        ended.active = false
        #expect(try !ended.validated().get().isServing(on: LocalDate(iso: "2026-06-01")!))
    }

    @Test func aTermIsCheckedFieldByField() {
        let long = MonitorDraft(
            name: "张三", kind: "businessEnvironment", termStartsOn: "2026-01-01", termEndsOn: "2031-06-01")
        guard case .failure(let failure) = long.validated() else {
            Issue.record("a six-year term was taken")
            return
        }
        #expect(failure.errors.map(\.message) == ["聘期不能超过五年"])
        let blank = MonitorDraft(name: "张三", kind: "businessEnvironment", form: "group")
        guard case .failure(let missing) = blank.validated() else {
            Issue.record("a term was not asked for")
            return
        }
        #expect(missing.errors.map(\.field) == ["form", "termStartsOn", "termEndsOn"])
    }
}
